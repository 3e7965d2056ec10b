"""The school's support offer in the browser.

A schoolleider logs in, opens the overview, starts describing the offer of the running
school year, describes two of the three areas of the landelijke norm, tries to publish
(a clear error names the missing area), describes the third and publishes. Then Passend
writes the schoolgids text from the offer, the schoolleider reads it, adjusts it by hand
and downloads it as a PDF. Finally "Aanbod aanpassen" starts a new concept as a copy,
shown beside the published version. Every page on the way is checked: styled, a
screenshot, axe-core WCAG 2.1 AA.
"""

import re
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from passend.aanbod.models import Aanbod, Schoolgidstekst
from passend.aanbod.rules import Status, schooljaar_van
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory, totp_voor
from passend.organisaties.models import Vestiging
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)
from tests.browser.login import log_in
from tests.browser.page_checks import SCREENSHOTS, Artefacts, check_page

BASIS = "Wat krijgt elk kind? (basisondersteuning)"
NORM = {
    "lezen": "Lezen, spellen en dyslexie (landelijke norm)",
    "begaafd": "(Hoog)begaafdheid (landelijke norm)",
    "leergedrag": "Leergedrag (landelijke norm)",
}


@dataclass
class Wereld:
    vestiging: Vestiging
    schoolleider: TOTPDevice


@pytest.fixture
def wereld(transactional_db: None) -> Wereld:
    swv = SamenwerkingsverbandFactory(naam="Passend Primair Rivierenland")
    vestiging = VestigingFactory(naam="OBS De Linde", soort="bao", plaats="Tiel")
    SwvLidmaatschapFactory(vestiging=vestiging, samenwerkingsverband=swv)
    rol = RolFactory(
        rolsoort=Rolsoort.SCHOOLLEIDER,
        gebruiker=GebruikerFactory(first_name="Sam", last_name="de Vries"),
        school=vestiging.school,
    )
    return Wereld(vestiging=vestiging, schoolleider=totp_voor(rol.gebruiker))


def melding(page: Page, tekst: str) -> None:
    expect(page.get_by_role("status").filter(has_text=tekst)).to_be_visible()


def gebied(page: Page, naam: str):
    return page.get_by_role("group", name=naam, exact=True)


def beschrijf_twee_normgebieden(page: Page, artefacts: Artefacts, jaar: str) -> None:
    page.goto(reverse("aanbod:overzicht"))
    expect(page.get_by_role("heading", level=1, name="Ondersteuningsaanbod")).to_be_visible()
    rij = page.get_by_role("row").filter(has_text="OBS De Linde")
    expect(rij).to_contain_text("Nog niet beschreven")
    check_page(page, artefacts, "overzicht")

    rij.get_by_role("link", name=re.compile(f"Nog niet beschreven.*{jaar}")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"schooljaar {jaar}")
    expect(page.get_by_role("main")).to_contain_text("nog geen aanbod beschreven")
    check_page(page, artefacts, "vestiging-leeg")

    page.get_by_role("button", name="Aanbod beschrijven").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Aanbod beschrijven")
    check_page(page, artefacts, "beschrijven")
    page.get_by_label("Inleiding").fill("Wij kijken naar wat elk kind nodig heeft.")
    page.get_by_label(re.compile("^Bij wie kunnen ouders terecht")).fill(
        "De intern begeleider, via de administratie"
    )
    lezen = gebied(page, NORM["lezen"])
    lezen.get_by_label(BASIS).fill("Elke dag lezen in kleine groepjes.")
    lezen.get_by_label("Stille of prikkelarme ruimte").check()
    gebied(page, NORM["begaafd"]).get_by_label(BASIS).fill("Verrijkingswerk in de klas.")
    # Other areas are folded; a facility without any text: a clear message, nothing saved.
    expect(gebied(page, "Medische zorg")).to_be_hidden()
    page.locator("summary", has_text="Medische zorg").click()
    gebied(page, "Medische zorg").get_by_label("Lift").check()
    page.get_by_role("button", name="Concept opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text("Niet alles is goed ingevuld")
    expect(gebied(page, "Medische zorg")).to_contain_text("Schrijf ook iets over dit onderwerp.")
    check_page(page, artefacts, "beschrijven-fout")
    # The area with the error stays unfolded.
    gebied(page, "Medische zorg").get_by_label("Lift").uncheck()
    page.get_by_role("button", name="Concept opslaan").click()
    melding(page, "Het concept is opgeslagen.")
    expect(page.get_by_role("main")).to_contain_text("Dit ontbreekt nog:")
    check_page(page, artefacts, "concept")


def publiceren_lukt_pas_met_alle_normgebieden(page: Page, artefacts: Artefacts, jaar: str) -> None:
    page.get_by_role("button", name="Aanbod publiceren").click()
    melding(
        page,
        "Het aanbod is niet gepubliceerd. Beschrijf eerst de basisondersteuning voor: Leergedrag.",
    )
    check_page(page, artefacts, "publiceren-fout")

    page.get_by_role("link", name="Concept bewerken").click()
    expect(gebied(page, NORM["lezen"]).get_by_label(BASIS)).to_have_value(
        "Elke dag lezen in kleine groepjes."
    )
    gebied(page, NORM["leergedrag"]).get_by_label(BASIS).fill("Een dagtaak en een vaste plek.")
    page.get_by_role("button", name="Concept opslaan").click()
    melding(page, "Het concept is opgeslagen.")
    page.get_by_role("button", name="Aanbod publiceren").click()
    melding(page, f"Het aanbod voor schooljaar {jaar} is gepubliceerd.")
    main = page.get_by_role("main")
    expect(main).to_contain_text("Ja, dit is het aanbod dat ouders zien")
    expect(main).to_contain_text("Een dagtaak en een vaste plek.")
    check_page(page, artefacts, "gepubliceerd")


def schoolgidstekst_maken_en_aanpassen(page: Page, artefacts: Artefacts) -> None:
    page.get_by_role("link", name="Tekst voor de schoolgids").click()
    expect(page.get_by_role("main")).to_contain_text("Er is nog geen tekst")
    check_page(page, artefacts, "schoolgids-leeg")
    page.get_by_role("button", name="Tekst maken uit het aanbod").click()
    melding(page, "Passend heeft de tekst voor de schoolgids gemaakt uit het aanbod.")
    expect(
        page.get_by_role("heading", level=3, name="Ondersteuning op OBS De Linde")
    ).to_be_visible()
    expect(page.get_by_role("heading", level=4, name=NORM["leergedrag"])).to_be_visible()
    expect(
        page.get_by_role("listitem").filter(has_text="Stille of prikkelarme ruimte")
    ).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Passend Primair Rivierenland")
    check_page(page, artefacts, "schoolgids")

    page.get_by_role("link", name="Tekst aanpassen").click()
    tekstvak = page.get_by_label("Tekst voor de schoolgids")
    expect(tekstvak).to_contain_text("## Ondersteuning op OBS De Linde")
    check_page(page, artefacts, "schoolgids-aanpassen")
    tekstvak.fill(tekstvak.input_value() + "\n### Ons motto\n\nSamen leren, samen groeien.\n")
    page.get_by_role("button", name="Tekst opslaan").click()
    melding(page, "De tekst voor de schoolgids is opgeslagen.")
    expect(page.get_by_role("heading", level=4, name="Ons motto")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Samen leren, samen groeien.")
    check_page(page, artefacts, "schoolgids-aangepast")

    with page.expect_download() as info:
        page.get_by_role("link", name="Download als pdf").click()
    pdf = SCREENSHOTS.parent / "schoolgids-ondersteuning.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")


def aanpassen_begint_een_nieuw_concept(page: Page, artefacts: Artefacts) -> None:
    page.get_by_role("link", name="Naar het aanbod van deze vestiging").click()
    page.get_by_role("button", name="Aanbod aanpassen").click()
    expect(gebied(page, NORM["leergedrag"]).get_by_label(BASIS)).to_have_value(
        "Een dagtaak en een vaste plek."
    )
    page.get_by_role("link", name="Terug zonder op te slaan").click()
    versies = page.get_by_role("navigation", name="Versies van het aanbod")
    expect(versies.get_by_role("listitem")).to_have_count(2)
    expect(page.get_by_role("heading", level=2, name="Concept")).to_be_visible()
    check_page(page, artefacts, "concept-naast-gepubliceerd")
    versies.get_by_role("link", name="Gepubliceerd").click()
    expect(page.get_by_role("heading", level=2, name="Gepubliceerd aanbod")).to_be_visible()


def test_schoolleider_beschrijft_publiceert_en_maakt_de_schoolgidstekst(
    new_context, artefacts: Artefacts, wereld: Wereld
):
    jaar = schooljaar_van(timezone.localdate())
    page = new_context().new_page()
    log_in(page, artefacts, wereld.schoolleider)
    beschrijf_twee_normgebieden(page, artefacts, jaar)
    publiceren_lukt_pas_met_alle_normgebieden(page, artefacts, jaar)
    schoolgidstekst_maken_en_aanpassen(page, artefacts)
    aanpassen_begint_een_nieuw_concept(page, artefacts)

    aanbod = Aanbod.objects.get(vestiging=wereld.vestiging, status=Status.GEPUBLICEERD)
    assert aanbod.openbaar and aanbod.gebieden.count() == 3
    concept = Aanbod.objects.get(vestiging=wereld.vestiging, status=Status.CONCEPT)
    assert concept.versie == 2 and concept.gebieden.count() == 3
    tekst = Schoolgidstekst.objects.get(vestiging=wereld.vestiging, schooljaar=jaar)
    assert tekst.met_de_hand_aangepast and "Samen leren, samen groeien." in tekst.tekst
