"""Requesting a TLV from a vastgesteld OPP, and its verlenging; who is responsible
(grensverkeer) and the SWV's sight of the pupil (betrokkenheid)."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.permissions import Geweigerd
from passend.leerlingen.models import Inschrijving, Leerling
from passend.leerlingen.services import betrokkenheid_vastleggen
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.permissions import beleid as opp_beleid
from passend.ondersteuning.rules import Status as OppStatus
from passend.organisaties.models import SwvLidmaatschap, Vestiging
from passend.organisaties.rules import SECTOREN_VAN_SOORT
from passend.organisaties.selectors import swv_van_woonregio
from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.permissions import beleid
from passend.toelaatbaarheid.rules import (
    SECTOR_VAN_SOORT,
    GeenVerantwoordelijkSwv,
    Soort,
    Status,
    Toewijzing,
    intrekken_fout,
    verantwoordelijk_swv,
    verlenging_fout,
)
from passend.toelaatbaarheid.selectors import lopende_aanvraag, nieuwste_vastgestelde_opp
from passend.toelaatbaarheid.services.basis import (
    MAX_TEKST,
    _bewaar_als_status,
    _log,
    _tekst,
    _vergrendeld,
    _weiger_bij_fouten,
)


def toewijzing_bepalen(
    *, leerling: Leerling, vestiging: Vestiging, soort: str, peildatum: date
) -> Toewijzing:
    """The grensverkeer rule with the facts from the database; raises ValidationError."""
    sector = SECTOR_VAN_SOORT[soort]
    soorten_in_sector = [s for s, sectoren in SECTOREN_VAN_SOORT.items() if sector in sectoren]
    eerste = not Inschrijving.objects.filter(
        leerling=leerling, vestiging__soort__in=soorten_in_sector
    ).exists()
    woonregio = swv_van_woonregio(gemeente_id=leerling.woongemeente_id, sector=sector)
    school = (
        SwvLidmaatschap.objects.filter(vestiging=vestiging, sector=sector)
        .filter(actief_op(peildatum))
        .values_list("samenwerkingsverband_id", flat=True)
        .first()
    )
    try:
        return verantwoordelijk_swv(
            eerste_inschrijving=eerste,
            woongemeente_bekend=leerling.woongemeente_id is not None,
            woonregio_swv=woonregio.pk if woonregio is not None else None,
            school_swv=school,
            sector=sector,
        )
    except GeenVerantwoordelijkSwv as fout:
        raise ValidationError(str(fout), code="geen_samenwerkingsverband") from None


def _opp_fout(opp: Ontwikkelingsperspectief) -> str | None:
    if opp.status == OppStatus.VASTGESTELD:
        return None
    if opp.status == OppStatus.CONCEPT:
        return (
            "Dit OPP is nog een concept. Een TLV vraagt u aan vanuit een vastgesteld OPP: "
            "stel het OPP eerst vast."
        )
    return "Dit OPP geldt niet meer (vervangen of beëindigd). Kies het geldende, vastgestelde OPP."


def _aanvragen(
    *,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    soort: str,
    toelichting: str,
    ontvangen_op: date | None,
    vorige: Toelaatbaarheidsverklaring | None,
    route: str,
) -> Toelaatbaarheidsverklaring:
    vandaag = timezone.localdate()
    fouten: dict[str, list[str]] = {}
    if soort not in Soort.values:
        fouten["soort"] = ["Kies de soort onderwijs: sbo, so, vso of pro."]
    toelichting = (toelichting or "").strip()
    if len(toelichting) > MAX_TEKST:
        fouten["toelichting"] = [f"De tekst is te lang. Gebruik maximaal {MAX_TEKST} tekens."]
    ontvangen_op = ontvangen_op or vandaag
    if ontvangen_op > vandaag:
        fouten["ontvangen_op"] = ["De datum van ontvangst kan niet in de toekomst liggen."]
    opp_fout = _opp_fout(opp)
    if opp_fout:
        fouten["opp"] = [opp_fout]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        # One request per pupil at a time: lock the pupil while checking.
        leerling = Leerling.objects.select_for_update().get(pk=opp.leerling_id)
        lopend = lopende_aanvraag(leerling_id=leerling.pk)
        if lopend is not None:
            raise ValidationError(
                f"Er loopt al een TLV-aanvraag voor {leerling.naam} (kenmerk {lopend.kenmerk}, "
                f"{lopend.get_status_display().lower()}). Wacht op het besluit daarover.",
                code="loopt_al",
            )
        toewijzing = toewijzing_bepalen(
            leerling=leerling, vestiging=opp.vestiging, soort=soort, peildatum=vandaag
        )
        tlv = Toelaatbaarheidsverklaring(
            leerling=leerling,
            opp=opp,
            vestiging=opp.vestiging,
            soort=soort,
            toelichting=toelichting,
            vorige=vorige,
            aangevraagd_door=actor.gebruiker,
            verantwoordelijk_swv_id=toewijzing.verantwoordelijk,
            woonregio_swv_id=toewijzing.woonregio,
            school_swv_id=toewijzing.school,
            eerste_inschrijving=toewijzing.eerste_inschrijving,
            grensverkeer=toewijzing.grensverkeer,
            ontvangen_op=ontvangen_op,
        )
        tlv.full_clean()
        try:
            with transaction.atomic():
                tlv.save()
        except IntegrityError:  # a request submitted at the same moment
            raise ValidationError(
                f"Er loopt al een TLV-aanvraag voor {leerling.naam}. Wacht op het besluit daarover.",
                code="loopt_al",
            ) from None
        betrokkenheid_vastleggen(
            leerling=leerling,
            grond=f"{'verlenging' if vorige else 'aanvraag'} TLV {tlv.kenmerk}",
            van=min(ontvangen_op, vandaag),
            samenwerkingsverband=tlv.verantwoordelijk_swv,
        )
        _log(
            actor,
            tlv,
            Actie.AANMAKEN,
            f"{'verlenging' if vorige else 'TLV'} aangevraagd ({soort})"
            + (" – grensverkeer" if toewijzing.grensverkeer else ""),
            route,
        )
    return tlv


def tlv_aanvragen(
    *,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    soort: str,
    toelichting: str = "",
    ontvangen_op: date | None = None,
    route: str = "",
) -> Toelaatbaarheidsverklaring:
    """The school board requests a TLV from the pupil's vastgesteld OPP. Everything else the
    request needs (pupil, school, OPP, the parents' view and consent, the pupil's view) comes
    from Passend; the responsible SWV follows the grensverkeer rule and gets a betrokkenheid.
    ``ontvangen_op`` (default today) is for a request that reached the SWV on paper earlier.
    """
    beleid.eis(actor, "rol:aanvragen")
    if not opp_beleid.mag(actor, "bekijken", opp):
        raise Geweigerd("dit OPP is niet van een leerling van uw school of bestuur")
    return _aanvragen(
        actor=actor,
        opp=opp,
        soort=soort,
        toelichting=toelichting,
        ontvangen_op=ontvangen_op,
        vorige=None,
        route=route,
    )


def tlv_verlenging_aanvragen(
    *,
    actor: Any,
    tlv: Toelaatbaarheidsverklaring,
    soort: str = "",
    toelichting: str = "",
    route: str = "",
) -> Toelaatbaarheidsverklaring:
    """The current school requests a verlenging before the end date: a new request, linked
    to the TLV it extends, from the pupil's current vastgesteld OPP; the same advice and
    decision follow."""
    beleid.eis(actor, "verlenging_aanvragen", tlv)
    vandaag = timezone.localdate()
    fout = verlenging_fout(status=tlv.status, einddatum=tlv.einddatum, vandaag=vandaag)
    if fout:
        raise ValidationError(fout, code="verlenging_niet_mogelijk")
    if Toelaatbaarheidsverklaring.objects.filter(vorige=tlv).exists():
        raise ValidationError(
            "Voor deze TLV is al een verlenging aangevraagd.", code="verlenging_niet_mogelijk"
        )
    opp = nieuwste_vastgestelde_opp(actor=actor, leerling_id=tlv.leerling_id)
    if opp is None:
        raise ValidationError(
            "Er is geen vastgesteld OPP van deze leerling op uw school. Een verlenging vraagt u "
            "aan vanuit het geldende OPP: stel dat eerst vast.",
            code="geen_opp",
        )
    return _aanvragen(
        actor=actor,
        opp=opp,
        soort=soort or tlv.schoolsoort or tlv.soort,
        toelichting=toelichting,
        ontvangen_op=None,
        vorige=tlv,
        route=route,
    )


def tlv_intrekken(
    *, actor: Any, tlv: Toelaatbaarheidsverklaring, reden: str, route: str = ""
) -> Toelaatbaarheidsverklaring:
    """The requesting school (IB, schoolleider, bestuurder) withdraws the request before the
    decision, with a reason; dated today and by whom. The SWV keeps the dossier."""
    with transaction.atomic():
        rij = _vergrendeld(tlv, actor, "intrekken")
        fout = intrekken_fout(rij.status)
        if fout:
            raise ValidationError(fout, code="status")
        fouten: dict[str, list[str]] = {}
        tekst = _tekst(reden, "reden", "Schrijf op waarom de school de aanvraag intrekt.", fouten)
        _weiger_bij_fouten(fouten)
        was = rij.status
        rij.status = Status.INGETROKKEN
        rij.ingetrokken_op = max(timezone.localdate(), rij.ontvangen_op)
        rij.ingetrokken_door = actor.gebruiker
        rij.reden_intrekking = tekst
        rij.full_clean()
        _bewaar_als_status(
            rij, was, ["status", "ingetrokken_op", "ingetrokken_door", "reden_intrekking"]
        )
        _log(actor, rij, Actie.WIJZIGEN, "TLV-aanvraag ingetrokken door de school", route)
    return rij
