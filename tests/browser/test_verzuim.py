"""A verzuim case in the browser, from report to plan to end, one person per context.

The intern begeleider reports relatief verzuim of a pupil (the absence began 6 weeks ago),
chooses the municipality's leerplichtambtenaar and gives them an action. The
leerplichtambtenaar logs in, sees this case (and only this one: a colleague's case in the
same municipality stays hidden), marks the action done and records the onderwijsconsulent
(possible after 4 weeks at home). The school corrects the first day of absence to 13 weeks
ago: no offer after 12 weeks, so Passend asks for a doorbraak plan, which is recorded. The
school ends the case and the page shows the duration. Every page: axe-core, 0 violations.
"""

import datetime
import re
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory, totp_voor
from passend.leerlingen.tests.factories import InschrijvingFactory, LeerlingFactory
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    SchoolFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)
from passend.verzuim.models import Verzuimmelding
from passend.verzuim.tests.factories import PartnerFactory, VerzuimmeldingFactory
from tests.browser.login import log_in
from tests.browser.page_checks import Artefacts, check_page

R = Rolsoort


@pytest.fixture
def wereld(transactional_db: None) -> dict[str, Any]:
    gemeente = GemeenteFactory(naam="Gemeente Bloemdaal-Test")
    swv = SamenwerkingsverbandFactory(naam="SWV Bloemdaal-Test")
    swv.werkgebied.add(gemeente)
    school = SchoolFactory(naam="De Vlinder")
    vestiging = VestigingFactory(school=school, naam="De Vlinder", gemeente=gemeente)
    SwvLidmaatschapFactory(vestiging=vestiging, samenwerkingsverband=swv)
    leerling = LeerlingFactory(
        voornamen="Mila", roepnaam="Mila", achternaam="Testkind", woongemeente=gemeente
    )
    InschrijvingFactory(leerling=leerling, vestiging=vestiging)
    ib = GebruikerFactory(username="ib-vlinder", first_name="Iris", last_name="Begeleider")
    RolFactory(gebruiker=ib, rolsoort=R.INTERN_BEGELEIDER, school=school)
    lpa = GebruikerFactory(username="lpa-bloemdaal", first_name="Lotte", last_name="Leerplicht")
    RolFactory(gebruiker=lpa, rolsoort=R.LEERPLICHTAMBTENAAR, gemeente=gemeente)
    collega = GebruikerFactory(username="lpa-collega", first_name="Kees", last_name="Collega")
    RolFactory(gebruiker=collega, rolsoort=R.LEERPLICHTAMBTENAAR, gemeente=gemeente)
    # A colleague's case in the same municipality: Lotte must not see it.
    ander = VerzuimmeldingFactory(
        meldnummer="2020-001",
        samenwerkingsverband=swv,
        vestiging=vestiging,
        gemeente=gemeente,
        leerling=LeerlingFactory(achternaam="Anderkind", woongemeente=gemeente),
        gemeld_door=ib,
    )
    PartnerFactory(melding=ander, gebruiker=collega, van=ander.sinds)
    return {"leerling": leerling, "ib": ib, "lpa": lpa, "ander": ander}


def ingelogd(new_context: Any, artefacts: Artefacts, gebruiker: Any) -> Page:
    page = new_context().new_page()
    log_in(page, artefacts, totp_voor(gebruiker))
    return page


def bericht(page: Page, tekst: str) -> None:
    expect(page.get_by_role("status").filter(has_text=tekst)).to_be_visible()


def kop(page: Page, tekst: str | re.Pattern[str]) -> None:
    expect(page.get_by_role("heading", level=1, name=tekst)).to_be_visible()


def test_verzuim_van_melding_tot_einde(new_context: Any, artefacts: Artefacts, wereld: Any) -> None:
    vandaag = timezone.localdate()
    ib = ingelogd(new_context, artefacts, wereld["ib"])

    # The school reports relatief verzuim that began 6 weeks ago.
    ib.goto(reverse("verzuim:melden-leerling", args=[wereld["leerling"].sleutel]))
    kop(ib, "Verzuim melden van Mila Testkind")
    expect(
        ib.get_by_text("langdurig relatief verzuim als het langer dan 4 weken duurt")
    ).to_be_visible()
    check_page(ib, artefacts, "verzuim-melden")
    ib.get_by_role("button", name="Verzuim melden").click()
    expect(ib.get_by_text("Kies de soort verzuim.")).to_be_visible()
    check_page(ib, artefacts, "verzuim-melden-fouten")
    ib.get_by_label("Soort verzuim").select_option(value="relatief")
    ib.get_by_label("Eerste dag van het verzuim").fill(
        (vandaag - datetime.timedelta(weeks=6)).isoformat()
    )
    ib.get_by_label("Reden").select_option(value="geen_passend_aanbod")
    ib.get_by_label("Gemiste uren in de laatste 4 schoolweken").fill("24")
    ib.get_by_label("Leerplichtambtenaar van de gemeente").select_option(label="Lotte Leerplicht")
    ib.get_by_role("button", name="Verzuim melden").click()
    bericht(ib, "Het verzuim is gemeld onder nummer")
    melding = Verzuimmelding.objects.exclude(pk=wereld["ander"].pk).get()
    kop(ib, f"Verzuimmelding {melding.meldnummer}: Mila Testkind")
    expect(ib.get_by_text("Langdurig relatief verzuim")).to_be_visible()
    check_page(ib, artefacts, "verzuim-melding")

    # ... and gives the leerplichtambtenaar an action.
    ib.get_by_role("link", name="Actie toevoegen").click()
    kop(ib, "Actie toevoegen aan het plan")
    check_page(ib, artefacts, "verzuim-actie-toevoegen")
    ib.get_by_label("Wat moet er gebeuren?").fill("Huisbezoek bij de ouders")
    ib.get_by_label("Wie voert de actie uit?").select_option(
        label="Lotte Leerplicht (Leerplicht (gemeente))"
    )
    ib.get_by_label("Deadline").fill((vandaag + datetime.timedelta(days=7)).isoformat())
    ib.get_by_role("button", name="Actie toevoegen").click()
    bericht(ib, "De actie staat in het plan.")
    expect(ib.get_by_role("rowheader", name="Huisbezoek bij de ouders")).to_be_visible()

    # The leerplichtambtenaar sees this case, and only this one.
    lpa = ingelogd(new_context, artefacts, wereld["lpa"])
    lpa.goto(reverse("verzuim:overzicht"))
    kop(lpa, "Verzuim en thuiszitters")
    expect(lpa.get_by_text("1 melding.")).to_be_visible()
    expect(lpa.get_by_role("link", name=wereld["ander"].meldnummer)).to_have_count(0)
    check_page(lpa, artefacts, "verzuim-overzicht-leerplicht")
    lpa.get_by_role("link", name=melding.meldnummer).click()
    kop(lpa, f"Verzuimmelding {melding.meldnummer}: Mila Testkind")
    check_page(lpa, artefacts, "verzuim-melding-leerplicht")
    lpa.get_by_role("link", name=re.compile("^Actie afronden")).click()
    kop(lpa, "Actie afronden")
    check_page(lpa, artefacts, "verzuim-actie-afronden")
    lpa.get_by_role("button", name="Actie afronden").click()
    bericht(lpa, "De actie is afgerond.")
    expect(lpa.get_by_text(f"Ja, op {vandaag:%d-%m-%Y}")).to_be_visible()

    # More than 4 weeks at home: the onderwijsconsulent can be engaged.
    lpa.get_by_role("link", name="Onderwijsconsulent vastleggen").click()
    kop(lpa, "Onderwijsconsulent vastleggen")
    check_page(lpa, artefacts, "verzuim-onderwijsconsulent")
    lpa.get_by_label("Naam van de onderwijsconsulent").fill("Mw. De Consulent")
    lpa.get_by_role("button", name="Opslaan").click()
    bericht(lpa, "De onderwijsconsulent is vastgelegd.")
    expect(lpa.get_by_text("Mw. De Consulent is ingeschakeld")).to_be_visible()

    # The school corrects the first day: 13 weeks ago. No offer after 12 weeks: doorbraak.
    ib.reload()
    ib.get_by_role("link", name="Gegevens wijzigen").click()
    kop(ib, "Gegevens van de melding wijzigen")
    check_page(ib, artefacts, "verzuim-wijzigen")
    ib.get_by_label("Eerste dag van het verzuim").fill(
        (vandaag - datetime.timedelta(weeks=13)).isoformat()
    )
    ib.get_by_role("button", name="Opslaan").click()
    bericht(ib, "De gegevens van de melding zijn opgeslagen.")
    expect(ib.get_by_role("heading", level=2, name="Doorbraakplan nodig")).to_be_visible()
    expect(ib.get_by_text("de directeur-bestuurder van het samenwerkingsverband")).to_be_visible()
    check_page(ib, artefacts, "verzuim-doorbraak-nodig")
    ib.get_by_role("link", name="Doorbraakplan vastleggen").first.click()
    kop(ib, "Doorbraakplan vastleggen")
    check_page(ib, artefacts, "verzuim-doorbraak")
    ib.get_by_label("Aanpak: wat gaan onderwijs, gemeente en zorg samen doen?").fill(
        "Onderwijs-zorgarrangement op De Vlinder met jeugdhulp"
    )
    ib.get_by_role("button", name="Doorbraakplan vaststellen").click()
    bericht(ib, "Het doorbraakplan is vastgesteld.")
    expect(ib.get_by_role("heading", level=2, name="Doorbraakplan nodig")).to_have_count(0)
    expect(ib.get_by_text("Onderwijs-zorgarrangement op De Vlinder met jeugdhulp")).to_be_visible()

    # The school ends the case; the duration is kept in weeks.
    ib.get_by_role("link", name="Melding beëindigen").click()
    kop(ib, "Melding beëindigen")
    check_page(ib, artefacts, "verzuim-beeindigen")
    ib.get_by_label("Uitkomst").select_option(value="onderwijs_zorg")
    ib.get_by_role("button", name="Melding beëindigen").click()
    bericht(ib, "De melding is beëindigd. Het verzuim duurde 13.1 weken.")
    expect(ib.get_by_text("13.1 weken")).to_be_visible()
    check_page(ib, artefacts, "verzuim-beeindigd")
    melding.refresh_from_db()
    assert (melding.einde, str(melding.duur_weken)) == (vandaag, "13.1")
