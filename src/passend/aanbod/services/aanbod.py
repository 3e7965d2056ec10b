"""Writes of a location's support offer: the concept of a school year, saving it (with an
optimistic lock), publishing it. Used by the school's pages, the API and the SWV's CSV
import alike, so the policy is checked here."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from passend.aanbod.models import Aanbod, Gebiedsaanbod, Ondersteuningsgebied
from passend.aanbod.permissions import beleid
from passend.aanbod.rules import (
    MAXIMALE_CONTACTLENGTE,
    MAXIMALE_TEKSTLENGTE,
    Faciliteit,
    Status,
    heeft_inhoud,
    ontbrekende_normgebieden,
    openbaar_wisselt,
    overgang_toegestaan,
    schooljaar_geldig,
    wachtlijst_past_bij_soort,
)
from passend.aanbod.services.basis import Conflict
from passend.core.permissions import Geweigerd
from passend.organisaties.models import Vestiging

#: A concept has no publisher yet (the field is nullable but not ``blank``, so
#: ``full_clean`` would refuse every concept without this).
NOG_NIET_GEPUBLICEERD = ["gepubliceerd_door"]


@dataclass(frozen=True)
class Gebiedsinvoer:
    """What the school writes about one area (empty texts: the area is not described)."""

    gebied_id: int
    basisondersteuning: str = ""
    extra_ondersteuning: str = ""
    expertise: str = ""
    faciliteiten: tuple[str, ...] = ()
    capaciteit: int | None = None

    @property
    def beschreven(self) -> bool:
        return heeft_inhoud(self.basisondersteuning, self.extra_ondersteuning, self.expertise)


def mag_schrijven(actor: Any, vestiging: Vestiging) -> bool:
    """The school itself, or the SWV's import for a location in its region."""
    return beleid.mag(actor, "vestiging_beschrijven", vestiging) or beleid.mag(
        actor, "vestiging_importeren", vestiging
    )


def _eis_schrijven(actor: Any, vestiging: Vestiging) -> None:
    if not mag_schrijven(actor, vestiging):
        raise Geweigerd("geen recht om het aanbod van deze vestiging te beschrijven")


def _eis_publiceren(actor: Any, vestiging: Vestiging) -> None:
    if not (
        beleid.mag(actor, "vestiging_publiceren", vestiging)
        or beleid.mag(actor, "vestiging_importeren", vestiging)
    ):
        raise Geweigerd("geen recht om het aanbod van deze vestiging te publiceren")


def _gebieden_kopieren(bron: Aanbod, doel: Aanbod) -> None:
    Gebiedsaanbod.objects.bulk_create(
        Gebiedsaanbod(
            aanbod=doel,
            gebied_id=rij.gebied_id,
            basisondersteuning=rij.basisondersteuning,
            extra_ondersteuning=rij.extra_ondersteuning,
            expertise=rij.expertise,
            faciliteiten=list(rij.faciliteiten),
            capaciteit=rij.capaciteit,
        )
        for rij in bron.gebieden.all()
    )


@transaction.atomic
def concept_aanbod(*, actor: Any, vestiging: Vestiging, schooljaar: str) -> Aanbod:
    """The concept of this school year. When there is none, a new concept version starts as
    a copy of that year's published version, else of the newest earlier published year,
    else empty. Opening a concept publishes nothing."""
    _eis_schrijven(actor, vestiging)
    if not schooljaar_geldig(schooljaar):
        raise ValidationError({"schooljaar": "Schrijf het schooljaar als 2026-2027."})
    # Lock the location, so two people opening the same year get the same concept.
    _vestiging_vergrendelen(vestiging.pk)
    versies = Aanbod.objects.filter(vestiging=vestiging, schooljaar=schooljaar)
    bestaand = versies.filter(status=Status.CONCEPT).first()
    if bestaand is not None:
        return bestaand
    bron = (
        Aanbod.objects.filter(
            vestiging=vestiging, status=Status.GEPUBLICEERD, schooljaar__lte=schooljaar
        )
        .order_by("-schooljaar")
        .first()
    )
    hoogste = versies.aggregate(hoogste=Max("versie"))["hoogste"] or 0
    concept = Aanbod(
        vestiging=vestiging,
        schooljaar=schooljaar,
        versie=hoogste + 1,
        status=Status.CONCEPT,
        toelichting=bron.toelichting if bron else "",
        contact=bron.contact if bron else "",
        bewerkt_door=actor.gebruiker,
    )
    concept.full_clean(exclude=NOG_NIET_GEPUBLICEERD)
    concept.save()
    if bron is not None:
        _gebieden_kopieren(bron, concept)
    return concept


def _vestiging_vergrendelen(vestiging_id: int) -> None:
    """Lock the location's row: every write that decides which version of a location is
    the concept, the published one or the public one takes this lock first (always in the
    same order: location, then versions), so two of them never interleave."""
    Vestiging.objects.select_for_update().filter(pk=vestiging_id).first()


def _vergrendeld(aanbod: Aanbod) -> Aanbod:
    """The version's own row, locked (only that row: ``of=("self",)`` keeps the joined
    location unlocked; who needs the location locks it explicitly)."""
    return (
        Aanbod.objects.select_for_update(of=("self",)).select_related("vestiging").get(pk=aanbod.pk)
    )


def _eis_concept(rij: Aanbod, revisie: int) -> None:
    if rij.status != Status.CONCEPT:
        raise Conflict(
            "Dit aanbod is intussen gepubliceerd. Open het aanbod opnieuw om verder te werken.",
            code="niet_concept",
        )
    if rij.revisie != revisie:
        raise Conflict(
            "Iemand anders heeft dit aanbod intussen gewijzigd. Bekijk de nieuwe versie en "
            "voer uw wijziging opnieuw in.",
            code="revisie",
        )


def _te_lang(maximum: int) -> str:
    return f"De tekst is te lang. Gebruik maximaal {maximum} tekens."


def _invoer_controleren(
    *, vestiging: Vestiging, toelichting: str, contact: str, gebieden: Sequence[Gebiedsinvoer]
) -> None:
    """Every rule of what is saved, whatever the route (the school's form, the API, the
    SWV's CSV import): known areas, each once; known facilities; the one text limit
    (``MAXIMALE_TEKSTLENGTE``); a number of places only for sbo, so and vso. All problems
    at once, per field (the names of the school's form: ``basis_<code>``, ...)."""
    ids = [invoer.gebied_id for invoer in gebieden]
    if len(ids) != len(set(ids)):
        raise ValidationError({"gebieden": "Elk gebied mag maar één keer voorkomen."})
    bekend = Ondersteuningsgebied.objects.in_bulk(ids)
    fouten: dict[str, str] = {}
    if len(toelichting.strip()) > MAXIMALE_TEKSTLENGTE:
        fouten["toelichting"] = _te_lang(MAXIMALE_TEKSTLENGTE)
    if len(contact.strip()) > MAXIMALE_CONTACTLENGTE:
        fouten["contact"] = _te_lang(MAXIMALE_CONTACTLENGTE)
    toegestaan = set(Faciliteit.values)
    met_capaciteit = wachtlijst_past_bij_soort(vestiging.soort)
    for invoer in gebieden:
        gebied = bekend.get(invoer.gebied_id)
        if gebied is None or not gebied.actief:
            fouten["gebieden"] = "Kies alleen gebieden uit de lijst."
            continue
        code = gebied.code
        for veld, tekst in (
            ("basis", invoer.basisondersteuning),
            ("extra", invoer.extra_ondersteuning),
            ("expertise", invoer.expertise),
        ):
            if len(tekst.strip()) > MAXIMALE_TEKSTLENGTE:
                fouten[f"{veld}_{code}"] = _te_lang(MAXIMALE_TEKSTLENGTE)
        if not set(invoer.faciliteiten) <= toegestaan:
            fouten[f"faciliteiten_{code}"] = "Kies faciliteiten uit de lijst."
        if invoer.capaciteit is None:
            continue
        if not met_capaciteit:
            fouten[f"capaciteit_{code}"] = (
                "Alleen sbo, so en vso geven een aantal plaatsen op. Laat het aantal plaatsen "
                "leeg voor deze vestiging."
            )
        elif invoer.capaciteit < 0:
            fouten[f"capaciteit_{code}"] = "Het aantal plaatsen kan niet negatief zijn."
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def aanbod_opslaan(
    *,
    actor: Any,
    aanbod: Aanbod,
    revisie: int,
    toelichting: str,
    contact: str,
    gebieden: Sequence[Gebiedsinvoer],
) -> Aanbod:
    """Save the concept: the introduction, the contact and every area. Areas without any
    text are removed; ``revisie`` must be the one the form was opened with."""
    _eis_schrijven(actor, aanbod.vestiging)
    rij = _vergrendeld(aanbod)
    _eis_concept(rij, revisie)
    _invoer_controleren(
        vestiging=rij.vestiging, toelichting=toelichting, contact=contact, gebieden=gebieden
    )
    rij.toelichting = toelichting.strip()
    rij.contact = contact.strip()
    rij.revisie += 1
    rij.bewerkt_door = actor.gebruiker
    rij.full_clean(exclude=NOG_NIET_GEPUBLICEERD)
    rij.save()
    beschreven = [invoer for invoer in gebieden if invoer.beschreven]
    rij.gebieden.exclude(gebied_id__in=[invoer.gebied_id for invoer in beschreven]).delete()
    bestaand = {g.gebied_id: g for g in rij.gebieden.all()}
    nieuw: list[Gebiedsaanbod] = []
    for invoer in beschreven:
        regel = bestaand.get(invoer.gebied_id) or Gebiedsaanbod(
            aanbod=rij, gebied_id=invoer.gebied_id
        )
        regel.basisondersteuning = invoer.basisondersteuning.strip()
        regel.extra_ondersteuning = invoer.extra_ondersteuning.strip()
        regel.expertise = invoer.expertise.strip()
        regel.faciliteiten = list(dict.fromkeys(invoer.faciliteiten))
        regel.capaciteit = invoer.capaciteit
        regel.full_clean(exclude=["aanbod"])
        if regel.pk:
            regel.save()
        else:
            nieuw.append(regel)
    Gebiedsaanbod.objects.bulk_create(nieuw)
    return rij


def normgebieden_ontbreken(aanbod: Aanbod) -> list[str]:
    """The names of the landelijke-norm areas whose basisondersteuning this version does
    not describe yet."""
    normgebieden = dict(
        Ondersteuningsgebied.objects.filter(landelijke_norm=True, actief=True).values_list(
            "code", "naam"
        )
    )
    beschreven = {
        code
        for code, basis in aanbod.gebieden.values_list("gebied__code", "basisondersteuning")
        if (basis or "").strip()
    }
    return ontbrekende_normgebieden(normgebieden=normgebieden, beschreven=beschreven)


@transaction.atomic
def aanbod_publiceren(*, actor: Any, aanbod: Aanbod, revisie: int) -> Aanbod:
    """Publish the concept: it replaces that year's published version, and becomes the one
    the public guide shows unless a later school year is already shown. Every area of the
    landelijke norm basisondersteuning must be described first."""
    _eis_publiceren(actor, aanbod.vestiging)
    # One public version per location: which version stays published and which one the
    # guide shows is decided below from the other versions of the location, so the
    # location is locked first (as ``concept_aanbod`` does), then this version.
    _vestiging_vergrendelen(aanbod.vestiging_id)
    rij = _vergrendeld(aanbod)
    _eis_concept(rij, revisie)
    ontbrekend = normgebieden_ontbreken(rij)
    if ontbrekend:
        raise ValidationError(
            {
                "gebieden": "Beschrijf eerst de basisondersteuning voor: "
                + ", ".join(ontbrekend)
                + "."
            }
        )
    assert overgang_toegestaan(rij.status, Status.GEPUBLICEERD)
    vorige = (
        Aanbod.objects.select_for_update()
        .filter(
            vestiging_id=rij.vestiging_id, schooljaar=rij.schooljaar, status=Status.GEPUBLICEERD
        )
        .first()
    )
    huidig_openbaar = (
        Aanbod.objects.select_for_update()
        .filter(vestiging_id=rij.vestiging_id, openbaar=True)
        .first()
    )
    wordt_openbaar = openbaar_wisselt(
        huidig_schooljaar=huidig_openbaar.schooljaar if huidig_openbaar else None,
        nieuw_schooljaar=rij.schooljaar,
    )
    if vorige is not None:
        Aanbod.objects.filter(pk=vorige.pk).update(status=Status.VERVANGEN, openbaar=False)
    if wordt_openbaar and huidig_openbaar is not None:
        Aanbod.objects.filter(pk=huidig_openbaar.pk).update(openbaar=False)
    rij.status = Status.GEPUBLICEERD
    rij.openbaar = wordt_openbaar
    rij.gepubliceerd_op = timezone.now()
    rij.gepubliceerd_door = actor.gebruiker
    rij.revisie += 1
    rij.save()
    return rij
