"""The CSV format of the region's offer, read and written without a database."""

import codecs
import csv

import pytest

from passend.aanbod.aanbodbestand import (
    KOLOMMEN,
    MAX_TEKST,
    MAXIMAAL_REGELS,
    Aanbodregel,
    Bestandsfout,
    bestand_lezen,
    bestand_schrijven,
    formule_afschermen,
    formule_ontschermen,
    gedeelde_waarde,
    lezen,
    per_vestiging,
)
from passend.aanbod.gebieden import STARTGEBIEDEN
from passend.aanbod.rules import MAXIMALE_TEKSTLENGTE, Faciliteit

GEBIEDEN = {g.code: g.naam for g in STARTGEBIEDEN}
FACILITEITEN = {str(code): str(label) for code, label in Faciliteit.choices}
JAREN = ("2026-2027", "2027-2028")
KOP = "vestigingscode;schooljaar;gebied;basisondersteuning;extra_ondersteuning;expertise;faciliteiten;capaciteit"


def lees(tekst: str, codering: str = "utf-8"):
    return bestand_lezen(
        tekst.encode(codering), gebieden=GEBIEDEN, faciliteiten=FACILITEITEN, schooljaren=JAREN
    )


def meldingen(resultaat) -> list[str]:
    return [str(f) for f in resultaat.fouten]


def test_een_goed_bestand_levert_een_regel_per_gebied():
    resultaat = lees(
        KOP
        + "\r\n12AB00;2026-2027;leergedrag;Dagtaak voor iedereen;Coach;IB'er;stilteruimte|lift;\r\n"
        + "12AB00;2026-2027;Lezen, spellen en dyslexie;Leesgroep;;;;\r\n"
    )
    assert resultaat.fouten == []
    eerste, tweede = resultaat.regels
    assert eerste == Aanbodregel(
        regel=2,
        vestigingscode="12AB00",
        schooljaar="2026-2027",
        gebied="leergedrag",
        basisondersteuning="Dagtaak voor iedereen",
        extra_ondersteuning="Coach",
        expertise="IB'er",
        faciliteiten=("stilteruimte", "lift"),
        capaciteit=None,
    )
    assert tweede.gebied == "lezen-spellen-dyslexie"
    assert tweede.regel == 3


def test_gebied_en_faciliteiten_op_naam_zonder_op_hoofdletters_te_letten():
    resultaat = lees(
        KOP
        + "\n12ab00;2026-2027;  MEDISCHE   zorg ;Hulp;;;Lift | stille of prikkelarme ruimte;12\n"
    )
    assert resultaat.fouten == []
    (regel,) = resultaat.regels
    assert regel.vestigingscode == "12AB00"
    assert regel.gebied == "medisch"
    assert regel.faciliteiten == ("lift", "stilteruimte")
    assert regel.capaciteit == 12


def test_een_onbekend_gebied_noemt_regel_kolom_en_de_keuzes():
    goed = "".join(f"12AB00;2026-2027;{code};Tekst;;;;\n" for code in list(GEBIEDEN)[1:6])
    resultaat = lees(KOP + "\n" + goed + "12AB00;2026-2027;lezen;Tekst;;;;\n")
    assert meldingen(resultaat) == [
        "Regel 7, kolom gebied: 'lezen' is geen bekend gebied. Kies uit (code of naam): "
        + ", ".join(GEBIEDEN)
        + "."
    ]
    assert len(resultaat.regels) == 5


def test_elke_fout_per_regel_en_kolom():
    resultaat = lees(
        KOP
        + "\n12AB0;2026/2027;leergedrag;Tekst;;;zwembad;veel\n"
        + "12AB00;2019-2020;leergedrag;;;;;\n"
    )
    assert meldingen(resultaat) == [
        "Regel 2, kolom vestigingscode: '12AB0' is geen vestigingscode. Een vestigingscode is "
        "het BRIN-nummer plus 2 cijfers, zoals 12AB00.",
        "Regel 2, kolom schooljaar: '2026/2027' is geen schooljaar. Schrijf het als 2026-2027.",
        "Regel 2, kolom faciliteiten: 'zwembad' is geen bekende faciliteit. Kies uit (code of "
        "omschrijving, gescheiden door |): " + ", ".join(FACILITEITEN) + ".",
        "Regel 2, kolom capaciteit: 'veel' is geen aantal plaatsen. Schrijf een heel getal, "
        "zoals 120, of laat het leeg.",
        "Regel 3, kolom schooljaar: het aanbod van 2019-2020 kunt u niet inlezen. Kies "
        "2026-2027 of 2027-2028.",
        "Regel 3, kolom basisondersteuning: er staat niets over dit gebied. Vul "
        "basisondersteuning, extra_ondersteuning of expertise in, of laat de regel weg.",
    ]
    assert resultaat.regels == []
    assert resultaat.codes == {3: "12AB00"}
    assert ("12AB00", "2019-2020") in resultaat.onvolledig


def test_een_gebied_twee_keer_voor_dezelfde_vestiging_is_een_fout():
    resultaat = lees(
        KOP + "\n12AB00;2026-2027;leergedrag;A;;;;\n13AB00;2026-2027;leergedrag;B;;;;\n"
        "12AB00;2026-2027;Leergedrag;C;;;;\n"
    )
    assert meldingen(resultaat) == [
        "Regel 4, kolom gebied: dit gebied staat voor 12AB00 in 2026-2027 al op regel 2. Zet "
        "elk gebied één keer in het bestand."
    ]


def test_toelichting_en_contact_gelden_per_vestiging():
    kop = KOP + ";toelichting;contact"
    goed = lees(
        kop + "\n12AB00;2026-2027;leergedrag;A;;;;;Wij werken samen;De IB'er\n"
        "12AB00;2026-2027;medisch;B;;;;;;\n"
    )
    assert goed.fouten == []
    groep = per_vestiging(goed.regels)[("12AB00", "2026-2027")]
    assert gedeelde_waarde(groep, "toelichting") == "Wij werken samen"
    assert gedeelde_waarde(groep, "contact") == "De IB'er"
    fout = lees(
        kop + "\n12AB00;2026-2027;leergedrag;A;;;;;Wij werken samen;\n"
        "12AB00;2026-2027;medisch;B;;;;;Iets anders;\n"
    )
    assert [f.kolom for f in fout.fouten] == ["toelichting"]
    assert "verschilt van regel 2" in str(fout.fouten[0])


def test_zonder_kolom_toelichting_blijft_die_onbekend():
    resultaat = lees(KOP + "\n12AB00;2026-2027;leergedrag;A;;;;\n")
    assert gedeelde_waarde(resultaat.regels, "toelichting") is None


def test_kolommen_in_andere_volgorde_en_met_spaties():
    resultaat = lees(
        "Gebied;Vestigingscode;Schooljaar;Basisondersteuning;Extra ondersteuning;Expertise;"
        "Faciliteiten;Capaciteit;Vestigingsnaam\n"
        "leergedrag;12AB00;2026-2027;A;;;;;De Linde\n"
    )
    assert resultaat.fouten == []
    assert resultaat.regels[0].gebied == "leergedrag"
    assert resultaat.regels[0].vestigingsnaam == "De Linde"


def test_een_onbekende_of_ontbrekende_kolom_stopt_het_lezen():
    resultaat = lees(
        "vestigingscode;schooljaar;gebied;basisondersteuning;extra_ondersteuning;expertise;"
        "faciliteiten;capacitiet\n12AB00;2026-2027;leergedrag;A;;;;\n"
    )
    assert resultaat.bestandsfout
    assert [str(f) for f in resultaat.fouten] == [
        "Regel 1, kolom capacitiet: 'capacitiet' is geen bekende kolom. Gebruik: "
        + ", ".join(KOLOMMEN)
        + ".",
        "Regel 1: de kopregel mist de kolom capaciteit. Verplicht zijn: vestigingscode, "
        "schooljaar, gebied, basisondersteuning, extra_ondersteuning, expertise, "
        "faciliteiten, capaciteit.",
    ]


def test_komma_als_scheidingsteken_krijgt_een_duidelijke_melding():
    resultaat = lees(KOP.replace(";", ",") + "\n12AB00,2026-2027,leergedrag,A,,,,\n")
    assert resultaat.bestandsfout
    assert "puntkomma" in str(resultaat.fouten[0])


def test_te_veel_of_te_weinig_kolommen_in_een_regel():
    resultaat = lees(KOP + "\n12AB00;2026-2027;leergedrag;A; kort;;;;extra\n12AB00;2026-2027\n")
    assert [f.regel for f in resultaat.fouten] == [2, 3]
    assert "9 kolommen en de kopregel 8" in str(resultaat.fouten[0])


def test_lege_kolommen_aan_het_eind_en_lege_regels_mogen():
    resultaat = lees(KOP + ";;\n\n12AB00;2026-2027;leergedrag;A;;;;;;\n;;;;;;;\n")
    assert resultaat.fouten == []
    assert len(resultaat.regels) == 1


@pytest.mark.parametrize(
    ("bron", "verwacht"),
    [
        (b"", "Het bestand: het bestand is leeg."),
        (
            b"PK\x03\x04\x14\x00\x06\x00",
            "Het bestand: dit is geen CSV-bestand in UTF-8 of windows-1252. Is het een "
            "Excel-bestand? Kies dan in Excel 'Opslaan als' en 'CSV (gescheiden door "
            "lijstscheidingsteken)'.",
        ),
        (KOP.encode(), "Het bestand: het bestand heeft geen regels onder de kopregel."),
        # Only byte-order marks (an editor that saved the file again and again).
        (codecs.BOM_UTF8 * 2, "Het bestand: het bestand is leeg."),
        (codecs.BOM_UTF8 * 3 + b" \r\n", "Het bestand: het bestand is leeg."),
        ("\ufeff".encode("utf-8") + codecs.BOM_UTF8 + b"\n\n", "Het bestand: het bestand is leeg."),
    ],
)
def test_bestandsfouten(bron, verwacht):
    resultaat = bestand_lezen(bron, gebieden=GEBIEDEN, faciliteiten=FACILITEITEN, schooljaren=JAREN)
    assert meldingen(resultaat) == [verwacht]


def test_utf8_met_bom_en_windows_1252_geven_hetzelfde():
    tekst = KOP + "\r\n12AB00;2026-2027;leergedrag;Extra hulp bij één-op-één gesprekken;;;;\r\n"
    zonder = lees(tekst)
    met_bom = bestand_lezen(
        codecs.BOM_UTF8 + tekst.encode("utf-8"),
        gebieden=GEBIEDEN,
        faciliteiten=FACILITEITEN,
        schooljaren=JAREN,
    )
    excel = lees(tekst, "cp1252")
    assert zonder.fouten == met_bom.fouten == excel.fouten == []
    assert zonder.regels == met_bom.regels == excel.regels
    assert zonder.regels[0].basisondersteuning == "Extra hulp bij één-op-één gesprekken"


def test_te_lange_tekst_en_te_grote_capaciteit():
    resultaat = lees(KOP + f"\n12AB00;2026-2027;leergedrag;{'x' * 10_001};;;;100001\n")
    assert [f.kolom for f in resultaat.fouten] == ["basisondersteuning", "capaciteit"]


def test_de_grens_is_die_van_het_formulier_en_de_api():
    assert MAX_TEKST == MAXIMALE_TEKSTLENGTE
    goed = lees(KOP + f"\n12AB00;2026-2027;leergedrag;{'x' * MAXIMALE_TEKSTLENGTE};;;;\n")
    assert goed.fouten == []
    fout = lees(KOP + f"\n12AB00;2026-2027;leergedrag;;;{'x' * (MAXIMALE_TEKSTLENGTE + 1)};;\n")
    assert meldingen(fout) == [
        f"Regel 2, kolom expertise: de tekst is {MAXIMALE_TEKSTLENGTE + 1} tekens; het mogen "
        f"er {MAXIMALE_TEKSTLENGTE} zijn."
    ]


def test_een_cel_langer_dan_de_csv_lezer_aankan_krijgt_een_nederlandse_melding():
    resultaat = lees(KOP + f"\n12AB00;2026-2027;leergedrag;{'x' * 200_000};;;;\n")
    assert resultaat.bestandsfout
    assert meldingen(resultaat) == [
        f"Het bestand: regel 2 is niet gelezen: de cel is te lang. Een tekst mag hoogstens "
        f'{MAXIMALE_TEKSTLENGTE} tekens hebben. Staat er een aanhalingsteken (") te veel, '
        "zodat een cel doorloopt tot ver in het bestand?"
    ]


def test_een_andere_csv_fout_krijgt_een_nederlandse_melding_met_de_regel(monkeypatch):
    echte_lezer = csv.reader

    def haperende_lezer(*args, **kwargs):
        lezer = echte_lezer(*args, **kwargs)

        class Haperend:
            line_num = 0

            def __iter__(self):
                return self

            def __next__(self):
                rij = next(lezer)
                self.line_num = lezer.line_num
                if self.line_num == 3:
                    raise csv.Error("unexpected end of data")
                return rij

        return Haperend()

    monkeypatch.setattr(lezen.csv, "reader", haperende_lezer)
    resultaat = lees(KOP + "\n12AB00;2026-2027;leergedrag;A;;;;\n12AB00;2026-2027;medisch;B;;;;\n")
    assert meldingen(resultaat) == [
        "Het bestand: regel 3 is niet gelezen: de regel is geen geldige CSV. Controleer de "
        "aanhalingstekens (\") en puntkomma's op deze regel."
    ]
    assert all("unexpected" not in melding for melding in meldingen(resultaat))


def test_te_veel_regels():
    regel = "12AB00;2026-2027;leergedrag;A;;;;\n"
    resultaat = lees(KOP + "\n" + regel * (MAXIMAAL_REGELS + 1))
    assert resultaat.bestandsfout
    assert f"meer dan {MAXIMAAL_REGELS} regels" in str(resultaat.fouten[-1])


@pytest.mark.parametrize(
    "tekst", ["=SOM(A1)", "+31 6", "-leest", "@home", "'=al afgeschermd", "gewoon", "'quote", ""]
)
def test_formules_worden_afgeschermd_en_weer_teruggezet(tekst):
    afgeschermd = formule_afschermen(tekst)
    assert afgeschermd[:1] not in {"=", "+", "-", "@"}
    assert formule_ontschermen(afgeschermd) == tekst


def test_schrijven_en_weer_lezen_geeft_hetzelfde():
    regels = [
        Aanbodregel(
            regel=0,
            vestigingscode="12AB00",
            schooljaar="2026-2027",
            gebied="leergedrag",
            basisondersteuning='Dagtaak; plannen met "stappen"\r\nen een timer',
            extra_ondersteuning="- coach van het SWV",
            expertise="=gedragsspecialist",
            faciliteiten=("stilteruimte", "lift"),
            capaciteit=0,
            toelichting="Wij werken samen; met ouders",
            contact="+31 345 123 456",
            vestigingsnaam="OBS De Linde",
        ),
        Aanbodregel(
            regel=0,
            vestigingscode="12AB00",
            schooljaar="2026-2027",
            gebied="medisch",
            expertise="Verpleegkundige",
            toelichting="Wij werken samen; met ouders",
            contact="+31 345 123 456",
            vestigingsnaam="OBS De Linde",
        ),
    ]
    tekst = bestand_schrijven(regels)
    assert tekst.splitlines()[0] == ";".join(KOLOMMEN)
    gelezen = lees(tekst)
    assert gelezen.fouten == []
    assert [
        (r.vestigingscode, r.gebied, r.basisondersteuning, r.extra_ondersteuning, r.expertise)
        for r in gelezen.regels
    ] == [
        (r.vestigingscode, r.gebied, r.basisondersteuning, r.extra_ondersteuning, r.expertise)
        for r in regels
    ]
    assert [r.faciliteiten for r in gelezen.regels] == [("stilteruimte", "lift"), ()]
    assert [r.capaciteit for r in gelezen.regels] == [0, None]
    assert {(r.toelichting, r.contact) for r in gelezen.regels} == {
        ("Wij werken samen; met ouders", "+31 345 123 456")
    }
    # A spreadsheet does not see a formula in any cell.
    assert "\n=" not in tekst and ";=" not in tekst and ";+" not in tekst and ";-" not in tekst


def test_fout_als_tekst():
    assert str(Bestandsfout(0, "", "leeg.")) == "Het bestand: leeg."
    assert str(Bestandsfout(3, "", "te kort.")) == "Regel 3: te kort."
    assert str(Bestandsfout(3, "gebied", "onbekend.")) == "Regel 3, kolom gebied: onbekend."
