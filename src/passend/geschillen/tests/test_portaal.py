"""The parents' portal and the staff pages: a parent without parental authority cannot
start, a parent never sees another child's case, the school of another region sees
nothing; a parent starts from the OPP and sees where it stands; bounded queries."""

import pytest
from django.urls import reverse

from passend.accounts.rules import Rolsoort
from passend.core.models import Toegangsregel
from passend.core.tests.scenario import client_voor, maak_regio
from passend.geschillen.models import Onenigheid
from passend.geschillen.tests.factories import OnenigheidFactory, scenario_sluiten
from passend.leerlingen.models import Ouderschap

pytestmark = pytest.mark.django_db
R = Rolsoort


@pytest.fixture
def regio():
    return maak_regio("eigen", 1)


def test_ouder_start_vanuit_het_opp_en_ziet_de_stand(regio):
    scenario_sluiten(regio)
    client = client_voor(regio.rollen[R.OUDER])
    url = reverse("geschillen:portaal-starten")
    pagina = client.get(url, {"opp": str(regio.opp.sleutel)}).content.decode()
    assert f'value="opp:{regio.opp.sleutel}" selected' in pagina
    antwoord = client.post(
        url,
        {
            "leerling": str(regio.leerling.sleutel),
            "onderwerp": "opp",
            "koppeling": f"opp:{regio.opp.sleutel}",
            "omschrijving": "De school geeft te weinig hulp bij lezen.",
        },
    )
    onenigheid = Onenigheid.objects.get(omschrijving__startswith="De school geeft")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse(
        "geschillen:portaal-onenigheid", args=[onenigheid.sleutel]
    )
    assert onenigheid.opp == regio.opp
    stand = client.get(antwoord["Location"]).content.decode()
    assert "Praat met de school" in stand


def test_ouder_ziet_fouten_per_veld(regio):
    client = client_voor(regio.rollen[R.OUDER])
    antwoord = client.post(
        reverse("geschillen:portaal-starten"),
        {
            "leerling": str(regio.leerling.sleutel),
            "onderwerp": "tlv",
            "koppeling": f"opp:{regio.opp.sleutel}",
            "omschrijving": "x",
        },
    )
    assert antwoord.status_code == 200
    assert "Dit past niet bij het onderwerp" in antwoord.content.decode()


def test_ouder_zonder_gezag_kan_niet_starten(regio):
    Ouderschap.objects.filter(ouder=regio.ouder).update(gezag=False)
    client = client_voor(regio.rollen[R.OUDER])
    pagina = client.get(reverse("geschillen:portaal-starten")).content.decode()
    assert "U kunt hier geen onenigheid starten" in pagina
    antwoord = client.post(
        reverse("geschillen:portaal-starten"),
        {"leerling": str(regio.leerling.sleutel), "onderwerp": "overig", "omschrijving": "x"},
    )
    assert antwoord.status_code == 200
    assert not Onenigheid.objects.filter(omschrijving="x").exists()


def test_ouder_ziet_nooit_de_zaak_van_een_ander_kind(regio):
    ander = maak_regio("ander", 2)
    client = client_voor(regio.rollen[R.OUDER])
    vreemd = ander.extra["onenigheid"]
    antwoord = client.get(reverse("geschillen:portaal-onenigheid", args=[vreemd.sleutel]))
    assert antwoord.status_code == 404
    assert vreemd.leerling.naam not in client.get(reverse("geschillen:portaal")).content.decode()
    assert Toegangsregel.objects.filter(
        object_id=str(vreemd.sleutel), resultaat="geweigerd"
    ).exists()


def test_school_van_een_andere_regio_ziet_niets(regio):
    ander = maak_regio("ander", 2)
    client = client_voor(ander.rollen[R.INTERN_BEGELEIDER])
    lijst = client.get(reverse("geschillen:overzicht")).content.decode()
    assert regio.leerling.naam not in lijst
    zaak = regio.extra["onenigheid"]
    assert client.get(reverse("geschillen:onenigheid", args=[zaak.sleutel])).status_code == 404
    assert (
        client.get(reverse("geschillen:starten", args=[regio.leerling.sleutel])).status_code == 404
    )


def test_detail_toont_termijnen_in_woorden(regio):
    zaak = regio.extra["onenigheid"]
    Onenigheid.objects.filter(pk=zaak.pk).update(besluit_op="2026-01-05")
    client = client_voor(regio.rollen[R.INTERN_BEGELEIDER])
    pagina = client.get(reverse("geschillen:onenigheid", args=[zaak.sleutel])).content.decode()
    assert "Termijnen van de GPO" in pagina
    assert "Termijn verstreken" in pagina


def test_overzicht_heeft_een_vaste_grens_aan_queries(regio, django_assert_max_num_queries):
    client = client_voor(regio.rollen[R.INTERN_BEGELEIDER])
    url = reverse("geschillen:overzicht")
    client.get(url)
    with django_assert_max_num_queries(16) as klein:
        client.get(url)
    OnenigheidFactory.create_batch(
        30, leerling=regio.leerling, vestiging=regio.vestiging, samenwerkingsverband=regio.swv
    )
    with django_assert_max_num_queries(len(klein.captured_queries)):
        client.get(url)


def test_detail_heeft_een_vaste_grens_aan_queries(regio, django_assert_max_num_queries):
    zaak = regio.extra["onenigheid"]
    client = client_voor(regio.rollen[R.INTERN_BEGELEIDER])
    url = reverse("geschillen:onenigheid", args=[zaak.sleutel])
    with django_assert_max_num_queries(25) as klein:
        client.get(url)
    from passend.geschillen.tests.factories import StapFactory, standaardstap

    for _ in range(10):
        StapFactory(
            onenigheid=zaak,
            routestap=standaardstap("schoolbestuur"),
            afgerond_op="2026-10-03",
            uitkomst="niet_opgelost",
        )
    with django_assert_max_num_queries(len(klein.captured_queries)):
        client.get(url)


@pytest.mark.parametrize(
    ("wie", "kop"),
    [
        ("ouder", "Wat u schreef"),
        ("andere_ouder", "Wat de andere ouder schreef"),
        ("school", "Wat de school opschreef"),
    ],
)
def test_portaal_noemt_wie_de_omschrijving_schreef(regio, wie, kop):
    from passend.accounts.tests.factories import GebruikerFactory
    from passend.leerlingen.tests.factories import OuderschapFactory

    zaak = regio.extra["onenigheid_school"]
    if wie == "andere_ouder":
        andere = GebruikerFactory(username="eigen-andere-ouder")
        OuderschapFactory(ouder=andere, leerling=regio.leerling)
        Onenigheid.objects.filter(pk=zaak.pk).update(gestart_door=andere)
    elif wie == "school":
        ib = regio.rollen[R.INTERN_BEGELEIDER].gebruiker
        Onenigheid.objects.filter(pk=zaak.pk).update(gestart_door=ib)
    client = client_voor(regio.rollen[R.OUDER])
    pagina = client.get(reverse("geschillen:portaal-onenigheid", args=[zaak.sleutel]))
    assert pagina.status_code == 200
    inhoud = pagina.content.decode()
    assert kop in inhoud
    for andere_kop in {
        "Wat u schreef",
        "Wat de andere ouder schreef",
        "Wat de school opschreef",
    } - {kop}:
        assert andere_kop not in inhoud
