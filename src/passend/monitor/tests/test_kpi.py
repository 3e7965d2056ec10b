"""KPI figures on a small hand-built dataset with known answers (``kpi_data``): every
answer below is worked out by hand from the rows built there."""

from datetime import date
from decimal import Decimal

import pytest
from django.test import override_settings

from passend.accounts.rules import Rolsoort
from passend.arrangementen.selectors import arrangementen_cijfers
from passend.monitor.rules import Afbakening
from passend.monitor.selectors.kpi import (
    controleer_periode,
    kpi_dashboard,
    kpi_landelijk,
    landelijke_deelname,
    schooljaren,
)
from passend.monitor.tests.kpi_data import TOT, VAN, actor, bouw
from passend.toelaatbaarheid.selectors.cijfers import tlv_cijfers
from passend.verzuim.selectors.cijfers import Gebied, verzuim_cijfers

pytestmark = pytest.mark.django_db
D = date


@pytest.fixture
def data():
    return bouw()


def dashboard(data, *, swv=None, van=VAN, tot=TOT, afbakening=None, rolsoort=Rolsoort.DIRECTEUR):
    swv = swv or data.a
    return kpi_dashboard(
        actor=actor(rolsoort, swv),
        samenwerkingsverband=swv,
        van=van,
        tot=tot,
        afbakening=afbakening or Afbakening(),
        route="test",
    )


def figuren(d):
    return {k.code: k for k in d.kengetallen}


def rij(k):
    return (k.aantal, k.waarde, k.noemer)


def test_alle_kengetallen_van_a(data):
    f = figuren(dashboard(data))
    # Pupils: 400 (v1's telling, not its stored 999 nor the later 5000) + 600 + 100.
    assert rij(f["leerlingen"]) == (1100, None, None)
    # OPPs: p1 (v1) and p3 (v3, two versions) = 2 of 1,100 = 0.18 % -> 0.2.
    assert rij(f["opp"]) == (2, Decimal("0.2"), 1100)
    assert f["arrangementen_ontvangen"].aantal == 2
    assert f["arrangementen_besloten"].aantal == 2
    # 1 granted (partly) per 1,000 of 1,100 = 0.909 -> 0.9.
    assert rij(f["arrangementen_toegekend"]) == (1, Decimal("0.9"), 1100)
    assert f["tlv_ontvangen"].aantal == 4  # t1, t2, t3 and the open request
    # t1 (sbo) and t2 (so, cat 2): 2 per 1,000 of 1,100 = 1.818 -> 1.8.
    assert rij(f["tlv_toegekend"]) == (2, Decimal("1.8"), 1100)
    assert rij(f["tlv_sbo"]) == (1, Decimal("0.9"), 1100)
    assert rij(f["tlv_so"]) == (1, Decimal("0.9"), 1100)
    assert rij(f["tlv_vso"]) == (0, Decimal("0.0"), 1100)
    assert [f[f"tlv_categorie_{c}"].aantal for c in (1, 2, 3)] == [0, 1, 0]
    # Running on 31-7-2026: sbo t1 (1 of 1,100 = 0.09 % -> 0.1), so t2 and t4 (0.18 -> 0.2).
    assert rij(f["deelname_sbo"]) == (1, Decimal("0.1"), 1100)
    assert rij(f["deelname_so"]) == (2, Decimal("0.2"), 1100)
    # A PO SWV has no vso participation row (issue #7 review: no "vso 0,0 %").
    assert "deelname_vso" not in f
    # The national rate: 2025-2026 is not in the setting, so 2024-2025's.
    assert [f[f"deelname_{s}"].landelijk for s in ("sbo", "so")] == [
        Decimal("2.6"),
        Decimal("1.8"),
    ]
    assert f["grens_inkomend"].aantal == 1  # t5: home region B, school in A
    assert f["grens_uitgaand"].aantal == 0
    # Thuiszitters q1 (absoluut, then again langdurig relatief) and q3: 2 children.
    assert rij(f["thuiszitters"]) == (2, Decimal("1.8"), 1100)
    # Ended in the period: 2.9, 10.9, 13.0 weeks; inclusive quartiles 6.9, 10.9, 11.95.
    assert rij(f["thuiszitters_duur_q1"]) == (3, Decimal("6.9"), None)
    assert rij(f["thuiszitters_duur_mediaan"]) == (3, Decimal("10.9"), None)
    assert rij(f["thuiszitters_duur_q3"]) == (3, Decimal("12.0"), None)
    # Zorgplicht: 3 decided (the withdrawal does not count), 1 late: 33.3 %.
    assert f["zorgplicht_besloten"].aantal == 3
    assert rij(f["zorgplicht_overschreden"]) == (1, Decimal("33.3"), 3)
    # Handling time (weeks): t1 1.0/2.0/3.0, t2 2.0/3.3/5.3, t3 2.0/5.0/7.0.
    assert rij(f["behandelduur_tot_compleet_gemiddelde"]) == (3, Decimal("1.7"), None)
    assert rij(f["behandelduur_tot_compleet_mediaan"]) == (3, Decimal("2.0"), None)
    assert f["behandelduur_compleet_tot_besluit_mediaan"].waarde == Decimal("3.3")
    assert rij(f["behandelduur_totaal_gemiddelde"]) == (3, Decimal("5.1"), None)
    assert rij(f["behandelduur_totaal_mediaan"]) == (3, Decimal("5.3"), None)
    # Waiting lists: v3's latest count 7; v4's areas 3 + 4; mean wait (10 + 6) / 2.
    assert [f[f"wachtlijst_{s}"].aantal for s in ("sbo", "so", "vso")] == [7, 7, 0]
    assert rij(f["wachtlijst_wachttijd"]) == (2, Decimal("8.0"), None)
    assert f["veilig_thuis"].aantal == 2
    assert f["veilig_thuis_geschil"].aantal == 1
    assert all(not k.onderdrukt for k in f.values())


def test_vorig_jaar_en_verandering(data):
    f = figuren(dashboard(data))
    # Pupils on 31-7-2025: 300 + 600 + 120 = 1,020; change 80 / 1,020 = 7.84 % -> 7.8.
    assert (f["leerlingen"].vorig_jaar_aantal, f["leerlingen"].verandering) == (
        1020,
        Decimal("7.8"),
    )
    # TLVs: t4 only: 1 per 1,000 of 1,020 = 0.98 -> 1.0; change (1.8 - 1.0) / 1.0 = 80 %.
    k = f["tlv_toegekend"]
    assert (k.vorig_jaar_aantal, k.vorig_jaar_waarde, k.verandering) == (
        1,
        Decimal("1.0"),
        Decimal("80.0"),
    )
    # Thuiszitters: q3 (langdurig from 29-6-2025): 1.0 per 1,000; change 80 %.
    k = f["thuiszitters"]
    assert (k.vorig_jaar_aantal, k.vorig_jaar_waarde, k.verandering) == (
        1,
        Decimal("1.0"),
        Decimal("80.0"),
    )
    # OPPs: p2 (ended 30-6-2025) and p3: 2 of 1,020 = 0.2 %, no change.
    assert (f["opp"].vorig_jaar_aantal, f["opp"].verandering) == (2, Decimal("0.0"))
    # A change from nothing has no percentage.
    assert f["arrangementen_besloten"].vorig_jaar_aantal == 0
    assert f["arrangementen_besloten"].verandering is None
    # Received: 4 now, 1 a year before: +300 %.
    assert f["tlv_ontvangen"].verandering == Decimal("300.0")


def test_filter_bestuur(data):
    f = figuren(dashboard(data, afbakening=Afbakening(bestuur_id=data.bestuur_x.pk)))
    # Board X: v1 (400) and v3 (100).
    assert f["leerlingen"].aantal == 500
    assert f["tlv_toegekend"].aantal == 1  # t1 from v1; t2 came from v2
    assert f["tlv_ontvangen"].aantal == 3  # t1, t3, the open request
    assert f["opp"].aantal == 2  # p1 (v1), p3 (v3)
    # q3 at v3 (langdurig from 29-6-2025, ended 15-8-2025); q1's cases: no school, v2.
    assert f["thuiszitters"].aantal == 1
    assert f["zorgplicht_besloten"].aantal == 2  # v1's two decisions
    assert f["veilig_thuis"].aantal == 1
    assert [f[f"wachtlijst_{s}"].aantal for s in ("sbo", "so")] == [7, 0]


def test_filter_soort(data):
    f = figuren(dashboard(data, afbakening=Afbakening(soort="sbo")))
    assert f["leerlingen"].aantal == 100
    assert f["tlv_toegekend"].aantal == 0
    f = figuren(dashboard(data, afbakening=Afbakening(soort="vo")))
    assert f["leerlingen"].aantal == 0
    assert f["tlv_toegekend"].aantal == 0
    assert f["tlv_toegekend"].waarde is None  # no pupils: no rate


def test_andere_swv_lekt_niet(data):
    f = figuren(dashboard(data, swv=data.b))
    assert f["leerlingen"].aantal == 500
    assert f["tlv_toegekend"].aantal == 2  # t5 (grensverkeer) and t6
    assert f["grens_uitgaand"].aantal == 1
    assert f["grens_inkomend"].aantal == 0
    assert f["opp"].aantal == 1
    assert f["thuiszitters"].aantal == 1  # relatief since 1-9-2025: langdurig from 29-9
    assert f["arrangementen_toegekend"].aantal == 1
    assert f["zorgplicht_besloten"].aantal == 1
    assert f["veilig_thuis"].aantal == 1
    assert f["wachtlijst_sbo"].aantal == 0


def test_reeksen_per_schooljaar(data):
    d = dashboard(data, van=D(2024, 8, 1))
    reeksen = {r.code: r for r in d.reeksen}
    # 2024-2025: t4 of 1,020 pupils = 1.0; 2025-2026: 2 of 1,100 = 1.8.
    assert reeksen["tlv_toegekend"].punten == [
        ("2024-2025", Decimal("1.0")),
        ("2025-2026", Decimal("1.8")),
    ]
    assert reeksen["deelname_so"].landelijk == [
        ("2024-2025", Decimal("1.8")),
        ("2025-2026", Decimal("1.8")),
    ]
    assert reeksen["tlv_toegekend"].landelijk is None


def test_landelijke_deelname_opzoeken():
    tabel = {"2022-2023": {"sbo": 2.5}, "2024-2025": {"sbo": 2.6}}
    passend = {"MONITOR_LANDELIJKE_DEELNAME": tabel, "KLEINE_CEL_GRENS": 10}
    with override_settings(PASSEND=passend):
        assert landelijke_deelname(D(2025, 3, 1)) == {"sbo": Decimal("2.6")}
        assert landelijke_deelname(D(2024, 3, 1)) == {"sbo": Decimal("2.5")}
        assert landelijke_deelname(D(2022, 3, 1)) == {}


def test_periode_hoogstens_vijf_jaar():
    controleer_periode(D(2021, 8, 1), D(2026, 7, 31))
    with pytest.raises(ValueError, match="5 jaar"):
        controleer_periode(D(2021, 8, 1), D(2026, 8, 1))
    with pytest.raises(ValueError):
        controleer_periode(D(2026, 8, 1), D(2026, 7, 31))
    assert [j for j, _, _ in schooljaren(D(2021, 8, 1), D(2026, 7, 31))] == [
        "2021-2022",
        "2022-2023",
        "2023-2024",
        "2024-2025",
        "2025-2026",
    ]


def test_periode_te_lang_geweigerd(data):
    with pytest.raises(ValueError):
        dashboard(data, van=D(2020, 1, 1))


def test_gelijk_aan_de_rapportages(data):
    """The monitor counts as the apps' own report pages do."""
    f = figuren(dashboard(data))
    tlv = tlv_cijfers(samenwerkingsverband=data.a, van=VAN, tot=TOT)
    assert f["tlv_ontvangen"].aantal == tlv["aantal_ontvangen"]
    assert f["tlv_toegekend"].aantal == tlv["aantal_toegekend"]
    per_soort = {r["soort"]: r["aantal"] for r in tlv["per_soort"]}
    assert [f[f"tlv_{s}"].aantal for s in ("sbo", "so", "vso")] == [
        per_soort["sbo"],
        per_soort["so"],
        per_soort["vso"],
    ]
    assert [f[f"tlv_categorie_{c}"].aantal for c in (1, 2, 3)] == [
        r["aantal"] for r in tlv["per_categorie"]
    ]
    assert f["grens_inkomend"].aantal == tlv["grensverkeer"]["inkomend"]
    assert f["grens_uitgaand"].aantal == tlv["grensverkeer"]["uitgaand"]
    duur = tlv["behandelduur"]["totaal"]
    assert f["behandelduur_totaal_mediaan"].waarde == Decimal(str(duur["mediaan"]))
    assert f["behandelduur_totaal_gemiddelde"].waarde == Decimal(str(duur["gemiddelde"]))

    verzuim = verzuim_cijfers(
        gebied=Gebied(label="A", samenwerkingsverband=data.a), van=VAN, tot=TOT, peildatum=TOT
    )
    assert f["thuiszitters"].aantal == verzuim["thuiszitters"]["totaal"]
    assert f["thuiszitters_duur_mediaan"].aantal == verzuim["duur"]["aantal"]
    assert float(f["thuiszitters_duur_mediaan"].waarde) == pytest.approx(
        verzuim["duur"]["kwartielen"].mediaan, abs=0.05
    )

    arr = arrangementen_cijfers(samenwerkingsverband=data.a, van=VAN, tot=TOT)
    assert f["arrangementen_ontvangen"].aantal == arr["ontvangen"]
    assert f["arrangementen_besloten"].aantal == sum(arr["per_besluit"].values())
    assert (
        f["arrangementen_toegekend"].aantal
        == arr["per_besluit"]["toegekend"] + arr["per_besluit"]["deels"]
    )


def test_landelijk_totaal_en_rijen(data):
    landelijk = kpi_landelijk(
        actor=actor(Rolsoort.INSPECTEUR), van=VAN, tot=TOT, afbakening=Afbakening(), route="t"
    )
    codes = [c for c, _, _ in landelijk.kolommen]
    per_swv = {
        r.samenwerkingsverband.code: dict(zip(codes, r.kengetallen, strict=True))
        for r in landelijk.rijen
    }
    # 1,100 and 500 pupils: shown; small counts hidden (always suppressed).
    assert per_swv[data.a.code]["leerlingen"].aantal == 1100
    assert per_swv[data.a.code]["tlv_toegekend"].aantal is None
    assert per_swv[data.a.code]["tlv_toegekend"].onderdrukt
    totaal = dict(zip(codes, landelijk.totaal, strict=True))
    assert totaal["leerlingen"].aantal == 1600
    # 4 granted in all (t1, t2, t5, t6): under 10, hidden.
    assert totaal["tlv_toegekend"].aantal is None
