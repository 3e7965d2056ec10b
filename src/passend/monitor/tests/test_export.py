"""Downloads of the figures: CSV (BOM, ';', formula guard) and XLSX (numbers as numbers)."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from passend.accounts.rules import Rolsoort
from passend.monitor.export import csv_inhoud, xlsx_inhoud
from passend.monitor.rules import Afbakening
from passend.monitor.selectors.kpi import (
    dashboard_tabel,
    kpi_dashboard,
    kpi_landelijk,
    landelijk_tabel,
)
from passend.monitor.tests.kpi_data import TOT, VAN, actor, bouw

KOP = ["kengetal", "aantal", "waarde"]
RIJEN = [["=SOM(A1)", 12, Decimal("3.5")], ["+31 6", None, "-gevaarlijk"], ["@x", 0, 1.25]]


def test_csv():
    inhoud = csv_inhoud(KOP, RIJEN)
    assert inhoud.startswith("\ufeff".encode())
    regels = inhoud.decode("utf-8-sig").split("\r\n")
    assert regels[0] == "kengetal;aantal;waarde"
    assert regels[1] == "'=SOM(A1);12;3,5"
    assert regels[2] == "'+31 6;;'-gevaarlijk"
    assert regels[3] == "'@x;0;1,25"


def test_xlsx():
    blad = load_workbook(io.BytesIO(xlsx_inhoud(KOP, RIJEN, titel="Kengetallen PO1001"))).active
    assert blad.title == "Kengetallen PO1001"
    assert [c.value for c in blad[1]] == KOP
    assert blad["A2"].value == "'=SOM(A1)" and blad["A2"].data_type == "s"
    assert blad["B2"].value == 12 and blad["B2"].data_type == "n"
    assert blad["C2"].value == 3.5
    assert blad["C3"].value == "'-gevaarlijk"
    assert blad["B3"].value in (None, "")
    assert blad["C4"].value == 1.25


@pytest.mark.django_db
def test_tabel_met_onderdrukte_cellen():
    data = bouw()
    d = kpi_dashboard(
        actor=actor(Rolsoort.TOEZICHTHOUDER, data.a),
        samenwerkingsverband=data.a,
        van=VAN,
        tot=TOT,
        afbakening=Afbakening(),
        route="t",
    )
    kop, rijen = dashboard_tabel(d)
    assert kop[:5] == ["groep", "kengetal", "aantal", "waarde", "eenheid"]
    per_label = {r[1]: r for r in rijen}
    tlv = per_label["TLV's afgegeven"]
    # 2 granted: hidden as "<10", never the number; the rate too.
    assert tlv[2:4] == ["<10", "<10"]
    assert 2 not in tlv[2:4]
    assert per_label["Leerlingen (DUO-telling)"][2] == 1100
    blad = load_workbook(io.BytesIO(xlsx_inhoud(kop, rijen, titel="A"))).active
    waarden = [[c.value for c in r] for r in blad.iter_rows(min_row=2)]
    assert waarden[[w[1] for w in waarden].index("TLV's afgegeven")][:4] == [
        "Toelaatbaarheidsverklaringen (TLV's)",
        "TLV's afgegeven",
        "<10",
        "<10",
    ]
    landelijk = kpi_landelijk(
        actor=actor(Rolsoort.INSPECTEUR), van=VAN, tot=TOT, afbakening=Afbakening(), route="t"
    )
    kop, rijen = landelijk_tabel(landelijk)
    assert kop[:2] == ["samenwerkingsverband", "naam"]
    assert rijen[-1][0] == "totaal"
    assert b"<10" in csv_inhoud(kop, rijen)
