"""What the start page ("mijn werk") shows about TLVs, per role, in a few counting queries.

It writes no access-log record: for parents and pupils the start page already writes the
one record naming their children; staff see counts only.
"""

from datetime import date
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse

from passend.accounts.rules import Rolsoort
from passend.toelaatbaarheid.models import (
    AanvullendAntwoord,
    AanvullendeVraag,
    Advies,
    Bezwaar,
    Deskundige,
)
from passend.toelaatbaarheid.permissions import AANVRAGERS, PRIVE, beleid
from passend.toelaatbaarheid.rules import ADVIESAANVRAAGTERMIJN, LOPEND, Status
from passend.toelaatbaarheid.selectors.dossier import eindigen_binnenkort, tlvs_zichtbaar_voor

R = Rolsoort


def _item(aantal: int, enkel: str, meer: str, url: str) -> dict[str, Any]:
    return {
        "tekst": (enkel if aantal == 1 else meer).format(n=aantal),
        "aantal": aantal,
        "url": url,
    }


def mijn_werk(*, actor: Any, peildatum: date) -> list[dict[str, Any]]:
    """Items like {"tekst": "3 TLV-aanvragen wachten op een besluit", "aantal": 3, "url": ...}."""
    if not beleid.mag(actor, "rol:bekijken"):
        return []
    overzicht = reverse("toelaatbaarheid:overzicht")
    if actor.rolsoort in PRIVE:
        return _prive(actor)
    zichtbaar = tlvs_zichtbaar_voor(actor=actor)
    items: list[dict[str, Any]] = []
    if actor.rolsoort in AANVRAGERS:
        lopend = zichtbaar.filter(status__in=LOPEND).count()
        if lopend:
            items.append(
                _item(
                    lopend,
                    "{n} TLV-aanvraag is in behandeling bij het samenwerkingsverband",
                    "{n} TLV-aanvragen zijn in behandeling bij het samenwerkingsverband",
                    overzicht,
                )
            )
        open_vraag = AanvullendeVraag.objects.filter(
            regeling__samenwerkingsverband_id=OuterRef("verantwoordelijk_swv_id"),
            actief=True,
            verplicht=True,
        ).exclude(
            Exists(
                AanvullendAntwoord.objects.filter(
                    tlv_id=OuterRef(OuterRef("pk")), vraag=OuterRef("pk")
                )
            )
        )
        te_beantwoorden = zichtbaar.filter(Exists(open_vraag), status=Status.INGEDIEND).count()
        if te_beantwoorden:
            items.append(
                _item(
                    te_beantwoorden,
                    "{n} TLV-aanvraag wacht op uw antwoord op de aanvullende vragen",
                    "{n} TLV-aanvragen wachten op uw antwoord op de aanvullende vragen",
                    f"{overzicht}?status={Status.INGEDIEND}",
                )
            )
    aflopend = (
        eindigen_binnenkort(actor=actor, vandaag=peildatum).filter(verlenging__isnull=True).count()
    )
    if aflopend:
        items.append(
            _item(
                aflopend,
                "{n} TLV loopt binnenkort af zonder aangevraagde verlenging",
                "{n} TLV's lopen binnenkort af zonder aangevraagde verlenging",
                reverse("toelaatbaarheid:eindigt-binnenkort"),
            )
        )
    if actor.rolsoort == R.LOKET:
        wacht = zichtbaar.filter(status=Status.INGEDIEND).count()
        if wacht:
            items.append(
                _item(
                    wacht,
                    "{n} TLV-aanvraag wacht op de controle op volledigheid",
                    "{n} TLV-aanvragen wachten op de controle op volledigheid",
                    f"{overzicht}?status={Status.INGEDIEND}",
                )
            )
    if actor.rolsoort in (R.LOKET, R.COMMISSIELID, R.DIRECTEUR):
        bezwaren = Bezwaar.objects.filter(
            tlv__in=zichtbaar.values("pk"), adviesaanvraag_op__isnull=True, uitkomst=""
        ).aggregate(
            open=Count("id"),
            te_laat=Count("id", filter=Q(ingediend_op__lt=peildatum - ADVIESAANVRAAGTERMIJN)),
        )
        if bezwaren["open"]:
            items.append(
                _item(
                    bezwaren["open"],
                    "{n} bezwaar wacht op de adviesaanvraag bij de bezwaaradviescommissie",
                    "{n} bezwaren wachten op de adviesaanvraag bij de bezwaaradviescommissie",
                    overzicht,
                )
                | {"te_laat": bezwaren["te_laat"]}
            )
    if actor.rolsoort in (R.COMMISSIELID, R.DIRECTEUR):
        klaar = zichtbaar.filter(status=Status.COMPLEET).count()
        if klaar:
            items.append(
                _item(
                    klaar,
                    "{n} complete TLV-aanvraag wacht op een besluit",
                    "{n} complete TLV-aanvragen wachten op een besluit",
                    f"{overzicht}?status={Status.COMPLEET}",
                )
            )
    if actor.rolsoort == R.DESKUNDIGE:
        eigen = Deskundige.objects.filter(
            gebruiker=actor.gebruiker,
            samenwerkingsverband_id=actor.rol.samenwerkingsverband_id,
            actief=True,
        )
        if eigen.exists():
            zonder_advies = (
                zichtbaar.filter(status__in=LOPEND)
                .exclude(
                    Exists(
                        Advies.objects.filter(tlv=OuterRef("pk"), deskundige__in=eigen.values("pk"))
                    )
                )
                .count()
            )
            if zonder_advies:
                items.append(
                    _item(
                        zonder_advies,
                        "{n} TLV-aanvraag zonder uw advies",
                        "{n} TLV-aanvragen zonder uw advies",
                        overzicht,
                    )
                )
    return items


def _prive(actor: Any) -> list[dict[str, Any]]:
    """Per child with a TLV (request): a link to the plain-language page."""
    items = []
    rijen = (
        tlvs_zichtbaar_voor(actor=actor)
        .values("leerling__sleutel", "leerling__roepnaam", "leerling__voornamen")
        .annotate(aantal=Count("id"))
        .order_by("leerling__roepnaam", "leerling__sleutel")
    )
    for rij in rijen:
        naam = rij["leerling__roepnaam"] or rij["leerling__voornamen"]
        items.append(
            {
                "tekst": f"Toelaatbaarheidsverklaring van {naam}: bekijk de aanvraag en het besluit",
                "aantal": rij["aantal"],
                "url": reverse(
                    "toelaatbaarheid:portaal", kwargs={"leerling": rij["leerling__sleutel"]}
                ),
            }
        )
    return items
