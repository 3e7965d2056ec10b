"""Every write of an OPP. Each checks the policy, refuses changes to a frozen version, and
writes the access log."""

from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Inschrijving, Leerling, Ouderschap
from passend.ondersteuning.models import (
    Doel,
    Evaluatie,
    Factor,
    Instemming,
    Leerlingstem,
    Ontwikkelingsperspectief,
    Overleg,
)
from passend.ondersteuning.permissions import beleid
from passend.ondersteuning.rules import (
    Besluit,
    Einde,
    Hoorwijze,
    Status,
    Wijze,
    herauthenticatie_geldig,
    leerling_beslist_zelf,
    mag_instemmen,
    ontbrekende_onderdelen,
    uiterste_evaluatiedatum,
)
from passend.ondersteuning.selectors import volledigheid

BEWERKBARE_VELDEN = frozenset(
    {
        "uitstroombestemming",
        "uitstroomperspectief",
        "onderbouwing",
        "start_extra_ondersteuning",
        "leerling_handelingsbekwaam",
    }
)


class Conflict(Exception):
    """Somebody else changed this OPP since it was read: nothing was saved."""


class OppOnvolledig(ValidationError):
    """Vaststellen refused: ``ontbrekend`` lists every missing part in plain Dutch."""

    def __init__(self, ontbrekend: list[str]) -> None:
        super().__init__(ontbrekend)
        self.ontbrekend = ontbrekend


class Bevroren(ValidationError):
    def __init__(self) -> None:
        super().__init__(
            "Deze versie is vastgesteld en kan niet meer worden gewijzigd. Maak een herziening."
        )


def _log(actor: Any, opp: Ontwikkelingsperspectief, actie: Actie, reden: str, route: str) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type="ontwikkelingsperspectief",
        object_id=str(opp.sleutel),
        leerling_sleutels=[opp.leerling.sleutel],
        toegestaan=True,
        reden=reden,
        route=route,
    )


def _vergrendeld(opp: Ontwikkelingsperspectief, actor: Any, actie: str) -> Ontwikkelingsperspectief:
    """Lock the row, check the policy again on the locked row."""
    rij = (
        Ontwikkelingsperspectief.objects.select_for_update()
        .select_related("leerling")
        .get(pk=opp.pk)
    )
    beleid.eis(actor, actie, rij)
    return rij


def _concept(opp: Ontwikkelingsperspectief, actor: Any) -> Ontwikkelingsperspectief:
    rij = _vergrendeld(opp, actor, "opstellen")
    if rij.is_bevroren:
        raise Bevroren()
    return rij


def opp_starten(
    *, actor: Any, leerling: Leerling, start_extra_ondersteuning: date, route: str = ""
) -> Ontwikkelingsperspectief:
    """Start an OPP at the actor's school for a pupil enrolled there now."""
    beleid.eis(actor, "starten")
    vandaag = timezone.localdate()
    inschrijving = (
        Inschrijving.objects.filter(leerling=leerling, vestiging__school_id=actor.rol.school_id)
        .filter(actief_op(vandaag))
        .select_related("vestiging")
        .first()
    )
    if inschrijving is None:
        raise Geweigerd("Deze leerling staat niet ingeschreven op uw school.")
    with transaction.atomic():
        lopend = Ontwikkelingsperspectief.objects.select_for_update().filter(
            leerling=leerling,
            vestiging__school_id=actor.rol.school_id,
            status__in=[Status.CONCEPT, Status.VASTGESTELD],
        )
        if lopend.exists():
            raise ValidationError(
                "Deze leerling heeft al een lopend OPP op uw school. Werk dat bij of maak een herziening."
            )
        opp = Ontwikkelingsperspectief(
            leerling=leerling,
            vestiging=inschrijving.vestiging,
            start_extra_ondersteuning=start_extra_ondersteuning,
            aangemaakt_door=actor.gebruiker,
        )
        opp.full_clean()
        opp.save()
        _log(actor, opp, Actie.AANMAKEN, "OPP gestart", route)
    return opp


def opp_bijwerken(
    *,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    versie: str,
    wijzigingen: dict[str, Any],
    route: str = "",
) -> Ontwikkelingsperspectief:
    """Change the draft's own fields; refuses when it changed since ``versie`` was read."""
    onbekend = set(wijzigingen) - BEWERKBARE_VELDEN
    if onbekend:
        raise ValidationError(
            {veld: "Dit veld kan hier niet worden gewijzigd." for veld in onbekend}
        )
    with transaction.atomic():
        rij = _concept(opp, actor)
        if rij.gewijzigd_op.isoformat() != versie:
            raise Conflict("Iemand anders heeft dit OPP intussen gewijzigd.")
        for veld, waarde in wijzigingen.items():
            setattr(rij, veld, waarde)
        rij.full_clean()
        rij.save()
        _log(actor, rij, Actie.WIJZIGEN, "OPP bijgewerkt: " + ", ".join(sorted(wijzigingen)), route)
    return rij


def _onderdeel_opslaan(
    actor: Any, opp: Ontwikkelingsperspectief, onderdeel: Any, reden: str, route: str
) -> Any:
    with transaction.atomic():
        rij = _concept(opp, actor)
        onderdeel.opp = rij
        onderdeel.full_clean()
        onderdeel.save()
        rij.save(update_fields=["gewijzigd_op"])  # a new version token for optimistic locking
        _log(actor, rij, Actie.WIJZIGEN, reden, route)
    return onderdeel


def factor_toevoegen(
    *, actor: Any, opp: Ontwikkelingsperspectief, soort: str, omschrijving: str, route: str = ""
) -> Factor:
    return _onderdeel_opslaan(
        actor,
        opp,
        Factor(soort=soort, omschrijving=omschrijving.strip()),
        "factor toegevoegd",
        route,
    )


def doel_toevoegen(
    *, actor: Any, opp: Ontwikkelingsperspectief, route: str = "", **velden: Any
) -> Doel:
    return _onderdeel_opslaan(
        actor, opp, Doel(**velden), "doel toegevoegd aan het handelingsdeel", route
    )


def overleg_vastleggen(
    *,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    datum: date,
    deelnemers: str,
    samenvatting: str,
    route: str = "",
) -> Overleg:
    return _onderdeel_opslaan(
        actor,
        opp,
        Overleg(datum=datum, deelnemers=deelnemers, samenvatting=samenvatting),
        "overleg met de ouders vastgelegd",
        route,
    )


def onderdeel_verwijderen(
    *, actor: Any, onderdeel: Factor | Doel | Overleg, route: str = ""
) -> None:
    with transaction.atomic():
        rij = _concept(onderdeel.opp, actor)
        onderdeel.delete()
        rij.save(update_fields=["gewijzigd_op"])
        _log(actor, rij, Actie.WIJZIGEN, f"{onderdeel._meta.verbose_name} verwijderd", route)


def zienswijze_ouders_geven(
    *, actor: Any, opp: Ontwikkelingsperspectief, tekst: str, route: str = ""
) -> Ontwikkelingsperspectief:
    """A parent adds their own view to the draft (any parent, with or without gezag)."""
    with transaction.atomic():
        rij = _vergrendeld(opp, actor, "zienswijze_geven")
        if rij.is_bevroren:
            raise Bevroren()
        rij.zienswijze_ouders = tekst.strip()
        rij.save(update_fields=["zienswijze_ouders", "gewijzigd_op"])
        _log(actor, rij, Actie.WIJZIGEN, "kijk van de ouders toegevoegd", route)
    return rij


def _mag_beslissen(opp: Ontwikkelingsperspectief, gebruiker: Any, peildatum: date) -> bool:
    leerling = opp.leerling
    return mag_instemmen(
        is_ouder_met_gezag=Ouderschap.objects.filter(
            leerling=leerling, ouder=gebruiker, gezag=True
        ).exists(),
        is_de_leerling=leerling.gebruiker_id == gebruiker.pk,
        geboortedatum=leerling.geboortedatum,
        peildatum=peildatum,
        handelingsbekwaam=opp.leerling_handelingsbekwaam,
    )


def _weigering_uitleg(opp: Ontwikkelingsperspectief, peildatum: date) -> str:
    if leerling_beslist_zelf(opp.leerling.geboortedatum, peildatum, opp.leerling_handelingsbekwaam):
        return "De leerling is 18 jaar of ouder en beslist zelf over het handelingsdeel."
    return "Alleen een ouder met ouderlijk gezag kan instemmen met het handelingsdeel."


def instemming_geven(
    *,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    besluit: str,
    toelichting: str = "",
    herauthenticatie_op: datetime | None,
    route: str = "",
) -> Instemming:
    """A parent with gezag (or the adult pupil) decides online, after a fresh log-in check."""
    nu = timezone.now()
    if not herauthenticatie_geldig(herauthenticatie_op, nu):
        raise ValidationError(
            {"wachtwoord": "Vul uw wachtwoord opnieuw in om te bevestigen dat u het bent."}
        )
    if besluit == Besluit.GEWEIGERD and not toelichting.strip():
        raise ValidationError({"toelichting": "Schrijf kort op waarom u het niet eens bent."})
    with transaction.atomic():
        rij = _vergrendeld(opp, actor, "instemmen")
        if rij.status != Status.CONCEPT:
            raise Bevroren()
        if not _mag_beslissen(rij, actor.gebruiker, timezone.localdate()):
            raise Geweigerd(_weigering_uitleg(rij, timezone.localdate()))
        instemming = Instemming(
            opp=rij,
            besluit=besluit,
            wijze=Wijze.ONLINE,
            door=actor.gebruiker,
            vastgelegd_door=actor.gebruiker,
            datum=timezone.localdate(),
            toelichting=toelichting.strip(),
        )
        instemming.full_clean()
        instemming.save()
        rij.save(update_fields=["gewijzigd_op"])
        _log(
            actor,
            rij,
            Actie.WIJZIGEN,
            f"handelingsdeel: {instemming.get_besluit_display().lower()}",
            route,
        )
    return instemming


def instemming_op_papier_vastleggen(
    *,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    door: Any,
    besluit: str,
    datum: date,
    toelichting: str = "",
    route: str = "",
) -> Instemming:
    """The school records a decision the parent (or adult pupil) gave on paper."""
    with transaction.atomic():
        rij = _concept(opp, actor)
        if not _mag_beslissen(rij, door, datum):
            raise ValidationError({"door": _weigering_uitleg(rij, datum)})
        instemming = Instemming(
            opp=rij,
            besluit=besluit,
            wijze=Wijze.PAPIER,
            door=door,
            vastgelegd_door=actor.gebruiker,
            datum=datum,
            toelichting=toelichting.strip(),
        )
        instemming.full_clean()
        instemming.save()
        rij.save(update_fields=["gewijzigd_op"])
        _log(actor, rij, Actie.WIJZIGEN, "instemming op papier vastgelegd", route)
    return instemming


def leerlingstem_vastleggen(
    *,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    wat_gaat_goed: str,
    wat_is_moeilijk: str,
    wat_wil_ik: str,
    hoorwijze: str,
    toelichting_hoorwijze: str = "",
    route: str = "",
) -> Leerlingstem:
    """Hoorrecht: the pupil's view, given alone (own log-in) or with the school."""
    if not any(t.strip() for t in (wat_gaat_goed, wat_is_moeilijk, wat_wil_ik)):
        raise ValidationError({"wat_wil_ik": "Vul minstens één vraag in."})
    if actor.rolsoort == "leerling" and hoorwijze != Hoorwijze.ZELF:
        raise ValidationError({"hoorwijze": "Als je het zelf invult, kies 'zelf'."})
    if hoorwijze == Hoorwijze.ANDERS and not toelichting_hoorwijze.strip():
        raise ValidationError({"toelichting_hoorwijze": "Beschrijf hoe de mening is opgehaald."})
    with transaction.atomic():
        rij = _vergrendeld(opp, actor, "mening_geven")
        if rij.is_bevroren:
            raise Bevroren()
        stem = Leerlingstem(
            opp=rij,
            wat_gaat_goed=wat_gaat_goed.strip(),
            wat_is_moeilijk=wat_is_moeilijk.strip(),
            wat_wil_ik=wat_wil_ik.strip(),
            hoorwijze=hoorwijze,
            toelichting_hoorwijze=toelichting_hoorwijze.strip(),
            datum=timezone.localdate(),
            vastgelegd_door=actor.gebruiker,
        )
        stem.full_clean()
        stem.save()
        rij.save(update_fields=["gewijzigd_op"])
        _log(actor, rij, Actie.WIJZIGEN, "mening van de leerling vastgelegd", route)
    return stem


def reactie_op_leerlingstem(
    *, actor: Any, stem: Leerlingstem, reactie: str, route: str = ""
) -> Leerlingstem:
    """What the school did with the pupil's view; the pupil can read it."""
    if not reactie.strip():
        raise ValidationError({"reactie_school": "Schrijf op wat de school met de mening doet."})
    with transaction.atomic():
        rij = _concept(stem.opp, actor)
        stem.reactie_school = reactie.strip()
        stem.reactie_door = actor.gebruiker
        stem.reactie_op = timezone.localdate()
        stem.save(update_fields=["reactie_school", "reactie_door", "reactie_op", "gewijzigd_op"])
        rij.save(update_fields=["gewijzigd_op"])
        _log(actor, rij, Actie.WIJZIGEN, "reactie op de mening van de leerling", route)
    return stem


def opp_vaststellen(
    *, actor: Any, opp: Ontwikkelingsperspectief, route: str = ""
) -> Ontwikkelingsperspectief:
    """Set the OPP when every part the law requires is there; the version is then frozen."""
    vandaag = timezone.localdate()
    with transaction.atomic():
        rij = _concept(opp, actor)
        ontbrekend = ontbrekende_onderdelen(volledigheid(rij, peildatum=vandaag))
        if ontbrekend:
            raise OppOnvolledig(ontbrekend)
        if rij.vorige_versie_id is not None:
            Ontwikkelingsperspectief.objects.filter(pk=rij.vorige_versie_id).update(
                status=Status.VERVANGEN
            )
        rij.status = Status.VASTGESTELD
        rij.vastgesteld_op = vandaag
        rij.vastgesteld_door = actor.gebruiker
        rij.volgende_evaluatie = uiterste_evaluatiedatum(vandaag)
        rij.full_clean()
        rij.save()
        _log(actor, rij, Actie.WIJZIGEN, "OPP vastgesteld", route)
    return rij


def opp_herzien(
    *, actor: Any, opp: Ontwikkelingsperspectief, route: str = ""
) -> Ontwikkelingsperspectief:
    """A revision: a new draft version with the same content; consent and the pupil's view
    are asked again."""
    with transaction.atomic():
        rij = _vergrendeld(opp, actor, "opstellen")
        if rij.status != Status.VASTGESTELD:
            raise ValidationError("Alleen de geldende, vastgestelde versie kan worden herzien.")
        nieuw = Ontwikkelingsperspectief.objects.create(
            reeks=rij.reeks,
            versie=rij.versie + 1,
            vorige_versie=rij,
            leerling=rij.leerling,
            vestiging=rij.vestiging,
            start_extra_ondersteuning=rij.start_extra_ondersteuning,
            uitstroombestemming=rij.uitstroombestemming,
            uitstroomperspectief=rij.uitstroomperspectief,
            onderbouwing=rij.onderbouwing,
            zienswijze_ouders=rij.zienswijze_ouders,
            leerling_handelingsbekwaam=rij.leerling_handelingsbekwaam,
            aangemaakt_door=actor.gebruiker,
        )
        Factor.objects.bulk_create(
            [
                Factor(opp=nieuw, soort=f.soort, omschrijving=f.omschrijving)
                for f in rij.factoren.all()
            ]
        )
        Doel.objects.bulk_create(
            [
                Doel(
                    opp=nieuw,
                    doel=d.doel,
                    aanpak=d.aanpak,
                    door_wie=d.door_wie,
                    frequentie=d.frequentie,
                    van=d.van,
                    tot=d.tot,
                    evaluatiewijze=d.evaluatiewijze,
                    afwijking_programma=d.afwijking_programma,
                )
                for d in rij.doelen.all()
            ]
        )
        _log(actor, nieuw, Actie.AANMAKEN, f"herziening gestart (versie {nieuw.versie})", route)
    return nieuw


def evaluatie_vastleggen(
    *,
    actor: Any,
    opp: Ontwikkelingsperspectief,
    datum: date,
    deelnemers: str,
    conclusie: str,
    ouders_aanwezig: bool,
    leerling_gehoord: bool,
    terugkeer_regulier_besproken: bool = False,
    route: str = "",
) -> Evaluatie:
    """The yearly evaluation (with parents and pupil); plans the next one a year later."""
    with transaction.atomic():
        rij = _vergrendeld(opp, actor, "opstellen")
        if rij.status != Status.VASTGESTELD:
            raise ValidationError("Alleen een geldend, vastgesteld OPP wordt geëvalueerd.")
        evaluatie = Evaluatie(
            opp=rij,
            datum=datum,
            deelnemers=deelnemers,
            conclusie=conclusie,
            ouders_aanwezig=ouders_aanwezig,
            leerling_gehoord=leerling_gehoord,
            terugkeer_regulier_besproken=terugkeer_regulier_besproken,
            vastgelegd_door=actor.gebruiker,
        )
        evaluatie.full_clean()
        evaluatie.save()
        rij.volgende_evaluatie = uiterste_evaluatiedatum(datum)
        rij.save(update_fields=["volgende_evaluatie", "gewijzigd_op"])
        _log(actor, rij, Actie.WIJZIGEN, "evaluatie vastgelegd", route)
    return evaluatie


def opp_beeindigen(
    *, actor: Any, opp: Ontwikkelingsperspectief, einddatum: date, reden: str, route: str = ""
) -> Ontwikkelingsperspectief:
    """End the OPP with a date and a reason (the end date goes to DUO)."""
    if reden not in Einde.values:
        raise ValidationError({"reden_einde": "Kies een reden."})
    with transaction.atomic():
        rij = _vergrendeld(opp, actor, "opstellen")
        if rij.status not in (Status.VASTGESTELD, Status.CONCEPT):
            raise ValidationError("Dit OPP is al beëindigd of vervangen.")
        rij.status = Status.BEEINDIGD
        rij.einddatum = einddatum
        rij.reden_einde = reden
        rij.full_clean()
        rij.save()
        _log(actor, rij, Actie.WIJZIGEN, f"OPP beëindigd: {rij.get_reden_einde_display()}", route)
    return rij
