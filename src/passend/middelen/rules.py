"""Pure rules about an SWV's money and governance (DOMAIN.md §2.8). No database here.

- **Signaleringswaarde bovenmatig eigen vermogen** = max(3.5 % of the total gross income
  (baten), € 250,000). Reserves above it must be explained (measure 23). Confirmed: a rule,
  not a setting.
- **Teldatum** of the pupils with a TLV whose support DUO deducts from the SWV's budget
  (afdracht): 1 February for PO, 1 October for VO. For budget year ``jaar`` (a calendar
  year) that is 1 February of ``jaar`` (PO) and 1 October of ``jaar - 1`` (VO): the last
  counting date before or at the start of the year. Normbedragen per year are settings
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
        return datetime.date(jaar, 2, 1)
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
