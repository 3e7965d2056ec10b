"""National KPI benchmark (issue #7): the KPI dashboard of one SWV over 5 school years and the
all-SWV table, on PostgreSQL, with synthetic national case data on the 8,717 real school
locations of ../shared/data.

``python -m passend.monitor.bench_kpi`` (``DATABASE_URL`` must point at PostgreSQL) or
``run()`` from ``passend.bench``. Figures go to BENCHMARKS.md.

What is built (deterministic, seed 2026; nothing here is real except the locations):

- the real locations, imported with the importer ``passend.bench`` uses
  (``organisaties.services.vestigingen_importeren``); a board per school when the file has
  none (the 2024 file has none);
- 152 SWVs: the 76 PO and 76 VO regions of ``monitor.netwerk.nationaal.swv_regios``
  (k-means on the locations' coordinates), coded ``PO3001``…``PO3076`` and
  ``VO3001``…``VO3076``; every location a member of the region of each sector it serves
  (so_vso in both) since 1 August 2014;
- Leerlingtellingen: one per location per teldatum 1 October 2021 … 2025; the 2025 count is
  the file's pupil count (277 locations without one get the median of their soort); earlier
  years shrink or grow by a fixed per-location rate of -3 … +3 % a year;
- case data for the school years 2021-2022 … 2025-2026 (``JAREN``), plus a lead-in year
  2020-2021 of TLVs only (so TLVs running at the start of the period exist), drawn per
  location and school year at these national rates (per pupil of a regular location per
  school year; ``Tempo``):

  ======================  =========  ==================================================
  new OPPs                2.0 %      ~10 % of pupils over 5 years have had an OPP
  of which a TLV          70 %       1.4 % new TLVs a year; granted for 1–4 school years,
                                     so 4–5 % of pupils have a running sbo/so/vso TLV;
                                     PO: sbo 55 % / so 45 %, VO: vso; so/vso category
                                     1/2/3 = 70/10/20 %; 90 % granted, 5 % refused, 2 %
                                     withdrawn, the rest still open at the end; 8 %
                                     grensverkeer (first enrolment from the next region)
  arrangement requests    0.5 %      85 % decided (70 % granted, 15 % partly, 15 % refused)
  verzuim cases           0.35 %     absoluut 10 %, relatief 80 % (60 % of which last more
                                     than 4 weeks: a thuiszitter), vrijstelling 10 %; so
                                     ~2.5 thuiszitters per 1,000 pupils a year
  zorgplicht aanmeldingen 0.4 %      (with support expected), 10 % decided after the term
  disagreements           0.1 %      15 % of them with a Veilig Thuis report while open
  Veilig Thuis reports    0.15 %
  ======================  =========  ==================================================

  and waiting-list standen every two months at every sbo/so/so_vso/vso location.
  Only pupils with a case get a ``Leerling`` row (no enrolments). Rows go in with
  ``bulk_create`` in batches; every status is consistent with the models' constraints.

Timed (warm-up + N runs; p50/p95/max): ``monitor.selectors.kpi.kpi_dashboard`` for the SWV
with the most pupils over the 5 school years as its DIRECTEUR, and ``kpi_landelijk`` for
school year 2025-2026 as an INSPECTEUR. The targets are 1 s and 5 s.
"""

import random
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import connection, transaction

from passend.organisaties.rules import Sector, Soort

SEED = 2026
#: The school years (by their start year) with full case data, and the lead-in year.
JAREN = (2021, 2022, 2023, 2024, 2025)
AANLOOPJAAR = 2020
#: The last day of the data.
EINDE = date(2026, 7, 31)
#: SWV codes of the derived regions: PO3001…PO3076, VO3001…VO3076.
CODEBASIS = 3000
LIDMAATSCHAP_VAN = date(2014, 8, 1)
BATCH = 5000
HERHALINGEN = 10

REGULIER = frozenset({Soort.BAO, Soort.VO, Soort.PRO})
SPECIAAL = frozenset({Soort.SBO, Soort.SO, Soort.SO_VSO, Soort.VSO})
SECTOREN: dict[str, tuple[str, ...]] = {
    Soort.BAO: (Sector.PO,),
    Soort.SBO: (Sector.PO,),
    Soort.SO: (Sector.PO,),
    Soort.SO_VSO: (Sector.PO, Sector.VO),
    Soort.VSO: (Sector.VO,),
    Soort.VO: (Sector.VO,),
    Soort.PRO: (Sector.VO,),
}

VOORNAMEN = [
    "Sem",
    "Noah",
    "Liam",
    "Luuk",
    "Daan",
    "Finn",
    "Levi",
    "Milan",
    "Bram",
    "Jesse",
    "Lucas",
    "Thijs",
    "Mila",
    "Emma",
    "Julia",
    "Tess",
    "Sophie",
    "Zoë",
    "Sara",
    "Nora",
    "Evi",
    "Anna",
    "Lotte",
    "Saar",
    "Fenna",
    "Yara",
    "Noor",
    "Lina",
    "Amir",
    "Mohammed",
    "Aya",
]
ACHTERNAMEN = [
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "van Dijk",
    "Bakker",
    "Janssen",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "Kaya",
    "Yilmaz",
    "El Amrani",
    "Pinas",
    "Nguyen",
]


@dataclass(frozen=True)
class Tempo:
    """National rates per pupil of a regular location per school year (see the docstring)."""

    opp: float = 0.02
    tlv_van_opp: float = 0.7
    arrangement: float = 0.005
    verzuim: float = 0.0035
    aanmelding: float = 0.004
    onenigheid: float = 0.001
    veilig_thuis: float = 0.0015


TEMPO = Tempo()


@dataclass(frozen=True)
class Locatie:
    """What the generator needs of a location."""

    id: int
    vestigingscode: str
    soort: str
    leerlingen: int
    gemeente_id: int | None
    bestuur_id: int | None
    postcode: str
    swv: dict[str, int]  # sector → SWV id


@dataclass
class Omgeving:
    """Shared inputs of one generator run."""

    gebruiker_id: int
    gemeente_id: int  # fallback for verzuim cases of locations without a municipality
    gebieden: list[int]  # Ondersteuningsgebied ids (demand per area)
    buren: dict[int, int]  # SWV id → a neighbouring SWV of the same sector (grensverkeer)
    einde: date = EINDE
    #: Close every case by ``einde`` (the demo: historical cases end before its school year).
    alles_afgesloten: bool = False
    naam: Callable[[random.Random], tuple[str, str]] | None = None
    tempo: Tempo = field(default_factory=Tempo)


def _aantal(rng: random.Random, n: float) -> int:
    """An integer with expectation n (deterministic for the generator's state)."""
    heel = int(n)
    return heel + (1 if rng.random() < n - heel else 0)


def _dag(rng: random.Random, van: date, tot: date) -> date:
    return van + timedelta(days=rng.randint(0, max(0, (tot - van).days)))


def _bulk(model: Any, rijen: list[Any]) -> list[Any]:
    if rijen:
        model.objects.bulk_create(rijen, batch_size=BATCH)
    return rijen


def _standaardnaam(rng: random.Random) -> tuple[str, str]:
    return rng.choice(VOORNAMEN), rng.choice(ACHTERNAMEN)


def _tellingen_en_jaren(jaren: Iterable[int]) -> list[date]:
    return [date(jaar, 10, 1) for jaar in jaren]


def tellingen_bouwen(
    locaties: Sequence[Locatie], *, teljaren: Sequence[int], seed: int = SEED
) -> int:
    """Leerlingtellingen on 1 October of ``teljaren``; the last one is the location's count.
    Existing tellingen are left alone. Returns the number written."""
    from passend.organisaties.models import Leerlingtelling

    data = _tellingen_en_jaren(teljaren)
    bestaand = set(
        Leerlingtelling.objects.filter(
            vestiging_id__in=[loc.id for loc in locaties], teldatum__in=data
        ).values_list("vestiging_id", "teldatum")
    )
    laatste = max(teljaren)
    rijen = []
    for loc in locaties:
        rng = random.Random(f"{seed}|telling|{loc.vestigingscode}")  # noqa: S311 - synthetic data
        groei = rng.uniform(-0.03, 0.03)
        for jaar, dag in zip(teljaren, data, strict=True):
            if (loc.id, dag) in bestaand:
                continue
            aantal = round(loc.leerlingen * (1 + groei) ** (jaar - laatste))
            rijen.append(Leerlingtelling(vestiging_id=loc.id, teldatum=dag, aantal=aantal))
    _bulk(Leerlingtelling, rijen)
    return len(rijen)


def _swv_voor_tlv(loc: Locatie, soort: str) -> int | None:
    sector = Sector.VO if soort == "vso" else Sector.PO
    return loc.swv.get(sector)


def _hoofd_swv(loc: Locatie) -> int | None:
    return loc.swv.get(Sector.PO) or loc.swv.get(Sector.VO)


class _Meldnummers:
    """Per SWV and calendar year "YYYY-NNNNN", after the numbers that exist already."""

    def __init__(self, swv_ids: Iterable[int]) -> None:
        from passend.verzuim.models import Verzuimmelding

        self.hoogste: dict[tuple[int, int], int] = defaultdict(int)
        for swv_id, nummer in Verzuimmelding.objects.filter(
            samenwerkingsverband_id__in=list(swv_ids)
        ).values_list("samenwerkingsverband_id", "meldnummer"):
            jaar, _, volgnummer = nummer.partition("-")
            if jaar.isdigit() and volgnummer.isdigit():
                sleutel = (swv_id, int(jaar))
                self.hoogste[sleutel] = max(self.hoogste[sleutel], int(volgnummer))

    def volgend(self, swv_id: int, jaar: int) -> str:
        self.hoogste[(swv_id, jaar)] += 1
        return f"{jaar}-{self.hoogste[(swv_id, jaar)]:03d}"


def gevallen_bouwen(
    locaties: Sequence[Locatie],
    *,
    jaren: Sequence[int],
    omgeving: Omgeving,
    seed: int = SEED,
    aanloopjaar: int | None = None,
    meld: Callable[[str], None] = lambda _t: None,
) -> Counter[str]:
    """Synthetic case data of the locations for the school years ``jaren`` (start years) at
    the rates of ``omgeving.tempo``; in ``aanloopjaar`` only OPPs with a TLV. Returns the
    row counts per kind."""
    telling: Counter[str] = Counter()
    meldnummers = _Meldnummers({i for loc in locaties for i in loc.swv.values()})
    # Per SWV group, so memory stays bounded and progress is visible.
    from passend.organisaties.models import Samenwerkingsverband

    groepen: dict[int | None, list[Locatie]] = defaultdict(list)
    for loc in locaties:
        groepen[_hoofd_swv(loc)].append(loc)
    # Seeded and ordered by SWV code and location code, never by database ids.
    codes = dict(
        Samenwerkingsverband.objects.filter(pk__in=list(groepen)).values_list("pk", "code")
    )
    begin = time.perf_counter()
    for nummer, (swv_id, groep) in enumerate(
        sorted(groepen.items(), key=lambda g: codes.get(g[0], "") if g[0] else "")
    ):
        if swv_id is None:
            continue
        groep = sorted(groep, key=lambda loc: loc.vestigingscode)
        with transaction.atomic():
            telling.update(
                _groep_bouwen(
                    groep,
                    jaren=jaren,
                    aanloopjaar=aanloopjaar,
                    omgeving=omgeving,
                    seed=seed,
                    meldnummers=meldnummers,
                    regio=codes[swv_id],
                )
            )
        if nummer % 10 == 9 or nummer == len(groepen) - 1:
            meld(
                f"  {nummer + 1}/{len(groepen)} regio's, {sum(telling.values()):,} rijen, "
                f"{time.perf_counter() - begin:.0f} s"
            )
    return telling


def _groep_bouwen(
    groep: Sequence[Locatie],
    *,
    jaren: Sequence[int],
    aanloopjaar: int | None,
    omgeving: Omgeving,
    seed: int,
    meldnummers: _Meldnummers,
    regio: str,
) -> Counter[str]:
    from passend.aanbod.models import Wachtlijststand
    from passend.arrangementen.models import Arrangementaanvraag
    from passend.arrangementen.rules import Besluit as ArrBesluit
    from passend.arrangementen.rules import Status as ArrStatus
    from passend.geschillen.models import Onenigheid, VeiligThuisMelding
    from passend.geschillen.rules import Onderwerp
    from passend.geschillen.rules import Status as OnenigheidStatus
    from passend.leerlingen.models import Leerling
    from passend.ondersteuning.models import Ontwikkelingsperspectief
    from passend.ondersteuning.rules import Einde
    from passend.ondersteuning.rules import Status as OppStatus
    from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
    from passend.verzuim.models import Verzuimmelding
    from passend.verzuim.rules import Reden, Verzuimsoort
    from passend.verzuim.rules import Uitkomst as VerzuimUitkomst
    from passend.zorgplicht.models import Aanmelding
    from passend.zorgplicht.rules import Uitkomst as AanmUitkomst
    from passend.zorgplicht.rules import beslissen_uiterlijk, tijdelijke_plaatsing_vanaf

    rng = random.Random(f"{seed}|gevallen|{regio}")  # noqa: S311 - synthetic data
    tempo = omgeving.tempo
    naam = omgeving.naam or _standaardnaam
    gebruiker = omgeving.gebruiker_id
    einde = omgeving.einde
    telling: Counter[str] = Counter()

    # 1. Plan the pupils and their cases as plain tuples; pupils first (they need ids).
    leerlingen: list[Leerling] = []

    def leerling(loc: Locatie, jaar: int) -> int:
        voornaam, achternaam = naam(rng)
        vo = Sector.VO in loc.swv and Sector.PO not in loc.swv
        leeftijd = rng.randint(12, 17) if vo else rng.randint(4, 11)
        leerlingen.append(
            Leerling(
                voornamen=voornaam,
                roepnaam=voornaam,
                achternaam=achternaam,
                geboortedatum=date(jaar - leeftijd, rng.randint(1, 12), rng.randint(1, 28)),
                postcode=loc.postcode or "1000AA",
                woongemeente_id=loc.gemeente_id,
            )
        )
        return len(leerlingen) - 1

    opp_plan: list[dict[str, Any]] = []
    verzuim_plan: list[dict[str, Any]] = []
    vt_plan: list[dict[str, Any]] = []
    standen: list[Wachtlijststand] = []
    alle_jaren = ([aanloopjaar] if aanloopjaar is not None else []) + list(jaren)
    for loc in groep:
        for jaar in alle_jaren:
            start, stop = date(jaar, 8, 1), min(date(jaar + 1, 7, 31), einde)
            alleen_tlv = jaar == aanloopjaar
            if loc.soort in REGULIER:
                aantal_opp = _aantal(rng, loc.leerlingen * tempo.opp)
                for _ in range(aantal_opp):
                    met_tlv = rng.random() < tempo.tlv_van_opp
                    if alleen_tlv and not met_tlv:
                        continue
                    opp_plan.append(
                        {
                            "loc": loc,
                            "jaar": jaar,
                            "leerling": leerling(loc, jaar),
                            "start": _dag(rng, start, stop - timedelta(days=60)),
                            "tlv": met_tlv,
                            "alleen_tlv": alleen_tlv,
                        }
                    )
            if alleen_tlv:
                continue
            for _ in range(_aantal(rng, loc.leerlingen * tempo.verzuim)):
                verzuim_plan.append(
                    {
                        "loc": loc,
                        "leerling": leerling(loc, jaar),
                        "sinds": _dag(rng, start, stop - timedelta(days=30)),
                    }
                )
            for _ in range(_aantal(rng, loc.leerlingen * tempo.veilig_thuis)):
                vt_plan.append(
                    {"loc": loc, "leerling": leerling(loc, jaar), "op": _dag(rng, start, stop)}
                )
            if loc.soort in SPECIAAL:
                for maand in (10, 12, 2, 4, 6):
                    peildatum = date(jaar + (maand < 8), maand, 1)
                    if peildatum > einde:
                        continue
                    capaciteit = max(8, loc.leerlingen // 10)
                    standen.append(
                        Wachtlijststand(
                            vestiging_id=loc.id,
                            peildatum=peildatum,
                            aantal_wachtend=rng.randint(0, 4 + (jaar - jaren[0]) * 2),
                            verwachte_wachttijd_weken=rng.randint(2, 16),
                            capaciteit=capaciteit,
                        )
                    )
    _bulk(Leerling, leerlingen)
    telling["leerlingen"] += len(leerlingen)
    bestaand = set(
        Wachtlijststand.objects.filter(
            vestiging_id__in=[s.vestiging_id for s in standen], gebied__isnull=True
        ).values_list("vestiging_id", "peildatum")
    )
    standen = [s for s in standen if (s.vestiging_id, s.peildatum) not in bestaand]
    telling["wachtlijststanden"] += len(_bulk(Wachtlijststand, standen))

    # 2. OPPs (and, from them, TLVs, arrangements, aanmeldingen, disagreements).
    opps: list[Ontwikkelingsperspectief] = []
    for plan in opp_plan:
        vastgesteld_op = plan["start"] + timedelta(days=rng.randint(3, 40))
        plan["vastgesteld_op"] = vastgesteld_op
        if plan["tlv"]:
            # The OPP ends when the pupil goes to special education (after the decision).
            plan["ontvangen"] = vastgesteld_op + timedelta(days=rng.randint(7, 50))
            eind = plan["ontvangen"] + timedelta(days=rng.randint(30, 120))
            reden = Einde.SPECIAAL_ONDERWIJS
        else:
            eind = plan["start"] + timedelta(days=rng.randint(300, 1100))
            reden = Einde.NIET_MEER_NODIG if rng.random() < 0.6 else Einde.LEERLING_VERTROKKEN
        loopt = eind > einde and not omgeving.alles_afgesloten
        if not loopt:
            eind = min(eind, einde)
        opps.append(
            Ontwikkelingsperspectief(
                leerling_id=leerlingen[plan["leerling"]].pk,
                vestiging_id=plan["loc"].id,
                status=OppStatus.VASTGESTELD if loopt else OppStatus.BEEINDIGD,
                ondersteuningsgebied_id=rng.choice(omgeving.gebieden)
                if omgeving.gebieden
                else None,
                start_extra_ondersteuning=plan["start"],
                onderbouwing="Synthetisch OPP (monitor).",
                vastgesteld_op=vastgesteld_op,
                vastgesteld_door_id=gebruiker,
                einddatum=None if loopt else eind,
                reden_einde="" if loopt else reden,
                aangemaakt_door_id=gebruiker,
            )
        )
    _bulk(Ontwikkelingsperspectief, opps)
    telling["ontwikkelingsperspectieven"] += len(opps)

    tlvs: list[Toelaatbaarheidsverklaring] = []
    arrangementen: list[Arrangementaanvraag] = []
    aanmeldingen: list[Aanmelding] = []
    onenigheden: list[tuple[Onenigheid, bool]] = []
    arrangement_kans = tempo.arrangement / (tempo.opp * (1 - tempo.tlv_van_opp))
    aanmelding_kans = tempo.aanmelding / tempo.opp
    onenigheid_kans = tempo.onenigheid / tempo.opp
    for plan, opp in zip(opp_plan, opps, strict=True):
        loc = plan["loc"]
        leerling_id = opp.leerling_id
        if plan["tlv"]:
            tlv = _tlv(rng, loc, plan, opp, omgeving)
            if tlv is not None:
                tlvs.append(tlv)
        elif rng.random() < arrangement_kans:
            arrangementen.append(_arrangement(rng, loc, plan, opp, omgeving, ArrStatus, ArrBesluit))
        if plan["alleen_tlv"]:
            continue
        if rng.random() < aanmelding_kans:
            aanmeldingen.append(
                _aanmelding(
                    rng,
                    loc,
                    leerling_id,
                    plan,
                    groep,
                    omgeving,
                    AanmUitkomst,
                    beslissen_uiterlijk,
                    tijdelijke_plaatsing_vanaf,
                )
            )
        if rng.random() < onenigheid_kans and (swv_id := _hoofd_swv(loc)) is not None:
            gestart = plan["vastgesteld_op"] + timedelta(days=rng.randint(10, 120))
            if gestart > einde:
                continue
            duur = rng.randint(14, 200)
            open_ = gestart + timedelta(days=duur) > einde and not omgeving.alles_afgesloten
            afgesloten = None if open_ else min(gestart + timedelta(days=duur), einde)
            onenigheden.append(
                (
                    Onenigheid(
                        leerling_id=leerling_id,
                        vestiging_id=loc.id,
                        samenwerkingsverband_id=swv_id,
                        onderwerp=rng.choice(
                            [Onderwerp.OPP, Onderwerp.ONDERSTEUNING, Onderwerp.OVERIG]
                        ),
                        omschrijving="Synthetische onenigheid (monitor).",
                        gestart_op=gestart,
                        gestart_door_id=gebruiker,
                        status=OnenigheidStatus.OPEN
                        if open_
                        else rng.choice([OnenigheidStatus.OPGELOST, OnenigheidStatus.GESLOTEN]),
                        afgesloten_op=afgesloten,
                        afsluiting="" if open_ else "Afgesloten.",
                    ),
                    rng.random() < 0.15,
                )
            )
    telling["toelaatbaarheidsverklaringen"] += len(_bulk(Toelaatbaarheidsverklaring, tlvs))
    telling["arrangementaanvragen"] += len(_bulk(Arrangementaanvraag, arrangementen))
    telling["aanmeldingen"] += len(_bulk(Aanmelding, aanmeldingen))
    _bulk(Onenigheid, [o for o, _ in onenigheden])
    telling["onenigheden"] += len(onenigheden)

    # 3. Veilig Thuis: some during an open disagreement (confirmed), most without one.
    meldingen: list[VeiligThuisMelding] = []
    for onenigheid, met_melding in onenigheden:
        if not met_melding:
            continue
        tot = onenigheid.afgesloten_op or einde
        meldingen.append(
            VeiligThuisMelding(
                leerling_id=onenigheid.leerling_id,
                vestiging_id=onenigheid.vestiging_id,
                gemeld_op=_dag(rng, onenigheid.gestart_op, tot),
                signalen="Synthetische signalen van onveiligheid.",
                meldcode_stappen=["signalen", "collegiaal_overleg"],
                open_onenigheid=onenigheid,
                bevestiging_signalen=True,
                vastgelegd_door_id=gebruiker,
            )
        )
    telling["veilig_thuis_tijdens_onenigheid"] += len(meldingen)
    for plan in vt_plan:
        meldingen.append(
            VeiligThuisMelding(
                leerling_id=leerlingen[plan["leerling"]].pk,
                vestiging_id=plan["loc"].id,
                gemeld_op=plan["op"],
                signalen="Synthetische signalen van onveiligheid.",
                meldcode_stappen=["signalen", "collegiaal_overleg"],
                vastgelegd_door_id=gebruiker,
            )
        )
    telling["veilig_thuis_meldingen"] += len(_bulk(VeiligThuisMelding, meldingen))

    # 4. Verzuim.
    verzuim: list[Verzuimmelding] = []
    for plan in verzuim_plan:
        loc = plan["loc"]
        swv_id = _hoofd_swv(loc)
        if swv_id is None:
            continue
        trek = rng.random()
        soort = (
            Verzuimsoort.ABSOLUUT
            if trek < 0.1
            else Verzuimsoort.VRIJSTELLING_5A
            if trek < 0.2
            else Verzuimsoort.RELATIEF
        )
        sinds: date = plan["sinds"]
        if soort == Verzuimsoort.RELATIEF and rng.random() < 0.4:
            dagen = rng.randint(5, 27)
        else:
            dagen = rng.randint(29, 240)
        afgelopen: date | None = sinds + timedelta(days=dagen)
        if afgelopen is not None and afgelopen > einde:
            afgelopen = einde if omgeving.alles_afgesloten else None
        verzuim.append(
            Verzuimmelding(
                meldnummer=meldnummers.volgend(swv_id, sinds.year),
                leerling_id=leerlingen[plan["leerling"]].pk,
                samenwerkingsverband_id=swv_id,
                vestiging_id=None if soort == Verzuimsoort.ABSOLUUT else loc.id,
                schoolbestuur_id=None if soort == Verzuimsoort.ABSOLUUT else loc.bestuur_id,
                gemeente_id=loc.gemeente_id or omgeving.gemeente_id,
                soort=soort,
                sinds=sinds,
                reden=rng.choice(Reden.values),
                toelichting="Synthetische melding (monitor).",
                einde=afgelopen,
                uitkomst="" if afgelopen is None else rng.choice(VerzuimUitkomst.values),
                duur_weken=None
                if afgelopen is None
                else Decimal((afgelopen - sinds).days / 7).quantize(Decimal("0.1")),
                gemeld_door_id=gebruiker,
            )
        )
    telling["verzuimmeldingen"] += len(_bulk(Verzuimmelding, verzuim))
    return telling


def _tlv(
    rng: random.Random, loc: Locatie, plan: dict[str, Any], opp: Any, omgeving: Omgeving
) -> Any:
    from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
    from passend.toelaatbaarheid.rules import Status as TlvStatus

    soort = "vso"
    if loc.soort == Soort.BAO:
        soort = "sbo" if rng.random() < 0.55 else "so"
    school_swv = _swv_voor_tlv(loc, soort)
    if school_swv is None:
        return None
    ontvangen: date = plan["ontvangen"]
    if ontvangen > omgeving.einde:
        return None
    compleet = ontvangen + timedelta(days=rng.randint(0, 28))
    besluit = compleet + timedelta(days=rng.randint(7, 42))
    trek = rng.random()
    status = (
        TlvStatus.TOEGEKEND
        if trek < 0.9
        else TlvStatus.AFGEWEZEN
        if trek < 0.95
        else TlvStatus.INGETROKKEN
        if trek < 0.97
        else TlvStatus.COMPLEET
    )
    if besluit > omgeving.einde and status in (TlvStatus.TOEGEKEND, TlvStatus.AFGEWEZEN):
        status = TlvStatus.INGEDIEND if compleet > omgeving.einde else TlvStatus.COMPLEET
    if omgeving.alles_afgesloten and status in (TlvStatus.INGEDIEND, TlvStatus.COMPLEET):
        status = TlvStatus.INGETROKKEN
    grens = rng.random() < 0.08 and school_swv in omgeving.buren
    woonregio = omgeving.buren[school_swv] if grens else school_swv
    tlv = Toelaatbaarheidsverklaring(
        leerling_id=opp.leerling_id,
        opp=opp,
        vestiging_id=loc.id,
        soort=soort,
        status=status,
        aangevraagd_door_id=omgeving.gebruiker_id,
        verantwoordelijk_swv_id=woonregio,
        woonregio_swv_id=woonregio,
        school_swv_id=school_swv,
        eerste_inschrijving=grens,
        grensverkeer=grens,
        ontvangen_op=ontvangen,
    )
    if status != TlvStatus.INGEDIEND and not (
        status == TlvStatus.INGETROKKEN and compleet > omgeving.einde
    ):
        tlv.compleet_op = min(compleet, omgeving.einde)
        tlv.compleet_door_id = omgeving.gebruiker_id
    if status in (TlvStatus.TOEGEKEND, TlvStatus.AFGEWEZEN):
        tlv.besluit = status
        tlv.besluit_op = besluit
        tlv.besloten_door_id = omgeving.gebruiker_id
        tlv.motivering = "Synthetisch besluit (monitor)."
    if status == TlvStatus.TOEGEKEND:
        tlv.schoolsoort = soort
        if soort in ("so", "vso"):
            trek = rng.random()
            tlv.bekostigingscategorie = 1 if trek < 0.7 else 2 if trek < 0.8 else 3
        tlv.ingangsdatum = besluit + timedelta(days=rng.randint(1, 21))
        jaren = rng.randint(1, 4)
        eind_jaar = tlv.ingangsdatum.year + jaren + (tlv.ingangsdatum.month >= 8)
        tlv.einddatum = date(eind_jaar - 1, 7, 31)
        if tlv.einddatum <= tlv.ingangsdatum:
            tlv.einddatum = date(tlv.ingangsdatum.year + 1, 7, 31)
    if status == TlvStatus.INGETROKKEN:
        tlv.ingetrokken_op = min(compleet, omgeving.einde)
        tlv.ingetrokken_door_id = omgeving.gebruiker_id
        tlv.reden_intrekking = "De ouders kozen een andere weg."
    return tlv


def _arrangement(
    rng: random.Random,
    loc: Locatie,
    plan: dict[str, Any],
    opp: Any,
    omgeving: Omgeving,
    status_keuzes: Any,
    besluit_keuzes: Any,
) -> Any:
    from passend.arrangementen.models import Arrangementaanvraag

    swv_id = _hoofd_swv(loc) if loc.soort == Soort.BAO else loc.swv.get(Sector.VO)
    assert swv_id is not None  # a regular location in a group has its sector's SWV
    ingediend: date = min(
        plan["vastgesteld_op"] + timedelta(days=rng.randint(5, 60)), omgeving.einde
    )
    bedrag = Decimal(rng.randrange(1000, 15000, 250))
    aanvraag = Arrangementaanvraag(
        leerling_id=opp.leerling_id,
        opp=opp,
        vestiging_id=loc.id,
        samenwerkingsverband_id=swv_id,
        ondersteuning="Extra begeleiding in de klas (synthetisch).",
        van=ingediend + timedelta(days=14),
        tot=ingediend + timedelta(days=14 + rng.choice((90, 180, 300))),
        bedrag=bedrag,
        toelichting="Synthetische aanvraag (monitor).",
        ingediend_op=ingediend,
        ingediend_door_id=omgeving.gebruiker_id,
    )
    besloten = ingediend + timedelta(days=rng.randint(7, 56))
    trek = rng.random()
    if trek < 0.05 or (omgeving.alles_afgesloten and besloten > omgeving.einde):
        aanvraag.status = status_keuzes.INGETROKKEN
        aanvraag.ingetrokken_op = ingediend
        aanvraag.reden_intrekking = "Niet meer nodig."
    elif besloten > omgeving.einde or trek > 0.9:
        aanvraag.status = status_keuzes.INGEDIEND
    else:
        aanvraag.status = status_keuzes.BESLOTEN
        aanvraag.compleet_op = ingediend + timedelta(days=rng.randint(0, 6))
        aanvraag.compleet_door_id = omgeving.gebruiker_id
        aanvraag.besloten_op = besloten
        aanvraag.besloten_door_id = omgeving.gebruiker_id
        trek = rng.random()
        aanvraag.besluit = (
            besluit_keuzes.TOEGEKEND
            if trek < 0.7
            else besluit_keuzes.DEELS
            if trek < 0.85
            else besluit_keuzes.AFGEWEZEN
        )
        aanvraag.redenen = "Synthetisch besluit (monitor)."
        if aanvraag.besluit != besluit_keuzes.AFGEWEZEN:
            aanvraag.toegekend_bedrag = (
                bedrag if aanvraag.besluit == besluit_keuzes.TOEGEKEND else bedrag / 2
            )
            aanvraag.toegekend_van = aanvraag.van
            aanvraag.toegekend_tot = aanvraag.tot
    return aanvraag


def _aanmelding(
    rng: random.Random,
    loc: Locatie,
    leerling_id: int,
    plan: dict[str, Any],
    groep: Sequence[Locatie],
    omgeving: Omgeving,
    uitkomsten: Any,
    beslissen_uiterlijk: Callable[[date], date],
    tijdelijke_plaatsing_vanaf: Callable[[date], date],
) -> Any:
    from passend.zorgplicht.models import Aanmelding

    ontvangen = min(plan["start"] + timedelta(days=rng.randint(0, 200)), omgeving.einde)
    termijn = beslissen_uiterlijk(ontvangen)
    aanmelding = Aanmelding(
        leerling_id=leerling_id,
        vestiging_id=loc.id,
        ontvangen_op=ontvangen,
        wijze=rng.choice(("portaal", "papier")),
        ingediend_door_id=omgeving.gebruiker_id,
        ondersteuning_verwacht=True,
        beslissen_uiterlijk=termijn,
        tijdelijke_plaatsing_vanaf=tijdelijke_plaatsing_vanaf(ontvangen),
    )
    te_laat = rng.random() < 0.1
    besloten = (
        termijn + timedelta(days=rng.randint(1, 21))
        if te_laat
        else ontvangen + timedelta(days=rng.randint(7, (termijn - ontvangen).days))
    )
    if besloten > omgeving.einde:
        if not omgeving.alles_afgesloten:
            return aanmelding  # still open at the end of the data
        besloten = omgeving.einde
    trek = rng.random()
    uitkomst = (
        uitkomsten.TOEGELATEN_MET_ONDERSTEUNING
        if trek < 0.5
        else uitkomsten.TOEGELATEN
        if trek < 0.7
        else uitkomsten.GEPLAATST_ELDERS
        if trek < 0.85
        else uitkomsten.AFGEWEZEN_VOL
        if trek < 0.9
        else uitkomsten.INGETROKKEN
    )
    aanmelding.uitkomst = uitkomst
    aanmelding.uitkomst_op = besloten
    aanmelding.besloten_door_id = omgeving.gebruiker_id
    if uitkomst in (uitkomsten.TOEGELATEN, uitkomsten.TOEGELATEN_MET_ONDERSTEUNING):
        aanmelding.ingangsdatum = besloten + timedelta(days=14)
    if uitkomst == uitkomsten.GEPLAATST_ELDERS:
        aanmelding.geplaatst_bij_id = rng.choice(groep).id
        aanmelding.geplaatst_op = besloten
    if uitkomst == uitkomsten.AFGEWEZEN_VOL:
        aanmelding.toelichting_besluit = "De groep is vol."
    return aanmelding


# --- The national population ---------------------------------------------------------------


def swv_code(regio: str) -> str:
    """ "PO-07" → "PO3007"."""
    sector, _, nummer = regio.partition("-")
    return f"{sector.upper()}{CODEBASIS + int(nummer)}"


def _mediaan_per_soort(rijen: Sequence[tuple[int, str, int | None]]) -> dict[str, int]:
    per_soort: dict[str, list[int]] = defaultdict(list)
    for _id, soort, aantal in rijen:
        if aantal:
            per_soort[soort].append(aantal)
    return {soort: int(statistics.median(a)) for soort, a in per_soort.items()}


def regios_vastleggen(
    regios: dict[str, dict[str, str]], *, meld: Callable[[str], None] = lambda _t: None
) -> dict[str, int]:
    """The SWVs of the derived regions, a board per school without one, and the
    memberships (sector by soort; so_vso in both). Existing rows are kept. Returns counts."""
    from passend.organisaties.models import (
        Samenwerkingsverband,
        School,
        Schoolbestuur,
        SwvLidmaatschap,
        Vestiging,
    )

    codes = sorted({swv_code(r) for per in regios.values() for r in per.values()})
    bestaand = set(
        Samenwerkingsverband.objects.filter(code__in=codes).values_list("code", flat=True)
    )
    _bulk(
        Samenwerkingsverband,
        [
            Samenwerkingsverband(
                code=code,
                naam=f"Samenwerkingsverband {code} (afgeleide regio)",
                sector=code[:2],
            )
            for code in codes
            if code not in bestaand
        ],
    )
    swv_id = dict(Samenwerkingsverband.objects.filter(code__in=codes).values_list("code", "pk"))
    # A board per school without one (the national file names none).
    zonder = list(
        School.objects.filter(
            bestuur__isnull=True, vestigingen__vestigingscode__in=list(regios)
        ).distinct()
    )
    bezet = set(Schoolbestuur.objects.values_list("bevoegd_gezag_nummer", flat=True))
    nummers = (str(n) for n in range(800000, 1000000) if str(n) not in bezet)
    besturen = [
        Schoolbestuur(bevoegd_gezag_nummer=next(nummers), naam=f"Bestuur van {school.naam}"[:200])
        for school in zonder
    ]
    _bulk(Schoolbestuur, besturen)
    for school, bestuur in zip(zonder, besturen, strict=True):
        school.bestuur = bestuur
    School.objects.bulk_update(zonder, ["bestuur"], batch_size=BATCH)
    vestigingen = dict(
        Vestiging.objects.filter(vestigingscode__in=list(regios)).values_list(
            "vestigingscode", "pk"
        )
    )
    lopend = set(
        SwvLidmaatschap.objects.filter(
            vestiging_id__in=vestigingen.values(), tot__isnull=True
        ).values_list("vestiging_id", "sector")
    )
    leden = []
    for code, per_sector in regios.items():
        vestiging_id = vestigingen.get(code)
        if vestiging_id is None:
            continue
        for sector, regio in per_sector.items():
            if (vestiging_id, sector.upper()) in lopend:
                continue
            leden.append(
                SwvLidmaatschap(
                    vestiging_id=vestiging_id,
                    samenwerkingsverband_id=swv_id[swv_code(regio)],
                    sector=sector.upper(),
                    van=LIDMAATSCHAP_VAN,
                )
            )
    _bulk(SwvLidmaatschap, leden)
    meld(
        f"{len(codes)} samenwerkingsverbanden, {len(besturen)} besturen, "
        f"{len(leden)} lidmaatschappen"
    )
    return {
        "samenwerkingsverbanden": len(codes),
        "besturen": len(besturen),
        "lidmaatschappen": len(leden),
    }


def locaties_van(swv_ids: Iterable[int]) -> list[Locatie]:
    """The locations with a running membership of these SWVs (pupil counts imputed by the
    median of their soort where missing), in id order."""
    from passend.organisaties.models import SwvLidmaatschap, Vestiging

    swv_per_vestiging: dict[int, dict[str, int]] = defaultdict(dict)
    for vestiging_id, sector, swv_id in SwvLidmaatschap.objects.filter(
        samenwerkingsverband_id__in=list(swv_ids), tot__isnull=True
    ).values_list("vestiging_id", "sector", "samenwerkingsverband_id"):
        swv_per_vestiging[vestiging_id][sector] = swv_id
    rijen = list(
        Vestiging.objects.filter(pk__in=list(swv_per_vestiging))
        .order_by("pk")
        .values_list(
            "pk",
            "vestigingscode",
            "soort",
            "leerlingenaantal",
            "gemeente_id",
            "school__bestuur_id",
            "postcode",
        )
    )
    mediaan = _mediaan_per_soort([(r[0], r[2], r[3]) for r in rijen])
    return [
        Locatie(
            id=pk,
            vestigingscode=code,
            soort=soort,
            leerlingen=aantal or mediaan.get(soort, 100),
            gemeente_id=gemeente_id,
            bestuur_id=bestuur_id,
            postcode=(postcode or "").replace(" ", ""),
            swv=swv_per_vestiging[pk],
        )
        for pk, code, soort, aantal, gemeente_id, bestuur_id, postcode in rijen
    ]


def buren_van(swv_ids_per_sector: dict[str, list[int]]) -> dict[int, int]:
    """A neighbour per SWV for grensverkeer: the next region of the same sector (regions are
    numbered north to south, so the next one is near)."""
    buren: dict[int, int] = {}
    for ids in swv_ids_per_sector.values():
        for i, swv_id in enumerate(ids):
            if len(ids) > 1:
                buren[swv_id] = ids[(i + 1) % len(ids)]
    return buren


def bench_gebruiker() -> Any:
    from passend.accounts.models import Gebruiker

    gebruiker, _ = Gebruiker.objects.get_or_create(
        username="bench.monitor", defaults={"first_name": "Bench", "last_name": "Monitor"}
    )
    return gebruiker


def _gemeente_id() -> int:
    from passend.organisaties.models import Gemeente

    gemeente, _ = Gemeente.objects.get_or_create(naam="Onbekende gemeente (bench)")
    return gemeente.pk


def nationaal_bouwen(
    regios: dict[str, dict[str, str]],
    *,
    seed: int = SEED,
    tempo: Tempo = TEMPO,
    meld: Callable[[str], None] = lambda _t: None,
) -> dict[str, int]:
    """Regions, tellingen and 5 school years of case data (see the module docstring).
    Deterministic for the same locations, regions and seed. Returns the row counts."""
    from passend.aanbod.models import Ondersteuningsgebied
    from passend.organisaties.models import Samenwerkingsverband

    aantallen = regios_vastleggen(regios, meld=meld)
    codes = sorted({swv_code(r) for per in regios.values() for r in per.values()})
    swvs = list(Samenwerkingsverband.objects.filter(code__in=codes).order_by("code"))
    locaties = locaties_van([s.pk for s in swvs])
    aantallen["vestigingen"] = len(locaties)
    aantallen["leerlingen_duo"] = sum(loc.leerlingen for loc in locaties)
    aantallen["leerlingtellingen"] = tellingen_bouwen(locaties, teljaren=[*JAREN], seed=seed)
    meld(f"{aantallen['leerlingtellingen']:,} leerlingtellingen")
    per_sector: dict[str, list[int]] = defaultdict(list)
    for swv in swvs:
        per_sector[swv.sector].append(swv.pk)
    omgeving = Omgeving(
        gebruiker_id=bench_gebruiker().pk,
        gemeente_id=_gemeente_id(),
        gebieden=list(
            Ondersteuningsgebied.objects.filter(actief=True)
            .order_by("volgorde", "pk")
            .values_list("pk", flat=True)
        ),
        buren=buren_van(per_sector),
        tempo=tempo,
    )
    gevallen = gevallen_bouwen(
        locaties, jaren=JAREN, aanloopjaar=AANLOOPJAAR, omgeving=omgeving, seed=seed, meld=meld
    )
    aantallen.update(gevallen)
    return aantallen


# --- Timing ------------------------------------------------------------------------------


def _actor(rolsoort: str, swv: Any = None) -> Any:
    from passend.accounts.actor import Actor
    from passend.accounts.models import Gebruiker, Rol

    gebruiker, _ = Gebruiker.objects.get_or_create(username=f"bench.{rolsoort}")
    rol, _ = Rol.objects.get_or_create(
        gebruiker=gebruiker,
        rolsoort=rolsoort,
        samenwerkingsverband=swv,
        defaults={"van": date(2020, 8, 1)},
    )
    return Actor(gebruiker=gebruiker, rol=rol)


def _tijden(functie: Callable[[], Any], herhalingen: int) -> dict[str, float]:
    from passend.bench import _tijden as tijden

    return tijden(functie, herhalingen)


def _grootste_swv(codes: Sequence[str]) -> Any:
    """The SWV of the derived regions with the most DUO pupils."""
    from django.db.models import Sum

    from passend.organisaties.models import Samenwerkingsverband

    return (
        Samenwerkingsverband.objects.filter(code__in=codes, lidmaatschappen__tot__isnull=True)
        .annotate(leerlingen=Sum("lidmaatschappen__vestiging__leerlingenaantal"))
        .order_by("-leerlingen", "code")
        .first()
    )


def _rijen() -> dict[str, int]:
    from passend.aanbod.models import Wachtlijststand
    from passend.arrangementen.models import Arrangementaanvraag
    from passend.geschillen.models import Onenigheid, VeiligThuisMelding
    from passend.leerlingen.models import Leerling
    from passend.ondersteuning.models import Ontwikkelingsperspectief
    from passend.organisaties.models import Leerlingtelling, Samenwerkingsverband, Vestiging
    from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
    from passend.verzuim.models import Verzuimmelding
    from passend.zorgplicht.models import Aanmelding

    modellen: dict[str, Any] = {
        "samenwerkingsverbanden": Samenwerkingsverband,
        "vestigingen": Vestiging,
        "leerlingtellingen": Leerlingtelling,
        "leerlingen": Leerling,
        "ontwikkelingsperspectieven": Ontwikkelingsperspectief,
        "toelaatbaarheidsverklaringen": Toelaatbaarheidsverklaring,
        "arrangementaanvragen": Arrangementaanvraag,
        "verzuimmeldingen": Verzuimmelding,
        "aanmeldingen": Aanmelding,
        "wachtlijststanden": Wachtlijststand,
        "onenigheden": Onenigheid,
        "veilig_thuis_meldingen": VeiligThuisMelding,
    }
    return {naam: model.objects.count() for naam, model in modellen.items()}


def run(*, herhalingen: int = HERHALINGEN, meld: Callable[[str], None] = print) -> dict[str, Any]:
    """Build the national data (when not there yet) and time the KPI selectors. PostgreSQL
    only (Django must be set up and migrated)."""
    if connection.vendor != "postgresql":
        raise RuntimeError(
            "De landelijke KPI-benchmark draait alleen op PostgreSQL: zet DATABASE_URL op een "
            "PostgreSQL-database (bijvoorbeeld make bench-postgres)."
        )
    from django.utils import timezone

    from passend.accounts.rules import Rolsoort
    from passend.bench import SCHOLEN
    from passend.monitor.netwerk.nationaal import scholen_laden, swv_regios
    from passend.monitor.rules import Afbakening
    from passend.organisaties.models import Samenwerkingsverband, Vestiging
    from passend.organisaties.services import vestigingen_importeren

    uitkomst: dict[str, Any] = {}
    scholen = scholen_laden(SCHOLEN)
    if Vestiging.objects.filter(
        vestigingscode__in=[s["vestigingscode"] for s in scholen]
    ).count() < len(scholen):
        begin = time.perf_counter()
        vestigingen_importeren(
            bron=SCHOLEN.read_bytes(),
            bestandsnaam=SCHOLEN.name,
            samenwerkingsverband=None,
            peildatum=timezone.localdate(),
        )
        uitkomst["import_seconden"] = round(time.perf_counter() - begin, 1)
    regios = swv_regios(scholen)
    codes = sorted({swv_code(r) for per in regios.values() for r in per.values()})
    begin = time.perf_counter()
    if Samenwerkingsverband.objects.filter(code__in=codes).exists():
        meld("Landelijke monitordata was er al.")
        uitkomst["opbouw"] = {"al_aanwezig": True}
    else:
        aantallen = nationaal_bouwen(regios, meld=meld)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        uitkomst["opbouw"] = {
            "seconden": round(time.perf_counter() - begin, 1),
            "aangemaakt": aantallen,
        }
    uitkomst["rijen"] = _rijen()
    swv = _grootste_swv(codes)
    uitkomst["grootste_swv"] = {"code": swv.code, "leerlingen_duo": swv.leerlingen}
    try:
        from passend.monitor.selectors.kpi import kpi_dashboard, kpi_landelijk
    except ImportError as fout:
        uitkomst["kpi"] = f"monitor.selectors.kpi ontbreekt: {fout}"
        return uitkomst
    directeur = _actor(Rolsoort.DIRECTEUR, swv)
    inspecteur = _actor(Rolsoort.INSPECTEUR)
    van, tot = date(JAREN[0], 8, 1), EINDE
    uitkomst["kpi_dashboard_5_jaar"] = _tijden(
        lambda: kpi_dashboard(
            actor=directeur,
            samenwerkingsverband=swv,
            van=van,
            tot=tot,
            afbakening=Afbakening(),
            route="bench",
        ),
        herhalingen,
    )
    uitkomst["kpi_landelijk_1_jaar"] = _tijden(
        lambda: kpi_landelijk(
            actor=inspecteur,
            van=date(JAREN[-1], 8, 1),
            tot=EINDE,
            afbakening=Afbakening(),
            route="bench",
        ),
        herhalingen,
    )
    return uitkomst


def main() -> None:
    import json

    from passend.bench import _opzetten

    _opzetten()
    print(json.dumps(run(), indent=2, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
