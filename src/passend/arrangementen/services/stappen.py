"""The steps after submitting: the loket's completeness check, the school's completion and
withdrawal, and the decision by a commissielid or the directeur."""

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.rules import Besluit, Status, Toekenning, aanvraag_fouten, besluit_fouten
from passend.arrangementen.selectors import geldende_versie
from passend.arrangementen.services.basis import _datum, _laatste_stap, _open_stap, _stap
from passend.ondersteuning.rules import Status as OppStatus


def compleet_verklaren(
    *, actor: Any, aanvraag: Arrangementaanvraag, route: str = "", op: date | None = None
) -> Arrangementaanvraag:
    """The loket finds the request complete; the commission can decide."""
    with transaction.atomic():
        rij = _open_stap(actor, aanvraag, "volledigheid_beoordelen", Status.COMPLEET)
        datum = _datum(op, _laatste_stap(rij), "compleet_op")
        return _stap(
            actor=actor,
            aanvraag=aanvraag,
            actie="volledigheid_beoordelen",
            naar=Status.COMPLEET,
            velden={"compleet_op": datum, "compleet_door": actor.gebruiker},
            datum=datum,
            toelichting="",
            reden="aanvraag compleet verklaard",
            route=route,
            gelezen=rij,
        )


def onvolledig_verklaren(
    *,
    actor: Any,
    aanvraag: Arrangementaanvraag,
    ontbreekt: str,
    route: str = "",
    op: date | None = None,
) -> Arrangementaanvraag:
    """The loket says what is missing; the school completes the request and resubmits."""
    if not ontbreekt.strip():
        raise ValidationError({"ontbreekt": "Schrijf op wat er ontbreekt."})
    with transaction.atomic():
        rij = _open_stap(actor, aanvraag, "volledigheid_beoordelen", Status.ONVOLLEDIG)
        datum = _datum(op, _laatste_stap(rij), "onvolledig_op")
        return _stap(
            actor=actor,
            aanvraag=aanvraag,
            actie="volledigheid_beoordelen",
            naar=Status.ONVOLLEDIG,
            velden={"onvolledig_op": datum, "ontbreekt": ontbreekt.strip()},
            datum=datum,
            toelichting=ontbreekt.strip(),
            reden="aanvraag onvolledig verklaard",
            route=route,
            gelezen=rij,
        )


def aanvraag_aanvullen(
    *,
    actor: Any,
    aanvraag: Arrangementaanvraag,
    aanvulling: str,
    ondersteuning: str,
    van: date,
    tot: date,
    bedrag: Decimal | None,
    toelichting: str,
    route: str = "",
    op: date | None = None,
) -> Arrangementaanvraag:
    """The school completes an incomplete request and submits it again. When the OPP was
    revised and set again meanwhile, the request moves to the version that counts now."""
    with transaction.atomic():
        rij = _open_stap(actor, aanvraag, "aanvullen", Status.INGEDIEND)
        datum = _datum(op, _laatste_stap(rij), "aanvulling")
        fouten = aanvraag_fouten(
            ondersteuning=ondersteuning,
            toelichting=toelichting,
            van=van,
            tot=tot,
            bedrag=bedrag,
            aanvraagdatum=datum,
        )
        if not aanvulling.strip():
            fouten["aanvulling"] = "Schrijf op wat u heeft aangevuld of veranderd."
        if fouten:
            raise ValidationError(fouten)
        opp = rij.opp
        notitie = aanvulling.strip()
        if opp.status != OppStatus.VASTGESTELD:
            geldend = geldende_versie(opp)
            if geldend is None:
                raise ValidationError(
                    {
                        "aanvulling": "Het OPP van deze aanvraag geldt niet meer (beëindigd). "
                        "Trek de aanvraag in."
                    }
                )
            opp = geldend
            notitie += f"\n(De aanvraag steunt nu op versie {geldend.versie} van het OPP.)"
        return _stap(
            actor=actor,
            aanvraag=aanvraag,
            actie="aanvullen",
            naar=Status.INGEDIEND,
            velden={
                "opp": opp,
                "ondersteuning": ondersteuning.strip(),
                "van": van,
                "tot": tot,
                "bedrag": bedrag,
                "toelichting": toelichting.strip(),
                "opnieuw_ingediend_op": datum,
            },
            datum=datum,
            toelichting=notitie,
            reden="aanvraag aangevuld en opnieuw ingediend",
            route=route,
            gelezen=rij,
        )


def besluit_nemen(
    *,
    actor: Any,
    aanvraag: Arrangementaanvraag,
    besluit: str,
    redenen: str,
    toegekend_bedrag: Decimal | None = None,
    toegekend_van: date | None = None,
    toegekend_tot: date | None = None,
    route: str = "",
    op: date | None = None,
) -> Arrangementaanvraag:
    """A commissielid or the directeur decides on a complete request, with reasons."""
    with transaction.atomic():
        rij = _open_stap(actor, aanvraag, "beslissen", Status.BESLOTEN)
        datum = _datum(op, rij.compleet_op, "besluit")
        toekenning = Toekenning(
            besluit=besluit,
            redenen=redenen,
            bedrag=toegekend_bedrag,
            van=toegekend_van,
            tot=toegekend_tot,
        )
        fouten = besluit_fouten(
            toekenning,
            aangevraagd_bedrag=rij.bedrag,
            aangevraagd_van=rij.van,
            aangevraagd_tot=rij.tot,
        )
        if fouten:
            raise ValidationError(fouten)
        label = Besluit(besluit).label.lower()
        return _stap(
            actor=actor,
            aanvraag=aanvraag,
            actie="beslissen",
            naar=Status.BESLOTEN,
            velden={
                "besluit": besluit,
                "redenen": redenen.strip(),
                "toegekend_bedrag": toegekend_bedrag,
                "toegekend_van": toegekend_van,
                "toegekend_tot": toegekend_tot,
                "besloten_op": datum,
                "besloten_door": actor.gebruiker,
            },
            datum=datum,
            toelichting=f"{Besluit(besluit).label}. {redenen.strip()}",
            reden=f"besluit: {label}",
            route=route,
            gelezen=rij,
        )


def aanvraag_intrekken(
    *,
    actor: Any,
    aanvraag: Arrangementaanvraag,
    reden: str,
    route: str = "",
    op: date | None = None,
) -> Arrangementaanvraag:
    """The school withdraws its request before the decision."""
    if not reden.strip():
        raise ValidationError({"reden": "Schrijf op waarom u de aanvraag intrekt."})
    with transaction.atomic():
        rij = _open_stap(actor, aanvraag, "intrekken", Status.INGETROKKEN)
        datum = _datum(op, _laatste_stap(rij), "reden")
        return _stap(
            actor=actor,
            aanvraag=aanvraag,
            actie="intrekken",
            naar=Status.INGETROKKEN,
            velden={"ingetrokken_op": datum, "reden_intrekking": reden.strip()},
            datum=datum,
            toelichting=reden.strip(),
            reden="aanvraag ingetrokken",
            route=route,
            gelezen=rij,
        )
