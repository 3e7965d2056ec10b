"""Routes of the verzuim cases (see urls.py): the list, reporting, one case and its writes."""

from django.urls import path

from passend.verzuim.views import acties, zaken

urlpatterns = [
    path("", zaken.overzicht, name="overzicht"),
    path("melden/", zaken.melden, name="melden"),
    path("melden/<uuid:leerling>/", zaken.melden_leerling, name="melden-leerling"),
    path("<uuid:sleutel>/", zaken.melding, name="melding"),
    path("<uuid:sleutel>/wijzigen/", acties.melding_wijzigen, name="melding-wijzigen"),
    path(
        "<uuid:sleutel>/partners/toevoegen/",
        acties.partner_toevoegen,
        name="partner-toevoegen",
    ),
    path(
        "<uuid:sleutel>/partners/<int:pk>/beeindigen/",
        acties.partner_beeindigen,
        name="partner-beeindigen",
    ),
    path("<uuid:sleutel>/acties/toevoegen/", acties.actie_toevoegen, name="actie-toevoegen"),
    path("<uuid:sleutel>/acties/<int:pk>/afronden/", acties.actie_afronden, name="actie-afronden"),
    path("<uuid:sleutel>/doorbraak/", acties.doorbraak, name="doorbraak"),
    path(
        "<uuid:sleutel>/onderwijsconsulent/", acties.onderwijsconsulent, name="onderwijsconsulent"
    ),
    path("<uuid:sleutel>/aanbod/", acties.aanbod, name="aanbod"),
    path("<uuid:sleutel>/beeindigen/", acties.beeindigen, name="beeindigen"),
]
