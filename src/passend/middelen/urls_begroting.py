"""Page routes of the yearly budgets (namespace ``middelen``, under /middelen/begrotingen/)."""

from django.urls import URLPattern, path

from passend.middelen.views import begroting

urlpatterns: list[URLPattern] = [
    path("begrotingen/", begroting.lijst, name="begrotingen"),
    path("begrotingen/nieuw/", begroting.nieuw, name="begroting-nieuw"),
    path("begrotingen/<int:pk>/", begroting.detail, name="begroting"),
    path("begrotingen/<int:pk>/posten/nieuw/", begroting.post_nieuw, name="post-nieuw"),
    path(
        "begrotingen/<int:pk>/posten/<int:post_id>/",
        begroting.post_wijzigen,
        name="post-wijzigen",
    ),
    path(
        "begrotingen/<int:pk>/posten/<int:post_id>/verwijderen/",
        begroting.post_verwijderen,
        name="post-verwijderen",
    ),
    path("begrotingen/<int:pk>/berekenen/", begroting.berekenen, name="berekenen"),
    path("begrotingen/<int:pk>/reserve/", begroting.reserve, name="reserve"),
    path("begrotingen/<int:pk>/vaststellen/", begroting.vaststellen, name="vaststellen"),
    path("begrotingen/<int:pk>/importeren/", begroting.importeren, name="importeren"),
]
