"""The SWV handles a request: the desk declares it complete, the deskundigen advise
(independent, at least two), the commission decides."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.core.models import Actie
from passend.toelaatbaarheid.models import Advies, Deskundige, Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import (
    LOPEND,
    SOORTEN_MET_CATEGORIE,
    Besluit,
    Conclusie,
    Regeling,
    Soort,
    Status,
    duur_fouten,
)
from passend.toelaatbaarheid.selectors import (
    advieslijst_fouten,
    onafhankelijkheid,
    ontbrekende_antwoorden,
    regeling_van,
)
from passend.toelaatbaarheid.services.basis import (
    _bewaar_als_status,
    _datum_fouten,
    _log,
    _tekst,
    _vergrendeld,
    _weiger_bij_fouten,
)


def tlv_compleet_verklaren(
    *, actor: Any, tlv: Toelaatbaarheidsverklaring, compleet_op: date, route: str = ""
) -> Toelaatbaarheidsverklaring:
    """The desk found the request complete on this date (dated, for the handling time)."""
    with transaction.atomic():
        rij = _vergrendeld(tlv, actor, "compleet_verklaren")
        if rij.status != Status.INGEDIEND:
            raise ValidationError(
                "Deze aanvraag is al compleet verklaard of afgehandeld.", code="status"
            )
        fouten: dict[str, list[str]] = {}
        _datum_fouten(
            "compleet_op",
            compleet_op,
            fouten,
            niet_voor=rij.ontvangen_op,
            niet_voor_tekst="de ontvangst",
        )
        open_vragen = ontbrekende_antwoorden(rij)
        if open_vragen:
            fouten.setdefault("__all__", []).append(
                "De school heeft nog niet alle verplichte aanvullende vragen van het "
                "samenwerkingsverband beantwoord: "
                + "; ".join(f"'{tekst}'" for tekst in open_vragen)
                + ". Vraag de school dit eerst te doen."
            )
        _weiger_bij_fouten(fouten)
        rij.status = Status.COMPLEET
        rij.compleet_op = compleet_op
        rij.compleet_door = actor.gebruiker
        rij.full_clean()
        _bewaar_als_status(rij, Status.INGEDIEND, ["status", "compleet_op", "compleet_door"])
        _log(actor, rij, Actie.WIJZIGEN, f"compleet verklaard op {compleet_op:%d-%m-%Y}", route)
    return rij


def advies_vastleggen(
    *,
    actor: Any,
    tlv: Toelaatbaarheidsverklaring,
    deskundige: Deskundige,
    conclusie: str,
    toelichting: str,
    datum: date,
    route: str = "",
) -> Advies:
    """The advice of one deskundige of the SWV's pool, who must be independent: not working
    at the requesting school and not involved in preparing the request."""
    with transaction.atomic():
        rij = _vergrendeld(tlv, actor, "advies_vastleggen")
        if rij.status not in LOPEND:
            raise ValidationError(
                "Over deze aanvraag is al besloten; er kan geen advies meer bij.", code="status"
            )
        fouten: dict[str, list[str]] = {}
        if conclusie not in Conclusie.values:
            fouten["conclusie"] = ["Kies of de deskundige de leerling toelaatbaar vindt."]
        tekst = _tekst(toelichting, "toelichting", "Schrijf het advies op.", fouten)
        _datum_fouten(
            "datum", datum, fouten, niet_voor=rij.ontvangen_op, niet_voor_tekst="de ontvangst"
        )
        if (
            deskundige.samenwerkingsverband_id != rij.verantwoordelijk_swv_id
            or not deskundige.actief
        ):
            fouten["deskundige"] = [
                "Kies een deskundige uit de pool van het samenwerkingsverband dat beslist."
            ]
        elif (
            actor.rolsoort == Rolsoort.DESKUNDIGE and deskundige.gebruiker_id != actor.gebruiker.pk
        ):
            fouten["deskundige"] = ["Als deskundige legt u alleen uw eigen advies vast."]
        elif Advies.objects.filter(tlv=rij, deskundige=deskundige).exists():
            fouten["deskundige"] = [
                f"{deskundige.naam} heeft al advies gegeven over deze aanvraag."
            ]
        else:
            afhankelijk = onafhankelijkheid(
                deskundige=deskundige, tlv=rij, peildatum=timezone.localdate()
            )
            if afhankelijk:
                fouten["deskundige"] = afhankelijk
        _weiger_bij_fouten(fouten)
        advies = Advies(
            tlv=rij,
            deskundige=deskundige,
            beroep=deskundige.beroep,
            conclusie=conclusie,
            toelichting=tekst,
            datum=datum,
            vastgelegd_door=actor.gebruiker,
        )
        advies.full_clean()
        try:
            with transaction.atomic():
                advies.save()
        except IntegrityError:
            raise ValidationError(
                {"deskundige": [f"{deskundige.naam} heeft al advies gegeven over deze aanvraag."]}
            ) from None
        rij.save(update_fields=["gewijzigd_op"])
        _log(
            actor,
            rij,
            Actie.WIJZIGEN,
            f"advies van {deskundige.naam} ({deskundige.beroep}) vastgelegd",
            route,
        )
    return advies


def besluit_fouten(
    fouten: dict[str, list[str]],
    *,
    regeling: Regeling,
    besluit: str,
    motivering: str,
    schoolsoort: str,
    bekostigingscategorie: int | None,
    ingangsdatum: date | None,
    einddatum: date | None,
) -> str:
    """What is wrong with the content of a decision (added to ``fouten``, per field); the
    same for the decision and the beslissing op bezwaar. Returns the cleaned reasons."""
    if besluit not in Besluit.values:
        fouten["besluit"] = ["Kies: toekennen of afwijzen."]
    tekst = _tekst(motivering, "motivering", "Schrijf de redenen van het besluit op.", fouten)
    if besluit == Besluit.TOEGEKEND:
        if schoolsoort not in Soort.values:
            fouten["schoolsoort"] = ["Kies het schooltype: sbo, so, vso of pro."]
        elif schoolsoort in SOORTEN_MET_CATEGORIE and bekostigingscategorie not in (1, 2, 3):
            fouten["bekostigingscategorie"] = [
                "Kies de bekostigingscategorie: bij so en vso is die verplicht."
            ]
        elif schoolsoort not in SOORTEN_MET_CATEGORIE and bekostigingscategorie is not None:
            fouten["bekostigingscategorie"] = [
                "Alleen so en vso hebben een bekostigingscategorie. Laat dit veld leeg."
            ]
        if ingangsdatum is None:
            fouten["ingangsdatum"] = ["Vul de ingangsdatum in."]
        if einddatum is None:
            fouten["einddatum"] = ["Vul de einddatum in."]
        if ingangsdatum is not None and einddatum is not None:
            for veld, melding in duur_fouten(
                ingangsdatum=ingangsdatum,
                einddatum=einddatum,
                minimale_duur_maanden=regeling.minimale_duur_maanden,
                maximale_duur_maanden=regeling.maximale_duur_maanden,
            ).items():
                fouten.setdefault(veld, []).append(melding)
    return tekst


def tlv_besluiten(
    *,
    actor: Any,
    tlv: Toelaatbaarheidsverklaring,
    besluit: str,
    motivering: str,
    besluit_op: date,
    schoolsoort: str = "",
    bekostigingscategorie: int | None = None,
    ingangsdatum: date | None = None,
    einddatum: date | None = None,
    route: str = "",
) -> Toelaatbaarheidsverklaring:
    """The decision on a complete request with at least two valid advices: granted (school
    type, category for so/vso, a period that follows the SWV's duration rules) or refused;
    always with reasons. Nothing is saved when anything is wrong."""
    with transaction.atomic():
        rij = _vergrendeld(tlv, actor, "besluiten")
        if rij.status == Status.INGEDIEND:
            raise ValidationError(
                "Het loket heeft deze aanvraag nog niet compleet verklaard. Pas daarna kan de "
                "commissie besluiten.",
                code="status",
            )
        if rij.status != Status.COMPLEET:
            raise ValidationError("Over deze aanvraag is al besloten.", code="status")
        regeling = regeling_van(rij.verantwoordelijk_swv)
        fouten: dict[str, list[str]] = {}
        adviesfouten = advieslijst_fouten(rij, regeling)
        if adviesfouten:
            fouten["adviezen"] = adviesfouten
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
            "besluit_op",
            besluit_op,
            fouten,
            niet_voor=rij.compleet_op,
            niet_voor_tekst="de datum van compleet",
        )
        _weiger_bij_fouten(fouten)
        toegekend = besluit == Besluit.TOEGEKEND
        rij.status = Status.TOEGEKEND if toegekend else Status.AFGEWEZEN
        rij.besluit = besluit
        rij.besluit_op = besluit_op
        rij.besloten_door = actor.gebruiker
        rij.motivering = tekst
        rij.schoolsoort = schoolsoort if toegekend else ""
        rij.bekostigingscategorie = bekostigingscategorie if toegekend else None
        rij.ingangsdatum = ingangsdatum if toegekend else None
        rij.einddatum = einddatum if toegekend else None
        rij.full_clean()
        _bewaar_als_status(
            rij,
            Status.COMPLEET,
            [
                "status",
                "besluit",
                "besluit_op",
                "besloten_door",
                "motivering",
                "schoolsoort",
                "bekostigingscategorie",
                "ingangsdatum",
                "einddatum",
            ],
        )
        _log(actor, rij, Actie.WIJZIGEN, f"besluit: {rij.get_besluit_display().lower()}", route)
    return rij
