"""Running a survey wave in the browser.

The directeur of an SWV prepares a wave for parents and pupils, makes 3 invitation codes
for a member school (shown once, on a printable page), opens the wave, follows the
response page and makes codes for every school of the SWV at once. Every page: styled, a screenshot, axe-core WCAG 2.1 AA with 0 violations.
"""

from django.urls import reverse
from playwright.sync_api import expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory, totp_voor
from passend.doelstellingen.models import Meting, Uitnodiging
from passend.doelstellingen.rules import Metingstatus, code_hash
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)
from tests.browser.login import log_in
from tests.browser.page_checks import Artefacts, check_page


def test_directeur_zet_een_meting_uit(new_context, artefacts: Artefacts) -> None:
    swv = SamenwerkingsverbandFactory(naam="Passend Primair Rivierenland")
    school = VestigingFactory(naam="OBS De Linde", soort="bao")
    SwvLidmaatschapFactory(vestiging=school, samenwerkingsverband=swv)
    rol = RolFactory(
        rolsoort=Rolsoort.DIRECTEUR,
        samenwerkingsverband=swv,
        gebruiker=GebruikerFactory(first_name="Dirk", last_name="Verhoeven"),
    )
    page = new_context().new_page()
    log_in(page, artefacts, totp_voor(rol.gebruiker))

    page.goto(reverse("doelstellingen:overzicht"))
    expect(page.get_by_role("heading", level=1, name="Doelstellingenmonitor")).to_be_visible()
    check_page(page, artefacts, "overzicht-leeg")

    page.get_by_role("link", name="Nieuwe meting klaarzetten").click()
    page.get_by_role("button", name="Meting klaarzetten").click()
    expect(page.get_by_text("Geef de meting een naam.").first).to_be_visible()
    check_page(page, artefacts, "nieuw-fouten")
    page.get_by_label("Naam van de meting").fill("Meting 2026")
    page.get_by_label("Jaar").fill("2026")
    page.get_by_label("Open vanaf").fill("2026-05-01")
    page.get_by_label("Open tot en met").fill("2026-06-30")
    page.get_by_label("Leerlingen", exact=True).check()
    page.get_by_label("Ouders van leerlingen met een ondersteuningsbehoefte").check()
    page.get_by_role("button", name="Meting klaarzetten").click()

    expect(page.get_by_role("heading", level=1, name="Meting 2026")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text("Op school luisteren ze naar mij.")
    check_page(page, artefacts, "meting-concept")
    meting = Meting.objects.get(samenwerkingsverband=swv)

    page.get_by_role("link", name="Uitnodigingscodes maken").click()
    check_page(page, artefacts, "uitnodigingen")
    page.get_by_label("Groep respondenten").select_option(label="Leerlingen")
    page.get_by_label("School (vestiging)").select_option(
        label=f"OBS De Linde ({school.vestigingscode})"
    )
    page.get_by_label("Aantal codes").fill("3")
    page.get_by_role("button", name="Codes maken en tonen").click()
    expect(page.get_by_role("heading", level=1, name="3 nieuwe uitnodigingscodes")).to_be_visible()
    codes = [c.strip() for c in page.locator(".passend-code__waarde").all_inner_texts()]
    assert len(codes) == 3
    assert {code_hash(c) for c in codes} == set(
        Uitnodiging.objects.values_list("code_hash", flat=True)
    )
    check_page(page, artefacts, "codes")

    page.get_by_role("link", name="Terug naar de meting").click()
    page.get_by_role("button", name="Meting openen").click()
    expect(page.get_by_role("status").filter(has_text="De meting is geopend")).to_be_visible()
    expect(page.get_by_role("button", name="Meting sluiten")).to_be_visible()
    meting.refresh_from_db()
    assert meting.status == Metingstatus.OPEN
    check_page(page, artefacts, "meting-open")

    Uitnodiging.objects.filter(code_hash=code_hash(codes[0])).update(gebruikt=True)
    # A second school with one (used) code: no counts of its own, only in the total.
    klein = VestigingFactory(naam="SBO De Brug", soort="sbo")
    SwvLidmaatschapFactory(vestiging=klein, samenwerkingsverband=meting.samenwerkingsverband)
    eerste = Uitnodiging.objects.filter(code_hash=code_hash(codes[0])).get()
    Uitnodiging.objects.create(
        vragenlijst=eerste.vragenlijst,
        samenwerkingsverband=meting.samenwerkingsverband,
        vestiging=klein,
        code_hash=code_hash("SBOD-EBRU-GXXX"),
        gebruikt=True,
    )
    page.get_by_role("link", name="Respons bekijken").click()
    expect(page.get_by_role("heading", level=1, name="Respons op Meting 2026")).to_be_visible()
    rij = page.get_by_role("row").filter(has_text="OBS De Linde")
    expect(rij).to_contain_text("33,3%")
    klein_rij = page.get_by_role("row").filter(has_text="SBO De Brug")
    expect(klein_rij).to_contain_text("minder dan 2 codes")
    expect(klein_rij).not_to_contain_text("100")
    expect(page.locator("svg.passend-grafiek")).to_be_visible()
    # The parents have no codes yet: not a 0 % bar, but named under the chart.
    expect(page.locator(".passend-zonder-codes")).to_contain_text("Ouders")
    check_page(page, artefacts, "respons")

    # Codes for every school of the SWV in one go, on one printable page.
    page.goto(reverse("doelstellingen:uitnodigingen", args=[meting.pk]))
    page.get_by_label("Voor alle scholen van het samenwerkingsverband").check()
    page.get_by_label("Groep respondenten").select_option(
        label="Ouders van leerlingen met een ondersteuningsbehoefte"
    )
    page.get_by_label("Aantal codes").fill("2")
    page.get_by_role("button", name="Codes maken en tonen").click()
    expect(page.get_by_role("heading", level=1, name="4 nieuwe uitnodigingscodes")).to_be_visible()
    for naam in ("OBS De Linde", "SBO De Brug"):
        expect(page.get_by_role("heading", level=2, name=naam)).to_be_visible()
    assert page.locator(".passend-code__waarde").count() == 4
    check_page(page, artefacts, "codes-alle-scholen")
