"""The waiting-list page of an sbo/so/vso location: per-field Dutch errors, one figure per
date, read-only for the board and the SWV, none for a primary school."""

import datetime

import pytest
from django.utils import timezone

from passend.aanbod.models import Wachtlijststand
from passend.aanbod.tests.factories import WachtlijststandFactory
from passend.aanbod.tests.test_school_wereld import (
    Wereld,
    maak_wereld,
    paginatekst,
    url_van,
)
from passend.core.tests.scenario import client_voor

pytestmark = pytest.mark.django_db


@pytest.fixture
def wereld(db: None) -> Wereld:
    return maak_wereld()


def test_een_basisschool_heeft_geen_wachtlijstpagina(wereld: Wereld):
    client = client_voor(wereld.ib)
    assert client.get(url_van("wachtlijst-bijhouden", wereld.vestiging)).status_code == 404
    assert client.post(url_van("wachtlijst-bijhouden", wereld.vestiging), {}).status_code == 404


def test_wachtlijst_fouten_per_veld(wereld: Wereld):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    antwoord = client_voor(wereld.ib).post(
        url_van("wachtlijst-bijhouden", wereld.sbo),
        {"peildatum": morgen.isoformat(), "aantal_wachtend": "", "capaciteit": "-1"},
    )
    assert antwoord.status_code == 200
    fouten = antwoord.context["form"].errors
    assert fouten["aantal_wachtend"] == [
        "Vul in hoeveel kinderen wachten. Wacht er niemand? Vul dan 0 in."
    ]
    assert fouten["capaciteit"] == ["Vul 0 of meer in."]
    antwoord = client_voor(wereld.ib).post(
        url_van("wachtlijst-bijhouden", wereld.sbo),
        {"peildatum": morgen.isoformat(), "aantal_wachtend": "3"},
    )
    assert antwoord.context["form"].errors["peildatum"] == [
        "De datum van de telling kan niet in de toekomst liggen."
    ]
    assert not Wachtlijststand.objects.exists()


def test_een_telling_vastleggen_en_geen_tweede_op_dezelfde_dag(wereld: Wereld):
    client = client_voor(wereld.schoolleider)
    url = url_van("wachtlijst-bijhouden", wereld.sbo)
    vandaag = timezone.localdate().isoformat()
    data = {"peildatum": vandaag, "aantal_wachtend": "11", "verwachte_wachttijd_weken": "6"}
    antwoord = client.post(url, data, follow=True)
    tekst = paginatekst(antwoord)
    assert "De telling van de wachtlijst is vastgelegd." in tekst
    assert "Hele vestiging 11 6 weken" in tekst
    antwoord = client.post(url, data)
    assert (
        antwoord.context["form"]
        .errors["peildatum"][0]
        .startswith("Voor deze datum is al een telling vastgelegd voor de hele vestiging.")
    )
    assert Wachtlijststand.objects.count() == 1


def test_het_bestuur_en_het_swv_lezen_de_wachtlijst_zonder_formulier(wereld: Wereld):
    WachtlijststandFactory(vestiging=wereld.sbo, aantal_wachtend=5)
    for rol in (wereld.bestuurder, wereld.loket):
        antwoord = client_voor(rol).get(url_van("wachtlijst-bijhouden", wereld.sbo))
        assert antwoord.status_code == 200 and antwoord.context["form"] is None
        assert "Nieuwe telling vastleggen" not in paginatekst(antwoord)
    assert (
        client_voor(wereld.bestuurder)
        .post(url_van("wachtlijst-bijhouden", wereld.sbo), {})
        .status_code
        == 403
    )
