"""``manage.py dekkend_netwerk`` on small CSV files: the JSON written, the options, and bad
input (a Dutch error per row and column, nothing written)."""

import dataclasses
import io
import json
import math

import pytest
from django.core.management import CommandError, call_command

AARDSTRAAL_M = 6_371_008.8


def noord(meter: float) -> str:
    return f"{52.0 + math.degrees(meter / AARDSTRAAL_M):.9f}"


LEERLINGEN = "\n".join(
    [
        "id;lat;lon;sector;niveau;gebied;regio",
        "L1;52.0;5.0;po;extra;leergedrag;Noord",
        "L2;52.0;5.0;po;extra;leergedrag;Noord",
        "L3;52.0;5.0;po;sbo;leergedrag;Noord",
        f"L4;{noord(-3000)};5.0;po;so;medisch;Zuid",
    ]
)
LOCATIES = "\n".join(
    [
        "id;naam;lat;lon;soort;capaciteit_extra_leergedrag;capaciteit_sbo_leergedrag",
        f"BAO;De Linde;{noord(2000)};5.0;bao;1;",
        f"SBO;De Wilg;{noord(4000)};5.0;sbo;;5",
    ]
)


@pytest.fixture
def bestanden(tmp_path):
    leerlingen = tmp_path / "leerlingen.csv"
    locaties = tmp_path / "locaties.csv"
    leerlingen.write_text(LEERLINGEN + "\n", encoding="utf-8")
    locaties.write_text(LOCATIES + "\n", encoding="utf-8")
    return leerlingen, locaties, tmp_path / "uit.json"


def draai(bestanden, *opties):
    leerlingen, locaties, uit = bestanden
    call_command(
        "dekkend_netwerk",
        "--leerlingen",
        str(leerlingen),
        "--locaties",
        str(locaties),
        "--uit",
        str(uit),
        *opties,
    )
    return json.loads(uit.read_text(encoding="utf-8"))


def test_schrijft_toewijzingen_en_samenvatting(bestanden, settings):
    settings.PASSEND = {
        **settings.PASSEND,
        "DEKKEND_NETWERK_STRAF_SPECIAAL_KM": 10,
        "DEKKEND_NETWERK_MAX_AFSTAND_KM": {
            "po": {"extra": 5, "sbo": 15, "so": 30},
            "vo": {"extra": 15, "pro": 20, "vso": 30},
        },
    }
    uitkomst = draai(bestanden)
    assert uitkomst["toewijzingen"] == [
        {
            "leerling": "L1",
            "locatie": "BAO",
            "niveau": "extra",
            "gebied": "leergedrag",
            "afstand_km": 2.0,
        },
        {
            "leerling": "L2",
            "locatie": "SBO",
            "niveau": "sbo",
            "gebied": "leergedrag",
            "afstand_km": 4.0,
        },
        {
            "leerling": "L3",
            "locatie": "SBO",
            "niveau": "sbo",
            "gebied": "leergedrag",
            "afstand_km": 4.0,
        },
    ]
    assert uitkomst["niet_geplaatst"] == ["L4"]
    samenvatting = uitkomst["samenvatting"]
    assert samenvatting["doelwaarde_m"] == 2000 + 2 * (4000 + 10_000)
    assert samenvatting["aantal_geplaatst"] == 3
    assert samenvatting["bewezen_optimaal"] is True
    assert samenvatting["niet_geplaatst"] == [
        {"regio": "Zuid", "gebied": "medisch", "niveau": "so", "aantal": 1}
    ]
    assert samenvatting["afstanden_km"] == {"gemiddeld": 3.33, "p90": 4.0, "max": 4.0}
    assert uitkomst["instellingen"]["straf_speciaal_km"] == 10
    assert uitkomst["instellingen"]["max_afstand_km"]["po:sbo"] == 15


def test_opties_voor_afstand_en_straf(bestanden):
    uitkomst = draai(
        bestanden, "--max-afstand", "po:sbo=3.5", "--straf-speciaal", "0", "--geen-toewijzingen"
    )
    assert "toewijzingen" not in uitkomst
    # The sbo is 4 km away: beyond 3.5 km, so only the regular place is used.
    assert uitkomst["niet_geplaatst"] == ["L2", "L3", "L4"]
    assert uitkomst["samenvatting"]["doelwaarde_m"] == 2000
    assert uitkomst["instellingen"]["max_afstand_km"]["po:sbo"] == 3.5


@pytest.mark.parametrize(
    ("optie", "melding"),
    [
        (["--max-afstand", "po:pro=10"], "onbekende sector:niveau 'po:pro'"),
        (["--max-afstand", "po:sbo=ver"], "'ver' is geen getal"),
        (["--straf-speciaal", "-1"], "mag niet negatief zijn"),
        (["--straf-speciaal", "nan"], "geef een eindig getal"),
        (["--straf-speciaal", "inf"], "geef een eindig getal"),
        (["--straf-speciaal", "1001"], "niet groter zijn dan 1000 km"),
        (["--max-afstand", "po:sbo=inf"], "geef een eindig getal"),
        (["--max-afstand", "po:sbo=nan"], "geef een eindig getal"),
        (["--max-afstand", "po:sbo=-1"], "mag niet negatief zijn"),
        (["--max-afstand", "po:sbo=1e9"], "niet groter zijn dan 1000 km"),
    ],
)
def test_foute_opties(bestanden, optie, melding):
    with pytest.raises(CommandError, match=melding):
        draai(bestanden, *optie)
    assert not bestanden[2].exists()


def test_foute_invoer_schrijft_niets(bestanden):
    leerlingen, _locaties, uit = bestanden
    leerlingen.write_text(
        "id,lat,lon,sector,niveau,gebied\nL1,52.0,5.0,po,vso,x\nL2,52.0,,po,extra,x\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as fout:
        draai(bestanden)
    tekst = str(fout.value)
    assert "Leerlingenbestand, regel 2, kolom 'niveau'" in tekst
    assert "Leerlingenbestand, regel 3, kolom 'lon': de waarde ontbreekt." in tekst
    assert not uit.exists()


def test_ontbrekend_bestand(bestanden, tmp_path):
    _leerlingen, locaties, uit = bestanden
    with pytest.raises(CommandError, match="kan niet worden gelezen"):
        call_command(
            "dekkend_netwerk",
            "--leerlingen",
            str(tmp_path / "bestaat-niet.csv"),
            "--locaties",
            str(locaties),
            "--uit",
            str(uit),
        )
    assert not uit.exists()


def test_gebiedscodes_met_hoofdletters_passen_en_een_onbekend_gebied_geeft_een_waarschuwing(
    bestanden,
):
    leerlingen, locaties, uit = bestanden
    leerlingen.write_text(
        LEERLINGEN.replace("po;sbo;leergedrag", "po;sbo; LeerGedrag ") + "\n", encoding="utf-8"
    )
    locaties.write_text(
        LOCATIES.replace("capaciteit_sbo_leergedrag", "Capaciteit_SBO_Leergedrag") + "\n",
        encoding="utf-8",
    )
    fouten = io.StringIO()
    call_command(
        "dekkend_netwerk",
        "--leerlingen",
        str(leerlingen),
        "--locaties",
        str(locaties),
        "--uit",
        str(uit),
        stdout=io.StringIO(),
        stderr=fouten,
    )
    uitkomst = json.loads(uit.read_text(encoding="utf-8"))
    l3 = next(t for t in uitkomst["toewijzingen"] if t["leerling"] == "L3")
    assert (l3["locatie"], l3["gebied"]) == ("SBO", "leergedrag")
    # L4's area "medisch" has no column in the locations file: a warning, not silence.
    waarschuwing = fouten.getvalue()
    assert "Let op: het gebied 'medisch' van 1 leerling(en)" in waarschuwing
    assert "leergedrag" not in waarschuwing
    # Figures only: no pupil id in the warning.
    assert "L4" not in waarschuwing


@pytest.mark.parametrize("waarde", ["²", "٣", "1.5", "-2"])
def test_een_capaciteit_die_geen_heel_getal_is_geeft_een_melding(bestanden, waarde):
    _leerlingen, locaties, uit = bestanden
    locaties.write_text(LOCATIES.replace(";bao;1;", f";bao;{waarde};") + "\n", encoding="utf-8")
    with pytest.raises(CommandError) as fout:
        draai(bestanden)
    assert (
        f"Locatiebestand, regel 2, kolom 'capaciteit_extra_leergedrag': '{waarde}' is geen heel "
        "getal van 0 of meer."
    ) in str(fout.value)
    assert not uit.exists()


def test_een_niet_bewezen_optimale_uitkomst_schrijft_niets(bestanden, monkeypatch):
    from passend.monitor.management.commands import dekkend_netwerk
    from passend.monitor.netwerk.oplosser import oplossen

    def niet_bewezen(*args, **kwargs):
        return dataclasses.replace(oplossen(*args, **kwargs), bewezen_optimaal=False)

    monkeypatch.setattr(dekkend_netwerk, "oplossen", niet_bewezen)
    with pytest.raises(CommandError, match="niet bewijzen dat de plaatsing de beste is"):
        draai(bestanden)
    assert not bestanden[2].exists()
