"""The verzuim figures on a small hand-built set whose answers are worked out by hand.

The set (school year 2025-2026: 1-8-2025 t/m 31-7-2026), all cases of SWV "Telregio" in
gemeente "Telstad":

1. absoluut verzuim since 1-9-2025, running                 → thuiszitter (absoluut)
2. relatief at V1 (bao) 1-10-2025 – 20-10-2025 (20 days)    → relatief, 2.9 weeks
3. relatief at V1 1-11-2025 – 15-1-2026 (langdurig 29-11)   → thuiszitter, 10.9 weeks
4. vrijstelling 5 onder a at V2 (sbo) since 15-9-2025       → never a thuiszitter
5. relatief at V2 1-6-2025 – 10-8-2025 (langdurig 29-6)     → thuiszitter in the period, 10.1 weeks
6. relatief at V1 since 10-7-2026 (langdurig from 7-8-2026) → relatief in the period
7. relatief at V1 5-1-2025 – 1-3-2025                       → outside the period
8. a case of another SWV in the same gemeente               → only in the gemeente's figures

V1 has 300 pupils, V2 200 (both members of the SWV); V3 (another SWV, in Telstad) 1000.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest

from passend.organisaties.models import Gemeente, Samenwerkingsverband, Vestiging
from passend.organisaties.rules import Soort
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    SchoolbestuurFactory,
    SchoolFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)
from passend.verzuim.rules import Uitkomst, Verzuimsoort, duur_in_weken
from passend.verzuim.selectors.cijfers import (
    Gebied,
    duurklasse,
    einde_van_periode_na,
    leerplichttelling,
    thuiszitter_in,
    verzuim_cijfers,
)
from passend.verzuim.tests.factories import VerzuimmeldingFactory

D = datetime.date
VAN, TOT = D(2025, 8, 1), D(2026, 7, 31)
PEILDATUM = D(2026, 11, 24)


@dataclass
class Telwereld:
    swv: Samenwerkingsverband
    ander_swv: Samenwerkingsverband
    gemeente: Gemeente
    v1: Vestiging
    v2: Vestiging
    v3: Vestiging


def melding(wereld: Telwereld, nummer: int, soort: str, sinds, einde=None, vestiging=None, **kw):
    extra = {}
    if einde is not None:
        extra = {
            "einde": einde,
            "uitkomst": Uitkomst.TERUG_NAAR_SCHOOL,
            "duur_weken": duur_in_weken(sinds, einde),
        }
    return VerzuimmeldingFactory(
        meldnummer=f"2025-{nummer:03d}",
        samenwerkingsverband=kw.pop("swv", wereld.swv),
        gemeente=wereld.gemeente,
        soort=soort,
        sinds=sinds,
        vestiging=vestiging,
        **extra,
        **kw,
    )


def maak_telwereld() -> Telwereld:
    gemeente = GemeenteFactory(naam="Telstad", code="9301")
    swv = SamenwerkingsverbandFactory(naam="Telregio")
    ander = SamenwerkingsverbandFactory(naam="Andere regio")
    swv.werkgebied.add(gemeente)
    b1 = SchoolbestuurFactory(naam="Bestuur Een")
    b2 = SchoolbestuurFactory(naam="Bestuur Twee")
    v1 = VestigingFactory(
        school=SchoolFactory(bestuur=b1), soort=Soort.BAO, leerlingenaantal=300, gemeente=gemeente
    )
    v2 = VestigingFactory(
        school=SchoolFactory(bestuur=b2), soort=Soort.SBO, leerlingenaantal=200, gemeente=gemeente
    )
    v3 = VestigingFactory(soort=Soort.BAO, leerlingenaantal=1000, gemeente=gemeente)
    SwvLidmaatschapFactory(vestiging=v1, samenwerkingsverband=swv)
    SwvLidmaatschapFactory(vestiging=v2, samenwerkingsverband=swv)
    SwvLidmaatschapFactory(vestiging=v3, samenwerkingsverband=ander)
    w = Telwereld(swv=swv, ander_swv=ander, gemeente=gemeente, v1=v1, v2=v2, v3=v3)
    R, A, V = Verzuimsoort.RELATIEF, Verzuimsoort.ABSOLUUT, Verzuimsoort.VRIJSTELLING_5A
    melding(w, 1, A, D(2025, 9, 1))
    melding(w, 2, R, D(2025, 10, 1), D(2025, 10, 20), v1)
    melding(w, 3, R, D(2025, 11, 1), D(2026, 1, 15), v1)
    melding(w, 4, V, D(2025, 9, 15), None, v2)
    melding(w, 5, R, D(2025, 6, 1), D(2025, 8, 10), v2)
    melding(w, 6, R, D(2026, 7, 10), None, v1)
    melding(w, 7, R, D(2025, 1, 5), D(2025, 3, 1), v1)
    melding(w, 8, A, D(2025, 9, 1), swv=ander)
    return w


@pytest.fixture
def telwereld(db: None) -> Telwereld:
    return maak_telwereld()


def _swv_cijfers(w: Telwereld, van=VAN, tot=TOT):
    return verzuim_cijfers(
        gebied=Gebied(label="Telregio", samenwerkingsverband=w.swv),
        van=van,
        tot=tot,
        peildatum=PEILDATUM,
    )


def test_thuiszitters_absoluut_en_langdurig_en_per_duizend(telwereld):
    c = _swv_cijfers(telwereld)
    assert c["aantal_meldingen"] == 6
    assert c["thuiszitters"] == {
        "totaal": 3,
        "absoluut": 1,
        "langdurig_relatief": 2,
        "per_duizend": Decimal("6.0"),
    }
    assert c["leerlingen"] == {"aantal": 500, "vestigingen_met_aantal": 2, "vestigingen": 2}


def test_per_soort_vrijstelling_telt_apart_en_niet_als_thuiszitter(telwereld):
    per_vorm = {r["vorm"]: r["aantal"] for r in _swv_cijfers(telwereld)["per_vorm"]}
    assert per_vorm == {
        "absoluut": 1,
        "relatief": 2,
        "langdurig_relatief": 2,
        "vrijstelling_5a": 1,
    }


def test_per_schooltype_en_bestuur_absoluut_heeft_geen_school(telwereld):
    c = _swv_cijfers(telwereld)
    assert c["per_schooltype"] == [
        {"label": "Basisonderwijs", "meldingen": 3, "thuiszitters": 1},
        {"label": "Speciaal basisonderwijs", "meldingen": 2, "thuiszitters": 1},
        {"label": "Geen school (absoluut verzuim)", "meldingen": 1, "thuiszitters": 1},
    ]
    assert c["per_bestuur"] == [
        {"label": "Bestuur Een", "meldingen": 3, "thuiszitters": 1},
        {"label": "Bestuur Twee", "meldingen": 2, "thuiszitters": 1},
        {"label": "Geen school (absoluut verzuim)", "meldingen": 1, "thuiszitters": 1},
    ]


def test_duurkwartielen_van_de_in_de_periode_beeindigde_meldingen(telwereld):
    duur = _swv_cijfers(telwereld)["duur"]
    # 2.9, 10.1 and 10.9 weeks (inclusive method): Q1 = 2.9 + (10.1 - 2.9) / 2.
    assert duur["aantal"] == 3
    k = duur["kwartielen"]
    assert (round(k.q1, 2), round(k.mediaan, 2), round(k.q3, 2)) == (6.5, 10.1, 10.5)


def test_trend_per_kwartaal_met_een_melding_over_twee_kwartalen(telwereld):
    trend = {
        k["kwartaal"]: (k["thuiszitters"], k["nieuw"], k["beeindigd"])
        for k in _swv_cijfers(telwereld)["trend"]
    }
    assert trend == {
        "2025-K3": (2, 2, 1),  # 5 (until 10-8) and 1; new 1 and 4; 5 ended
        "2025-K4": (2, 2, 1),  # 1 and 3 (from 29-11); new 2 and 3; 2 ended
        "2026-K1": (2, 0, 1),  # 1 and 3 (until 15-1): case 3 spans two quarters
        "2026-K2": (1, 0, 0),
        "2026-K3": (2, 1, 0),  # 6 becomes langdurig on 7-8-2026, in the quarter
    }


def test_kwartaalgrens_langdurig_op_de_eerste_dag_van_het_volgende_kwartaal(db):
    w = maak_telwereld()
    # Relatief since 4-12-2025: day 29 (langdurig) is 1-1-2026.
    melding(w, 20, Verzuimsoort.RELATIEF, D(2025, 12, 4), None, w.v1)
    # Absoluut since the last day of the quarter: a thuiszitter in that quarter.
    melding(w, 21, Verzuimsoort.ABSOLUUT, D(2025, 12, 31))
    c = _swv_cijfers(w, D(2025, 10, 1), D(2026, 3, 31))
    trend = {k["kwartaal"]: k["thuiszitters"] for k in c["trend"]}
    assert trend == {"2025-K4": 2 + 1, "2026-K1": 2 + 2}


def test_grenzen_van_thuiszitter_in_een_periode():
    R = Verzuimsoort.RELATIEF
    # langdurig from 29-1 (day 29): not in a period that ends on 28-1, in one that ends 29-1.
    assert not thuiszitter_in(R, D(2026, 1, 1), None, D(2026, 1, 1), D(2026, 1, 28))
    assert thuiszitter_in(R, D(2026, 1, 1), None, D(2026, 1, 1), D(2026, 1, 29))
    # ended on day 28: never langdurig.
    assert not thuiszitter_in(R, D(2026, 1, 1), D(2026, 1, 28), D(2026, 1, 1), D(2026, 12, 31))
    # ended before the period began.
    assert not thuiszitter_in(
        Verzuimsoort.ABSOLUUT, D(2025, 1, 1), D(2025, 7, 31), D(2025, 8, 1), D(2026, 7, 31)
    )
    assert not thuiszitter_in(
        Verzuimsoort.VRIJSTELLING_5A, D(2025, 1, 1), None, D(2025, 8, 1), D(2026, 7, 31)
    )


def test_gemeente_telt_alle_meldingen_en_leerlingen_in_de_gemeente(telwereld):
    c = verzuim_cijfers(
        gebied=Gebied(label="Telstad", gemeente=telwereld.gemeente),
        van=VAN,
        tot=TOT,
        peildatum=PEILDATUM,
    )
    assert c["aantal_meldingen"] == 7  # case 8 of the other SWV too
    assert c["thuiszitters"]["totaal"] == 4
    assert c["leerlingen"]["aantal"] == 1500
    assert c["thuiszitters"]["per_duizend"] == Decimal("2.7")


def test_zonder_leerlingenaantal_geen_per_duizend(telwereld):
    Vestiging.objects.update(leerlingenaantal=None)
    c = _swv_cijfers(telwereld)
    assert c["thuiszitters"]["per_duizend"] is None
    assert c["leerlingen"]["aantal"] is None


def test_periode_hoogstens_vijf_jaar():
    assert einde_van_periode_na(D(2025, 8, 1)) == D(2030, 7, 31)
    assert einde_van_periode_na(D(2024, 2, 29)) == D(2029, 2, 28)


@pytest.mark.parametrize(
    ("weken", "klasse"),
    [
        ("3.9", "korter dan 4 weken"),
        ("4.0", "4 tot 12 weken"),
        ("11.9", "4 tot 12 weken"),
        ("12.0", "12 tot 26 weken"),
        ("26.0", "26 weken of langer"),
    ],
)
def test_duurklassen(weken, klasse):
    assert duurklasse(Decimal(weken)) == klasse


def test_leerplichttelling_van_de_gemeente(telwereld):
    t = leerplichttelling(gemeente=telwereld.gemeente, schooljaar="2025-2026", peildatum=PEILDATUM)
    assert t["aantal"] == 7
    assert [r["meldnummer"] for r in t["rijen"]] == [
        "2025-005",
        "2025-001",
        "2025-008",
        "2025-004",
        "2025-002",
        "2025-003",
        "2025-006",
    ]
    assert t["thuiszitters"] == {"totaal": 4, "absoluut": 2, "langdurig_relatief": 2}
    per_duur = dict(t["per_duur"])
    # Running cases count up to 31-7-2026: 1 and 8 (47.7 weeks), 4 (45.7), 6 (3.1).
    assert per_duur == {
        "korter dan 4 weken": 2,  # 2 (2.9) and 6
        "4 tot 12 weken": 2,  # 3 (10.9) and 5 (10.1)
        "12 tot 26 weken": 0,
        "26 weken of langer": 3,
    }
    zes = next(r for r in t["rijen"] if r["meldnummer"] == "2025-006")
    assert zes["weken"] == Decimal("3.1")
    assert zes["vorm"] == "Relatief verzuim"


def test_leerplichttelling_van_een_swv_telt_alleen_de_eigen_meldingen(telwereld):
    t = leerplichttelling(
        gemeente=telwereld.gemeente,
        schooljaar="2025-2026",
        peildatum=PEILDATUM,
        samenwerkingsverband=telwereld.swv,
    )
    assert "2025-008" not in [r["meldnummer"] for r in t["rijen"]]
    assert t["aantal"] == 6
