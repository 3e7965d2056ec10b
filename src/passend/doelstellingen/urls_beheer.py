"""Preparing and running survey waves (namespace ``doelstellingen``, /doelstellingenmonitor/)."""

from django.urls import path

from passend.doelstellingen.views import beheer

urlpatterns = [
    path("", beheer.overzicht, name="overzicht"),
    path("nieuw/", beheer.meting_nieuw, name="meting-nieuw"),
    path("<int:pk>/", beheer.meting, name="meting"),
    path("<int:pk>/wijzigen/", beheer.meting_wijzigen, name="meting-wijzigen"),
    path("<int:pk>/vragen/nieuw/", beheer.vraag_toevoegen, name="vraag-toevoegen"),
    path(
        "<int:pk>/vragen/<int:vraag_pk>/verwijderen/",
        beheer.vraag_verwijderen,
        name="vraag-verwijderen",
    ),
    path("<int:pk>/openen/", beheer.meting_openen, name="meting-openen"),
    path("<int:pk>/sluiten/", beheer.meting_sluiten, name="meting-sluiten"),
    path("<int:pk>/uitnodigingen/", beheer.uitnodigingen, name="uitnodigingen"),
    path("<int:pk>/respons/", beheer.respons_bekijken, name="respons"),
]
