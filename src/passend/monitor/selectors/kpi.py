"""The KPI dashboard of one SWV and the national table of every SWV side by side.

Every figure is counted by the other apps' ``kengetallen`` selectors (a small, fixed number
of grouped SQL queries, for one SWV or for all SWVs at once) and put together here into
``Kengetal`` rows: the count beside the rate, the previous year's value and the change,
the national reference and small-cell suppression. The selectors authorise (the monitor
policy) and write one access-log record before returning; the figures are aggregates, so
the record names no pupil.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404

from passend.aanbod.selectors.kengetallen import wachtlijst_kengetallen
from passend.arrangementen.selectors import arrangementen_kengetallen
from passend.core.kalender import schooljaar_begin, schooljaar_einde, schooljaar_van
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.geschillen.selectors.kengetallen import veilig_thuis_kengetallen
from passend.monitor.permissions import beleid
from passend.monitor.rules import (
    Afbakening,
    Eenheid,
    Kengetal,
    afgerond,
    onderdrukken,
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
    """One line of a chart: a figure per school year of the period."""

    code: str
    label: str
    eenheid: str
    punten: list[tuple[str, Decimal | None]]
    landelijk: list[tuple[str, Decimal | None]] | None = None


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
    of grouped queries (15 for all). With ``samen`` key ``SAMEN`` holds the medians and
    quartiles over all SWVs together."""
    ids = list(swv_ids) if swv_ids is not None else None
    gemeen: dict[str, Any] = {"swv_ids": ids, "vestiging_ids": vestiging_ids}
    periode: dict[str, Any] = {**gemeen, "van": van, "tot": tot}
    functies: dict[str, Callable[[], dict[int, dict[str, Any]]]] = {
        "leerlingen": lambda: leerling_kengetallen(tot=tot, **gemeen),
        "opp": lambda: opp_kengetallen(**periode),
        "arrangementen": lambda: arrangementen_kengetallen(**periode),
        "tlv": lambda: tlv_kengetallen(**periode, samen=samen),
        "thuiszitters": lambda: thuiszitter_kengetallen(**periode, samen=samen),
        "zorgplicht": lambda: zorgplicht_kengetallen(**periode),
        "wachtlijst": lambda: wachtlijst_kengetallen(**periode, samen=samen),
        "veilig_thuis": lambda: veilig_thuis_kengetallen(**periode),
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


def kengetallen_uit(
    ruw: Ruw,
    vorig: Ruw,
    *,
    landelijk: dict[str, Decimal],
    codes: Sequence[str] | None = None,
) -> list[Kengetal]:
    """The figures (all, or ``codes`` in that order) of one SWV from the raw counts of the
    period and of the period one year earlier."""
    figuren = FIGUREN if codes is None else tuple(FIGUUR_PER_CODE[c] for c in codes)
    uitkomst = []
    for figuur in figuren:
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
                vorig_jaar_aantal=vorig_aantal,
                vorig_jaar_waarde=vorig_waarde,
                verandering=wijziging,
                landelijk=(
                    landelijk.get(figuur.landelijk_soort) if figuur.landelijk_soort else None
                ),
            )
        )
    return uitkomst


#: The chart lines: (code of the figure, label of the line).
REEKSEN: tuple[tuple[str, str], ...] = (
    ("tlv_toegekend", "TLV's afgegeven per 1.000 leerlingen"),
    ("deelname_sbo", "Deelname sbo (%)"),
    ("deelname_so", "Deelname so (%)"),
    ("deelname_vso", "Deelname vso (%)"),
    ("thuiszitters", "Thuiszitters per 1.000 leerlingen"),
    ("opp", "Leerlingen met een lopend OPP (%)"),
)


def _reeksen(
    *,
    swv_id: int,
    van: date,
    tot: date,
    vestiging_ids: QuerySet[Any, Any] | None,
    grens: int | None,
) -> list[Reeks]:
    """The chart lines per school year of [van, tot] (each year clipped to the period);
    with ``grens`` a point from a small count is hidden (None)."""
    per_jaar: list[tuple[str, list[Kengetal], dict[str, Decimal]]] = []
    codes = [code for code, _ in REEKSEN]
    for jaar, begin, einde in schooljaren(van, tot):
        ruw = ruwe_cijfers(
            swv_ids=[swv_id],
            van=begin,
            tot=einde,
            vestiging_ids=vestiging_ids,
            bronnen=BRONNEN_REEKSEN,
        )
        landelijk = landelijke_deelname(einde)
        kengetallen = kengetallen_uit(ruw.get(swv_id, {}), {}, landelijk=landelijk, codes=codes)
        if grens is not None:
            kengetallen = [onderdrukken(k, grens) for k in kengetallen]
        per_jaar.append((jaar, kengetallen, landelijk))
    reeksen = []
    for i, (code, label) in enumerate(REEKSEN):
        figuur = FIGUUR_PER_CODE[code]
        reeksen.append(
            Reeks(
                code=code,
                label=label,
                eenheid=figuur.eenheid,
                punten=[(jaar, kengetallen[i].waarde) for jaar, kengetallen, _ in per_jaar],
                landelijk=(
                    [
                        (jaar, landelijk.get(figuur.landelijk_soort))
                        for jaar, _, landelijk in per_jaar
                    ]
                    if figuur.landelijk_soort
                    else None
                ),
            )
        )
    return reeksen


def _vestigingen(afbakening: Afbakening) -> QuerySet[Any, Any] | None:
    return vestigingen_in_afbakening(
        bestuur_id=afbakening.bestuur_id, soort=afbakening.soort, sector=afbakening.sector
    )


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
    """The SWV's figures over [van, tot] with the previous year and the chart lines.

    A role without the monitor is refused (logged 403), another SWV is hidden (logged 404);
    one access-log record (``log_actie``: ``Actie.EXPORTEREN`` for a download) is written
    before the figures are returned. Small cells are suppressed unless the actor is the
    SWV's directeur or functioneel beheerder. Raises ValueError for a period longer than
    ``MAXIMALE_PERIODE_JAREN`` (before anything is logged: the form refuses it).
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
    grens = kleine_cel_grens()
    vestiging_ids = _vestigingen(afbakening)
    swv_id = samenwerkingsverband.pk
    vorig_van, vorig_tot = vorige_periode(van, tot)
    nu = ruwe_cijfers(swv_ids=[swv_id], van=van, tot=tot, vestiging_ids=vestiging_ids)
    vorig = ruwe_cijfers(
        swv_ids=[swv_id], van=vorig_van, tot=vorig_tot, vestiging_ids=vestiging_ids
    )
    kengetallen = kengetallen_uit(
        nu.get(swv_id, {}), vorig.get(swv_id, {}), landelijk=landelijke_deelname(tot)
    )
    if onderdrukt:
        kengetallen = [onderdrukken(k, grens) for k in kengetallen]
    reeksen = _reeksen(
        swv_id=swv_id,
        van=van,
        tot=tot,
        vestiging_ids=vestiging_ids,
        grens=grens if onderdrukt else None,
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
        reeksen=reeksen,
    )


def kpi_landelijk(
    *,
    actor: Any,
    van: date,
    tot: date,
    afbakening: Afbakening,
    route: str,
    log_actie: Actie = Actie.LEZEN,
) -> Landelijk:
    """Every SWV's figures side by side (one sector with ``afbakening.sector``), always
    with small cells suppressed, and the figures of all of them together. The inspectorate
    and the ministry only (logged 403); one access-log record."""
    controleer_periode(van, tot)
    beleid.eis_rol(
        actor, "kpi_landelijk", log_actie=log_actie, object_type=OBJECT_TYPE_LANDELIJK, route=route
    )
    grens = kleine_cel_grens()
    vestiging_ids = _vestigingen(afbakening)
    swvs = Samenwerkingsverband.objects.order_by("code")
    if afbakening.sector:
        swvs = swvs.filter(sector=afbakening.sector)
    samenwerkingsverbanden = list(swvs)
    swv_ids = None if afbakening.sector is None else [s.pk for s in samenwerkingsverbanden]
    vorig_van, vorig_tot = vorige_periode(van, tot)
    nu = ruwe_cijfers(swv_ids=swv_ids, van=van, tot=tot, vestiging_ids=vestiging_ids, samen=True)
    vorig = ruwe_cijfers(
        swv_ids=swv_ids, van=vorig_van, tot=vorig_tot, vestiging_ids=vestiging_ids, samen=True
    )
    landelijk = landelijke_deelname(tot)
    rijen = [
        LandelijkeRij(
            samenwerkingsverband=swv,
            kengetallen=[
                onderdrukken(k, grens)
                for k in kengetallen_uit(
                    nu.get(swv.pk, {}),
                    vorig.get(swv.pk, {}),
                    landelijk=landelijk,
                    codes=LANDELIJKE_KOLOMMEN,
                )
            ],
        )
        for swv in samenwerkingsverbanden
    ]
    bekend = {swv.pk for swv in samenwerkingsverbanden}
    totaal = [
        onderdrukken(k, grens)
        for k in kengetallen_uit(
            _opgeteld({i: r for i, r in nu.items() if i in bekend or i == SAMEN}),
            _opgeteld({i: r for i, r in vorig.items() if i in bekend or i == SAMEN}),
            landelijk=landelijk,
            codes=LANDELIJKE_KOLOMMEN,
        )
    ]
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
        rijen=rijen,
        totaal=totaal,
    )


# --- Tables for downloads --------------------------------------------------------------------

KOP = [
    "groep",
    "kengetal",
    "aantal",
    "waarde",
    "eenheid",
    "noemer (leerlingen)",
    "vorig jaar aantal",
    "vorig jaar waarde",
    "verandering (%)",
    "landelijk",
]


def _cel(waarde: int | Decimal | None, onderdrukt: bool, grens: int) -> object:
    if waarde is None:
        return f"<{grens}" if onderdrukt else ""
    return waarde


def _rij(kengetal: Kengetal, grens: int) -> list[object]:
    """One figure as a download row. A hidden cell reads "<10", never the number."""
    verborgen_nu = kengetal.onderdrukt and kengetal.aantal is None
    verborgen_vorig = kengetal.onderdrukt and kengetal.vorig_jaar_aantal is None
    return [
        GROEPEN[kengetal.groep],
        kengetal.label,
        _cel(kengetal.aantal, verborgen_nu, grens),
        _cel(kengetal.waarde, verborgen_nu and kengetal.eenheid != Eenheid.AANTAL, grens),
        Eenheid(kengetal.eenheid).label,
        _cel(kengetal.noemer, False, grens),
        _cel(kengetal.vorig_jaar_aantal, verborgen_vorig, grens),
        _cel(
            kengetal.vorig_jaar_waarde,
            verborgen_vorig and kengetal.eenheid != Eenheid.AANTAL,
            grens,
        ),
        _cel(kengetal.verandering, False, grens),
        _cel(kengetal.landelijk, False, grens),
    ]


def dashboard_tabel(dashboard: Dashboard) -> tuple[list[str], list[list[object]]]:
    """Header and rows of a dashboard download: one row per figure."""
    return list(KOP), [_rij(k, dashboard.grens) for k in dashboard.kengetallen]


def landelijk_tabel(landelijk: Landelijk) -> tuple[list[str], list[list[object]]]:
    """Header and rows of the national download: one row per SWV and figure, then the
    figures of all SWVs together."""
    kop = ["samenwerkingsverband", "naam", *KOP]
    rijen: list[list[object]] = []
    for rij in landelijk.rijen:
        for kengetal in rij.kengetallen:
            rijen.append(
                [
                    rij.samenwerkingsverband.code,
                    rij.samenwerkingsverband.naam,
                    *_rij(kengetal, landelijk.grens),
                ]
            )
    for kengetal in landelijk.totaal:
        rijen.append(["totaal", "Alle samenwerkingsverbanden", *_rij(kengetal, landelijk.grens)])
    return kop, rijen
