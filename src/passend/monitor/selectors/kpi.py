"""The KPI dashboard of one SWV and the national table of every SWV side by side.

Every figure is counted by the other apps' ``kengetallen`` selectors (a small, fixed number
of grouped SQL queries, for one SWV or for all SWVs at once) and put together here into
``Kengetal`` rows: the count beside the rate, the previous year's value and the change (for
unsuppressed readers), the national reference and small-cell suppression. The selectors
authorise (the monitor policy) and write one access-log record before returning; the
figures are aggregates, so the record names no pupil.

Suppression (for the board and the OPR on their SWV's dashboard, and for the inspectorate
and the ministry, who read only the national table; the directeur and the functioneel
beheerder see everything): a count of 1 to ``KLEINE_CEL_GRENS`` - 1 is hidden with the rate
computed from it, and so is a small denominator that is not the pupil count. Then secondary
suppression (``rules.aanvullend_onderdrukken``): wherever shown figures add up (TLVs by type
and category and their total, the SWVs of the national table and their totals) no sum may
have exactly one hidden cell.

Views must not be combinable: one view's complement cell must not be shown by another
view, and a difference of two views (two years minus one, a filtered minus an unfiltered
one) must not be a hidden cell. So every suppressed view is canonical: exactly ONE whole
school year, no previous year, no change, no per-year chart series, no board or soort
filter (``een_schooljaar``; a ValueError otherwise, the forms and the API refuse it first).
One SWV's school year is suppressed the same way wherever it is shown, and the
inspectorate and the ministry have no per-SWV view next to the national table.

Filters (the directeur only): with a school board or a soort of school, a case counts
when its location (the school of the pupil, of the TLV, of the request) is one of the
board's or soort's locations, and the pupils (the denominator) are those of the same
locations; cases without a location (a child at home without a school) are then not
counted. The sector of the national table only chooses which SWVs are listed: every
figure of an SWV is the same as without it.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from passend.aanbod.selectors.kengetallen import wachtlijst_kengetallen
from passend.arrangementen.selectors import arrangementen_kengetallen
from passend.core.kalender import schooljaar_begin, schooljaar_einde, schooljaar_van
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.geschillen.selectors import veilig_thuis_kengetallen
from passend.monitor.permissions import beleid
from passend.monitor.rules import (
    Afbakening,
    Eenheid,
    Kengetal,
    Optelling,
    aanvullend_onderdrukken,
    afgerond,
    is_klein,
    per_1000,
    percentage,
    verandering,
    vorige_periode,
)
from passend.ondersteuning.selectors import opp_kengetallen
from passend.organisaties.models import Samenwerkingsverband
from passend.organisaties.selectors import leerling_kengetallen, vestigingen_in_afbakening
from passend.toelaatbaarheid.selectors.kengetallen import tlv_kengetallen
from passend.verzuim.selectors.kengetallen import thuiszitter_kengetallen
from passend.zorgplicht.selectors import zorgplicht_kengetallen

#: The longest period a dashboard covers (the page turns the ValueError into a field error).
MAXIMALE_PERIODE_JAREN = 5

OBJECT_TYPE = "monitor_kpi"
OBJECT_TYPE_LANDELIJK = "monitor_kpi_landelijk"
NIET_GEVONDEN = "Dit samenwerkingsverband bestaat niet of u mag de cijfers ervan niet zien."
GEEN_FILTERS = (
    "Filteren op schoolbestuur of soort school kan alleen de directeur of de functioneel "
    "beheerder van het samenwerkingsverband. U ziet de cijfers van het hele "
    "samenwerkingsverband."
)
HELE_SCHOOLJAREN = (
    "Kies één heel schooljaar. Een eigen periode, meer schooljaren en een vergelijking met "
    "vorig jaar zijn er alleen voor de directeur en de functioneel beheerder van het "
    "samenwerkingsverband."
)
#: Why a suppressed reader sees one school year without comparison (shown on the pages).
WAAROM_EEN_SCHOOLJAAR = (
    "U ziet steeds één heel schooljaar, zonder vergelijking met vorig jaar en zonder "
    "grafieken per jaar. Zo kan niemand uit twee overzichten samen een klein aantal afleiden."
)

#: Groups of figures (code → Dutch heading), in display order.
GROEPEN: dict[str, str] = {
    "leerlingen": "Leerlingen",
    "opp": "Ontwikkelingsperspectieven (OPP's)",
    "arrangementen": "Arrangementen",
    "tlv": "Toelaatbaarheidsverklaringen (TLV's)",
    "deelname": "Deelname aan sbo, so en vso",
    "grensverkeer": "Grensverkeer",
    "thuiszitters": "Thuiszitters",
    "zorgplicht": "Zorgplicht",
    "behandelduur": "Behandelduur van TLV-aanvragen",
    "wachtlijst": "Wachtlijsten",
    "veilig_thuis": "Meldingen bij Veilig Thuis",
}


@dataclass(frozen=True)
class Reeks:
    """One line of a chart: a figure per school year of the period. ``onderdrukt``: the
    school years whose point is hidden (a small count); any other None point is unknown."""

    code: str
    label: str
    eenheid: str
    punten: list[tuple[str, Decimal | None]]
    landelijk: list[tuple[str, Decimal | None]] | None = None
    onderdrukt: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Dashboard:
    samenwerkingsverband: Samenwerkingsverband
    van: date
    tot: date
    afbakening: Afbakening
    onderdrukt: bool
    grens: int
    kengetallen: list[Kengetal]
    reeksen: list[Reeks]


@dataclass(frozen=True)
class LandelijkeRij:
    samenwerkingsverband: Samenwerkingsverband
    kengetallen: list[Kengetal]


@dataclass(frozen=True)
class Landelijk:
    van: date
    tot: date
    afbakening: Afbakening
    grens: int
    kolommen: list[tuple[str, str, str]]
    rijen: list[LandelijkeRij]
    totaal: list[Kengetal]


def kleine_cel_grens() -> int:
    return int(settings.PASSEND["KLEINE_CEL_GRENS"])


def controleer_periode(van: date, tot: date) -> None:
    """Refuse a period that ends before it starts or is longer than 5 years."""
    if tot < van:
        raise ValueError("De einddatum ligt voor de begindatum.")
    try:
        grens = van.replace(year=van.year + MAXIMALE_PERIODE_JAREN)
    except ValueError:  # 29 February
        grens = van.replace(year=van.year + MAXIMALE_PERIODE_JAREN, day=28)
    if tot >= grens:
        raise ValueError(f"Kies een periode van hoogstens {MAXIMALE_PERIODE_JAREN} jaar.")


def hele_schooljaren(van: date, tot: date, vandaag: date | None = None) -> bool:
    """Whether [van, tot] is whole school years: from 1 August to 31 July, or up to today
    in the running school year."""
    vandaag = vandaag or timezone.localdate()
    if van != schooljaar_begin(schooljaar_van(van)):
        return False
    return tot == schooljaar_einde(schooljaar_van(tot)) or (
        tot == vandaag and schooljaar_van(tot) == schooljaar_van(vandaag)
    )


def een_schooljaar(van: date, tot: date, vandaag: date | None = None) -> bool:
    """Whether [van, tot] is exactly one whole school year (the running one up to today):
    the only period of a suppressed view."""
    return hele_schooljaren(van, tot, vandaag) and schooljaar_van(van) == schooljaar_van(tot)


def zonder_vorig_jaar(k: Kengetal) -> Kengetal:
    """The figure without the previous year and the change (a suppressed view)."""
    return replace(k, vorig_jaar_aantal=None, vorig_jaar_waarde=None, verandering=None)


def schooljaren(van: date, tot: date) -> list[tuple[str, date, date]]:
    """The school years that overlap [van, tot] ("2024-2025"), each clipped to the period."""
    jaren: list[tuple[str, date, date]] = []
    jaar = schooljaar_van(van)
    while True:
        begin, einde = schooljaar_begin(jaar), schooljaar_einde(jaar)
        if begin > tot:
            break
        jaren.append((jaar, max(begin, van), min(einde, tot)))
        eerste = int(jaar[:4]) + 1
        jaar = f"{eerste}-{eerste + 1}"
    return jaren


def landelijke_deelname(tot: date) -> dict[str, Decimal]:
    """The national participation rates (sbo/so/vso, %) of the school year of ``tot``, or
    of the latest year before it in ``MONITOR_LANDELIJKE_DEELNAME``; empty without one."""
    tabel: dict[str, dict[str, float]] = settings.PASSEND.get("MONITOR_LANDELIJKE_DEELNAME", {})
    jaar = schooljaar_van(tot)
    eerdere = sorted(j for j in tabel if j <= jaar)
    if not eerdere:
        return {}
    return {soort: Decimal(str(w)) for soort, w in tabel[eerdere[-1]].items()}


# --- The figures ---------------------------------------------------------------------------

Ruw = dict[str, Any]
Berekening = Callable[[Ruw], tuple[int | None, Decimal | None, int | None]]


@dataclass(frozen=True)
class Figuur:
    """How one figure is computed from the raw counts of one SWV over one period."""

    code: str
    groep: str
    label: str
    eenheid: str
    bereken: Berekening
    landelijk_soort: str | None = None  # the participation rate's soort (national line)
    #: Shown only when an app delivers this raw key.
    alleen_met: str | None = None
    #: What the denominator counts, in words; other than "leerlingen" it is a count of
    #: cases (the figure ``noemer_code``) and is suppressed like one.
    noemer_eenheid: str = "leerlingen"
    noemer_code: str | None = None


def _aantal(sleutel: str) -> Berekening:
    def bereken(ruw: Ruw) -> tuple[int | None, Decimal | None, int | None]:
        return ruw.get(sleutel, 0), None, None

    return bereken


def _per_1000(sleutel: str) -> Berekening:
    def bereken(ruw: Ruw) -> tuple[int | None, Decimal | None, int | None]:
        aantal, noemer = ruw.get(sleutel, 0), ruw.get("leerlingen", 0)
        return aantal, per_1000(aantal, noemer), noemer

    return bereken


def _procent(sleutel: str, noemer_sleutel: str = "leerlingen") -> Berekening:
    def bereken(ruw: Ruw) -> tuple[int | None, Decimal | None, int | None]:
        aantal, noemer = ruw.get(sleutel, 0), ruw.get(noemer_sleutel, 0)
        return aantal, percentage(aantal, noemer), noemer

    return bereken


def _statistiek(sleutel: str, n_sleutel: str) -> Berekening:
    """A mean, median or quartile (weeks) beside the number of cases it is about."""

    def bereken(ruw: Ruw) -> tuple[int | None, Decimal | None, int | None]:
        return ruw.get(n_sleutel, 0), afgerond(ruw.get(sleutel)), None

    return bereken


E = Eenheid
FIGUREN: tuple[Figuur, ...] = (
    Figuur("leerlingen", "leerlingen", "Leerlingen (DUO-telling)", E.AANTAL, _aantal("leerlingen")),
    Figuur("opp", "opp", "Leerlingen met een lopend OPP", E.PROCENT, _procent("opp_leerlingen")),
    Figuur(
        "arrangementen_ontvangen",
        "arrangementen",
        "Aanvragen ontvangen",
        E.AANTAL,
        _aantal("arr_ontvangen"),
    ),
    Figuur(
        "arrangementen_besloten",
        "arrangementen",
        "Aanvragen besloten",
        E.AANTAL,
        _aantal("arr_besloten"),
    ),
    Figuur(
        "arrangementen_toegekend",
        "arrangementen",
        "Arrangementen toegekend",
        E.PER_1000,
        _per_1000("arr_toegekend"),
    ),
    Figuur("tlv_ontvangen", "tlv", "TLV-aanvragen ontvangen", E.AANTAL, _aantal("tlv_ontvangen")),
    Figuur("tlv_toegekend", "tlv", "TLV's afgegeven", E.PER_1000, _per_1000("tlv_toegekend")),
    Figuur("tlv_sbo", "tlv", "TLV's sbo", E.PER_1000, _per_1000("tlv_soort_sbo")),
    Figuur("tlv_so", "tlv", "TLV's so", E.PER_1000, _per_1000("tlv_soort_so")),
    Figuur("tlv_vso", "tlv", "TLV's vso", E.PER_1000, _per_1000("tlv_soort_vso")),
    Figuur(
        "tlv_categorie_1",
        "tlv",
        "TLV's so/vso categorie 1 (laag)",
        E.PER_1000,
        _per_1000("tlv_categorie_1"),
    ),
    Figuur(
        "tlv_categorie_2",
        "tlv",
        "TLV's so/vso categorie 2 (midden)",
        E.PER_1000,
        _per_1000("tlv_categorie_2"),
    ),
    Figuur(
        "tlv_categorie_3",
        "tlv",
        "TLV's so/vso categorie 3 (hoog)",
        E.PER_1000,
        _per_1000("tlv_categorie_3"),
    ),
    Figuur(
        "deelname_sbo",
        "deelname",
        "Deelname sbo (lopende TLV's op de einddatum)",
        E.PROCENT,
        _procent("deelname_sbo"),
        landelijk_soort="sbo",
    ),
    Figuur(
        "deelname_so",
        "deelname",
        "Deelname so (lopende TLV's op de einddatum)",
        E.PROCENT,
        _procent("deelname_so"),
        landelijk_soort="so",
    ),
    Figuur(
        "deelname_vso",
        "deelname",
        "Deelname vso (lopende TLV's op de einddatum)",
        E.PROCENT,
        _procent("deelname_vso"),
        landelijk_soort="vso",
    ),
    Figuur(
        "grens_inkomend",
        "grensverkeer",
        "Inkomend: TLV's van een andere woonregio",
        E.AANTAL,
        _aantal("grens_inkomend"),
    ),
    Figuur(
        "grens_uitgaand",
        "grensverkeer",
        "Uitgaand: TLV's naar een school in een ander samenwerkingsverband",
        E.AANTAL,
        _aantal("grens_uitgaand"),
    ),
    Figuur(
        "thuiszitters",
        "thuiszitters",
        "Thuiszitters (kinderen)",
        E.PER_1000,
        _per_1000("thuiszitters"),
    ),
    Figuur(
        "thuiszitters_duur_q1",
        "thuiszitters",
        "Duur thuis, eerste kwartiel (afgesloten)",
        E.WEKEN,
        _statistiek("tz_duur_q1", "tz_duur_n"),
    ),
    Figuur(
        "thuiszitters_duur_mediaan",
        "thuiszitters",
        "Duur thuis, mediaan (afgesloten)",
        E.WEKEN,
        _statistiek("tz_duur_mediaan", "tz_duur_n"),
    ),
    Figuur(
        "thuiszitters_duur_q3",
        "thuiszitters",
        "Duur thuis, derde kwartiel (afgesloten)",
        E.WEKEN,
        _statistiek("tz_duur_q3", "tz_duur_n"),
    ),
    Figuur(
        "zorgplicht_besloten",
        "zorgplicht",
        "Aanmeldingen besloten",
        E.AANTAL,
        _aantal("zp_besloten"),
    ),
    Figuur(
        "zorgplicht_overschreden",
        "zorgplicht",
        "Waarvan beslistermijn overschreden",
        E.PROCENT,
        _procent("zp_overschreden", "zp_besloten"),
        noemer_eenheid="besloten aanmeldingen",
        noemer_code="zorgplicht_besloten",
    ),
    Figuur(
        "zorgplicht_open_verstreken",
        "zorgplicht",
        "Nog open, beslistermijn verstreken",
        E.AANTAL,
        _aantal("zp_open_verstreken"),
        alleen_met="zp_open_verstreken",
    ),
    Figuur(
        "behandelduur_tot_compleet_gemiddelde",
        "behandelduur",
        "Ontvangen tot compleet, gemiddeld",
        E.WEKEN,
        _statistiek("duur_tot_compleet_gemiddelde", "duur_tot_compleet_n"),
    ),
    Figuur(
        "behandelduur_tot_compleet_mediaan",
        "behandelduur",
        "Ontvangen tot compleet, mediaan",
        E.WEKEN,
        _statistiek("duur_tot_compleet_mediaan", "duur_tot_compleet_n"),
    ),
    Figuur(
        "behandelduur_compleet_tot_besluit_gemiddelde",
        "behandelduur",
        "Compleet tot besluit, gemiddeld",
        E.WEKEN,
        _statistiek("duur_compleet_tot_besluit_gemiddelde", "duur_compleet_tot_besluit_n"),
    ),
    Figuur(
        "behandelduur_compleet_tot_besluit_mediaan",
        "behandelduur",
        "Compleet tot besluit, mediaan",
        E.WEKEN,
        _statistiek("duur_compleet_tot_besluit_mediaan", "duur_compleet_tot_besluit_n"),
    ),
    Figuur(
        "behandelduur_totaal_gemiddelde",
        "behandelduur",
        "Ontvangen tot besluit, gemiddeld",
        E.WEKEN,
        _statistiek("duur_totaal_gemiddelde", "duur_totaal_n"),
    ),
    Figuur(
        "behandelduur_totaal_mediaan",
        "behandelduur",
        "Ontvangen tot besluit, mediaan",
        E.WEKEN,
        _statistiek("duur_totaal_mediaan", "duur_totaal_n"),
    ),
    Figuur("wachtlijst_sbo", "wachtlijst", "Op de wachtlijst sbo", E.AANTAL, _aantal("wl_sbo")),
    Figuur("wachtlijst_so", "wachtlijst", "Op de wachtlijst so", E.AANTAL, _aantal("wl_so")),
    Figuur("wachtlijst_vso", "wachtlijst", "Op de wachtlijst vso", E.AANTAL, _aantal("wl_vso")),
    Figuur(
        "wachtlijst_wachttijd",
        "wachtlijst",
        "Verwachte wachttijd, gemiddeld",
        E.WEKEN,
        _statistiek("wl_wachttijd_gemiddelde", "wl_wachttijd_n"),
    ),
    Figuur(
        "veilig_thuis",
        "veilig_thuis",
        "Meldingen bij Veilig Thuis",
        E.AANTAL,
        _aantal("vt_meldingen"),
    ),
    Figuur(
        "veilig_thuis_geschil",
        "veilig_thuis",
        "Waarvan tijdens een geschil",
        E.AANTAL,
        _aantal("vt_tijdens_geschil"),
    ),
)
FIGUUR_PER_CODE = {f.code: f for f in FIGUREN}

#: The figures of the national table, side by side.
LANDELIJKE_KOLOMMEN: tuple[str, ...] = (
    "leerlingen",
    "opp",
    "tlv_toegekend",
    "deelname_sbo",
    "deelname_so",
    "deelname_vso",
    "grens_inkomend",
    "grens_uitgaand",
    "thuiszitters",
    "thuiszitters_duur_mediaan",
    "zorgplicht_overschreden",
    "behandelduur_totaal_mediaan",
    "veilig_thuis_geschil",
)


# --- Raw counts from the other apps --------------------------------------------------------


#: The apps' figure functions, by the name ``ruwe_cijfers(bronnen=...)`` selects them.
BRONNEN = (
    "leerlingen",
    "opp",
    "arrangementen",
    "tlv",
    "thuiszitters",
    "zorgplicht",
    "wachtlijst",
    "veilig_thuis",
)
#: What the chart lines need (per school year): fewer queries than every figure.
BRONNEN_REEKSEN = frozenset({"leerlingen", "opp", "tlv", "thuiszitters"})


def ruwe_cijfers(
    *,
    swv_ids: Sequence[int] | None,
    van: date,
    tot: date,
    vestiging_ids: QuerySet[Any, Any] | None,
    samen: bool = False,
    bronnen: frozenset[str] | None = None,
) -> dict[int, Ruw]:
    """Every app's counts (or those of ``bronnen``) per SWV over [van, tot]: a fixed number
    of grouped queries. With ``samen`` key ``SAMEN`` holds the figures over all SWVs
    together: distinct pupils and cases counted once, medians and quartiles over all cases."""
    ids = list(swv_ids) if swv_ids is not None else None
    gemeen: dict[str, Any] = {"swv_ids": ids, "vestiging_ids": vestiging_ids}
    periode: dict[str, Any] = {**gemeen, "van": van, "tot": tot}
    functies: dict[str, Callable[[], dict[int, dict[str, Any]]]] = {
        "leerlingen": lambda: leerling_kengetallen(tot=tot, **gemeen, samen=samen),
        "opp": lambda: opp_kengetallen(**periode, samen=samen),
        "arrangementen": lambda: arrangementen_kengetallen(**periode),
        "tlv": lambda: tlv_kengetallen(**periode, samen=samen),
        "thuiszitters": lambda: thuiszitter_kengetallen(**periode, samen=samen),
        "zorgplicht": lambda: zorgplicht_kengetallen(**periode, samen=samen),
        "wachtlijst": lambda: wachtlijst_kengetallen(**periode, samen=samen),
        "veilig_thuis": lambda: veilig_thuis_kengetallen(**periode, samen=samen),
    }
    uitkomst: dict[int, Ruw] = {}
    for bron in BRONNEN:
        if bronnen is not None and bron not in bronnen:
            continue
        for swv_id, cijfers in functies[bron]().items():
            uitkomst.setdefault(swv_id, {}).update(cijfers)
    return uitkomst


#: The key of the figures over all SWVs together (no SWV has id 0).
SAMEN = 0


def _opgeteld(ruw_per_swv: dict[int, Ruw]) -> Ruw:
    """The counts of every SWV added up; the means weighted by their n; the medians and
    quartiles over all cases together (computed by the apps under ``SAMEN``)."""
    samen = ruw_per_swv.get(SAMEN, {})
    totaal: Ruw = {}
    for swv_id, ruw in ruw_per_swv.items():
        if swv_id == SAMEN:
            continue
        for sleutel, waarde in ruw.items():
            if isinstance(waarde, int) and not isinstance(waarde, bool):
                totaal[sleutel] = totaal.get(sleutel, 0) + waarde
    for sleutel, waarde in samen.items():
        totaal[sleutel] = waarde
    return totaal


# --- Putting the figures together ----------------------------------------------------------

#: The participation figures of each sector: a PO SWV has sbo and so, a VO SWV vso.
DEELNAME_SECTOR: dict[str, str] = {"deelname_sbo": "PO", "deelname_so": "PO", "deelname_vso": "VO"}


def past_bij_sector(code: str, sector: str | None) -> bool:
    """Whether a figure belongs to an SWV of ``sector`` (only participation rates do not
    belong to both)."""
    eigen = DEELNAME_SECTOR.get(code)
    return eigen is None or sector is None or eigen == sector


def kengetallen_uit(
    ruw: Ruw,
    vorig: Ruw,
    *,
    landelijk: dict[str, Decimal],
    codes: Sequence[str] | None = None,
    sector: str | None = None,
) -> list[Kengetal]:
    """The figures (all, or ``codes`` in that order) of one SWV from the raw counts of the
    period and of the period one year earlier; with ``sector`` without the participation
    rates of the other sector. A figure whose raw key an app does not (yet) deliver is
    left out (``Figuur.alleen_met``)."""
    figuren = FIGUREN if codes is None else tuple(FIGUUR_PER_CODE[c] for c in codes)
    uitkomst = []
    for figuur in figuren:
        if not past_bij_sector(figuur.code, sector):
            continue
        if figuur.alleen_met and figuur.alleen_met not in ruw and figuur.alleen_met not in vorig:
            continue
        aantal, waarde, noemer = figuur.bereken(ruw)
        vorig_aantal, vorig_waarde, _ = figuur.bereken(vorig)
        if figuur.eenheid == Eenheid.AANTAL:
            wijziging = verandering(aantal, vorig_aantal)
        else:
            wijziging = verandering(waarde, vorig_waarde)
        uitkomst.append(
            Kengetal(
                code=figuur.code,
                groep=figuur.groep,
                label=figuur.label,
                eenheid=figuur.eenheid,
                aantal=aantal,
                waarde=waarde,
                noemer=noemer,
                noemer_eenheid=figuur.noemer_eenheid if noemer is not None else "",
                vorig_jaar_aantal=vorig_aantal,
                vorig_jaar_waarde=vorig_waarde,
                verandering=wijziging,
                landelijk=(
                    landelijk.get(figuur.landelijk_soort) if figuur.landelijk_soort else None
                ),
            )
        )
    return uitkomst


def niet_van_toepassing(figuur_code: str) -> Kengetal:
    """An empty cell: a participation rate of the other sector (shown as "–")."""
    figuur = FIGUUR_PER_CODE[figuur_code]
    return Kengetal(
        code=figuur.code,
        groep=figuur.groep,
        label=figuur.label,
        eenheid=figuur.eenheid,
        aantal=None,
    )


# --- Suppression -------------------------------------------------------------------------

#: A cell: (what: "nu", "vorig" or "noemer"; whose: an SWV, a year, a total; figure code).
Cel = tuple[str, Any, str]


def _cellen(wie: Any, kengetallen: Sequence[Kengetal]) -> dict[Cel, int | None]:
    cellen: dict[Cel, int | None] = {}
    for k in kengetallen:
        cellen[("nu", wie, k.code)] = k.aantal
        cellen[("vorig", wie, k.code)] = k.vorig_jaar_aantal
        if k.noemer is not None:
            cellen[("noemer", wie, k.code)] = k.noemer
    return cellen


def _klein(cellen: dict[Cel, int | None], grens: int) -> set[Cel]:
    return {cel for cel, aantal in cellen.items() if is_klein(aantal, grens)}


def _toepassen(wie: Any, k: Kengetal, weg: set[Cel]) -> Kengetal:
    """The figure with its hidden cells (of ``weg``) removed."""
    nu = ("nu", wie, k.code) in weg
    vorig = ("vorig", wie, k.code) in weg
    noemer = ("noemer", wie, k.code) in weg
    if not (nu or vorig or noemer):
        return k
    return replace(
        k,
        aantal=None if nu else k.aantal,
        waarde=None if nu or noemer else k.waarde,
        noemer=None if noemer else k.noemer,
        vorig_jaar_aantal=None if vorig else k.vorig_jaar_aantal,
        vorig_jaar_waarde=None if vorig else k.vorig_jaar_waarde,
        verandering=None,
        onderdrukt=True,
    )


def optellingen_van_een_swv(wie: Any) -> list[Optelling[Cel]]:
    """The sums among the figures of one SWV: TLVs by type add up to the TLVs issued; the
    categories (of so and vso TLVs that have one) to at most so + vso; a denominator that
    is another figure's count is that count."""
    optellingen: list[Optelling[Cel]] = []
    for wat in ("nu", "vorig"):

        def c(code: str, wat: str = wat) -> Cel:
            return (wat, wie, code)

        soorten = (c("tlv_sbo"), c("tlv_so"), c("tlv_vso"))
        categorieen = (c("tlv_categorie_1"), c("tlv_categorie_2"), c("tlv_categorie_3"))
        optellingen += [
            Optelling((c("tlv_toegekend"),), soorten),
            Optelling((c("tlv_so"), c("tlv_vso")), categorieen),
            Optelling((c("tlv_toegekend"),), (c("tlv_sbo"), *categorieen)),
        ]
    for figuur in FIGUREN:
        if figuur.noemer_code:
            optellingen.append(
                Optelling((("nu", wie, figuur.noemer_code),), (("noemer", wie, figuur.code),))
            )
    return optellingen


#: The chart lines: (code of the figure, label of the line).
REEKSEN: tuple[tuple[str, str], ...] = (
    ("tlv_toegekend", "TLV's afgegeven per 1.000 leerlingen"),
    ("deelname_sbo", "Deelname sbo (%)"),
    ("deelname_so", "Deelname so (%)"),
    ("deelname_vso", "Deelname vso (%)"),
    ("thuiszitters", "Thuiszitters per 1.000 leerlingen"),
    ("opp", "Leerlingen met een lopend OPP (%)"),
)


def _per_jaar(
    *,
    swv: Samenwerkingsverband,
    van: date,
    tot: date,
    vestiging_ids: QuerySet[Any, Any] | None,
) -> list[tuple[str, list[Kengetal], dict[str, Decimal]]]:
    """The chart figures per school year of [van, tot] (each year clipped to the period)."""
    per_jaar: list[tuple[str, list[Kengetal], dict[str, Decimal]]] = []
    codes = [code for code, _ in REEKSEN if past_bij_sector(code, swv.sector)]
    for jaar, begin, einde in schooljaren(van, tot):
        ruw = ruwe_cijfers(
            swv_ids=[swv.pk],
            van=begin,
            tot=einde,
            vestiging_ids=vestiging_ids,
            bronnen=BRONNEN_REEKSEN,
        )
        landelijk = landelijke_deelname(einde)
        kengetallen = kengetallen_uit(ruw.get(swv.pk, {}), {}, landelijk=landelijk, codes=codes)
        per_jaar.append((jaar, kengetallen, landelijk))
    return per_jaar


def _reeksen(
    per_jaar: list[tuple[str, list[Kengetal], dict[str, Decimal]]],
) -> list[Reeks]:
    reeksen = []
    for code, label in REEKSEN:
        figuur = FIGUUR_PER_CODE[code]
        punten: list[tuple[str, Decimal | None]] = []
        weg: set[str] = set()
        for jaar, kengetallen, _ in per_jaar:
            k = next((k for k in kengetallen if k.code == code), None)
            if k is None:
                break
            punten.append((jaar, k.waarde))
            if k.onderdrukt and k.aantal is None:
                weg.add(jaar)
        else:
            reeksen.append(
                Reeks(
                    code=code,
                    label=label,
                    eenheid=figuur.eenheid,
                    punten=punten,
                    landelijk=(
                        [
                            (jaar, landelijk.get(figuur.landelijk_soort))
                            for jaar, _, landelijk in per_jaar
                        ]
                        if figuur.landelijk_soort
                        else None
                    ),
                    onderdrukt=frozenset(weg),
                )
            )
    return reeksen


def _vestigingen(afbakening: Afbakening) -> QuerySet[Any, Any] | None:
    """The locations of a board or soort filter (the sector filter only chooses SWVs)."""
    return vestigingen_in_afbakening(bestuur_id=afbakening.bestuur_id, soort=afbakening.soort)


def kpi_dashboard(
    *,
    actor: Any,
    samenwerkingsverband: Samenwerkingsverband,
    van: date,
    tot: date,
    afbakening: Afbakening,
    route: str,
    log_actie: Actie = Actie.LEZEN,
) -> Dashboard:
    """The SWV's figures over [van, tot] with the previous year and the chart lines (only
    for the directeur and the functioneel beheerder: a suppressed view is one school year
    without them, see the module docstring).

    A role without the monitor is refused (logged 403), another SWV is hidden (logged 404);
    one access-log record (``log_actie``: ``Actie.EXPORTEREN`` for a download) is written
    before the figures are returned. Small cells are suppressed (with secondary
    suppression) unless the actor is the SWV's directeur or functioneel beheerder. Raises
    ValueError for a period longer than ``MAXIMALE_PERIODE_JAREN`` (before anything is
    logged), and for a suppressed actor with a board or soort filter or a period that is
    not exactly one whole school year (the forms and the API refuse both first).
    """
    controleer_periode(van, tot)
    beleid.eis_rol(actor, "kpi", log_actie=log_actie, object_type=OBJECT_TYPE, route=route)
    # The policy's object is typed as an analysis; for "kpi" it is the SWV itself.
    swv: Any = samenwerkingsverband
    if not beleid.mag(actor, "kpi", swv):
        toegang_vastleggen(
            actor=actor,
            actie=log_actie,
            object_type=OBJECT_TYPE,
            object_id=samenwerkingsverband.code,
            toegestaan=False,
            reden="geweigerd: niet het eigen samenwerkingsverband",
            route=route,
        )
        raise Http404(NIET_GEVONDEN)
    onderdrukt = beleid.onderdrukt(actor, samenwerkingsverband)
    if onderdrukt and (afbakening.bestuur_id is not None or afbakening.soort is not None):
        raise ValueError(GEEN_FILTERS)
    if onderdrukt and not een_schooljaar(van, tot):
        raise ValueError(HELE_SCHOOLJAREN)
    grens = kleine_cel_grens()
    vestiging_ids = _vestigingen(afbakening)
    swv_id = samenwerkingsverband.pk
    sector = samenwerkingsverband.sector
    nu = ruwe_cijfers(swv_ids=[swv_id], van=van, tot=tot, vestiging_ids=vestiging_ids)
    if onderdrukt:
        # One school year, no previous year, no chart series: the canonical view.
        kengetallen = [
            zonder_vorig_jaar(k)
            for k in kengetallen_uit(
                nu.get(swv_id, {}), {}, landelijk=landelijke_deelname(tot), sector=sector
            )
        ]
        kengetallen = _onderdruk_dashboard(kengetallen, grens)
        per_jaar: list[tuple[str, list[Kengetal], dict[str, Decimal]]] = []
    else:
        vorig_van, vorig_tot = vorige_periode(van, tot)
        vorig = ruwe_cijfers(
            swv_ids=[swv_id], van=vorig_van, tot=vorig_tot, vestiging_ids=vestiging_ids
        )
        kengetallen = kengetallen_uit(
            nu.get(swv_id, {}),
            vorig.get(swv_id, {}),
            landelijk=landelijke_deelname(tot),
            sector=sector,
        )
        per_jaar = _per_jaar(
            swv=samenwerkingsverband, van=van, tot=tot, vestiging_ids=vestiging_ids
        )
    toegang_vastleggen(
        actor=actor,
        actie=log_actie,
        object_type=OBJECT_TYPE,
        object_id=samenwerkingsverband.code,
        leerling_sleutels=[],
        toegestaan=True,
        reden=f"kengetallen {van:%d-%m-%Y} t/m {tot:%d-%m-%Y}"
        + ("" if afbakening.leeg else " (gefilterd)"),
        route=route,
    )
    return Dashboard(
        samenwerkingsverband=samenwerkingsverband,
        van=van,
        tot=tot,
        afbakening=afbakening,
        onderdrukt=onderdrukt,
        grens=grens,
        kengetallen=kengetallen,
        reeksen=_reeksen(per_jaar) if per_jaar else [],
    )


PERIODE = "periode"


def _onderdruk_dashboard(kengetallen: list[Kengetal], grens: int) -> list[Kengetal]:
    """Primary and secondary suppression of a (one school year) dashboard."""
    cellen = _cellen(PERIODE, kengetallen)
    weg = aanvullend_onderdrukken(cellen, _klein(cellen, grens), optellingen_van_een_swv(PERIODE))
    return [_toepassen(PERIODE, k, weg) for k in kengetallen]


def kpi_landelijk(
    *,
    actor: Any,
    van: date,
    tot: date,
    afbakening: Afbakening,
    route: str,
    log_actie: Actie = Actie.LEZEN,
) -> Landelijk:
    """Every SWV's figures side by side (those of one sector with ``afbakening.sector``),
    always with small cells suppressed, and the figures of all of them together.

    The inspectorate and the ministry only (logged 403); one access-log record. Raises
    ValueError for a period that is not exactly one whole school year (the form and the
    API refuse it first); there is no previous year and no change (a canonical view).
    Every SWV is counted whatever the sector filter, and the hidden cells are chosen over
    the whole country (rows, the sector totals and the national total add up): a table of
    one sector hides the same cells as the whole table, so the two together give nothing
    away. A participation rate belongs to its sector's SWVs only (the other's are empty).
    """
    controleer_periode(van, tot)
    beleid.eis_rol(
        actor, "kpi_landelijk", log_actie=log_actie, object_type=OBJECT_TYPE_LANDELIJK, route=route
    )
    if not een_schooljaar(van, tot):
        raise ValueError(HELE_SCHOOLJAREN)
    grens = kleine_cel_grens()
    alle = list(Samenwerkingsverband.objects.order_by("code"))
    nu = ruwe_cijfers(swv_ids=None, van=van, tot=tot, vestiging_ids=None, samen=True)
    vorig: dict[Any, Ruw] = {}  # no previous year in a suppressed view
    landelijk = landelijke_deelname(tot)
    sectoren = sorted({swv.sector for swv in alle})
    per_sector = {sector: [swv for swv in alle if swv.sector == sector] for sector in sectoren}
    # A sector's total counts that sector's cases only (distinct pupils, medians).
    mediaan_bronnen = frozenset(BRONNEN)
    samen_van: dict[str | None, tuple[Ruw, Ruw]] = {None: (nu.get(SAMEN, {}), {})}
    if afbakening.sector is not None and afbakening.sector in per_sector:
        ids = [swv.pk for swv in per_sector[afbakening.sector]]
        samen_nu = ruwe_cijfers(
            swv_ids=ids, van=van, tot=tot, vestiging_ids=None, samen=True, bronnen=mediaan_bronnen
        ).get(SAMEN, {})
        samen_van[afbakening.sector] = (samen_nu, {})

    def opgeteld(swvs: list[Samenwerkingsverband], bron: dict[int, Ruw], samen: Ruw) -> Ruw:
        return _opgeteld({**{s.pk: bron.get(s.pk, {}) for s in swvs}, SAMEN: samen})

    def totaal_van(sector: str | None) -> list[Kengetal]:
        swvs = alle if sector is None else per_sector.get(sector, [])
        # Without its own medians a sector's total still has its counts (for suppression).
        samen_nu, samen_vorig = samen_van.get(sector, ({}, {}))
        kengetallen = kengetallen_uit(
            opgeteld(swvs, nu, samen_nu),
            opgeteld(swvs, vorig, samen_vorig),
            landelijk=landelijk,
            codes=LANDELIJKE_KOLOMMEN,
        )
        uit = []
        for k in kengetallen:
            eigen = DEELNAME_SECTOR.get(k.code)
            if eigen is not None and eigen != sector:
                # A participation rate over its own sector's SWVs (pupils and TLVs).
                if sector is None and eigen in per_sector:
                    k = kengetallen_uit(
                        opgeteld(per_sector[eigen], nu, {}),
                        opgeteld(per_sector[eigen], vorig, {}),
                        landelijk=landelijk,
                        codes=[k.code],
                    )[0]
                else:
                    k = niet_van_toepassing(k.code)
            uit.append(zonder_vorig_jaar(k))
        return uit

    rijen = {
        swv.pk: [
            zonder_vorig_jaar(k)
            if past_bij_sector(k.code, swv.sector)
            else niet_van_toepassing(k.code)
            for k in kengetallen_uit(
                nu.get(swv.pk, {}),
                vorig.get(swv.pk, {}),
                landelijk=landelijk,
                codes=LANDELIJKE_KOLOMMEN,
            )
        ]
        for swv in alle
    }
    totalen = {sector: totaal_van(sector) for sector in [None, *sectoren]}
    weg = _onderdruk_landelijk(rijen, totalen, per_sector, grens)
    getoond = alle if afbakening.sector is None else per_sector.get(afbakening.sector, [])
    totaal_sector = afbakening.sector if afbakening.sector in totalen else None
    totaal = (
        [_toepassen(("totaal", totaal_sector), k, weg) for k in totalen[totaal_sector]]
        if afbakening.sector is None or afbakening.sector in per_sector
        else [niet_van_toepassing(c) for c in LANDELIJKE_KOLOMMEN]
    )
    toegang_vastleggen(
        actor=actor,
        actie=log_actie,
        object_type=OBJECT_TYPE_LANDELIJK,
        object_id=afbakening.sector or "",
        leerling_sleutels=[],
        toegestaan=True,
        reden=f"kengetallen van alle samenwerkingsverbanden {van:%d-%m-%Y} t/m {tot:%d-%m-%Y}",
        route=route,
    )
    return Landelijk(
        van=van,
        tot=tot,
        afbakening=afbakening,
        grens=grens,
        kolommen=[
            (c, FIGUUR_PER_CODE[c].label, FIGUUR_PER_CODE[c].eenheid) for c in LANDELIJKE_KOLOMMEN
        ],
        rijen=[
            LandelijkeRij(
                samenwerkingsverband=swv,
                kengetallen=[_toepassen(swv.pk, k, weg) for k in rijen[swv.pk]],
            )
            for swv in getoond
        ],
        totaal=totaal,
    )


def _onderdruk_landelijk(
    rijen: dict[int, list[Kengetal]],
    totalen: dict[str | None, list[Kengetal]],
    per_sector: dict[str, list[Samenwerkingsverband]],
    grens: int,
) -> set[Cel]:
    """The hidden cells of the national table: per column (count, previous year, a
    denominator that is a count) the SWVs of a sector add up to the sector's total and the
    sectors to the national total. A participation rate of the other sector is no cell."""
    cellen: dict[Cel, int | None] = {}
    for swv_id, kengetallen in rijen.items():
        cellen.update(_cellen(swv_id, [k for k in kengetallen if k.aantal is not None]))
    for sector, kengetallen in totalen.items():
        cellen.update(_cellen(("totaal", sector), [k for k in kengetallen if k.aantal is not None]))
    optellingen: list[Optelling[Cel]] = []
    for code in LANDELIJKE_KOLOMMEN:
        for wat in ("nu", "vorig", "noemer"):
            for sector, swvs in per_sector.items():
                optellingen.append(
                    Optelling(
                        ((wat, ("totaal", sector), code),),
                        tuple((wat, swv.pk, code) for swv in swvs),
                    )
                )
            if code not in DEELNAME_SECTOR:
                optellingen.append(
                    Optelling(
                        ((wat, ("totaal", None), code),),
                        tuple((wat, ("totaal", sector), code) for sector in per_sector),
                    )
                )
    weg = aanvullend_onderdrukken(cellen, _klein(cellen, grens), optellingen)
    # The national participation rates are their sector's totals: hidden with them.
    for code, sector in DEELNAME_SECTOR.items():
        for wat in ("nu", "vorig", "noemer"):
            if (wat, ("totaal", sector), code) in weg:
                weg.add((wat, ("totaal", None), code))
    return weg


# --- Tables for downloads --------------------------------------------------------------------

KOP = [
    "groep",
    "kengetal",
    "aantal",
    "waarde",
    "eenheid",
    "noemer",
    "noemer telt",
    "vorig jaar aantal",
    "vorig jaar waarde",
    "verandering (%)",
    "landelijk",
]


def _cel(waarde: int | Decimal | None, onderdrukt: bool, grens: int) -> object:
    if waarde is None:
        return f"<{grens}" if onderdrukt else ""
    return waarde


def _rij(kengetal: Kengetal, grens: int, *, met_vorig: bool = True) -> list[object]:
    """One figure as a download row. A hidden cell reads "<10", never the number. Without
    ``met_vorig`` (a suppressed view) no previous year and no change."""
    verborgen_nu = kengetal.onderdrukt and kengetal.aantal is None
    verborgen_vorig = kengetal.onderdrukt and kengetal.vorig_jaar_aantal is None
    verborgen_noemer = kengetal.onderdrukt and kengetal.noemer is None and kengetal.noemer_eenheid
    rij: list[object] = [
        GROEPEN[kengetal.groep],
        kengetal.label,
        _cel(kengetal.aantal, verborgen_nu, grens),
        _cel(
            kengetal.waarde,
            (verborgen_nu or bool(verborgen_noemer)) and kengetal.eenheid != Eenheid.AANTAL,
            grens,
        ),
        Eenheid(kengetal.eenheid).label,
        _cel(kengetal.noemer, bool(verborgen_noemer), grens),
        kengetal.noemer_eenheid,
    ]
    if met_vorig:
        rij += [
            _cel(kengetal.vorig_jaar_aantal, verborgen_vorig, grens),
            _cel(
                kengetal.vorig_jaar_waarde,
                verborgen_vorig and kengetal.eenheid != Eenheid.AANTAL,
                grens,
            ),
            _cel(kengetal.verandering, False, grens),
        ]
    return [*rij, _cel(kengetal.landelijk, False, grens)]


#: The columns of the previous year and the change (absent in a suppressed view).
KOP_VORIG = ("vorig jaar aantal", "vorig jaar waarde", "verandering (%)")


def _kop(met_vorig: bool) -> list[str]:
    return [k for k in KOP if met_vorig or k not in KOP_VORIG]


def dashboard_tabel(dashboard: Dashboard) -> tuple[list[str], list[list[object]]]:
    """Header and rows of a dashboard download: one row per figure (a suppressed one
    without the previous year and the change)."""
    met_vorig = not dashboard.onderdrukt
    return _kop(met_vorig), [
        _rij(k, dashboard.grens, met_vorig=met_vorig) for k in dashboard.kengetallen
    ]


def landelijk_tabel(landelijk: Landelijk) -> tuple[list[str], list[list[object]]]:
    """Header and rows of the national download: one row per SWV and figure, then the
    figures of all SWVs together (one school year: no previous year, no change)."""
    kop = ["samenwerkingsverband", "naam", *_kop(False)]
    rijen: list[list[object]] = []
    for rij in landelijk.rijen:
        for kengetal in rij.kengetallen:
            rijen.append(
                [
                    rij.samenwerkingsverband.code,
                    rij.samenwerkingsverband.naam,
                    *_rij(kengetal, landelijk.grens, met_vorig=False),
                ]
            )
    for kengetal in landelijk.totaal:
        rijen.append(
            [
                "totaal",
                "Alle samenwerkingsverbanden",
                *_rij(kengetal, landelijk.grens, met_vorig=False),
            ]
        )
    return kop, rijen
