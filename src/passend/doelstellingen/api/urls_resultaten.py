"""API route of the results of a wave (under /api/v1/)."""

from django.urls import URLPattern, re_path

from passend.doelstellingen.api.resultaten import MetingResultatenView

urlpatterns: list[URLPattern] = [
    # The same key pattern as the waves' router (``api/urls_beheer``): a key that is no
    # number is an unknown wave (404, logged by the selector).
    re_path(
        r"^metingen/(?P<pk>[^/]+)/resultaten/$",
        MetingResultatenView.as_view(),
        name="meting-resultaten",
    ),
]
