"""The TLV pages, role by role: what each shows, what it refuses, and the access log (exactly
one record per request, with the pupil's key; a refusal is logged too)."""

import csv
import datetime
import io
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Actie, Resultaat, Toegangsregel
from passend.core.tests.pdf import pdf_info, pdf_tekst
from passend.core.tests.scenario import client_voor
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.toelaatbaarheid import services
from passend.toelaatbaarheid.models import (
    Advies,
    Bezwaar,
    Deskundige,
    Tlvregeling,
    Toelaatbaarheidsverklaring,
)
from passend.toelaatbaarheid.rules import Status
from passend.toelaatbaarheid.selectors import mijn_werk
from passend.toelaatbaarheid.tests.test_services import (
    aanvragen,
    advies,
    besluiten,
    compleet,
    met_twee_adviezen,
    toegekend,
)

R = Rolsoort
VANDAAG = timezone.localdate


def nieuwe_regels(voor: int):
    return list(Toegangsregel.objects.filter(pk__gt=voor).order_by("pk"))


def laatste() -> int:
    regel = Toegangsregel.objects.order_by("-pk").first()
    return regel.pk if regel else 0


def een_regel(
    voor: int, *, leerling=None, resultaat=Resultaat.TOEGESTAAN, actie=None
) -> Toegangsregel:
    regels = nieuwe_regels(voor)
    assert len(regels) == 1, [(r.actie, r.resultaat, r.reden) for r in regels]
    regel = regels[0]
    assert regel.resultaat == resultaat
    if actie is not None:
        assert regel.actie == actie
    if leerling is not None:
        assert leerling.sleutel in set(regel.leerlingen.values_list("leerling_sleutel", flat=True))
    return regel


def client(wereld, rolsoort):
    rol = wereld.ouder if rolsoort == R.OUDER else wereld.rollen[rolsoort]
    return client_voor(rol)


# --- Requesting from the OPP ------------------------------------------------------------------


def test_aanvraagpagina_vraagt_alleen_wat_passend_niet_weet(wereld):
    ib = client(wereld, R.INTERN_BEGELEIDER)
    voor = laatste()
    antwoord = ib.get(reverse("toelaatbaarheid:aanvragen", kwargs={"opp": wereld.opp.sleutel}))
    assert antwoord.status_code == 200
    een_regel(voor, leerling=wereld.leerling, actie=Actie.LEZEN)
    html = antwoord.content.decode()
    formulier = html[
        html.index('<form method="post" class="utrecht-form"') : html.index(
            "</form>", html.index('class="utrecht-form"')
        )
    ]
    velden = set(re.findall(r'name="([^"]+)"', formulier))
    assert velden == {"csrfmiddlewaretoken", "soort", "toelichting"}
    # Everything Passend knows is shown, not asked.
    for bekend in (
        "Sam Visser",
        "17 mei 2016",
        "OBS De Linde",
        "Raakt snel overprikkeld in de groep",
        "Werkt 20 minuten zelfstandig",
        "Thuis gaat het goed; op school loopt hij vast.",
        "Instemming gegeven",
        "Een rustige plek",
        "Hij krijgt een werkplek in de stilteruimte.",
    ):
        assert bekend in html, bekend


def test_aanvraag_versturen_gaat_naar_het_dossier_met_een_logregel(wereld):
    ib = client(wereld, R.INTERN_BEGELEIDER)
    voor = laatste()
    antwoord = ib.post(
        reverse("toelaatbaarheid:aanvragen", kwargs={"opp": wereld.opp.sleutel}), {"soort": "sbo"}
    )
    tlv = Toelaatbaarheidsverklaring.objects.get()
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse(
        "toelaatbaarheid:detail", kwargs={"sleutel": tlv.sleutel}
    )
    een_regel(voor, leerling=wereld.leerling, actie=Actie.AANMAKEN)
    pagina = ib.get(antwoord["Location"])
    assert "De aanvraag is verstuurd naar SWV Rivierenland" in pagina.content.decode()


def test_aanvraag_zonder_soort_toont_het_formulier_opnieuw_zonder_iets_op_te_slaan(wereld):
    ib = client(wereld, R.INTERN_BEGELEIDER)
    voor = laatste()
    antwoord = ib.post(
        reverse("toelaatbaarheid:aanvragen", kwargs={"opp": wereld.opp.sleutel}), {"soort": ""}
    )
    assert antwoord.status_code == 200
    assert "Kies de soort onderwijs: sbo, so, vso of pro." in antwoord.content.decode()
    assert not Toelaatbaarheidsverklaring.objects.exists()
    een_regel(voor, leerling=wereld.leerling)


def test_aanvraag_vanuit_een_concept_opp_geeft_een_duidelijke_melding(wereld):
    Ontwikkelingsperspectief.objects.filter(pk=wereld.opp.pk).update(
        status="concept", vastgesteld_op=None
    )
    ib = client(wereld, R.INTERN_BEGELEIDER)
    url = reverse("toelaatbaarheid:aanvragen", kwargs={"opp": wereld.opp.sleutel})
    assert "Een TLV vraagt u aan vanuit een vastgesteld OPP" in ib.get(url).content.decode()
    antwoord = ib.post(url, {"soort": "sbo"})
    assert antwoord.status_code == 200
    assert "stel het OPP eerst vast" in antwoord.content.decode()
    assert not Toelaatbaarheidsverklaring.objects.exists()


def test_leraar_krijgt_403_en_een_geweigerde_logregel(wereld):
    leraar = client(wereld, R.LERAAR)
    voor = laatste()
    antwoord = leraar.get(reverse("toelaatbaarheid:aanvragen", kwargs={"opp": wereld.opp.sleutel}))
    assert antwoord.status_code == 403
    een_regel(voor, resultaat=Resultaat.GEWEIGERD)


def test_ib_van_een_andere_school_krijgt_404_en_een_geweigerde_logregel(wereld):
    vreemd = client_voor(RolFactory(rolsoort=R.INTERN_BEGELEIDER))
    voor = laatste()
    antwoord = vreemd.post(
        reverse("toelaatbaarheid:aanvragen", kwargs={"opp": wereld.opp.sleutel}), {"soort": "sbo"}
    )
    assert antwoord.status_code == 404
    een_regel(voor, resultaat=Resultaat.GEWEIGERD, leerling=wereld.leerling)
    assert not Toelaatbaarheidsverklaring.objects.exists()


# --- The SWV handles the request ----------------------------------------------------------------


def test_loket_verklaart_compleet_via_de_pagina(wereld):
    tlv = aanvragen(wereld)
    loket = client(wereld, R.LOKET)
    url = reverse("toelaatbaarheid:compleet", kwargs={"sleutel": tlv.sleutel})
    voor = laatste()
    assert loket.get(url).status_code == 200
    een_regel(voor, leerling=wereld.leerling)
    voor = laatste()
    antwoord = loket.post(url, {"compleet_op": VANDAAG().isoformat()})
    assert antwoord.status_code == 302
    een_regel(voor, leerling=wereld.leerling, actie=Actie.WIJZIGEN)
    tlv.refresh_from_db()
    assert tlv.status == Status.COMPLEET
    # Already complete: the page sends back to the dossier.
    assert loket.get(url).status_code == 302


def test_advies_van_een_niet_onafhankelijke_deskundige_geeft_een_foutmelding(wereld):
    tlv = compleet(wereld)
    betrokken = Deskundige.objects.create(
        samenwerkingsverband=wereld.swv,
        naam="Ingrid Bos",
        beroep="psycholoog",
        gebruiker=wereld.rollen[R.INTERN_BEGELEIDER].gebruiker,
    )
    loket = client(wereld, R.LOKET)
    voor = laatste()
    antwoord = loket.post(
        reverse("toelaatbaarheid:advies", kwargs={"sleutel": tlv.sleutel}),
        {
            "deskundige": betrokken.pk,
            "conclusie": "toelaatbaar",
            "toelichting": "x",
            "datum": VANDAAG().isoformat(),
        },
    )
    assert antwoord.status_code == 200
    assert "Ingrid Bos heeft meegewerkt aan de aanvraag of het OPP" in antwoord.content.decode()
    assert not Advies.objects.exists()
    een_regel(voor, leerling=wereld.leerling, actie=Actie.LEZEN)


def test_deskundige_ziet_alleen_zichzelf_in_het_adviesformulier(wereld):
    tlv = compleet(wereld)
    deskundige = client(wereld, R.DESKUNDIGE)
    html = deskundige.get(
        reverse("toelaatbaarheid:advies", kwargs={"sleutel": tlv.sleutel})
    ).content.decode()
    assert "Anna de Wit (orthopedagoog)" in html
    assert "Joost Bakker" not in html


def test_besluit_met_een_advies_wordt_geweigerd_op_de_pagina(wereld):
    tlv = compleet(wereld)
    advies(wereld, tlv, wereld.ortho, actor=R.DESKUNDIGE)
    commissie = client(wereld, R.COMMISSIELID)
    url = reverse("toelaatbaarheid:besluit", kwargs={"sleutel": tlv.sleutel})
    assert "Nog niet genoeg advies om te besluiten" in commissie.get(url).content.decode()
    vandaag = VANDAAG()
    antwoord = commissie.post(
        url,
        {
            "besluit": "toegekend",
            "schoolsoort": "sbo",
            "ingangsdatum": vandaag.isoformat(),
            "einddatum": (vandaag + datetime.timedelta(days=400)).isoformat(),
            "motivering": "Goed onderbouwd.",
            "besluit_op": vandaag.isoformat(),
        },
    )
    assert antwoord.status_code == 200
    assert "minstens 2 deskundigen" in antwoord.content.decode()
    tlv.refresh_from_db()
    assert tlv.status == Status.COMPLEET


def test_besluit_met_einddatum_voor_de_ingang_toont_een_veldfout(wereld):
    tlv = met_twee_adviezen(wereld)
    commissie = client(wereld, R.COMMISSIELID)
    vandaag = VANDAAG()
    antwoord = commissie.post(
        reverse("toelaatbaarheid:besluit", kwargs={"sleutel": tlv.sleutel}),
        {
            "besluit": "toegekend",
            "schoolsoort": "sbo",
            "ingangsdatum": vandaag.isoformat(),
            "einddatum": (vandaag - datetime.timedelta(days=1)).isoformat(),
            "motivering": "x",
            "besluit_op": vandaag.isoformat(),
        },
    )
    assert antwoord.status_code == 200
    assert 'id="id_einddatum-fout"' in antwoord.content.decode()
    assert "De einddatum moet na de ingangsdatum liggen." in antwoord.content.decode()
    tlv.refresh_from_db()
    assert tlv.einddatum is None


def test_besluit_met_een_datum_ver_in_de_toekomst_toont_een_veldfout_en_geen_500(wereld):
    tlv = met_twee_adviezen(wereld)
    commissie = client(wereld, R.COMMISSIELID)
    vandaag = VANDAAG()
    antwoord = commissie.post(
        reverse("toelaatbaarheid:besluit", kwargs={"sleutel": tlv.sleutel}),
        {
            "besluit": "toegekend",
            "schoolsoort": "sbo",
            "ingangsdatum": "9999-12-01",
            "einddatum": "9999-12-31",
            "motivering": "x",
            "besluit_op": vandaag.isoformat(),
        },
    )
    assert antwoord.status_code == 200
    assert "Kies een datum tussen 2000 en 2100." in antwoord.content.decode()
    tlv.refresh_from_db()
    assert tlv.einddatum is None


def test_besluitbrief_is_een_pdf_met_bezwaarclausule_en_een_afdrukregel(wereld):
    tlv = toegekend(wereld)
    ouder = client(wereld, R.OUDER)
    voor = laatste()
    antwoord = ouder.get(reverse("toelaatbaarheid:brief", kwargs={"sleutel": tlv.sleutel}))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/pdf"
    assert antwoord.content.startswith(b"%PDF-1.7")
    een_regel(voor, leerling=wereld.leerling, actie=Actie.AFDRUKKEN)
    tekst = pdf_tekst(antwoord.content)
    uiterlijk = tlv.besluit_op + datetime.timedelta(weeks=6)
    assert "Wij geven Sam Visser een toelaatbaarheidsverklaring" in tekst
    assert "binnen 6 weken" in tekst
    assert f"{uiterlijk.day}" in tekst and "bezwaar" in tekst
    assert "Landelijke Bezwaaradviescommissie" in tekst
    assert "Anna de Wit" in tekst and "Joost Bakker" in tekst
    info = pdf_info(antwoord.content)
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)


def test_bezwaar_via_de_paginas_met_termijnen(wereld):
    tlv = toegekend(wereld)
    loket = client(wereld, R.LOKET)
    antwoord = loket.post(
        reverse("toelaatbaarheid:bezwaar", kwargs={"sleutel": tlv.sleutel}),
        {
            "indiener": "ouders",
            "ingediend_op": VANDAAG().isoformat(),
            "omschrijving": "Wij willen so.",
        },
    )
    assert antwoord.status_code == 302
    bezwaar = Bezwaar.objects.get()
    url = reverse(
        "toelaatbaarheid:bezwaar-afhandelen", kwargs={"sleutel": tlv.sleutel, "pk": bezwaar.pk}
    )
    html = loket.get(url).content.decode()
    uiterlijk = VANDAAG() + datetime.timedelta(weeks=2)
    assert "Advies vragen aan de bezwaaradviescommissie" in html
    assert f"uiterlijk op {uiterlijk.day}" in html
    # A stale form (another step) saves nothing.
    assert loket.post(url, {"stap": "uitkomst"}).status_code == 302
    voor = laatste()
    assert (
        loket.post(
            url, {"stap": "advies_vragen", "stap-adviesaanvraag_op": VANDAAG().isoformat()}
        ).status_code
        == 302
    )
    een_regel(voor, leerling=wereld.leerling, actie=Actie.WIJZIGEN)
    bezwaar.refresh_from_db()
    assert bezwaar.adviesaanvraag_op == VANDAAG()


def test_termijn_van_de_adviesaanvraag_verlopen_is_gemarkeerd(wereld):
    tlv = toegekend(wereld)
    Toelaatbaarheidsverklaring.objects.filter(pk=tlv.pk).update(
        besluit_op=VANDAAG() - datetime.timedelta(weeks=8)
    )
    Bezwaar.objects.create(
        tlv=tlv,
        indiener="ouders",
        ingediend_op=VANDAAG() - datetime.timedelta(weeks=3),
        omschrijving="x",
        vastgelegd_door=wereld.rollen[R.LOKET].gebruiker,
    )
    html = (
        client(wereld, R.LOKET)
        .get(reverse("toelaatbaarheid:detail", kwargs={"sleutel": tlv.sleutel}))
        .content.decode()
    )
    assert "termijn van 2 weken verlopen" in html


# --- Grensverkeer, lists, reports, export --------------------------------------------------------


def test_het_andere_swv_ziet_een_samenvatting_en_niet_het_dossier(wereld):
    wereld.leerling.woongemeente = wereld.buurgemeente
    wereld.leerling.save()
    tlv = aanvragen(wereld)
    buur = client_voor(wereld.rollen["buur_loket"])
    voor = laatste()
    html = buur.get(reverse("toelaatbaarheid:grensverkeer")).content.decode()
    een_regel(voor, leerling=wereld.leerling, actie=Actie.ZOEKEN)
    assert tlv.kenmerk in html and "uitgaand" in html
    assert "Visser" not in html
    assert (
        buur.get(reverse("toelaatbaarheid:detail", kwargs={"sleutel": tlv.sleutel})).status_code
        == 404
    )
    eigen = client(wereld, R.LOKET).get(reverse("toelaatbaarheid:grensverkeer")).content.decode()
    assert "inkomend" in eigen


def test_overzicht_van_het_swv_met_statusfilter(wereld):
    ingediend = aanvragen(wereld)
    loket = client(wereld, R.LOKET)
    voor = laatste()
    html = loket.get(reverse("toelaatbaarheid:overzicht") + "?status=ingediend").content.decode()
    een_regel(voor, leerling=wereld.leerling, actie=Actie.ZOEKEN)
    assert ingediend.kenmerk in html
    assert (
        ingediend.kenmerk
        not in loket.get(
            reverse("toelaatbaarheid:overzicht") + "?status=toegekend"
        ).content.decode()
    )
    assert (
        client(wereld, R.PRIVACY_OFFICER).get(reverse("toelaatbaarheid:overzicht")).status_code
        == 403
    )


def test_aflopende_tlvs_staan_in_de_lijst(wereld):
    tlv = toegekend(wereld)
    Toelaatbaarheidsverklaring.objects.filter(pk=tlv.pk).update(
        ingangsdatum=VANDAAG() - datetime.timedelta(days=300),
        einddatum=VANDAAG() + datetime.timedelta(days=60),
    )
    for rolsoort in (R.LOKET, R.INTERN_BEGELEIDER):
        html = (
            client(wereld, rolsoort)
            .get(reverse("toelaatbaarheid:eindigt-binnenkort"))
            .content.decode()
        )
        assert tlv.kenmerk in html and "nog niet aangevraagd" in html
    Tlvregeling.objects.create(
        samenwerkingsverband=wereld.swv,
        tweede_deskundigen=["jeugdarts"],
        categorie_labels=["a", "b", "c"],
        minimale_duur_maanden=12,
        einde_signaal_maanden=1,
        bezwaar_indienen_bij="x",
        bezwaaradviescommissie="y",
    )
    html = (
        client(wereld, R.LOKET).get(reverse("toelaatbaarheid:eindigt-binnenkort")).content.decode()
    )
    assert tlv.kenmerk not in html


def test_rapportage_toont_behandelduur_en_aantallen_met_een_logregel(wereld):
    toegekend(wereld)
    directeur = client(wereld, R.DIRECTEUR)
    voor = laatste()
    antwoord = directeur.get(reverse("toelaatbaarheid:rapportage"))
    assert antwoord.status_code == 200
    een_regel(voor, leerling=wereld.leerling, actie=Actie.LEZEN)
    cijfers = antwoord.context["cijfers"]
    assert (cijfers["aantal_ontvangen"], cijfers["aantal_toegekend"]) == (1, 1)
    assert cijfers["behandelduur"]["totaal"] == {"gemiddelde": 0.0, "mediaan": 0.0}
    ongeldig = directeur.get(
        reverse("toelaatbaarheid:rapportage") + "?van=2027-01-01&tot=2026-01-01"
    )
    assert "De einddatum ligt vóór de begindatum." in ongeldig.content.decode()
    assert (
        client(wereld, R.DESKUNDIGE).get(reverse("toelaatbaarheid:rapportage")).status_code == 403
    )


def test_export_voor_duo_bevat_precies_de_gevraagde_kolommen(wereld):
    tlv = besluiten(
        wereld, met_twee_adviezen(wereld, "so"), schoolsoort="so", bekostigingscategorie=2
    )
    loket = client(wereld, R.LOKET)
    voor = laatste()
    antwoord = loket.get(reverse("toelaatbaarheid:export"))
    assert antwoord.status_code == 200
    een_regel(voor, leerling=wereld.leerling, actie=Actie.EXPORTEREN)
    regels = list(csv.reader(io.StringIO(antwoord.content.decode()), delimiter=";"))
    assert regels[0] == [
        "vestigingscode",
        "leerling",
        "soort",
        "categorie",
        "begindatum",
        "einddatum",
    ]
    assert regels[1] == [
        wereld.vestiging.vestigingscode,
        str(wereld.leerling.sleutel),
        "so",
        "2",
        tlv.ingangsdatum.isoformat(),
        tlv.einddatum.isoformat(),
    ]
    voor = laatste()
    assert client(wereld, R.COMMISSIELID).get(reverse("toelaatbaarheid:export")).status_code == 403
    een_regel(voor, resultaat=Resultaat.GEWEIGERD, actie=Actie.EXPORTEREN)


# --- The parents' page ----------------------------------------------------------------------------


def test_ouder_leest_het_besluit_in_gewone_taal(wereld):
    tlv = toegekend(wereld)
    ouder = client(wereld, R.OUDER)
    voor = laatste()
    antwoord = ouder.get(
        reverse("toelaatbaarheid:portaal", kwargs={"leerling": wereld.leerling.sleutel})
    )
    assert antwoord.status_code == 200
    een_regel(voor, leerling=wereld.leerling)
    html = antwoord.content.decode()
    assert "Er is een besluit: uw kind krijgt een TLV." in html
    uiterlijk = tlv.besluit_op + datetime.timedelta(weeks=6)
    assert "Doe dat uiterlijk op" in html and str(uiterlijk.year) in html
    assert reverse("toelaatbaarheid:brief", kwargs={"sleutel": tlv.sleutel}) in html
    # Staff pages are not for parents; another child is hidden.
    assert (
        ouder.get(reverse("toelaatbaarheid:detail", kwargs={"sleutel": tlv.sleutel})).status_code
        == 403
    )
    ander = client_voor(RolFactory(rolsoort=R.OUDER))
    assert (
        ander.get(
            reverse("toelaatbaarheid:portaal", kwargs={"leerling": wereld.leerling.sleutel})
        ).status_code
        == 404
    )


# --- The SWV's set-up -------------------------------------------------------------------------------


def test_regeling_opslaan_via_de_pagina(wereld):
    directeur = client(wereld, R.DIRECTEUR)
    url = reverse("toelaatbaarheid:regeling")
    assert "landelijke standaardwaarden" in directeur.get(url).content.decode()
    antwoord = directeur.post(
        url,
        {
            "tweede_deskundigen": "jeugdarts\nlogopedist",
            "categorie_1": "licht",
            "categorie_2": "gemiddeld",
            "categorie_3": "intensief",
            "minimale_duur_maanden": "12",
            "maximale_duur_maanden": "48",
            "einde_signaal_maanden": "4",
            "bezwaar_indienen_bij": "Het bestuur van SWV Rivierenland",
            "bezwaaradviescommissie": "de LBT",
            "versie": "",
        },
    )
    assert antwoord.status_code == 302
    regeling = Tlvregeling.objects.get(samenwerkingsverband=wereld.swv)
    assert regeling.tweede_deskundigen == ["jeugdarts", "logopedist"]
    assert regeling.maximale_duur_maanden == 48
    assert client(wereld, R.LOKET).get(url).status_code == 403


def test_deskundige_toevoegen_via_de_pagina(wereld):
    loket = client(wereld, R.LOKET)
    antwoord = loket.post(
        reverse("toelaatbaarheid:deskundigen"), {"naam": "Kees de Boer", "beroep": "Jeugdarts"}
    )
    assert antwoord.status_code == 302
    assert Deskundige.objects.filter(
        naam="Kees de Boer", beroep="jeugdarts", samenwerkingsverband=wereld.swv
    ).exists()
    leeg = loket.post(reverse("toelaatbaarheid:deskundigen"), {"naam": "", "beroep": ""})
    assert "Vul de naam van de deskundige in." in leeg.content.decode()


# --- Start page ---------------------------------------------------------------------------------------


def test_mijn_werk_per_rol(wereld):
    tlv = aanvragen(wereld)
    vandaag = VANDAAG()
    assert [i["aantal"] for i in mijn_werk(actor=wereld.actor(R.LOKET), peildatum=vandaag)] == [1]
    assert (
        "TLV-aanvraag is in behandeling"
        in mijn_werk(actor=wereld.actor(R.INTERN_BEGELEIDER), peildatum=vandaag)[0]["tekst"]
    )
    assert (
        "zonder uw advies"
        in mijn_werk(actor=wereld.actor(R.DESKUNDIGE), peildatum=vandaag)[0]["tekst"]
    )
    assert mijn_werk(actor=wereld.actor(R.COMMISSIELID), peildatum=vandaag) == []
    assert mijn_werk(actor=wereld.actor(R.LERAAR), peildatum=vandaag) == []
    (ouder,) = mijn_werk(actor=wereld.actor(R.OUDER), peildatum=vandaag)
    assert ouder["url"] == reverse(
        "toelaatbaarheid:portaal", kwargs={"leerling": wereld.leerling.sleutel}
    )
    services.tlv_compleet_verklaren(actor=wereld.actor(R.LOKET), tlv=tlv, compleet_op=vandaag)
    (directeur,) = mijn_werk(actor=wereld.actor(R.DIRECTEUR), peildatum=vandaag)
    assert directeur["tekst"] == "1 complete TLV-aanvraag wacht op een besluit"


@pytest.mark.parametrize("rolsoort", [R.INSPECTEUR, R.PRIVACY_OFFICER])
def test_rollen_zonder_tlv_werk_krijgen_niets(wereld, rolsoort):
    aanvragen(wereld)
    assert mijn_werk(actor=wereld.actor(rolsoort), peildatum=VANDAAG()) == []
