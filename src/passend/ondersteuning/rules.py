"""Pure rules of the ontwikkelingsperspectief (OPP), DOMAIN.md §2.2. No ORM, no now().

Confirmed rules are coded here: the parts the law requires before an OPP is vastgesteld,
the 6-week term after the start of extra support, the yearly evaluation, and who may
consent to the handelingsdeel.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import models

#: Set within 6 weeks after the start of extra support (enrolment) (confirmed).
VASTSTELTERMIJN = timedelta(weeks=6)
#: Hoorrecht applies to OPPs drawn up, revised or evaluated from this date (Kamerstuk 36443).
HOORRECHT_VANAF = date(2025, 8, 1)
#: A pupil of this age (and legally competent) consents instead of the parents.
MEERDERJARIG = 18
#: Consent online needs a log-in check this recent (a "fresh" password entry).
HERAUTHENTICATIE_GELDIG = timedelta(minutes=10)


class Status(models.TextChoices):
    CONCEPT = "concept", "Concept"
    VASTGESTELD = "vastgesteld", "Vastgesteld"
    VERVANGEN = "vervangen", "Vervangen door een nieuwere versie"
    BEEINDIGD = "beeindigd", "Beëindigd"


class FactorSoort(models.TextChoices):
    BELEMMEREND = "belemmerend", "Belemmerende factor"
    BEVORDEREND = "bevorderend", "Bevorderende factor"


class Uitstroombestemming(models.TextChoices):
    VWO = "vwo", "Vwo"
    HAVO = "havo", "Havo"
    VMBO_GT = "vmbo_gt", "Vmbo gemengde/theoretische leerweg"
    VMBO_KB = "vmbo_kb", "Vmbo kaderberoepsgerichte leerweg"
    VMBO_BB = "vmbo_bb", "Vmbo basisberoepsgerichte leerweg"
    PRO = "pro", "Praktijkonderwijs"
    VSO_VERVOLGONDERWIJS = "vso_vervolgonderwijs", "Vso, uitstroomprofiel vervolgonderwijs"
    VSO_ARBEID = "vso_arbeid", "Vso, uitstroomprofiel arbeidsmarkt"
    VSO_DAGBESTEDING = "vso_dagbesteding", "Vso, uitstroomprofiel dagbesteding"
    MBO = "mbo", "Mbo"
    HBO_WO = "hbo_wo", "Hbo of wo"
    ARBEID = "arbeid", "Arbeid"
    DAGBESTEDING = "dagbesteding", "Dagbesteding"


class Besluit(models.TextChoices):
    GEGEVEN = "gegeven", "Instemming gegeven"
    GEWEIGERD = "geweigerd", "Instemming geweigerd"


class Wijze(models.TextChoices):
    ONLINE = "online", "Online, in het ouderportaal"
    PAPIER = "papier", "Op papier, vastgelegd door de school"


class Hoorwijze(models.TextChoices):
    ZELF = "zelf", "De leerling vulde het zelf in"
    SAMEN = "samen", "Samen met de intern begeleider of mentor"
    GESPREK = "gesprek", "In een gesprek, opgeschreven door de school"
    ANDERS = "anders", "Op een andere manier (zie toelichting)"


class Einde(models.TextChoices):
    NIET_MEER_NODIG = "niet_meer_nodig", "Extra ondersteuning is niet meer nodig"
    LEERLING_VERTROKKEN = "vertrokken", "De leerling heeft de school verlaten"
    SPECIAAL_ONDERWIJS = "speciaal_onderwijs", "De leerling gaat naar het speciaal onderwijs"


@dataclass(frozen=True)
class Volledigheid:
    """What an OPP holds, as plain facts (the service fills it from the database)."""

    uitstroombestemming: str
    onderbouwing: str
    belemmerende_factoren: int
    bevorderende_factoren: int
    doelen: int
    overleggen_met_ouders: int
    instemming_gegeven: bool
    leerlingstem: bool
    reactie_op_leerlingstem: bool
    hoorrecht_van_toepassing: bool


def ontbrekende_onderdelen(v: Volledigheid) -> list[str]:
    """Every part the law requires that is still missing, in plain Dutch (empty: complete)."""
    ontbreekt = []
    if not v.uitstroombestemming:
        ontbreekt.append("Het uitstroomperspectief (de verwachte uitstroombestemming) ontbreekt.")
    if not v.onderbouwing.strip():
        ontbreekt.append("De onderbouwing van het uitstroomperspectief ontbreekt.")
    if v.belemmerende_factoren < 1:
        ontbreekt.append("Er is nog geen belemmerende factor beschreven.")
    if v.bevorderende_factoren < 1:
        ontbreekt.append("Er is nog geen bevorderende factor beschreven.")
    if v.doelen < 1:
        ontbreekt.append("Het handelingsdeel heeft nog geen doel.")
    if v.overleggen_met_ouders < 1:
        ontbreekt.append("Het overleg met de ouders is nog niet vastgelegd.")
    if not v.instemming_gegeven:
        ontbreekt.append(
            "Er is nog geen instemming op het handelingsdeel van een ouder met ouderlijk gezag "
            "(of van de leerling zelf, vanaf 18 jaar)."
        )
    if v.hoorrecht_van_toepassing and not v.leerlingstem:
        ontbreekt.append("De mening van de leerling (hoorrecht) is nog niet vastgelegd.")
    if v.hoorrecht_van_toepassing and v.leerlingstem and not v.reactie_op_leerlingstem:
        ontbreekt.append(
            "Er staat nog niet wat de school met de mening van de leerling heeft gedaan."
        )
    return ontbreekt


def hoorrecht_van_toepassing(peildatum: date) -> bool:
    return peildatum >= HOORRECHT_VANAF


def uiterste_vaststeldatum(start_extra_ondersteuning: date) -> date:
    return start_extra_ondersteuning + VASTSTELTERMIJN


def uiterste_evaluatiedatum(laatste_moment: date) -> date:
    """At least once a year: a year after it was set or last evaluated (29 Feb → 28 Feb)."""
    try:
        return laatste_moment.replace(year=laatste_moment.year + 1)
    except ValueError:
        return laatste_moment.replace(year=laatste_moment.year + 1, day=28)


def te_laat_vastgesteld(
    *, status: str, start_extra_ondersteuning: date, vastgesteld_op: date | None, vandaag: date
) -> bool:
    """Not set within 6 weeks of the start of extra support."""
    uiterste = uiterste_vaststeldatum(start_extra_ondersteuning)
    if vastgesteld_op is not None:
        return vastgesteld_op > uiterste
    return status == Status.CONCEPT and vandaag > uiterste


def evaluatie_te_laat(*, status: str, laatste_moment: date | None, vandaag: date) -> bool:
    """A running (vastgesteld) OPP not evaluated within a year."""
    return (
        status == Status.VASTGESTELD
        and laatste_moment is not None
        and vandaag > uiterste_evaluatiedatum(laatste_moment)
    )


def evaluatie_binnenkort(
    *, status: str, laatste_moment: date | None, vandaag: date, venster: timedelta
) -> bool:
    """A reminder: the yearly evaluation falls due within the window (not yet overdue)."""
    if status != Status.VASTGESTELD or laatste_moment is None:
        return False
    uiterste = uiterste_evaluatiedatum(laatste_moment)
    return vandaag <= uiterste <= vandaag + venster


def leeftijd_op(geboortedatum: date, peildatum: date) -> int:
    jaren = peildatum.year - geboortedatum.year
    return jaren - ((peildatum.month, peildatum.day) < (geboortedatum.month, geboortedatum.day))


def leerling_beslist_zelf(geboortedatum: date, peildatum: date, handelingsbekwaam: bool) -> bool:
    """From 18, a legally competent pupil consents (and is consulted) instead of the parents."""
    return handelingsbekwaam and leeftijd_op(geboortedatum, peildatum) >= MEERDERJARIG


def mag_instemmen(
    *,
    is_ouder_met_gezag: bool,
    is_de_leerling: bool,
    geboortedatum: date,
    peildatum: date,
    handelingsbekwaam: bool,
) -> bool:
    """Who decides on the handelingsdeel: a parent with gezag, or the adult pupil."""
    if leerling_beslist_zelf(geboortedatum, peildatum, handelingsbekwaam):
        return is_de_leerling
    return is_ouder_met_gezag


#: Fields of an OPP version compared when a revision is made.
VERGELEKEN_VELDEN = (
    "uitstroombestemming",
    "uitstroomperspectief",
    "onderbouwing",
    "ondersteuningsgebied_id",
)


def verschillen(oud: dict[str, object], nieuw: dict[str, object]) -> list[str]:
    """Plain-language list of what changed between two versions' comparable facts."""
    namen = {
        "uitstroombestemming": "Uitstroombestemming",
        "uitstroomperspectief": "Toelichting op het uitstroomperspectief",
        "onderbouwing": "Onderbouwing",
        "ondersteuningsgebied_id": "Waar de ondersteuning vooral over gaat",
        "factoren": "Belemmerende en bevorderende factoren",
        "doelen": "Handelingsdeel (doelen en aanpak)",
    }
    return [
        f"{namen.get(sleutel, sleutel)} is gewijzigd."
        for sleutel in namen
        if oud.get(sleutel) != nieuw.get(sleutel)
    ]


def herauthenticatie_geldig(moment: datetime | None, nu: datetime) -> bool:
    """Was the password entered again recently enough to give consent online?"""
    return moment is not None and timedelta(0) <= nu - moment <= HERAUTHENTICATIE_GELDIG
