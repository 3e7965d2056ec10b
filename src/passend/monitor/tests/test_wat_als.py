"""What-if changes applied to a supply (pure): every kind, and invalid changes with the
right message naming the change's number."""

import pytest

from passend.monitor.netwerk.model import EXTRA, SBO, SO, VSO, Locatie
from passend.monitor.netwerk.wat_als import OngeldigeWijzigingen, aantal_geopend, toepassen

GEBIEDEN = {"leergedrag": "Leergedrag", "gedrag": "Gedrag"}
BAO = Locatie("11AA00", 52.0, 5.0, "bao", {(EXTRA, "leergedrag"): 4}, naam="Bao", regio="A")
SBO1 = Locatie("22AA00", 52.1, 5.0, "sbo", {(SBO, "leergedrag"): 10}, naam="Sbo")
SOVSO = Locatie("33AA00", 52.2, 5.0, "so_vso", {(SO, "gedrag"): 4}, naam="So/vso")
LOCATIES = [BAO, SBO1, SOVSO]


def _toepassen(*wijzigingen, **kwargs):
    return {
        loc.id: loc for loc in toepassen(LOCATIES, list(wijzigingen), gebieden=GEBIEDEN, **kwargs)
    }


def _fouten(*wijzigingen, **kwargs) -> list[str]:
    with pytest.raises(OngeldigeWijzigingen) as fout:
        toepassen(LOCATIES, list(wijzigingen), gebieden=GEBIEDEN, **kwargs)
    return fout.value.meldingen


def _cel(soort, vestiging="11AA00", niveau=EXTRA, gebied="leergedrag", **extra):
    return {"soort": soort, "vestiging": vestiging, "niveau": niveau, "gebied": gebied, **extra}


def test_zonder_wijzigingen_blijft_alles_gelijk():
    assert toepassen(LOCATIES, [], gebieden=GEBIEDEN) == LOCATIES


def test_capaciteit_wijzigen():
    uit = _toepassen(_cel("capaciteit", capaciteit=9))
    assert uit["11AA00"].capaciteit == {(EXTRA, "leergedrag"): 9}
    assert BAO.capaciteit == {(EXTRA, "leergedrag"): 4}  # the input is not changed
    assert _toepassen(_cel("capaciteit", capaciteit=0))["11AA00"].capaciteit == {
        (EXTRA, "leergedrag"): 0
    }


def test_gebied_toevoegen_en_verwijderen():
    uit = _toepassen(
        _cel("gebied_toevoegen", gebied="gedrag", capaciteit=3),
        _cel("gebied_verwijderen", "22AA00", SBO),
        _cel("gebied_toevoegen", "33AA00", VSO, "gedrag", capaciteit=2),
    )
    assert uit["11AA00"].capaciteit == {(EXTRA, "leergedrag"): 4, (EXTRA, "gedrag"): 3}
    assert uit["22AA00"].capaciteit == {}
    assert uit["33AA00"].capaciteit == {(SO, "gedrag"): 4, (VSO, "gedrag"): 2}


def test_sluiten():
    uit = _toepassen({"soort": "sluiten", "vestiging": "22AA00"})
    assert set(uit) == {"11AA00", "33AA00"}


def test_openen_bij_een_bestaande_vestiging_en_daarna_wijzigen():
    uit = _toepassen(
        {
            "soort": "openen",
            "naam": "Nieuw so",
            "soort_locatie": "so",
            "bij_vestiging": "22AA00",
            "plaatsen": [{"niveau": SO, "gebied": "leergedrag", "capaciteit": 6}],
        },
        {
            "soort": "openen",
            "naam": "Tweede",
            "locatiesoort": "bao",
            "bij_vestiging": "11AA00",
            "plaatsen": [{"niveau": EXTRA, "gebied": "gedrag", "capaciteit": 1}],
        },
        _cel("capaciteit", "nieuw-1", SO, capaciteit=8),
        nieuw_vanaf=1,
    )
    nieuw = uit["nieuw-1"]
    assert (nieuw.naam, nieuw.soort, nieuw.breedtegraad, nieuw.lengtegraad) == (
        "Nieuw so",
        "so",
        52.1,
        5.0,
    )
    assert nieuw.capaciteit == {(SO, "leergedrag"): 8}
    assert uit["nieuw-2"].regio == "A"


def test_openen_zonder_locatiesoort_neemt_die_van_de_buur():
    uit = _toepassen(
        {
            "soort": "openen",
            "naam": "Dependance",
            "bij_vestiging": "22AA00",
            "plaatsen": [{"niveau": SBO, "gebied": "gedrag", "capaciteit": 4}],
        },
        nieuw_vanaf=3,
    )
    assert uit["nieuw-3"].soort == "sbo"


def test_openen_bij_een_locatie_die_de_basis_sloot():
    basis = toepassen(LOCATIES, [{"soort": "sluiten", "vestiging": "22AA00"}], gebieden=GEBIEDEN)
    uit = toepassen(
        basis,
        [
            {
                "soort": "openen",
                "naam": "Terug",
                "soort_locatie": "sbo",
                "bij_vestiging": "22AA00",
                "plaatsen": [{"niveau": SBO, "gebied": "gedrag", "capaciteit": 4}],
            }
        ],
        gebieden=GEBIEDEN,
        adressen=LOCATIES,
    )
    assert {loc.id for loc in uit} == {"11AA00", "33AA00", "nieuw-1"}


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        ("geen object", "Wijziging 1: geef een wijziging als object."),
        ({"soort": "verhuizen"}, "Wijziging 1: onbekende soort wijziging; kies uit"),
        (
            {"soort": "sluiten", "vestiging": "99ZZ00"},
            "Wijziging 1: deze vestiging hoort niet bij uw samenwerkingsverband.",
        ),
        ({"soort": "sluiten"}, "Wijziging 1: kies een vestiging ('vestiging')."),
        (
            {"soort": "sluiten", "vestiging": "44AA00"},
            "Wijziging 1: deze vestiging heeft geen bekende ligging",
        ),
        (
            _cel("capaciteit", gebied="gedrag", capaciteit=3),
            "Wijziging 1: deze vestiging biedt nog geen plaatsen voor extra in gebied Gedrag",
        ),
        (_cel("capaciteit", capaciteit=-1), "Wijziging 1: geef een aantal plaatsen van 0"),
        (_cel("capaciteit", capaciteit="5"), "Wijziging 1: geef een aantal plaatsen van 0"),
        (_cel("capaciteit", capaciteit=True), "Wijziging 1: geef een aantal plaatsen van 0"),
        (
            _cel("gebied_toevoegen", capaciteit=3),
            "Wijziging 1: deze vestiging biedt al plaatsen voor extra in gebied Leergedrag",
        ),
        (
            _cel("gebied_toevoegen", gebied="gedrag", capaciteit=0),
            "Wijziging 1: geef een aantal plaatsen van 1",
        ),
        (
            _cel("gebied_toevoegen", niveau=SO, gebied="gedrag", capaciteit=2),
            "Wijziging 1: een locatie van soort bao biedt geen plaatsen voor so",
        ),
        (_cel("gebied_toevoegen", niveau="mbo", capaciteit=2), "Wijziging 1: kies een niveau"),
        (
            _cel("gebied_toevoegen", gebied="onbekend", capaciteit=2),
            "Wijziging 1: kies een bestaand ondersteuningsgebied.",
        ),
        (
            _cel("gebied_verwijderen", gebied="gedrag"),
            "Wijziging 1: deze vestiging biedt geen plaatsen voor extra in gebied Gedrag.",
        ),
        (
            {"soort": "openen", "bij_vestiging": "11AA00", "plaatsen": []},
            "Wijziging 1: geef de nieuwe locatie een naam.",
        ),
        (
            {"soort": "openen", "naam": "X", "bij_vestiging": "11AA00", "plaatsen": []},
            "Wijziging 1: geef de plaatsen van de nieuwe locatie",
        ),
        (
            {
                "soort": "openen",
                "naam": "X",
                "soort_locatie": "mbo",
                "bij_vestiging": "11AA00",
                "plaatsen": [{"niveau": EXTRA, "gebied": "gedrag", "capaciteit": 1}],
            },
            "Wijziging 1: kies een bestaande soort school",
        ),
        (
            {
                "soort": "openen",
                "naam": "X",
                "bij_vestiging": "11AA00",
                "plaatsen": [
                    {"niveau": EXTRA, "gebied": "gedrag", "capaciteit": 1},
                    {"niveau": EXTRA, "gebied": "gedrag", "capaciteit": 2},
                ],
            },
            "Wijziging 1: noem elke combinatie van niveau en gebied maar één keer.",
        ),
        (
            {
                "soort": "openen",
                "naam": "X",
                "bij_vestiging": "elders",
                "plaatsen": [{"niveau": EXTRA, "gebied": "gedrag", "capaciteit": 1}],
            },
            "Wijziging 1: deze vestiging hoort niet bij uw samenwerkingsverband.",
        ),
    ],
)
def test_ongeldige_wijziging(wijziging, melding):
    meldingen = _fouten(wijziging, zonder_coordinaten={"44AA00"})
    assert any(m.startswith(melding) for m in meldingen), meldingen


def test_elke_fout_noemt_zijn_nummer_en_een_gesloten_vestiging_telt_niet_meer():
    meldingen = _fouten(
        _cel("capaciteit", capaciteit=5),
        {"soort": "sluiten", "vestiging": "22AA00"},
        _cel("capaciteit", "22AA00", SBO, capaciteit=3),
        {"soort": "sluiten", "vestiging": "nergens"},
        nummer_vanaf=1,
    )
    assert meldingen == [
        "Wijziging 3: deze vestiging is in wijziging 2 al gesloten.",
        "Wijziging 4: deze vestiging hoort niet bij uw samenwerkingsverband.",
    ]


def test_een_wijziging_van_een_door_de_basis_gesloten_vestiging():
    basis = toepassen(LOCATIES, [{"soort": "sluiten", "vestiging": "22AA00"}], gebieden=GEBIEDEN)
    with pytest.raises(OngeldigeWijzigingen) as fout:
        toepassen(
            basis,
            [{"soort": "sluiten", "vestiging": "22AA00"}],
            gebieden=GEBIEDEN,
            adressen=LOCATIES,
        )
    assert fout.value.meldingen == [
        "Wijziging 1: deze vestiging is in de analyse waarop u voortbouwt al gesloten."
    ]


def test_geen_lijst_of_te_veel():
    assert _fouten_lijst({"soort": "sluiten"}) == ["Geef de wijzigingen als een lijst."]
    assert "ten hoogste 200" in _fouten_lijst([{"soort": "sluiten"}] * 201)[0]


def _fouten_lijst(wijzigingen) -> list[str]:
    with pytest.raises(OngeldigeWijzigingen) as fout:
        toepassen(LOCATIES, wijzigingen, gebieden=GEBIEDEN)
    return fout.value.meldingen


def test_aantal_geopend():
    assert (
        aantal_geopend([{"soort": "openen"}, {"soort": "sluiten"}, "x", {"soort": "openen"}]) == 2
    )


def test_een_niveau_van_de_andere_sector_wordt_geweigerd():
    meldingen = _fouten(
        _cel("gebied_toevoegen", "33AA00", VSO, "gedrag", capaciteit=3),
        _cel("gebied_toevoegen", "33AA00", SO, "leergedrag", capaciteit=3),
        sector="po",
    )
    assert meldingen == [
        "Wijziging 1: het niveau vso hoort niet bij de sector van uw samenwerkingsverband "
        "(primair onderwijs); kies uit extra, sbo, so."
    ]
    # Without a sector (manage.py on exported data) a so/vso location takes both.
    assert _toepassen(_cel("gebied_toevoegen", "33AA00", VSO, "gedrag", capaciteit=3))[
        "33AA00"
    ].capaciteit == {(SO, "gedrag"): 4, (VSO, "gedrag"): 3}


@pytest.mark.parametrize(
    ("locatiesoort", "niveau", "sector", "goed"),
    [
        ("vso", VSO, "po", False),
        ("vo", EXTRA, "po", False),
        ("pro", "pro", "po", False),
        ("sbo", SBO, "vo", False),
        ("bao", EXTRA, "vo", False),
        ("so_vso", SO, "po", True),
        ("so_vso", VSO, "vo", True),
        ("bao", EXTRA, "po", True),
    ],
)
def test_een_nieuwe_locatie_van_de_andere_sector_wordt_geweigerd(
    locatiesoort, niveau, sector, goed
):
    wijziging = {
        "soort": "openen",
        "naam": "Nieuw",
        "soort_locatie": locatiesoort,
        "bij_vestiging": "11AA00",
        "plaatsen": [{"niveau": niveau, "gebied": "gedrag", "capaciteit": 2}],
    }
    if goed:
        assert _toepassen(wijziging, sector=sector)["nieuw-1"].capaciteit == {(niveau, "gedrag"): 2}
    else:
        meldingen = _fouten(wijziging, sector=sector)
        assert meldingen[0].startswith(
            f"Wijziging 1: een locatie van soort {locatiesoort} hoort niet bij de sector van "
            "uw samenwerkingsverband"
        ), meldingen


@pytest.mark.parametrize(
    ("wijziging", "melding"),
    [
        (_cel("capaciteit", niveau=["extra"], capaciteit=3), "Wijziging 1: kies een niveau"),
        (_cel("capaciteit", niveau={"a": 1}, capaciteit=3), "Wijziging 1: kies een niveau"),
        (_cel("capaciteit", gebied=["leergedrag"], capaciteit=3), "Wijziging 1: kies een bestaand"),
        (_cel("capaciteit", vestiging=["11AA00"], capaciteit=3), "Wijziging 1: kies een vestiging"),
        (_cel("capaciteit", capaciteit="3"), "Wijziging 1: geef een aantal plaatsen"),
        ({"soort": ["sluiten"], "vestiging": "11AA00"}, "Wijziging 1: onbekende soort"),
        ({"soort": {"a": 1}, "vestiging": "11AA00"}, "Wijziging 1: onbekende soort"),
        (
            {
                "soort": "openen",
                "naam": "Nieuw",
                "soort_locatie": ["sbo"],
                "bij_vestiging": "11AA00",
                "plaatsen": [{"niveau": SBO, "gebied": "gedrag", "capaciteit": 2}],
            },
            "Wijziging 1: kies een bestaande soort school",
        ),
        (
            {
                "soort": "openen",
                "naam": ["Nieuw"],
                "bij_vestiging": {"id": "11AA00"},
                "plaatsen": [{"niveau": [EXTRA], "gebied": {}, "capaciteit": [2]}],
            },
            "Wijziging 1: geef de nieuwe locatie een naam",
        ),
        ("sluiten", "Wijziging 1: geef een wijziging als object"),
        (["sluiten"], "Wijziging 1: geef een wijziging als object"),
    ],
)
def test_waarden_van_het_verkeerde_type_geven_een_melding(wijziging, melding):
    """JSON may hold lists, objects or numbers where text is expected: a numbered message,
    never a TypeError."""
    meldingen = _fouten(wijziging)
    assert any(m.startswith(melding) for m in meldingen), meldingen
