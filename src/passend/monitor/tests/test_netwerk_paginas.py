"""The dekkend netwerk pages: the list, the progress while an analysis runs, the result
with its map, a failed run, the what-if form and the comparison; bounded queries.

Analyses are made with the factory and a result computed by the real optimiser on a small
hand-made instance (``test_kaart.klein_resultaat``), so these tests do not depend on the
case data the job reads."""

import copy
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Resultaat, Toegangsregel
from passend.core.tests.scenario import client_voor
from passend.monitor.models import Analysestatus
from passend.monitor.tests.factories import NetwerkanalyseFactory
from passend.monitor.tests.test_kaart import klein_resultaat
from passend.monitor.views import netwerk as views
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory

pytestmark = pytest.mark.django_db

R = Rolsoort
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def swv():
    return SamenwerkingsverbandFactory()


@pytest.fixture
def directeur(swv):
    return RolFactory(rolsoort=R.DIRECTEUR, samenwerkingsverband=swv)


@pytest.fixture
def klaar(swv, directeur):
    return NetwerkanalyseFactory(
        samenwerkingsverband=swv,
        naam="Huidige situatie oktober",
        gestart_door=directeur.gebruiker,
        resultaat=klein_resultaat(),
    )


def _pagina(client, naam, **kwargs):
    return client.get(reverse(naam, kwargs=kwargs or None))


def test_de_lijst_toont_de_analyses_en_de_knop_alleen_voor_wie_mag_rekenen(swv, directeur, klaar):
    wat_als = NetwerkanalyseFactory(
        samenwerkingsverband=swv,
        naam="Eén school dicht",
        basis=klaar,
        gestart_door=directeur.gebruiker,
        resultaat=klein_resultaat(),
    )
    NetwerkanalyseFactory(naam="Van een ander samenwerkingsverband")
    antwoord = _pagina(client_voor(directeur), "monitor:netwerk")
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Huidige situatie oktober" in html and wat_als.naam in html
    assert "Van een ander samenwerkingsverband" not in html
    assert "Nieuwe analyse van de huidige situatie" in html
    # The board reads the dashboard, not the analyses (demand per postcode area).
    toezicht = RolFactory(rolsoort=R.TOEZICHTHOUDER, samenwerkingsverband=swv)
    assert _pagina(client_voor(toezicht), "monitor:netwerk").status_code == 403


def test_het_resultaat_toont_kerncijfers_tabellen_en_de_kaart(directeur, klaar):
    antwoord = _pagina(client_voor(directeur), "monitor:netwerk-analyse", sleutel=klaar.sleutel)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    r = klaar.resultaat
    assert r["aantal_vraag"] == 4 and r["aantal_niet_geplaatst"] == 1
    assert (
        '<span class="passend-tegel__getal">4</span> leerlingen met een ondersteuningsbehoefte'
        in html
    )
    assert '<span class="passend-tegel__getal">1</span> niet geplaatst' in html
    assert '<span class="passend-tegel__getal">1</span> geplaatst in het speciaal' in html
    assert "plus 10 km extra voor elke plaats in het speciaal" in html
    assert "Dit is bewezen de beste plaatsing" in html
    # Needs not met, with the area's name, per area and per municipality.
    assert "Gedrag en sociaal-emotionele ontwikkeling" in html
    assert "Verweg" in html
    # The locations with places, used and free.
    assert "Het Anker" in html and "vrije plaatsen" in html
    # The map: valid SVG with its text alternative.
    begin = html.index("<svg")
    svg = ET.fromstring(html[begin : html.index("</svg>", begin) + 6])  # noqa: S314  (our own page)
    assert svg.find(f"{SVG}title").text == "Kaart van de analyse Huidige situatie oktober"
    assert "3 locaties" in svg.find(f"{SVG}desc").text
    assert "Wat-als-analyse maken" in html
    assert (
        Toegangsregel.objects.filter(
            route="monitor:netwerk-analyse", resultaat=Resultaat.TOEGESTAAN
        ).count()
        == 1
    )


@pytest.mark.parametrize(
    ("zonder", "zin"),
    [
        (0, None),
        (1, "1 leerling zonder bekende woonplek telt niet mee in deze analyse."),
        (3, "3 leerlingen zonder bekende woonplek tellen niet mee in deze analyse."),
    ],
)
def test_leerlingen_zonder_woonplek_worden_genoemd(swv, directeur, zonder, zin):
    resultaat = klein_resultaat()
    resultaat["zonder_woonplek"] = zonder
    analyse = NetwerkanalyseFactory(
        samenwerkingsverband=swv, gestart_door=directeur.gebruiker, resultaat=resultaat
    )
    html = _pagina(
        client_voor(directeur), "monitor:netwerk-analyse", sleutel=analyse.sleutel
    ).content.decode()
    if zin is None:
        assert "zonder bekende woonplek" not in html
    else:
        assert zin in html


def test_leerlingen_zonder_gemeente_staan_onder_gemeente_onbekend(swv, directeur):
    resultaat = klein_resultaat()
    resultaat["per_regio"].append({"regio": "", "vraag": 2, "geplaatst": 1, "niet_geplaatst": 1})
    resultaat["niet_geplaatst"].append(
        {"regio": "", "gebied": "gedrag", "niveau": "extra", "aantal": 1}
    )
    analyse = NetwerkanalyseFactory(
        samenwerkingsverband=swv, gestart_door=directeur.gebruiker, resultaat=resultaat
    )
    html = _pagina(
        client_voor(directeur), "monitor:netwerk-analyse", sleutel=analyse.sleutel
    ).content.decode()
    kop = '<th class="utrecht-table__header-cell" scope="row">Gemeente onbekend</th>'
    assert html.count(kop) == 2  # per municipality and who got no place
    assert 'scope="row"></th>' not in html


def test_de_keuzes_van_een_wat_als_zijn_die_van_de_eigen_sector():
    from passend.accounts.actor import Actor
    from passend.organisaties.rules import Sector

    for sector, soorten, niveaus in (
        (Sector.PO, {"bao", "sbo", "so", "so_vso"}, {"extra", "sbo", "so"}),
        (Sector.VO, {"vo", "vso", "so_vso", "pro"}, {"extra", "vso", "pro"}),
    ):
        rol = RolFactory(
            rolsoort=R.DIRECTEUR, samenwerkingsverband=SamenwerkingsverbandFactory(sector=sector)
        )
        keuzes = views.keuzes_voor_wat_als(actor=Actor(gebruiker=rol.gebruiker, rol=rol))
        assert {waarde for waarde, _label in keuzes["soorten"]} == soorten
        assert {waarde for waarde, _label in keuzes["niveaus"]} == niveaus


def test_locaties_sorteren_en_bladeren(directeur, swv):
    resultaat = klein_resultaat()
    resultaat["locaties"] = [
        {
            "id": f"L{i:02d}",
            "vestigingscode": f"L{i:02d}",
            "naam": f"School {i:02d}",
            "soort": "bao",
            "breedtegraad": 52.0 + i / 100,
            "lengtegraad": 5.0,
            "capaciteit": 10,
            "gebruikt": i % 10,
            "vrij": 10 - i % 10,
            "plaatsen": [],
        }
        for i in range(30)
    ]
    analyse = NetwerkanalyseFactory(
        samenwerkingsverband=swv, gestart_door=directeur.gebruiker, resultaat=resultaat
    )
    client = client_voor(directeur)
    url = reverse("monitor:netwerk-analyse", kwargs={"sleutel": analyse.sleutel})
    antwoord = client.get(url)
    namen = [r["naam"] for r in antwoord.context["locaties"]]
    assert namen == [f"School {i:02d}" for i in range(25)]  # 25 a page, by name
    assert "pagina 1 van 2, 30 locaties" in antwoord.content.decode()
    antwoord = client.get(url, {"sorteer": "vol"})
    # Fullest first: the ones with 9 of 10 used (School 09, 19, 29).
    namen = [r["naam"] for r in antwoord.context["locaties"]]
    assert namen[:3] == ["School 09", "School 19", "School 29"]
    html = client.get(url, {"sorteer": "vrij", "pagina": 2}).content.decode()
    assert "pagina 2 van 2" in html


def test_terwijl_de_analyse_loopt_een_voortgangsbalk_die_zich_ververst(swv, directeur):
    bezig = NetwerkanalyseFactory(
        samenwerkingsverband=swv,
        gestart_door=directeur.gebruiker,
        status=Analysestatus.BEZIG,
        voortgang=40,
        voortgang_tekst="Plaatsen berekenen",
        resultaat=None,
    )
    client = client_voor(directeur)
    html = _pagina(client, "monitor:netwerk-analyse", sleutel=bezig.sleutel).content.decode()
    assert 'aria-live="polite"' in html
    assert (
        f'hx-get="{reverse("monitor:netwerk-voortgang", kwargs={"sleutel": bezig.sleutel})}"'
        in html
    )
    assert '<progress id="voortgang-balk" max="100" value="40">' in html
    assert "<noscript>" in html and "Vernieuwen" in html
    fragment = _pagina(client, "monitor:netwerk-voortgang", sleutel=bezig.sleutel)
    assert fragment.status_code == 200
    assert "HX-Refresh" not in fragment
    assert "<html" not in fragment.content.decode()
    assert "40% klaar: Plaatsen berekenen" in fragment.content.decode()
    bezig.status, bezig.resultaat, bezig.voortgang = Analysestatus.KLAAR, klein_resultaat(), 100
    bezig.save()
    fragment = _pagina(client, "monitor:netwerk-voortgang", sleutel=bezig.sleutel)
    assert fragment["HX-Refresh"] == "true"


def test_een_mislukte_analyse_toont_de_fout_en_opnieuw_proberen(swv, directeur, monkeypatch):
    mislukt = NetwerkanalyseFactory(
        samenwerkingsverband=swv,
        gestart_door=directeur.gebruiker,
        status=Analysestatus.MISLUKT,
        fout="Er ging iets mis bij het berekenen.",
        resultaat=None,
        naam="Mislukte run",
    )
    client = client_voor(directeur)
    html = _pagina(client, "monitor:netwerk-analyse", sleutel=mislukt.sleutel).content.decode()
    assert "De analyse is mislukt. Er ging iets mis bij het berekenen." in html
    assert "Opnieuw proberen" in html
    opr = RolFactory(rolsoort=R.OPR_LID, samenwerkingsverband=swv)
    assert (
        _pagina(client_voor(opr), "monitor:netwerk-analyse", sleutel=mislukt.sleutel).status_code
        == 403
    )

    gestart = {}

    def nep_starten(**kwargs):
        gestart.update(kwargs)
        return NetwerkanalyseFactory(
            samenwerkingsverband=swv, gestart_door=directeur.gebruiker, naam=kwargs["naam"]
        )

    monkeypatch.setattr(views, "analyse_starten", nep_starten)
    antwoord = client.post(reverse("monitor:netwerk-opnieuw", kwargs={"sleutel": mislukt.sleutel}))
    assert antwoord.status_code == 302
    assert (
        gestart["naam"] == "Mislukte run"
        and gestart["basis"] is None
        and gestart["wijzigingen"] == []
    )


def test_starten_met_een_lege_naam_geeft_een_melding(directeur):
    client = client_voor(directeur)
    html = _pagina(client, "monitor:netwerk-starten").content.decode()
    assert 'value="Huidige situatie ' in html
    antwoord = client.post(reverse("monitor:netwerk-starten"), {"naam": ""})
    assert antwoord.status_code == 200
    assert "Geef de analyse een naam." in antwoord.content.decode()


def _wat_als_gegevens(**wijziging):
    gegevens = {
        "analyse-naam": "Meer plaatsen",
        "wijziging-TOTAL_FORMS": "5",
        "wijziging-INITIAL_FORMS": "0",
        "wijziging-MIN_NUM_FORMS": "0",
        "wijziging-MAX_NUM_FORMS": "5",
    }
    gegevens.update({f"wijziging-0-{k}": v for k, v in wijziging.items()})
    return gegevens


def _keuzes(monkeypatch):
    monkeypatch.setattr(
        views,
        "keuzes_voor_wat_als",
        lambda *, actor: {
            "vestigingen": [
                ("L1", "De Linde (Basisonderwijs)"),
                ("L2", "Het Anker (Basisonderwijs)"),
            ],
            "gebieden": [("gedrag", "Gedrag")],
            "niveaus": [("extra", "Extra ondersteuning"), ("sbo", "Sbo")],
            "soorten": [("bao", "Basisonderwijs"), ("sbo", "Speciaal basisonderwijs")],
        },
    )


def test_wat_als_fouten_per_veld_en_wat_getypt_is_blijft(directeur, klaar, monkeypatch):
    _keuzes(monkeypatch)
    client = client_voor(directeur)
    url = reverse("monitor:netwerk-wat-als", kwargs={"sleutel": klaar.sleutel})
    html = client.get(url).content.decode()
    assert 'value="Wat als: Huidige situatie oktober"' in html
    assert html.count("Wijziging ") >= 5
    # A capacity change without a location and with a negative number.
    antwoord = client.post(
        url, _wat_als_gegevens(soort="capaciteit", niveau="extra", gebied="gedrag", capaciteit="-3")
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Niet alles is goed ingevuld" in html
    assert "Kies de vestiging." in html
    assert "Het aantal plaatsen kan niet kleiner zijn dan 0." in html
    assert 'value="-3"' in html and 'value="Meer plaatsen"' in html
    # Nothing filled in.
    html = client.post(url, _wat_als_gegevens()).content.decode()
    assert "Vul minstens één wijziging in." in html
    # A new location without its name.
    html = client.post(
        url,
        _wat_als_gegevens(
            soort="openen",
            locatiesoort="bao",
            bij_vestiging="L1",
            niveau="extra",
            gebied="gedrag",
            capaciteit="0",
        ),
    ).content.decode()
    assert "Vul de naam van de nieuwe locatie in." in html and "Geef meer dan 0 plaatsen." in html


def test_wat_als_foutmeldingen_van_de_service_komen_bij_de_juiste_wijziging(
    directeur, klaar, monkeypatch
):
    _keuzes(monkeypatch)

    def weigeren(**kwargs):
        assert kwargs["basis"] == klaar
        assert kwargs["wijzigingen"] == [
            {"soort": "sluiten", "vestiging": "L2"},
            {
                "soort": "capaciteit",
                "vestiging": "L1",
                "niveau": "extra",
                "gebied": "gedrag",
                "capaciteit": 7,
            },
        ]
        raise ValidationError(
            {"wijzigingen": ["Wijziging 2: deze vestiging biedt dit gebied niet aan."]}
        )

    monkeypatch.setattr(views, "analyse_starten", weigeren)
    gegevens = _wat_als_gegevens(soort="sluiten", vestiging="L2")
    # The second filled-in change is in the third form (the second is empty).
    gegevens.update(
        {
            "wijziging-2-soort": "capaciteit",
            "wijziging-2-vestiging": "L1",
            "wijziging-2-niveau": "extra",
            "wijziging-2-gebied": "gedrag",
            "wijziging-2-capaciteit": "7",
        }
    )
    antwoord = client_voor(directeur).post(
        reverse("monitor:netwerk-wat-als", kwargs={"sleutel": klaar.sleutel}), gegevens
    )
    assert antwoord.status_code == 200
    formset = antwoord.context["formset"]
    assert formset.forms[2].non_field_errors() == [
        "Wijziging 2: deze vestiging biedt dit gebied niet aan."
    ]
    assert not formset.forms[0].errors
    assert 'value="7"' in antwoord.content.decode()


def test_de_vergelijking_naast_het_uitgangspunt(swv, directeur, klaar):
    nieuw = copy.deepcopy(klaar.resultaat)
    nieuw.update(
        aantal_geplaatst=4, aantal_niet_geplaatst=0, regulier_geplaatst=3, doelwaarde_km=12.5
    )
    nieuw["per_gebied"] = [{**r, "niet_geplaatst": 0} for r in nieuw["per_gebied"]]
    wat_als = NetwerkanalyseFactory(
        samenwerkingsverband=swv,
        naam="Meer plaatsen bij De Linde",
        basis=klaar,
        gestart_door=directeur.gebruiker,
        resultaat=nieuw,
        wijzigingen=[
            {
                "soort": "capaciteit",
                "vestiging": "L1",
                "niveau": "extra",
                "gebied": "gedrag",
                "capaciteit": 5,
            },
            {"soort": "sluiten", "vestiging": "L3"},
            {
                "soort": "openen",
                "naam": "Nieuwe school",
                "soort_locatie": "bao",
                "bij_vestiging": "L2",
                "plaatsen": [{"niveau": "extra", "gebied": "gedrag", "capaciteit": 4}],
            },
        ],
    )
    antwoord = _pagina(client_voor(directeur), "monitor:netwerk-analyse", sleutel=wat_als.sleutel)
    html = antwoord.content.decode()
    assert "Vergelijking met Huidige situatie oktober" in html
    assert (
        "De Linde (L1): het aantal plaatsen voor Extra ondersteuning op een reguliere school, "
        "Gedrag en sociaal-emotionele ontwikkeling wordt 5." in html
    )
    assert "De Brug (L3) gaat dicht." in html
    assert "Nieuwe locatie Nieuwe school (Basisonderwijs) op het adres van Het Anker (L2)" in html
    rijen = {r["label"]: r for r in antwoord.context["vergelijking"]["kerncijfers"]}
    assert rijen["Leerlingen geplaatst"] == {
        "label": "Leerlingen geplaatst",
        "basis": "3",
        "nieuw": "4",
        "verschil": "+1",
    }
    assert rijen["Leerlingen niet geplaatst"]["verschil"] == "−1"
    gebied = antwoord.context["vergelijking"]["per_gebied"][0]
    assert gebied["basis"] == "1" and gebied["nieuw"] == "0"
    assert 'id="vergelijking-titel"' in html  # the bar chart


@pytest.mark.parametrize("aantal", [3, 60])
def test_de_lijst_en_het_resultaat_hebben_een_vast_aantal_queries(
    aantal, swv, directeur, django_assert_max_num_queries
):
    for i in range(aantal):
        NetwerkanalyseFactory(
            samenwerkingsverband=swv, naam=f"Analyse {i}", gestart_door=directeur.gebruiker
        )
    resultaat = klein_resultaat()
    resultaat["locaties"] = resultaat["locaties"] * aantal
    analyse = NetwerkanalyseFactory(
        samenwerkingsverband=swv, gestart_door=directeur.gebruiker, resultaat=resultaat
    )
    client = client_voor(directeur)
    with django_assert_max_num_queries(14):
        assert _pagina(client, "monitor:netwerk").status_code == 200
    with django_assert_max_num_queries(14):
        assert (
            _pagina(client, "monitor:netwerk-analyse", sleutel=analyse.sleutel).status_code == 200
        )
