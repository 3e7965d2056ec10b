"""Routes of this part of the app (see urls.py)."""

from django.urls import URLPattern, path

from passend.geschillen.views import onenigheid, portaal, route

urlpatterns: list[URLPattern] = [
    path("", onenigheid.overzicht, name="overzicht"),
    path("route/", route.route, name="route"),
    path("starten/<uuid:leerling>/", onenigheid.starten, name="starten"),
    path("mijn/", portaal.portaal, name="portaal"),
    path("mijn/starten/", portaal.starten, name="portaal-starten"),
    path("mijn/<uuid:sleutel>/", portaal.onenigheid, name="portaal-onenigheid"),
    path("mijn/<uuid:sleutel>/intrekken/", portaal.intrekken, name="portaal-intrekken"),
    path("<uuid:sleutel>/", onenigheid.onenigheid, name="onenigheid"),
    path("<uuid:sleutel>/stap/", onenigheid.stap, name="stap"),
    path(
        "<uuid:sleutel>/stappen/<int:pk>/afronden/",
        onenigheid.stap_afronden,
        name="stap-afronden",
    ),
    path("<uuid:sleutel>/commissie/", onenigheid.commissie, name="commissie"),
    path("<uuid:sleutel>/afsluiten/", onenigheid.afsluiten, name="afsluiten"),
]
