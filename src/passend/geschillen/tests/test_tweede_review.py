"""Regressions of the second review of issue #6: step and closing dates in order, the LBT
dates, only the starting parent withdraws, no second open disagreement about the same thing,
a bad step number on the route page, and the refused step of a case logged."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory
from passend.core.models import Toegangsregel
from passend.core.permissions import Geweigerd
from passend.core.tests.scenario import client_voor, maak_regio
from passend.geschillen import services
from passend.geschillen.models import Onenigheid, Routestap
from passend.geschillen.rules import Onderwerp, Stapuitkomst, Status
from passend.geschillen.tests.factories import scenario_sluiten, standaardstap
from passend.leerlingen.tests.factories import OuderschapFactory

pytestmark = pytest.mark.django_db
R = Rolsoort
VANDAAG = timezone.localdate
DAG = datetime.timedelta(days=1)


@pytest.fixture
def regio():
    regio = maak_regio("eigen", 1)
    scenario_sluiten(regio)
    return regio


def actor(regio, rolsoort):
    rol = regio.rollen[rolsoort]
    return Actor(gebruiker=rol.gebruiker, rol=rol)


def _zaak(regio, *, gestart_op=None, **extra):
    gegevens = {
        "actor": actor(regio, R.INTERN_BEGELEIDER),
        "leerling": regio.leerling,
        "onderwerp": Onderwerp.OPP,
        "omschrijving": "De ouders zijn het niet eens met het plan.",
        "opp": regio.opp,
        "gestart_op": gestart_op or VANDAAG() - 30 * DAG,
    }
    return services.onenigheid_starten(**{**gegevens, **extra})


def _vers(zaak):
    return Onenigheid.objects.get(pk=zaak.pk)


# --- Finding 9: steps in order; closing after the last recorded date -----------------------


def test_een_stap_begint_niet_voor_het_einde_van_de_vorige(regio):
    zaak = _zaak(regio)
    ib = actor(regio, R.INTERN_BEGELEIDER)
    eerste = services.stap_beginnen(
        actor=ib,
        onenigheid=zaak,
        routestap=standaardstap("gesprek-school"),
        begonnen_op=VANDAAG() - 20 * DAG,
    )
    services.stap_afronden(
        actor=ib,
        stap=eerste,
        afgerond_op=VANDAAG() - 10 * DAG,
        uitkomst=Stapuitkomst.NIET_OPGELOST,
    )
    with pytest.raises(ValidationError) as fout:
        services.stap_beginnen(
            actor=ib,
            onenigheid=_vers(zaak),
            routestap=standaardstap("swv-overleg"),
            begonnen_op=VANDAAG() - 15 * DAG,
        )
    einde = (VANDAAG() - 10 * DAG).strftime("%d-%m-%Y")
    assert fout.value.message_dict["begonnen_op"] == [
        f"Deze datum kan niet vóór het einde van de vorige stap ({einde}) liggen."
    ]
    # Nothing saved: no second step, and the SWV was not backdated into the case.
    vers = _vers(zaak)
    assert vers.stappen.count() == 1
    assert vers.swv_betrokken_sinds is None
    services.stap_beginnen(
        actor=ib,
        onenigheid=vers,
        routestap=standaardstap("swv-overleg"),
        begonnen_op=VANDAAG() - 10 * DAG,
    )
    assert _vers(zaak).swv_betrokken_sinds == VANDAAG() - 10 * DAG


def test_afsluiten_niet_voor_een_afgeronde_stap(regio):
    zaak = _zaak(regio)
    ib = actor(regio, R.INTERN_BEGELEIDER)
    stap = services.stap_beginnen(
        actor=ib,
        onenigheid=zaak,
        routestap=standaardstap("gesprek-school"),
        begonnen_op=VANDAAG() - 20 * DAG,
    )
    services.stap_afronden(
        actor=ib, stap=stap, afgerond_op=VANDAAG() - 5 * DAG, uitkomst=Stapuitkomst.OPGELOST
    )
    zaak = _vers(zaak)
    with pytest.raises(ValidationError) as fout:
        services.onenigheid_afsluiten(
            actor=ib,
            onenigheid=zaak,
            revisie=zaak.revisie,
            status=Status.OPGELOST,
            afgesloten_op=VANDAAG() - 10 * DAG,
            afsluiting="Samen opgelost.",
        )
    assert "Kies een latere datum" in fout.value.message_dict["afgesloten_op"][0]
    assert _vers(zaak).status == Status.OPEN


def test_afsluiten_niet_voor_de_data_bij_de_commissie(regio):
    zaak = _zaak(regio)
    ib = actor(regio, R.INTERN_BEGELEIDER)
    services.commissie_vastleggen(
        actor=ib,
        onenigheid=zaak,
        revisie=zaak.revisie,
        besluit_op=VANDAAG() - 25 * DAG,
        commissie_ingediend_op=VANDAAG() - 3 * DAG,
    )
    zaak = _vers(zaak)
    with pytest.raises(ValidationError) as fout:
        services.onenigheid_afsluiten(
            actor=ib,
            onenigheid=zaak,
            revisie=zaak.revisie,
            status=Status.GESLOTEN,
            afgesloten_op=VANDAAG() - 4 * DAG,
            afsluiting="Gestopt.",
        )
    assert "afgesloten_op" in fout.value.message_dict
    services.onenigheid_afsluiten(
        actor=ib,
        onenigheid=zaak,
        revisie=zaak.revisie,
        status=Status.GESLOTEN,
        afgesloten_op=VANDAAG() - 3 * DAG,
        afsluiting="Gestopt.",
    )


# --- Finding 12: the LBT's dates in order; nothing recorded on a closed case ---------------


def _tlv_zaak(regio):
    return _zaak(regio, onderwerp=Onderwerp.TLV, opp=None)


def test_beslissing_op_het_bezwaar_niet_voor_het_advies_van_de_lbt(regio):
    zaak = _tlv_zaak(regio)
    with pytest.raises(ValidationError) as fout:
        services.commissie_vastleggen(
            actor=actor(regio, R.INTERN_BEGELEIDER),
            onenigheid=zaak,
            revisie=zaak.revisie,
            besluit_op=VANDAAG() - 28 * DAG,
            commissie_ingediend_op=VANDAAG() - 20 * DAG,
            advies_gevraagd_op=VANDAAG() - 10 * DAG,
            oordeel_op=VANDAAG() - 15 * DAG,
            oordeel="Het bezwaar is ongegrond.",
        )
    assert fout.value.message_dict["oordeel_op"][0].startswith(
        "Deze datum kan niet vóór het advies van de LBT is gevraagd"
    )
    assert _vers(zaak).commissie_ingediend_op is None


def test_geen_geschilprocedure_vastleggen_op_een_afgesloten_onenigheid(regio):
    zaak = _zaak(regio)
    ib = actor(regio, R.INTERN_BEGELEIDER)
    services.onenigheid_afsluiten(
        actor=ib,
        onenigheid=zaak,
        revisie=zaak.revisie,
        status=Status.OPGELOST,
        afgesloten_op=VANDAAG(),
        afsluiting="Opgelost.",
    )
    zaak = _vers(zaak)
    with pytest.raises(services.Conflict) as conflict:
        services.commissie_vastleggen(
            actor=ib,
            onenigheid=zaak,
            revisie=zaak.revisie,
            besluit_op=VANDAAG() - 5 * DAG,
            commissie_ingediend_op=VANDAAG(),
        )
    assert conflict.value.code == "afgesloten"
    assert _vers(zaak).commissie_ingediend_op is None


# --- Finding 8: only the parent who started it withdraws it ------------------------------


def test_alleen_de_ouder_die_startte_trekt_in_en_de_naam_staat_erbij(regio):
    tweede_ouder = GebruikerFactory(first_name="Kim", last_name="Tweede")
    OuderschapFactory(ouder=tweede_ouder, leerling=regio.leerling, gezag=True)
    eerste = actor(regio, R.OUDER)
    zaak = services.onenigheid_starten(
        actor=eerste,
        leerling=regio.leerling,
        onderwerp=Onderwerp.OPP,
        omschrijving="Wij willen meer hulp.",
        opp=regio.opp,
    )
    tweede = Actor(gebruiker=tweede_ouder, rol=regio.rollen[R.OUDER])
    with pytest.raises(Geweigerd):
        services.onenigheid_intrekken(actor=tweede, onenigheid=zaak, revisie=zaak.revisie)
    assert _vers(zaak).status == Status.OPEN
    services.onenigheid_intrekken(actor=eerste, onenigheid=zaak, revisie=zaak.revisie)
    vers = _vers(zaak)
    assert vers.status == Status.GESLOTEN
    naam = eerste.gebruiker.get_full_name() or eerste.gebruiker.get_username()
    assert vers.afsluiting == f"Ingetrokken door {naam}, de ouder die de onenigheid startte."


def test_tweede_ouder_ziet_geen_intrekknop_en_krijgt_404(regio):
    tweede_ouder = GebruikerFactory(first_name="Kim", last_name="Tweede")
    OuderschapFactory(ouder=tweede_ouder, leerling=regio.leerling, gezag=True)
    zaak = services.onenigheid_starten(
        actor=actor(regio, R.OUDER),
        leerling=regio.leerling,
        onderwerp=Onderwerp.OPP,
        omschrijving="Wij willen meer hulp.",
        opp=regio.opp,
    )
    rol = regio.rollen[R.OUDER]
    rol.pk = None
    rol.id = None
    rol.gebruiker = tweede_ouder
    rol.save()
    client = client_voor(rol)
    pagina = client.get(reverse("geschillen:portaal-onenigheid", args=[zaak.sleutel]))
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "Onenigheid intrekken</a>" not in tekst
    assert "Alleen de ouder die deze onenigheid startte, kan haar intrekken." in tekst
    url = reverse("geschillen:portaal-intrekken", args=[zaak.sleutel])
    antwoord = client.post(url, {"revisie": zaak.revisie})
    assert antwoord.status_code == 404
    assert _vers(zaak).status == Status.OPEN
    regel = Toegangsregel.objects.filter(route="geschillen:portaal-intrekken").latest("id")
    assert regel.resultaat == "geweigerd"


# --- Finding 15: no second open disagreement about the same thing ------------------------


def test_tweede_open_onenigheid_over_hetzelfde_wordt_geweigerd(regio):
    eerste = _zaak(regio)
    with pytest.raises(ValidationError) as fout:
        services.onenigheid_starten(
            actor=actor(regio, R.OUDER),
            leerling=regio.leerling,
            onderwerp=Onderwerp.OPP,
            omschrijving="Nog een keer.",
            opp=regio.opp,
        )
    assert "Er loopt al een onenigheid over hetzelfde" in fout.value.message_dict["__all__"][0]
    assert Onenigheid.objects.filter(status=Status.OPEN, opp=regio.opp).count() == 1
    # Another subject is fine, and so is the same one after the first was closed.
    _zaak(regio, onderwerp=Onderwerp.ONDERSTEUNING, opp=None)
    services.onenigheid_afsluiten(
        actor=actor(regio, R.INTERN_BEGELEIDER),
        onenigheid=eerste,
        revisie=eerste.revisie,
        status=Status.OPGELOST,
        afgesloten_op=VANDAAG(),
        afsluiting="Opgelost.",
    )
    _zaak(regio)


# --- Finding 3: a step number that is not a plain number is a form error, not a 500 -------


@pytest.mark.parametrize("pk", ["²", "٣", "99999999999999999999999", "abc"])
def test_route_met_een_vreemd_stapnummer_geeft_een_formulierfout(regio, pk):
    services.route_overnemen(actor=actor(regio, R.DIRECTEUR))
    client = client_voor(regio.rollen[R.DIRECTEUR])
    antwoord = client.post(
        reverse("geschillen:route"),
        {
            "routestap": pk,
            f"stap{pk}-revisie": 1,
            f"stap{pk}-naam": "Nieuw",
            f"stap{pk}-uitleg": "Uitleg.",
        },
    )
    assert antwoord.status_code == 200
    assert "Deze stap hoort niet bij de route van uw samenwerkingsverband." in (
        antwoord.content.decode()
    )
    assert not Routestap.objects.filter(naam="Nieuw").exists()


# --- Finding 14: an unknown step of a case is refused and logged -------------------------


def test_onbekende_stap_afronden_wordt_gelogd(regio):
    zaak = regio.extra["onenigheid"]
    Onenigheid.objects.filter(pk=zaak.pk).update(status=Status.OPEN, afgesloten_op=None)
    client = client_voor(regio.rollen[R.INTERN_BEGELEIDER])
    url = reverse("geschillen:stap-afronden", args=[zaak.sleutel, 999_999])
    voor = Toegangsregel.objects.count()
    antwoord = client.post(
        url, {"afgerond_op": VANDAAG().isoformat(), "uitkomst": Stapuitkomst.OPGELOST}
    )
    assert antwoord.status_code == 404
    assert Toegangsregel.objects.count() == voor + 1
    regel = Toegangsregel.objects.latest("id")
    assert (regel.route, regel.resultaat) == ("geschillen:stap-afronden", "geweigerd")
    assert "bestaat niet" in regel.reden


# --- Finding 11: the route's texts have a revisie -----------------------------------------


def test_routestap_met_een_oude_revisie_is_een_conflict_en_houdt_de_invoer(regio):
    stap = services.route_overnemen(actor=actor(regio, R.DIRECTEUR))[0]
    url = reverse("geschillen:route")
    prefix = f"stap{stap.pk}"
    directeur = client_voor(regio.rollen[R.DIRECTEUR])
    beheerder = client_voor(regio.rollen[R.FUNCTIONEEL_BEHEERDER])
    eerst = {"routestap": stap.pk, f"{prefix}-revisie": 1, f"{prefix}-uitleg": "Uitleg."}
    antwoord = beheerder.post(url, {**eerst, f"{prefix}-naam": "Versie van de beheerder"})
    assert antwoord.status_code == 302
    # The directeur's form was read before that change.
    antwoord = directeur.post(url, {**eerst, f"{prefix}-naam": "Versie van de directeur"})
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Iemand anders heeft deze stap intussen gewijzigd." in tekst
    assert 'value="Versie van de directeur"' in tekst  # what was typed is kept
    stap.refresh_from_db()
    assert (stap.naam, stap.revisie) == ("Versie van de beheerder", 2)
    # Saving again after reading the new texts goes through.
    antwoord = directeur.post(
        url, {**eerst, f"{prefix}-revisie": 2, f"{prefix}-naam": "Versie van de directeur"}
    )
    assert antwoord.status_code == 302
    stap.refresh_from_db()
    assert (stap.naam, stap.revisie) == ("Versie van de directeur", 3)


# --- Findings 7 and 19: staff see what parents read; Dutch messages per field -------------


def test_stap_afronden_zonder_gegevens_geeft_nederlandse_fouten(regio):
    zaak = regio.extra["onenigheid"]
    Onenigheid.objects.filter(pk=zaak.pk).update(status=Status.OPEN, afgesloten_op=None)
    stap = zaak.stappen.get()
    client = client_voor(regio.rollen[R.INTERN_BEGELEIDER])
    url = reverse("geschillen:stap-afronden", args=[zaak.sleutel, stap.pk])
    fouten = client.post(url, {"afgerond_op": "31-02-2026"}).context["form"].errors
    assert fouten["afgerond_op"] == ["Vul een geldige datum in (dd-mm-jjjj)."]
    assert fouten["uitkomst"] == ["Kies de uitkomst van deze stap."]
    fouten = client.post(url, {}).context["form"].errors
    assert fouten["afgerond_op"] == ["Vul de datum in waarop de stap is afgerond."]


def test_formulieren_zeggen_dat_ouders_de_toelichting_lezen():
    from passend.geschillen import forms

    for form in (
        forms.StapForm(route=[]),
        forms.StapAfrondenForm(),
        forms.SchoolStartenForm(keuzes=[]),
    ):
        veld = "omschrijving" if isinstance(form, forms.SchoolStartenForm) else "toelichting"
        assert form.fields[veld].help_text == "Ouders lezen dit in het portaal."
    # The parent's own form does not say so.
    ouder = forms.PortaalStartenForm(keuzes=[], kinderen=[])
    assert ouder.fields["omschrijving"].help_text == ""


# --- Finding 20: plain words on the parent pages -----------------------------------------


def test_portaal_gebruikt_gewone_woorden(regio):
    zaak = regio.extra["onenigheid"]
    Onenigheid.objects.filter(pk=zaak.pk).update(status=Status.OPEN, afgesloten_op=None)
    client = client_voor(regio.rollen[R.OUDER])
    starten = client.get(reverse("geschillen:portaal-starten")).content.decode()
    zaakpagina = client.get(
        reverse("geschillen:portaal-onenigheid", args=[zaak.sleutel])
    ).content.decode()
    overzicht = client.get(reverse("geschillen:portaal")).content.decode()
    for pagina in (starten, zaakpagina, overzicht):
        assert "ontwikkelingsperspectief" not in pagina.lower()
        assert "toelaatbaarheidsverklaring" not in pagina.lower()
        assert "plan voor extra ondersteuning (OPP)" in pagina
    assert "De toelating tot speciaal onderwijs (TLV)" in starten
    assert "OPP versie" not in starten + zaakpagina
    assert "De termijnen bij de geschillencommissie" in zaakpagina
    assert "De termijnen bij de GPO" not in zaakpagina
