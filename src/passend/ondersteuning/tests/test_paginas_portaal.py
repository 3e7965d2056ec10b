"""The portal pages of the OPP: parents and the pupil (plain words, consent, hoorrecht)."""

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import WACHTWOORD, GebruikerFactory, RolFactory
from passend.core.models import Toegangsregel
from passend.leerlingen.models import Leerling
from passend.leerlingen.tests.factories import (
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.ondersteuning import services
from passend.ondersteuning.models import Instemming, Leerlingstem, Ontwikkelingsperspectief
from passend.ondersteuning.rules import Besluit, FactorSoort, Hoorwijze, Status, Wijze

pytestmark = pytest.mark.django_db


@dataclass
class Wereld:
    leerling: Leerling
    ib: Rol
    ouder: Rol
    ouder_zonder_gezag: Rol
    kind: Rol

    def actor(self, rol: Rol) -> Actor:
        return Actor(gebruiker=rol.gebruiker, rol=rol)


@pytest.fixture
def wereld() -> Wereld:
    inschrijving = InschrijvingFactory(
        leerling=LeerlingFactory(roepnaam="Sam", geboortedatum=datetime.date(2013, 4, 1))
    )
    leerling = inschrijving.leerling
    kind_gebruiker = GebruikerFactory()
    leerling.gebruiker = kind_gebruiker
    leerling.save()
    met = OuderschapFactory(leerling=leerling, gezag=True)
    zonder = OuderschapFactory(leerling=leerling, gezag=False)
    return Wereld(
        leerling=leerling,
        ib=RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=inschrijving.vestiging.school),
        ouder=RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=met.ouder),
        ouder_zonder_gezag=RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=zonder.ouder),
        kind=RolFactory(rolsoort=Rolsoort.LEERLING, gebruiker=kind_gebruiker),
    )


@pytest.fixture
def concept(wereld: Wereld) -> Ontwikkelingsperspectief:
    """A draft with every part the school writes; the parents and pupil have not spoken yet."""
    ib = wereld.actor(wereld.ib)
    opp = services.opp_starten(
        actor=ib, leerling=wereld.leerling, start_extra_ondersteuning=datetime.date(2026, 9, 1)
    )
    opp = services.opp_bijwerken(
        actor=ib,
        opp=opp,
        versie=opp.gewijzigd_op.isoformat(),
        wijzigingen={
            "uitstroombestemming": "vmbo_kb",
            "uitstroomperspectief": "Met steun bij lezen.",
            "onderbouwing": "Toetsen en observaties.",
        },
    )
    services.factor_toevoegen(
        actor=ib, opp=opp, soort=FactorSoort.BELEMMEREND, omschrijving="Leest langzaam"
    )
    services.factor_toevoegen(
        actor=ib, opp=opp, soort=FactorSoort.BEVORDEREND, omschrijving="Werkt hard"
    )
    services.doel_toevoegen(
        actor=ib,
        opp=opp,
        doel="Leest vloeiend",
        aanpak="Leesgroep",
        door_wie="Remedial teacher",
        frequentie="2x per week",
        van=datetime.date(2026, 9, 1),
        tot=datetime.date(2027, 1, 31),
        evaluatiewijze="AVI-toets",
    )
    services.overleg_vastleggen(
        actor=ib,
        opp=opp,
        datum=datetime.date(2026, 9, 20),
        deelnemers="Moeder, IB",
        samenvatting="Plan samen doorgenomen.",
    )
    opp.refresh_from_db()
    return opp


def _url(naam: str, opp: Ontwikkelingsperspectief) -> str:
    return reverse(f"ondersteuning:{naam}", args=[opp.sleutel])


def _verzoek(client: Any, methode: str, url: str, data: dict[str, str] | None = None) -> Any:
    """Do one request and check it wrote exactly one access-log record."""
    voor = Toegangsregel.objects.count()
    antwoord = getattr(client, methode)(url, data or {})
    assert Toegangsregel.objects.count() == voor + 1, "precies één regel in het toegangslog"
    return antwoord


def _laatste_regel() -> Toegangsregel:
    return Toegangsregel.objects.order_by("-id")[0]


def _vastgesteld(wereld: Wereld, opp: Ontwikkelingsperspectief) -> Ontwikkelingsperspectief:
    ib = wereld.actor(wereld.ib)
    stem = services.leerlingstem_vastleggen(
        actor=wereld.actor(wereld.kind),
        opp=opp,
        wat_gaat_goed="Rekenen",
        wat_is_moeilijk="Lezen",
        wat_wil_ik="Hulp",
        hoorwijze=Hoorwijze.ZELF,
    )
    services.reactie_op_leerlingstem(actor=ib, stem=stem, reactie="We starten een leesgroep.")
    services.instemming_geven(
        actor=wereld.actor(wereld.ouder),
        opp=opp,
        besluit=Besluit.GEGEVEN,
        herauthenticatie_op=timezone.now(),
    )
    return services.opp_vaststellen(actor=ib, opp=opp)


# --- The parent with gezag ------------------------------------------------------------------


def test_ouder_met_gezag_ziet_het_plan_in_gewone_woorden(wereld, concept, maak_client):
    antwoord = _verzoek(maak_client(wereld.ouder), "get", _url("portaal", concept))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    for tekst in (
        "Het plan voor Sam",
        "Dit plan is nog niet definitief",
        "Wat we verwachten",
        "Vmbo kaderberoepsgerichte leerweg",
        "Waarom",
        "Toetsen en observaties.",
        "Wat gaat moeilijk",
        "Leest langzaam",
        "Wat helpt",
        "Werkt hard",
        "Wat de school gaat doen",
        "Leesgroep",
        "2x per week",
        "AVI-toets",
        "Wat we samen bespraken",
        "Plan samen doorgenomen.",
        "Uw kijk",
        "Wat vindt uw kind",
        "Er is nog geen besluit genomen.",
        "Geef uw kijk",
        "Instemmen of niet instemmen",
        _url("pdf", concept),
    ):
        assert tekst in html, tekst
    regel = _laatste_regel()
    assert regel.resultaat == "toegestaan"
    assert regel.route == "ondersteuning:portaal"


def test_ouder_geeft_zijn_kijk(wereld, concept, maak_client):
    client = maak_client(wereld.ouder)
    formulier = _verzoek(client, "get", _url("zienswijze", concept))
    assert "Wat vindt u van het plan? Wat wilt u dat de school weet?" in formulier.content.decode()
    antwoord = _verzoek(
        client, "post", _url("zienswijze", concept), {"tekst": "Thuis helpt voorlezen."}
    )
    assert antwoord.status_code == 302
    assert antwoord.url == _url("portaal", concept)
    concept.refresh_from_db()
    assert concept.zienswijze_ouders == "Thuis helpt voorlezen."
    assert _laatste_regel().actie == "wijzigen"
    plan = client.get(_url("portaal", concept)).content.decode()
    assert "Thuis helpt voorlezen." in plan
    assert "De school kan nu lezen wat u van het plan vindt." in plan


def test_lege_kijk_wordt_niet_opgeslagen(wereld, concept, maak_client):
    antwoord = _verzoek(
        maak_client(wereld.ouder), "post", _url("zienswijze", concept), {"tekst": ""}
    )
    assert antwoord.status_code == 200
    assert "Schrijf op wat u van het plan vindt." in antwoord.content.decode()
    assert _laatste_regel().actie == "lezen"


def test_ouder_stemt_in_met_het_juiste_wachtwoord(wereld, concept, maak_client):
    client = maak_client(wereld.ouder)
    formulier = _verzoek(client, "get", _url("instemmen", concept)).content.decode()
    assert "Wat betekent instemmen?" in formulier
    assert "Leesgroep" in formulier  # the handelingsdeel is shown
    assert "Vul uw wachtwoord opnieuw in" in formulier
    antwoord = _verzoek(
        client,
        "post",
        _url("instemmen", concept),
        {"besluit": Besluit.GEGEVEN, "toelichting": "", "wachtwoord": WACHTWOORD},
    )
    assert antwoord.status_code == 302
    instemming = Instemming.objects.get(opp=concept)
    assert (instemming.besluit, instemming.wijze, instemming.door) == (
        Besluit.GEGEVEN,
        Wijze.ONLINE,
        wereld.ouder.gebruiker,
    )
    plan = client.get(_url("portaal", concept)).content.decode()
    assert "U heeft ingestemd met wat de school gaat doen." in plan
    assert "Ingestemd." in plan


def test_verkeerd_wachtwoord_geeft_een_foutmelding_en_slaat_niets_op(wereld, concept, maak_client):
    antwoord = _verzoek(
        maak_client(wereld.ouder),
        "post",
        _url("instemmen", concept),
        {"besluit": Besluit.GEGEVEN, "wachtwoord": "fout-wachtwoord"},
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Dit wachtwoord klopt niet." in html
    assert 'aria-describedby="id_wachtwoord-fout uitleg-wachtwoord"' in html
    assert not Instemming.objects.exists()
    assert _laatste_regel().actie == "lezen"


def test_niet_instemmen_vraagt_een_toelichting_en_toont_de_vervolgstappen(
    wereld, concept, maak_client
):
    client = maak_client(wereld.ouder)
    zonder_reden = _verzoek(
        client,
        "post",
        _url("instemmen", concept),
        {"besluit": Besluit.GEWEIGERD, "toelichting": " ", "wachtwoord": WACHTWOORD},
    )
    assert zonder_reden.status_code == 200
    assert "Schrijf kort op waarom u het niet eens bent." in zonder_reden.content.decode()
    assert not Instemming.objects.exists()

    antwoord = _verzoek(
        client,
        "post",
        _url("instemmen", concept),
        {
            "besluit": Besluit.GEWEIGERD,
            "toelichting": "Te weinig uren leeshulp.",
            "wachtwoord": WACHTWOORD,
        },
    )
    assert antwoord.status_code == 302
    assert antwoord.url.endswith("#wat-kunt-u-doen")
    assert Instemming.objects.get().besluit == Besluit.GEWEIGERD
    plan = client.get(_url("portaal", concept)).content.decode()
    for tekst in (
        "Niet ingestemd.",
        "Te weinig uren leeshulp.",
        "Wat kunt u doen als u het niet eens bent?",
        "intern begeleider",
        "schoolbestuur",
        "ouder- en jeugdsteunpunt",
        "onderwijsconsulent",
        "Geschillencommissie Passend Onderwijs",
        "binnen 6 weken",
    ):
        assert tekst in plan, tekst


def test_het_laatste_besluit_telt(wereld, concept, maak_client):
    ouder = wereld.actor(wereld.ouder)
    services.instemming_geven(
        actor=ouder,
        opp=concept,
        besluit=Besluit.GEWEIGERD,
        toelichting="Eerst praten.",
        herauthenticatie_op=timezone.now(),
    )
    services.instemming_geven(
        actor=ouder, opp=concept, besluit=Besluit.GEGEVEN, herauthenticatie_op=timezone.now()
    )
    html = maak_client(wereld.ouder).get(_url("portaal", concept)).content.decode()
    assert "Het laatste besluit telt" in html
    assert "dit besluit telt" in html
    assert "Ingestemd." in html
    assert "Wat kunt u doen als u het niet eens bent?" not in html


# --- The parent without gezag, other parents, staff -------------------------------------------


def test_ouder_zonder_gezag_leest_het_plan_maar_beslist_niet(wereld, concept, maak_client):
    client = maak_client(wereld.ouder_zonder_gezag)
    html = _verzoek(client, "get", _url("portaal", concept)).content.decode()
    assert "Leest langzaam" in html
    assert "Geef uw kijk" in html
    assert "Instemmen of niet instemmen" not in html
    assert "U heeft geen ouderlijk gezag over Sam." in html

    antwoord = _verzoek(
        client,
        "post",
        _url("instemmen", concept),
        {"besluit": Besluit.GEGEVEN, "wachtwoord": WACHTWOORD},
    )
    assert antwoord.status_code == 403
    assert "geen ouderlijk gezag" in antwoord.content.decode()
    assert not Instemming.objects.exists()
    regel = _laatste_regel()
    assert (regel.resultaat, regel.gebruiker) == ("geweigerd", wereld.ouder_zonder_gezag.gebruiker)

    assert _verzoek(client, "get", _url("instemmen", concept)).status_code == 403
    assert _laatste_regel().resultaat == "geweigerd"


def test_ouder_zonder_gezag_mag_wel_zijn_kijk_geven(wereld, concept, maak_client):
    antwoord = _verzoek(
        maak_client(wereld.ouder_zonder_gezag),
        "post",
        _url("zienswijze", concept),
        {"tekst": "Ik wil graag meepraten."},
    )
    assert antwoord.status_code == 302
    concept.refresh_from_db()
    assert concept.zienswijze_ouders == "Ik wil graag meepraten."


def test_ouder_van_een_ander_kind_krijgt_404_en_het_wordt_gelogd(concept, maak_client):
    ander = OuderschapFactory(gezag=True)
    client = maak_client(RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=ander.ouder))
    for methode, naam, data in (
        ("get", "portaal", {}),
        ("get", "zienswijze", {}),
        ("post", "zienswijze", {"tekst": "Hallo"}),
        ("get", "instemmen", {}),
        ("post", "instemmen", {"besluit": Besluit.GEGEVEN, "wachtwoord": WACHTWOORD}),
    ):
        antwoord = _verzoek(client, methode, _url(naam, concept), data)
        assert antwoord.status_code == 404, (methode, naam)
        assert "Leest langzaam" not in antwoord.content.decode()
        assert _laatste_regel().resultaat == "geweigerd"
    concept.refresh_from_db()
    assert concept.zienswijze_ouders == ""
    assert not Instemming.objects.exists()


def test_ouder_kan_geen_mening_als_leerling_geven(wereld, concept, maak_client):
    antwoord = _verzoek(
        maak_client(wereld.ouder), "post", _url("wat-vind-jij", concept), {"wat_wil_ik": "x"}
    )
    assert antwoord.status_code == 404
    assert not Leerlingstem.objects.exists()
    assert _laatste_regel().resultaat == "geweigerd"


def test_medewerker_van_de_school_gebruikt_het_portaal_niet(wereld, concept, maak_client):
    client = maak_client(wereld.ib)
    antwoord = _verzoek(client, "get", _url("portaal", concept))
    assert antwoord.status_code == 403
    assert _laatste_regel().resultaat == "geweigerd"
    antwoord = _verzoek(client, "post", _url("wat-vind-jij", concept), {"wat_wil_ik": "x"})
    assert antwoord.status_code == 403
    assert not Leerlingstem.objects.exists()


# --- The pupil ----------------------------------------------------------------------------------


def test_leerling_ziet_mijn_plan_in_eenvoudige_woorden(wereld, concept, maak_client):
    antwoord = _verzoek(maak_client(wereld.kind), "get", _url("portaal", concept))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    for tekst in (
        "Mijn plan",
        "Hoi Sam!",
        "Dit plan is nog niet klaar.",
        "Wat gaat goed",
        "Werkt hard",
        "Wat is moeilijk",
        "Leest langzaam",
        "Wat de school gaat doen om je te helpen",
        "Leesgroep",
        "Wat jij zei",
        "Wat de school met jouw mening doet",
        "Wat vind jij?",
    ):
        assert tekst in html, tekst
    assert "Instemmen of niet instemmen" not in html  # under 18: the parents decide


def test_leerling_geeft_zijn_mening_en_leest_de_reactie_van_de_school(wereld, concept, maak_client):
    client = maak_client(wereld.kind)
    formulier = _verzoek(client, "get", _url("wat-vind-jij", concept)).content.decode()
    assert "Wat vind je moeilijk?" in formulier
    antwoord = _verzoek(
        client,
        "post",
        _url("wat-vind-jij", concept),
        {"wat_gaat_goed": "Rekenen", "wat_is_moeilijk": "", "wat_wil_ik": "Een rustig plekje"},
    )
    assert antwoord.status_code == 302
    stem = Leerlingstem.objects.get(opp=concept)
    assert (stem.hoorwijze, stem.wat_wil_ik, stem.vastgelegd_door) == (
        Hoorwijze.ZELF,
        "Een rustig plekje",
        wereld.kind.gebruiker,
    )
    plan = client.get(_url("portaal", concept)).content.decode()
    assert "Dank je wel! De school leest wat je hebt geschreven." in plan
    assert "Een rustig plekje" in plan
    assert "Dat komt nog." in plan

    services.reactie_op_leerlingstem(
        actor=wereld.actor(wereld.ib), stem=stem, reactie="Je krijgt een vaste plek bij het raam."
    )
    plan = _verzoek(client, "get", _url("portaal", concept)).content.decode()
    assert "Je krijgt een vaste plek bij het raam." in plan
    ouder = maak_client(wereld.ouder).get(_url("portaal", concept)).content.decode()
    assert "Een rustig plekje" in ouder
    assert "Je krijgt een vaste plek bij het raam." in ouder


def test_leerling_moet_minstens_een_vraag_invullen(wereld, concept, maak_client):
    antwoord = _verzoek(
        maak_client(wereld.kind),
        "post",
        _url("wat-vind-jij", concept),
        {"wat_gaat_goed": " ", "wat_is_moeilijk": "", "wat_wil_ik": ""},
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Vul minstens één vraag in." in html
    assert 'aria-describedby="id_wat_wil_ik-fout"' in html  # the error is linked to its input
    assert not Leerlingstem.objects.exists()
    assert _laatste_regel().actie == "lezen"


def test_een_andere_leerling_krijgt_404(concept, maak_client):
    ander_gebruiker = GebruikerFactory()
    LeerlingFactory(gebruiker=ander_gebruiker)
    client = maak_client(RolFactory(rolsoort=Rolsoort.LEERLING, gebruiker=ander_gebruiker))
    for methode, naam, data in (
        ("get", "portaal", {}),
        ("get", "wat-vind-jij", {}),
        ("post", "wat-vind-jij", {"wat_wil_ik": "Ik ook"}),
    ):
        antwoord = _verzoek(client, methode, _url(naam, concept), data)
        assert antwoord.status_code == 404, (methode, naam)
        assert _laatste_regel().resultaat == "geweigerd"
    assert not Leerlingstem.objects.exists()


def test_leerling_kan_niet_namens_de_ouders_beslissen(wereld, concept, maak_client):
    client = maak_client(wereld.kind)
    antwoord = _verzoek(
        client,
        "post",
        _url("instemmen", concept),
        {"besluit": Besluit.GEGEVEN, "wachtwoord": WACHTWOORD},
    )
    assert antwoord.status_code == 403
    assert "Je bent nog geen 18" in antwoord.content.decode()
    assert not Instemming.objects.exists()
    antwoord = _verzoek(client, "post", _url("zienswijze", concept), {"tekst": "x"})
    assert antwoord.status_code == 404


def test_meerderjarige_leerling_stemt_zelf_in(wereld, concept, maak_client):
    wereld.leerling.geboortedatum = datetime.date(2007, 1, 1)
    wereld.leerling.save()
    kind = maak_client(wereld.kind)
    assert "Instemmen of niet instemmen" in kind.get(_url("portaal", concept)).content.decode()
    antwoord = _verzoek(
        kind,
        "post",
        _url("instemmen", concept),
        {"besluit": Besluit.GEGEVEN, "wachtwoord": WACHTWOORD},
    )
    assert antwoord.status_code == 302
    assert Instemming.objects.get().door == wereld.kind.gebruiker

    ouder = maak_client(wereld.ouder)
    html = ouder.get(_url("portaal", concept)).content.decode()
    assert "Sam is 18 jaar of ouder en beslist nu zelf over het plan." in html
    assert "Instemmen of niet instemmen" not in html
    antwoord = _verzoek(
        ouder,
        "post",
        _url("instemmen", concept),
        {"besluit": Besluit.GEWEIGERD, "toelichting": "Nee", "wachtwoord": WACHTWOORD},
    )
    assert antwoord.status_code == 403
    assert Instemming.objects.count() == 1


# --- After vaststellen the portal forms are closed ----------------------------------------------


def test_na_vaststellen_zijn_de_formulieren_gesloten(wereld, concept, maak_client):
    opp = _vastgesteld(wereld, concept)
    assert opp.status == Status.VASTGESTELD
    ouder = maak_client(wereld.ouder)
    html = _verzoek(ouder, "get", _url("portaal", opp)).content.decode()
    assert f"Dit plan geldt sinds {timezone.localdate().day}" in html
    assert "Geef uw kijk" not in html
    assert "Instemmen of niet instemmen" not in html

    for client, naam, data in (
        (ouder, "zienswijze", {"tekst": "Te laat"}),
        (
            ouder,
            "instemmen",
            {"besluit": Besluit.GEWEIGERD, "toelichting": "Nee", "wachtwoord": WACHTWOORD},
        ),
        (maak_client(wereld.kind), "wat-vind-jij", {"wat_wil_ik": "Te laat"}),
    ):
        antwoord = _verzoek(client, "post", _url(naam, opp), data)
        assert antwoord.status_code == 302, naam
        assert antwoord.url == _url("portaal", opp)
        regel = _laatste_regel()
        assert (regel.resultaat, regel.actie) == ("geweigerd", "wijzigen")
        plan = client.get(antwoord.url).content.decode()
        assert "al definitief" in plan or "al klaar" in plan

    opp.refresh_from_db()
    assert opp.zienswijze_ouders == ""
    assert Instemming.objects.filter(opp=opp).count() == 1
    assert Leerlingstem.objects.filter(opp=opp).count() == 1

    kind_html = maak_client(wereld.kind).get(_url("portaal", opp)).content.decode()
    assert "Wat vind jij?" not in kind_html
    assert "We starten een leesgroep." in kind_html
    formulier = _verzoek(ouder, "get", _url("zienswijze", opp))
    assert formulier.status_code == 302
