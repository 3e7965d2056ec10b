"""The samenwerkingsverband's side of the support offer in the browser.

The directeur imports the region's offer as CSV (first a file with an error: the message
names the row and the column and nothing is saved; then a correct file, published at
once), sees the overview with the coverage per area, the waiting lists of the sbo/so
locations as a chart with its table, and adds a Voorziening to the sociale kaart. Every
page on the way is checked: styled, a screenshot, axe-core WCAG 2.1 AA. A small screen
gets the overview and the waiting lists too.
"""

import datetime
import re
from dataclasses import dataclass

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from passend.aanbod.models import Aanbod, Voorziening
from passend.aanbod.rules import Status, schooljaren_om_te_beschrijven
from passend.aanbod.tests.factories import WachtlijststandFactory, gebied
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory, totp_voor
from passend.organisaties.models import Vestiging
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)
from tests.browser.login import log_in
from tests.browser.page_checks import Artefacts, check_page

KOP = (
    "vestigingscode;schooljaar;gebied;basisondersteuning;extra_ondersteuning;expertise;"
    "faciliteiten;capaciteit;toelichting;contact"
)
NORM = ("lezen-spellen-dyslexie", "hoogbegaafdheid", "Leergedrag")


@dataclass
class Wereld:
    directeur: TOTPDevice
    linde: Vestiging
    brug: Vestiging
    anker: Vestiging


@pytest.fixture
def wereld(transactional_db: None) -> Wereld:
    """The areas of the data migration are restored by the browser conftest."""
    swv = SamenwerkingsverbandFactory(naam="Passend Primair Rivierenland")
    swv.werkgebied.add(GemeenteFactory(naam="Tiel"), GemeenteFactory(naam="Culemborg"))

    def lid(naam: str, soort: str) -> Vestiging:
        vestiging = VestigingFactory(naam=naam, soort=soort, plaats="Tiel")
        SwvLidmaatschapFactory(vestiging=vestiging, samenwerkingsverband=swv)
        return vestiging

    linde, brug, anker = (
        lid("OBS De Linde", "bao"),
        lid("SBO De Brug", "sbo"),
        lid("SO Het Anker", "so"),
    )
    for vestiging, aantallen in ((brug, (4, 7, 9, 6)), (anker, (12, 10, 11, 8))):
        for maand, aantal in zip((9, 10, 11, 12), aantallen, strict=True):
            WachtlijststandFactory(
                vestiging=vestiging,
                peildatum=datetime.date(2026, maand, 1),
                aantal_wachtend=aantal,
                verwachte_wachttijd_weken=aantal + 2,
            )
    WachtlijststandFactory(
        vestiging=anker,
        peildatum=datetime.date(2026, 12, 1),
        gebied=gebied("medisch"),
        aantal_wachtend=3,
    )
    rol = RolFactory(
        rolsoort=Rolsoort.DIRECTEUR,
        samenwerkingsverband=swv,
        gebruiker=GebruikerFactory(first_name="Dirk", last_name="Verhoeven"),
    )
    return Wereld(directeur=totp_voor(rol.gebruiker), linde=linde, brug=brug, anker=anker)


def _jaar() -> str:
    return schooljaren_om_te_beschrijven(timezone.localdate())[0]


def _csv(wereld: Wereld, *, fout: bool) -> bytes:
    regels = [KOP]
    for vestiging in (wereld.linde, wereld.brug):
        for code in NORM:
            regels.append(
                f"{vestiging.vestigingscode};{_jaar()};{code};Elk kind krijgt hulp bij {code};"
                f"Samen met het SWV;Een specialist;stilteruimte|Werken in kleine groepen;;"
                "Wij kijken naar elk kind;De intern begeleider"
            )
    regels.append(
        f"{wereld.brug.vestigingscode};{_jaar()};{'lezen' if fout else 'medisch'};"
        ";;Een verpleegkundige;medische_ruimte;24;;"
    )
    # Excel's own CSV: windows-1252, with accents.
    return ("\r\n".join(regels) + "\r\n").replace("Elk kind", "Één kind").encode("cp1252")


def directeur_leest_in(page: Page, artefacts: Artefacts, wereld: Wereld) -> None:
    page.goto(reverse("aanbod:regio-importeren"))
    expect(
        page.get_by_role("heading", level=1, name="Aanbod van de regio inlezen en uitvoeren")
    ).to_be_visible()
    check_page(page, artefacts, "importeren")

    page.get_by_label(re.compile("^CSV-bestand")).set_input_files(
        {"name": "aanbod.csv", "mimeType": "text/csv", "buffer": _csv(wereld, fout=True)}
    )
    page.get_by_label(re.compile("^Direct publiceren")).check()
    page.get_by_role("button", name="Inlezen").click()
    expect(page.get_by_role("heading", name="Fouten in het bestand")).to_be_visible()
    expect(page.get_by_role("main")).to_contain_text(
        "Regel 8, kolom gebied: 'lezen' is geen bekend gebied. Kies uit (code of naam):"
    )
    expect(page.get_by_role("alert")).to_contain_text("Niet alles is goed ingevuld")
    check_page(page, artefacts, "importeren-fout")
    assert not Aanbod.objects.exists()

    page.get_by_label(re.compile("^CSV-bestand")).set_input_files(
        {"name": "aanbod.csv", "mimeType": "text/csv", "buffer": _csv(wereld, fout=False)}
    )
    page.get_by_label(re.compile("^Direct publiceren")).check()
    page.get_by_role("button", name="Inlezen").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Ingelezen: 7 regels, 2 vestiging(en), 7 gebieden; 2 gepubliceerd."
    )
    expect(page.get_by_role("row").filter(has_text="SBO De Brug")).to_contain_text("Gepubliceerd")
    check_page(page, artefacts, "importeren-gelukt")
    assert Aanbod.objects.filter(status=Status.GEPUBLICEERD, openbaar=True).count() == 2


def directeur_bekijkt_de_regio(page: Page, artefacts: Artefacts, wereld: Wereld) -> None:
    page.goto(reverse("aanbod:regio-overzicht"))
    expect(
        page.get_by_role("heading", level=1, name="Ondersteuningsaanbod in de regio")
    ).to_be_visible()
    grafiek = page.get_by_role("img", name=re.compile("^Dekking van het aanbod per gebied"))
    expect(grafiek).to_be_visible()
    dekking = page.get_by_role("table", name=re.compile("^Vestigingen met aanbod per gebied"))
    expect(dekking.get_by_role("row").filter(has_text="Medische zorg")).to_contain_text("0 van 3")
    expect(dekking.get_by_role("row").filter(has_text="Leergedrag")).to_contain_text("2 van 3")
    expect(page.get_by_role("row").filter(has_text="SO Het Anker")).to_contain_text(
        "Nog geen aanbod"
    )
    check_page(page, artefacts, "regio")


def directeur_bekijkt_de_wachtlijsten(page: Page, artefacts: Artefacts) -> None:
    page.goto(reverse("aanbod:regio-wachtlijsten"))
    page.get_by_role("textbox", name="Van").fill("2026-08-01")
    page.get_by_role("textbox", name="Tot en met").fill("2027-07-31")
    page.get_by_role("button", name="Toon periode").click()
    grafiek = page.get_by_role("img", name=re.compile("^Aantal wachtenden per vestiging"))
    expect(grafiek).to_be_visible()
    tabel = page.get_by_role("table", name=re.compile("^Wachtlijsten van"))
    expect(tabel.get_by_role("row")).to_have_count(1 + 9)
    expect(tabel.get_by_role("row").filter(has_text="Medische zorg")).to_contain_text("1-12-2026")
    expect(page.get_by_role("link", name="Download deze cijfers als CSV-bestand")).to_be_visible()
    check_page(page, artefacts, "wachtlijsten")


def directeur_voegt_een_voorziening_toe(page: Page, artefacts: Artefacts) -> None:
    page.goto(reverse("aanbod:kaart-lijst"))
    expect(page.get_by_role("main")).to_contain_text("Er staan nog geen voorzieningen")
    check_page(page, artefacts, "sociale-kaart-leeg")
    page.get_by_role("link", name="Voorziening toevoegen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Voorziening toevoegen")
    check_page(page, artefacts, "voorziening-formulier")
    page.get_by_label("Soort").select_option(label="Ouder- en jeugdsteunpunt")
    page.get_by_label("Naam", exact=True).fill("Ouder- en jeugdsteunpunt Rivierenland")
    page.get_by_label("Wat doet deze organisatie?").fill(
        "Luistert naar ouders en jongeren en zoekt samen naar een school die past."
    )
    page.get_by_label("Voor wie is het?").fill("Ouders en jongeren in de regio.")
    # No way to reach them yet: a clear message, nothing saved.
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Geef ten minste één manier om contact op te nemen"
    )
    check_page(page, artefacts, "voorziening-fout")
    page.get_by_label("Telefoon").fill("0344 123 456")
    page.get_by_label("Tiel").check()
    page.get_by_label("Medische zorg").check()
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Ouder- en jeugdsteunpunt Rivierenland staat op de sociale kaart."
    )
    rij = page.get_by_role("row").filter(has_text="Ouder- en jeugdsteunpunt Rivierenland")
    expect(rij).to_contain_text("Tiel")
    check_page(page, artefacts, "sociale-kaart")
    voorziening = Voorziening.objects.get()
    assert voorziening.telefoon == "0344 123 456"


def test_directeur_leest_in_bekijkt_de_regio_en_houdt_de_sociale_kaart_bij(
    new_context, artefacts: Artefacts, wereld: Wereld
) -> None:
    page = new_context().new_page()
    log_in(page, artefacts, wereld.directeur)
    directeur_leest_in(page, artefacts, wereld)
    directeur_bekijkt_de_regio(page, artefacts, wereld)
    directeur_bekijkt_de_wachtlijsten(page, artefacts)
    directeur_voegt_een_voorziening_toe(page, artefacts)


def test_regio_en_wachtlijsten_op_een_klein_scherm(
    new_context, artefacts: Artefacts, wereld: Wereld
) -> None:
    page = new_context(viewport={"width": 375, "height": 812}).new_page()
    log_in(page, artefacts, wereld.directeur)
    page.goto(reverse("aanbod:regio-overzicht"))
    expect(page.get_by_role("img", name=re.compile("^Dekking"))).to_be_visible()
    check_page(page, artefacts, "regio-klein")
    page.goto(reverse("aanbod:regio-wachtlijsten") + "?van=2026-08-01&tot=2027-07-31")
    expect(page.get_by_role("img", name=re.compile("^Aantal wachtenden"))).to_be_visible()
    # The chart keeps a readable size; its region scrolls sideways, the page does not.
    regio = page.get_by_role("region", name="Grafiek: aantal wachtenden per vestiging")
    assert regio.evaluate("e => e.scrollWidth > e.clientWidth")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    check_page(page, artefacts, "wachtlijsten-klein")
