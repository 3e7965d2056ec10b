"""The toelaatbaarheidsverklaring (TLV) in the browser, one person per browser context.

The intern begeleider requests a TLV from the pupil's vastgesteld OPP; we COUNT the user
actions (clicks, fills, selects) from the OPP page to the submitted request (goal: at most
5) and check that nothing Passend already knows is asked again. Then the SWV's desk declares
it complete, two deskundigen advise (the orthopedagoog herself, the jeugdarts through the
desk), the commission decides, the letter is downloaded as a PDF, the desk records the
parents' bezwaar, and the parent reads it all in plain language. Every page on the way is
checked: styled, a screenshot, axe-core WCAG 2.1 AA.

Around that: the SWV's directeur first adds a required extra question to the request form;
the school answers it after submitting (not part of the counted submission) before the desk
declares the request complete; after the bezwaar is judged gegrond the commission takes a
beslissing op bezwaar, and the parent reads it.
"""

import re
from dataclasses import dataclass, field

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Locator, Page, expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import totp_voor
from passend.toelaatbaarheid import services
from passend.toelaatbaarheid.models import Bezwaar, Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.tests.wereld import Wereld, maak_wereld
from tests.browser.login import log_in
from tests.browser.page_checks import SCREENSHOTS, Artefacts, check_page

R = Rolsoort
#: The most user actions a TLV request from the OPP page may take (issue #4).
MAX_HANDELINGEN = 5
ARTEFACTEN = SCREENSHOTS.parent


@dataclass
class Handelingen:
    """Counts what the user does: every click, fill and select is one action."""

    log: list[str] = field(default_factory=list)

    def klik(self, locator: Locator, wat: str) -> None:
        self.log.append(f"klik: {wat}")
        locator.click()

    def kies(self, locator: Locator, label: str) -> None:
        self.log.append(f"kies: {label}")
        locator.select_option(label=label)

    def vul(self, locator: Locator, tekst: str, wat: str) -> None:
        self.log.append(f"vul: {wat}")
        locator.fill(tekst)

    @property
    def aantal(self) -> int:
        return len(self.log)


@pytest.fixture
def wereld(transactional_db: None) -> Wereld:
    return maak_wereld()


def ingelogd(new_context, artefacts: Artefacts, wereld: Wereld, rolsoort: str) -> Page:
    rol = wereld.ouder if rolsoort == R.OUDER else wereld.rollen[rolsoort]
    apparaat = TOTPDevice.objects.filter(user=rol.gebruiker).first() or totp_voor(rol.gebruiker)
    page = new_context().new_page()
    log_in(page, artefacts, apparaat)
    return page


def melding(page: Page, tekst: str) -> None:
    expect(page.get_by_role("status").filter(has_text=tekst)).to_be_visible()


def dossier(wereld: Wereld) -> str:
    tlv = Toelaatbaarheidsverklaring.objects.get(leerling=wereld.leerling)
    return reverse("toelaatbaarheid:detail", kwargs={"sleutel": tlv.sleutel})


# --- The steps ----------------------------------------------------------------------------------

VRAAG = "Welke scholen hebben de ouders al bekeken?"


def directeur_voegt_een_vraag_toe(page: Page, artefacts: Artefacts) -> None:
    page.goto(reverse("toelaatbaarheid:regeling"))
    expect(
        page.get_by_role("heading", level=1, name="TLV-regeling van het samenwerkingsverband")
    ).to_be_visible()
    nieuw = page.locator("form").filter(has=page.get_by_role("button", name="Vraag toevoegen"))
    nieuw.get_by_label("Vraag", exact=True).fill(VRAAG)
    nieuw.get_by_label("De school moet deze vraag beantwoorden").check()
    nieuw.get_by_role("button", name="Vraag toevoegen").click()
    melding(page, "De vraag is toegevoegd.")
    expect(page.get_by_role("heading", level=3, name=re.compile(VRAAG))).to_be_visible()
    check_page(page, artefacts, "tlv-regeling-vragen")


def ib_beantwoordt_de_vraag_na_het_versturen(page: Page, artefacts: Artefacts) -> None:
    # Withdrawing is possible too (only looked at: the page itself must be accessible).
    page.get_by_role("link", name="Aanvraag intrekken").click()
    expect(
        page.get_by_role("heading", level=1, name="Aanvraag van Sam Visser intrekken")
    ).to_be_visible()
    check_page(page, artefacts, "tlv-intrekken")
    page.get_by_role("link", name="Terug naar de aanvraag").click()
    page.get_by_role("link", name="Aanvullende vragen beantwoorden").click()
    expect(
        page.get_by_role("heading", level=1, name="Aanvullende vragen van het samenwerkingsverband")
    ).to_be_visible()
    check_page(page, artefacts, "tlv-vragen")
    page.get_by_label(VRAAG).fill("De Regenboog en De Wissel.")
    page.get_by_role("button", name="Antwoorden opslaan").click()
    melding(page, "De antwoorden op de aanvullende vragen zijn opgeslagen.")
    expect(page.get_by_text("De Regenboog en De Wissel.")).to_be_visible()


def ib_vraagt_de_tlv_aan_vanuit_het_opp(
    page: Page, artefacts: Artefacts, wereld: Wereld
) -> Handelingen:
    page.goto(reverse("ondersteuning:detail", kwargs={"sleutel": wereld.opp.sleutel}))
    expect(
        page.get_by_role("heading", level=1, name="Ontwikkelingsperspectief van Sam Visser")
    ).to_be_visible()
    check_page(page, artefacts, "opp")
    handelingen = Handelingen()
    link = page.get_by_role("link", name=re.compile(r"TLV\) aanvragen|TLV aanvragen"))
    expect(link).to_have_count(1)
    handelingen.klik(link, "TLV aanvragen")
    expect(
        page.get_by_role("heading", level=1, name="TLV aanvragen voor Sam Visser")
    ).to_be_visible()
    check_page(page, artefacts, "tlv-aanvragen")

    # Nothing Passend already knows is asked again: the form has only the soort and a note.
    formulier = page.locator("form.utrecht-form")
    namen = formulier.locator("input:not([type=hidden]), select, textarea").evaluate_all(
        "velden => velden.map(v => v.name)"
    )
    assert sorted(namen) == ["soort", "toelichting"]
    for bekend in (
        "naam",
        "voornamen",
        "achternaam",
        "geboortedatum",
        "school",
        "vestiging",
        "woongemeente",
        "uitstroom",
        "onderbouwing",
        "zienswijze",
        "de kijk van de ouders",
        "mening van de leerling",
    ):
        assert formulier.get_by_label(re.compile(rf"^{bekend}", re.IGNORECASE)).count() == 0, bekend
    # ... and it is all shown as what comes along.
    meekomt = page.get_by_role("region", name="Wat meegaat uit het OPP")
    expect(meekomt).to_contain_text("Raakt snel overprikkeld in de groep")
    expect(meekomt).to_contain_text("Thuis gaat het goed; op school loopt hij vast.")
    expect(meekomt).to_contain_text("Een rustige plek")
    expect(page.get_by_text("17 mei 2016")).to_be_visible()

    handelingen.kies(
        page.get_by_label("Voor welke soort onderwijs vraagt u de TLV aan?"),
        "Speciaal basisonderwijs (sbo)",
    )
    handelingen.klik(page.get_by_role("button", name="Aanvraag versturen"), "Aanvraag versturen")
    expect(
        page.get_by_role("heading", level=1, name="Toelaatbaarheidsverklaring van Sam Visser")
    ).to_be_visible()
    melding(page, "De aanvraag is verstuurd naar SWV Rivierenland")
    check_page(page, artefacts, "tlv-ingediend")
    return handelingen


def loket_verklaart_compleet(page: Page, artefacts: Artefacts) -> None:
    page.goto(reverse("toelaatbaarheid:overzicht"))
    check_page(page, artefacts, "swv-overzicht")
    page.get_by_role("link", name="Sam Visser").click()
    page.get_by_role("link", name="Compleet verklaren").click()
    expect(
        page.get_by_role("heading", level=1, name="Aanvraag van Sam Visser compleet verklaren")
    ).to_be_visible()
    check_page(page, artefacts, "compleet")
    page.get_by_role("button", name="Compleet verklaren").click()
    melding(page, "De aanvraag is compleet verklaard.")


def deskundige_geeft_advies(
    page: Page, artefacts: Artefacts, url: str, deskundige: str | None
) -> None:
    page.goto(url)
    page.get_by_role("link", name="Advies vastleggen").click()
    expect(
        page.get_by_role("heading", level=1, name="Advies over de aanvraag van Sam Visser")
    ).to_be_visible()
    check_page(page, artefacts, "advies")
    if deskundige is not None:
        page.get_by_label("Deskundige", exact=True).select_option(label=deskundige)
    else:
        page.get_by_label("Deskundige", exact=True).select_option(index=1)
    page.get_by_label("Conclusie van de deskundige").select_option(label="Toelaatbaar")
    page.get_by_label("Het advies", exact=True).fill(
        "De ondersteuningsbehoefte overstijgt wat de school kan bieden."
    )
    page.get_by_role("button", name="Advies vastleggen").click()
    melding(page, "is vastgelegd")


def commissie_besluit_en_downloadt_de_brief(page: Page, artefacts: Artefacts, url: str) -> None:
    page.goto(url)
    page.get_by_role("link", name="Besluiten").click()
    expect(
        page.get_by_role("heading", level=1, name="Besluit over de aanvraag van Sam Visser")
    ).to_be_visible()
    check_page(page, artefacts, "besluit")
    page.get_by_label("Besluit", exact=True).select_option(label="Toegekend")
    page.get_by_label("Redenen van het besluit").fill("Beide deskundigen adviseren sbo.")
    page.get_by_role("button", name="Besluit vastleggen").click()
    melding(page, "Het besluit is vastgelegd: toegekend.")
    check_page(page, artefacts, "toegekend")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download de besluitbrief (pdf)").click()
    download = info.value
    assert re.fullmatch(r"besluit-tlv-[0-9a-f]{8}\.pdf", download.suggested_filename)
    pdf = ARTEFACTEN / "tlv-besluit.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    download.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-1.7")


def loket_legt_bezwaar_vast(page: Page, artefacts: Artefacts, url: str) -> None:
    page.goto(url)
    page.get_by_role("link", name="Bezwaar vastleggen").click()
    check_page(page, artefacts, "bezwaar")
    page.get_by_label("Wie maakt bezwaar").select_option(label="De ouders")
    page.get_by_label("Waar gaat het bezwaar over").fill("Wij vinden so beter passen.")
    page.get_by_role("button", name="Bezwaar vastleggen").click()
    melding(page, "Het bezwaar is vastgelegd.")
    expect(page.get_by_text("Bezwaar van de ouders")).to_be_visible()
    page.get_by_role("link", name="Volgende stap van dit bezwaar vastleggen").click()
    expect(
        page.get_by_role("heading", level=2, name="Advies vragen aan de bezwaaradviescommissie")
    ).to_be_visible()
    check_page(page, artefacts, "bezwaar-afhandelen")
    page.get_by_role("button", name="Vastleggen", exact=True).click()
    melding(page, "De adviesaanvraag aan de bezwaaradviescommissie is vastgelegd.")


def commissie_beslist_op_het_gegronde_bezwaar(
    page: Page, artefacts: Artefacts, url: str, wereld: Wereld
) -> None:
    # The advice and the outcome (gegrond) through the services: the pages are tested above.
    bezwaar = Bezwaar.objects.select_related("tlv").get(tlv__leerling=wereld.leerling)
    vandaag = bezwaar.adviesaanvraag_op
    services.bezwaar_advies_ontvangen(
        actor=wereld.actor(R.LOKET),
        bezwaar=bezwaar,
        advies_ontvangen_op=vandaag,
        advies="Gegrond: so past beter.",
    )
    services.bezwaar_beslissen(
        actor=wereld.actor(R.DIRECTEUR),
        bezwaar=bezwaar,
        uitkomst="gegrond",
        uitkomst_op=vandaag,
        toelichting="Het SWV volgt de commissie.",
    )
    page.goto(url)
    page.get_by_role("link", name="Beslissen op bezwaar").click()
    expect(
        page.get_by_role(
            "heading", level=1, name="Beslissing op bezwaar over de TLV van Sam Visser"
        )
    ).to_be_visible()
    check_page(page, artefacts, "beslissing-op-bezwaar")
    page.get_by_label("Schooltype (bij toekennen)").select_option(label="Speciaal onderwijs (so)")
    page.get_by_label("Bekostigingscategorie (alleen bij so en vso)").select_option(index=1)
    page.get_by_label("Redenen van de beslissing op bezwaar").fill("Na het bezwaar: so.")
    page.get_by_role("button", name="Beslissing op bezwaar vastleggen").click()
    melding(page, "De beslissing op bezwaar is vastgelegd: toegekend.")
    expect(
        page.get_by_role("heading", level=3, name=re.compile("Oorspronkelijk besluit"))
    ).to_be_visible()
    check_page(page, artefacts, "na-beslissing-op-bezwaar")


def ouder_leest_het_besluit(page: Page, artefacts: Artefacts, wereld: Wereld) -> None:
    page.goto(reverse("toelaatbaarheid:portaal", kwargs={"leerling": wereld.leerling.sleutel}))
    expect(
        page.get_by_role("heading", level=1, name="De toelaatbaarheidsverklaring van Sam")
    ).to_be_visible()
    expect(page.get_by_text("Er is een besluit: uw kind krijgt een TLV.")).to_be_visible()
    expect(page.get_by_text("het samenwerkingsverband geeft u gelijk")).to_be_visible()
    expect(page.get_by_role("heading", name="Nieuwe beslissing na uw bezwaar")).to_be_visible()
    expect(
        page.get_by_role("link", name="Download de brief met de nieuwe beslissing (pdf)")
    ).to_be_visible()
    expect(
        page.get_by_role("link", name="Download de brief met het eerste besluit (pdf)")
    ).to_be_visible()
    check_page(page, artefacts, "ouder-portaal")


def test_tlv_van_opp_tot_bezwaar(new_context, artefacts: Artefacts, wereld: Wereld) -> None:
    directeur = ingelogd(new_context, artefacts, wereld, R.DIRECTEUR)
    directeur_voegt_een_vraag_toe(directeur, artefacts)

    ib = ingelogd(new_context, artefacts, wereld, R.INTERN_BEGELEIDER)
    handelingen = ib_vraagt_de_tlv_aan_vanuit_het_opp(ib, artefacts, wereld)
    assert handelingen.aantal <= MAX_HANDELINGEN, handelingen.log
    print(f"TLV-aanvraag vanuit het OPP: {handelingen.aantal} handelingen: {handelingen.log}")
    url = dossier(wereld)
    ib_beantwoordt_de_vraag_na_het_versturen(ib, artefacts)

    loket = ingelogd(new_context, artefacts, wereld, R.LOKET)
    loket_verklaart_compleet(loket, artefacts)

    deskundige = ingelogd(new_context, artefacts, wereld, R.DESKUNDIGE)
    deskundige_geeft_advies(deskundige, artefacts, url, None)
    deskundige_geeft_advies(loket, artefacts, url, "Joost Bakker (jeugdarts)")

    commissie = ingelogd(new_context, artefacts, wereld, R.COMMISSIELID)
    commissie_besluit_en_downloadt_de_brief(commissie, artefacts, url)

    loket_legt_bezwaar_vast(loket, artefacts, url)
    commissie_beslist_op_het_gegronde_bezwaar(commissie, artefacts, url, wereld)

    ouder = ingelogd(new_context, artefacts, wereld, R.OUDER)
    ouder_leest_het_besluit(ouder, artefacts, wereld)
