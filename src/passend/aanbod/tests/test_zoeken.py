"""The guide's search selector: positions of postcodes and places from the school
locations, nearby schools with a published offer, the needs filter, and a fixed number of
queries."""

import pytest

from passend.aanbod.models import Aanbod
from passend.aanbod.rules import Status, afstand_km
from passend.aanbod.selectors.zoeken import (
    Positie,
    naam_genormaliseerd,
    pc4_van,
    positie_van_plaats,
    positie_van_postcode,
    scholen_in_de_buurt,
)
from passend.aanbod.tests.factories import AanbodFactory, GebiedsaanbodFactory, gebied
from passend.organisaties.rules import Soort
from passend.organisaties.tests.factories import GemeenteFactory, VestigingFactory

pytestmark = pytest.mark.django_db

#: Utrecht, Domplein.
DOM = Positie(breedtegraad=52.0907, lengtegraad=5.1214)


def locatie(
    *,
    postcode: str = "3511 AA",
    plaats: str = "Utrecht",
    gemeente: str = "Utrecht",
    breedte: float = 52.09,
    lengte: float = 5.12,
    soort: str = Soort.BAO,
    naam: str | None = None,
):
    kwargs = {"naam": naam} if naam else {}
    return VestigingFactory(
        postcode=postcode,
        plaats=plaats,
        gemeente=GemeenteFactory(naam=gemeente),
        breedtegraad=breedte,
        lengtegraad=lengte,
        soort=soort,
        **kwargs,
    )


def gepubliceerd(vestiging, **gebieden: tuple[str, str]) -> Aanbod:
    """A published public offer; per area code (underscores for hyphens) (basis, extra)."""
    aanbod = AanbodFactory(vestiging=vestiging, gepubliceerd=True, normgebieden=False)
    for code, (basis, extra) in gebieden.items():
        GebiedsaanbodFactory(
            aanbod=aanbod,
            gebied=gebied(code.replace("_", "-")),
            basisondersteuning=basis,
            extra_ondersteuning=extra,
        )
    return aanbod


# --- Postcodes ---------------------------------------------------------------------------


def test_pc4_van_leest_de_vier_cijfers():
    assert pc4_van("3511 ab") == "3511"
    assert pc4_van("3511AB") == "3511"
    assert pc4_van(" 3511 ") == "3511"
    assert pc4_van("0511 AB") is None
    assert pc4_van("35 11") is None
    assert pc4_van("3511 A") is None


def test_postcode_ligt_op_het_gemiddelde_van_de_scholen_in_het_pc4_gebied():
    locatie(postcode="4145 AA", breedte=51.90, lengte=5.10)
    locatie(postcode="4145 ZZ", breedte=51.92, lengte=5.14)
    locatie(postcode="4146 AA", breedte=53.00, lengte=6.00)  # another area: not counted
    positie = positie_van_postcode("4145 BC")
    assert positie is not None
    assert positie.gebruikt_pc4 == "4145" and not positie.uitgeweken
    assert positie.breedtegraad == pytest.approx(51.91)
    assert positie.lengtegraad == pytest.approx(5.12)
    assert positie.aantal_locaties == 2


def test_zonder_school_in_het_pc4_gebied_telt_het_dichtstbijzijnde_gebied():
    locatie(postcode="4145 AA", breedte=51.90, lengte=5.10)
    locatie(postcode="4100 AA", breedte=52.50, lengte=5.50)
    positie = positie_van_postcode("4141 XY")
    assert positie is not None
    assert (positie.pc4, positie.gebruikt_pc4, positie.uitgeweken) == ("4141", "4145", True)
    assert positie.breedtegraad == pytest.approx(51.90)


def test_bij_gelijke_afstand_telt_het_lagere_gebied():
    locatie(postcode="4143 AA", breedte=51.0, lengte=5.0)
    locatie(postcode="4147 AA", breedte=52.0, lengte=6.0)
    positie = positie_van_postcode("4145")
    assert positie is not None and positie.gebruikt_pc4 == "4143"


def test_uitwijken_blijft_binnen_dezelfde_twee_cijfers_en_50_nummers():
    locatie(postcode="4201 AA")  # one away, but another region (42xx)
    assert positie_van_postcode("4199 AA") is None
    locatie(postcode="4148 AA")
    assert positie_van_postcode("4199 AA") is None  # 51 away
    assert positie_van_postcode("4198 AA").gebruikt_pc4 == "4148"  # 50 away


def test_postcode_helemaal_aan_het_eind_van_de_reeks():
    locatie(postcode="9999 ZZ", breedte=53.4, lengte=6.8)
    assert positie_van_postcode("9998").gebruikt_pc4 == "9999"


def test_een_ongeldige_postcode_heeft_geen_positie():
    locatie(postcode="3511 AA")
    assert positie_van_postcode("AB12") is None


def test_locaties_zonder_coordinaten_tellen_niet_mee():
    VestigingFactory(postcode="4145 AA", breedtegraad=None, lengtegraad=None)
    assert positie_van_postcode("4145 AA") is None


# --- Places ------------------------------------------------------------------------------


def test_naam_normaliseren_zonder_hoofdletters_accenten_en_tekens():
    assert naam_genormaliseerd("'s-Gravenhage") == "s gravenhage"
    assert naam_genormaliseerd("Damwâld") == "damwald"
    assert naam_genormaliseerd("  2e  Exloërmond ") == "2e exloermond"


def test_plaats_ligt_op_het_gemiddelde_van_haar_locaties():
    locatie(plaats="Houten", gemeente="Houten", breedte=52.02, lengte=5.16)
    locatie(plaats="Houten", gemeente="Houten", breedte=52.04, lengte=5.18)
    locatie(plaats="Utrecht", gemeente="Utrecht", breedte=52.09, lengte=5.12)
    uitkomst = positie_van_plaats("houten")
    assert uitkomst.gekozen is not None
    assert uitkomst.gekozen.breedtegraad == pytest.approx(52.03)
    assert uitkomst.gekozen.aantal_locaties == 2


@pytest.mark.parametrize("invoer", ["DAMWALD", "damwâld", "Damwald ", "dámwald"])
def test_plaats_zoeken_zonder_letten_op_hoofdletters_en_accenten(invoer):
    locatie(plaats="Damwâld", gemeente="Dantumadiel", breedte=53.29, lengte=5.99)
    uitkomst = positie_van_plaats(invoer)
    assert uitkomst.gekozen is not None and uitkomst.gekozen.plaats == "Damwâld"


@pytest.mark.parametrize("invoer", ["'s-Gravenhage", "s gravenhage", "S-GRAVENHAGE", "Den Haag"])
def test_schrijfwijzen_en_namen_in_de_wandeling(invoer):
    locatie(plaats="'s-Gravenhage", gemeente="'s-Gravenhage", breedte=52.07, lengte=4.30)
    uitkomst = positie_van_plaats(invoer)
    assert uitkomst.gekozen is not None and uitkomst.gekozen.plaats == "'s-Gravenhage"


def test_een_naam_in_meer_gemeenten_vraagt_welke():
    hengelo = locatie(plaats="Hengelo", gemeente="Hengelo", breedte=52.26, lengte=6.79)
    locatie(plaats="Hengelo", gemeente="Hengelo", breedte=52.27, lengte=6.80)
    locatie(plaats="Hengelo", gemeente="Bronckhorst", breedte=52.05, lengte=6.31)
    uitkomst = positie_van_plaats("Hengelo")
    assert uitkomst.gekozen is None and not uitkomst.onbekend
    assert [k.omschrijving for k in uitkomst.keuzes] == [
        "Hengelo",
        "Hengelo (gemeente Bronckhorst)",
    ]
    gekozen = positie_van_plaats("Hengelo", gemeente_id=hengelo.gemeente_id).gekozen
    assert gekozen is not None and gekozen.aantal_locaties == 2


def test_een_toevoeging_tussen_haakjes_mag_weg():
    locatie(plaats="Hengelo", gemeente="Hengelo", breedte=52.26, lengte=6.79)
    gelders = locatie(plaats="Hengelo (Gld)", gemeente="Bronckhorst", breedte=52.05, lengte=6.31)
    locatie(plaats="Bergen (NH)", gemeente="Bergen (NH)", breedte=52.67, lengte=4.70)
    assert [k.omschrijving for k in positie_van_plaats("hengelo").keuzes] == [
        "Hengelo",
        "Hengelo (Gld) (gemeente Bronckhorst)",
    ]
    gekozen = positie_van_plaats("Hengelo (Gld)").gekozen
    assert gekozen is not None and gekozen.gemeente_id == gelders.gemeente_id
    assert positie_van_plaats("hengelo gld").gekozen == gekozen
    for invoer in ("Bergen", "bergen nh", "Bergen (NH)"):
        gevonden = positie_van_plaats(invoer).gekozen
        assert gevonden is not None and gevonden.plaats == "Bergen (NH)", invoer


def test_een_onbekende_gemeentekeuze_vraagt_opnieuw():
    locatie(plaats="Hengelo", gemeente="Hengelo")
    locatie(plaats="Hengelo", gemeente="Bronckhorst")
    assert len(positie_van_plaats("Hengelo", gemeente_id=999_999).keuzes) == 2


def test_een_gemeentenaam_die_geen_plaats_is_geeft_de_hele_gemeente():
    locatie(plaats="Naaldwijk", gemeente="Westland", breedte=51.99, lengte=4.21)
    locatie(plaats="Monster", gemeente="Westland", breedte=52.03, lengte=4.17)
    uitkomst = positie_van_plaats("westland")
    assert uitkomst.gekozen is not None and uitkomst.gekozen.is_gemeente
    assert uitkomst.gekozen.omschrijving == "gemeente Westland"
    assert uitkomst.gekozen.breedtegraad == pytest.approx(52.01)


def test_een_plaats_gaat_voor_een_gemeente_met_die_naam():
    locatie(plaats="Utrecht", gemeente="Utrecht")
    locatie(plaats="Vleuten", gemeente="Utrecht")
    uitkomst = positie_van_plaats("Utrecht")
    assert uitkomst.gekozen is not None and not uitkomst.gekozen.is_gemeente
    assert uitkomst.gekozen.aantal_locaties == 1


def test_een_onbekende_plaats_is_onbekend():
    locatie(plaats="Utrecht")
    assert positie_van_plaats("Atlantis").onbekend
    assert positie_van_plaats("").onbekend
    # Regular-expression characters are only text.
    assert positie_van_plaats("Utr.*").onbekend
    assert positie_van_plaats("U(t").onbekend


# --- Nearby schools --------------------------------------------------------------------------


def test_scholen_op_volgorde_van_afstand_binnen_de_straal():
    ver = gepubliceerd(locatie(naam="Ver", breedte=52.15, lengte=5.12))  # ~6.5 km
    dichtbij = gepubliceerd(locatie(naam="Dichtbij", breedte=52.095, lengte=5.12))
    midden = gepubliceerd(locatie(naam="Midden", breedte=52.12, lengte=5.12))
    gepubliceerd(locatie(naam="Buiten", breedte=52.30, lengte=5.12))  # ~23 km
    # In the corner of the box, but further than the radius (as the crow flies).
    gepubliceerd(locatie(naam="Hoek", breedte=52.0907 + 0.085, lengte=5.1214 + 0.14))
    resultaat = scholen_in_de_buurt(positie=DOM, straal_km=10, maximaal=25)
    assert [r.aanbod for r in resultaat.scholen] == [dichtbij, midden, ver]
    assert resultaat.totaal == 3
    eerste = resultaat.scholen[0]
    verwacht = afstand_km(DOM.breedtegraad, DOM.lengtegraad, 52.095, 5.12)
    assert eerste.afstand_km == pytest.approx(verwacht)
    assert eerste.afstand_tekst == f"{verwacht:.1f}".replace(".", ",") + " km"


def test_hoogstens_het_maximum_maar_het_totaal_telt_alles():
    for i in range(5):
        gepubliceerd(locatie(breedte=52.09 + i * 0.001, lengte=5.12))
    resultaat = scholen_in_de_buurt(positie=DOM, straal_km=10, maximaal=2)
    assert len(resultaat.scholen) == 2 and resultaat.totaal == 5


def test_alleen_het_openbare_gepubliceerde_aanbod():
    getoond = gepubliceerd(locatie(naam="Gepubliceerd"))
    # A location with only a concept.
    AanbodFactory(vestiging=locatie(naam="Alleen concept"), status=Status.CONCEPT)
    # A location whose only published version is not the public one (a replaced version).
    AanbodFactory(
        vestiging=locatie(naam="Vervangen"),
        status=Status.VERVANGEN,
        gepubliceerd_op="2025-06-01T12:00:00Z",
    )
    # A published version of an earlier year while a later one is public: counted once.
    vestiging = locatie(naam="Twee jaren")
    later = gepubliceerd(vestiging)
    AanbodFactory(
        vestiging=vestiging,
        schooljaar="2025-2026",
        status=Status.GEPUBLICEERD,
        gepubliceerd_op="2025-06-01T12:00:00Z",
    )
    resultaat = scholen_in_de_buurt(positie=DOM, straal_km=10, maximaal=25)
    assert {r.aanbod for r in resultaat.scholen} == {getoond, later}


def test_filter_op_wat_het_kind_nodig_heeft_vraagt_elk_gekozen_gebied():
    lezen, gedrag = gebied("lezen-spellen-dyslexie"), gebied("gedrag-sociaal-emotioneel")
    beide = gepubliceerd(
        locatie(naam="Beide", breedte=52.091),
        lezen_spellen_dyslexie=("Voorlezen", ""),
        gedrag_sociaal_emotioneel=("", "Een gedragscoach"),
    )
    alleen_lezen = gepubliceerd(
        locatie(naam="Alleen lezen", breedte=52.092), lezen_spellen_dyslexie=("Voorlezen", "RT")
    )
    # An area row without basis or extra support does not count as offered.
    gepubliceerd(
        locatie(naam="Leeg", breedte=52.093),
        lezen_spellen_dyslexie=("", ""),
        gedrag_sociaal_emotioneel=("Kring", ""),
    )
    resultaat = scholen_in_de_buurt(positie=DOM, straal_km=10, maximaal=25, gebieden=[lezen])
    assert [r.aanbod for r in resultaat.scholen] == [beide, alleen_lezen]
    resultaat = scholen_in_de_buurt(
        positie=DOM, straal_km=10, maximaal=25, gebieden=[lezen, gedrag]
    )
    assert [r.aanbod for r in resultaat.scholen] == [beide]
    vermeldingen = {v.gebied.code: (v.basis, v.extra) for v in resultaat.scholen[0].gebieden}
    assert vermeldingen == {
        "lezen-spellen-dyslexie": (True, False),
        "gedrag-sociaal-emotioneel": (False, True),
    }


def test_filter_op_soort_school():
    basis = gepubliceerd(locatie(naam="Basis", soort=Soort.BAO))
    sbo = gepubliceerd(locatie(naam="SBO", soort=Soort.SBO, breedte=52.091))
    so_vso = gepubliceerd(locatie(naam="SO/VSO", soort=Soort.SO_VSO, breedte=52.092))
    gepubliceerd(locatie(naam="VO", soort=Soort.VO))
    resultaat = scholen_in_de_buurt(
        positie=DOM, straal_km=10, maximaal=25, schoolsoorten=["speciaal"]
    )
    assert {r.aanbod for r in resultaat.scholen} == {sbo, so_vso}
    resultaat = scholen_in_de_buurt(
        positie=DOM, straal_km=10, maximaal=25, schoolsoorten=["basisonderwijs", "speciaal"]
    )
    assert {r.aanbod for r in resultaat.scholen} == {basis, sbo, so_vso}


def test_niets_in_de_buurt():
    gepubliceerd(locatie(breedte=53.2, lengte=6.5))
    resultaat = scholen_in_de_buurt(positie=DOM, straal_km=10, maximaal=25)
    assert resultaat.scholen == [] and resultaat.totaal == 0


# --- A fixed number of queries --------------------------------------------------------------


@pytest.mark.parametrize("aantal", [5, 200])
def test_zoeken_met_een_vast_aantal_queries(django_assert_num_queries, aantal):
    lezen = gebied("lezen-spellen-dyslexie")
    for i in range(aantal):
        gepubliceerd(
            locatie(
                postcode=f"35{i % 100:02d} AA",
                plaats="Utrecht" if i % 2 else "De Meern",
                breedte=52.05 + (i % 20) * 0.005,
                lengte=5.08 + (i // 20) * 0.005,
            ),
            lezen_spellen_dyslexie=("Voorlezen", "RT"),
        )
    with django_assert_num_queries(1):
        postcode = positie_van_postcode("3511 AB")
    with django_assert_num_queries(1):
        plaats = positie_van_plaats("utrecht")
    assert postcode is not None and plaats.gekozen is not None
    with django_assert_num_queries(3):
        resultaat = scholen_in_de_buurt(
            positie=postcode, straal_km=10, maximaal=25, gebieden=[lezen]
        )
    assert len(resultaat.scholen) == min(aantal, 25)
    assert all(r.gebieden[0].basis for r in resultaat.scholen)
