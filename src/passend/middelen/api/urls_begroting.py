"""API routes of the budgets (under /api/v1/begrotingen/). The ids are taken as text so a
malformed one is the view's JSON 404 (as with the other APIs' keys)."""

from django.urls import URLPattern, path

from passend.middelen.api import begroting

urlpatterns: list[URLPattern] = [
    path("begrotingen/", begroting.BegrotingenView.as_view(), name="begroting-list"),
    path("begrotingen/<str:pk>/", begroting.BegrotingView.as_view(), name="begroting-detail"),
    path(
        "begrotingen/<str:pk>/posten/",
        begroting.PostenView.as_view(),
        name="begroting-posten",
    ),
    path(
        "begrotingen/<str:pk>/posten/<str:post_id>/",
        begroting.PostView.as_view(),
        name="begroting-post",
    ),
    path(
        "begrotingen/<str:pk>/berekenen/",
        begroting.BerekenenView.as_view(),
        name="begroting-berekenen",
    ),
    path(
        "begrotingen/<str:pk>/reserve/",
        begroting.ReserveView.as_view(),
        name="begroting-reserve",
    ),
    path(
        "begrotingen/<str:pk>/vaststellen/",
        begroting.VaststellenView.as_view(),
        name="begroting-vaststellen",
    ),
    path(
        "begrotingen/<str:pk>/importeren/",
        begroting.ImporterenView.as_view(),
        name="begroting-importeren",
    ),
]
