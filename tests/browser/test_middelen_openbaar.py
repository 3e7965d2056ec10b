"""The public page of an SWV's support money, and the directeur recording the OPR's consent.

Anybody (not logged in) opens the list of SWVs and the page of an SWV with two adopted
years: the figures of the latest year, the years side by side (chart and table), at
desktop width and at 375 px. The directeur logs in, opens the ondersteuningsplan and records
the OPR's consent to version 1. Every page is checked: styled, a screenshot, axe-core
WCAG 2.1 AA (0 violations).
"""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory, totp_voor
from passend.middelen.models import Instemming, Planversie
from passend.middelen.rules import Begrotingsstatus, Postsoort
from passend.middelen.tests.factories import (
    BegrotingFactory,
    BegrotingspostFactory,
    PlanFactory,
    PlanversieFactory,
)
from passend.organisaties.models import Samenwerkingsverband
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    VestigingFactory,
)
from tests.browser.login import log_in
from tests.browser.page_checks import Artefacts, check_page


@pytest.fixture
def swv(transactional_db: None) -> Samenwerkingsverband:
    swv = SamenwerkingsverbandFactory(naam="Passend Primair Rivierenland")
    swv.werkgebied.add(GemeenteFactory(naam="Aadorp"))
    school = VestigingFactory(naam="Basisschool De Wilg", plaats="Tiel")
    for jaar, factor in ((2025, 1), (2026, 2)):
        begroting = BegrotingFactory(
            samenwerkingsverband=swv,
            jaar=jaar,
            status=Begrotingsstatus.VASTGESTELD,
            vastgesteld_op=datetime.date(jaar - 1, 12, 10),
            eigen_vermogen=Decimal("400000.00"),
            toelichting_reserve="We sparen voor een nieuw steunpunt.",
        )
        for soort, bedrag in (
            (Postsoort.LICHTE_ONDERSTEUNING, 6_000_000),
            (Postsoort.ZWARE_ONDERSTEUNING, 2_000_000),
            (Postsoort.AFDRACHT_SO, 700_000),
            (Postsoort.ARRANGEMENTEN, 400_000 * factor),
            (Postsoort.STEUNPUNT, 100_000),
            (Postsoort.ORGANISATIE, 300_000),
        ):
            BegrotingspostFactory(
                begroting=begroting,
                soort=soort,
                bedrag=Decimal(bedrag),
                berekend=soort == Postsoort.AFDRACHT_SO,
                # 2025: only a few pupils in the afdrachten, so that line is not public.
                grondslag={"aantal": 66 if jaar == 2026 else 4}
                if soort == Postsoort.AFDRACHT_SO
                else {},
            )
        BegrotingspostFactory(
            begroting=begroting,
            soort=Postsoort.TOEWIJZING_SCHOLEN,
            bedrag=Decimal(1_500_000 * factor),
            vestiging=school,
        )
    return swv


def test_openbare_pagina_met_twee_jaren(new_context, artefacts: Artefacts, swv):
    page = new_context().new_page()
    page.goto(reverse("verantwoording:overzicht"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Waar gaat het geld")
    check_page(page, artefacts, "overzicht")
    page.get_by_role("link", name="Passend Primair Rivierenland").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Passend Primair Rivierenland")
    expect(page.get_by_role("heading", level=2, name="2026")).to_be_visible()
    expect(page.get_by_role("img", name="Waar het geld heen ging, per jaar")).to_be_visible()
    expect(page.get_by_text("€ 3.000.000,00").first).to_be_visible()
    check_page(page, artefacts, "swv")
    page.get_by_role("link", name="2025").click()
    expect(page.get_by_role("heading", level=2, name="2025")).to_be_visible()
    # 4 pupils in the afdrachten of 2025: the line, the total and the result are not shown.
    tabel = page.get_by_role("table", name="Waar het geld heen ging in 2025")
    expect(tabel.get_by_text("niet getoond (minder dan 10 leerlingen)")).to_have_count(3)
    expect(tabel.get_by_text("€ 700.000,00")).to_have_count(0)
    check_page(page, artefacts, "swv-2025")

    smal = new_context(viewport={"width": 375, "height": 800}).new_page()
    smal.goto(reverse("verantwoording:swv", args=[swv.code]))
    expect(smal.get_by_role("heading", level=1)).to_be_visible()
    check_page(smal, artefacts, "swv-375")


@pytest.fixture
def directeur(swv: Samenwerkingsverband) -> tuple[Planversie, TOTPDevice]:
    rol = RolFactory(
        rolsoort=Rolsoort.DIRECTEUR,
        gebruiker=GebruikerFactory(first_name="Sam", last_name="de Vries"),
        samenwerkingsverband=swv,
    )
    vandaag = datetime.date.today()
    plan = PlanFactory(
        samenwerkingsverband=swv,
        titel="Ondersteuningsplan Rivierenland",
        periode_van=vandaag - datetime.timedelta(days=30),
        periode_tot=vandaag + datetime.timedelta(days=700),
    )
    versie = PlanversieFactory(plan=plan, nummer=1, aangemaakt_door=rol.gebruiker)
    return versie, totp_voor(rol.gebruiker)


def test_directeur_legt_instemming_opr_vast(new_context, artefacts: Artefacts, directeur):
    versie, totp = directeur
    page = new_context().new_page()
    log_in(page, artefacts, totp)
    page.goto(reverse("middelen:plannen"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ondersteuningsplan")
    check_page(page, artefacts, "plannen")
    page.get_by_role("link", name="Ondersteuningsplan Rivierenland").click()
    expect(page.get_by_text("De OPR heeft nog niet ingestemd met versie 1.")).to_be_visible()
    check_page(page, artefacts, "plan")
    page.get_by_role("link", name="Besluit OPR over versie 1 vastleggen").click()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(page.get_by_text("Niet alles is goed ingevuld")).to_be_visible()
    check_page(page, artefacts, "instemming-fouten")
    page.get_by_label("Datum van het besluit van de OPR").fill(datetime.date.today().isoformat())
    page.get_by_label("Ingestemd", exact=True).check()
    page.get_by_role("button", name="Besluit vastleggen").click()
    expect(
        page.get_by_role("status").filter(has_text="Het besluit van de OPR is vastgelegd.")
    ).to_be_visible()
    expect(page.get_by_text("Nog geen OOGO over versie 1 met Aadorp.")).to_be_visible()
    check_page(page, artefacts, "plan-na-instemming")
    assert Instemming.objects.filter(planversie=versie).count() == 1
