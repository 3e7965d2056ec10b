"""A parent who disagrees with the school, in the browser, one person per browser context.

The parent refused consent on the OPP's handelingsdeel, follows the link "Start een
onenigheid" from the OPP in the portal (the OPP is pre-selected) and sees where the case
stands; the intern begeleider records the conversation with the school and finishes it as
not solved, then the SWV's multi-party meeting; from then on the SWV's loket sees the case;
the parent sees the new step; the public guide page shows the route. Every page on the way
is checked: styled, a screenshot, axe-core WCAG 2.1 AA.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory, totp_voor
from passend.geschillen.models import Onenigheid
from passend.leerlingen.tests.factories import (
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.ondersteuning.models import Instemming, Ontwikkelingsperspectief
from passend.ondersteuning.rules import Besluit, Wijze
from passend.ondersteuning.tests.factories import OppFactory
from passend.organisaties.tests.factories import SwvLidmaatschapFactory, VestigingFactory
from tests.browser.login import log_in
from tests.browser.page_checks import Artefacts, check_page

PROBLEEM = "De school geeft Noor te weinig hulp bij lezen. Wij willen twee uur extra per week."
GESPREK = "Gesprek met moeder en mentor; geen afspraak gemaakt."
OVERLEG = "Overleg met ouders, school en het samenwerkingsverband gepland."


@dataclass
class Wereld:
    opp: Ontwikkelingsperspectief
    ouder: TOTPDevice
    ib: TOTPDevice
    loket: TOTPDevice


@pytest.fixture
def wereld(transactional_db: None) -> Wereld:
    vandaag = timezone.localdate()
    lidmaatschap = SwvLidmaatschapFactory(
        vestiging=VestigingFactory(naam="De Regenboog"),
        samenwerkingsverband__naam="SWV Passend Utrecht",
    )
    vestiging = lidmaatschap.vestiging
    leerling = LeerlingFactory(roepnaam="Noor", voornamen="Noor", achternaam="de Wit")
    InschrijvingFactory(leerling=leerling, vestiging=vestiging)
    ouder = OuderschapFactory(
        leerling=leerling,
        gezag=True,
        ouder=GebruikerFactory(first_name="Fatima", last_name="de Wit"),
    ).ouder
    RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=ouder)
    ib = RolFactory(
        rolsoort=Rolsoort.INTERN_BEGELEIDER,
        school=vestiging.school,
        gebruiker=GebruikerFactory(first_name="Ingrid", last_name="Bos"),
    )
    loket = RolFactory(
        rolsoort=Rolsoort.LOKET,
        samenwerkingsverband=lidmaatschap.samenwerkingsverband,
        gebruiker=GebruikerFactory(first_name="Lotte", last_name="Smit"),
    )
    opp = OppFactory(
        leerling=leerling, vestiging=vestiging, ingevuld=True, aangemaakt_door=ib.gebruiker
    )
    Instemming.objects.create(
        opp=opp,
        besluit=Besluit.GEWEIGERD,
        wijze=Wijze.ONLINE,
        door=ouder,
        vastgelegd_door=ouder,
        datum=vandaag - datetime.timedelta(days=7),
        toelichting="Wij vinden de hulp bij lezen te weinig.",
    )
    return Wereld(
        opp=opp,
        ouder=totp_voor(ouder),
        ib=totp_voor(ib.gebruiker),
        loket=totp_voor(loket.gebruiker),
    )


def ingelogd(new_context, artefacts: Artefacts, device: TOTPDevice) -> Page:
    page = new_context().new_page()
    log_in(page, artefacts, device)
    return page


def datum_nl(datum: datetime.date) -> str:
    with translation.override("nl"):
        return date_format(datum, "j F Y")


def melding(page: Page, tekst: str) -> None:
    expect(page.get_by_role("status").filter(has_text=tekst)).to_be_visible()


# --- The steps ----------------------------------------------------------------------------------


def ouder_start_vanuit_het_opp(page: Page, artefacts: Artefacts, wereld: Wereld) -> Onenigheid:
    page.goto(reverse("ondersteuning:portaal", args=[wereld.opp.sleutel]))
    expect(page.get_by_text("Niet ingestemd.")).to_be_visible()
    check_page(page, artefacts, "ouder-opp-niet-ingestemd")
    page.get_by_role("link", name="Start een onenigheid").click()
    expect(page.get_by_role("heading", level=1, name="Start een onenigheid")).to_be_visible()
    keuze = page.get_by_label("Gaat het over een van deze stukken?")
    expect(keuze).to_have_value(f"opp:{wereld.opp.sleutel}")
    check_page(page, artefacts, "ouder-starten")
    page.get_by_label("Waar gaat de onenigheid over?").select_option("opp")
    page.get_by_role("button", name="Versturen").click()
    # Nothing typed about the problem: the form says so, and nothing is saved.
    expect(page.get_by_role("alert")).to_be_visible()
    check_page(page, artefacts, "ouder-starten-fout")
    assert not Onenigheid.objects.exists()
    page.get_by_label("Vertel in uw eigen woorden waar u het niet mee eens bent").fill(PROBLEEM)
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1, name="Uw onenigheid over Noor")).to_be_visible()
    expect(page.get_by_text("Er is nog geen stap vastgelegd.")).to_be_visible()
    expect(page.get_by_text("Praat met de school").first).to_be_visible()
    check_page(page, artefacts, "ouder-stand-gestart")
    onenigheid = Onenigheid.objects.get()
    assert onenigheid.opp_id == wereld.opp.pk
    return onenigheid


def ib_legt_het_gesprek_vast_en_rondt_af(page: Page, artefacts: Artefacts) -> None:
    vandaag = timezone.localdate()
    page.goto(reverse("geschillen:overzicht"))
    expect(page.get_by_role("heading", level=1, name="Onenigheden met ouders")).to_be_visible()
    check_page(page, artefacts, "ib-overzicht")
    page.get_by_role("link", name="Noor").click()
    expect(page.get_by_role("heading", level=1, name="Onenigheid over Noor")).to_be_visible()
    check_page(page, artefacts, "ib-onenigheid")
    page.get_by_role("link", name="Stap vastleggen").click()
    stap = page.get_by_label("Welke stap begint?")
    expect(stap.locator("option:checked")).to_have_text("1. Praat met de school")
    page.get_by_label("Begonnen op").fill(vandaag.isoformat())
    page.get_by_label("Toelichting").fill(GESPREK)
    check_page(page, artefacts, "ib-stap")
    page.get_by_role("button", name="Stap vastleggen").click()
    melding(page, "De stap 'Praat met de school' is vastgelegd.")
    page.get_by_role("link", name="Stap afronden").click()
    page.get_by_label("Afgerond op").fill(vandaag.isoformat())
    page.get_by_label("Niet opgelost, volgende stap").check()
    check_page(page, artefacts, "ib-stap-afronden")
    page.get_by_role("button", name="Stap afronden").click()
    melding(page, "De stap is afgerond.")
    expect(page.get_by_role("cell", name="Niet opgelost, volgende stap")).to_be_visible()


def ib_legt_het_overleg_met_het_swv_vast(page: Page, artefacts: Artefacts) -> None:
    page.get_by_role("link", name="Stap vastleggen").click()
    page.get_by_label("Welke stap begint?").select_option(
        label="3. Overleg met het samenwerkingsverband"
    )
    page.get_by_label("Begonnen op").fill(timezone.localdate().isoformat())
    page.get_by_label("Toelichting").fill(OVERLEG)
    page.get_by_role("button", name="Stap vastleggen").click()
    melding(page, "De stap 'Overleg met het samenwerkingsverband' is vastgelegd.")
    check_page(page, artefacts, "ib-onenigheid-bij-swv")


def loket_ziet_de_onenigheid(page: Page, artefacts: Artefacts) -> None:
    page.goto(reverse("geschillen:overzicht"))
    page.get_by_role("link", name="Noor").click()
    expect(page.get_by_role("heading", level=1, name="Onenigheid over Noor")).to_be_visible()
    expect(page.get_by_text("Overleg met het samenwerkingsverband").first).to_be_visible()
    check_page(page, artefacts, "loket-onenigheid")


def ouder_ziet_de_nieuwe_stap(page: Page, artefacts: Artefacts, onenigheid: Onenigheid) -> None:
    page.goto(reverse("geschillen:portaal-onenigheid", args=[onenigheid.sleutel]))
    stappen = page.get_by_role("table").filter(has_text="Overleg met het samenwerkingsverband")
    expect(stappen).to_contain_text("Praat met de school")
    expect(stappen).to_contain_text(datum_nl(timezone.localdate()))
    check_page(page, artefacts, "ouder-stand-bij-swv")


def gids_toont_de_route(page: Page, artefacts: Artefacts) -> None:
    page.goto(reverse("gids:onenigheid"))
    expect(
        page.get_by_role("heading", level=1, name="Bent u het niet eens met de school?")
    ).to_be_visible()
    for naam in (
        "Praat met de school",
        "Praat met het schoolbestuur",
        "Overleg met het samenwerkingsverband",
        "Leg het voor aan de geschillencommissie",
    ):
        expect(page.get_by_role("heading", name=naam)).to_be_visible()
    check_page(page, artefacts, "gids-onenigheid")


def test_ouder_start_een_onenigheid_en_de_route_wordt_gevolgd(
    new_context, artefacts: Artefacts, wereld: Wereld
) -> None:
    ouder = ingelogd(new_context, artefacts, wereld.ouder)
    onenigheid = ouder_start_vanuit_het_opp(ouder, artefacts, wereld)

    loket = ingelogd(new_context, artefacts, wereld.loket)
    loket.goto(reverse("geschillen:overzicht"))
    expect(loket.get_by_role("link", name="Noor")).to_have_count(0)

    ib = ingelogd(new_context, artefacts, wereld.ib)
    ib_legt_het_gesprek_vast_en_rondt_af(ib, artefacts)
    ib_legt_het_overleg_met_het_swv_vast(ib, artefacts)

    loket_ziet_de_onenigheid(loket, artefacts)
    ouder_ziet_de_nieuwe_stap(ouder, artefacts, onenigheid)
    gids_toont_de_route(new_context().new_page(), artefacts)
