"""Aanmelding and zorgplicht in the browser, one person per browser context.

A parent registers their child at a school in the portal (also on a phone); the schoolleider
sees the registration with its term, extends the term once (and downloads the letter to the
parents), a second extension is refused; the board sees the running term; the schoolleider
decides (admitted) and downloads the decision letter; the parent sees the decision. Every
page on the way is checked: styled, a screenshot, axe-core WCAG 2.1 AA.
"""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory, totp_voor
from passend.core.tests.pdf import pdf_tekst
from passend.leerlingen.models import Inschrijving, Leerling
from passend.leerlingen.tests.factories import LeerlingFactory, OuderschapFactory
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    SchoolbestuurFactory,
    SchoolFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)
from passend.zorgplicht.models import Aanmelding
from tests.browser.login import log_in
from tests.browser.page_checks import SCREENSHOTS, Artefacts, check_page

MOBIEL = {"width": 375, "height": 667}
ARTEFACTEN = SCREENSHOTS.parent
TOELICHTING = "Noor praat nog weinig. De logopedist helpt haar."
REDEN = "Wij wachten op het verslag van de logopedist."


@dataclass
class Wereld:
    kind: Leerling
    ouder: TOTPDevice
    schoolleider: TOTPDevice
    bestuurder: TOTPDevice


@pytest.fixture
def wereld(transactional_db: None) -> Wereld:
    gemeente = GemeenteFactory(naam="Lingedorp", code="9960")
    bestuur = SchoolbestuurFactory(naam="Stichting Openbaar Onderwijs Linge")
    school = SchoolFactory(brin="60AA", naam="OBS De Zonnewijzer", bestuur=bestuur)
    vestiging = VestigingFactory(
        school=school,
        vestigingscode="60AA00",
        naam="De Zonnewijzer",
        plaats="Lingedorp",
        gemeente=gemeente,
    )
    SwvLidmaatschapFactory(
        vestiging=vestiging, samenwerkingsverband=SamenwerkingsverbandFactory(code="PO2960")
    )
    vandaag = timezone.localdate()
    kind = LeerlingFactory(
        roepnaam="Noor",
        voornamen="Noor",
        achternaam="de Wit",
        geboortedatum=vandaag.replace(year=vandaag.year - 4, day=1),
        woongemeente=gemeente,
    )
    ouder = OuderschapFactory(
        leerling=kind, gezag=True, ouder=GebruikerFactory(first_name="Petra", last_name="de Wit")
    ).ouder
    RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=ouder)
    schoolleider = RolFactory(
        rolsoort=Rolsoort.SCHOOLLEIDER,
        school=school,
        gebruiker=GebruikerFactory(first_name="Sander", last_name="Leeuw"),
    ).gebruiker
    bestuurder = RolFactory(
        rolsoort=Rolsoort.BESTUURDER,
        schoolbestuur=bestuur,
        gebruiker=GebruikerFactory(first_name="Bea", last_name="Stuur"),
    ).gebruiker
    return Wereld(
        kind=kind,
        ouder=totp_voor(ouder),
        schoolleider=totp_voor(schoolleider),
        bestuurder=totp_voor(bestuurder),
    )


def melding(page: Page, tekst: str) -> None:
    expect(page.get_by_role("status").filter(has_text=tekst)).to_be_visible()


def datum_nl(datum: datetime.date) -> str:
    with translation.override("nl"):
        return date_format(datum, "j F Y")


def ingelogd(new_context, artefacts: Artefacts, device: TOTPDevice, **opties) -> Page:
    page = new_context(**opties).new_page()
    log_in(page, artefacts, device)
    return page


def brief_downloaden(page: Page, link: str, bestandsnaam: str) -> str:
    """Download the letter behind ``link``, keep it as an artefact, and return its text."""
    with page.expect_download() as info:
        page.get_by_role("link", name=link).click()
    download = info.value
    assert download.suggested_filename == bestandsnaam
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    pad = ARTEFACTEN / bestandsnaam
    download.save_as(pad)
    assert pad.read_bytes().startswith(b"%PDF-")
    return pdf_tekst(pad.read_bytes())


def geen_horizontaal_scrollen(page: Page) -> None:
    breedte = page.evaluate(
        "() => ({scroll: document.scrollingElement.scrollWidth, venster: window.innerWidth})"
    )
    assert breedte["scroll"] <= breedte["venster"], f"Horizontaal scrollen op mobiel: {breedte}"


# --- The steps ----------------------------------------------------------------------------------


def ouder_meldt_aan_op_de_telefoon(page: Page, artefacts: Artefacts) -> None:
    page.goto(reverse("zorgplicht:portaal"))
    expect(page.get_by_role("heading", level=1, name="Aanmeldingen bij een school")).to_be_visible()
    expect(page.get_by_text("U heeft nog geen kind aangemeld bij een school.")).to_be_visible()
    check_page(page, artefacts, "ouder-portaal-leeg")
    page.get_by_role("link", name="Meld uw kind aan").click()
    expect(
        page.get_by_role("heading", level=1, name="Meld uw kind aan bij een school")
    ).to_be_visible()
    check_page(page, artefacts, "ouder-aanmelden")
    geen_horizontaal_scrollen(page)

    # Sent without answers: clear messages in plain words, nothing saved.
    page.get_by_role("button", name="Aanmelding versturen").click()
    expect(page.get_by_role("alert")).to_contain_text("Niet alles is goed ingevuld.")
    expect(page.get_by_text("Kies welk kind u aanmeldt.")).to_be_visible()
    expect(page.get_by_text("Kies een school uit de lijst.")).to_be_visible()
    check_page(page, artefacts, "ouder-aanmelden-fouten")
    assert not Aanmelding.objects.exists()

    page.get_by_role("group", name="Welk kind meldt u aan?").get_by_label("Noor de Wit").check()
    page.get_by_label("Bij welke school meldt u uw kind aan?").select_option(
        label="De Zonnewijzer – Lingedorp"
    )
    page.get_by_role(
        "group", name="Denkt u dat uw kind extra hulp nodig heeft op school?"
    ).get_by_label("Ja").check()
    page.get_by_label("Waarom denkt u dat? Wat heeft uw kind nodig?").fill(TOELICHTING)
    page.get_by_label(re.compile("^Heeft u uw kind ook bij een andere school aangemeld?")).fill(
        "CBS De Regenboog"
    )
    page.get_by_role(
        "group", name="Is dit de school waar u het liefst wilt dat uw kind naartoe gaat?"
    ).get_by_label("Ja").check()
    page.get_by_role("button", name="Aanmelding versturen").click()

    expect(page.get_by_role("heading", level=1, name="Aanmeldingen bij een school")).to_be_visible()
    uiterlijk = timezone.localdate() + datetime.timedelta(days=42)
    melding(page, "U heeft Noor aangemeld bij De Zonnewijzer.")
    expect(
        page.get_by_text(f"De school beslist uiterlijk op {datum_nl(uiterlijk)}.")
    ).to_be_visible()
    check_page(page, artefacts, "ouder-portaal-aangemeld")
    geen_horizontaal_scrollen(page)


def schoolleider_verlengt(page: Page, artefacts: Artefacts) -> None:
    page.goto(reverse("zorgplicht:overzicht"))
    expect(page.get_by_role("heading", level=1, name="Aanmeldingen")).to_be_visible()
    rij = page.get_by_role("row").filter(has_text="Noor de Wit")
    expect(rij).to_contain_text("42")  # days left
    expect(rij).to_contain_text("op tijd")
    check_page(page, artefacts, "school-aanmeldingen")
    rij.get_by_role("link", name="Noor de Wit").click()

    expect(page.get_by_role("heading", level=1, name="Aanmelding van Noor de Wit")).to_be_visible()
    expect(page.get_by_text(TOELICHTING)).to_be_visible()
    expect(page.get_by_text("Ja: deze school heeft de zorgplicht")).to_be_visible()
    tijdlijn = page.get_by_role("table", name="Elke stap van de aanmelding met datum en wie")
    expect(tijdlijn.get_by_role("row").filter(has_text="Aanmelding ontvangen")).to_contain_text(
        "Petra de Wit"
    )
    check_page(page, artefacts, "school-aanmelding")

    page.get_by_role("link", name="Termijn verlengen").click()
    expect(
        page.get_by_role("heading", level=1, name="Beslistermijn verlengen voor Noor de Wit")
    ).to_be_visible()
    check_page(page, artefacts, "school-verlengen")
    page.get_by_label("Verlengen met").select_option(label="2 weken")
    page.get_by_label(re.compile("^Waarom heeft de school meer tijd nodig?")).fill(REDEN)
    page.get_by_role("button", name="Termijn verlengen").click()

    expect(page.get_by_role("heading", level=1, name="Aanmelding van Noor de Wit")).to_be_visible()
    melding(page, "De beslistermijn is verlengd.")
    verlengd_tot = timezone.localdate() + datetime.timedelta(days=56)
    expect(page.get_by_text(f"tot en met {datum_nl(verlengd_tot)}")).to_be_visible()
    expect(page.get_by_role("link", name="Termijn verlengen")).to_have_count(0)  # only once
    check_page(page, artefacts, "school-verlengd")

    tekst = brief_downloaden(
        page, "Brief over de verlenging (PDF)", "aanmelding-verlenging-de-wit.pdf"
    )
    for stuk in (
        "Wij hebben meer tijd nodig voor ons besluit",
        "2 weken langer",
        REDEN,
        datum_nl(verlengd_tot),
    ):
        assert stuk in tekst, f"{stuk!r} niet in de brief"

    # A second extension, as from a stale tab: refused with a clear message, nothing saved.
    page.goto(reverse("zorgplicht:verlengen", args=[Aanmelding.objects.get().sleutel]))
    expect(page.get_by_role("heading", level=1, name="Aanmelding van Noor de Wit")).to_be_visible()
    melding(page, "Verlengen kan maar één keer")
    check_page(page, artefacts, "school-tweede-verlenging-geweigerd")


def bestuur_ziet_de_lopende_termijn(page: Page, artefacts: Artefacts) -> None:
    page.goto(reverse("zorgplicht:termijnen"))
    expect(
        page.get_by_role("heading", level=1, name="Lopende termijnen van aanmeldingen")
    ).to_be_visible()
    rij = page.get_by_role("row").filter(has_text="Noor de Wit")
    expect(rij).to_contain_text("verlengd")
    expect(rij).to_contain_text("56")
    check_page(page, artefacts, "bestuur-termijnen")


def schoolleider_besluit(page: Page, artefacts: Artefacts) -> None:
    page.goto(reverse("zorgplicht:detail", args=[Aanmelding.objects.get().sleutel]))
    page.get_by_role("link", name="Besluit nemen").click()
    expect(
        page.get_by_role("heading", level=1, name="Besluit over de aanmelding van Noor de Wit")
    ).to_be_visible()
    check_page(page, artefacts, "school-besluit")
    begin = timezone.localdate() + datetime.timedelta(days=7)
    page.get_by_role("group", name="Besluit").get_by_label(
        "Toegelaten met extra ondersteuning"
    ).check()
    page.get_by_label(re.compile("^Bij toelating: eerste schooldag")).fill(begin.isoformat())
    page.get_by_label(re.compile("^Toelichting")).fill(
        "Noor krijgt twee keer per week logopedie op school."
    )
    page.get_by_role("button", name="Besluit vastleggen").click()

    expect(page.get_by_role("heading", level=1, name="Aanmelding van Noor de Wit")).to_be_visible()
    melding(page, "Het besluit is vastgelegd.")
    expect(page.get_by_text("Toegelaten met extra ondersteuning", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Besluit nemen")).to_have_count(0)
    check_page(page, artefacts, "school-besloten")
    assert Inschrijving.objects.get().van == begin

    tekst = brief_downloaden(page, "Brief over het besluit (PDF)", "aanmelding-besluit-de-wit.pdf")
    for stuk in (
        "Ons besluit over de aanmelding van Noor",
        "Noor is welkom op OBS De Zonnewijzer.",
        datum_nl(begin),
    ):
        assert stuk in tekst, f"{stuk!r} niet in de brief"


def ouder_ziet_het_besluit(page: Page, artefacts: Artefacts) -> None:
    page.goto(reverse("zorgplicht:portaal"))
    expect(
        page.get_by_text("Noor is welkom op de school, met extra hulp.", exact=False)
    ).to_be_visible()
    expect(page.get_by_role("link", name="Lees de brief over het besluit (PDF)")).to_be_visible()
    expect(page.get_by_role("link", name="Lees de brief over de extra tijd (PDF)")).to_be_visible()
    check_page(page, artefacts, "ouder-portaal-besluit")
    geen_horizontaal_scrollen(page)


# --- The test -----------------------------------------------------------------------------------


def test_ouder_meldt_aan_school_verlengt_en_beslist(
    new_context, artefacts: Artefacts, wereld: Wereld
) -> None:
    telefoon = {"viewport": MOBIEL, "is_mobile": True, "has_touch": True}
    ouder = ingelogd(new_context, artefacts, wereld.ouder, **telefoon)
    ouder_meldt_aan_op_de_telefoon(ouder, artefacts)

    school = ingelogd(new_context, artefacts, wereld.schoolleider, accept_downloads=True)
    schoolleider_verlengt(school, artefacts)

    bestuur = ingelogd(new_context, artefacts, wereld.bestuurder)
    bestuur_ziet_de_lopende_termijn(bestuur, artefacts)

    schoolleider_besluit(school, artefacts)
    ouder_ziet_het_besluit(ouder, artefacts)
