"""The offer API: the public read shows published offers only; the school opens, replaces
(with its revisie: a stale one is a 409) and publishes its concept through the services;
bad input is a 400 per field; another school's location is a 404."""

import pytest
from django.test import Client
from django.utils import timezone

from passend.aanbod.models import Aanbod
from passend.aanbod.rules import MAXIMALE_TEKSTLENGTE, Status, schooljaren_om_te_beschrijven
from passend.aanbod.tests.factories import AanbodFactory, GebiedsaanbodFactory, gebied
from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.accounts.tests.factories import RolFactory
from passend.core.tests.scenario import client_voor
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)

pytestmark = pytest.mark.django_db
R = Rolsoort
LIJST = "/api/v1/aanbod/"


def jaar() -> str:
    return schooljaren_om_te_beschrijven(timezone.localdate())[0]


def token_client(rolsoort: str, **organisatie) -> Client:
    rol = RolFactory(rolsoort=rolsoort, **organisatie)
    _, token = koppeling_aanmaken(naam="Leerlingadministratie", rol=rol)
    return Client(HTTP_AUTHORIZATION=f"Token {token}")


def concept_url(vestiging, schooljaar: str | None = None) -> str:
    return f"/api/v1/aanbod/{vestiging.vestigingscode}/concept/{schooljaar or jaar()}/"


def volledig(revisie: int, capaciteit: int | None = None, **extra) -> dict:
    """A whole concept; ``capaciteit`` (medisch) only for an sbo, so or vso location."""
    return {
        "revisie": revisie,
        "toelichting": "Wij kijken naar elk kind.",
        "contact": "De intern begeleider",
        "gebieden": [
            {"gebied": code, "basisondersteuning": f"Basis {code}"}
            for code in ("lezen-spellen-dyslexie", "hoogbegaafdheid", "leergedrag")
        ]
        + [
            {
                "gebied": "medisch",
                "expertise": "Verpleegkundige",
                "faciliteiten": ["medische_ruimte", "lift"],
                "capaciteit": capaciteit,
            }
        ],
        **extra,
    }


# --- Public read -------------------------------------------------------------------------------


def test_openbaar_toont_alleen_gepubliceerd_aanbod():
    gepubliceerd = AanbodFactory(gepubliceerd=True, toelichting="Openbaar")
    AanbodFactory(vestiging=gepubliceerd.vestiging, versie=2, toelichting="Geheim concept")
    AanbodFactory(toelichting="Alleen een concept")
    antwoord = Client().get(LIJST)
    assert antwoord.status_code == 200
    gegevens = antwoord.json()
    assert gegevens["count"] == 1
    (item,) = gegevens["results"]
    assert item["toelichting"] == "Openbaar"
    assert item["vestiging"]["vestigingscode"] == gepubliceerd.vestiging.vestigingscode
    assert [g["gebied"] for g in item["gebieden"]] == [
        "lezen-spellen-dyslexie",
        "hoogbegaafdheid",
        "leergedrag",
    ]
    assert "Geheim concept" not in antwoord.content.decode()
    assert "revisie" not in item and "status" not in item


def test_openbaar_detail_per_vestigingscode():
    gepubliceerd = AanbodFactory(gepubliceerd=True)
    alleen_concept = AanbodFactory()
    code = gepubliceerd.vestiging.vestigingscode
    assert Client().get(f"{LIJST}{code.lower()}/").json()["schooljaar"] == gepubliceerd.schooljaar
    antwoord = Client().get(f"{LIJST}{alleen_concept.vestiging.vestigingscode}/")
    assert antwoord.status_code == 404
    assert antwoord.json()["code"] == "not_found"
    assert Client().get(f"{LIJST}onzin/").status_code == 404


def test_filters():
    tiel = GemeenteFactory(naam="Tiel", code="0281")
    swv = SamenwerkingsverbandFactory(code="PO2901")
    in_tiel = AanbodFactory(
        gepubliceerd=True, vestiging=VestigingFactory(gemeente=tiel, soort="sbo")
    )
    SwvLidmaatschapFactory(vestiging=in_tiel.vestiging, samenwerkingsverband=swv)
    elders = AanbodFactory(gepubliceerd=True, normgebieden=False)
    GebiedsaanbodFactory(aanbod=elders, gebied=gebied("medisch"))

    def codes(**params) -> list[str]:
        antwoord = Client().get(LIJST, params)
        assert antwoord.status_code == 200, antwoord.content
        return [item["vestiging"]["vestigingscode"] for item in antwoord.json()["results"]]

    assert codes(gemeente="tiel") == codes(gemeente="0281") == [in_tiel.vestiging.vestigingscode]
    assert codes(soort="sbo") == [in_tiel.vestiging.vestigingscode]
    assert codes(gebied="medisch") == [elders.vestiging.vestigingscode]
    assert codes(swv="po 29-01") == [in_tiel.vestiging.vestigingscode]
    assert codes(swv="PO2902") == []
    assert len(codes()) == 2


@pytest.mark.parametrize(
    ("params", "veld"),
    [
        ({"soort": "universiteit"}, "soort"),
        ({"gebied": "onbekend"}, "gebied"),
        ({"swv": "XX"}, "swv"),
        ({"plaats": "Tiel"}, "plaats"),
        ({"gemeente": ""}, "gemeente"),
        ({"limit": "0"}, "limit"),
    ],
)
def test_verkeerde_filters_geven_400_per_veld(params, veld):
    antwoord = Client().get(LIJST, params)
    assert antwoord.status_code == 400
    gegevens = antwoord.json()
    assert gegevens["code"] == "ongeldig"
    assert list(gegevens["velden"]) == [veld]


def test_ondersteuningsgebieden_openbaar():
    antwoord = Client().get("/api/v1/ondersteuningsgebieden/")
    assert antwoord.status_code == 200
    gebieden = antwoord.json()
    assert len(gebieden) == 9
    assert gebieden[0] == {
        "code": "lezen-spellen-dyslexie",
        "naam": "Lezen, spellen en dyslexie",
        "uitleg": "Hulp bij leren lezen en spellen, ook als uw kind dyslexie heeft.",
        "landelijke_norm": True,
    }


# --- The school writes ----------------------------------------------------------------------


def test_de_school_opent_vervangt_en_publiceert_haar_concept():
    vestiging = VestigingFactory(soort="sbo")
    oud = AanbodFactory(vestiging=vestiging, schooljaar=jaar(), gepubliceerd=True)
    ib = token_client(R.INTERN_BEGELEIDER, school=vestiging.school)
    url = concept_url(vestiging)
    assert ib.get(url).json()["code"] == "geen_concept"

    geopend = ib.post(url, {}, content_type="application/json")
    assert geopend.status_code == 201
    concept = geopend.json()
    assert (concept["status"], concept["versie"], concept["revisie"]) == ("concept", 2, 1)
    assert len(concept["gebieden"]) == 3  # a copy of the published version
    assert ib.post(url, content_type="application/json").status_code == 200

    vervangen = ib.put(url, volledig(revisie=1, capaciteit=4), content_type="application/json")
    assert vervangen.status_code == 200, vervangen.content
    inhoud = vervangen.json()
    assert inhoud["revisie"] == 2
    medisch = next(g for g in inhoud["gebieden"] if g["gebied"] == "medisch")
    assert medisch["faciliteiten"] == ["medische_ruimte", "lift"]
    assert medisch["capaciteit"] == 4

    # The intern begeleider does not publish; the schoolleider does.
    assert (
        ib.post(f"{url}publiceren/", {"revisie": 2}, content_type="application/json").status_code
        == 403
    )
    schoolleider = token_client(R.SCHOOLLEIDER, school=vestiging.school)
    gepubliceerd = schoolleider.post(
        f"{url}publiceren/", {"revisie": 2}, content_type="application/json"
    )
    assert gepubliceerd.status_code == 200
    assert gepubliceerd.json()["status"] == "gepubliceerd"
    oud.refresh_from_db()
    assert oud.status == Status.VERVANGEN
    openbaar = Client().get(f"{LIJST}{vestiging.vestigingscode}/").json()
    assert openbaar["toelichting"] == "Wij kijken naar elk kind."
    assert len(openbaar["gebieden"]) == 4


def test_een_verouderde_revisie_geeft_409_en_overschrijft_niets():
    concept = AanbodFactory(schooljaar=jaar())
    ib = token_client(R.INTERN_BEGELEIDER, school=concept.vestiging.school)
    url = concept_url(concept.vestiging)
    assert ib.put(url, volledig(revisie=1), content_type="application/json").status_code == 200
    antwoord = ib.put(
        url, volledig(revisie=1, toelichting="Oud formulier"), content_type="application/json"
    )
    assert antwoord.status_code == 409
    gegevens = antwoord.json()
    assert gegevens["code"] == "revisie"
    assert gegevens["revisie"] == 2
    assert "intussen gewijzigd" in gegevens["detail"]
    concept.refresh_from_db()
    assert concept.toelichting == "Wij kijken naar elk kind."
    publiceren = token_client(R.SCHOOLLEIDER, school=concept.vestiging.school).post(
        f"{url}publiceren/", {"revisie": 1}, content_type="application/json"
    )
    assert publiceren.status_code == 409
    assert publiceren.json()["code"] == "revisie"


@pytest.mark.parametrize(
    ("body", "velden"),
    [
        ({**volledig(1), "kleur": "rood"}, {"kleur": ["Dit veld bestaat niet."]}),
        ({"gebieden": []}, {"revisie": ["Dit veld is vereist."]}),
        ({**volledig(1), "revisie": "1"}, {"revisie": ["Geef een heel getal (een JSON-getal)."]}),
        (
            {**volledig(1), "toelichting": 12},
            {"toelichting": ["Geef een tekst (een JSON-string)."]},
        ),
    ],
)
def test_onbekende_velden_en_verkeerde_waarden_geven_400(body, velden):
    concept = AanbodFactory(schooljaar=jaar())
    ib = token_client(R.INTERN_BEGELEIDER, school=concept.vestiging.school)
    antwoord = ib.put(concept_url(concept.vestiging), body, content_type="application/json")
    assert antwoord.status_code == 400
    assert antwoord.json() == {"code": "ongeldig", "velden": velden}
    concept.refresh_from_db()
    assert concept.revisie == 1


def test_fouten_in_een_gebied_worden_per_gebied_genoemd():
    concept = AanbodFactory(schooljaar=jaar())
    ib = token_client(R.INTERN_BEGELEIDER, school=concept.vestiging.school)
    body = volledig(1)
    body["gebieden"][0]["faciliteiten"] = ["zwembad"]
    body["gebieden"][1]["capaciteit"] = -1
    body["gebieden"][2]["opmerking"] = "x"
    body["gebieden"][3]["gebied"] = "onbekend"
    antwoord = ib.put(concept_url(concept.vestiging), body, content_type="application/json")
    assert antwoord.status_code == 400
    fouten = antwoord.json()["velden"]["gebieden"]
    assert "faciliteiten" in fouten["0"]
    assert "capaciteit" in fouten["1"]
    assert fouten["2"] == {"opmerking": ["Dit veld bestaat niet."]}
    assert "Onbekend gebied 'onbekend'" in fouten["3"]["gebied"][0]


def test_dubbel_gebied_en_ontbrekende_normgebieden():
    concept = AanbodFactory(schooljaar=jaar(), normgebieden=False)
    vestiging = concept.vestiging
    schoolleider = token_client(R.SCHOOLLEIDER, school=vestiging.school)
    url = concept_url(vestiging)
    body = volledig(1)
    body["gebieden"].append({"gebied": "medisch", "expertise": "Nogmaals"})
    antwoord = schoolleider.put(url, body, content_type="application/json")
    assert antwoord.status_code == 400
    assert antwoord.json()["velden"] == {"gebieden": ["Elk gebied mag maar één keer voorkomen."]}
    body = volledig(1)
    body["gebieden"] = body["gebieden"][2:]
    assert schoolleider.put(url, body, content_type="application/json").status_code == 200
    antwoord = schoolleider.post(
        f"{url}publiceren/", {"revisie": 2}, content_type="application/json"
    )
    assert antwoord.status_code == 400
    assert antwoord.json()["velden"]["gebieden"][0].startswith(
        "Beschrijf eerst de basisondersteuning voor: Lezen, spellen en dyslexie"
    )
    assert not Aanbod.objects.filter(status=Status.GEPUBLICEERD).exists()


def test_plaatsen_bij_een_basisschool_geven_400_en_niets_wordt_opgeslagen():
    concept = AanbodFactory(schooljaar=jaar())
    ib = token_client(R.INTERN_BEGELEIDER, school=concept.vestiging.school)
    antwoord = ib.put(
        concept_url(concept.vestiging), volledig(1, capaciteit=4), content_type="application/json"
    )
    assert antwoord.status_code == 400
    assert antwoord.json() == {
        "code": "ongeldig",
        "velden": {
            "capaciteit_medisch": [
                "Alleen sbo, so en vso geven een aantal plaatsen op. Laat het aantal plaatsen "
                "leeg voor deze vestiging."
            ]
        },
    }
    concept.refresh_from_db()
    assert concept.revisie == 1 and not concept.gebieden.filter(gebied__code="medisch").exists()


def test_de_api_heeft_dezelfde_tekstgrens_als_het_formulier():
    concept = AanbodFactory(schooljaar=jaar())
    ib = token_client(R.INTERN_BEGELEIDER, school=concept.vestiging.school)
    url = concept_url(concept.vestiging)
    body = volledig(1)
    body["gebieden"][0]["basisondersteuning"] = "x" * (MAXIMALE_TEKSTLENGTE + 1)
    antwoord = ib.put(url, body, content_type="application/json")
    assert antwoord.status_code == 400
    assert "basisondersteuning" in antwoord.json()["velden"]["gebieden"]["0"]
    body["gebieden"][0]["basisondersteuning"] = "x" * MAXIMALE_TEKSTLENGTE
    assert ib.put(url, body, content_type="application/json").status_code == 200


def test_een_andere_school_ziet_het_concept_niet():
    concept = AanbodFactory(schooljaar=jaar())
    andere = token_client(R.SCHOOLLEIDER, school=VestigingFactory().school)
    url = concept_url(concept.vestiging)
    assert andere.get(url).status_code == 404
    assert andere.post(url, {}, content_type="application/json").status_code == 404
    assert andere.put(url, volledig(1), content_type="application/json").status_code == 404
    assert (
        andere.post(
            f"{url}publiceren/", {"revisie": 1}, content_type="application/json"
        ).status_code
        == 404
    )
    concept.refresh_from_db()
    assert concept.revisie == 1


@pytest.mark.parametrize("rolsoort", [R.LERAAR, R.DESKUNDIGE, R.OUDER])
def test_rollen_zonder_aanbod_krijgen_403(rolsoort):
    concept = AanbodFactory(schooljaar=jaar())
    organisatie = {"school": concept.vestiging.school} if rolsoort == R.LERAAR else {}
    if rolsoort == R.DESKUNDIGE:
        organisatie = {"samenwerkingsverband": SamenwerkingsverbandFactory()}
    client = client_voor(RolFactory(rolsoort=rolsoort, **organisatie))
    assert client.get(concept_url(concept.vestiging)).status_code == 403


def test_de_bestuurder_leest_maar_schrijft_niet():
    concept = AanbodFactory(schooljaar=jaar())
    bestuurder = token_client(R.BESTUURDER, schoolbestuur=concept.vestiging.school.bestuur)
    url = concept_url(concept.vestiging)
    assert bestuurder.get(url).status_code == 200
    assert bestuurder.put(url, volledig(1), content_type="application/json").status_code == 403


def test_het_swv_schrijft_voor_een_vestiging_in_zijn_regio():
    lid = SwvLidmaatschapFactory()
    client = client_voor(
        RolFactory(rolsoort=R.DIRECTEUR, samenwerkingsverband=lid.samenwerkingsverband)
    )
    url = concept_url(lid.vestiging)
    assert client.post(url, {}, content_type="application/json").status_code == 201
    assert client.put(url, volledig(1), content_type="application/json").status_code == 200
    assert (
        client.post(
            f"{url}publiceren/", {"revisie": 2}, content_type="application/json"
        ).status_code
        == 200
    )
    assert Aanbod.objects.get(vestiging=lid.vestiging).openbaar


def test_een_schooljaar_dat_niet_meer_kan():
    vestiging = VestigingFactory()
    ib = token_client(R.INTERN_BEGELEIDER, school=vestiging.school)
    assert (
        ib.post(
            concept_url(vestiging, "2019-2020"), {}, content_type="application/json"
        ).status_code
        == 404
    )
    assert (
        ib.post(concept_url(vestiging, "2026"), {}, content_type="application/json").status_code
        == 404
    )
    assert (
        ib.post(concept_url(vestiging), {"x": 1}, content_type="application/json").status_code
        == 400
    )
    assert not Aanbod.objects.exists()


def test_anoniem_schrijft_niet():
    concept = AanbodFactory(schooljaar=jaar())
    antwoord = Client().put(
        concept_url(concept.vestiging), volledig(1), content_type="application/json"
    )
    assert antwoord.status_code == 401
    assert antwoord.json()["code"]
