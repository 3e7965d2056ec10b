"""Pure rules of the support offer: school years, the lifecycle of an offer version,
facilities, distances. No ORM here, no ``today()`` inside (DOMAIN.md 2.7)."""

import math
import re
from datetime import date

from django.db import models

# School years are the shared kernel's; re-exported for the offer's own vocabulary.
from passend.core.kalender import schooljaar_begin as schooljaar_begin
from passend.core.kalender import schooljaar_einde as schooljaar_einde
from passend.core.kalender import schooljaar_van as schooljaar_van

#: A school year runs from 1 August to 31 July.
SCHOOLJAAR = re.compile(r"^(\d{4})-(\d{4})$")
#: Mean earth radius for distances as the crow flies.
AARDSTRAAL_KM = 6371.0088


class Status(models.TextChoices):
    CONCEPT = "concept", "Concept"
    GEPUBLICEERD = "gepubliceerd", "Gepubliceerd"
    VERVANGEN = "vervangen", "Vervangen door een nieuwere versie"


#: The lifecycle of one version of a location's offer for a school year. Editing a
#: published offer starts a new concept version; publishing it replaces the old one.
TOEGESTANE_OVERGANGEN: dict[str, frozenset[str]] = {
    Status.CONCEPT: frozenset({Status.GEPUBLICEERD}),
    Status.GEPUBLICEERD: frozenset({Status.VERVANGEN}),
    Status.VERVANGEN: frozenset(),
}


def overgang_toegestaan(van: str, naar: str) -> bool:
    return naar in TOEGESTANE_OVERGANGEN.get(van, frozenset())


class Faciliteit(models.TextChoices):
    """Facilities a location can offer within an area (per area, as the issue asks)."""

    TOEGANKELIJK_GEBOUW = "toegankelijk_gebouw", "Gebouw toegankelijk met rolstoel"
    LIFT = "lift", "Lift"
    AANGEPAST_TOILET = "aangepast_toilet", "Aangepast toilet of verzorgingsruimte"
    STILTERUIMTE = "stilteruimte", "Stille of prikkelarme ruimte"
    TIME_OUT_RUIMTE = "time_out_ruimte", "Time-outruimte met begeleiding"
    KLEINE_GROEPEN = "kleine_groepen", "Werken in kleine groepen"
    PLUSKLAS = "plusklas", "Plusklas of verrijkingsgroep"
    SCHAKELKLAS = "schakelklas", "Taal- of schakelklas"
    THERAPIERUIMTE = "therapieruimte", "Ruimte voor therapie (zoals logopedie of fysiotherapie)"
    MEDISCHE_RUIMTE = "medische_ruimte", "Ruimte voor medische handelingen"
    AANGEPAST_MEUBILAIR = "aangepast_meubilair", "Aangepast meubilair en hulpmiddelen"


#: The longest text a school writes in one field of its offer: the introduction, or what
#: one area says about basisondersteuning, extra ondersteuning or expertise (a few
#: paragraphs). One limit for the school's form, the API and the SWV's CSV import; the
#: service that saves the offer checks it, whatever the route.
MAXIMALE_TEKSTLENGTE = 5000
#: The longest contact for parents (the model's ``max_length``).
MAXIMALE_CONTACTLENGTE = 300


#: Kinds of location that keep capacity and a waiting list (motion 31497-377): sbo, so, vso.
SOORTEN_MET_WACHTLIJST = frozenset({"sbo", "so", "vso", "so_vso"})


def schooljaar_geldig(schooljaar: str) -> bool:
    match = SCHOOLJAAR.match(schooljaar or "")
    return match is not None and int(match.group(2)) == int(match.group(1)) + 1


def volgend_schooljaar(schooljaar: str) -> str:
    begin = int(schooljaar[:4]) + 1
    return f"{begin}-{begin + 1}"


def schooljaren_om_te_beschrijven(vandaag: date) -> tuple[str, str]:
    """The school years a school may describe today: the running one and the next (the
    schoolgids for next year is set before the summer)."""
    lopend = schooljaar_van(vandaag)
    return lopend, volgend_schooljaar(lopend)


def wachtlijst_past_bij_soort(soort: str) -> bool:
    return soort in SOORTEN_MET_WACHTLIJST


def afstand_km(
    breedtegraad_a: float, lengtegraad_a: float, breedtegraad_b: float, lengtegraad_b: float
) -> float:
    """Distance as the crow flies (haversine) in kilometres."""
    phi_a, phi_b = math.radians(breedtegraad_a), math.radians(breedtegraad_b)
    d_phi = phi_b - phi_a
    d_lambda = math.radians(lengtegraad_b - lengtegraad_a)
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi_a) * math.cos(phi_b) * math.sin(d_lambda / 2) ** 2
    return 2 * AARDSTRAAL_KM * math.asin(min(1.0, math.sqrt(h)))


def omhullende(
    breedtegraad: float, lengtegraad: float, straal_km: float
) -> tuple[float, float, float, float]:
    """A latitude/longitude box that holds every point within ``straal_km`` of the centre
    (min_lat, max_lat, min_lon, max_lon): a cheap pre-filter for an index before the exact
    distance."""
    d_lat = math.degrees(straal_km / AARDSTRAAL_KM)
    cos_lat = max(math.cos(math.radians(breedtegraad)), 1e-6)
    d_lon = math.degrees(straal_km / (AARDSTRAAL_KM * cos_lat))
    return breedtegraad - d_lat, breedtegraad + d_lat, lengtegraad - d_lon, lengtegraad + d_lon


def heeft_inhoud(*teksten: str) -> bool:
    """An area counts as offered when at least one of its texts says something."""
    return any((tekst or "").strip() for tekst in teksten)


def ontbrekende_normgebieden(*, normgebieden: dict[str, str], beschreven: set[str]) -> list[str]:
    """The names of the landelijke-norm areas (code → name) whose basisondersteuning is not
    described yet: an offer is published only when all of them are."""
    return [naam for code, naam in normgebieden.items() if code not in beschreven]


def openbaar_wisselt(*, huidig_schooljaar: str | None, nieuw_schooljaar: str) -> bool:
    """Does a newly published version become the one the public guide shows? Yes, unless
    the location already shows a later school year (a correction of last year's offer does
    not push next year's aside)."""
    return huidig_schooljaar is None or nieuw_schooljaar >= huidig_schooljaar
