"""The synthetic national instance: the locations of ../shared/data, the derived SWV regions,
and a deterministic, sane population (checked on one province)."""

from collections import Counter

import pytest

from passend.monitor.netwerk import nationaal
from passend.monitor.netwerk.model import SECTOREN_VAN_SOORT, TOEGESTANE_NIVEAUS

# The data file is part of the machine (../shared/data); without it these tests fail, not skip.


@pytest.fixture(scope="module")
def scholen():
    return nationaal.scholen_laden()


@pytest.fixture(scope="module")
def regios(scholen):
    return nationaal.swv_regios(scholen)


def test_scholen_laden(scholen):
    assert len(scholen) == 8717
    assert Counter(s["soort"] for s in scholen) == {
        "bao": 6182,
        "vo": 1491,
        "so_vso": 432,
        "sbo": 268,
        "pro": 149,
        "so": 111,
        "vso": 84,
    }
    assert sum(s["leerlingen"] or 0 for s in scholen) == 2_415_919
    eerste = scholen[0]
    assert set(eerste) == {
        "vestigingscode",
        "naam",
        "soort",
        "lat",
        "lon",
        "leerlingen",
        "gemeente",
        "provincie",
    }
    assert all(50.7 < s["lat"] < 53.6 and 3.3 < s["lon"] < 7.3 for s in scholen)


def test_swv_regios_76_plus_76_en_deterministisch(scholen, regios):
    po = Counter(r["po"] for r in regios.values() if "po" in r)
    vo = Counter(r["vo"] for r in regios.values() if "vo" in r)
    assert sorted(po) == [f"PO-{n:02d}" for n in range(1, 77)]
    assert sorted(vo) == [f"VO-{n:02d}" for n in range(1, 77)]
    assert min(po.values()) >= 5 and min(vo.values()) >= 3
    for school in scholen:
        verwacht = set(SECTOREN_VAN_SOORT[school["soort"]])
        assert set(regios[school["vestigingscode"]]) == verwacht
    assert nationaal.swv_regios(scholen) == regios

    # Numbered from north to south: PO-01 lies north of PO-76.
    def breedte(regio):
        punten = [s["lat"] for s in scholen if regios[s["vestigingscode"]].get("po") == regio]
        return sum(punten) / len(punten)

    assert breedte("PO-01") > breedte("PO-76")


def test_bevolking_van_een_provincie_is_deterministisch_en_zinnig(scholen, regios):
    utrecht = [s for s in scholen if s["provincie"] == "Utrecht"]
    vraag, locaties = nationaal.bevolking(utrecht, regios)
    nog_eens = nationaal.bevolking(utrecht, regios)
    assert (vraag, locaties) == nog_eens
    assert nationaal.bevolking(utrecht, regios, zaad=8)[0] != vraag

    leerlingen = sum(s["leerlingen"] or 0 for s in utrecht)
    met_behoefte = sum(v.aantal for v in vraag)
    assert 0.13 * leerlingen < met_behoefte < 0.17 * leerlingen
    assert len({v.id for v in vraag}) == len(vraag)
    assert len({loc.id for loc in locaties}) == len(locaties) == len(utrecht)
    assert all((v.sector, v.niveau) in TOEGESTANE_NIVEAUS for v in vraag)
    assert {v.gebied for v in vraag} == set(nationaal.GEBIED_AANDEEL)
    assert all(v.regio.startswith(v.sector.upper() + "-") for v in vraag)
    # Identical homes with the same need aggregate.
    assert len(vraag) < met_behoefte
    # Homes near the province (within ~0.6°).
    assert all(51.5 < v.breedtegraad < 52.9 and 4.4 < v.lengtegraad < 6.0 for v in vraag)
    # Places: a shortage overall, every cell positive and of a niveau the location offers.
    plaatsen = sum(sum(loc.capaciteit.values()) for loc in locaties)
    assert 0.85 * met_behoefte < plaatsen < met_behoefte
    for loc in locaties:
        for (niveau, gebied), aantal in loc.capaciteit.items():
            assert aantal > 0
            assert gebied in nationaal.GEBIED_AANDEEL
            assert niveau in nationaal.NIVEAUS_VAN_LOCATIE[loc.soort]


def test_regio_instantie(scholen, regios):
    utrecht = [s for s in scholen if s["provincie"] == "Utrecht"]
    vraag, locaties = nationaal.bevolking(utrecht, regios)
    regio = Counter(v.regio for v in vraag).most_common(1)[0][0]
    r_vraag, r_locaties = nationaal.regio_instantie(vraag, locaties, regios, regio)
    assert r_vraag and r_locaties
    assert all(v.regio == regio for v in r_vraag)
    sector = regio[:2].lower()
    assert all(sector in SECTOREN_VAN_SOORT[loc.soort] for loc in r_locaties)
