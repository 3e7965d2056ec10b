"""An arrangement in the browser, one person per browser context.

The intern begeleider asks the samenwerkingsverband for an arrangement from the pupil's
vastgesteld OPP (the parents' and the pupil's view come along and are shown, not asked), the
loket finds the request complete, a commissielid decides (a wrong choice first: a clear
error), the school downloads the decision letter (PDF), and the parent reads the decision
in plain words. Every page on the way is checked: styled, a screenshot, axe-core WCAG 2.1 AA.
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
from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.tests.conftest import vastgesteld_opp
from passend.core.tests.pdf import pdf_tekst
from passend.leerlingen.tests.factories import (
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)
from tests.browser.login import log_in
from tests.browser.page_checks import SCREENSHOTS, Artefacts, check_page

R = Rolsoort
ARTEFACTEN = SCREENSHOTS.parent
MOTIVERING = "De leesachterstand groeit ondanks twee jaar extra hulp in de groep."
REDENEN = "Toegekend voor het eerste half jaar; daarna evalueren wij met de school."


@dataclass
class Wereld:
    opp: Ontwikkelingsperspectief
    ib: TOTPDevice
    loket: TOTPDevice
    commissielid: TOTPDevice
    ouder: TOTPDevice


def _persoon(rolsoort: str, voornaam: str, achternaam: str, **organisatie) -> TOTPDevice:
    rol = RolFactory(
        rolsoort=rolsoort,
        gebruiker=GebruikerFactory(first_name=voornaam, last_name=achternaam),
        **organisatie,
    )
    return totp_voor(rol.gebruiker)


@pytest.fixture
def wereld(transactional_db: None) -> Wereld:
    swv = SamenwerkingsverbandFactory(naam="Passend Primair Rivierenland")
    vestiging = VestigingFactory(naam="OBS De Linde", soort="bao")
    SwvLidmaatschapFactory(vestiging=vestiging, samenwerkingsverband=swv)
    leerling = LeerlingFactory(
        roepnaam="Noor",
        voornamen="Noor",
        achternaam="Bakker",
        geboortedatum=datetime.date(2017, 3, 4),
    )
    InschrijvingFactory(leerling=leerling, vestiging=vestiging)
    ouder = OuderschapFactory(
        leerling=leerling, gezag=True, ouder=GebruikerFactory(first_name="Eva", last_name="Bakker")
    ).ouder
    RolFactory(rolsoort=R.OUDER, gebruiker=ouder)
    ib = _persoon(R.INTERN_BEGELEIDER, "Ingrid", "Bos", school=vestiging.school)
    return Wereld(
        opp=vastgesteld_opp(leerling, vestiging, ib.user),
        ib=ib,
        loket=_persoon(R.LOKET, "Lotte", "de Wit", samenwerkingsverband=swv),
        commissielid=_persoon(R.COMMISSIELID, "Karim", "Haddou", samenwerkingsverband=swv),
        ouder=totp_voor(ouder),
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


def gegeven(page: Page, sleutel: str):
    """The value next to a key in a data list."""
    return (
        page.locator(".utrecht-data-list__item")
        .filter(
            has=page.locator(".utrecht-data-list__item-key", has_text=re.compile(f"^{sleutel}$"))
        )
        .locator(".utrecht-data-list__item-value")
        .first
    )


# --- The steps -------------------------------------------------------------------------------------


def ib_vraagt_aan(page: Page, artefacts: Artefacts, wereld: Wereld) -> None:
    page.goto(reverse("ondersteuning:detail", args=[wereld.opp.sleutel]))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Noor Bakker")
    page.goto(reverse("arrangementen:aanvragen", args=[wereld.opp.sleutel]))
    expect(
        page.get_by_role("heading", level=1, name="Arrangement aanvragen voor Noor Bakker")
    ).to_be_visible()
    # The parents' and the pupil's view come from the OPP: shown, not asked.
    main = page.get_by_role("main")
    expect(main).to_contain_text(wereld.opp.zienswijze_ouders)
    expect(main).to_contain_text("Meer tijd bij toetsen")
    expect(main).to_contain_text("instemming gegeven")
    for veld in ("kijk", "zienswijze", "mening"):
        expect(page.get_by_label(re.compile(veld, re.IGNORECASE))).to_have_count(0)
    # A first version of the request from the handelingsdeel.
    expect(page.get_by_label("Welke ondersteuning vraagt u?")).to_contain_text(
        "Extra leesbegeleiding in een klein groepje"
    )
    check_page(page, artefacts, "aanvragen")

    page.get_by_label(re.compile("^Wat kost het?")).fill("4.800,00")
    page.get_by_label(re.compile("^Waarom heeft de leerling")).fill(MOTIVERING)
    page.get_by_role("button", name="Aanvraag indienen").click()
    expect(
        page.get_by_role("heading", level=1, name="Arrangementaanvraag voor Noor Bakker")
    ).to_be_visible()
    melding(page, "De aanvraag is ingediend bij Passend Primair Rivierenland")
    expect(gegeven(page, "Status")).to_contain_text("Ingediend")
    expect(gegeven(page, "Gevraagd bedrag")).to_have_text("€ 4.800,00")
    check_page(page, artefacts, "aanvraag-ingediend")

    page.goto(reverse("arrangementen:overzicht"))
    expect(page.get_by_role("heading", level=1, name="Arrangementaanvragen")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Noor Bakker")).to_contain_text("Ingediend")
    check_page(page, artefacts, "school-overzicht")


def loket_verklaart_compleet(page: Page, artefacts: Artefacts) -> None:
    page.goto(reverse("arrangementen:werkvoorraad"))
    expect(page.get_by_role("heading", level=1, name="Werkvoorraad arrangementen")).to_be_visible()
    rij = page.get_by_role("row").filter(has_text="Noor Bakker")
    expect(rij).to_contain_text("Ingediend")
    check_page(page, artefacts, "werkvoorraad-loket")
    rij.get_by_role("link", name="Noor Bakker").click()
    expect(page.get_by_role("main")).to_contain_text(MOTIVERING)
    check_page(page, artefacts, "aanvraag-loket")
    page.get_by_role("link", name="Controleer de volledigheid").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("volledigheid controleren")
    check_page(page, artefacts, "volledigheid")
    page.get_by_label("Is de aanvraag compleet?").select_option("compleet")
    page.get_by_role("button", name="Uitkomst vastleggen").click()
    melding(page, "De uitkomst van de controle is vastgelegd.")
    expect(gegeven(page, "Status")).to_contain_text("Compleet")
    expect(gegeven(page, "Compleet verklaard op")).to_contain_text("door Lotte de Wit")


def commissie_besluit(page: Page, artefacts: Artefacts) -> None:
    page.goto(reverse("arrangementen:werkvoorraad") + "?status=compleet")
    page.get_by_role("row").filter(has_text="Noor Bakker").get_by_role(
        "link", name="Noor Bakker"
    ).click()
    page.get_by_role("link", name="Besluit nemen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Besluit over de aanvraag")
    expect(page.get_by_label(re.compile("^Toegekend bedrag"))).to_have_value("4800,00")
    check_page(page, artefacts, "besluit")

    # 'Toegekend' with less money than asked: refused, with the way out.
    page.get_by_label("Besluit", exact=True).select_option("toegekend")
    page.get_by_label("Redenen van het besluit").fill(REDENEN)
    page.get_by_label(re.compile("^Toegekend bedrag")).fill("2.400")
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_role("alert")).to_contain_text("Niet alles is goed ingevuld")
    expect(page.get_by_text("Kies dan 'deels toegekend'.")).to_be_visible()
    check_page(page, artefacts, "besluit-fout")

    page.get_by_label("Besluit", exact=True).select_option("deels")
    page.get_by_role("button", name="Besluit vastleggen").click()
    melding(page, "Het besluit is vastgelegd.")
    expect(gegeven(page, "Besluit")).to_have_text("Deels toegekend")
    expect(gegeven(page, "Toegekend bedrag")).to_have_text("€ 2.400,00")
    check_page(page, artefacts, "besloten")


def school_downloadt_de_brief(page: Page, artefacts: Artefacts) -> None:
    page.reload()
    expect(gegeven(page, "Status")).to_contain_text("Besloten")
    check_page(page, artefacts, "besloten-school")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download de besluitbrief (pdf)").click()
    download = info.value
    aanvraag = Arrangementaanvraag.objects.get()
    assert download.suggested_filename == (
        f"besluit-arrangement-bakker-{aanvraag.kenmerk.lower()}.pdf"
    )
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    pdf = ARTEFACTEN / "besluit-arrangement.pdf"
    download.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")
    tekst = pdf_tekst(pdf.read_bytes())
    for stuk in (
        "OBS De Linde",
        "Besluit: deels toegekend",
        REDENEN,
        "€ 4.800,00",
        "€ 2.400,00",
        aanvraag.kenmerk,
        "Niet eens met dit besluit?",
        "bezwaar",
    ):
        assert stuk in tekst, f"{stuk!r} niet in de besluitbrief"


def ouder_leest_het_besluit(page: Page, artefacts: Artefacts) -> None:
    page.goto(reverse("arrangementen:portaal"))
    expect(
        page.get_by_role("heading", level=1, name="Extra ondersteuning voor uw kind")
    ).to_be_visible()
    main = page.get_by_role("main")
    expect(main).to_contain_text("Een deel van de extra hulp is toegekend.")
    expect(main).to_contain_text(REDENEN)
    uiterlijk = timezone.localdate() + datetime.timedelta(weeks=6)
    expect(main).to_contain_text(f"tot en met {datum_nl(uiterlijk)} bezwaar maken")
    check_page(page, artefacts, "ouder-portaal")


# --- The test ----------------------------------------------------------------------------------------


def test_arrangement_van_opp_tot_besluitbrief(new_context, artefacts: Artefacts, wereld: Wereld):
    ib = ingelogd(new_context, artefacts, wereld.ib)
    ib_vraagt_aan(ib, artefacts, wereld)

    loket = ingelogd(new_context, artefacts, wereld.loket)
    loket_verklaart_compleet(loket, artefacts)

    commissie = ingelogd(new_context, artefacts, wereld.commissielid)
    commissie_besluit(commissie, artefacts)

    ib.goto(reverse("arrangementen:detail", args=[Arrangementaanvraag.objects.get().sleutel]))
    school_downloadt_de_brief(ib, artefacts)

    ouder = ingelogd(new_context, artefacts, wereld.ouder)
    ouder_leest_het_besluit(ouder, artefacts)
