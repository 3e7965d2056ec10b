"""The arrangement pages: the school requests from the OPP, the loket checks, the commission
decides, the parents read. Every request that touches pupil data writes exactly one
access-log record (with the pupil's key); a refusal is a 403 or 404 with one record marked
"geweigerd"."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from passend.accounts.rules import Rolsoort
from passend.arrangementen import services
from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.rules import Besluit, Status
from passend.arrangementen.tests.conftest import VANDAAG, Wereld
from passend.core.models import Toegangsregel
from passend.ondersteuning.tests.factories import OppFactory

pytestmark = pytest.mark.django_db
R = Rolsoort


class Log:
    """The access-log records written since the last look."""

    def __init__(self) -> None:
        self.voor = Toegangsregel.objects.count()

    def nieuw(self) -> list[Toegangsregel]:
        regels = list(Toegangsregel.objects.order_by("pk")[self.voor :])
        self.voor += len(regels)
        return regels

    def een(self, resultaat: str = "toegestaan", actie: str | None = None) -> Toegangsregel:
        regels = self.nieuw()
        assert len(regels) == 1, [(r.actie, r.resultaat, r.reden) for r in regels]
        [regel] = regels
        assert regel.resultaat == resultaat, regel.reden
        if actie is not None:
            assert regel.actie == actie
        return regel


def _sleutels(regel: Toegangsregel) -> list:
    return [r.leerling_sleutel for r in regel.leerlingen.all()]


def _formulier(**velden):
    return {
        "ondersteuning": "Ambulante begeleiding bij lezen, 2 uur per week",
        "van": VANDAAG().isoformat(),
        "tot": (VANDAAG() + datetime.timedelta(days=180)).isoformat(),
        "bedrag": "4.500,00",
        "toelichting": "De basisondersteuning is niet genoeg.",
        **velden,
    }


@pytest.fixture
def client_als(wereld: Wereld, maak_client):
    def maak(rolsoort: str, elders: bool = False):
        return maak_client((wereld.elders if elders else wereld.rollen)[rolsoort])

    return maak


# --- Requesting from the OPP -------------------------------------------------------------------


def test_aanvragen_toont_het_opp_met_de_kijk_van_ouders_en_leerling(wereld, client_als):
    log = Log()
    antwoord = client_als(R.INTERN_BEGELEIDER).get(
        reverse("arrangementen:aanvragen", args=[wereld.opp.sleutel])
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Arrangement aanvragen voor Noor Bakker" in html
    # From the OPP, shown and never asked again:
    assert wereld.opp.zienswijze_ouders in html
    assert "Meer tijd bij toetsen" in html
    assert "Bij toetsen krijg je 15 minuten extra." in html
    assert "instemming gegeven" in html
    # A first version of the request from the handelingsdeel:
    assert "Extra leesbegeleiding in een klein groepje" in html
    for gevraagd in ("zienswijze", "mening", "kijk_ouders", "leerlingstem"):
        assert f'name="{gevraagd}"' not in html
    regel = log.een(actie="lezen")
    assert regel.object_type == "ontwikkelingsperspectief"
    assert _sleutels(regel) == [wereld.leerling.sleutel]


def test_aanvragen_dient_in_en_gaat_naar_de_aanvraag(wereld, client_als):
    log = Log()
    antwoord = client_als(R.INTERN_BEGELEIDER).post(
        reverse("arrangementen:aanvragen", args=[wereld.opp.sleutel]), _formulier()
    )
    aanvraag = Arrangementaanvraag.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("arrangementen:detail", args=[aanvraag.sleutel])
    assert aanvraag.bedrag == Decimal("4500.00")
    regel = log.een(actie="aanmaken")
    assert _sleutels(regel) == [wereld.leerling.sleutel]


def test_aanvragen_met_fouten_toont_het_formulier_opnieuw_en_slaat_niets_op(wereld, client_als):
    log = Log()
    antwoord = client_als(R.INTERN_BEGELEIDER).post(
        reverse("arrangementen:aanvragen", args=[wereld.opp.sleutel]),
        _formulier(bedrag="veel", tot=VANDAAG().isoformat()),
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Vul een bedrag in euro&#x27;s in, zoals 4500 of 4.500,50." in html
    assert "De einddatum moet na de begindatum liggen." in html
    assert 'aria-invalid="true"' in html
    assert not Arrangementaanvraag.objects.exists()
    log.een(actie="lezen")


def test_een_concept_opp_krijgt_een_duidelijke_melding_en_geen_formulier(wereld, client_als):
    concept = OppFactory(
        leerling=wereld.leerling,
        vestiging=wereld.vestiging,
        aangemaakt_door=wereld.rollen[R.INTERN_BEGELEIDER].gebruiker,
    )
    client = client_als(R.INTERN_BEGELEIDER)
    url = reverse("arrangementen:aanvragen", args=[concept.sleutel])
    html = client.get(url).content.decode()
    assert "Dit OPP is nog een concept." in html
    assert "Aanvraag indienen" not in html
    log = Log()
    antwoord = client.post(url, _formulier())
    assert antwoord.status_code == 200
    assert "stel het OPP eerst vast" in antwoord.content.decode()
    assert not Arrangementaanvraag.objects.exists()
    log.een(actie="lezen")


def test_een_lopende_aanvraag_wordt_getoond_in_plaats_van_het_formulier(wereld, client_als):
    aanvraag = wereld.aanvraag()
    html = (
        client_als(R.INTERN_BEGELEIDER)
        .get(reverse("arrangementen:aanvragen", args=[wereld.opp.sleutel]))
        .content.decode()
    )
    assert "Voor dit OPP loopt al een aanvraag" in html
    assert aanvraag.kenmerk in html
    assert "Aanvraag indienen" not in html


def test_een_andere_school_krijgt_404_en_een_gelogde_weigering(wereld, client_als):
    log = Log()
    antwoord = client_als(R.INTERN_BEGELEIDER, elders=True).get(
        reverse("arrangementen:aanvragen", args=[wereld.opp.sleutel])
    )
    assert antwoord.status_code == 404
    log.een("geweigerd")


@pytest.mark.parametrize("rolsoort", [R.LERAAR, R.LOKET, R.OUDER])
def test_wie_nooit_aanvraagt_krijgt_403_en_een_gelogde_weigering(wereld, client_als, rolsoort):
    log = Log()
    antwoord = client_als(rolsoort).post(
        reverse("arrangementen:aanvragen", args=[wereld.opp.sleutel]), _formulier()
    )
    assert antwoord.status_code == 403
    assert log.een("geweigerd").actie == "aanmaken"
    assert not Arrangementaanvraag.objects.exists()


# --- Reading one request ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rolsoort", [R.INTERN_BEGELEIDER, R.SCHOOLLEIDER, R.BESTUURDER, R.LOKET, R.DESKUNDIGE]
)
def test_school_bestuur_en_swv_lezen_de_aanvraag_met_het_opp(wereld, client_als, rolsoort):
    aanvraag = wereld.aanvraag()
    log = Log()
    antwoord = client_als(rolsoort).get(reverse("arrangementen:detail", args=[aanvraag.sleutel]))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert aanvraag.kenmerk in html
    assert "€ 4.500,00" in html
    assert wereld.opp.zienswijze_ouders in html
    assert "Lange teksten lezen" in html
    regel = log.een(actie="lezen")
    assert _sleutels(regel) == [wereld.leerling.sleutel]


def test_de_knoppen_passen_bij_rol_en_status(wereld, client_als):
    aanvraag = wereld.aanvraag()
    url = reverse("arrangementen:detail", args=[aanvraag.sleutel])
    assert "Controleer de volledigheid" in client_als(R.LOKET).get(url).content.decode()
    html = client_als(R.COMMISSIELID).get(url).content.decode()
    assert "Controleer de volledigheid" not in html
    assert "Besluit nemen" not in html
    assert "Aanvraag intrekken" in client_als(R.INTERN_BEGELEIDER).get(url).content.decode()


def test_een_ander_swv_krijgt_404(wereld, client_als):
    aanvraag = wereld.aanvraag()
    log = Log()
    antwoord = client_als(R.LOKET, elders=True).get(
        reverse("arrangementen:detail", args=[aanvraag.sleutel])
    )
    assert antwoord.status_code == 404
    log.een("geweigerd")


@pytest.mark.parametrize("rolsoort", [R.OUDER, R.LEERLING, R.LERAAR, R.INSPECTEUR])
def test_wie_geen_medewerker_is_krijgt_403_op_de_aanvraag(wereld, client_als, rolsoort):
    aanvraag = wereld.aanvraag()
    log = Log()
    assert (
        client_als(rolsoort)
        .get(reverse("arrangementen:detail", args=[aanvraag.sleutel]))
        .status_code
        == 403
    )
    log.een("geweigerd")


# --- The loket, the commission --------------------------------------------------------------------


def test_het_loket_verklaart_compleet_via_de_pagina(wereld, client_als):
    aanvraag = wereld.aanvraag()
    client = client_als(R.LOKET)
    url = reverse("arrangementen:volledigheid", args=[aanvraag.sleutel])
    log = Log()
    assert client.get(url).status_code == 200
    log.een(actie="lezen")
    antwoord = client.post(url, {"uitkomst": "onvolledig", "ontbreekt": ""})
    assert antwoord.status_code == 200
    assert "Schrijf op wat er ontbreekt" in antwoord.content.decode()
    log.een(actie="lezen")
    antwoord = client.post(url, {"uitkomst": "compleet"})
    assert antwoord.status_code == 302
    log.een(actie="wijzigen")
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.compleet_op) == (Status.COMPLEET, VANDAAG())
    # Checked already: the page sends back to the request with a message.
    antwoord = client.get(url)
    assert antwoord.status_code == 302


def test_onvolledig_en_aanvullen_via_de_paginas(wereld, client_als):
    aanvraag = wereld.aanvraag()
    client_als(R.LOKET).post(
        reverse("arrangementen:volledigheid", args=[aanvraag.sleutel]),
        {"uitkomst": "onvolledig", "ontbreekt": "Het leesonderzoek ontbreekt."},
    )
    ib = client_als(R.INTERN_BEGELEIDER)
    detail = ib.get(reverse("arrangementen:detail", args=[aanvraag.sleutel])).content.decode()
    assert "Het leesonderzoek ontbreekt." in detail
    assert "Aanvullen en opnieuw indienen" in detail
    url = reverse("arrangementen:aanvullen", args=[aanvraag.sleutel])
    html = ib.get(url).content.decode()
    assert "4500,00" in html  # the form starts from the request
    log = Log()
    antwoord = ib.post(
        url, {**_formulier(bedrag="4200"), "aanvulling": "Leesonderzoek toegevoegd."}
    )
    assert antwoord.status_code == 302
    log.een(actie="wijzigen")
    aanvraag.refresh_from_db()
    assert (aanvraag.status, aanvraag.bedrag) == (Status.INGEDIEND, Decimal("4200"))


def test_de_commissie_besluit_via_de_pagina(wereld, client_als):
    aanvraag = wereld.compleet()
    client = client_als(R.COMMISSIELID)
    url = reverse("arrangementen:besluit", args=[aanvraag.sleutel])
    html = client.get(url).content.decode()
    assert 'value="4500,00"' in html  # the requested amount, to start from
    # 'Toegekend' with less money: refused, with the way out.
    antwoord = client.post(
        url,
        {
            "besluit": "toegekend",
            "redenen": "Past bij het OPP.",
            "toegekend_bedrag": "3000",
            "toegekend_van": aanvraag.van.isoformat(),
            "toegekend_tot": aanvraag.tot.isoformat(),
        },
    )
    assert antwoord.status_code == 200
    assert "Kies dan &#x27;deels toegekend&#x27;" in antwoord.content.decode()
    log = Log()
    antwoord = client.post(
        url,
        {
            "besluit": "deels",
            "redenen": "Eerst drie maanden.",
            "toegekend_bedrag": "3.000,00",
            "toegekend_van": aanvraag.van.isoformat(),
            "toegekend_tot": (aanvraag.van + datetime.timedelta(days=90)).isoformat(),
        },
    )
    assert antwoord.status_code == 302
    log.een(actie="wijzigen")
    aanvraag.refresh_from_db()
    assert (aanvraag.besluit, aanvraag.toegekend_bedrag) == (Besluit.DEELS, Decimal("3000.00"))


def test_afwijzen_op_de_pagina_negeert_het_voorgevulde_bedrag(wereld, client_als):
    aanvraag = wereld.compleet()
    antwoord = client_als(R.DIRECTEUR).post(
        reverse("arrangementen:besluit", args=[aanvraag.sleutel]),
        {
            "besluit": "afgewezen",
            "redenen": "Basisondersteuning.",
            "toegekend_bedrag": "4500,00",
            "toegekend_van": aanvraag.van.isoformat(),
            "toegekend_tot": aanvraag.tot.isoformat(),
        },
    )
    assert antwoord.status_code == 302
    aanvraag.refresh_from_db()
    assert (aanvraag.besluit, aanvraag.toegekend_bedrag) == (Besluit.AFGEWEZEN, None)


def test_een_tweede_besluit_uit_een_oud_tabblad_wordt_geweigerd(wereld, client_als):
    aanvraag = wereld.compleet()
    url = reverse("arrangementen:besluit", args=[aanvraag.sleutel])
    commissie, directeur = client_als(R.COMMISSIELID), client_als(R.DIRECTEUR)
    assert directeur.get(url).status_code == 200  # the director opens the form ...
    commissie.post(url, {"besluit": "afgewezen", "redenen": "Basisondersteuning."})
    log = Log()
    antwoord = directeur.post(  # ... and sends it after the commission decided
        url,
        {
            "besluit": "toegekend",
            "redenen": "Wel doen.",
            "toegekend_bedrag": "4500",
            "toegekend_van": aanvraag.van.isoformat(),
            "toegekend_tot": aanvraag.tot.isoformat(),
        },
        follow=True,
    )
    assert "niet worden besloten" in antwoord.content.decode()
    regels = log.nieuw()
    assert regels[0].resultaat == "geweigerd"  # the refused POST; then the detail page read
    aanvraag.refresh_from_db()
    assert aanvraag.besluit == Besluit.AFGEWEZEN


def test_intrekken_via_de_pagina(wereld, client_als):
    aanvraag = wereld.aanvraag()
    client = client_als(R.SCHOOLLEIDER)
    url = reverse("arrangementen:intrekken", args=[aanvraag.sleutel])
    assert client.post(url, {"reden": ""}).status_code == 200
    assert client.post(url, {"reden": "Leerling verhuist."}).status_code == 302
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.INGETROKKEN


# --- Lists ------------------------------------------------------------------------------------------


def test_het_schooloverzicht_toont_eerst_wat_de_school_moet_aanvullen(wereld, client_als):
    eerste = wereld.aanvraag()
    services.onvolledig_verklaren(
        actor=wereld.actor(R.LOKET), aanvraag=eerste, ontbreekt="Onderzoek ontbreekt."
    )
    log = Log()
    antwoord = client_als(R.INTERN_BEGELEIDER).get(reverse("arrangementen:overzicht"))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert eerste.kenmerk in html
    assert "Onvolledig" in html
    regel = log.een(actie="zoeken")
    assert _sleutels(regel) == [wereld.leerling.sleutel]
    assert (
        client_als(R.INTERN_BEGELEIDER, elders=True)
        .get(reverse("arrangementen:overzicht"))
        .content.decode()
        .count(eerste.kenmerk)
        == 0
    )


def test_de_werkvoorraad_toont_de_dagen_sinds_ontvangst(wereld, client_als):
    aanvraag = wereld.aanvraag(op=VANDAAG() - datetime.timedelta(days=9))
    log = Log()
    antwoord = client_als(R.LOKET).get(reverse("arrangementen:werkvoorraad"))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert aanvraag.kenmerk in html
    assert ">9<" in html
    assert "Nieuw: te controleren (1)" in html
    assert _sleutels(log.een(actie="zoeken")) == [wereld.leerling.sleutel]
    html = client_als(R.LOKET).get(reverse("arrangementen:werkvoorraad") + "?status=besloten")
    assert aanvraag.kenmerk not in html.content.decode()
    andere = client_als(R.LOKET, elders=True).get(reverse("arrangementen:werkvoorraad"))
    assert aanvraag.kenmerk not in andere.content.decode()


def test_een_onbekend_filter_toont_de_open_aanvragen(wereld, client_als):
    wereld.aanvraag()
    antwoord = client_als(R.LOKET).get(reverse("arrangementen:werkvoorraad") + "?status=<x>")
    assert antwoord.status_code == 200


# --- The decision letter ----------------------------------------------------------------------------


def _besloten(wereld: Wereld) -> Arrangementaanvraag:
    aanvraag = wereld.compleet()
    return services.besluit_nemen(
        actor=wereld.actor(R.COMMISSIELID),
        aanvraag=aanvraag,
        besluit=Besluit.TOEGEKEND,
        redenen="Past bij het OPP.",
        toegekend_bedrag=aanvraag.bedrag,
        toegekend_van=aanvraag.van,
        toegekend_tot=aanvraag.tot,
    )


@pytest.mark.parametrize("rolsoort", [R.INTERN_BEGELEIDER, R.BESTUURDER, R.LOKET, R.COMMISSIELID])
def test_school_en_swv_downloaden_de_besluitbrief(wereld, client_als, rolsoort):
    aanvraag = _besloten(wereld)
    log = Log()
    antwoord = client_als(rolsoort).get(reverse("arrangementen:brief", args=[aanvraag.sleutel]))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord.content.startswith(b"%PDF")
    assert antwoord["Content-Disposition"] == (
        f'attachment; filename="besluit-arrangement-bakker-{aanvraag.kenmerk.lower()}.pdf"'
    )
    assert "no-store" in antwoord["Cache-Control"]
    regel = log.een(actie="afdrukken")
    assert _sleutels(regel) == [wereld.leerling.sleutel]


def test_zonder_besluit_is_er_geen_brief(wereld, client_als):
    aanvraag = wereld.compleet()
    log = Log()
    antwoord = client_als(R.INTERN_BEGELEIDER).get(
        reverse("arrangementen:brief", args=[aanvraag.sleutel])
    )
    assert antwoord.status_code == 404
    log.een(actie="afdrukken")


def test_ouders_krijgen_de_brief_niet(wereld, client_als):
    aanvraag = _besloten(wereld)
    log = Log()
    assert (
        client_als(R.OUDER).get(reverse("arrangementen:brief", args=[aanvraag.sleutel])).status_code
        == 403
    )
    log.een("geweigerd")


# --- The parents --------------------------------------------------------------------------------------


def test_ouders_lezen_aanvraag_en_besluit_in_gewone_taal(wereld, client_als):
    _besloten(wereld)
    log = Log()
    antwoord = client_als(R.OUDER).get(reverse("arrangementen:portaal"))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Ja, de extra hulp is toegekend." in html
    assert "Past bij het OPP." in html
    assert "bezwaar maken" in html
    assert "onderwijsconsulent" in html
    assert _sleutels(log.een(actie="lezen")) == [wereld.leerling.sleutel]


def test_andere_ouders_zien_de_aanvraag_niet(wereld, client_als):
    _besloten(wereld)
    html = client_als(R.OUDER, elders=True).get(reverse("arrangementen:portaal")).content.decode()
    assert "Noor" not in html
    assert "geen extra hulp bij het samenwerkingsverband gevraagd" in html


@pytest.mark.parametrize("rolsoort", [R.INTERN_BEGELEIDER, R.LEERLING, R.LOKET])
def test_het_portaal_is_voor_ouders(wereld, client_als, rolsoort):
    log = Log()
    assert client_als(rolsoort).get(reverse("arrangementen:portaal")).status_code == 403
    log.een("geweigerd")
