"""The Veilig Thuis guard in the browser (measure 12).

The intern begeleider records a report for a pupil whose parents have an open disagreement
with the school: the form shows the meldcode and says a disagreement is open; without the
explicit confirmation the report is refused with a clear message (nothing saved), with it
the report is recorded, linked to the disagreement. Then the IB opens the report, and the
SWV's directeur sees the counts only. Every page: axe-core WCAG 2.1 AA, 0 violations.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory, totp_voor
from passend.geschillen.models import VeiligThuisMelding
from passend.geschillen.tests.factories import OnenigheidFactory
from passend.leerlingen.tests.factories import (
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory, SwvLidmaatschapFactory
from tests.browser.login import log_in
from tests.browser.page_checks import check_page

R = Rolsoort
SIGNALEN = "Vertelt dat het thuis vaak onrustig is en komt met een blauwe plek op de arm."


@pytest.mark.django_db(transaction=True)
def test_ib_legt_melding_vast_tijdens_onenigheid(new_context, artefacts) -> None:
    swv = SamenwerkingsverbandFactory(naam="Samenwerkingsverband Testregio")
    vestiging = SwvLidmaatschapFactory(samenwerkingsverband=swv).vestiging
    leerling = LeerlingFactory(voornamen="Lotte", achternaam="Voorbeeld")
    InschrijvingFactory(leerling=leerling, vestiging=vestiging)
    ouder = GebruikerFactory()
    OuderschapFactory(ouder=ouder, leerling=leerling)
    onenigheid = OnenigheidFactory(
        leerling=leerling,
        vestiging=vestiging,
        samenwerkingsverband=swv,
        gestart_door=ouder,
        gestart_op=timezone.localdate() - datetime.timedelta(days=14),
    )
    ib = RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=vestiging.school)
    directeur = RolFactory(rolsoort=R.DIRECTEUR, samenwerkingsverband=swv)

    page = new_context().new_page()
    log_in(page, artefacts, totp_voor(ib.gebruiker))
    page.goto(reverse("geschillen:veilig-thuis", kwargs={"leerling": leerling.sleutel}))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Veilig Thuis-meldingen van Lotte Voorbeeld"
    )
    expect(page.get_by_text("0800-2000")).to_be_visible()
    expect(
        page.get_by_text("Er loopt een onenigheid met de ouders over deze leerling")
    ).to_be_visible()
    check_page(page, artefacts, "veilig-thuis-formulier")

    # Without the confirmation: refused, nothing saved.
    page.get_by_role("textbox", name="Signalen van een onveilige thuissituatie").fill(SIGNALEN)
    page.get_by_label("Stap 1: de signalen in kaart gebracht").check()
    page.get_by_label("Stap 2: collega's geraadpleegd").check()
    page.get_by_role("button", name="Melding vastleggen").click()
    expect(page.get_by_text("Niet alles is goed ingevuld.")).to_be_visible()
    expect(
        page.get_by_text(
            "Bevestig dat de melding berust op signalen van een onveilige thuissituatie"
        )
    ).to_be_visible()
    check_page(page, artefacts, "veilig-thuis-geweigerd")
    assert not VeiligThuisMelding.objects.exists()

    # What was typed is kept; now confirmed.
    expect(
        page.get_by_role("textbox", name="Signalen van een onveilige thuissituatie")
    ).to_have_value(SIGNALEN)
    page.get_by_label("Ik bevestig dat deze melding berust op signalen").check()
    page.get_by_role("button", name="Melding vastleggen").click()
    expect(
        page.get_by_role("status").filter(has_text="De Veilig Thuis-melding is vastgelegd.")
    ).to_be_visible()
    check_page(page, artefacts, "veilig-thuis-vastgelegd")
    melding = VeiligThuisMelding.objects.get()
    assert melding.open_onenigheid == onenigheid
    assert melding.bevestiging_signalen is True
    assert melding.meldcode_stappen == ["signalen", "consultatie"]
    # The list shows no signs; the report page does.
    expect(page.get_by_text(SIGNALEN)).to_have_count(0)
    page.get_by_role("link", name="melding bekijken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Veilig Thuis-melding van Lotte Voorbeeld"
    )
    expect(page.get_by_text(SIGNALEN)).to_be_visible()
    check_page(page, artefacts, "veilig-thuis-melding")

    # The SWV's directeur sees counts, never contents.
    page = new_context().new_page()
    log_in(page, artefacts, totp_voor(directeur.gebruiker))
    page.goto(reverse("geschillen:veilig-thuis-cijfers"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Veilig Thuis-meldingen in de regio")
    expect(page.get_by_text(SIGNALEN)).to_have_count(0)
    check_page(page, artefacts, "veilig-thuis-cijfers")
