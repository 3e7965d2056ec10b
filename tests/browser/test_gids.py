"""The public guide for parents in the browser, without logging in: search by postcode
and need, open a school's page, compare three schools, on a phone (375×740) and a large
screen (1280×900); the search also without JavaScript; the plain-language pages and 'Hulp
in de regio'. Every page is checked: styled, a screenshot, axe-core WCAG 2.1 AA (not
possible without JavaScript: axe itself is a script).
"""

import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import expect

from passend.aanbod.models import Aanbod, Ondersteuningsgebied, Voorzieningsoort
from passend.aanbod.tests.factories import (
    AanbodFactory,
    GebiedsaanbodFactory,
    VoorzieningFactory,
    WachtlijststandFactory,
)
from passend.organisaties.rules import Soort
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)
from tests.browser.page_checks import Artefacts, check_page

KLEIN = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}
GROOT = {"viewport": {"width": 1280, "height": 900}}
SCHERMEN = [pytest.param(KLEIN, id="klein"), pytest.param(GROOT, id="groot")]


@dataclass
class Regio:
    scholen: list[Aanbod]


def startgebieden() -> dict[str, Ondersteuningsgebied]:
    """The areas of the data migration (restored by the browser conftest before each test)."""
    return {g.code: g for g in Ondersteuningsgebied.objects.all()}


@pytest.fixture
def regio(transactional_db: None) -> Regio:
    """Five schools in Utrecht with a published offer, one SWV with its steunpunt and
    some entries of the sociale kaart."""
    gebieden = startgebieden()
    gemeente = GemeenteFactory(naam="Utrecht")
    swv = SamenwerkingsverbandFactory(naam="Passend Onderwijs Utrecht")
    swv.werkgebied.set([gemeente])
    namen = [
        ("De Dom", Soort.BAO, 52.091, 5.121),
        ("Het Anker", Soort.BAO, 52.098, 5.128),
        ("De Brug", Soort.SBO, 52.104, 5.112),
        ("De Linde", Soort.BAO, 52.110, 5.135),
        ("Het Baken", Soort.BAO, 52.120, 5.100),
    ]
    scholen = []
    for i, (naam, soort, breedte, lengte) in enumerate(namen):
        vestiging = VestigingFactory(
            naam=naam,
            soort=soort,
            straat="Schoolstraat",
            huisnummer=str(i + 1),
            postcode=f"351{i + 1} AB",
            plaats="Utrecht",
            gemeente=gemeente,
            breedtegraad=breedte,
            lengtegraad=lengte,
            internetadres=f"www.school{i}.example.nl",
        )
        SwvLidmaatschapFactory(vestiging=vestiging, samenwerkingsverband=swv)
        aanbod = AanbodFactory(vestiging=vestiging, gepubliceerd=True, normgebieden=False)
        for code in ("lezen-spellen-dyslexie", "leergedrag", "hoogbegaafdheid"):
            GebiedsaanbodFactory(
                aanbod=aanbod,
                gebied=gebieden[code],
                basisondersteuning=f"{naam}: elke dag lezen en plannen in de groep.",
                extra_ondersteuning=(
                    f"{naam}: hulp in een klein groepje, met het samenwerkingsverband."
                    if i % 2 == 0
                    else ""
                ),
                faciliteiten=["stilteruimte", "kleine_groepen"],
            )
        scholen.append(aanbod)
    WachtlijststandFactory(vestiging=scholen[2].vestiging, verwachte_wachttijd_weken=6)
    VoorzieningFactory(
        samenwerkingsverband=swv,
        soort=Voorzieningsoort.STEUNPUNT,
        naam="Ouder- en jeugdsteunpunt Utrecht",
        telefoon="030 000 0000",
        website="https://steunpunt.example.org",
    )
    VoorzieningFactory(samenwerkingsverband=swv, naam="Jeugdhulp Utrecht")
    return Regio(scholen=scholen)


@pytest.mark.parametrize("scherm", SCHERMEN)
def test_zoeken_school_bekijken_en_drie_scholen_vergelijken(
    new_context, artefacts: Artefacts, regio: Regio, scherm: dict
) -> None:
    page = new_context(**scherm).new_page()
    page.goto("/gids/")
    expect(page.get_by_role("heading", level=1, name="Scholen zoeken")).to_be_visible()
    check_page(page, artefacts, "zoeken")

    page.get_by_label("Postcode").fill("3511 AB")
    page.get_by_label("Lezen, spellen en dyslexie").check()
    page.get_by_role("button", name="Zoeken").click()
    expect(
        page.get_by_role("heading", level=2, name="Scholen bij postcode 3511 AB")
    ).to_be_visible()
    kaarten = page.locator(".gids-lijst > li")
    expect(kaarten).to_have_count(5)
    expect(kaarten.first).to_contain_text("De Dom")
    expect(kaarten.first).to_contain_text("0,0 km")
    expect(kaarten.first).to_contain_text("Basisondersteuning en extra ondersteuning")
    check_page(page, artefacts, "resultaten")

    page.get_by_role("link", name="De Brug").click()
    expect(page.get_by_role("heading", level=1, name="De Brug")).to_be_visible()
    expect(page.get_by_text("ongeveer 6 weken")).to_be_visible()
    expect(page.get_by_role("heading", name="Ouder- en jeugdsteunpunt Utrecht")).to_be_visible()
    check_page(page, artefacts, "school")

    page.go_back()
    for naam in ("De Dom", "Het Anker", "De Brug"):
        page.get_by_label(f"Vergelijk {naam}").check()
    page.get_by_role("button", name="Vergelijk de gekozen scholen").click()
    expect(page).to_have_url(re.compile(r"/gids/vergelijken/\?v=\w+&v=\w+&v=\w+$"))
    expect(page.get_by_role("heading", level=1, name="Scholen vergelijken")).to_be_visible()
    lezen = page.get_by_role("region", name="Lezen, spellen en dyslexie")
    expect(lezen.get_by_role("columnheader")).to_have_count(3)
    expect(lezen).to_contain_text("Het Anker: elke dag lezen en plannen in de groep.")
    check_page(page, artefacts, "vergelijken")

    # The region scrolls sideways on a phone, also with the keyboard.
    breed = lezen.evaluate("(el) => el.scrollWidth > el.clientWidth")
    assert breed == (scherm is KLEIN)
    if breed:
        lezen.focus()
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowRight")
        # Scrolling may be smooth: wait until it moved.
        page.wait_for_function("(el) => el.scrollLeft > 0", arg=lezen.element_handle())


def test_zoeken_werkt_zonder_javascript(new_context, artefacts: Artefacts, regio: Regio) -> None:
    page = new_context(java_script_enabled=False, **KLEIN).new_page()
    page.goto("/gids/")
    page.get_by_label("Of: woonplaats").fill("utrecht")
    page.get_by_label("Speciaal onderwijs (sbo, so en vso)").check()
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_role("heading", level=2, name="Scholen bij Utrecht")).to_be_visible()
    expect(page.locator(".gids-lijst > li")).to_have_count(1)
    expect(page.locator(".gids-lijst > li")).to_contain_text("De Brug")
    check_page(page, artefacts, "zonder-js", axe=False)

    page.get_by_label("Postcode").fill("12")
    page.get_by_label("Of: woonplaats").fill("")
    page.get_by_role("button", name="Zoeken").click()
    expect(page.get_by_text("Dit is geen postcode.")).to_be_visible()
    check_page(page, artefacts, "zonder-js-fout", axe=False)


@pytest.mark.parametrize("scherm", SCHERMEN)
def test_foutmeldingen_en_uitlegpaginas(
    new_context, artefacts: Artefacts, regio: Regio, scherm: dict
) -> None:
    page = new_context(**scherm).new_page()
    page.goto("/gids/?postcode=&plaats=Atlantis&straal=99")
    expect(page.get_by_text("We kennen geen plaats die ‘Atlantis’ heet.")).to_be_visible()
    expect(page.get_by_text("Kies een afstand van 1 tot 50 kilometer")).to_be_visible()
    expect(page.get_by_label("Of: woonplaats")).to_have_attribute("aria-invalid", "true")
    check_page(page, artefacts, "zoekfouten")

    page.goto("/gids/?postcode=3511&nodig=medisch")
    expect(page.get_by_text("We vonden geen scholen binnen 10 km")).to_be_visible()
    check_page(page, artefacts, "niets-gevonden")

    page.goto(f"/gids/vergelijken/?v={regio.scholen[0].vestiging.vestigingscode}")
    expect(page.get_by_role("alert")).to_contain_text("Kies ten minste 2 scholen")
    check_page(page, artefacts, "vergelijken-te-weinig")

    antwoord = page.goto("/gids/school/99ZZ99/")
    assert antwoord is not None and antwoord.status == 404
    expect(page.get_by_role("heading", level=1, name="School niet gevonden")).to_be_visible()
    check_page(page, artefacts, "school-niet-gevonden")

    menu = page.get_by_role("navigation", name="Gids voor ouders")
    for link, kop in (
        ("Aanmelden", "Uw kind aanmelden bij een school"),
        ("OPP", "Het ontwikkelingsperspectief (OPP)"),
        ("TLV", "De toelaatbaarheidsverklaring (TLV)"),
        ("Niet eens?", "Bent u het niet eens met de school?"),
    ):
        menu.get_by_role("link", name=link, exact=True).click()
        expect(page.get_by_role("heading", level=1, name=kop)).to_be_visible()
        check_page(page, artefacts, link.lower().replace(" ", "-").strip("?"))

    menu.get_by_role("link", name="Hulp in de regio").click()
    expect(page.get_by_role("heading", name="Ouder- en jeugdsteunpunt Utrecht")).to_be_visible()
    page.get_by_label("Gemeente").select_option(label="Utrecht")
    page.get_by_role("button", name="Toon hulp").click()
    expect(page.get_by_role("heading", name="Jeugdhulp Utrecht")).to_be_visible()
    check_page(page, artefacts, "hulp")
