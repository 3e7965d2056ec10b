"""Who sees which request, the figures for the monitor and the start page items."""

import datetime
from decimal import Decimal

import pytest

from passend.accounts.rules import Rolsoort
from passend.arrangementen import services
from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.permissions import beleid
from passend.arrangementen.rules import Besluit, Status
from passend.arrangementen.selectors import (
    aanvragen_zichtbaar_voor,
    arrangementen_cijfers,
    mijn_werk,
    schooloverzicht,
    werkvoorraad,
)
from passend.arrangementen.tests.conftest import VANDAAG, Wereld, vastgesteld_opp
from passend.arrangementen.tests.factories import AanvraagFactory
from passend.leerlingen.models import Inschrijving
from passend.leerlingen.tests.factories import InschrijvingFactory, OuderschapFactory

pytestmark = pytest.mark.django_db
R = Rolsoort
D = datetime.date


def _zichtbaar(wie) -> list[Arrangementaanvraag]:
    return list(aanvragen_zichtbaar_voor(actor=wie))


@pytest.mark.parametrize(
    "rolsoort",
    [
        R.INTERN_BEGELEIDER,
        R.SCHOOLLEIDER,
        R.BESTUURDER,
        R.LOKET,
        R.COMMISSIELID,
        R.DESKUNDIGE,
        R.DIRECTEUR,
        R.OUDER,
    ],
)
def test_school_bestuur_swv_en_ouders_zien_de_aanvraag(wereld: Wereld, rolsoort):
    aanvraag = wereld.aanvraag()
    assert _zichtbaar(wereld.actor(rolsoort)) == [aanvraag]
    assert beleid.mag(wereld.actor(rolsoort), "bekijken", aanvraag)


@pytest.mark.parametrize("rolsoort", [R.LERAAR, R.LEERLING, R.PRIVACY_OFFICER, R.INSPECTEUR])
def test_anderen_zien_geen_aanvragen(wereld: Wereld, rolsoort):
    aanvraag = wereld.aanvraag()
    assert _zichtbaar(wereld.actor(rolsoort)) == []
    assert not beleid.mag(wereld.actor(rolsoort), "bekijken", aanvraag)


@pytest.mark.parametrize("rolsoort", [R.INTERN_BEGELEIDER, R.BESTUURDER, R.LOKET, R.OUDER])
def test_dezelfde_rollen_elders_zien_de_aanvraag_niet(wereld: Wereld, rolsoort):
    wereld.aanvraag()
    assert _zichtbaar(wereld.vreemde(rolsoort)) == []


def test_na_vertrek_van_de_leerling_ziet_de_school_de_aanvraag_niet_meer(wereld: Wereld):
    wereld.aanvraag()
    Inschrijving.objects.filter(leerling=wereld.leerling).update(
        tot=VANDAAG() - datetime.timedelta(days=1)
    )
    assert _zichtbaar(wereld.actor(R.INTERN_BEGELEIDER)) == []
    assert len(_zichtbaar(wereld.actor(R.LOKET))) == 1  # the SWV's betrokkenheid runs on


def test_de_werkvoorraad_zet_de_langst_wachtende_bovenaan(wereld: Wereld):
    tweede = vastgesteld_opp(
        InschrijvingFactory(vestiging=wereld.vestiging).leerling,
        wereld.vestiging,
        wereld.rollen[R.INTERN_BEGELEIDER].gebruiker,
    )
    recent = wereld.aanvraag(op=VANDAAG() - datetime.timedelta(days=2))
    oud = wereld.aanvraag(opp=tweede, op=VANDAAG() - datetime.timedelta(days=20))
    assert list(werkvoorraad(actor=wereld.actor(R.LOKET))) == [oud, recent]
    assert list(werkvoorraad(actor=wereld.actor(R.LOKET), status="besloten")) == []


def test_het_schooloverzicht_zet_onvolledige_aanvragen_bovenaan(wereld: Wereld):
    tweede = vastgesteld_opp(
        InschrijvingFactory(vestiging=wereld.vestiging).leerling,
        wereld.vestiging,
        wereld.rollen[R.INTERN_BEGELEIDER].gebruiker,
    )
    nieuw = wereld.aanvraag()
    onvolledig = services.onvolledig_verklaren(
        actor=wereld.actor(R.LOKET), aanvraag=wereld.aanvraag(opp=tweede), ontbreekt="x"
    )
    assert list(schooloverzicht(actor=wereld.actor(R.INTERN_BEGELEIDER))) == [onvolledig, nieuw]


# --- Figures for the monitor ----------------------------------------------------------------------


def _besloten(wereld: Wereld, besluit: str, ontvangen: D, compleet: D, besloten: D, bedrag=None):
    return AanvraagFactory(
        opp=vastgesteld_opp(
            InschrijvingFactory(vestiging=wereld.vestiging).leerling,
            wereld.vestiging,
            wereld.rollen[R.INTERN_BEGELEIDER].gebruiker,
        ),
        samenwerkingsverband=wereld.swv,
        besloten=True,
        besluit=besluit,
        ingediend_op=ontvangen,
        compleet_op=compleet,
        besloten_op=besloten,
        toegekend_bedrag=bedrag,
        toegekend_van=None if bedrag is None else D(2026, 11, 1),
        toegekend_tot=None if bedrag is None else D(2027, 2, 28),
    )


def test_cijfers_tellen_besluiten_bedragen_en_behandelduur(wereld: Wereld):
    _besloten(
        wereld, Besluit.TOEGEKEND, D(2026, 9, 1), D(2026, 9, 5), D(2026, 9, 11), Decimal("4500.00")
    )
    _besloten(
        wereld, Besluit.DEELS, D(2026, 9, 1), D(2026, 9, 11), D(2026, 9, 21), Decimal("2500.00")
    )
    _besloten(wereld, Besluit.AFGEWEZEN, D(2026, 9, 10), D(2026, 9, 20), D(2026, 10, 20))
    # Outside the period, another SWV, and one still open: not in the decided figures.
    _besloten(wereld, Besluit.AFGEWEZEN, D(2026, 5, 1), D(2026, 5, 2), D(2026, 5, 3))
    AanvraagFactory(ingediend_op=D(2026, 9, 15), besloten=True, besloten_op=D(2026, 9, 30))
    open_ = AanvraagFactory(samenwerkingsverband=wereld.swv, ingediend_op=D(2026, 10, 1))

    cijfers = arrangementen_cijfers(
        samenwerkingsverband=wereld.swv, van=D(2026, 9, 1), tot=D(2026, 10, 31)
    )
    assert cijfers["besloten"] == 3
    assert cijfers["per_besluit"] == {"toegekend": 1, "deels": 1, "afgewezen": 1}
    assert cijfers["totaal_toegekend"] == Decimal("7000.00")
    assert cijfers["totaal_gevraagd_bij_toekenning"] == Decimal("9000.00")
    # Days from receipt to decision: 10, 20, 40.
    assert (cijfers["behandeldagen_gemiddeld"], cijfers["behandeldagen_mediaan"]) == (23.3, 20.0)
    # Receipt to complete: 4, 10, 10; complete to decision: 6, 10, 30.
    assert (cijfers["dagen_tot_compleet_gemiddeld"], cijfers["dagen_tot_compleet_mediaan"]) == (
        8.0,
        10.0,
    )
    assert cijfers["dagen_compleet_tot_besluit_mediaan"] == 10.0
    assert cijfers["ontvangen"] == 4  # three decided and the open one were received in the period
    assert cijfers["nog_open"] == 1
    assert open_.status == Status.INGEDIEND


def test_cijfers_zonder_besluiten(wereld: Wereld):
    cijfers = arrangementen_cijfers(
        samenwerkingsverband=wereld.swv, van=D(2026, 1, 1), tot=D(2026, 12, 31)
    )
    assert cijfers["besloten"] == 0
    assert cijfers["totaal_toegekend"] == Decimal("0.00")
    assert cijfers["behandeldagen_gemiddeld"] is None


# --- The start page -------------------------------------------------------------------------------


def test_mijn_werk_per_rol(wereld: Wereld):
    tweede = vastgesteld_opp(
        InschrijvingFactory(vestiging=wereld.vestiging).leerling,
        wereld.vestiging,
        wereld.rollen[R.INTERN_BEGELEIDER].gebruiker,
    )
    OuderschapFactory(leerling=tweede.leerling, ouder=wereld.rollen[R.OUDER].gebruiker)
    wereld.aanvraag()
    wereld.compleet(opp=tweede)

    def teksten(rolsoort: str) -> list[tuple[str, int, str]]:
        return [
            (i["tekst"], i["aantal"], i["url"])
            for i in mijn_werk(actor=wereld.actor(rolsoort), peildatum=VANDAAG())
        ]

    assert teksten(R.LOKET) == [
        (
            "1 nieuwe arrangementaanvraag om op volledigheid te controleren",
            1,
            "/arrangementen/werkvoorraad/?status=ingediend",
        )
    ]
    assert teksten(R.COMMISSIELID) == [
        (
            "1 complete arrangementaanvraag wacht op een besluit",
            1,
            "/arrangementen/werkvoorraad/?status=compleet",
        )
    ]
    assert teksten(R.DESKUNDIGE)[0][1] == 2
    assert teksten(R.INTERN_BEGELEIDER) == [
        (
            "2 arrangementaanvragen liggen bij het samenwerkingsverband",
            2,
            "/arrangementen/?status=open",
        )
    ]
    assert teksten(R.OUDER)[0][:2] == (
        "2 aanvragen voor extra ondersteuning lopen",
        2,
    )
    for rolsoort in (R.LERAAR, R.LEERLING, R.INSPECTEUR, R.PRIVACY_OFFICER):
        assert teksten(rolsoort) == []
    assert mijn_werk(actor=wereld.vreemde(R.LOKET), peildatum=VANDAAG()) == []


def test_mijn_werk_noemt_onvolledige_aanvragen_voor_de_school(wereld: Wereld):
    services.onvolledig_verklaren(
        actor=wereld.actor(R.LOKET), aanvraag=wereld.aanvraag(), ontbreekt="Onderzoek."
    )
    [item] = mijn_werk(actor=wereld.actor(R.SCHOOLLEIDER), peildatum=VANDAAG())
    assert item["tekst"] == "1 arrangementaanvraag is onvolledig: vul aan en dien opnieuw in"
    assert item["url"] == "/arrangementen/?status=onvolledig"


def test_mijn_werk_telt_op_de_peildatum(wereld: Wereld):
    wereld.aanvraag()
    Inschrijving.objects.filter(leerling=wereld.leerling).update(
        tot=VANDAAG() - datetime.timedelta(days=1)
    )
    ib = wereld.actor(R.INTERN_BEGELEIDER)
    assert mijn_werk(actor=ib, peildatum=VANDAAG()) == []
    [item] = mijn_werk(actor=ib, peildatum=VANDAAG() - datetime.timedelta(days=2))
    assert item["aantal"] == 1
