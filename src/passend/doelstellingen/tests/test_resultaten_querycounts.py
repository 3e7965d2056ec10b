"""The results read in a fixed number of SQL queries, whatever the number of answers, SWVs
and waves compared (small and large data give the same bound)."""

import pytest

from passend.accounts.rules import Rolsoort
from passend.doelstellingen.rules import Respondentgroep
from passend.doelstellingen.selectors.resultaten import analyse, resultaten_voor
from passend.doelstellingen.tests.resultaten_data import actor, antwoorden, bouw_meting
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db
G = Respondentgroep
#: analyse: earlier waves, items, answer aggregates, responses, SWVs.
ANALYSE = 5
#: resultaten_voor: + the wave, the SWV picked, and the access log (savepoint, insert, release).
RESULTATEN = 10


def landelijke_reeks(swvs: int, per_swv: int):
    deelnemers = [SamenwerkingsverbandFactory() for _ in range(swvs)]
    metingen = [
        bouw_meting(swv=None, jaar=2023, nulmeting=True),
        bouw_meting(swv=None, jaar=2024),
        bouw_meting(swv=None, jaar=2025),
    ]
    for m in metingen:
        for i, swv in enumerate(deelnemers):
            reeks = [(i + j) % 5 + 1 for j in range(per_swv + i)]
            antwoorden(
                m,
                swv=swv,
                groep=G.OUDER,
                waarden={
                    "D1.behoefte": reeks,
                    "D4.partner": reeks,
                    "D4.cijfer": [2 * w for w in reeks],
                },
            )
            antwoorden(m, swv=swv, groep=G.LERAAR, waarden={"D3.cijfer": reeks})
    return metingen[-1], deelnemers


@pytest.mark.parametrize(("swvs", "per_swv"), [(1, 3), (6, 40)])
def test_vaste_grens(django_assert_max_num_queries, swvs, per_swv):
    meting, deelnemers = landelijke_reeks(swvs, per_swv)
    with django_assert_max_num_queries(ANALYSE):
        res = analyse(meting, samenwerkingsverband_id=None)
    assert res.nulmeting is not None and res.vorige is not None
    assert len(res.keuzes) == swvs
    wie = actor(Rolsoort.MINISTERIE)
    with django_assert_max_num_queries(RESULTATEN):
        res = resultaten_voor(
            actor=wie, meting_id=meting.pk, route="t", swv_code=deelnemers[0].code
        )
    assert res.samenwerkingsverband == deelnemers[0]


def test_benchmark_op_kleine_schaal(monkeypatch):
    """The benchmark's generator and timing (``bench_analyse``), 400 responses per group
    instead of 25,000: the answers it promises, tiny SWVs hidden, every item compared."""
    from passend.doelstellingen import bench_analyse

    monkeypatch.setattr(bench_analyse, "AANTAL_SWVS", 6)
    monkeypatch.setattr(bench_analyse, "RESPONSEN_PER_GROEP", 400)
    # No ANALYZE in the test database: its row estimates outlive the test's rollback.
    monkeypatch.setattr(bench_analyse, "ANALYSEREN", False)
    uitkomst = bench_analyse.run(herhalingen=1, meld=lambda _: None)
    assert uitkomst["opbouw"]["antwoorden_meting"] == 2 * 400 * 20 == uitkomst["antwoorden"]
    assert uitkomst["opbouw"]["antwoorden_vorige_meting"] == 2 * 100 * 20
    assert uitkomst["samenwerkingsverbanden"] == 6
    assert uitkomst["controle"]["items"] == 40 == uitkomst["controle"]["getoetst_vorige"]
    assert uitkomst["analyse_landelijk"]["n"] == 1
    # The three tiny SWVs (4 respondents per group) are hidden, whoever asks.
    from passend.doelstellingen.models import Meting
    from passend.organisaties.models import Samenwerkingsverband

    meting = Meting.objects.get(jaar=bench_analyse.JAAR)
    klein = Samenwerkingsverband.objects.get(code="VO8003")
    res = analyse(meting, samenwerkingsverband_id=klein.pk)
    assert all(i.onderdrukt for d in res.doelen for g in d.groepen for i in g.items)
    assert bench_analyse.run(herhalingen=1, meld=lambda _: None)["opbouw"] == {"al_aanwezig": True}
