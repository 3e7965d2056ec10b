"""Pure rules of aanmelding and zorgplicht, DOMAIN.md §2.1. No ORM, no now(), no settings.

How the terms are counted (confirmed rules; the choices where the law leaves room are
written down here and in the glossary):

* **Beslistermijn.** The board decides within 6 weeks of receiving the registration. The clock
  starts on the date of receipt and runs in calendar days: the last day on which a decision
  is on time is the date of receipt **plus 42 days** (the same weekday six weeks later). A
  registration received on Tuesday 25 January 2028 must be decided on Tuesday 7 March 2028
  at the latest (2028 is a leap year: 29 February counts).
* **Verlenging.** The board may extend the term once, by 1 to 4 whole weeks, before it has
  passed (on or before the last day); the extended term is counted from the date of
  receipt too: receipt + 42 + 7 × weeks days.
* **Tijdelijke plaatsing.** "After 10 weeks without a decision" the pupil has a right to a
  temporary place. The 10-week term ends on receipt + 70 days, which is also the last day
  of a term extended by the full 4 weeks; the right therefore starts the day after:
  **receipt + 71 days**. On that day a board that has not decided is too late even with the
  longest extension.
* **Zomervakantie (setting, default off).** When the summer holiday suspends the term, the
  days of the configured region's summer holiday do not count: the term ends on the day on
  which the 42nd (or 42 + 7 × weeks, or 70th) day that does count falls. Only holidays in
  the setting ``ZOMERVAKANTIES`` count; a year that is not configured is not suspended.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models

#: The board decides within 6 weeks of receipt (calendar weeks, counted from the receipt date).
BESLISTERMIJN_DAGEN = 42
#: It may extend once, by at most 4 weeks.
MAX_VERLENGING_WEKEN = 4
#: After 10 weeks without a decision the pupil has a right to tijdelijke plaatsing.
TIJDELIJKE_PLAATSING_NA_DAGEN = 70
#: A term that ends within this many days is "bijna verlopen" on the overviews (not a law).
BIJNA_VERLOPEN_DAGEN = 7

#: A period (first and last day, inclusive) in which the term does not run.
Periode = tuple[date, date]


class Wijze(models.TextChoices):
    PORTAAL = "portaal", "Door de ouders, in het ouderportaal"
    PAPIER = "papier", "Schriftelijk (op papier of per e-mail), vastgelegd door de school"


class Uitkomst(models.TextChoices):
    TOEGELATEN = "toegelaten", "Toegelaten"
    TOEGELATEN_MET_ONDERSTEUNING = (
        "toegelaten_met_ondersteuning",
        "Toegelaten met extra ondersteuning",
    )
    GEPLAATST_ELDERS = (
        "geplaatst_elders",
        "Niet toegelaten: een andere school heeft het kind toegelaten (zorgplicht)",
    )
    AFGEWEZEN_VOL = "afgewezen_vol", "Niet toegelaten: de groep is vol"
    INGETROKKEN = "ingetrokken", "Aanmelding ingetrokken door de ouders"


#: Outcomes that admit the pupil: the school enrols the pupil from the ingangsdatum.
TOELATINGEN = frozenset({Uitkomst.TOEGELATEN, Uitkomst.TOEGELATEN_MET_ONDERSTEUNING})


class StapSoort(models.TextChoices):
    AANGEMELD = "aangemeld", "Aanmelding ontvangen"
    VERLENGD = "verlengd", "Beslistermijn verlengd"
    BESLOTEN = "besloten", "Besluit genomen"
    INGESCHREVEN = "ingeschreven", "Ingeschreven op de school"


class Stand(models.TextChoices):
    """Where a registration stands on a given day (derived, never stored)."""

    LOPEND = "lopend", "Loopt"
    VERLENGD = "verlengd", "Verlengd"
    TE_LAAT = "te_laat", "Termijn verlopen"
    TIJDELIJKE_PLAATSING = "tijdelijke_plaatsing", "Recht op tijdelijke plaatsing"
    BESLOTEN = "besloten", "Besloten"


# --- Counting days ---------------------------------------------------------------------------


def _telt(dag: date, geschorst: Sequence[Periode]) -> bool:
    return not any(van <= dag <= tot for van, tot in geschorst)


def termijn_einde(ontvangen_op: date, dagen: int, geschorst: Sequence[Periode] = ()) -> date:
    """The day on which the ``dagen``-th counting day after receipt falls.

    Without suspension this is ``ontvangen_op + dagen``; days inside a suspension period
    (the summer holiday, when the setting says so) do not count.
    """
    if dagen < 0:
        raise ValueError("Een termijn heeft een positief aantal dagen.")
    if not geschorst:
        return ontvangen_op + timedelta(days=dagen)
    dag, geteld = ontvangen_op, 0
    while geteld < dagen:
        dag += timedelta(days=1)
        if _telt(dag, geschorst):
            geteld += 1
    return dag


def beslissen_uiterlijk(ontvangen_op: date, geschorst: Sequence[Periode] = ()) -> date:
    """The last day of the 6-week beslistermijn."""
    return termijn_einde(ontvangen_op, BESLISTERMIJN_DAGEN, geschorst)


def verlengd_tot(ontvangen_op: date, weken: int, geschorst: Sequence[Periode] = ()) -> date:
    """The last day of the term extended by ``weken`` weeks (1 to 4)."""
    if not 1 <= weken <= MAX_VERLENGING_WEKEN:
        raise ValueError(f"Verlengen kan met 1 tot en met {MAX_VERLENGING_WEKEN} weken.")
    return termijn_einde(ontvangen_op, BESLISTERMIJN_DAGEN + 7 * weken, geschorst)


def tijdelijke_plaatsing_vanaf(ontvangen_op: date, geschorst: Sequence[Periode] = ()) -> date:
    """The first day of the right to tijdelijke plaatsing: the day after the 10-week term."""
    return termijn_einde(ontvangen_op, TIJDELIJKE_PLAATSING_NA_DAGEN, geschorst) + timedelta(days=1)


def zomervakanties(
    *, schort: bool, regio: str, vakanties: dict[str, Sequence[Sequence[str]]]
) -> list[Periode]:
    """The suspension periods from the settings' plain values (ISO dates per region)."""
    if not schort:
        return []
    if regio not in vakanties:
        raise ValueError(
            f"Onbekende vakantieregio {regio!r}; kies uit {', '.join(sorted(vakanties))}."
        )
    return sorted(
        (date.fromisoformat(van), date.fromisoformat(tot)) for van, tot in vakanties[regio]
    )


# --- Where a registration stands -------------------------------------------------------------


@dataclass(frozen=True)
class Termijnen:
    """The stored terms and the outcome of one registration, as plain facts."""

    ontvangen_op: date
    beslissen_uiterlijk: date
    verlengd_tot: date | None
    tijdelijke_plaatsing_vanaf: date
    uitkomst: str = ""

    @property
    def huidige_termijn(self) -> date:
        return self.verlengd_tot or self.beslissen_uiterlijk


def dagen_over(termijn: date, vandaag: date) -> int:
    """Days left until the end of the term (0 on the last day, negative once overdue)."""
    return (termijn - vandaag).days


def stand(t: Termijnen, vandaag: date) -> Stand:
    if t.uitkomst:
        return Stand.BESLOTEN
    if vandaag >= t.tijdelijke_plaatsing_vanaf:
        return Stand.TIJDELIJKE_PLAATSING
    if vandaag > t.huidige_termijn:
        return Stand.TE_LAAT
    if t.verlengd_tot is not None:
        return Stand.VERLENGD
    return Stand.LOPEND


def recht_op_tijdelijke_plaatsing(t: Termijnen, vandaag: date) -> bool:
    return stand(t, vandaag) == Stand.TIJDELIJKE_PLAATSING


def bijna_verlopen(t: Termijnen, vandaag: date) -> bool:
    """An open registration whose term ends within ``BIJNA_VERLOPEN_DAGEN`` (not yet over)."""
    return not t.uitkomst and 0 <= dagen_over(t.huidige_termijn, vandaag) < BIJNA_VERLOPEN_DAGEN


def volgorde(t: Termijnen, vandaag: date) -> tuple[int, int, date]:
    """Sort key of the overviews: overdue first, then extended, then the fewest days left.

    Overdue ones (with or without the right to tijdelijke plaatsing) come first, the most
    overdue at the top; then the extended ones; then the rest; decided ones last. Within a
    group: fewest days left, then earliest receipt.
    """
    if t.uitkomst:
        groep = 3
    elif vandaag > t.huidige_termijn:
        groep = 0
    elif t.verlengd_tot is not None:
        groep = 1
    else:
        groep = 2
    return groep, dagen_over(t.huidige_termijn, vandaag), t.ontvangen_op


# --- What may happen -------------------------------------------------------------------------


@dataclass(frozen=True)
class Weigering:
    """Why the whole request is refused in the registration's current state."""

    code: str
    melding: str


#: An extension decided on time (the letter went out within the term) may be recorded in
#: Passend at most this many days after the term ended; later, it can no longer undo the
#: overdue signal by a date in the past.
NAREGISTRATIE_DAGEN = 7


def verlengen_mogelijk(t: Termijnen, op: date, vandaag: date | None = None) -> Weigering | None:
    """An extension is possible once, while undecided, on or before the last day of the term
    (``op``), recorded at most ``NAREGISTRATIE_DAGEN`` after it (``vandaag``)."""
    if t.uitkomst:
        return Weigering(
            "al_besloten", "Over deze aanmelding is al besloten. Verlengen kan niet meer."
        )
    if t.verlengd_tot is not None:
        return Weigering(
            "al_verlengd",
            "De beslistermijn is al een keer verlengd, tot en met "
            f"{t.verlengd_tot:%d-%m-%Y}. Verlengen kan maar één keer (met hoogstens "
            f"{MAX_VERLENGING_WEKEN} weken). Neem nu een besluit.",
        )
    te_laat_vastgelegd = vandaag is not None and vandaag > t.beslissen_uiterlijk + timedelta(
        days=NAREGISTRATIE_DAGEN
    )
    if op > t.beslissen_uiterlijk or te_laat_vastgelegd:
        return Weigering(
            "termijn_verstreken",
            f"De beslistermijn is verstreken op {t.beslissen_uiterlijk:%d-%m-%Y}. Verlengen kan "
            "alleen vóór het einde van de termijn. Neem nu een besluit.",
        )
    return None


def verlengingsfouten(*, t: Termijnen, weken: int | None, op: date, reden: str) -> dict[str, str]:
    """What is wrong with the fields of an extension, per field; empty: nothing."""
    fouten: dict[str, str] = {}
    if op < t.ontvangen_op:
        fouten["verlengd_op"] = "De verlenging kan niet vóór de ontvangst van de aanmelding."
    if weken is None or not 1 <= weken <= MAX_VERLENGING_WEKEN:
        fouten["weken"] = f"Verleng met 1, 2, 3 of {MAX_VERLENGING_WEKEN} weken."
    if not reden.strip():
        fouten["reden"] = "Schrijf op waarom de school meer tijd nodig heeft."
    return fouten


def beslissen_mogelijk(t: Termijnen) -> Weigering | None:
    if t.uitkomst:
        return Weigering(
            "al_besloten",
            "Over deze aanmelding is al besloten. Een besluit wordt niet overschreven.",
        )
    return None


@dataclass(frozen=True)
class Besluit:
    """A proposed decision, as plain facts (the service fills it from the request)."""

    uitkomst: str
    uitkomst_op: date
    toelichting: str = ""
    ingangsdatum: date | None = None
    #: A school (vestiging) elsewhere was named, and whether it is this registration's own.
    geplaatst_elders: bool = False
    geplaatst_elders_zelfde_vestiging: bool = False
    geplaatst_op: date | None = None
    #: When Passend holds a registration of this pupil at the school named as "elders":
    #: whether that school admitted the pupil (None: Passend holds none there).
    elders_toegelaten: bool | None = None
    opp_gekozen: bool = False


def besluitfouten(*, t: Termijnen, b: Besluit, vandaag: date) -> dict[str, str]:
    """What is wrong with a decision, per field; empty: it can be recorded."""
    if b.uitkomst not in Uitkomst.values:
        return {"uitkomst": "Kies een uitkomst."}
    fouten: dict[str, str] = {}
    if b.uitkomst_op < t.ontvangen_op:
        fouten["uitkomst_op"] = "Het besluit kan niet vóór de ontvangst van de aanmelding liggen."
    elif b.uitkomst_op > vandaag:
        fouten["uitkomst_op"] = "De datum van het besluit kan niet in de toekomst liggen."
    if b.uitkomst in TOELATINGEN:
        if b.ingangsdatum is None:
            fouten["ingangsdatum"] = (
                "Vul in vanaf wanneer het kind op school komt (de datum van inschrijving)."
            )
        elif b.ingangsdatum < t.ontvangen_op:
            fouten["ingangsdatum"] = "De inschrijving kan niet vóór de aanmelding beginnen."
    elif b.ingangsdatum is not None:
        fouten["ingangsdatum"] = "Een ingangsdatum hoort alleen bij een toelating."
    if b.opp_gekozen and b.uitkomst != Uitkomst.TOEGELATEN_MET_ONDERSTEUNING:
        fouten["opp"] = "Een OPP hoort alleen bij een toelating met extra ondersteuning."
    if b.uitkomst == Uitkomst.GEPLAATST_ELDERS:
        if not b.geplaatst_elders:
            fouten["geplaatst_bij"] = (
                "Vul in welke school het kind heeft toegelaten. De school mag het kind pas "
                "weigeren als een andere school het kind heeft toegelaten (zorgplicht)."
            )
        elif b.geplaatst_elders_zelfde_vestiging:
            fouten["geplaatst_bij"] = "Kies een andere school dan de school van deze aanmelding."
        elif b.elders_toegelaten is False:
            fouten["geplaatst_bij"] = (
                "Bij die school staat ook een aanmelding van dit kind, maar die school heeft het "
                "kind (nog) niet toegelaten. Weigeren kan pas als een andere school het kind "
                "heeft toegelaten (zorgplicht)."
            )
        if b.geplaatst_op is None:
            fouten["geplaatst_op"] = "Vul in wanneer de andere school het kind heeft toegelaten."
        elif b.geplaatst_op > vandaag:
            fouten["geplaatst_op"] = "Die datum kan niet in de toekomst liggen."
    elif b.geplaatst_elders or b.geplaatst_op is not None:
        fouten["geplaatst_bij"] = (
            "Een andere school hoort alleen bij de uitkomst 'een andere school heeft het kind "
            "toegelaten'."
        )
    if b.uitkomst == Uitkomst.AFGEWEZEN_VOL and not b.toelichting.strip():
        fouten["toelichting"] = (
            "Schrijf op waarom de groep vol is (bijvoorbeeld hoeveel plaatsen er zijn en hoeveel "
            "kinderen er al zijn)."
        )
    return fouten
