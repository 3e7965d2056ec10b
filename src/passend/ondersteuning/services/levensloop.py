"""Setting, revising, evaluating and ending an OPP."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from passend.core.models import Actie
from passend.ondersteuning.models import (
    Doel,
    Evaluatie,
    Factor,
    Ontwikkelingsperspectief,
)
from passend.ondersteuning.rules import (
    Einde,
    Status,
    ontbrekende_onderdelen,
    uiterste_evaluatiedatum,
)
from passend.ondersteuning.selectors import volledigheid
from passend.ondersteuning.services.basis import (
    OppOnvolledig,
    _concept,
    _log,
    _vergrendeld,
)


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
        if Ontwikkelingsperspectief.objects.filter(reeks=rij.reeks, status=Status.CONCEPT).exists():
            raise ValidationError("Er is al een herziening in concept; werk die bij.")
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
            ondersteuningsgebied_id=rij.ondersteuningsgebied_id,
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
