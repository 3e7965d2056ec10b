"""The placement optimiser on small instances whose optimum is known by hand (ADR 0010).

Points lie on the meridian of 5° E: a school ``k`` metres north of a home is exactly ``k``
metres away (great circle, whole metres)."""

import math
import random

import pytest

from passend.monitor.netwerk import oplosser
from passend.monitor.netwerk.model import Instellingen, Locatie, Vraaggroep
from passend.monitor.netwerk.oplosser import oplossen
from passend.monitor.netwerk.samenvatting import samenvatten

BREEDTE = 52.0
LENGTE = 5.0


def noord(meter: float) -> float:
    return BREEDTE + math.degrees(meter / oplosser.AARDSTRAAL_M)


def instellingen(straf_km: float = 10, **km: float) -> Instellingen:
    afstanden = {
        ("po", "extra"): 10,
        ("po", "sbo"): 15,
        ("po", "so"): 30,
        ("vo", "extra"): 15,
        ("vo", "pro"): 20,
        ("vo", "vso"): 30,
    }
    for sleutel, waarde in km.items():
        sector, niveau = sleutel.split("_")
        afstanden[(sector, niveau)] = waarde
    return Instellingen(max_afstand_km=afstanden, straf_speciaal_km=straf_km)


def leerling(
    id_: str,
    niveau: str = "extra",
    gebied: str = "lezen",
    *,
    aantal: int = 1,
    meter: float = 0,
    sector: str = "po",
    regio: str = "R1",
) -> Vraaggroep:
    return Vraaggroep(id_, noord(meter), LENGTE, sector, niveau, gebied, aantal, regio)


def school(id_: str, meter: float, soort: str = "bao", **plaatsen: int) -> Locatie:
    capaciteit = {}
    for sleutel, aantal in plaatsen.items():
        niveau, gebied = sleutel.split("__")
        capaciteit[(niveau, gebied.replace("_", "-"))] = aantal
    return Locatie(id_, noord(meter), LENGTE, soort, capaciteit, naam=id_, regio="R1")


def plaatsen(uitkomst) -> dict[tuple[str, str], int]:
    return {(t.vraaggroep_id, t.locatie_id): t.aantal for t in uitkomst.toewijzingen}


def test_de_dichtste_school_wint():
    uitkomst = oplossen(
        [leerling("a")],
        [school("ver", 3000, extra__lezen=1), school("dichtbij", 2000, extra__lezen=1)],
        instellingen(),
    )
    assert plaatsen(uitkomst) == {("a", "dichtbij"): 1}
    assert uitkomst.doelwaarde_m == 2000
    assert uitkomst.bewezen_optimaal
    assert uitkomst.niet_geplaatst == {}


def test_capaciteit_dwingt_de_op_een_na_dichtste_school_af():
    uitkomst = oplossen(
        [leerling("a", aantal=2)],
        [school("ver", 3000, extra__lezen=5), school("dichtbij", 2000, extra__lezen=1)],
        instellingen(),
    )
    assert plaatsen(uitkomst) == {("a", "dichtbij"): 1, ("a", "ver"): 1}
    assert uitkomst.doelwaarde_m == 5000


def test_de_strafafstand_laat_de_reguliere_school_op_8_km_winnen_van_sbo_op_2_km():
    vraag = [leerling("a")]
    locaties = [school("bao", 8000, extra__lezen=1), school("sbo", 2000, "sbo", sbo__lezen=1)]
    uitkomst = oplossen(vraag, locaties, instellingen(straf_km=10))
    assert plaatsen(uitkomst) == {("a", "bao"): 1}
    assert uitkomst.doelwaarde_m == 8000
    # With a smaller penalty the sbo is cheaper: 2 km + 5 km < 8 km.
    uitkomst = oplossen(vraag, locaties, instellingen(straf_km=5))
    assert plaatsen(uitkomst) == {("a", "sbo"): 1}
    assert uitkomst.doelwaarde_m == 7000


def test_extra_gaat_naar_sbo_als_er_geen_reguliere_plaats_is():
    uitkomst = oplossen(
        [leerling("a")],
        [school("bao", 1000, extra__lezen=0), school("sbo", 2000, "sbo", sbo__lezen=1)],
        instellingen(straf_km=10),
    )
    assert plaatsen(uitkomst) == {("a", "sbo"): 1}
    assert uitkomst.doelwaarde_m == 12000
    samenvatting = samenvatten(uitkomst, [leerling("a")], [])
    assert samenvatting["speciaal_geplaatst"] == 1
    assert samenvatting["regulier_geplaatst"] == 0


def test_sbo_leerling_mag_niet_naar_een_reguliere_plaats():
    uitkomst = oplossen(
        [leerling("a", "sbo")], [school("bao", 1000, extra__lezen=3)], instellingen()
    )
    assert uitkomst.toewijzingen == []
    assert uitkomst.niet_geplaatst == {"a": 1}


def test_eerst_zoveel_mogelijk_plaatsen_dan_de_laagste_kosten():
    # a reaches X (1 km) and Y (4 km); b reaches only X (the extra maximum is 5 km). The
    # cheapest choice for a alone (X) would leave b without a place.
    vraag = [leerling("a", meter=0), leerling("b", meter=-3500)]
    locaties = [school("X", 1000, extra__lezen=1), school("Y", 4000, extra__lezen=1)]
    uitkomst = oplossen(vraag, locaties, instellingen(po_extra=5))
    assert plaatsen(uitkomst) == {("a", "Y"): 1, ("b", "X"): 1}
    assert uitkomst.aantal_geplaatst == 2
    assert uitkomst.doelwaarde_m == 4000 + 4500


def test_geen_plaats_binnen_bereik_en_alles_vol_is_niet_geplaatst():
    vraag = [
        leerling("ver", "so", "medisch", regio="Noord"),
        leerling("vol", aantal=3, regio="Zuid"),
    ]
    locaties = [
        school("so", 40_000, "so", so__medisch=5),
        school("bao", 1000, extra__lezen=2),
    ]
    uitkomst = oplossen(vraag, locaties, instellingen())
    assert uitkomst.niet_geplaatst == {"ver": 1, "vol": 1}
    assert uitkomst.aantal_vraag == 4
    assert uitkomst.aantal_geplaatst == 2
    samenvatting = samenvatten(uitkomst, vraag, locaties)
    per_gebied = {r["gebied"]: r for r in samenvatting["per_gebied"]}
    assert per_gebied["medisch"]["niet_geplaatst"] == 1
    assert per_gebied["medisch"]["capaciteit"] == 5
    assert per_gebied["medisch"]["gebruikt"] == 0
    assert per_gebied["lezen"] == {
        "gebied": "lezen",
        "vraag": 3,
        "geplaatst": 2,
        "niet_geplaatst": 1,
        "capaciteit": 2,
        "gebruikt": 2,
    }
    per_regio = {r["regio"]: r for r in samenvatting["per_regio"]}
    assert per_regio["Noord"]["niet_geplaatst"] == 1
    assert per_regio["Zuid"] == {"regio": "Zuid", "vraag": 3, "geplaatst": 2, "niet_geplaatst": 1}
    assert samenvatting["niet_geplaatst"] == [
        {"regio": "Noord", "gebied": "medisch", "niveau": "so", "aantal": 1},
        {"regio": "Zuid", "gebied": "lezen", "niveau": "extra", "aantal": 1},
    ]
    assert samenvatting["aantal_niet_geplaatst"] == 2


@pytest.mark.parametrize(("meter", "geplaatst"), [(4999, 1), (5000, 1), (5001, 0)])
def test_grens_van_de_maximale_afstand(meter, geplaatst):
    uitkomst = oplossen(
        [leerling("a")], [school("bao", meter, extra__lezen=1)], instellingen(po_extra=5)
    )
    assert uitkomst.aantal_geplaatst == geplaatst
    assert uitkomst.doelwaarde_m == (meter if geplaatst else 0)


def test_de_maximale_afstand_hangt_af_van_het_niveau_van_de_plaats():
    # extra may go to so up to 30 km, even though the extra maximum is 5 km.
    uitkomst = oplossen(
        [leerling("a")], [school("so", 25_000, "so", so__lezen=1)], instellingen(po_extra=5)
    )
    assert uitkomst.doelwaarde_m == 25_000 + 10_000


def test_gebied_moet_passen_en_elk_gebied_past_overal():
    locaties = [school("bao", 1000, extra__medisch=2)]
    uitkomst = oplossen([leerling("a", gebied="lezen")], locaties, instellingen())
    assert uitkomst.niet_geplaatst == {"a": 1}
    uitkomst = oplossen([leerling("a", gebied="")], locaties, instellingen())
    assert plaatsen(uitkomst) == {("a", "bao"): 1}
    assert uitkomst.toewijzingen[0].gebied == "medisch"


def test_een_po_leerling_komt_nooit_op_een_vo_locatie():
    locaties = [
        school("vo", 500, "vo", extra__lezen=5),
        school("vso", 600, "vso", vso__lezen=5),
        school("pro", 700, "pro", pro__lezen=5),
    ]
    uitkomst = oplossen([leerling("a", "extra")], locaties, instellingen())
    assert uitkomst.toewijzingen == []
    assert uitkomst.niet_geplaatst == {"a": 1}
    # A so_vso location serves both sectors, each with its own niveau.
    locaties = [school("sovso", 800, "so_vso", so__lezen=1, vso__lezen=1)]
    vraag = [leerling("p", "so"), leerling("v", "vso", sector="vo")]
    uitkomst = oplossen(vraag, locaties, instellingen())
    assert {(t.vraaggroep_id, t.niveau) for t in uitkomst.toewijzingen} == {
        ("p", "so"),
        ("v", "vso"),
    }


def test_lege_invoer():
    uitkomst = oplossen([], [], instellingen())
    assert uitkomst.toewijzingen == []
    assert uitkomst.aantal_vraag == 0
    assert uitkomst.doelwaarde_m == 0
    assert uitkomst.bewezen_optimaal
    samenvatting = samenvatten(uitkomst, [], [])
    assert samenvatting["afstanden_km"] == {"gemiddeld": None, "p90": None, "max": None}


def test_voortgang_loopt_op_tot_100():
    meldingen: list[int] = []
    oplossen(
        [leerling("a")],
        [school("bao", 1000, extra__lezen=1)],
        instellingen(),
        lambda procent, _tekst: meldingen.append(procent),
    )
    assert meldingen == sorted(meldingen)
    assert meldingen[-1] == 100


def _willekeurig(zaad: int) -> tuple[list[Vraaggroep], list[Locatie]]:
    kans = random.Random(zaad)
    vraag = [
        Vraaggroep(
            f"v{i}",
            52 + kans.uniform(0, 0.3),
            5 + kans.uniform(0, 0.4),
            "po",
            kans.choice(["extra", "sbo", "so"]),
            kans.choice(["lezen", "gedrag", ""]),
            kans.randint(1, 3),
        )
        for i in range(150)
    ]
    locaties = [
        Locatie(
            f"l{j}",
            52 + kans.uniform(0, 0.3),
            5 + kans.uniform(0, 0.4),
            soort,
            {(niveau, g): kans.randint(0, 6) for g in ("lezen", "gedrag")},
        )
        for j in range(30)
        for soort, niveau in [kans.choice([("bao", "extra"), ("sbo", "sbo"), ("so", "so")])]
    ]
    return vraag, locaties


def test_werkprocessen_geven_dezelfde_uitkomst(monkeypatch):
    vraag, locaties = _willekeurig(3)
    alleen = oplossen(vraag, locaties, instellingen(), processen=1)
    monkeypatch.setattr(oplosser, "GROOT_DEEL_BOGEN", 1)
    samen = oplossen(vraag, locaties, instellingen(), processen=2)
    assert (samen.aantal_geplaatst, samen.doelwaarde_m) == (
        alleen.aantal_geplaatst,
        alleen.doelwaarde_m,
    )
    assert samen.bewezen_optimaal
    assert sum(t.aantal for t in samen.toewijzingen) == samen.aantal_geplaatst
    gebruikt = {(p.locatie_id, p.niveau, p.gebied): p.gebruikt for p in samen.plaatsgebruik}
    assert (
        all(p.gebruikt <= p.capaciteit for p in samen.plaatsgebruik)
        and sum(gebruikt.values()) == samen.aantal_geplaatst
    )


def test_negatief_aantal_wordt_geweigerd():
    with pytest.raises(ValueError, match="negatief"):
        oplossen([leerling("a", aantal=-1)], [school("bao", 1000, extra__lezen=1)], instellingen())
