"""The min-cost-flow optimum equals the optimum of the independent LP formulation (HiGHS)
on random regional instances, and the LP's arcs follow the same rules."""

import random

import pytest

from passend.monitor.netwerk.lp_controle import haversine_m, lp_bogen, lp_doelwaarde
from passend.monitor.netwerk.model import TOEGESTANE_NIVEAUS, Instellingen, Locatie, Vraaggroep
from passend.monitor.netwerk.oplosser import oplossen

INSTELLINGEN = Instellingen(
    max_afstand_km={
        ("po", "extra"): 5,
        ("po", "sbo"): 15,
        ("po", "so"): 30,
        ("vo", "extra"): 15,
        ("vo", "pro"): 20,
        ("vo", "vso"): 30,
    },
    straf_speciaal_km=10,
)
GEBIEDEN = ("lezen-spellen-dyslexie", "leergedrag", "medisch")
NIVEAUS_VAN_SOORT = {
    "bao": ("extra",),
    "sbo": ("sbo",),
    "so": ("so",),
    "so_vso": ("so", "vso"),
    "vso": ("vso",),
    "vo": ("extra",),
    "pro": ("pro",),
}


def regio(
    zaad: int, groepen: int = 300, scholen: int = 60
) -> tuple[list[Vraaggroep], list[Locatie]]:
    """A region of about 40 × 30 km with a shortage of places in some areas."""
    kans = random.Random(zaad)
    behoeften = list(TOEGESTANE_NIVEAUS)
    vraag = []
    for i in range(groepen):
        sector, niveau = kans.choice(behoeften)
        vraag.append(
            Vraaggroep(
                f"v{i}",
                51.8 + kans.uniform(0, 0.27),
                4.9 + kans.uniform(0, 0.58),
                sector,
                niveau,
                kans.choice([*GEBIEDEN, ""]),
                kans.randint(1, 4),
                kans.choice(["A", "B"]),
            )
        )
    locaties = []
    for j in range(scholen):
        soort = kans.choice(list(NIVEAUS_VAN_SOORT))
        capaciteit = {
            (niveau, gebied): kans.randint(0, 8)
            for niveau in NIVEAUS_VAN_SOORT[soort]
            for gebied in kans.sample(GEBIEDEN, 2)
        }
        locaties.append(
            Locatie(
                f"l{j}",
                51.8 + kans.uniform(0, 0.27),
                4.9 + kans.uniform(0, 0.58),
                soort,
                capaciteit,
            )
        )
    return vraag, locaties


@pytest.mark.parametrize("zaad", range(8))
def test_min_cost_flow_en_lp_hebben_dezelfde_doelwaarde(zaad):
    vraag, locaties = regio(zaad)
    uitkomst = oplossen(vraag, locaties, INSTELLINGEN)
    assert uitkomst.bewezen_optimaal
    assert 0 < uitkomst.aantal_geplaatst < uitkomst.aantal_vraag  # some needs do not fit
    assert lp_doelwaarde(vraag, locaties, INSTELLINGEN) == (
        uitkomst.aantal_geplaatst,
        uitkomst.doelwaarde_m,
    )


def test_beide_bouwen_dezelfde_bogen():
    vraag, locaties = regio(11)
    uitkomst = oplossen(vraag, locaties, INSTELLINGEN)
    boog_i, _boog_c, _kosten, _cap = lp_bogen(vraag, locaties, INSTELLINGEN)
    assert len(boog_i) == uitkomst.aantal_bogen


def test_een_kleinere_straf_verandert_beide_gelijk():
    vraag, locaties = regio(5)
    goedkoop = Instellingen(INSTELLINGEN.max_afstand_km, straf_speciaal_km=2.5)
    uitkomst = oplossen(vraag, locaties, goedkoop)
    assert lp_doelwaarde(vraag, locaties, goedkoop) == (
        uitkomst.aantal_geplaatst,
        uitkomst.doelwaarde_m,
    )
    assert uitkomst.doelwaarde_m < oplossen(vraag, locaties, INSTELLINGEN).doelwaarde_m


def test_haversine_in_hele_meters():
    # One degree of latitude on a sphere of radius 6,371,008.8 m.
    assert haversine_m(52.0, 5.0, 53.0, 5.0) == 111_195
    assert haversine_m(52.0, 5.0, 52.0, 5.0) == 0


def test_lege_invoer():
    assert lp_doelwaarde([], [], INSTELLINGEN) == (0, 0)
