"""Benchmark of the doelstellingenmonitor's analysis: a national wave of ~1,000,000 answers.

``python -m passend.doelstellingen.bench_analyse`` (on ``DATABASE_URL``; PostgreSQL for the
reported figures) or ``run()`` from ``passend.bench``. Figures go to BENCHMARKS.md.

What is built (deterministic, seed 2026; all synthetic), unless it is there already:

- 150 SWVs ``PO8001``…``PO8075`` and ``VO8001``…``VO8075`` (made when missing);
- a national wave (2090, closed) with two questionnaires (parents and teachers) of 20 items
  each over the 7 goals (12 agree/disagree items, 8 marks), 25,000 responses per
  questionnaire spread unevenly over the SWVs (the smallest few get fewer than 10, so
  suppression and complementary suppression have work to do): 50,000 responses × 20 items =
  1,000,000 answers;
- the previous national wave (2089, closed) with a quarter of that (250,000 answers), so
  every item is compared (two proportions or Welch, Holm per goal and group).

Rows go in with ``bulk_create`` in batches. Timed (warm-up + 3 runs, p50/max):
``selectors.resultaten.analyse`` for the national total and for one SWV. Target: ≤ 5 s on
PostgreSQL.
"""

import random
import statistics
import time
from collections.abc import Callable
from typing import Any

from django.db import connection, transaction

HERHALINGEN = 3
JAAR = 2090
NAAM = "Bench doelstellingenmonitor"
AANTAL_SWVS = 150
RESPONSEN_PER_GROEP = 25_000
ITEMS_PER_GROEP = 20
BATCH = 5_000
#: Refresh the planner's statistics after the build (PostgreSQL). The small-scale test turns
#: it off: ANALYZE writes row estimates outside the test's transaction, and near-empty
#: estimates make later tests in the same database plan badly.
ANALYSEREN = True


def _swvs() -> list[Any]:
    from passend.organisaties.models import Samenwerkingsverband

    codes = [f"{s}8{i:03d}" for s in ("PO", "VO") for i in range(1, AANTAL_SWVS // 2 + 1)]
    bestaand = set(
        Samenwerkingsverband.objects.filter(code__in=codes).values_list("code", flat=True)
    )
    Samenwerkingsverband.objects.bulk_create(
        [
            Samenwerkingsverband(code=c, naam=f"Bench-SWV {c}", sector=c[:2])
            for c in codes
            if c not in bestaand
        ]
    )
    return list(Samenwerkingsverband.objects.filter(code__in=codes).order_by("code"))


def _gewichten(rng: random.Random, aantal: int) -> list[float]:
    """Uneven SWV sizes; the last three are tiny (a handful of respondents)."""
    gewichten = [rng.lognormvariate(0, 0.6) for _ in range(aantal)]
    for i in range(aantal - 3, aantal):
        gewichten[i] = 0.0
    return gewichten


def _meting_bouwen(jaar: int, responsen_per_groep: int, swvs: list[Any], rng: random.Random) -> int:
    """One closed national wave with its answers; returns the number of answers."""
    from passend.doelstellingen.models import Antwoord, Meting, Respons, Vraag, Vragenlijst
    from passend.doelstellingen.rules import Metingstatus, Respondentgroep, Schaal
    from passend.monitor.bench_kpi import bench_gebruiker

    meting = Meting.objects.create(
        samenwerkingsverband=None,
        naam=f"{NAAM} {jaar}",
        jaar=jaar,
        status=Metingstatus.GESLOTEN,
        open_van=f"{jaar}-05-01",
        open_tot=f"{jaar}-06-30",
        aangemaakt_door=bench_gebruiker(),
    )
    gewichten = _gewichten(rng, len(swvs))
    # Each SWV leans a little (a shift of the answers) so that SWVs differ.
    neiging = {s.pk: rng.uniform(-1.0, 1.0) for s in swvs}
    aantal = 0
    for groep in (Respondentgroep.OUDER, Respondentgroep.LERAAR):
        lijst = Vragenlijst.objects.create(meting=meting, respondentgroep=groep)
        vragen = Vraag.objects.bulk_create(
            [
                Vraag(
                    vragenlijst=lijst,
                    code=f"B{i % 7 + 1}.{groep}{i:02d}",
                    doelstelling=i % 7 + 1,
                    tekst=f"Benchvraag {i} voor {groep}",
                    schaal=Schaal.CIJFER if i % 5 in (1, 3) else Schaal.EENS_ONEENS,
                    volgorde=i,
                )
                for i in range(ITEMS_PER_GROEP)
            ]
        )
        per_swv = rng.choices(swvs, weights=gewichten, k=responsen_per_groep - 3 * 4)
        per_swv += [s for s in swvs[-3:] for _ in range(4)]  # 4 each: under the threshold
        for begin in range(0, len(per_swv), BATCH):
            deel = per_swv[begin : begin + BATCH]
            responsen = Respons.objects.bulk_create(
                [Respons(vragenlijst=lijst, samenwerkingsverband=s) for s in deel]
            )
            antwoorden = []
            for respons, swv in zip(responsen, deel, strict=True):
                schuif = neiging[swv.pk]
                for vraag in vragen:
                    if vraag.schaal == Schaal.CIJFER:
                        waarde = min(10, max(1, round(rng.gauss(6.8 + schuif, 1.5))))
                    else:
                        waarde = min(5, max(1, round(rng.gauss(3.4 + schuif / 2, 1.1))))
                    antwoorden.append(Antwoord(respons=respons, vraag=vraag, waarde=waarde))
            Antwoord.objects.bulk_create(antwoorden, batch_size=BATCH * 2)
            aantal += len(antwoorden)
    return aantal


def _tijden(functie: Callable[[], Any], herhalingen: int) -> dict[str, float]:
    functie()  # warm-up
    tijden = []
    for _ in range(herhalingen):
        begin = time.perf_counter()
        functie()
        tijden.append((time.perf_counter() - begin) * 1000)
    return {
        "n": herhalingen,
        "p50_ms": round(statistics.median(tijden), 1),
        "max_ms": round(max(tijden), 1),
    }


def run(*, herhalingen: int = HERHALINGEN, meld: Callable[[str], None] = print) -> dict[str, Any]:
    """Build the waves (when not there yet) and time the analysis. Django must be set up
    and migrated."""
    from passend.doelstellingen.models import Antwoord, Meting
    from passend.doelstellingen.selectors.resultaten import analyse

    uitkomst: dict[str, Any] = {"database": connection.vendor}
    meting = Meting.objects.filter(
        samenwerkingsverband__isnull=True, jaar=JAAR, naam__startswith=NAAM
    ).first()
    if meting is None:
        rng = random.Random(2026)  # noqa: S311 - synthetic data, not security
        begin = time.perf_counter()
        meld("Benchdata doelstellingenmonitor opbouwen …")
        with transaction.atomic():
            swvs = _swvs()
            vorig = _meting_bouwen(JAAR - 1, RESPONSEN_PER_GROEP // 4, swvs, rng)
            nu = _meting_bouwen(JAAR, RESPONSEN_PER_GROEP, swvs, rng)
        if connection.vendor == "postgresql" and ANALYSEREN:
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        uitkomst["opbouw"] = {
            "seconden": round(time.perf_counter() - begin, 1),
            "antwoorden_meting": nu,
            "antwoorden_vorige_meting": vorig,
        }
        meting = Meting.objects.get(samenwerkingsverband__isnull=True, jaar=JAAR)
    else:
        uitkomst["opbouw"] = {"al_aanwezig": True}
    uitkomst["antwoorden"] = Antwoord.objects.filter(vraag__vragenlijst__meting=meting).count()
    res = analyse(meting, samenwerkingsverband_id=None)
    swv = res.keuzes[0]
    uitkomst["samenwerkingsverbanden"] = len(res.keuzes)
    uitkomst["analyse_landelijk"] = _tijden(
        lambda: analyse(meting, samenwerkingsverband_id=None), herhalingen
    )
    uitkomst["analyse_een_swv"] = _tijden(
        lambda: analyse(meting, samenwerkingsverband_id=swv.pk), herhalingen
    )
    items = [i for d in res.doelen for g in d.groepen for i in g.items]
    uitkomst["controle"] = {
        "items": len(items),
        "getoetst_vorige": sum(1 for i in items if i.vorige and i.vorige.p is not None),
        "significant_vorige": sum(1 for i in items if i.vorige and i.vorige.significant),
    }
    return uitkomst


def main() -> None:
    import json

    from passend.bench import _opzetten

    _opzetten()
    print(json.dumps(run(), indent=2, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
