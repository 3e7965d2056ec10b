"""The guide's plain-language pages and 'Hulp in de regio': the public sociale kaart
(active entries, filtered by municipality, area and kind), the steunpunten and the
onderwijsconsulenten."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from passend.aanbod.models import Voorzieningsoort
from passend.aanbod.selectors.catalogus import (
    gemeenten_op_de_sociale_kaart,
    openbare_voorzieningen,
)
from passend.aanbod.tests.factories import VoorzieningFactory, gebied
from passend.organisaties.tests.factories import GemeenteFactory, SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db
HULP = reverse("gids:hulp")


def tekst(antwoord) -> str:
    return html.unescape(antwoord.content.decode())


@pytest.fixture
def kaart():
    """An SWV for Houten and Vianen, with entries for its whole area, for one
    municipality, for one area, a steunpunt and an inactive entry; and another SWV."""
    houten, vianen, elders = (GemeenteFactory(naam=n) for n in ("Houten", "Vianen", "Elders"))
    swv = SamenwerkingsverbandFactory(naam="SWV Lek en IJssel")
    swv.werkgebied.set([houten, vianen])
    heel = VoorzieningFactory(samenwerkingsverband=swv, naam="Jeugdhulp overal")
    alleen_vianen = VoorzieningFactory(
        samenwerkingsverband=swv, naam="Wijkteam Vianen", soort=Voorzieningsoort.WIJKTEAM
    )
    alleen_vianen.gemeenten.set([vianen])
    dyslexie = VoorzieningFactory(
        samenwerkingsverband=swv, naam="Dyslexiezorg", soort=Voorzieningsoort.ZORG
    )
    dyslexie.gebieden.set([gebied("lezen-spellen-dyslexie")])
    steunpunt = VoorzieningFactory(
        samenwerkingsverband=swv,
        naam="Ouder- en jeugdsteunpunt Lek",
        soort=Voorzieningsoort.STEUNPUNT,
        email="steunpunt@example.org",
    )
    VoorzieningFactory(samenwerkingsverband=swv, naam="Gestopt", actief=False)
    ander = SamenwerkingsverbandFactory(naam="SWV Elders")
    ander.werkgebied.set([elders])
    elders_hulp = VoorzieningFactory(samenwerkingsverband=ander, naam="Hulp elders")
    return {
        "houten": houten,
        "vianen": vianen,
        "elders": elders,
        "heel": heel,
        "vianen_hulp": alleen_vianen,
        "dyslexie": dyslexie,
        "steunpunt": steunpunt,
        "elders_hulp": elders_hulp,
    }


def namen(voorzieningen) -> set[str]:
    return {v.naam for v in voorzieningen}


def test_openbare_voorzieningen_alleen_actief(kaart):
    assert "Gestopt" not in namen(openbare_voorzieningen())


def test_filter_op_gemeente_kijkt_naar_gemeenten_en_het_werkgebied(kaart):
    assert namen(openbare_voorzieningen(gemeente=kaart["houten"])) == {
        "Jeugdhulp overal",
        "Dyslexiezorg",
        "Ouder- en jeugdsteunpunt Lek",
    }
    assert "Wijkteam Vianen" in namen(openbare_voorzieningen(gemeente=kaart["vianen"]))
    assert namen(openbare_voorzieningen(gemeente=kaart["elders"])) == {"Hulp elders"}


def test_filter_op_gebied_en_soort(kaart):
    lezen = gebied("lezen-spellen-dyslexie")
    assert namen(openbare_voorzieningen(gebied=lezen)) == {"Dyslexiezorg"}
    assert namen(openbare_voorzieningen(soort=Voorzieningsoort.WIJKTEAM)) == {"Wijkteam Vianen"}
    assert "Ouder- en jeugdsteunpunt Lek" not in namen(
        openbare_voorzieningen(zonder_soort=Voorzieningsoort.STEUNPUNT)
    )


def test_gemeenten_om_op_te_filteren(kaart):
    GemeenteFactory(naam="Zonder hulp")
    assert [g.naam for g in gemeenten_op_de_sociale_kaart()] == ["Elders", "Houten", "Vianen"]


def test_hulp_pagina_toont_steunpunt_kaart_en_onderwijsconsulenten(client: Client, kaart):
    antwoord = client.get(HULP)
    pagina = tekst(antwoord)
    assert antwoord.status_code == 200
    steunpunten, rest = pagina.split('id="kaart-kop"', 1)
    assert "Ouder- en jeugdsteunpunt Lek" in steunpunten
    assert 'href="mailto:steunpunt@example.org"' in steunpunten
    assert "Ouder- en jeugdsteunpunt Lek" not in rest
    assert "Jeugdhulp overal" in rest and "Hulp elders" in rest and "Gestopt" not in rest
    assert "https://www.onderwijsconsulenten.nl" in pagina


def test_hulp_pagina_filtert(client: Client, kaart):
    pagina = tekst(client.get(HULP, {"gemeente": kaart["vianen"].pk, "soort": "wijkteam"}))
    rest = pagina.split('id="kaart-kop"', 1)[1]
    assert "Wijkteam Vianen" in rest and "Jeugdhulp overal" not in rest
    assert "1 organisatie voor uw keuze" in rest
    pagina = tekst(client.get(HULP, {"gebied": "lezen-spellen-dyslexie"}))
    assert "Dyslexiezorg" in pagina and "Jeugdhulp overal" not in pagina


def test_hulp_pagina_meldt_een_foute_keuze(client: Client, kaart):
    antwoord = client.get(HULP, {"gemeente": "999999", "soort": "toveren"})
    pagina = tekst(antwoord)
    assert antwoord.status_code == 200
    assert "Niet alles is goed ingevuld" in pagina
    for veld in ("gemeente", "soort"):
        fout = pagina.split(f'id="id_{veld}-fout"', 1)[1].split("</div>", 1)[0]
        assert "Kies uit de lijst." in fout


def test_hulp_pagina_zonder_uitkomst(client: Client, kaart):
    pagina = tekst(client.get(HULP, {"gemeente": kaart["elders"].pk, "soort": "zorg"}))
    assert "We vonden voor deze keuze geen organisaties" in pagina


def test_hulp_pagina_bladert(client: Client):
    swv = SamenwerkingsverbandFactory()
    for i in range(30):
        VoorzieningFactory(samenwerkingsverband=swv, naam=f"Hulp {i:02d}")
    pagina = tekst(client.get(HULP, {"soort": "jeugdhulp"}))
    assert "Hulp 24" in pagina and "Hulp 25" not in pagina
    assert "Pagina 1 van 2" in pagina and "?soort=jeugdhulp&amp;pagina=2" in (
        client.get(HULP, {"soort": "jeugdhulp"}).content.decode()
    )
    assert "Hulp 29" in tekst(client.get(HULP, {"soort": "jeugdhulp", "pagina": "2"}))


@pytest.mark.parametrize(
    ("route", "feiten"),
    [
        ("gids:zorgplicht", ["6 weken", "4 weken", "10 weken", "tijdelijke plaats", "vol"]),
        ("gids:opp", ["instemmen", "handelingsdeel", "6 weken", "één keer per jaar"]),
        ("gids:tlv", ["binnen 6 weken", "minstens 2 deskundigen", "orthopedagoog", "rechter"]),
        ("gids:onenigheid", ["Praat met de school", "onderwijsconsulent", "binnen 6 weken"]),
    ],
)
def test_uitlegpaginas_in_gewone_taal(client: Client, route, feiten):
    antwoord = client.get(reverse(route))
    pagina = tekst(antwoord)
    assert antwoord.status_code == 200
    for feit in feiten:
        assert feit in pagina, feit


def test_route_bij_onenigheid_volgt_de_stappen(client: Client):
    pagina = tekst(client.get(reverse("gids:onenigheid")))
    stappen = [
        "Praat met de school",
        "Praat met het schoolbestuur",
        "Overleg met het samenwerkingsverband",
        "Vraag het steunpunt of een onderwijsconsulent",
        "Leg het voor aan de geschillencommissie",
        "Ga naar de rechter",
    ]
    posities = [pagina.index(stap) for stap in stappen]
    assert posities == sorted(posities)


def test_gidspaginas_weigeren_post(client: Client):
    for route in ("gids:zoeken", "gids:vergelijken", "gids:hulp", "gids:opp"):
        assert client.post(reverse(route)).status_code == 405
