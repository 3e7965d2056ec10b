from django.urls import path

from passend.arrangementen.views import inzien, portaal, school, swv

app_name = "arrangementen"

urlpatterns = [
    # The school (intern begeleider / ondersteuningscoördinator, schoolleider) and its board
    path("", school.overzicht, name="overzicht"),
    path("aanvragen/<uuid:opp>/", school.aanvragen, name="aanvragen"),
    path("<uuid:sleutel>/aanvullen/", school.aanvullen, name="aanvullen"),
    path("<uuid:sleutel>/intrekken/", school.intrekken, name="intrekken"),
    # The samenwerkingsverband: loket, commissie, directeur (and deskundigen, reading)
    path("werkvoorraad/", swv.werkvoorraad_pagina, name="werkvoorraad"),
    path("<uuid:sleutel>/volledigheid/", swv.volledigheid, name="volledigheid"),
    path("<uuid:sleutel>/besluit/", swv.besluit, name="besluit"),
    # Both
    path("<uuid:sleutel>/", inzien.detail, name="detail"),
    path("<uuid:sleutel>/besluitbrief.pdf", inzien.brief, name="brief"),
    # The parents
    path("mijn-kinderen/", portaal.portaal, name="portaal"),
]
