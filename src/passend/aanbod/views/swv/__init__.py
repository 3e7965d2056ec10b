"""The samenwerkingsverband's pages of the support offer (/aanbod/regio/... and
/aanbod/sociale-kaart/...), one module per part: ``regio`` (the region's overview and the
waiting lists over time), ``bestand`` (the CSV import and export of the region's offer),
``kaart`` (the management of the sociale kaart); ``basis`` holds what they share.

Thin: parse (form), call one selector or service, render or redirect. The offer holds no
pupil data, so nothing here writes the access log; every page goes through the policy: a
role that may never use a page gets a 403, another SWV's Voorziening a 404.
"""

from django.urls import URLPattern, path

from passend.aanbod.views.swv import bestand, kaart, regio

urlpatterns: list[URLPattern] = [
    path("regio/", regio.regio_overzicht, name="regio-overzicht"),
    path("regio/wachtlijsten/", regio.wachtlijsten, name="regio-wachtlijsten"),
    path("regio/wachtlijsten.csv", regio.wachtlijsten_csv, name="regio-wachtlijsten-csv"),
    path("regio/importeren/", bestand.importeren, name="regio-importeren"),
    path("regio/exporteren.csv", bestand.exporteren, name="regio-exporteren"),
    path("sociale-kaart/", kaart.kaart_lijst, name="kaart-lijst"),
    path("sociale-kaart/nieuw/", kaart.kaart_toevoegen, name="kaart-toevoegen"),
    path("sociale-kaart/<int:pk>/", kaart.kaart_wijzigen, name="kaart-wijzigen"),
    path("sociale-kaart/<int:pk>/actief/", kaart.kaart_activeren, name="kaart-activeren"),
]
