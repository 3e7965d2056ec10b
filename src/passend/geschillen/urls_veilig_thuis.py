"""Routes of this part of the app (see urls.py): the Veilig Thuis guard (measure 12)."""

from django.urls import URLPattern, path

from passend.geschillen.views import veilig_thuis

urlpatterns: list[URLPattern] = [
    path(
        "veilig-thuis/leerling/<uuid:leerling>/",
        veilig_thuis.leerling,
        name="veilig-thuis",
    ),
    path("veilig-thuis/cijfers/", veilig_thuis.cijfers_swv, name="veilig-thuis-cijfers"),
    path("veilig-thuis/<uuid:sleutel>/", veilig_thuis.melding, name="veilig-thuis-melding"),
]
