"""Importing DUO's list of locations: the service, the command and the page."""

import datetime
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.permissions import Geweigerd
from passend.organisaties.importeren import ImportMislukt, ImportResultaat, vestigingen_lezen
from passend.organisaties.models import (
    BestuurLidmaatschap,
    Gemeente,
    School,
    Schoolbestuur,
    SwvLidmaatschap,
    Vestiging,
)
from passend.organisaties.rules import Sector, Soort
from passend.organisaties.services import vestigingen_importeren
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
)
from passend.organisaties.tests.fixtures import (
    MAP,
    PO,
    SO_OUD,
    VO,
    csv_aanpassen,
    feature,
    geojson,
    lees,
    zet,
)

pytestmark = pytest.mark.django_db

PEILDATUM = datetime.date(2025, 8, 1)


def importeer(bron: bytes, bestandsnaam: str = "lijst.csv", **kwargs: Any) -> ImportResultaat:
    kwargs.setdefault("samenwerkingsverband", None)
    kwargs.setdefault("peildatum", PEILDATUM)
    return vestigingen_importeren(bron=bron, bestandsnaam=bestandsnaam, **kwargs)


def fouten_van(bron: bytes, bestandsnaam: str = "lijst.csv") -> list[tuple[int, str, str]]:
    with pytest.raises(ImportMislukt) as mislukt:
        importeer(bron, bestandsnaam)
    return [(f.rij, f.kolom, f.waarde) for f in mislukt.value.fouten]


def momentopname() -> dict[str, dict[object, object]]:
    return {
        model.__name__: dict(model.objects.values_list("pk", "gewijzigd_op"))
        for model in (Vestiging, School, Schoolbestuur, Gemeente, BestuurLidmaatschap)
    }


# --- DUO's CSV ----------------------------------------------------------------------------


def test_duo_csv_maakt_vestigingen_scholen_besturen_en_gemeenten() -> None:
    resultaat = importeer(lees(PO))

    assert (resultaat.gelezen, resultaat.nieuw, resultaat.gewijzigd, resultaat.ongewijzigd) == (
        6,
        6,
        0,
        0,
    )
    assert resultaat.per_soort == {Soort.BAO: 6}
    assert (resultaat.scholen_nieuw, resultaat.besturen_nieuw, resultaat.gemeenten_nieuw) == (
        5,
        4,
        5,
    )
    egeltje = Vestiging.objects.select_related("school__bestuur", "gemeente").get(
        vestigingscode="16SW00"
    )
    assert egeltje.naam == "Sint-Joseph Basisschool 't Égeltje"
    assert (egeltje.straat, egeltje.huisnummer, egeltje.postcode, egeltje.plaats) == (
        "Steenstraat",
        "12",
        "5831 CR",
        "Boxmeer",
    )
    assert (egeltje.gemeente.code, egeltje.gemeente.naam) == ("1982", "Land van Cuijk")
    assert egeltje.breedtegraad is None and egeltje.lengtegraad is None
    assert egeltje.soort == Soort.BAO and egeltje.internetadres == "www.egeltje.nl"
    assert egeltje.school.brin == "16SW"
    assert egeltje.school.naam == "Sint-Joseph Basisschool 't Égeltje"
    assert egeltje.school.bestuur.bevoegd_gezag_nummer == "41234"
    assert Vestiging.objects.get(vestigingscode="16SW03").naam == "Basisschool Zoë"
    assert egeltje.school.vestigingen.count() == 2
    assert Gemeente.objects.get(code="0518").naam == "'s-Gravenhage"
    assert Gemeente.objects.get(code="0502").naam == "Capelle aan den IJssel"
    historie = BestuurLidmaatschap.objects.get(school=egeltje.school)
    assert (historie.bestuur, historie.van, historie.tot) == (
        egeltje.school.bestuur,
        PEILDATUM,
        None,
    )


def test_vo_lijst_en_oude_so_lijst_geven_de_juiste_soort() -> None:
    importeer(lees(VO))
    importeer(lees(SO_OUD))

    soorten = dict(Vestiging.objects.values_list("vestigingscode", "soort"))
    assert soorten == {
        "18BR00": Soort.PRO,
        "20VO00": Soort.VO,
        "20VO01": Soort.VO,
        "20VO02": Soort.VO,
        "21VP00": Soort.VO,
        "30SB00": Soort.SBO,
        "31SO01": Soort.SO,
        "31SO02": Soort.VSO,
        "32VS00": Soort.SO_VSO,
    }
    assert Vestiging.objects.get(vestigingscode="20VO01").onderwijsstructuur == "VBO/MAVO"
    assert Vestiging.objects.get(vestigingscode="21VP00").onderwijsstructuur == "VBO/MAVO/PRO"
    kentalis = Vestiging.objects.select_related("gemeente").get(vestigingscode="32VS00")
    assert (kentalis.postcode, kentalis.gemeente.code, kentalis.huisnummer) == (
        "5629 CC",
        "0772",
        "3",
    )
    assert Vestiging.objects.get(vestigingscode="31SO01").naam == "Mytylschool Tilburg, afdeling SO"


def test_tweede_keer_dezelfde_lijst_verandert_niets() -> None:
    importeer(lees(PO))
    importeer(lees(SO_OUD))
    voor = momentopname()

    resultaat = importeer(lees(PO), peildatum=PEILDATUM + datetime.timedelta(days=30))

    assert (resultaat.nieuw, resultaat.gewijzigd, resultaat.ongewijzigd) == (0, 0, 6)
    assert (resultaat.scholen_nieuw, resultaat.scholen_gewijzigd, resultaat.bestuurswissels) == (
        0,
        0,
        0,
    )
    assert momentopname() == voor


def test_een_gewijzigde_rij_telt_als_gewijzigd_en_de_rest_blijft_staan() -> None:
    importeer(lees(PO))
    voor = momentopname()["Vestiging"]

    def verhuizen(kop: list[str], rijen: list[list[str]]) -> None:
        zet(kop, rijen[2], "STRAATNAAM", "Nieuwe Schoolweg")

    resultaat = importeer(csv_aanpassen(PO, verhuizen))

    assert (resultaat.nieuw, resultaat.gewijzigd, resultaat.ongewijzigd) == (0, 1, 5)
    regenboog = Vestiging.objects.get(vestigingscode="27AB00")
    assert regenboog.straat == "Nieuwe Schoolweg"
    na = momentopname()["Vestiging"]
    assert na[regenboog.pk] > voor[regenboog.pk]
    assert {pk: t for pk, t in na.items() if pk != regenboog.pk} == {
        pk: t for pk, t in voor.items() if pk != regenboog.pk
    }


def test_bestand_met_foute_rijen_slaat_niets_op_en_noemt_elke_foute_rij() -> None:
    def bederven(kop: list[str], rijen: list[list[str]]) -> None:
        zet(kop, rijen[0], "VESTIGINGSCODE", "16SWX0")
        zet(kop, rijen[2], "POSTCODE", "ABCD 12")
        zet(kop, rijen[3], "GEMEENTENUMMER", "03a4")
        zet(kop, rijen[4], "INSTELLINGSCODE", "27AE")
        zet(kop, rijen[4], "VESTIGINGSCODE", "27AE00")  # also in the last row

    with pytest.raises(ImportMislukt) as mislukt:
        importeer(csv_aanpassen(PO, bederven))

    fouten = mislukt.value.fouten
    assert [(f.rij, f.kolom, f.waarde) for f in fouten] == [
        (2, "VESTIGINGSCODE", "16SWX0"),
        (4, "POSTCODE", "ABCD 12"),
        (5, "GEMEENTENUMMER", "03a4"),
        (7, "VESTIGINGSCODE", "27AE00"),
    ]
    assert "rij 6" in fouten[-1].melding
    assert all(f.melding for f in fouten)
    assert not Vestiging.objects.exists()
    assert not Gemeente.objects.exists() and not School.objects.exists()


def test_een_instelling_met_twee_besturen_is_een_fout() -> None:
    importeer(lees(PO))

    def verkeerd_bestuur(kop: list[str], rijen: list[list[str]]) -> None:
        zet(kop, rijen[1], "BEVOEGD GEZAG NUMMER", "99999")  # 16SW has 41234 in row 2

    assert fouten_van(csv_aanpassen(PO, verkeerd_bestuur)) == [(3, "BEVOEGD GEZAG NUMMER", "99999")]
    assert not Schoolbestuur.objects.filter(bevoegd_gezag_nummer="99999").exists()


def test_ontbrekende_kolom_geeft_een_fout_met_de_kolomnaam() -> None:
    def zonder_postcode(kop: list[str], rijen: list[list[str]]) -> None:
        i = kop.index("POSTCODE")
        del kop[i]
        for rij in rijen:
            del rij[i]

    with pytest.raises(ImportMislukt) as mislukt:
        importeer(csv_aanpassen(PO, zonder_postcode))
    [fout] = mislukt.value.fouten
    assert (fout.rij, fout.kolom) == (1, "POSTCODE")
    assert "ontbreekt" in fout.melding


def test_onbekende_soort_in_de_lijst_voor_speciaal_onderwijs() -> None:
    def onbekend(kop: list[str], rijen: list[list[str]]) -> None:
        zet(kop, rijen[0], "SOORT PRIMAIR ONDERWIJS", "MBO")

    assert fouten_van(csv_aanpassen(SO_OUD, onbekend)) == [(2, "SOORT PRIMAIR ONDERWIJS", "MBO")]


def test_utf8_met_bom_en_extra_kolommen_worden_ook_gelezen() -> None:
    def extra_kolom(kop: list[str], rijen: list[list[str]]) -> None:
        kop.append("ONBEKENDE KOLOM")
        for rij in rijen:
            rij.append("wat dan ook")

    tekst = csv_aanpassen(PO, extra_kolom).decode("cp1252")
    records = vestigingen_lezen(("\ufeff" + tekst).encode("utf-8"), "lijst.csv")
    assert [r.naam for r in records][:2] == [
        "Sint-Joseph Basisschool 't Égeltje",
        "Basisschool Zoë",
    ]


def test_leeg_bestand_en_alleen_een_kopregel_geven_een_fout() -> None:
    assert fouten_van(b"") == [(0, "", "")]
    kopregel = lees(PO).split(b"\r\n")[0] + b"\r\n"
    assert fouten_van(kopregel) == [(0, "", "")]


# --- The GeoJSON set ----------------------------------------------------------------------


def test_geojson_bewaart_punt_leerlingen_en_een_leesbare_gemeentenaam() -> None:
    bron = geojson(
        feature(gemeente="S GRAVENHAGE", plaats="'s-Gravenhage", huisletter="B"),
        feature(vestigingscode="40AA01", type="VBO/MAVO", leerlingen=None, punt=None),
    )
    resultaat = importeer(bron, "scholen.geo.json")

    assert resultaat.per_soort == {Soort.BAO: 1, Soort.VO: 1}
    linde = Vestiging.objects.select_related("gemeente", "school").get(vestigingscode="40AA00")
    assert (linde.breedtegraad, linde.lengtegraad, linde.leerlingenaantal) == (52.0907, 5.1214, 210)
    assert (linde.postcode, linde.huisnummer, linde.internetadres) == ("3511 AA", "1B", "")
    assert (linde.gemeente.naam, linde.gemeente.code) == ("'s-Gravenhage", None)
    assert linde.school.bestuur is None
    tweede = Vestiging.objects.get(vestigingscode="40AA01")
    assert (tweede.onderwijsstructuur, tweede.breedtegraad, tweede.leerlingenaantal) == (
        "VBO/MAVO",
        None,
        None,
    )


def test_geojson_met_foute_features_noemt_elke_foute_feature() -> None:
    bron = geojson(
        feature(),
        feature(vestigingscode="40AA05", punt=[5.1, 95.0]),
        feature(vestigingscode="40AA1"),
        feature(vestigingscode="40AA02", leerlingen=-3),
        feature(vestigingscode="40AA03", type="MBO"),
        feature(vestigingscode="40AA04", postcode="35111AA"),
        feature(naam="Een heel andere school"),
    )
    assert fouten_van(bron, "scholen.geo.json") == [
        (2, "geometry", "95.0"),
        (3, "vestigingscode", "40AA1"),
        (4, "leerlingen", "-3"),
        (5, "type", "MBO"),
        (6, "postcode", "35111AA"),
        (7, "vestigingscode", "40AA00"),
    ]
    assert not Vestiging.objects.exists()


def test_geojson_voegt_dezelfde_vestiging_op_een_buuradres_samen() -> None:
    bron = geojson(
        feature(huisnummer=322, punt=[4.5149, 52.0701]),
        feature(huisnummer=326, punt=[4.5155, 52.0704]),
    )
    resultaat = importeer(bron, "scholen.geo.json")

    assert (resultaat.gelezen, resultaat.samengevoegd, resultaat.nieuw) == (2, 1, 1)
    assert Vestiging.objects.get().huisnummer == "322"


def test_csv_na_geojson_vult_gemeentecode_aan_en_houdt_punt_en_leerlingen() -> None:
    importeer(
        geojson(feature(vestigingscode="16SW00", brin_nummer="16SW", gemeente="LAND VAN CUIJK")),
        "scholen.geo.json",
    )
    resultaat = importeer(lees(PO))

    assert (resultaat.nieuw, resultaat.gewijzigd) == (5, 1)
    egeltje = Vestiging.objects.select_related("gemeente").get(vestigingscode="16SW00")
    assert (egeltje.breedtegraad, egeltje.leerlingenaantal) == (52.0907, 210)
    assert egeltje.naam == "Sint-Joseph Basisschool 't Égeltje"
    assert (egeltje.gemeente.naam, egeltje.gemeente.code) == ("Land van Cuijk", "1982")
    assert Gemeente.objects.filter(naam="Land van Cuijk").count() == 1


# --- Koppelen aan het samenwerkingsverband ------------------------------------------------


def test_koppelen_geeft_alleen_vestigingen_van_de_eigen_sector_een_lidmaatschap() -> None:
    po_swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    vo_swv = SamenwerkingsverbandFactory(sector=Sector.VO)
    importeer(lees(PO))
    ander_swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    SwvLidmaatschapFactory(
        vestiging=Vestiging.objects.get(vestigingscode="16SW00"), samenwerkingsverband=ander_swv
    )

    assert importeer(lees(PO), samenwerkingsverband=po_swv).gekoppeld == 5
    assert importeer(lees(VO), samenwerkingsverband=po_swv).gekoppeld == 0
    assert importeer(lees(SO_OUD), samenwerkingsverband=po_swv).gekoppeld == 3
    assert importeer(lees(SO_OUD), samenwerkingsverband=vo_swv).gekoppeld == 2
    assert importeer(lees(VO), samenwerkingsverband=vo_swv).gekoppeld == 5
    assert importeer(lees(PO), samenwerkingsverband=po_swv).gekoppeld == 0

    bij_po = set(po_swv.lidmaatschappen.values_list("vestiging__vestigingscode", flat=True))
    assert bij_po == {
        "16SW03",
        "27AB00",
        "27AC00",
        "27AD00",
        "27AE00",
        "30SB00",
        "31SO01",
        "32VS00",
    }
    bij_vo = set(vo_swv.lidmaatschappen.values_list("vestiging__vestigingscode", flat=True))
    assert bij_vo == {"31SO02", "32VS00", "18BR00", "20VO00", "20VO01", "20VO02", "21VP00"}
    assert set(
        SwvLidmaatschap.objects.filter(samenwerkingsverband=po_swv).values_list("van", "tot")
    ) == {(PEILDATUM, None)}


# --- Beleid -------------------------------------------------------------------------------


def actor(rolsoort: str) -> Actor:
    rol = RolFactory(rolsoort=rolsoort)
    return Actor(gebruiker=rol.gebruiker, rol=rol)


@pytest.mark.parametrize("rolsoort", [Rolsoort.LERAAR, Rolsoort.DIRECTEUR, Rolsoort.LOKET])
def test_wie_geen_functioneel_beheerder_is_mag_niet_importeren(rolsoort: str) -> None:
    with pytest.raises(Geweigerd):
        importeer(lees(PO), actor=actor(rolsoort))
    assert not Vestiging.objects.exists()


def test_functioneel_beheerder_mag_importeren() -> None:
    assert importeer(lees(PO), actor=actor(Rolsoort.FUNCTIONEEL_BEHEERDER)).nieuw == 6


# --- The command --------------------------------------------------------------------------


def test_commando_leest_in_en_vat_samen_in_het_nederlands() -> None:
    swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    uit, fout = StringIO(), StringIO()
    call_command(
        "import_vestigingen",
        str(MAP / PO),
        "--swv",
        swv.code,
        "--peildatum",
        "2025-08-01",
        stdout=uit,
        stderr=fout,
    )
    tekst = uit.getvalue()
    assert "6 rijen gelezen" in tekst
    assert "Nieuw: 6, gewijzigd: 0, ongewijzigd: 0" in tekst
    assert "Basisonderwijs 6" in tekst
    assert f"Gekoppeld aan {swv.code}: 6 vestigingen" in tekst
    assert "rijen per seconde" in tekst
    assert fout.getvalue() == ""
    assert set(SwvLidmaatschap.objects.values_list("van", flat=True)) == {PEILDATUM}


def test_commando_met_foute_rijen_noemt_ze_en_faalt_zonder_iets_op_te_slaan(tmp_path: Path) -> None:
    def bederven(kop: list[str], rijen: list[list[str]]) -> None:
        zet(kop, rijen[0], "VESTIGINGSCODE", "16SWX0")
        zet(kop, rijen[2], "POSTCODE", "ABCD 12")

    bestand = tmp_path / "fout.csv"
    bestand.write_bytes(csv_aanpassen(PO, bederven))
    uit, fout = StringIO(), StringIO()
    with pytest.raises(CommandError, match="2 fout"):
        call_command("import_vestigingen", str(bestand), stdout=uit, stderr=fout)
    regels = fout.getvalue().splitlines()
    assert regels[0].startswith("rij 2, kolom VESTIGINGSCODE, waarde '16SWX0'")
    assert regels[1].startswith("rij 4, kolom POSTCODE, waarde 'ABCD 12'")
    assert not Vestiging.objects.exists()


def test_commando_met_onbekend_swv_of_bestand_faalt() -> None:
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("import_vestigingen", str(MAP / PO), "--swv", "PO9999", stdout=StringIO())
    with pytest.raises(CommandError, match="niet gevonden"):
        call_command("import_vestigingen", str(MAP / "bestaat-niet.csv"), stdout=StringIO())


# --- The page -----------------------------------------------------------------------------


def upload(naam: str, inhoud: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(naam, inhoud, content_type="text/csv")


def test_functioneel_beheerder_leest_de_lijst_in_via_de_pagina(maak_client) -> None:
    rol = RolFactory(rolsoort=Rolsoort.FUNCTIONEEL_BEHEERDER)
    client = maak_client(rol)
    url = reverse("organisaties:importeren")
    assert client.get(url).status_code == 200

    antwoord = client.post(url, {"bestand": upload(PO, lees(PO)), "koppelen": "on"})

    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "6 vestigingen gelezen: 6 nieuw, 0 gewijzigd, 0 ongewijzigd." in html
    assert "Basisonderwijs" in html
    assert Vestiging.objects.count() == 6
    assert rol.samenwerkingsverband.lidmaatschappen.count() == 6


def test_pagina_toont_de_fouten_en_slaat_niets_op(maak_client) -> None:
    def bederven(kop: list[str], rijen: list[list[str]]) -> None:
        zet(kop, rijen[2], "POSTCODE", "ABCD 12")

    client = maak_client(RolFactory(rolsoort=Rolsoort.FUNCTIONEEL_BEHEERDER))
    antwoord = client.post(
        reverse("organisaties:importeren"),
        {"bestand": upload("fout.csv", csv_aanpassen(PO, bederven))},
    )

    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Er is niets opgeslagen" in html
    assert "<caption" in html and 'scope="col"' in html
    assert "ABCD 12" in html and "POSTCODE" in html
    assert antwoord.context["fouten"][0].rij == 4
    assert not Vestiging.objects.exists()


def test_leraar_krijgt_403_op_de_importpagina(maak_client) -> None:
    client = maak_client(RolFactory(rolsoort=Rolsoort.LERAAR))
    url = reverse("organisaties:importeren")
    assert client.get(url).status_code == 403
    assert client.post(url, {"bestand": upload(PO, lees(PO))}).status_code == 403
    assert not Vestiging.objects.exists()
