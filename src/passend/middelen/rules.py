"""Pure rules about an SWV's money and governance (DOMAIN.md §2.8). No database here.

- **Signaleringswaarde bovenmatig eigen vermogen** = max(3.5 % of the total gross income
  (baten), € 250,000). Reserves above it must be explained (measure 23). Confirmed: a rule,
  not a setting.
- **Teldatum** of the pupils with a TLV whose support DUO deducts from the SWV's budget
  (afdracht): 1 February for PO, 1 October for VO. The funding of calendar year ``jaar``
  uses the count of the year before for both sectors (PO since 2023): 1 February of
  ``jaar - 1`` (PO) and 1 October of ``jaar - 1`` (VO). Normbedragen per year are settings
  (``MIDDELEN_NORMBEDRAGEN``).
- The **ondersteuningsplan** runs at most 4 years; the OPR consents to it and to the
  multi-year budget, and the SWV holds OOGO with the municipalities about the plan.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import models

SIGNALERINGSPERCENTAGE = Decimal("3.5")
SIGNALERINGSMINIMUM = Decimal("250000.00")
CENT = Decimal("0.01")
PLAN_MAXIMAAL_JAREN = 4


class Postsoort(models.TextChoices):
    # Baten (income)
    LICHTE_ONDERSTEUNING = "lichte_ondersteuning", "Rijksbijdrage lichte ondersteuning"
    ZWARE_ONDERSTEUNING = "zware_ondersteuning", "Rijksbijdrage zware ondersteuning"
    OVERIGE_BATEN = "overige_baten", "Overige baten"
    # Afdrachten (deducted by DUO, computed from the TLVs at the teldatum)
    AFDRACHT_SBO = "afdracht_sbo", "Afdracht speciaal basisonderwijs"
    AFDRACHT_SO = "afdracht_so", "Afdracht speciaal onderwijs"
    AFDRACHT_VSO = "afdracht_vso", "Afdracht voortgezet speciaal onderwijs"
    # Lasten (spending)
    TOEWIJZING_SCHOLEN = "toewijzing_scholen", "Toewijzing aan scholen"
    ARRANGEMENTEN = "arrangementen", "Arrangementen"
    STEUNPUNT = "steunpunt", "Ouder- en jeugdsteunpunt"
    ORGANISATIE = "organisatie", "Organisatiekosten"
    OVERIGE_LASTEN = "overige_lasten", "Overige lasten"


BATEN = frozenset(
    {Postsoort.LICHTE_ONDERSTEUNING, Postsoort.ZWARE_ONDERSTEUNING, Postsoort.OVERIGE_BATEN}
)
AFDRACHTEN = frozenset({Postsoort.AFDRACHT_SBO, Postsoort.AFDRACHT_SO, Postsoort.AFDRACHT_VSO})
LASTEN = frozenset(
    {
        Postsoort.TOEWIJZING_SCHOLEN,
        Postsoort.ARRANGEMENTEN,
        Postsoort.STEUNPUNT,
        Postsoort.ORGANISATIE,
        Postsoort.OVERIGE_LASTEN,
    }
)
#: Posts the system computes (from TLVs, pupil counts, arrangement decisions); the others
#: are entered or imported.
BEREKENDE_POSTEN = AFDRACHTEN | {Postsoort.TOEWIJZING_SCHOLEN, Postsoort.ARRANGEMENTEN}


class Begrotingsstatus(models.TextChoices):
    CONCEPT = "concept", "Concept"
    VASTGESTELD = "vastgesteld", "Vastgesteld"


class Plansoort(models.TextChoices):
    ONDERSTEUNINGSPLAN = "ondersteuningsplan", "Ondersteuningsplan"
    MEERJARENBEGROTING = "meerjarenbegroting", "Meerjarenbegroting"


class Instemmingsuitkomst(models.TextChoices):
    INGESTEMD = "ingestemd", "Ingestemd"
    NIET_INGESTEMD = "niet_ingestemd", "Niet ingestemd"


class Oogouitkomst(models.TextChoices):
    OVEREENSTEMMING = "overeenstemming", "Overeenstemming"
    GEEN_OVEREENSTEMMING = "geen_overeenstemming", "Geen overeenstemming"


def signaleringswaarde(totale_baten: Decimal) -> Decimal:
    """max(3.5 % of the total gross income, € 250,000), rounded to the cent (half up)."""
    procent = (totale_baten * SIGNALERINGSPERCENTAGE / 100).quantize(CENT, rounding=ROUND_HALF_UP)
    return max(procent, SIGNALERINGSMINIMUM)


def bovenmatig_eigen_vermogen(eigen_vermogen: Decimal, totale_baten: Decimal) -> Decimal:
    """How far the reserves exceed the signaleringswaarde (0 when they do not)."""
    return max(eigen_vermogen - signaleringswaarde(totale_baten), Decimal("0.00"))


def teldatum(sector: str, jaar: int) -> datetime.date:
    """The counting date of the TLV pupils for budget year ``jaar`` (see the module docstring)."""
    if sector == "PO":
        return datetime.date(jaar - 1, 2, 1)
    if sector == "VO":
        return datetime.date(jaar - 1, 10, 1)
    raise ValueError(f"onbekende sector {sector!r}")


def plan_uiterlijk_tot(periode_van: datetime.date) -> datetime.date:
    """The last day an ondersteuningsplan starting on ``periode_van`` may run (4 years)."""
    try:
        einde = periode_van.replace(year=periode_van.year + PLAN_MAXIMAAL_JAREN)
    except ValueError:  # 29 February
        einde = periode_van.replace(year=periode_van.year + PLAN_MAXIMAAL_JAREN, day=28)
    return einde - datetime.timedelta(days=1)


# --- Budget computations (helper of issue 8, budgets) ----------------------------------------

#: The keys of a year's normbedragen: sbo, and so/vso per bekostigingscategorie.
NORMBEDRAG_SLEUTELS = ("sbo", "so_1", "so_2", "so_3", "vso_1", "vso_2", "vso_3")
#: The largest amount one post (or the reserves) may hold: far below what the column
#: (``max_digits=14``) can store, so that sums of many posts stay within the totals' 16 digits.
MAXIMAAL_BEDRAG = Decimal("9999999999.99")
#: The lowest eigen vermogen (reserves can be negative: a deficit).
MINIMAAL_EIGEN_VERMOGEN = -MAXIMAAL_BEDRAG
#: The largest amount per pupil (``Begroting.bedrag_per_leerling``: ``max_digits=9``).
MAXIMAAL_BEDRAG_PER_LEERLING = Decimal("9999999.99")
#: Dates of adoption, consent and OOGO lie on or after this day.
VROEGSTE_DATUM = datetime.date(2000, 1, 1)
#: Plan periods lie within these years (a later date cannot be computed with).
PLAN_VROEGSTE_JAAR = 2000
PLAN_LAATSTE_JAAR = 2100


def normbedragen_voor(
    tabel: dict[str, dict[str, object]], jaar: int
) -> tuple[int, dict[str, Decimal]] | None:
    """The normbedragen of ``jaar`` from the setting (keys are years as text): that year's,
    else the latest year before it; None when there is no such year. Returns the year used
    and the amounts as Decimals (missing keys are left out)."""
    jaren = sorted(int(sleutel) for sleutel in tabel if str(sleutel).isdigit())
    eerder = [j for j in jaren if j <= jaar]
    if not eerder:
        return None
    gebruikt = eerder[-1]
    rij = tabel.get(str(gebruikt)) or {}
    return gebruikt, {
        sleutel: Decimal(str(rij[sleutel])).quantize(CENT, rounding=ROUND_HALF_UP)
        for sleutel in NORMBEDRAG_SLEUTELS
        if sleutel in rij
    }


def normbedrag_sleutel(soort: str, categorie: int | None) -> str:
    """The normbedrag key of a TLV: ``sbo``, or ``so_<c>``/``vso_<c>`` (a so/vso TLV without
    a category counts as category 1, laag)."""
    if soort == "sbo":
        return "sbo"
    return f"{soort}_{categorie or 1}"


def dagen_in_jaar(van: datetime.date, tot: datetime.date, jaar: int) -> int:
    """How many days of the period [van, tot] (both inclusive) fall in calendar year ``jaar``."""
    begin = max(van, datetime.date(jaar, 1, 1))
    einde = min(tot, datetime.date(jaar, 12, 31))
    return max((einde - begin).days + 1, 0)


def pro_rata(bedrag: Decimal, van: datetime.date, tot: datetime.date, jaar: int) -> Decimal:
    """The part of ``bedrag`` (granted for [van, tot], inclusive) that falls in ``jaar``, by
    days, rounded to the cent (half up)."""
    totaal = (tot - van).days + 1
    if totaal <= 0:
        return Decimal("0.00")
    deel = Decimal(dagen_in_jaar(van, tot, jaar))
    return (bedrag * deel / Decimal(totaal)).quantize(CENT, rounding=ROUND_HALF_UP)
