"""Pure rules of verzuim and thuiszitters (DOMAIN.md §2.4). No database, no settings: the
settings (doorbraak) are passed in by the caller.

* absoluut verzuim: a child of compulsory school age not enrolled anywhere, without
  exemption: a thuiszitter from the first day;
* relatief verzuim: enrolled but absent without a valid reason; when the absence lasts
  **more than 4 weeks** it is *langdurig relatief verzuim*, and the child is a thuiszitter
  from the first day after those 4 weeks (calendar weeks, counted from the first day of
  absence);
* vrijstelling 5 onder a: exempt because the child cannot attend for physical or
  psychological reasons: never a thuiszitter, counted apart.

Passend derives *langdurig* and *thuiszitter* from the kind and the dates: nobody ticks
them.
"""

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db import models

# School years and quarters are the shared kernel's; re-exported for the reports.
from passend.core.kalender import kwartaal as kwartaal
from passend.core.kalender import kwartaal_grenzen as kwartaal_grenzen
from passend.core.kalender import kwartalen as kwartalen
from passend.core.kalender import schooljaar_grenzen as schooljaar_grenzen
from passend.core.kalender import schooljaar_van as schooljaar_van

#: "More than 4 weeks": absent on more than 28 calendar days.
LANGDURIG_NA_DAGEN = 28
#: An onderwijsconsulent can be engaged after more than 4 weeks at home (confirmed).
ONDERWIJSCONSULENT_NA_DAGEN = 28
#: Schools report relatief verzuim to leerplicht at 16 hours in 4 consecutive school weeks.
MELDPLICHT_UREN = 16


class Verzuimsoort(models.TextChoices):
    """What is recorded. *Langdurig* relatief verzuim is derived from the dates."""

    ABSOLUUT = "absoluut", "Absoluut verzuim (niet ingeschreven)"
    RELATIEF = "relatief", "Relatief verzuim (ingeschreven, afwezig zonder geldige reden)"
    VRIJSTELLING_5A = "vrijstelling_5a", "Vrijstelling 5 onder a (kan niet naar school)"


class Verzuimvorm(models.TextChoices):
    """The kind on a given day, as reports use it."""

    ABSOLUUT = "absoluut", "Absoluut verzuim"
    RELATIEF = "relatief", "Relatief verzuim"
    LANGDURIG_RELATIEF = "langdurig_relatief", "Langdurig relatief verzuim"
    VRIJSTELLING_5A = "vrijstelling_5a", "Vrijstelling 5 onder a"


class Reden(models.TextChoices):
    """Reason categories, as real SWV registers keep them."""

    GEEN_PASSEND_AANBOD = "geen_passend_aanbod", "Geen passend onderwijsaanbod"
    WACHTLIJST = "wachtlijst", "Wachtlijst speciaal onderwijs of zorg"
    PSYCHISCH = "psychisch", "Psychische problemen"
    LICHAMELIJK = "lichamelijk", "Lichamelijke ziekte of beperking"
    GEDRAG = "gedrag", "Gedragsproblemen"
    SCHOOLCONFLICT = "schoolconflict", "Conflict tussen ouders en school"
    VERWIJDERD = "verwijderd", "Verwijderd of geschorst"
    THUISSITUATIE = "thuissituatie", "Problemen in de thuissituatie"
    VERHUIZING = "verhuizing", "Verhuizing of geen inschrijving geregeld"
    OVERIG = "overig", "Anders"


class Uitkomst(models.TextChoices):
    TERUG_NAAR_SCHOOL = "terug_naar_school", "Terug naar de eigen school"
    ANDERE_SCHOOL = "andere_school", "Naar een andere reguliere school"
    SPECIAAL_ONDERWIJS = "speciaal_onderwijs", "Naar speciaal (basis)onderwijs"
    ONDERWIJS_ZORG = "onderwijs_zorg", "Onderwijs-zorgarrangement"
    VRIJSTELLING = "vrijstelling", "Vrijstelling verleend"
    VERHUISD = "verhuisd", "Verhuisd buiten de regio"
    OVERIG = "overig", "Anders"


class Partnersoort(models.TextChoices):
    SCHOOL = "school", "School"
    SAMENWERKINGSVERBAND = "samenwerkingsverband", "Samenwerkingsverband"
    LEERPLICHT = "leerplicht", "Leerplicht (gemeente)"
    JEUGDHULP = "jeugdhulp", "Jeugdhulp (gemeente)"
    ANDERS = "anders", "Andere partner"


def langdurig_vanaf(sinds: date) -> date:
    """The first day on which relatief verzuim that began on ``sinds`` is langdurig."""
    return sinds + timedelta(days=LANGDURIG_NA_DAGEN)


def loopt_op(sinds: date, einde: date | None, peildatum: date) -> bool:
    """Whether the case runs on ``peildatum`` (``einde`` is the last day, inclusive)."""
    return sinds <= peildatum and (einde is None or peildatum <= einde)


def verzuimvorm_op(
    soort: str, sinds: date, einde: date | None, peildatum: date
) -> Verzuimvorm | None:
    """The kind of verzuim on ``peildatum``; None when the case does not run that day."""
    if not loopt_op(sinds, einde, peildatum):
        return None
    if soort == Verzuimsoort.ABSOLUUT:
        return Verzuimvorm.ABSOLUUT
    if soort == Verzuimsoort.VRIJSTELLING_5A:
        return Verzuimvorm.VRIJSTELLING_5A
    if peildatum >= langdurig_vanaf(sinds):
        return Verzuimvorm.LANGDURIG_RELATIEF
    return Verzuimvorm.RELATIEF


def thuiszitter_vanaf(soort: str, sinds: date) -> date | None:
    """From which day the child counts as a thuiszitter (None: never, an exemption)."""
    if soort == Verzuimsoort.ABSOLUUT:
        return sinds
    if soort == Verzuimsoort.RELATIEF:
        return langdurig_vanaf(sinds)
    return None


def is_thuiszitter(soort: str, sinds: date, einde: date | None, peildatum: date) -> bool:
    """Thuiszitter = langdurig relatief verzuim + absoluut verzuim, on ``peildatum``."""
    return verzuimvorm_op(soort, sinds, einde, peildatum) in {
        Verzuimvorm.ABSOLUUT,
        Verzuimvorm.LANGDURIG_RELATIEF,
    }


def ooit_thuiszitter(soort: str, sinds: date, einde: date | None, peildatum: date) -> bool:
    """Whether the case made the child a thuiszitter at some day up to ``peildatum``."""
    vanaf = thuiszitter_vanaf(soort, sinds)
    if vanaf is None or vanaf > peildatum:
        return False
    return einde is None or vanaf <= einde


def meldplichtig(gemiste_uren: int | None) -> bool:
    """A school must report relatief verzuim at 16 hours in 4 consecutive school weeks."""
    return gemiste_uren is not None and gemiste_uren >= MELDPLICHT_UREN


def duur_in_weken(sinds: date, einde: date) -> Decimal:
    """The duration of an ended case in weeks, one decimal (both days count)."""
    dagen = (einde - sinds).days + 1
    return (Decimal(dagen) / Decimal(7)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def onderwijsconsulent_mogelijk(soort: str, sinds: date, peildatum: date) -> bool:
    """An onderwijsconsulent can be engaged after more than 4 weeks at home."""
    if soort == Verzuimsoort.VRIJSTELLING_5A:
        return False
    return peildatum >= onderwijsconsulent_mogelijk_vanaf(sinds)


def onderwijsconsulent_mogelijk_vanaf(sinds: date) -> date:
    return sinds + timedelta(days=ONDERWIJSCONSULENT_NA_DAGEN)


@dataclass(frozen=True)
class Doorbraak:
    """When a doorbraak plan is asked for, and its deadline."""

    gevraagd_op: date
    uiterlijk: date


def doorbraak(sinds: date, *, na_weken: int, termijn_weken: int) -> Doorbraak:
    """A case without an offer ``na_weken`` after the absence began asks for a doorbraak
    plan, due ``termijn_weken`` later (both settings)."""
    gevraagd = sinds + timedelta(weeks=na_weken)
    return Doorbraak(gevraagd_op=gevraagd, uiterlijk=gevraagd + timedelta(weeks=termijn_weken))


def doorbraak_nodig(
    *,
    soort: str,
    sinds: date,
    einde: date | None,
    aanbod_op: date | None,
    peildatum: date,
    na_weken: int,
) -> bool:
    """Whether the case needs a doorbraak plan on ``peildatum``: it runs, the child is not
    exempt, and no offer was found within ``na_weken`` weeks of the start."""
    if soort == Verzuimsoort.VRIJSTELLING_5A or not loopt_op(sinds, einde, peildatum):
        return False
    grens = sinds + timedelta(weeks=na_weken)
    if peildatum < grens:
        return False
    return aanbod_op is None or aanbod_op > grens


@dataclass(frozen=True)
class Kwartielen:
    q1: float
    mediaan: float
    q3: float


def kwartielen(waarden: Sequence[float]) -> Kwartielen | None:
    """Quartiles of durations (inclusive method, as spreadsheets' QUARTILE.INC); None for
    fewer than one value."""
    if not waarden:
        return None
    if len(waarden) == 1:
        enige = float(waarden[0])
        return Kwartielen(enige, enige, enige)
    q1, mediaan, q3 = statistics.quantiles([float(w) for w in waarden], n=4, method="inclusive")
    return Kwartielen(q1, mediaan, q3)


def per_duizend(aantal: int, leerlingen: int | None) -> Decimal | None:
    """Cases per 1,000 pupils, one decimal; None without a pupil count."""
    if not leerlingen:
        return None
    return (Decimal(aantal) * 1000 / Decimal(leerlingen)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
