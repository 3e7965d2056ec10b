"""Bezwaar: parents or the board object within 6 weeks (a later one is accepted but marked
late); the SWV asks its bezwaaradviescommissie for advice within 2 weeks, receives it, and
decides (gegrond, ongegrond, or the objection is withdrawn)."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from passend.core.models import Actie
from passend.toelaatbaarheid.models import BeslissingOpBezwaar, Bezwaar, Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import (
    BESLOTEN,
    Besluit,
    Bezwaarstap,
    Indiener,
    Status,
    Uitkomst,
    adviesaanvraag_te_laat,
    beslissing_op_bezwaar_fout,
    bezwaar_te_laat,
    volgende_bezwaarstap,
)
from passend.toelaatbaarheid.selectors import regeling_van
from passend.toelaatbaarheid.services.basis import (
    Conflict,
    _bewaar_als_status,
    _datum_fouten,
    _log,
    _tekst,
    _vergrendeld,
    _weiger_bij_fouten,
)
from passend.toelaatbaarheid.services.behandeling import besluit_fouten


def bezwaar_vastleggen(
    *,
    actor: Any,
    tlv: Toelaatbaarheidsverklaring,
    indiener: str,
    ingediend_op: date,
    omschrijving: str,
    route: str = "",
) -> Bezwaar:
    """The SWV records an objection to its decision; after 6 weeks it is marked late."""
    with transaction.atomic():
        rij = _vergrendeld(tlv, actor, "bezwaar_vastleggen")
        if rij.status not in BESLOTEN or rij.besluit_op is None:
            raise ValidationError(
                "Bezwaar kan pas worden vastgelegd als er een besluit is.", code="status"
            )
        if BeslissingOpBezwaar.objects.filter(tlv=rij).exists():
            raise ValidationError(
                "Op het bezwaar tegen deze TLV is al opnieuw beslist. Tegen die beslissing op "
                "bezwaar staat geen nieuw bezwaar open, alleen beroep bij de rechtbank.",
                code="status",
            )
        fouten: dict[str, list[str]] = {}
        if indiener not in Indiener.values:
            fouten["indiener"] = ["Kies wie bezwaar maakt: de ouders of het schoolbestuur."]
        tekst = _tekst(
            omschrijving, "omschrijving", "Schrijf op waar het bezwaar over gaat.", fouten
        )
        _datum_fouten(
            "ingediend_op",
            ingediend_op,
            fouten,
            niet_voor=rij.besluit_op,
            niet_voor_tekst="het besluit",
        )
        _weiger_bij_fouten(fouten)
        bezwaar = Bezwaar(
            tlv=rij,
            indiener=indiener,
            ingediend_op=ingediend_op,
            te_laat=bezwaar_te_laat(besluit_op=rij.besluit_op, ingediend_op=ingediend_op),
            omschrijving=tekst,
            vastgelegd_door=actor.gebruiker,
        )
        bezwaar.full_clean()
        bezwaar.save()
        rij.save(update_fields=["gewijzigd_op"])
        _log(
            actor,
            rij,
            Actie.WIJZIGEN,
            "bezwaar vastgelegd" + (" (na de termijn van 6 weken)" if bezwaar.te_laat else ""),
            route,
        )
    return bezwaar


def _bezwaar_vergrendeld(actor: Any, bezwaar: Bezwaar, verwacht: str) -> tuple[Bezwaar, Any]:
    rij = _vergrendeld(bezwaar.tlv, actor, "bezwaar_vastleggen")
    vers = Bezwaar.objects.select_for_update().get(pk=bezwaar.pk, tlv=rij)
    stap = volgende_bezwaarstap(
        adviesaanvraag_op=vers.adviesaanvraag_op,
        advies_ontvangen_op=vers.advies_ontvangen_op,
        uitkomst=vers.uitkomst,
    )
    if stap != verwacht:
        raise Conflict(
            "Dit bezwaar is intussen verder behandeld "
            f"(volgende stap: {Bezwaarstap(stap).label.lower()})."
        )
    return vers, rij


def _bewaar(vers: Bezwaar, velden: list[str], stap: str) -> None:
    """Save only if the step is still the one read (status-guarded)."""
    vers.full_clean()
    filter_: dict[str, Any] = {"pk": vers.pk, "uitkomst": ""}
    if stap == Bezwaarstap.ADVIES_VRAGEN:
        filter_["adviesaanvraag_op__isnull"] = True
    elif stap == Bezwaarstap.ADVIES_ONTVANGEN:
        filter_["advies_ontvangen_op__isnull"] = True
    vers.gewijzigd_op = timezone.now()
    if (
        Bezwaar.objects.filter(**filter_).update(
            **{v: getattr(vers, v) for v in [*velden, "gewijzigd_op"]}
        )
        != 1
    ):
        raise Conflict("Dit bezwaar is intussen door iemand anders behandeld.")


def bezwaar_advies_gevraagd(
    *, actor: Any, bezwaar: Bezwaar, adviesaanvraag_op: date, route: str = ""
) -> Bezwaar:
    """The SWV asked the bezwaaradviescommissie for advice (the term is 2 weeks)."""
    with transaction.atomic():
        vers, rij = _bezwaar_vergrendeld(actor, bezwaar, Bezwaarstap.ADVIES_VRAGEN)
        fouten: dict[str, list[str]] = {}
        _datum_fouten(
            "adviesaanvraag_op",
            adviesaanvraag_op,
            fouten,
            niet_voor=vers.ingediend_op,
            niet_voor_tekst="het bezwaar",
        )
        _weiger_bij_fouten(fouten)
        vers.adviesaanvraag_op = adviesaanvraag_op
        _bewaar(vers, ["adviesaanvraag_op"], Bezwaarstap.ADVIES_VRAGEN)
        te_laat = adviesaanvraag_te_laat(
            bezwaar_ontvangen_op=vers.ingediend_op,
            adviesaanvraag_op=adviesaanvraag_op,
            vandaag=timezone.localdate(),
        )
        _log(
            actor,
            rij,
            Actie.WIJZIGEN,
            "bezwaar: advies gevraagd" + (" (na de termijn van 2 weken)" if te_laat else ""),
            route,
        )
    return vers


def bezwaar_advies_ontvangen(
    *, actor: Any, bezwaar: Bezwaar, advies_ontvangen_op: date, advies: str, route: str = ""
) -> Bezwaar:
    with transaction.atomic():
        vers, rij = _bezwaar_vergrendeld(actor, bezwaar, Bezwaarstap.ADVIES_ONTVANGEN)
        fouten: dict[str, list[str]] = {}
        tekst = _tekst(advies, "advies", "Schrijf het advies van de commissie op.", fouten)
        _datum_fouten(
            "advies_ontvangen_op",
            advies_ontvangen_op,
            fouten,
            niet_voor=vers.adviesaanvraag_op,
            niet_voor_tekst="de adviesaanvraag",
        )
        _weiger_bij_fouten(fouten)
        vers.advies_ontvangen_op = advies_ontvangen_op
        vers.advies = tekst
        _bewaar(vers, ["advies_ontvangen_op", "advies"], Bezwaarstap.ADVIES_ONTVANGEN)
        _log(actor, rij, Actie.WIJZIGEN, "bezwaar: advies van de commissie ontvangen", route)
    return vers


def bezwaar_beslissen(
    *,
    actor: Any,
    bezwaar: Bezwaar,
    uitkomst: str,
    uitkomst_op: date,
    toelichting: str,
    route: str = "",
) -> Bezwaar:
    """The outcome: gegrond or ongegrond after the commission's advice; withdrawn any time."""
    with transaction.atomic():
        rij = _vergrendeld(bezwaar.tlv, actor, "bezwaar_vastleggen")
        vers = Bezwaar.objects.select_for_update().get(pk=bezwaar.pk, tlv=rij)
        stap = volgende_bezwaarstap(
            adviesaanvraag_op=vers.adviesaanvraag_op,
            advies_ontvangen_op=vers.advies_ontvangen_op,
            uitkomst=vers.uitkomst,
        )
        if stap == Bezwaarstap.AFGEROND:
            raise Conflict("Op dit bezwaar is al beslist.")
        fouten: dict[str, list[str]] = {}
        if uitkomst not in Uitkomst.values:
            fouten["uitkomst"] = ["Kies de uitkomst: gegrond, ongegrond of ingetrokken."]
        elif uitkomst != Uitkomst.INGETROKKEN and stap != Bezwaarstap.UITKOMST:
            fouten["uitkomst"] = [
                "Het samenwerkingsverband beslist pas op het bezwaar na het advies van de "
                "bezwaaradviescommissie. Alleen intrekken kan nu."
            ]
        tekst = _tekst(toelichting, "toelichting", "Schrijf een korte toelichting.", fouten)
        _datum_fouten(
            "uitkomst_op",
            uitkomst_op,
            fouten,
            niet_voor=vers.ingediend_op,
            niet_voor_tekst="het bezwaar",
        )
        _weiger_bij_fouten(fouten)
        vers.uitkomst = uitkomst
        vers.uitkomst_op = uitkomst_op
        vers.toelichting_uitkomst = tekst
        _bewaar(vers, ["uitkomst", "uitkomst_op", "toelichting_uitkomst"], stap)
        _log(actor, rij, Actie.WIJZIGEN, f"bezwaar: {vers.get_uitkomst_display().lower()}", route)
    return vers


def beslissen_op_bezwaar(
    *,
    actor: Any,
    tlv: Toelaatbaarheidsverklaring,
    besluit: str,
    motivering: str,
    beslist_op: date,
    schoolsoort: str = "",
    bekostigingscategorie: int | None = None,
    ingangsdatum: date | None = None,
    einddatum: date | None = None,
    route: str = "",
) -> BeslissingOpBezwaar:
    """After a bezwaar was judged gegrond, the SWV decides anew (once): it revises the
    decision (school type, category, period, reasons) or grants or refuses after all. The
    TLV then holds the decision in force; the original decision is kept, as it was, in the
    BeslissingOpBezwaar (history). The letter names appeal to the rechtbank."""
    with transaction.atomic():
        rij = _vergrendeld(tlv, actor, "beslissen_op_bezwaar")
        if rij.status not in BESLOTEN or rij.besluit_op is None:
            raise ValidationError("Over deze aanvraag is nog niet besloten.", code="status")
        bezwaren = list(Bezwaar.objects.select_for_update().filter(tlv=rij).order_by("id"))
        fout = beslissing_op_bezwaar_fout(
            uitkomsten=[b.uitkomst for b in bezwaren],
            al_beslist=BeslissingOpBezwaar.objects.filter(tlv=rij).exists(),
        )
        if fout:
            raise ValidationError(fout, code="status")
        gegrond = [b for b in bezwaren if b.uitkomst == Uitkomst.GEGROND]
        grondslag = max(gegrond, key=lambda b: (b.uitkomst_op, b.pk))
        regeling = regeling_van(rij.verantwoordelijk_swv)
        fouten: dict[str, list[str]] = {}
        tekst = besluit_fouten(
            fouten,
            regeling=regeling,
            besluit=besluit,
            motivering=motivering,
            schoolsoort=schoolsoort,
            bekostigingscategorie=bekostigingscategorie,
            ingangsdatum=ingangsdatum,
            einddatum=einddatum,
        )
        _datum_fouten(
            "beslist_op",
            beslist_op,
            fouten,
            niet_voor=grondslag.uitkomst_op,
            niet_voor_tekst="de uitkomst van het bezwaar",
        )
        _weiger_bij_fouten(fouten)
        toegekend = besluit == Besluit.TOEGEKEND
        beslissing = BeslissingOpBezwaar(
            tlv=rij,
            bezwaar=grondslag,
            beslist_op=beslist_op,
            beslist_door=actor.gebruiker,
            besluit=besluit,
            schoolsoort=schoolsoort if toegekend else "",
            bekostigingscategorie=bekostigingscategorie if toegekend else None,
            ingangsdatum=ingangsdatum if toegekend else None,
            einddatum=einddatum if toegekend else None,
            motivering=tekst,
            oorspronkelijk_besluit=rij.besluit,
            oorspronkelijke_schoolsoort=rij.schoolsoort,
            oorspronkelijke_bekostigingscategorie=rij.bekostigingscategorie,
            oorspronkelijke_ingangsdatum=rij.ingangsdatum,
            oorspronkelijke_einddatum=rij.einddatum,
            oorspronkelijke_motivering=rij.motivering,
        )
        beslissing.full_clean()
        beslissing.save()
        was = rij.status
        rij.status = Status.TOEGEKEND if toegekend else Status.AFGEWEZEN
        rij.besluit = besluit
        rij.schoolsoort = beslissing.schoolsoort
        rij.bekostigingscategorie = beslissing.bekostigingscategorie
        rij.ingangsdatum = beslissing.ingangsdatum
        rij.einddatum = beslissing.einddatum
        rij.motivering = tekst
        rij.full_clean()
        _bewaar_als_status(
            rij,
            was,
            [
                "status",
                "besluit",
                "schoolsoort",
                "bekostigingscategorie",
                "ingangsdatum",
                "einddatum",
                "motivering",
            ],
        )
        _log(
            actor,
            rij,
            Actie.WIJZIGEN,
            f"beslissing op bezwaar: {beslissing.get_besluit_display().lower()}",
            route,
        )
    return beslissing
