"""The disagreement services: who may start, the checks per field, the steps and the SWV's
sight, the GPO dates, closing, withdrawing, conflicts and the access log."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.core.models import Toegangsregel
from passend.core.permissions import Geweigerd
from passend.core.tests.scenario import maak_regio
from passend.geschillen import selectors, services
from passend.geschillen.models import Onenigheid
from passend.geschillen.rules import Onderwerp, Stapuitkomst, Status
from passend.geschillen.selectors import onenigheden_zichtbaar_voor
from passend.geschillen.tests.factories import scenario_sluiten, standaardstap
from passend.leerlingen.models import Betrokkenheid, Ouderschap
from passend.leerlingen.tests.factories import LeerlingFactory, OuderschapFactory

pytestmark = pytest.mark.django_db
R = Rolsoort


@pytest.fixture
def regio():
    regio = maak_regio("eigen", 1)
    scenario_sluiten(regio)  # the tests start their own disagreement about the OPP
    return regio


def actor(regio, rolsoort):
    rol = regio.rollen[rolsoort]
    return Actor(gebruiker=rol.gebruiker, rol=rol)


def starten(regio, **extra):
    gegevens = {
        "actor": actor(regio, R.OUDER),
        "leerling": regio.leerling,
        "onderwerp": Onderwerp.OPP,
        "omschrijving": "Wij zijn het niet eens met het plan.",
        "opp": regio.opp,
    }
    return services.onenigheid_starten(**{**gegevens, **extra})


def test_ouder_start_over_eigen_kind(regio):
    voor = Toegangsregel.objects.count()
    onenigheid = starten(regio)
    assert onenigheid.vestiging == regio.vestiging
    assert onenigheid.samenwerkingsverband == regio.swv
    assert onenigheid.gestart_op == timezone.localdate()
    assert Toegangsregel.objects.count() == voor + 1
    assert selectors.open_onenigheid(regio.leerling) == onenigheid


def test_school_legt_een_eerder_begonnen_onenigheid_vast_ouders_starten_vandaag(regio):
    vandaag = timezone.localdate()
    eerder = vandaag - datetime.timedelta(weeks=8)
    ib = actor(regio, R.INTERN_BEGELEIDER)
    assert starten(regio, actor=ib, gestart_op=eerder).gestart_op == eerder
    # A parent starts it today, whatever date is passed.
    anders = {"onderwerp": Onderwerp.ONDERSTEUNING, "opp": None}  # not the same as the first
    assert starten(regio, gestart_op=eerder, **anders).gestart_op == vandaag
    for dag, melding in (
        (vandaag + datetime.timedelta(days=1), "toekomst"),
        (vandaag - datetime.timedelta(days=367), "een jaar geleden"),
    ):
        with pytest.raises(ValidationError) as fout:
            starten(regio, actor=ib, gestart_op=dag)
        assert melding in " ".join(fout.value.message_dict["gestart_op"])


def test_ouder_zonder_gezag_start_niet(regio):
    Ouderschap.objects.filter(ouder=regio.ouder).update(gezag=False)
    with pytest.raises(Geweigerd):
        starten(regio)


def test_ouder_start_niet_over_ander_kind(regio):
    ander_kind = LeerlingFactory()
    with pytest.raises(Geweigerd):
        starten(regio, leerling=ander_kind, opp=None)


def test_opp_moet_van_dit_kind_zijn_en_bij_het_onderwerp_passen(regio):
    ander_kind = LeerlingFactory()
    OuderschapFactory(ouder=regio.ouder, leerling=ander_kind)
    with pytest.raises(ValidationError) as fout:
        starten(regio, leerling=ander_kind)
    assert "opp" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        starten(regio, onderwerp=Onderwerp.TLV)
    assert "opp" in fout.value.message_dict


def test_lege_omschrijving_en_onbekend_onderwerp(regio):
    with pytest.raises(ValidationError) as fout:
        starten(regio, onderwerp="iets", omschrijving="  ", opp=None)
    assert set(fout.value.message_dict) == {"onderwerp", "omschrijving"}
    assert not Onenigheid.objects.filter(gestart_door=regio.ouder, omschrijving="").exists()


def test_school_start_alleen_voor_eigen_leerling(regio):
    onenigheid = starten(regio, actor=actor(regio, R.INTERN_BEGELEIDER))
    assert onenigheid.gestart_door == regio.rollen[R.INTERN_BEGELEIDER].gebruiker
    ander = maak_regio("ander", 2)
    with pytest.raises(Geweigerd):
        starten(regio, actor=actor(ander, R.INTERN_BEGELEIDER), opp=None)


def test_leraar_start_niet(regio):
    with pytest.raises(Geweigerd):
        starten(regio, actor=actor(regio, R.LERAAR))


def test_swv_ziet_de_zaak_pas_na_een_swv_stap(regio):
    onenigheid = starten(regio)
    ib = actor(regio, R.INTERN_BEGELEIDER)
    loket = actor(regio, R.LOKET)
    vandaag = timezone.localdate()
    assert not onenigheden_zichtbaar_voor(actor=loket).filter(pk=onenigheid.pk).exists()
    stap = services.stap_beginnen(
        actor=ib,
        onenigheid=onenigheid,
        routestap=standaardstap("gesprek-school"),
        begonnen_op=vandaag,
    )
    onenigheid.refresh_from_db()
    assert onenigheid.swv_betrokken_sinds is None
    with pytest.raises(ValidationError) as fout:
        services.stap_beginnen(
            actor=ib,
            onenigheid=onenigheid,
            routestap=standaardstap("swv-overleg"),
            begonnen_op=vandaag,
        )
    assert "routestap" in fout.value.message_dict
    services.stap_afronden(
        actor=ib, stap=stap, afgerond_op=vandaag, uitkomst=Stapuitkomst.NIET_OPGELOST
    )
    services.stap_beginnen(
        actor=ib,
        onenigheid=onenigheid,
        routestap=standaardstap("swv-overleg"),
        begonnen_op=vandaag,
    )
    onenigheid.refresh_from_db()
    assert onenigheid.swv_betrokken_sinds == vandaag
    assert onenigheden_zichtbaar_voor(actor=loket).filter(pk=onenigheid.pk).exists()
    # The SWV sees the case, not the pupil's file: no betrokkenheid is recorded.
    assert not Betrokkenheid.objects.filter(
        leerling=regio.leerling, grond="onenigheid met ouders"
    ).exists()


def test_stap_fouten(regio):
    onenigheid = starten(regio)
    ib = actor(regio, R.INTERN_BEGELEIDER)
    ander = maak_regio("ander", 2)
    eigen_stap = services.route_overnemen(actor=actor(ander, R.DIRECTEUR))[0]
    with pytest.raises(ValidationError) as fout:
        services.stap_beginnen(
            actor=ib,
            onenigheid=onenigheid,
            routestap=eigen_stap,
            begonnen_op=timezone.localdate() + datetime.timedelta(days=1),
        )
    assert set(fout.value.message_dict) == {"routestap", "begonnen_op"}
    with pytest.raises(Geweigerd):
        services.stap_beginnen(
            actor=actor(ander, R.INTERN_BEGELEIDER),
            onenigheid=onenigheid,
            routestap=standaardstap("gesprek-school"),
            begonnen_op=timezone.localdate(),
        )


def test_stap_twee_keer_afronden_is_een_conflict(regio):
    onenigheid = starten(regio)
    ib = actor(regio, R.INTERN_BEGELEIDER)
    vandaag = timezone.localdate()
    stap = services.stap_beginnen(
        actor=ib,
        onenigheid=onenigheid,
        routestap=standaardstap("gesprek-school"),
        begonnen_op=vandaag,
    )
    with pytest.raises(ValidationError) as fout:
        services.stap_afronden(actor=ib, stap=stap, afgerond_op=None, uitkomst="x")
    assert set(fout.value.message_dict) == {"afgerond_op", "uitkomst"}
    services.stap_afronden(actor=ib, stap=stap, afgerond_op=vandaag, uitkomst=Stapuitkomst.OPGELOST)
    with pytest.raises(services.Conflict):
        services.stap_afronden(
            actor=ib, stap=stap, afgerond_op=vandaag, uitkomst=Stapuitkomst.OPGELOST
        )


def test_commissie_waarschuwt_na_zes_weken_en_controleert_volgorde(regio):
    onenigheid = starten(regio)
    ib = actor(regio, R.INTERN_BEGELEIDER)
    vandaag = timezone.localdate()
    besluit = vandaag - datetime.timedelta(weeks=8)
    with pytest.raises(ValidationError) as fout:
        services.commissie_vastleggen(
            actor=ib,
            onenigheid=onenigheid,
            revisie=onenigheid.revisie,
            besluit_op=besluit,
            commissie_ingediend_op=besluit - datetime.timedelta(days=1),
            oordeel_op=vandaag,
        )
    assert set(fout.value.message_dict) == {"commissie_ingediend_op", "oordeel"}
    resultaat = services.commissie_vastleggen(
        actor=ib,
        onenigheid=onenigheid,
        revisie=onenigheid.revisie,
        besluit_op=besluit,
        commissie_ingediend_op=vandaag,
    )
    assert resultaat.waarschuwingen
    with pytest.raises(services.Conflict) as conflict:
        services.commissie_vastleggen(
            actor=ib,
            onenigheid=onenigheid,
            revisie=onenigheid.revisie,
            besluit_op=besluit,
            commissie_ingediend_op=vandaag,
        )
    assert conflict.value.code == "revisie"


def test_geen_commissie_bij_ondersteuning(regio):
    onenigheid = starten(regio, onderwerp=Onderwerp.ONDERSTEUNING, opp=None)
    with pytest.raises(ValidationError):
        services.commissie_vastleggen(
            actor=actor(regio, R.INTERN_BEGELEIDER),
            onenigheid=onenigheid,
            revisie=onenigheid.revisie,
            besluit_op=timezone.localdate(),
            commissie_ingediend_op=None,
        )


def test_afsluiten_en_intrekken(regio):
    vandaag = timezone.localdate()
    eerste = starten(regio)
    ib = actor(regio, R.INTERN_BEGELEIDER)
    with pytest.raises(ValidationError) as fout:
        services.onenigheid_afsluiten(
            actor=ib,
            onenigheid=eerste,
            revisie=eerste.revisie,
            status=Status.OPEN,
            afgesloten_op=None,
            afsluiting="",
        )
    assert set(fout.value.message_dict) == {"status", "afgesloten_op", "afsluiting"}
    services.onenigheid_afsluiten(
        actor=ib,
        onenigheid=eerste,
        revisie=eerste.revisie,
        status=Status.OPGELOST,
        afgesloten_op=vandaag,
        afsluiting="Samen afgesproken: extra leeshulp.",
    )
    eerste.refresh_from_db()
    assert eerste.status == Status.OPGELOST
    with pytest.raises(services.Conflict):
        services.onenigheid_intrekken(
            actor=actor(regio, R.OUDER), onenigheid=eerste, revisie=eerste.revisie
        )
    tweede = starten(regio)
    with pytest.raises(Geweigerd):
        services.onenigheid_intrekken(actor=ib, onenigheid=tweede, revisie=tweede.revisie)
    services.onenigheid_intrekken(
        actor=actor(regio, R.OUDER), onenigheid=tweede, revisie=tweede.revisie
    )
    tweede.refresh_from_db()
    assert (tweede.status, tweede.afgesloten_op) == (Status.GESLOTEN, vandaag)


def test_route_overnemen_en_wijzigen(regio):
    directeur = actor(regio, R.DIRECTEUR)
    stappen = services.route_overnemen(actor=directeur)
    assert [s.code for s in stappen] == [s.code for s in selectors.standaardroute()]
    with pytest.raises(services.Conflict):
        services.route_overnemen(actor=directeur)
    with pytest.raises(ValidationError) as fout:
        services.routestap_wijzigen(
            actor=directeur, routestap=stappen[0], revisie=1, naam="", uitleg=""
        )
    assert set(fout.value.message_dict) == {"naam", "uitleg"}
    services.routestap_wijzigen(
        actor=directeur,
        routestap=stappen[0],
        revisie=1,
        naam="Praat eerst met de mentor",
        uitleg="Uitleg.",
    )
    assert selectors.route_van(regio.swv.pk)[0].naam == "Praat eerst met de mentor"
    with pytest.raises(Geweigerd):
        services.routestap_wijzigen(
            actor=directeur,
            routestap=selectors.standaardroute()[0],
            revisie=1,
            naam="x",
            uitleg="y",
        )
    with pytest.raises(Geweigerd):
        services.route_overnemen(actor=actor(regio, R.LOKET))


def test_aantallen_per_onderwerp_en_status(regio):
    starten(regio)
    vandaag = timezone.localdate()
    cijfers = selectors.cijfers.aantallen(samenwerkingsverband=regio.swv, van=vandaag, tot=vandaag)
    assert cijfers["totaal"] == 1
    assert cijfers["per_onderwerp"][Onderwerp.OPP] == 1
    assert cijfers["per_status"][Status.OPEN] == 1
