"""The verzuim pages: every form error in Dutch, one access-log record per request, a stale
form, what the municipality's partners see (and never see)."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Toegangsregel
from passend.core.tests.scenario import client_voor
from passend.leerlingen.models import Leerling
from passend.leerlingen.permissions import beleid as leerlingbeleid
from passend.leerlingen.tests.factories import InschrijvingFactory, LeerlingFactory
from passend.ondersteuning.tests.factories import OppFactory
from passend.verzuim import services
from passend.verzuim.forms import ONVOLLEDIG
from passend.verzuim.models import Verzuimmelding
from passend.verzuim.rules import Reden, Verzuimsoort
from passend.verzuim.selectors.werk import mijn_werk
from passend.verzuim.tests.conftest import ander_kind

R = Rolsoort
pytestmark = pytest.mark.django_db


def vandaag() -> date:
    return timezone.localdate()


def client(actor: Actor) -> Client:
    return client_voor(actor.rol)


def melden(regio: Any, weken: int = 6, **extra: Any) -> Verzuimmelding:
    velden: dict[str, Any] = {
        "actor": regio[R.INTERN_BEGELEIDER],
        "leerling": regio.leerling,
        "soort": Verzuimsoort.RELATIEF,
        "sinds": vandaag() - timedelta(weeks=weken),
        "reden": Reden.GEEN_PASSEND_AANBOD,
        "leerplichtambtenaar": regio[R.LEERPLICHTAMBTENAAR].gebruiker,
    }
    velden.update(extra)
    return services.melding_maken(**velden)


class Log:
    """The access-log records written during a block."""

    def __enter__(self) -> "Log":
        self.voor = Toegangsregel.objects.count()
        return self

    def __exit__(self, *exc: object) -> None:
        self.regels = list(Toegangsregel.objects.order_by("id")[self.voor :])


def test_melden_vanaf_de_leerling(wereld: Any) -> None:
    regio = wereld.eigen
    ib = client(regio[R.INTERN_BEGELEIDER])
    url = reverse("verzuim:melden-leerling", args=[regio.leerling.sleutel])
    with Log() as log:
        antwoord = ib.get(url)
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "langdurig relatief verzuim als het langer dan 4 weken duurt" in tekst
    assert "16 uur of meer" in tekst
    assert escape(regio[R.LEERPLICHTAMBTENAAR].gebruiker.get_full_name()) in tekst
    assert escape(wereld.ander[R.LEERPLICHTAMBTENAAR].gebruiker.get_full_name()) not in tekst
    assert [(r.actie, r.resultaat) for r in log.regels] == [("lezen", "toegestaan")]

    with Log() as log:
        antwoord = ib.post(url, {})
    assert antwoord.status_code == 200
    fouten = antwoord.context["form"].errors
    assert fouten == {
        "soort": ["Kies de soort verzuim."],
        "sinds": ["Vul de eerste dag van het verzuim in."],
        "reden": ["Kies de reden van het verzuim."],
    }
    assert len(log.regels) == 1
    antwoord = ib.post(
        url, {"soort": "relatief", "sinds": "gisteren", "reden": "x", "gemiste_uren": "-3"}
    )
    assert antwoord.context["form"].errors == {
        "sinds": ["Vul een geldige datum in, zoals 2026-09-01."],
        "reden": ["Kies de reden van het verzuim."],
        "gemiste_uren": ["Vul 0 of meer uren in."],
    }
    morgen = vandaag() + timedelta(days=1)
    antwoord = ib.post(url, {"soort": "relatief", "sinds": morgen.isoformat(), "reden": "gedrag"})
    assert antwoord.context["form"].errors == {
        "sinds": ["Deze datum kan niet in de toekomst liggen."]
    }
    with Log() as log:
        antwoord = ib.post(
            url,
            {
                "soort": "relatief",
                "sinds": (vandaag() - timedelta(weeks=6)).isoformat(),
                "reden": "gedrag",
                "gemiste_uren": "20",
                "leerplichtambtenaar": regio[R.LEERPLICHTAMBTENAAR].gebruiker.pk,
            },
        )
    melding = Verzuimmelding.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("verzuim:melding", args=[melding.sleutel])
    assert [(r.actie, r.object_type) for r in log.regels] == [("aanmaken", "verzuimmelding")]
    # A pupil of another school is hidden.
    anders = ib.get(reverse("verzuim:melden-leerling", args=[wereld.ander.leerling.sleutel]))
    assert anders.status_code == 404


def test_absoluut_verzuim_melden(wereld: Any) -> None:
    regio = wereld.eigen
    url = reverse("verzuim:melden")
    assert client(regio[R.INTERN_BEGELEIDER]).get(url).status_code == 403
    loket = client(regio[R.LOKET])
    antwoord = loket.post(url, {})
    assert set(antwoord.context["form"].errors) == {
        "voornamen",
        "achternaam",
        "geboortedatum",
        "postcode",
        "woongemeente",
        "sinds",
        "reden",
    }
    antwoord = loket.post(
        url,
        {
            "voornamen": "Noor",
            "achternaam": "Testkind",
            "geboortedatum": "2014-02-03",
            "postcode": "3511AB",
            "woongemeente": regio.gemeente.pk,
            "sinds": vandaag().isoformat(),
            "reden": "verhuizing",
        },
    )
    melding = Verzuimmelding.objects.get()
    assert antwoord.status_code == 302
    assert melding.soort == Verzuimsoort.ABSOLUUT and melding.vestiging is None
    pagina = loket.get(reverse("verzuim:melding", args=[melding.sleutel])).content.decode()
    assert "Niet ingeschreven" in pagina and "Absoluut verzuim" in pagina


def test_de_melding_met_afleidingen_en_doorbraak(wereld: Any) -> None:
    regio = wereld.eigen
    melding = melden(regio, weken=13)
    leerplicht = client(regio[R.LEERPLICHTAMBTENAAR])
    url = reverse("verzuim:melding", args=[melding.sleutel])
    with Log() as log:
        antwoord = leerplicht.get(url)
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Langdurig relatief verzuim" in tekst
    assert f"thuiszitter vanaf {melding.sinds + timedelta(days=28):%-d}" in tekst
    assert "Doorbraakplan nodig" in tekst
    assert "de directeur-bestuurder van het samenwerkingsverband" in tekst
    assert 'href="' + reverse("verzuim:onderwijsconsulent", args=[melding.sleutel]) in tekst
    assert [(r.actie, r.resultaat, r.object_id) for r in log.regels] == [
        ("lezen", "toegestaan", str(melding.sleutel))
    ]
    # A colleague of the same municipality who is no partner sees nothing (logged).
    with Log() as log:
        assert client(regio["collega"]).get(url).status_code == 404
    assert [(r.actie, r.resultaat) for r in log.regels] == [("lezen", "geweigerd")]
    overzicht = client(regio["collega"]).get(reverse("verzuim:overzicht"))
    assert melding.meldnummer not in overzicht.content.decode()


def test_onderwijsconsulent_knop_pas_na_4_weken(wereld: Any) -> None:
    regio = wereld.eigen
    melding = melden(regio, weken=2)
    tekst = client(regio[R.LOKET]).get(reverse("verzuim:melding", args=[melding.sleutel]))
    inhoud = tekst.content.decode()
    assert "disabled" in inhoud
    assert "meer dan 4 weken thuis zit" in inhoud
    assert reverse("verzuim:onderwijsconsulent", args=[melding.sleutel]) not in inhoud
    assert "Doorbraakplan nodig" not in inhoud


def test_leerplicht_ziet_nooit_het_opp(wereld: Any) -> None:
    regio = wereld.eigen
    melden(regio)
    opp = OppFactory(leerling=regio.leerling, vestiging=regio.vestiging, ingevuld=True)
    for rolsoort in (R.LEERPLICHTAMBTENAAR, R.JEUGDHULP):
        actor = regio[rolsoort]
        antwoord = client(actor).get(reverse("ondersteuning:detail", args=[opp.sleutel]))
        assert antwoord.status_code in (403, 404)
    services.partner_toevoegen(
        actor=regio[R.INTERN_BEGELEIDER],
        melding=Verzuimmelding.objects.get(),
        soort="jeugdhulp",
        van=vandaag(),
        gebruiker=regio[R.JEUGDHULP].gebruiker,
    )
    antwoord = client(regio[R.JEUGDHULP]).get(reverse("ondersteuning:detail", args=[opp.sleutel]))
    assert antwoord.status_code in (403, 404)


def test_verouderd_formulier_toont_huidige_gegevens(wereld: Any) -> None:
    regio = wereld.eigen
    melding = melden(regio)
    services.melding_wijzigen(
        actor=regio[R.LOKET],
        melding=melding,
        revisie=1,
        wijzigingen={"toelichting": "Door het loket aangevuld"},
    )
    ib = client(regio[R.INTERN_BEGELEIDER])
    with Log() as log:
        antwoord = ib.post(
            reverse("verzuim:melding-wijzigen", args=[melding.sleutel]),
            {
                "revisie": "1",
                "sinds": melding.sinds.isoformat(),
                "reden": "gedrag",
                "toelichting": "Mijn eigen tekst",
            },
        )
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Iemand anders heeft deze melding intussen gewijzigd" in tekst
    assert "Mijn eigen tekst" in tekst
    assert antwoord.context["form"]["revisie"].value() == "2"
    melding.refresh_from_db()
    assert melding.toelichting == "Door het loket aangevuld"
    assert len(log.regels) == 1


def test_schrijfpaginas_fouten_in_het_nederlands(wereld: Any) -> None:
    regio = wereld.eigen
    melding = melden(regio)
    ib = client(regio[R.INTERN_BEGELEIDER])
    actie = services.actiepunt_toevoegen(
        actor=regio[R.INTERN_BEGELEIDER],
        melding=melding,
        omschrijving="Gesprek",
        eigenaar=melding.partners.first(),
        deadline=vandaag(),
    )
    partner = melding.partners.first()
    verwacht = {
        "melding-wijzigen": {
            "sinds": ["Vul de eerste dag van het verzuim in."],
            "reden": ["Kies de reden van het verzuim."],
            "revisie": [ONVOLLEDIG],
        },
        "partner-toevoegen": {
            "soort": ["Kies de soort partner."],
            "van": ["Vul in vanaf wanneer de partner meedoet."],
            "naam": ["Kies een medewerker of vul de naam van de partner in."],
        },
        "actie-toevoegen": {
            "omschrijving": ["Beschrijf de actie."],
            "eigenaar": ["Kies wie de actie uitvoert."],
            "deadline": ["Vul de deadline in."],
        },
        "doorbraak": {
            "revisie": [ONVOLLEDIG],
            "aanpak": ["Beschrijf de aanpak."],
            "uiterlijk": ["Vul de deadline van het plan in."],
            "doorzettingsmacht": ["Vul in wie de doorzettingsmacht heeft."],
        },
        "onderwijsconsulent": {
            "revisie": [ONVOLLEDIG],
            "op": ["Vul de dag in waarop de onderwijsconsulent is ingeschakeld."],
            "naam": ["Vul de naam van de onderwijsconsulent in."],
        },
        "aanbod": {
            "revisie": [ONVOLLEDIG],
            "aanbod_op": ["Vul de dag in waarop het aanbod is afgesproken."],
            "omschrijving": ["Beschrijf het aanbod."],
        },
        "beeindigen": {
            "revisie": [ONVOLLEDIG],
            "einde": ["Vul de laatste dag van het verzuim in."],
            "uitkomst": ["Kies de uitkomst."],
        },
    }
    for naam, fouten in verwacht.items():
        url = reverse(f"verzuim:{naam}", args=[melding.sleutel])
        assert ib.get(url).status_code == 200, naam
        with Log() as log:
            antwoord = ib.post(url, {})
        assert antwoord.status_code == 200, naam
        assert antwoord.context["form"].errors == fouten, naam
        assert len(log.regels) == 1, naam
    antwoord = ib.post(
        reverse("verzuim:partner-beeindigen", args=[melding.sleutel, partner.pk]), {}
    )
    assert antwoord.context["form"].errors == {"tot": ["Vul de laatste dag van de deelname in."]}
    antwoord = ib.post(reverse("verzuim:actie-afronden", args=[melding.sleutel, actie.pk]), {})
    assert antwoord.context["form"].errors == {
        "afgerond_op": ["Vul de dag in waarop de actie is afgerond."]
    }
    with Log() as log:
        antwoord = ib.post(reverse("verzuim:actie-afronden", args=[melding.sleutel, 999999]), {})
    assert antwoord.status_code == 404
    assert [r.resultaat for r in log.regels] == ["geweigerd"]


def test_overzicht_filtert_en_logt(wereld: Any) -> None:
    regio = wereld.eigen
    thuis = melden(regio, weken=6)
    kort = melden(regio, weken=1, leerplichtambtenaar=None, leerling=ander_kind(regio))
    loket = client(regio[R.LOKET])
    with Log() as log:
        antwoord = loket.get(reverse("verzuim:overzicht"))
    tekst = antwoord.content.decode()
    assert thuis.meldnummer in tekst and kort.meldnummer in tekst
    assert [(r.actie, r.object_type) for r in log.regels] == [("zoeken", "verzuim-overzicht")]
    assert {str(s.leerling_sleutel) for s in log.regels[0].leerlingen.all()} == {
        str(regio.leerling.sleutel),
        str(kort.leerling.sleutel),
    }
    alleen = loket.get(reverse("verzuim:overzicht") + "?thuiszitters=1").content.decode()
    assert thuis.meldnummer in alleen and kort.meldnummer not in alleen
    services.melding_beeindigen(
        actor=regio[R.LOKET], melding=kort, revisie=1, einde=vandaag(), uitkomst="overig"
    )
    open_ = loket.get(reverse("verzuim:overzicht")).content.decode()
    assert kort.meldnummer not in open_
    beeindigd = loket.get(reverse("verzuim:overzicht") + "?status=beeindigd").content.decode()
    assert kort.meldnummer in beeindigd and thuis.meldnummer not in beeindigd
    assert client(regio[R.LERAAR]).get(reverse("verzuim:overzicht")).status_code == 403


def test_mijn_werk(wereld: Any, django_assert_max_num_queries: Any) -> None:
    regio = wereld.eigen
    melding = melden(regio, weken=13)
    services.actiepunt_toevoegen(
        actor=regio[R.INTERN_BEGELEIDER],
        melding=melding,
        omschrijving="Huisbezoek",
        eigenaar=melding.partners.get(soort="leerplicht"),
        deadline=vandaag(),
    )
    melding.actiepunten.update(deadline=vandaag() - timedelta(days=1))
    with django_assert_max_num_queries(2):
        items = mijn_werk(actor=regio[R.LEERPLICHTAMBTENAAR], peildatum=vandaag())
    teksten = [i["tekst"] for i in items]
    assert teksten == [
        "1 verzuimmelding vraagt om een doorbraakplan",
        "1 actie in verzuimmeldingen over de deadline",
        "1 kind zit langer dan 4 weken thuis zonder onderwijsconsulent",
    ]
    # The school has no overdue action of its own; the colleague has nothing at all.
    school = [i["tekst"] for i in mijn_werk(actor=regio[R.INTERN_BEGELEIDER], peildatum=vandaag())]
    assert "1 actie in verzuimmeldingen over de deadline" not in school
    assert mijn_werk(actor=regio["collega"], peildatum=vandaag()) == []
    assert mijn_werk(actor=regio[R.BESTUURDER], peildatum=vandaag()) == []


def test_verouderd_doorbraakformulier_overschrijft_het_plan_niet(wereld: Any) -> None:
    """Regression: the doorbraak page had no revisie, so a second editor silently
    overwrote the first one's plan."""
    regio = wereld.eigen
    melding = melden(regio, weken=20)
    url = reverse("verzuim:doorbraak", args=[melding.sleutel])
    ib = client(regio[R.INTERN_BEGELEIDER])
    formulier = ib.get(url)
    assert formulier.context["form"]["revisie"].value() == 1
    services.doorbraakplan_vastleggen(
        actor=regio[R.LEERPLICHTAMBTENAAR],
        melding=melding,
        revisie=1,
        aanpak="Plan van leerplicht",
        uiterlijk=vandaag() + timedelta(weeks=4),
        doorzettingsmacht="de wethouder",
    )
    with Log() as log:
        antwoord = ib.post(
            url,
            {
                "revisie": "1",
                "aanpak": "Mijn eigen aanpak",
                "uiterlijk": (vandaag() + timedelta(weeks=2)).isoformat(),
                "doorzettingsmacht": "de directeur",
            },
        )
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Iemand anders heeft deze melding intussen gewijzigd" in tekst
    assert "Mijn eigen aanpak" in tekst
    assert antwoord.context["form"]["revisie"].value() == "2"
    melding.refresh_from_db()
    assert melding.doorbraakplan.aanpak == "Plan van leerplicht"
    assert [(r.actie, r.resultaat) for r in log.regels] == [("lezen", "toegestaan")]


def test_gemeenterol_elders_ziet_melding_en_leerling_niet(wereld: Any) -> None:
    """The same person, now holding the role in another municipality, no longer sees the
    case nor the pupil through it (regression: only the Partner/Betrokkenheid of the user
    was checked)."""
    regio = wereld.eigen
    melding = melden(regio)
    lpa = regio[R.LEERPLICHTAMBTENAAR]
    melding_url = reverse("verzuim:melding", args=[melding.sleutel])
    leerling_url = reverse("leerlingen:detail", args=[regio.leerling.sleutel])
    assert client(lpa).get(melding_url).status_code == 200
    assert client(lpa).get(leerling_url).status_code == 200
    elders = RolFactory(
        gebruiker=lpa.gebruiker, rolsoort=R.LEERPLICHTAMBTENAAR, gemeente=wereld.ander.gemeente
    )
    andere_rol = client_voor(elders)
    with Log() as log:
        assert andere_rol.get(melding_url).status_code == 404
    assert [(r.actie, r.resultaat) for r in log.regels] == [("lezen", "geweigerd")]
    assert andere_rol.get(leerling_url).status_code == 404
    assert andere_rol.get(reverse("verzuim:overzicht")).context["rijen"] == []
    actor_elders = Actor(gebruiker=lpa.gebruiker, rol=elders)
    assert not leerlingbeleid.mag(actor_elders, "bekijken", regio.leerling)
    # Without a woongemeente the municipality of the school location counts.
    Leerling.objects.filter(pk=regio.leerling.pk).update(woongemeente=None)
    assert leerlingbeleid.mag(lpa, "bekijken", regio.leerling)
    assert not leerlingbeleid.mag(actor_elders, "bekijken", regio.leerling)


def test_link_naar_de_leerling_alleen_voor_wie_de_leerling_mag_zien(wereld: Any) -> None:
    regio = wereld.eigen
    kind = LeerlingFactory(voornamen="Zonder", achternaam="Tlv", woongemeente=regio.gemeente)
    InschrijvingFactory(leerling=kind, vestiging=regio.vestiging)
    melding = melden(regio, leerling=kind)
    url = reverse("verzuim:melding", args=[melding.sleutel])
    link = reverse("leerlingen:detail", args=[kind.sleutel])
    for rolsoort in (R.INTERN_BEGELEIDER, R.LEERPLICHTAMBTENAAR):
        antwoord = client(regio[rolsoort]).get(url)
        assert antwoord.status_code == 200
        assert link in antwoord.content.decode(), rolsoort
    for rolsoort in (R.LOKET, R.COMMISSIELID):
        antwoord = client(regio[rolsoort]).get(url)
        assert antwoord.status_code == 200
        assert link not in antwoord.content.decode(), rolsoort
        assert client(regio[rolsoort]).get(link).status_code == 404


def test_leerlingpagina_toont_opp_kop_alleen_aan_wie_opps_leest(wereld: Any) -> None:
    """Regression: the leerplichtambtenaar saw the OPP heading with "Geen OPP." although
    the pupil has one."""
    regio = wereld.eigen
    melden(regio)
    OppFactory(leerling=regio.leerling, vestiging=regio.vestiging, ingevuld=True)
    url = reverse("leerlingen:detail", args=[regio.leerling.sleutel])
    antwoord = client(regio[R.LEERPLICHTAMBTENAAR]).get(url)
    assert antwoord.status_code == 200
    assert antwoord.context["mag_opp_lezen"] is False
    tekst = antwoord.content.decode()
    assert "Ontwikkelingsperspectief (OPP)" not in tekst
    assert "Geen OPP." not in tekst
    antwoord = client(regio[R.INTERN_BEGELEIDER]).get(url)
    assert antwoord.context["mag_opp_lezen"] is True
    tekst = antwoord.content.decode()
    assert "Ontwikkelingsperspectief (OPP)" in tekst and "Versie 1" in tekst
