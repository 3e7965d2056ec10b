"""Reading the entered posts of a budget from a CSV file: all or nothing, every error per
row and column in Dutch."""

import codecs
from decimal import Decimal

import pytest

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.middelen.rules import Postsoort
from passend.middelen.services.begroting import Conflict
from passend.middelen.services.importeren import ImportMislukt, posten_importeren, posten_lezen
from passend.middelen.tests.factories import BegrotingFactory, BegrotingspostFactory

D = Decimal


def test_puntkomma_met_bom_en_nederlandse_bedragen():
    bron = (
        codecs.BOM_UTF8
        + (
            "soort;omschrijving;bedrag\n"
            "lichte_ondersteuning;Rijksbijdrage;1.234.567,89\n"
            "Ouder- en jeugdsteunpunt;Steunpunt Noord;€ 85.000\n"
            "\n"
            "overige_lasten;;12,5\n"
        ).encode()
    )
    assert posten_lezen(bron) == [
        ("lichte_ondersteuning", "Rijksbijdrage", D("1234567.89")),
        ("steunpunt", "Steunpunt Noord", D("85000.00")),
        ("overige_lasten", "", D("12.50")),
    ]


def test_komma_als_scheiding_en_windows_1252():
    bron = 'Soort,Omschrijving,Bedrag\norganisatie,Huur kantoor café,"12.000,00"\n'.encode("cp1252")
    assert posten_lezen(bron) == [("organisatie", "Huur kantoor café", D("12000.00"))]


def test_elke_fout_per_regel_en_kolom():
    bron = (
        "soort;omschrijving;bedrag\n"
        "onbekend;x;10\n"
        "afdracht_so;x;10\n"
        "steunpunt;x;-5\n"
        "steunpunt;x;12,345\n"
        ";x;\n"
        f"steunpunt;{'a' * 201};1\n"
    ).encode()
    with pytest.raises(ImportMislukt) as mislukt:
        posten_lezen(bron)
    fouten = mislukt.value.fouten
    assert fouten[0] == "Regel 2, kolom soort: onbekende soort “onbekend”."
    assert fouten[1].startswith("Regel 3, kolom soort: deze post berekent Passend zelf")
    assert fouten[2].startswith("Regel 4, kolom bedrag: “-5” is geen bedrag")
    assert fouten[3].startswith("Regel 5, kolom bedrag: “12,345” is geen bedrag")
    assert fouten[4] == "Regel 6, kolom soort: vul de soort post in."
    assert fouten[5] == "Regel 6, kolom bedrag: vul een bedrag in."
    assert fouten[6].startswith("Regel 7, kolom omschrijving: de omschrijving is te lang")
    assert len(fouten) == 7


@pytest.mark.parametrize(
    ("bron", "begin"),
    [
        (b"", "Het bestand is leeg"),
        (b"soort;bedrag\nsteunpunt;1\n", "Regel 1: de kolom omschrijving ontbreekt"),
        (b"soort;omschrijving;bedrag\n", "Het bestand heeft geen posten"),
        (b"\xff\xfe\x00s\x81", "Het bestand is geen tekst"),
    ],
)
def test_bestandsfouten(bron, begin):
    with pytest.raises(ImportMislukt) as mislukt:
        posten_lezen(bron)
    assert mislukt.value.fouten[0].startswith(begin)


def controller(swv):
    rol = RolFactory(rolsoort=Rolsoort.FINANCIEEL_MEDEWERKER, samenwerkingsverband=swv)
    return Actor(gebruiker=rol.gebruiker, rol=rol)


@pytest.mark.django_db
def test_vervangt_de_ingevoerde_posten_en_laat_berekende_staan():
    begroting = BegrotingFactory()
    BegrotingspostFactory(begroting=begroting, soort=Postsoort.STEUNPUNT)
    BegrotingspostFactory(
        begroting=begroting, soort=Postsoort.AFDRACHT_SO, berekend=True, bedrag=D("7")
    )
    resultaat = posten_importeren(
        actor=controller(begroting.samenwerkingsverband),
        begroting=begroting,
        revisie=1,
        bron=b"soort;omschrijving;bedrag\norganisatie;Bureau;100,00\nsteunpunt;OJS;50\n",
    )
    assert resultaat.posten == 2
    assert resultaat.totaal == D("150.00")
    assert sorted(begroting.posten.values_list("soort", "bedrag")) == [
        ("afdracht_so", D("7.00")),
        ("organisatie", D("100.00")),
        ("steunpunt", D("50.00")),
    ]


@pytest.mark.django_db
def test_bij_een_fout_of_oude_revisie_wordt_niets_opgeslagen():
    begroting = BegrotingFactory(revisie=2)
    BegrotingspostFactory(begroting=begroting, soort=Postsoort.STEUNPUNT)
    actor = controller(begroting.samenwerkingsverband)
    with pytest.raises(ImportMislukt):
        posten_importeren(
            actor=actor,
            begroting=begroting,
            revisie=2,
            bron=b"soort;omschrijving;bedrag\norganisatie;a;1\nsteunpunt;b;x\n",
        )
    with pytest.raises(Conflict):
        posten_importeren(
            actor=actor,
            begroting=begroting,
            revisie=1,
            bron=b"soort;omschrijving;bedrag\norganisatie;a;1\n",
        )
    assert list(begroting.posten.values_list("soort", flat=True)) == ["steunpunt"]
