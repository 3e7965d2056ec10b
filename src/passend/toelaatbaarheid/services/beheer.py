"""The SWV's own TLV set-up: its pool of deskundigen and its settings (Tlvregeling).
Neither holds pupil data, so neither is access-logged."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from passend.accounts.models import Gebruiker, Rol
from passend.accounts.rules import Rolsoort
from passend.core.perioden import actief_op
from passend.organisaties.models import School
from passend.toelaatbaarheid.models import Deskundige, Tlvregeling
from passend.toelaatbaarheid.permissions import beleid
from passend.toelaatbaarheid.rules import normaliseer_beroep
from passend.toelaatbaarheid.services.basis import Conflict


def _controleer_deskundige(
    *, actor: Any, naam: str, beroep: str, gebruiker: Gebruiker | None
) -> dict[str, list[str]]:
    fouten: dict[str, list[str]] = {}
    if not naam.strip():
        fouten["naam"] = ["Vul de naam van de deskundige in."]
    if not beroep.strip():
        fouten["beroep"] = ["Vul het beroep in, bijvoorbeeld orthopedagoog of jeugdarts."]
    if gebruiker is not None and not (
        Rol.objects.filter(
            gebruiker=gebruiker,
            rolsoort=Rolsoort.DESKUNDIGE,
            samenwerkingsverband_id=actor.rol.samenwerkingsverband_id,
        )
        .filter(actief_op(timezone.localdate()))
        .exists()
    ):
        fouten["gebruiker"] = [
            "Deze persoon heeft geen rol als deskundige bij uw samenwerkingsverband."
        ]
    return fouten


def deskundige_toevoegen(
    *,
    actor: Any,
    naam: str,
    beroep: str,
    gebruiker: Gebruiker | None = None,
    school: School | None = None,
) -> Deskundige:
    """Add a person to the SWV's deskundigen pool."""
    beleid.eis(actor, "deskundigen_beheren")
    fouten = _controleer_deskundige(actor=actor, naam=naam, beroep=beroep, gebruiker=gebruiker)
    if (
        gebruiker is not None
        and Deskundige.objects.filter(
            samenwerkingsverband_id=actor.rol.samenwerkingsverband_id, gebruiker=gebruiker
        ).exists()
    ):
        fouten.setdefault("gebruiker", []).append("Deze persoon staat al in de pool.")
    if fouten:
        raise ValidationError(fouten)
    deskundige = Deskundige(
        samenwerkingsverband_id=actor.rol.samenwerkingsverband_id,
        naam=naam.strip(),
        beroep=normaliseer_beroep(beroep),
        gebruiker=gebruiker,
        school=school,
    )
    deskundige.full_clean()
    deskundige.save()
    return deskundige


def deskundige_wijzigen(
    *,
    actor: Any,
    deskundige: Deskundige,
    versie: str,
    naam: str,
    beroep: str,
    school: School | None,
    actief: bool,
) -> Deskundige:
    """Change a deskundige of the own pool (advices keep the profession they were given with)."""
    beleid.eis(actor, "deskundigen_beheren")
    with transaction.atomic():
        rij = Deskundige.objects.select_for_update().get(
            pk=deskundige.pk, samenwerkingsverband_id=actor.rol.samenwerkingsverband_id
        )
        if rij.gewijzigd_op.isoformat() != versie:
            raise Conflict("Iemand anders heeft deze deskundige intussen gewijzigd.")
        fouten = _controleer_deskundige(actor=actor, naam=naam, beroep=beroep, gebruiker=None)
        if fouten:
            raise ValidationError(fouten)
        rij.naam = naam.strip()
        rij.beroep = normaliseer_beroep(beroep)
        rij.school = school
        rij.actief = actief
        rij.full_clean()
        rij.save()
    return rij


def regeling_opslaan(
    *,
    actor: Any,
    versie: str,
    tweede_deskundigen: list[str],
    categorie_labels: list[str],
    minimale_duur_maanden: int,
    maximale_duur_maanden: int | None,
    einde_signaal_maanden: int,
    bezwaar_indienen_bij: str,
    bezwaaradviescommissie: str,
) -> Tlvregeling:
    """The SWV's own TLV settings. ``versie`` is the version read ("" before the first save)."""
    beleid.eis(actor, "regeling_beheren")
    fouten: dict[str, list[str]] = {}
    beroepen = list(dict.fromkeys(normaliseer_beroep(b) for b in tweede_deskundigen if b.strip()))
    if not beroepen:
        fouten["tweede_deskundigen"] = ["Noem minstens één beroep voor de tweede deskundige."]
    labels = [label.strip() for label in categorie_labels]
    if len(labels) != 3 or not all(labels):
        fouten["categorie_labels"] = ["Geef elk van de drie categorieën een naam."]
    if not 0 < minimale_duur_maanden <= 240:
        fouten["minimale_duur_maanden"] = ["Kies een minimale duur van 1 tot 240 maanden."]
    if maximale_duur_maanden is not None and maximale_duur_maanden < minimale_duur_maanden:
        fouten["maximale_duur_maanden"] = [
            "De maximale duur kan niet korter zijn dan de minimale duur."
        ]
    if not 0 < einde_signaal_maanden <= 24:
        fouten["einde_signaal_maanden"] = ["Kies 1 tot 24 maanden."]
    if not bezwaar_indienen_bij.strip():
        fouten["bezwaar_indienen_bij"] = ["Vul in bij wie ouders en scholen bezwaar maken."]
    if not bezwaaradviescommissie.strip():
        fouten["bezwaaradviescommissie"] = ["Vul de naam van de bezwaaradviescommissie in."]
    if fouten:
        raise ValidationError(fouten)
    swv_id = actor.rol.samenwerkingsverband_id
    with transaction.atomic():
        rij = Tlvregeling.objects.select_for_update().filter(samenwerkingsverband_id=swv_id).first()
        huidig = rij.gewijzigd_op.isoformat() if rij is not None else ""
        if huidig != versie:
            raise Conflict("Iemand anders heeft de regeling intussen gewijzigd.")
        if rij is None:
            rij = Tlvregeling(samenwerkingsverband_id=swv_id)
        rij.tweede_deskundigen = beroepen
        rij.categorie_labels = labels
        rij.minimale_duur_maanden = minimale_duur_maanden
        rij.maximale_duur_maanden = maximale_duur_maanden
        rij.einde_signaal_maanden = einde_signaal_maanden
        rij.bezwaar_indienen_bij = bezwaar_indienen_bij.strip()
        rij.bezwaaradviescommissie = bezwaaradviescommissie.strip()
        rij.full_clean()
        rij.save()
    return rij
