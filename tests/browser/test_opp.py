"""The whole OPP (ontwikkelingsperspectief) in the browser, one person per browser context.

The intern begeleider starts and fills in the draft, the pupil (13, own log-in) says what
they think, the school writes what it does with that, the parent with gezag gives their
view and consents (with the password again), the school sets the OPP and downloads the PDF.
Every page on the way is checked: styled, a screenshot, axe-core WCAG 2.1 AA.
"""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import BrowserContext, Locator, Page, expect

from passend.accounts.models import Gebruiker
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import WACHTWOORD, GebruikerFactory, RolFactory, totp_voor
from passend.core.tests.pdf import pdf_tekst
from passend.leerlingen.models import Leerling
from passend.leerlingen.tests.factories import (
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.organisaties.rules import Soort
from passend.organisaties.tests.factories import VestigingFactory
from tests.browser.login import log_in
from tests.browser.page_checks import SCREENSHOTS, Artefacts, check_page

MOBIEL = {"width": 375, "height": 667}
ARTEFACTEN = SCREENSHOTS.parent
PDF_SJABLOON = (
    Path(__file__).resolve().parents[2]
    / "src/passend/ondersteuning/templates/ondersteuning/pdf/opp.html"
)

UITSTROOM = "Vmbo kaderberoepsgerichte leerweg"
TOELICHTING = "Kaderberoepsgericht, met steun bij lezen en plannen."
ONDERBOUWING = "Toetsen en observaties van de mentor laten een stabiele groei zien."
BELEMMEREND = "Leest langzaam (dyslexie)"
BEVORDEREND = "Werkt hard en vraagt om hulp"
DOEL = "Sam leest teksten van AVI-niveau E7 vloeiend"
AANPAK = "Extra leesbegeleiding in een klein groepje"
AFWIJKING = "Twee uur per week minder Frans"
OVERLEG = "Plan besproken; moeder herkent het beeld."
WAT_GAAT_GOED = "Rekenen en gym"
WAT_IS_MOEILIJK = "Lange teksten lezen"
WAT_WIL_IK = "Meer tijd bij toetsen"
REACTIE = "Sam krijgt voortaan 20 minuten extra bij elke toets."
KIJK_OUDERS = "Thuis lezen we elke avond samen. Dat helpt."


@dataclass
class Wereld:
    leerling: Leerling
    ouder: Gebruiker
    ib: TOTPDevice
    ouder_totp: TOTPDevice
    kind: TOTPDevice


@pytest.fixture
def wereld(transactional_db: None) -> Wereld:
    vandaag = timezone.localdate()
    vestiging = VestigingFactory(naam="Het Baken", soort=Soort.VO)
    leerling = LeerlingFactory(
        roepnaam="Sam",
        voornamen="Samuel",
        achternaam="Visser",
        # 13 years old: born on the last day of the month before, 13 years ago.
        geboortedatum=vandaag.replace(year=vandaag.year - 13, day=1) - datetime.timedelta(days=1),
        gebruiker=GebruikerFactory(first_name="Sam", last_name="Visser"),
    )
    InschrijvingFactory(leerling=leerling, vestiging=vestiging)
    ouder = OuderschapFactory(
        leerling=leerling,
        gezag=True,
        ouder=GebruikerFactory(first_name="Petra", last_name="Visser"),
    ).ouder
    ib = RolFactory(
        rolsoort=Rolsoort.INTERN_BEGELEIDER,
        school=vestiging.school,
        gebruiker=GebruikerFactory(first_name="Ingrid", last_name="Bos"),
    )
    RolFactory(rolsoort=Rolsoort.OUDER, gebruiker=ouder)
    RolFactory(rolsoort=Rolsoort.LEERLING, gebruiker=leerling.gebruiker)
    return Wereld(
        leerling=leerling,
        ouder=ouder,
        ib=totp_voor(ib.gebruiker),
        ouder_totp=totp_voor(ouder),
        kind=totp_voor(leerling.gebruiker),
    )


def melding(page: Page, tekst: str) -> None:
    """A message (role=status) with this text is shown."""
    expect(page.get_by_role("status").filter(has_text=tekst)).to_be_visible()


def sectie(page: Page, naam: str) -> Locator:
    return page.get_by_role("region", name=naam, exact=True)


def datum_nl(datum: datetime.date) -> str:
    """As the templates write a date ("j F Y", Dutch)."""
    with translation.override("nl"):
        return date_format(datum, "j F Y")


def ingelogd(new_context, artefacts: Artefacts, device: TOTPDevice) -> Page:
    page = new_context().new_page()
    log_in(page, artefacts, device)
    return page


# --- The steps ----------------------------------------------------------------------------------


def ib_start_en_vult_het_opp_in(page: Page, artefacts: Artefacts, wereld: Wereld) -> None:
    vandaag = timezone.localdate()
    start = vandaag - datetime.timedelta(days=7)
    page.goto(reverse("leerlingen:detail", args=[wereld.leerling.sleutel]))
    expect(page.get_by_role("heading", level=1, name="Sam Visser")).to_be_visible()
    page.get_by_role("link", name="Start een OPP").click()
    expect(page.get_by_role("heading", level=1, name="OPP starten voor Sam Visser")).to_be_visible()
    check_page(page, artefacts, "opp-starten")
    page.get_by_label("Startdatum van de extra ondersteuning").fill(start.isoformat())
    page.get_by_role("button", name="OPP starten").click()

    expect(page.get_by_role("heading", level=1, name="OPP van Sam Visser bewerken")).to_be_visible()
    melding(page, "Het OPP van Sam Visser is gestart.")
    check_page(page, artefacts, "opp-bewerken-leeg")

    hoofd = sectie(page, "Uitstroomperspectief en onderbouwing")
    hoofd.get_by_label("Verwachte uitstroombestemming").select_option(label=UITSTROOM)
    hoofd.get_by_label("Toelichting op het uitstroomperspectief").fill(TOELICHTING)
    hoofd.get_by_label("Onderbouwing van het uitstroomperspectief").fill(ONDERBOUWING)
    hoofd.get_by_role("button", name="Opslaan").click()
    melding(page, "Het uitstroomperspectief en de onderbouwing zijn opgeslagen.")
    hoofd = sectie(page, "Uitstroomperspectief en onderbouwing")
    expect(hoofd.get_by_label("Onderbouwing van het uitstroomperspectief")).to_have_value(
        ONDERBOUWING
    )

    for soort, omschrijving in (("belemmerend", BELEMMEREND), ("bevorderend", BEVORDEREND)):
        factoren = sectie(page, "Belemmerende en bevorderende factoren")
        factoren.get_by_label("Soort factor").select_option(soort)
        factoren.get_by_label("Omschrijving", exact=True).fill(omschrijving)
        factoren.get_by_role("button", name="Factor toevoegen").click()
        melding(page, "De factor is toegevoegd.")
        expect(
            sectie(page, "Belemmerende en bevorderende factoren")
            .get_by_role("listitem")
            .filter(has_text=omschrijving)
        ).to_have_count(1)

    doel = sectie(page, "Handelingsdeel")
    doel.get_by_label("Doel", exact=True).fill(DOEL)
    doel.get_by_label("Aanpak (interventie)", exact=True).fill(AANPAK)
    doel.get_by_label("Door wie", exact=True).fill("Remedial teacher")
    doel.get_by_label("Hoe vaak", exact=True).fill("2 keer per week, 30 minuten")
    doel.get_by_label("Van", exact=True).fill(start.isoformat())
    doel.get_by_label("Tot en met", exact=True).fill(
        (start + datetime.timedelta(days=150)).isoformat()
    )
    doel.get_by_label("Hoe wordt het geëvalueerd", exact=True).fill("AVI-toets in april")
    doel.get_by_label("Afwijking van het reguliere programma").fill(AFWIJKING)
    doel.get_by_role("button", name="Doel toevoegen").click()
    melding(page, "Het doel is toegevoegd aan het handelingsdeel.")
    expect(sectie(page, "Handelingsdeel").get_by_role("table")).to_contain_text(DOEL)

    overleg = sectie(page, "Overleg met de ouders")
    overleg.get_by_label("Datum van het overleg").fill(vandaag.isoformat())
    overleg.get_by_label("Wie waren erbij").fill("Moeder, mentor, intern begeleider")
    overleg.get_by_label("Samenvatting").fill(OVERLEG)
    overleg.get_by_role("button", name="Overleg vastleggen").click()
    melding(page, "Het overleg met de ouders is vastgelegd.")
    expect(sectie(page, "Overleg met de ouders").get_by_role("table")).to_contain_text(OVERLEG)
    check_page(page, artefacts, "opp-bewerken-ingevuld")


def leerling_zegt_wat_hij_vindt(page: Page, artefacts: Artefacts) -> None:
    expect(page.get_by_role("heading", level=1, name="Hoi Sam!")).to_be_visible()
    page.get_by_role("link", name="Mijn plan", exact=True).click()
    expect(page.get_by_role("heading", level=1, name="Mijn plan")).to_be_visible()
    expect(page.get_by_text("Dit plan is nog niet klaar.")).to_be_visible()
    expect(page.get_by_text(BELEMMEREND)).to_be_visible()
    page.get_by_role("link", name="Wat vind jij?").click()
    expect(page.get_by_role("heading", level=1, name="Wat vind jij?")).to_be_visible()
    check_page(page, artefacts, "leerling-wat-vind-jij")

    page.get_by_label("Wat gaat goed op school?").fill(WAT_GAAT_GOED)
    page.get_by_label("Wat vind je moeilijk?").fill(WAT_IS_MOEILIJK)
    page.get_by_label("Wat wil je? Wat helpt jou?").fill(WAT_WIL_IK)
    page.get_by_role("button", name="Versturen").click()
    expect(page.get_by_role("heading", level=1, name="Mijn plan")).to_be_visible()
    melding(page, "Dank je wel! De school leest wat je hebt geschreven.")
    expect(page.get_by_text(WAT_WIL_IK)).to_be_visible()
    expect(page.get_by_text("Dat komt nog.")).to_be_visible()
    check_page(page, artefacts, "leerling-mijn-plan")


def ib_reageert_en_probeert_vast_te_stellen(page: Page, artefacts: Artefacts) -> None:
    page.reload()
    mening = sectie(page, "Mening van de leerling")
    expect(mening).to_contain_text(WAT_WIL_IK)
    expect(mening).to_contain_text("De leerling vulde het zelf in")
    mening.get_by_label("Wat doet de school met deze mening?").fill(REACTIE)
    mening.get_by_role("button", name="Opslaan").click()
    melding(page, "Er staat nu wat de school met de mening van de leerling doet.")
    expect(sectie(page, "Mening van de leerling")).to_contain_text(REACTIE)

    page.get_by_role("link", name="Controleren en vaststellen").click()
    expect(
        page.get_by_role("heading", level=1, name="OPP van Sam Visser vaststellen")
    ).to_be_visible()
    onderdelen = page.get_by_role("table", name="Onderdelen die de wet vraagt")
    instemming = onderdelen.get_by_role("row").filter(has_text="Instemming met het handelingsdeel")
    expect(instemming).to_contain_text("Nee, ontbreekt")
    expect(onderdelen.get_by_text("Nee, ontbreekt")).to_have_count(1)
    ontbreekt = page.get_by_role("list").filter(has_text="Er is nog geen instemming")
    expect(ontbreekt.get_by_role("listitem")).to_have_count(1)
    # Without every part there is no button to set the OPP.
    expect(page.get_by_role("button", name="OPP vaststellen")).to_have_count(0)
    check_page(page, artefacts, "vaststellen-onvolledig")

    # Trying anyway (a POST, as from a stale tab): refused, with what is missing.
    csrf = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    with page.expect_navigation():
        page.evaluate(
            """(token) => {
              const form = document.createElement('form');
              form.method = 'post';
              form.action = location.pathname;
              const input = document.createElement('input');
              input.type = 'hidden';
              input.name = 'csrfmiddlewaretoken';
              input.value = token;
              form.append(input);
              document.body.append(form);
              form.submit();
            }""",
            csrf,
        )
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Het OPP is niet vastgesteld. Dit ontbreekt nog:")
    expect(alert).to_contain_text("Er is nog geen instemming op het handelingsdeel")
    expect(alert.get_by_role("listitem")).to_have_count(1)
    check_page(page, artefacts, "vaststellen-geweigerd")


def ouder_leest_en_stemt_in(page: Page, artefacts: Artefacts) -> None:
    expect(page.get_by_role("heading", level=1, name="Mijn kinderen")).to_be_visible()
    page.get_by_role("link", name="Het plan voor Sam (OPP)").click()
    expect(page.get_by_role("heading", level=1, name="Het plan voor Sam")).to_be_visible()
    expect(page.get_by_text("Dit plan is nog niet definitief.")).to_be_visible()
    for tekst in (UITSTROOM, ONDERBOUWING, BELEMMEREND, BEVORDEREND, AANPAK, OVERLEG, REACTIE):
        expect(page.get_by_role("main")).to_contain_text(tekst)
    check_page(page, artefacts, "ouder-plan")

    page.get_by_role("link", name="Geef uw kijk").click()
    expect(
        page.get_by_role("heading", level=1, name="Geef uw kijk op het plan voor Sam")
    ).to_be_visible()
    page.get_by_label("Wat vindt u van het plan?").fill(KIJK_OUDERS)
    page.get_by_role("button", name="Opslaan").click()
    melding(page, "De school kan nu lezen wat u van het plan vindt.")
    expect(page.get_by_text(KIJK_OUDERS)).to_be_visible()

    page.get_by_role("link", name="Instemmen of niet instemmen").click()
    expect(
        page.get_by_role("heading", level=1, name="Instemmen met het plan voor Sam")
    ).to_be_visible()
    expect(page.get_by_role("heading", level=3, name=f"Doel 1: {DOEL}")).to_be_visible()
    check_page(page, artefacts, "ouder-instemmen")
    page.get_by_label("Ik stem in", exact=True).check()
    page.get_by_label("Vul uw wachtwoord opnieuw in").fill(WACHTWOORD)
    page.get_by_role("button", name="Besluit versturen").click()
    expect(page.get_by_role("heading", level=1, name="Het plan voor Sam")).to_be_visible()
    melding(page, "U heeft ingestemd met wat de school gaat doen.")
    expect(page.get_by_text("Ingestemd.", exact=True)).to_be_visible()
    check_page(page, artefacts, "ouder-ingestemd")


def plan_past_op_een_telefoon(context: BrowserContext, new_context, artefacts: Artefacts) -> None:
    plan_url = context.pages[0].url
    page = new_context(
        viewport=MOBIEL, is_mobile=True, has_touch=True, storage_state=context.storage_state()
    ).new_page()
    page.goto(plan_url)
    expect(page.get_by_role("heading", level=1, name="Het plan voor Sam")).to_be_visible()
    check_page(page, artefacts, "ouder-plan-mobiel")
    breedte = page.evaluate(
        "() => ({scroll: document.scrollingElement.scrollWidth, venster: window.innerWidth})"
    )
    assert breedte["scroll"] <= breedte["venster"], f"Horizontaal scrollen op mobiel: {breedte}"
    page.close()


def ib_stelt_vast(page: Page, artefacts: Artefacts) -> None:
    page.get_by_role("link", name="Vul de ontbrekende onderdelen aan").click()
    expect(sectie(page, "Overleg met de ouders")).to_contain_text(KIJK_OUDERS)
    page.get_by_role("link", name="Controleren en vaststellen").click()
    expect(page.get_by_text("Alle onderdelen zijn er.")).to_be_visible()
    expect(page.get_by_text("Nee, ontbreekt")).to_have_count(0)
    check_page(page, artefacts, "vaststellen-compleet")
    page.get_by_role("button", name="OPP vaststellen").click()

    expect(
        page.get_by_role("heading", level=1, name="Ontwikkelingsperspectief van Sam Visser")
    ).to_be_visible()
    melding(page, "Het OPP is vastgesteld.")
    kop = page.locator(".utrecht-data-list").first
    expect(kop).to_contain_text("Vastgesteld")
    expect(kop).to_contain_text(f"op {datum_nl(timezone.localdate())} door Ingrid Bos")
    besluiten = page.get_by_role(
        "table", name=re.compile("^Alle besluiten over het handelingsdeel")
    )
    besluit = besluiten.get_by_role("row").filter(has_text="Petra Visser")
    expect(besluit).to_contain_text("Instemming gegeven")
    expect(besluit).to_contain_text("Online, in het ouderportaal")
    check_page(page, artefacts, "opp-vastgesteld")


def ib_downloadt_de_pdf(page: Page, ouder: Gebruiker) -> None:
    with page.expect_download() as info:
        page.get_by_role("link", name="Download als PDF").click()
    download = info.value
    assert download.suggested_filename == "opp-visser-v1.pdf"
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    pdf = ARTEFACTEN / "opp.pdf"
    download.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")

    tekst = pdf_tekst(pdf.read_bytes())
    koppen = [
        kop
        for _niveau, kop in re.findall(
            r"<h([123])>([^<{]+)</h\1>", PDF_SJABLOON.read_text(encoding="utf-8")
        )
    ]
    assert len(koppen) >= 10, koppen
    ontbrekend = [kop for kop in koppen if kop not in tekst]
    assert not ontbrekend, f"Koppen niet in de PDF: {ontbrekend}"
    for stuk in ("Sam Visser", "Vastgesteld", DOEL, REACTIE, KIJK_OUDERS):
        assert stuk in tekst, f"{stuk!r} niet in de PDF-tekst"
    # The consent record: the last section, from its heading on.
    instemming = tekst[tekst.rindex("Instemming met het handelingsdeel") :]
    for stuk in (
        "Instemming gegeven",
        "Online, in het ouderportaal",
        ouder.get_full_name(),
        f"Het laatste besluit telt: instemming gegeven op {datum_nl(timezone.localdate())}.",
    ):
        assert stuk in instemming, f"{stuk!r} niet in de instemming in de PDF: {instemming}"


# --- The test -----------------------------------------------------------------------------------


def test_opp_van_start_tot_vastgesteld_met_leerling_en_ouder(
    new_context, artefacts: Artefacts, wereld: Wereld
) -> None:
    ib = ingelogd(new_context, artefacts, wereld.ib)
    ib_start_en_vult_het_opp_in(ib, artefacts, wereld)

    kind = ingelogd(new_context, artefacts, wereld.kind)
    leerling_zegt_wat_hij_vindt(kind, artefacts)

    ib_reageert_en_probeert_vast_te_stellen(ib, artefacts)

    ouder = ingelogd(new_context, artefacts, wereld.ouder_totp)
    ouder_leest_en_stemt_in(ouder, artefacts)
    plan_past_op_een_telefoon(ouder.context, new_context, artefacts)

    ib_stelt_vast(ib, artefacts)
    ib_downloadt_de_pdf(ib, wereld.ouder)
