"""The public guide's pages: search (per-field messages, results, the empty state), a
school's page (published offer only, waiting time without the number waiting) and the
comparison (limits and messages)."""

import datetime
import html

import pytest
from django.test import Client
from django.urls import reverse

from passend.aanbod.models import Voorzieningsoort
from passend.aanbod.rules import Status, afstand_km
from passend.aanbod.tests.factories import (
    AanbodFactory,
    GebiedsaanbodFactory,
    VoorzieningFactory,
    WachtlijststandFactory,
    gebied,
)
from passend.aanbod.tests.test_zoeken import gepubliceerd, locatie
from passend.organisaties.rules import Soort
from passend.organisaties.tests.factories import SwvLidmaatschapFactory

pytestmark = pytest.mark.django_db

ZOEKEN = reverse("gids:zoeken")


@pytest.fixture
def client() -> Client:
    return Client()


def tekst(antwoord) -> str:
    return html.unescape(antwoord.content.decode())


def zoek(client: Client, **params) -> tuple[int, str]:
    antwoord = client.get(ZOEKEN, params)
    return antwoord.status_code, tekst(antwoord)


@pytest.fixture
def utrecht():
    """Three schools with a published offer in Utrecht, at increasing distance."""
    return [
        gepubliceerd(
            locatie(naam="De Dom", postcode="3511 AA", breedte=52.091, lengte=5.121),
            lezen_spellen_dyslexie=("Voorlezen in elke groep", "Remedial teaching"),
        ),
        gepubliceerd(
            locatie(naam="Het Anker", postcode="3512 BB", breedte=52.10, lengte=5.13),
            lezen_spellen_dyslexie=("Voorlezen", ""),
        ),
        gepubliceerd(
            locatie(naam="De Linde", postcode="3514 CC", breedte=52.12, lengte=5.14),
        ),
    ]


# --- Search ------------------------------------------------------------------------------


def test_zoekpagina_zonder_vraag_toont_het_formulier(client, utrecht):
    status, pagina = zoek(client)
    assert status == 200
    assert "Wat heeft uw kind nodig?" in pagina and "Lezen, spellen en dyslexie" in pagina
    assert "Basisonderwijs" in pagina and "Praktijkonderwijs" in pagina
    assert 'value="10"' in pagina  # the default radius
    assert "Scholen bij" not in pagina and "Niet alles is goed ingevuld" not in pagina


def test_zoeken_op_postcode_geeft_scholen_op_afstand(client, utrecht):
    status, pagina = zoek(client, postcode="3511 ab", straal="10")
    assert status == 200
    assert "Scholen bij postcode 3511 AB" in pagina
    assert pagina.index("De Dom") < pagina.index("Het Anker") < pagina.index("De Linde")
    assert "We vonden 3 scholen binnen 10 km" in pagina
    assert "hemelsbreed" in pagina
    # From the mean of the locations in PC4 3511 (De Dom): one decimal, decimal comma.
    assert "0,0 km" in pagina
    tweede = afstand_km(52.091, 5.121, 52.10, 5.13)
    assert f"{tweede:.1f}".replace(".", ",") + " km" in pagina
    assert reverse("gids:school", args=[utrecht[0].vestiging.vestigingscode]) in pagina
    assert f'name="v" value="{utrecht[0].vestiging.vestigingscode}"' in pagina


def test_zoeken_op_behoefte_toont_basis_en_extra(client, utrecht):
    _, pagina = zoek(client, plaats="utrecht", nodig="lezen-spellen-dyslexie")
    assert "De Dom" in pagina and "Het Anker" in pagina and "De Linde" not in pagina
    assert "Basisondersteuning en extra ondersteuning" in pagina
    assert "die alles bieden wat u aankruiste" in pagina


def test_postcode_zonder_scholen_rekent_vanaf_het_buurgebied(client, utrecht):
    _, pagina = zoek(client, postcode="3513")
    assert "In postcodegebied 3513 staan geen scholen" in pagina
    assert "rekenen we vanaf postcodegebied 3512" in pagina


@pytest.mark.parametrize(
    ("params", "veld", "melding"),
    [
        ({"postcode": "12AB"}, "postcode", "Dit is geen postcode"),
        ({"postcode": "", "plaats": ""}, "postcode", "Vul uw postcode of uw woonplaats in."),
        ({"postcode": "3511", "plaats": "Utrecht"}, "plaats", "niet allebei"),
        ({"postcode": "9999 ZZ"}, "postcode", "We kennen geen scholen in of dichtbij"),
        ({"plaats": "Atlantis"}, "plaats", "We kennen geen plaats die ‘Atlantis’ heet"),
        ({"postcode": "3511", "straal": "0"}, "straal", "Kies een afstand van 1 tot 50"),
        ({"postcode": "3511", "straal": "51"}, "straal", "Kies een afstand van 1 tot 50"),
        ({"postcode": "3511", "straal": "veel"}, "straal", "Kies een afstand van 1 tot 50"),
        ({"postcode": "3511", "nodig": "toveren"}, "nodig", "Kies uit de lijst."),
        ({"postcode": "3511", "soort": "hogeschool"}, "soort", "Kies uit de lijst."),
    ],
)
def test_foute_invoer_geeft_een_melding_bij_het_veld(client, utrecht, params, veld, melding):
    status, pagina = zoek(client, **params)
    assert status == 200
    assert "Niet alles is goed ingevuld" in pagina
    fout = pagina.split(f'id="id_{veld}-fout"', 1)[1].split("</div>", 1)[0]
    assert melding in fout
    assert "Scholen bij" not in pagina


def test_elke_fout_wordt_tegelijk_genoemd(client, utrecht):
    _, pagina = zoek(client, plaats="Atlantis", straal="99")
    for veld, melding in (("plaats", "We kennen geen plaats"), ("straal", "Kies een afstand")):
        fout = pagina.split(f'id="id_{veld}-fout"', 1)[1].split("</div>", 1)[0]
        assert melding in fout


def test_een_plaatsnaam_in_meer_gemeenten_vraagt_welke(client):
    eigen = gepubliceerd(locatie(naam="Oost", plaats="Hengelo", gemeente="Hengelo"))
    gepubliceerd(
        locatie(
            naam="Gelders", plaats="Hengelo", gemeente="Bronckhorst", breedte=52.05, lengte=6.31
        )
    )
    _, pagina = zoek(client, plaats="Hengelo")
    assert "Er zijn meer plaatsen die ‘Hengelo’ heten" in pagina
    assert 'type="radio" name="gemeente"' in pagina
    assert "Hengelo (gemeente Bronckhorst) (1 school)" in pagina
    _, pagina = zoek(client, plaats="Hengelo", gemeente=str(eigen.vestiging.gemeente_id))
    assert "Scholen bij Hengelo" in pagina and "Oost" in pagina and "Gelders" not in pagina


def test_geen_scholen_in_de_buurt_zegt_dat_eerlijk(client, utrecht):
    _, pagina = zoek(client, postcode="3511", nodig="medisch")
    assert "We vonden geen scholen binnen 10 km die alles bieden wat u aankruiste" in pagina
    assert "Kies een grotere afstand" in pagina and "Kruis minder aan" in pagina


def test_gekozen_scholen_om_te_vergelijken_blijven_aangevinkt(client, utrecht):
    code = utrecht[1].vestiging.vestigingscode
    _, pagina = zoek(client, postcode="3511", v=code)
    assert f'value="{code}" id="vergelijk-{code}" checked' in pagina
    assert f'<input type="hidden" name="v" value="{code}">' in pagina


# --- A school's page ---------------------------------------------------------------------------


def test_schoolpagina_toont_het_gepubliceerde_aanbod_en_nooit_het_concept(client):
    vestiging = locatie(naam="De Regenboog")
    vestiging.internetadres = "www.regenboog.example.nl"
    vestiging.save()
    gepubliceerd(vestiging, leergedrag=("Een dagtaak voor elk kind", "Coaching in groepjes"))
    concept = AanbodFactory(
        vestiging=vestiging,
        versie=2,
        status=Status.CONCEPT,
        toelichting="GEHEIM CONCEPT",
        normgebieden=False,
    )
    GebiedsaanbodFactory(
        aanbod=concept, gebied=gebied("leergedrag"), basisondersteuning="NOG NIET OPENBAAR"
    )
    antwoord = client.get(reverse("gids:school", args=[vestiging.vestigingscode]))
    pagina = tekst(antwoord)
    assert antwoord.status_code == 200
    assert "De Regenboog" in pagina and "Een dagtaak voor elk kind" in pagina
    assert "Coaching in groepjes" in pagina and "Leergedrag" in pagina
    assert "Stille of prikkelarme ruimte" in pagina  # the factory's facility
    assert "schooljaar 2026-2027" in pagina
    assert 'href="https://www.regenboog.example.nl"' in pagina
    assert "GEHEIM CONCEPT" not in pagina and "NOG NIET OPENBAAR" not in pagina


def test_schoolpagina_zonder_gepubliceerd_aanbod_is_een_vriendelijke_404(client):
    alleen_concept = AanbodFactory(status=Status.CONCEPT, toelichting="GEHEIM CONCEPT")
    for code in (alleen_concept.vestiging.vestigingscode, "99ZZ99", "iets-anders"):
        antwoord = client.get(reverse("gids:school", args=[code]))
        assert antwoord.status_code == 404
        pagina = tekst(antwoord)
        assert "School niet gevonden" in pagina and "zoek een andere school" in pagina
        assert "GEHEIM CONCEPT" not in pagina


def test_schoolpagina_noemt_het_swv_en_zijn_steunpunt(client):
    lid = SwvLidmaatschapFactory(samenwerkingsverband__naam="Passend Onderwijs Rivierenland")
    gepubliceerd(lid.vestiging)
    VoorzieningFactory(
        samenwerkingsverband=lid.samenwerkingsverband,
        soort=Voorzieningsoort.STEUNPUNT,
        naam="Steunpunt Rivierenland",
        telefoon="0345 000 000",
    )
    VoorzieningFactory(
        samenwerkingsverband=lid.samenwerkingsverband,
        soort=Voorzieningsoort.STEUNPUNT,
        naam="Oud steunpunt",
        actief=False,
    )
    VoorzieningFactory(soort=Voorzieningsoort.STEUNPUNT, naam="Steunpunt elders")
    pagina = tekst(client.get(reverse("gids:school", args=[lid.vestiging.vestigingscode])))
    assert "Passend Onderwijs Rivierenland" in pagina
    assert "Steunpunt Rivierenland" in pagina and 'href="tel:0345000000"' in pagina
    assert "Oud steunpunt" not in pagina and "Steunpunt elders" not in pagina


def test_wachtlijst_toont_de_wachttijd_met_datum_maar_niet_het_aantal(client):
    vestiging = locatie(naam="De Brug", soort=Soort.SBO)
    gepubliceerd(vestiging)
    WachtlijststandFactory(
        vestiging=vestiging,
        peildatum=datetime.date(2026, 3, 1),
        aantal_wachtend=4,
        verwachte_wachttijd_weken=20,
    )
    WachtlijststandFactory(
        vestiging=vestiging,
        peildatum=datetime.date(2026, 10, 1),
        aantal_wachtend=173,
        verwachte_wachttijd_weken=12,
    )
    pagina = tekst(client.get(reverse("gids:school", args=[vestiging.vestigingscode])))
    assert "Er is een wachtlijst." in pagina
    assert "ongeveer 12 weken" in pagina and "1 oktober 2026" in pagina
    assert "173" not in pagina and "20 weken" not in pagina
    assert "Hoeveel kinderen er wachten, staat hier niet" in pagina


def test_wachtlijst_alleen_bij_sbo_so_en_vso(client):
    vestiging = locatie(naam="Gewone basisschool", soort=Soort.BAO)
    gepubliceerd(vestiging)
    pagina = tekst(client.get(reverse("gids:school", args=[vestiging.vestigingscode])))
    assert "Wachtlijst" not in pagina


def test_schoolpagina_linkt_naar_vergelijken_met_scholen_in_de_buurt(client, utrecht):
    code = utrecht[0].vestiging.vestigingscode
    pagina = tekst(client.get(reverse("gids:school", args=[code])))
    assert f"{ZOEKEN}?postcode=3511+AA&v={code}" in pagina


# --- Comparing --------------------------------------------------------------------------------


def vergelijk(client: Client, *codes: str) -> tuple[int, str]:
    antwoord = client.get(reverse("gids:vergelijken"), {"v": list(codes)})
    return antwoord.status_code, tekst(antwoord)


def test_drie_scholen_naast_elkaar_per_gebied(client, utrecht):
    codes = [a.vestiging.vestigingscode for a in utrecht]
    status, pagina = vergelijk(client, *codes)
    assert status == 200
    assert "U vergelijkt 3 scholen" in pagina
    assert pagina.index("De Dom") < pagina.index("Het Anker") < pagina.index("De Linde")
    assert "Lezen, spellen en dyslexie" in pagina and "Remedial teaching" in pagina
    assert 'role="region"' in pagina and 'tabindex="0"' in pagina
    assert "Niet beschreven" in pagina  # De Linde describes no area


def test_vergelijken_zonder_scholen_legt_uit_hoe_het_werkt(client):
    status, pagina = vergelijk(client)
    assert status == 200 and "Zoek eerst scholen bij u in de buurt" in pagina


@pytest.mark.parametrize(
    ("aantal", "melding"),
    [
        (1, "U koos 1 school. Kies ten minste 2 scholen om te vergelijken."),
        (5, "U koos 5 scholen. U kunt ten hoogste 4 scholen tegelijk vergelijken."),
    ],
)
def test_te_weinig_of_te_veel_scholen(client, aantal, melding):
    codes = [gepubliceerd(locatie()).vestiging.vestigingscode for _ in range(aantal)]
    status, pagina = vergelijk(client, *codes)
    assert status == 200 and melding in pagina and "U vergelijkt" not in pagina


def test_dezelfde_school_twee_keer_telt_een_keer(client, utrecht):
    code = utrecht[0].vestiging.vestigingscode
    _, pagina = vergelijk(client, code, code.lower())
    assert "U koos 1 school" in pagina


def test_onbekende_of_niet_gepubliceerde_scholen_worden_genoemd(client, utrecht):
    concept = AanbodFactory(status=Status.CONCEPT)
    codes = [utrecht[0].vestiging.vestigingscode, concept.vestiging.vestigingscode, "XX"]
    status, pagina = vergelijk(client, *codes)
    assert status == 200
    assert f"Van deze scholen vinden we geen aanbod: {concept.vestiging.vestigingscode}, XX" in (
        pagina
    )
    assert "U vergelijkt" not in pagina
