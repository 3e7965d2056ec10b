import datetime

from passend.steunpunt.rules import (
    contact_fouten,
    noemt_naam,
    periode_fouten,
)

D = datetime.date
GELDIG = dict(
    datum=D(2025, 10, 1),
    vandaag=D(2025, 10, 2),
    themas=["aanmelding"],
    samenvatting="Vraag over aanmelden.",
    signaal="",
    kanaal="telefoon",
    wie="ouder",
    doorverwijzing="geen",
)


def test_een_volledig_contact_heeft_geen_fouten():
    assert contact_fouten(**GELDIG) == {}


def test_een_contact_in_de_toekomst_of_zonder_thema_geeft_een_fout_per_veld():
    fouten = contact_fouten(
        **{**GELDIG, "datum": D(2025, 10, 3), "themas": [], "samenvatting": " "}
    )
    assert set(fouten) == {"datum", "themas", "samenvatting"}


def test_onbekende_keuzes_worden_geweigerd():
    fouten = contact_fouten(
        **{**GELDIG, "themas": ["onzin"], "kanaal": "fax", "wie": "x", "doorverwijzing": "y"}
    )
    assert set(fouten) == {"themas", "kanaal", "wie", "doorverwijzing"}


def test_een_datum_meer_dan_een_jaar_terug_is_verdacht():
    assert "datum" in contact_fouten(**{**GELDIG, "datum": D(2024, 9, 1)})


def test_noemt_naam_vindt_de_naam_als_woord():
    assert noemt_naam("Fenna zit al weken thuis.", ["Fenna"])
    assert not noemt_naam("Ouders zitten vast bij de school.", ["Fenna", ""])


def test_periode_moet_kloppen():
    assert periode_fouten(D(2025, 1, 2), D(2025, 1, 1)) == {
        "tot": "De einddatum ligt voor de begindatum."
    }
    assert "tot" in periode_fouten(D(2020, 1, 1), D(2025, 1, 1))
    assert periode_fouten(D(2025, 1, 1), D(2025, 1, 1)) == {}
