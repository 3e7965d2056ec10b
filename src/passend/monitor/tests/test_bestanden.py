"""Reading the CSV files of ``manage.py dekkend_netwerk``: both separators, a BOM, clear
Dutch errors per row and column, and aggregating pupils into vraaggroepen and back."""

from pathlib import Path

import pytest

from passend.monitor.netwerk.bestanden import (
    Invoerfout,
    aggregeren,
    gebieden_zonder_plaatsen,
    leerlingen_lezen,
    locaties_lezen,
    per_leerling,
)
from passend.monitor.netwerk.model import Instellingen
from passend.monitor.netwerk.oplosser import oplossen


def schrijf(pad: Path, tekst: str, bom: bool = False) -> Path:
    pad.write_bytes(("\ufeff" if bom else "").encode() + tekst.encode("utf-8"))
    return pad


@pytest.mark.parametrize(("scheiding", "bom"), [(";", False), (",", True)])
def test_leerlingen_lezen(tmp_path, scheiding, bom):
    kop = scheiding.join(["id", "lat", "lon", "sector", "niveau", "gebied", "regio"])
    regels = [
        kop,
        scheiding.join(["L1", "52.1", "5.1", "po", "extra", "leergedrag", "Noord"]),
        scheiding.join(["L2", "52.2", "5.2", "VO", "vso", "", ""]),
    ]
    leerlingen = leerlingen_lezen(schrijf(tmp_path / "l.csv", "\n".join(regels) + "\n", bom))
    assert [(ll.id, ll.sector, ll.niveau, ll.gebied, ll.regio) for ll in leerlingen] == [
        ("L1", "po", "extra", "leergedrag", "Noord"),
        ("L2", "vo", "vso", "", ""),
    ]
    assert leerlingen[0].breedtegraad == 52.1


def test_decimale_komma_met_puntkomma(tmp_path):
    tekst = "id;lat;lon;sector;niveau;gebied\nL1;52,5;5,25;po;so;medisch\n"
    (leerling,) = leerlingen_lezen(schrijf(tmp_path / "l.csv", tekst))
    assert (leerling.breedtegraad, leerling.lengtegraad) == (52.5, 5.25)


def test_fouten_per_regel_en_kolom(tmp_path):
    tekst = (
        "id;lat;lon;sector;niveau;gebied\n"
        "L1;52.1;5.1;po;pro;x\n"
        "L1;noord;5.1;mbo;extra;x\n"
        ";95;5.1;vo;extra;x\n"
    )
    with pytest.raises(Invoerfout) as fout:
        leerlingen_lezen(schrijf(tmp_path / "l.csv", tekst))
    assert fout.value.fouten == [
        "Leerlingenbestand, regel 2, kolom 'niveau': 'pro' past niet bij sector po. Kies extra, sbo, so.",
        "Leerlingenbestand, regel 3, kolom 'id': de id 'L1' komt al eerder voor.",
        "Leerlingenbestand, regel 3, kolom 'lat': 'noord' is geen getal.",
        "Leerlingenbestand, regel 3, kolom 'sector': 'mbo' is onbekend. Kies po of vo.",
        "Leerlingenbestand, regel 4, kolom 'id': de id ontbreekt.",
        "Leerlingenbestand, regel 4, kolom 'lat': 95 ligt niet tussen -90 en 90.",
    ]


def test_ontbrekende_kolom(tmp_path):
    with pytest.raises(Invoerfout) as fout:
        leerlingen_lezen(schrijf(tmp_path / "l.csv", "id;lat;lon;sector;gebied\n"))
    assert fout.value.fouten == [
        "Leerlingenbestand: de kolom 'niveau' ontbreekt in de kopregel (regel 1)."
    ]


def test_geen_utf8(tmp_path):
    pad = tmp_path / "l.csv"
    pad.write_bytes("id;lat;lon;sector;niveau;gebied\nL1;52;5;po;extra;één\n".encode("cp1252"))
    with pytest.raises(Invoerfout, match="geen UTF-8"):
        leerlingen_lezen(pad)


def test_locaties_lezen(tmp_path):
    tekst = (
        "id;naam;lat;lon;soort;capaciteit_sbo_leergedrag;capaciteit_so_medisch\n"
        "S1;De Wilg;52.1;5.1;sbo;12;\n"
        "S2;De Eik;52.2;5.2;so_vso;;4\n"
    )
    s1, s2 = locaties_lezen(schrijf(tmp_path / "s.csv", tekst))
    assert (s1.id, s1.naam, s1.soort, dict(s1.capaciteit)) == (
        "S1",
        "De Wilg",
        "sbo",
        {("sbo", "leergedrag"): 12},
    )
    assert dict(s2.capaciteit) == {("so", "medisch"): 4}


def test_gebiedscodes_worden_zonder_hoofdletters_vergeleken(tmp_path):
    (leerling, ander) = leerlingen_lezen(
        schrijf(
            tmp_path / "l.csv",
            "id;lat;lon;sector;niveau;gebied\nL1;52;5;po;sbo; LeerGedrag \nL2;52;5;po;so;Medisch\n",
        )
    )
    (locatie,) = locaties_lezen(
        schrijf(tmp_path / "s.csv", "id;lat;lon;soort;Capaciteit_SBO_LeerGedrag\nS1;52;5;sbo;3\n")
    )
    assert leerling.gebied == "leergedrag"
    assert dict(locatie.capaciteit) == {("sbo", "leergedrag"): 3}
    assert gebieden_zonder_plaatsen([leerling, ander], [locatie]) == {"medisch": 1}


def test_locaties_fouten(tmp_path):
    tekst = "id;lat;lon;soort;capaciteit_sbo_leergedrag;capaciteit_mbo_x;capaciteit_so\nS1;52;5;hbo;-3;1;1\n"
    with pytest.raises(Invoerfout) as fout:
        locaties_lezen(schrijf(tmp_path / "s.csv", tekst))
    assert fout.value.fouten[0].startswith(
        "Locatiebestand, regel 1, kolom 'capaciteit_mbo_x': verwacht capaciteit_<niveau>_<gebied>"
    )
    assert fout.value.fouten[1].startswith("Locatiebestand, regel 1, kolom 'capaciteit_so'")
    assert fout.value.fouten[2:] == [
        "Locatiebestand, regel 2, kolom 'soort': 'hbo' is onbekend. "
        "Kies bao, sbo, so, so_vso, vso, vo, pro.",
        "Locatiebestand, regel 2, kolom 'capaciteit_sbo_leergedrag': '-3' is geen heel getal "
        "van 0 of meer.",
    ]


def test_samenvoegen_en_terug_per_leerling(tmp_path):
    tekst = (
        "id;lat;lon;sector;niveau;gebied\n"
        "L3;52.0;5.0;po;extra;lezen\n"
        "L1;52.0;5.0;po;extra;lezen\n"
        "L2;52.0;5.0;po;extra;lezen\n"
        "L4;52.0;5.0;po;sbo;lezen\n"
    )
    vraag, leden = aggregeren(leerlingen_lezen(schrijf(tmp_path / "l.csv", tekst)))
    assert [(v.niveau, v.aantal) for v in vraag] == [("extra", 3), ("sbo", 1)]
    assert leden[vraag[0].id] == ["L3", "L1", "L2"]
    locaties = locaties_lezen(
        schrijf(tmp_path / "s.csv", "id;lat;lon;soort;capaciteit_extra_lezen\nB;52.01;5.0;bao;2\n")
    )
    instellingen = Instellingen(
        {("po", "extra"): 5, ("po", "sbo"): 15, ("po", "so"): 30}, straf_speciaal_km=10
    )
    toewijzingen, niet_geplaatst = per_leerling(oplossen(vraag, locaties, instellingen), leden)
    assert [(t["leerling"], t["locatie"]) for t in toewijzingen] == [("L1", "B"), ("L3", "B")]
    assert toewijzingen[0]["afstand_km"] == 1.112
    assert niet_geplaatst == ["L2", "L4"]
