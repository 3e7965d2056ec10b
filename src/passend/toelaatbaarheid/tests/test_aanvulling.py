"""Withdrawing a request, the SWV's extra questions, and the beslissing op bezwaar: through
the services, the pages and the API. Bad input is a clear error and nothing is saved; each
request writes exactly one access-log record."""

import datetime
import json

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken
from passend.core.models import Actie, Resultaat, Toegangsregel
from passend.core.permissions import Geweigerd
from passend.core.tests.pdf import pdf_tekst
from passend.core.tests.scenario import client_voor
from passend.toelaatbaarheid import services
from passend.toelaatbaarheid.models import (
    AanvullendAntwoord,
    AanvullendeVraag,
    BeslissingOpBezwaar,
    Bezwaar,
    Tlvregeling,
    Toelaatbaarheidsverklaring,
)
from passend.toelaatbaarheid.rules import Status
from passend.toelaatbaarheid.tests.test_services import aanvragen, compleet, toegekend

R = Rolsoort
VANDAAG = timezone.localdate


def laatste() -> int:
    regel = Toegangsregel.objects.order_by("-pk").first()
    return regel.pk if regel else 0


def een_regel(voor: int, *, leerling, resultaat=Resultaat.TOEGESTAAN) -> Toegangsregel:
    regels = list(Toegangsregel.objects.filter(pk__gt=voor))
    assert len(regels) == 1, [(r.actie, r.resultaat, r.reden) for r in regels]
    assert regels[0].resultaat == resultaat
    assert leerling.sleutel in set(regels[0].leerlingen.values_list("leerling_sleutel", flat=True))
    return regels[0]


def client(wereld, rolsoort):
    return client_voor(wereld.ouder if rolsoort == R.OUDER else wereld.rollen[rolsoort])


def api(rol) -> Client:
    _, token = koppeling_aanmaken(naam=f"Koppeling {rol.pk}", rol=rol)
    return Client(HTTP_AUTHORIZATION=f"Token {token}")


def post_json(c: Client, url: str, body: dict):
    return c.post(url, json.dumps(body), content_type="application/json")


def api_url(tlv, actie: str) -> str:
    return f"/api/v1/toelaatbaarheidsverklaringen/{tlv.sleutel}/{actie}/"


# --- Withdrawing ---------------------------------------------------------------------------


@pytest.mark.parametrize("rolsoort", [R.INTERN_BEGELEIDER, R.SCHOOLLEIDER, R.BESTUURDER])
def test_de_school_trekt_een_lopende_aanvraag_in_gedateerd_met_reden(wereld, rolsoort):
    tlv = compleet(wereld)
    voor = laatste()
    services.tlv_intrekken(
        actor=wereld.actor(rolsoort), tlv=tlv, reden="De ouders kozen een andere school."
    )
    tlv.refresh_from_db()
    assert tlv.status == Status.INGETROKKEN
    assert tlv.ingetrokken_op == VANDAAG()
    assert tlv.ingetrokken_door == wereld.rollen[rolsoort].gebruiker
    assert tlv.reden_intrekking == "De ouders kozen een andere school."
    een_regel(voor, leerling=wereld.leerling)
    # The pupil can have a new request now.
    assert aanvragen(wereld).status == Status.INGEDIEND


def test_intrekken_zonder_reden_is_een_veldfout_en_niets_verandert(wereld):
    tlv = aanvragen(wereld)
    with pytest.raises(ValidationError) as fout:
        services.tlv_intrekken(actor=wereld.actor(R.INTERN_BEGELEIDER), tlv=tlv, reden="  ")
    assert "reden" in fout.value.message_dict
    tlv.refresh_from_db()
    assert tlv.status == Status.INGEDIEND and tlv.ingetrokken_op is None


def test_intrekken_na_het_besluit_kan_niet(wereld):
    tlv = toegekend(wereld)
    with pytest.raises(ValidationError, match="al besloten"):
        services.tlv_intrekken(actor=wereld.actor(R.INTERN_BEGELEIDER), tlv=tlv, reden="Toch niet.")
    tlv.refresh_from_db()
    assert tlv.status == Status.TOEGEKEND


@pytest.mark.parametrize("rolsoort", [R.LERAAR, R.LOKET, R.DIRECTEUR])
def test_alleen_de_aanvragende_school_trekt_in(wereld, rolsoort):
    tlv = aanvragen(wereld)
    with pytest.raises(Geweigerd):
        services.tlv_intrekken(actor=wereld.actor(rolsoort), tlv=tlv, reden="x")
    tlv.refresh_from_db()
    assert tlv.status == Status.INGEDIEND


def test_intrekken_via_de_pagina_en_zichtbaar_in_lijst_dossier_en_portaal(wereld):
    tlv = aanvragen(wereld)
    ib = client(wereld, R.INTERN_BEGELEIDER)
    url = reverse("toelaatbaarheid:intrekken", kwargs={"sleutel": tlv.sleutel})
    voor = laatste()
    leeg = ib.post(url, {"reden": ""})
    assert leeg.status_code == 200
    assert "Schrijf op waarom de school de aanvraag intrekt." in leeg.content.decode()
    een_regel(voor, leerling=wereld.leerling)
    voor = laatste()
    antwoord = ib.post(url, {"reden": "Verhuisd naar een andere regio."})
    assert antwoord.status_code == 302
    een_regel(voor, leerling=wereld.leerling)
    vandaag = VANDAAG().strftime("%d-%m-%Y")
    lijst = client(wereld, R.LOKET).get(reverse("toelaatbaarheid:overzicht")).content.decode()
    assert f"Ingetrokken op {vandaag}" in lijst
    dossier = ib.get(reverse("toelaatbaarheid:detail", kwargs={"sleutel": tlv.sleutel}))
    assert "Verhuisd naar een andere regio." in dossier.content.decode()
    portaal = client(wereld, R.OUDER).get(
        reverse("toelaatbaarheid:portaal", kwargs={"leerling": wereld.leerling.sleutel})
    )
    html = portaal.content.decode()
    assert "De school heeft de aanvraag op" in html and "Verhuisd naar een andere regio." in html


def test_intrekken_via_de_api(wereld):
    tlv = compleet(wereld)
    c = api(wereld.rollen[R.SCHOOLLEIDER])
    assert post_json(c, api_url(tlv, "intrekken"), {}).status_code == 400
    voor = laatste()
    antwoord = post_json(c, api_url(tlv, "intrekken"), {"reden": "Andere school gekozen."})
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()["status"] == "ingetrokken"
    assert antwoord.json()["ingetrokken_op"] == VANDAAG().isoformat()
    assert antwoord.json()["reden_intrekking"] == "Andere school gekozen."
    een_regel(voor, leerling=wereld.leerling)
    weer = post_json(c, api_url(tlv, "intrekken"), {"reden": "Nog eens."})
    assert weer.status_code == 400 and weer.json()["code"] == "status"
    geweigerd = post_json(api(wereld.rollen[R.LOKET]), api_url(tlv, "intrekken"), {"reden": "x"})
    assert geweigerd.status_code == 403


# --- Extra questions -----------------------------------------------------------------------


def twee_vragen(wereld) -> tuple[AanvullendeVraag, AanvullendeVraag]:
    directeur = wereld.actor(R.DIRECTEUR)
    verplicht = services.vraag_toevoegen(
        actor=directeur,
        tekst="Welke scholen zijn al bekeken?",
        toelichting="Noem de scholen en wat de ouders ervan vonden.",
        verplicht=True,
    )
    vrij = services.vraag_toevoegen(actor=directeur, tekst="Is er jeugdhulp betrokken?")
    return verplicht, vrij


def test_de_directeur_voegt_vragen_toe_ook_zonder_eigen_regeling(wereld):
    assert not Tlvregeling.objects.exists()
    verplicht, vrij = twee_vragen(wereld)
    assert Tlvregeling.objects.get().samenwerkingsverband == wereld.swv
    assert (verplicht.volgorde, vrij.volgorde) == (1, 2)
    assert verplicht.verplicht and not vrij.verplicht


@pytest.mark.parametrize("rolsoort", [R.LOKET, R.INTERN_BEGELEIDER])
def test_alleen_directeur_of_beheerder_beheert_de_vragen(wereld, rolsoort):
    with pytest.raises(Geweigerd):
        services.vraag_toevoegen(actor=wereld.actor(rolsoort), tekst="Mag dit?")
    assert not AanvullendeVraag.objects.exists()


def test_lege_vraag_is_een_veldfout(wereld):
    with pytest.raises(ValidationError) as fout:
        services.vraag_toevoegen(actor=wereld.actor(R.FUNCTIONEEL_BEHEERDER), tekst=" ")
    assert fout.value.message_dict == {"tekst": ["Schrijf de vraag op."]}


def test_loket_kan_niet_compleet_verklaren_zolang_een_verplichte_vraag_open_staat(wereld):
    verplicht, vrij = twee_vragen(wereld)
    tlv = aanvragen(wereld)
    loket = wereld.actor(R.LOKET)
    with pytest.raises(ValidationError) as fout:
        services.tlv_compleet_verklaren(actor=loket, tlv=tlv, compleet_op=VANDAAG())
    assert "'Welke scholen zijn al bekeken?'" in " ".join(fout.value.messages)
    assert "Is er jeugdhulp" not in " ".join(fout.value.messages)
    tlv.refresh_from_db()
    assert tlv.status == Status.INGEDIEND
    services.antwoorden_vastleggen(
        actor=wereld.actor(R.INTERN_BEGELEIDER),
        tlv=tlv,
        antwoorden={verplicht.pk: "De Linde en De Boomgaard.", vrij.pk: ""},
    )
    assert services.tlv_compleet_verklaren(actor=loket, tlv=tlv, compleet_op=VANDAAG()).status == (
        Status.COMPLEET
    )


def test_een_antwoord_bewaart_de_vraag_zoals_die_toen_luidde(wereld):
    verplicht, _ = twee_vragen(wereld)
    tlv = aanvragen(wereld)
    voor = laatste()
    services.antwoorden_vastleggen(
        actor=wereld.actor(R.INTERN_BEGELEIDER), tlv=tlv, antwoorden={verplicht.pk: "Twee."}
    )
    een_regel(voor, leerling=wereld.leerling)
    verplicht.refresh_from_db()
    services.vraag_wijzigen(
        actor=wereld.actor(R.DIRECTEUR),
        vraag=verplicht,
        versie=verplicht.gewijzigd_op.isoformat(),
        tekst="Welke scholen zijn bezocht?",
        toelichting="",
        verplicht=True,
    )
    antwoord = AanvullendAntwoord.objects.get(tlv=tlv)
    assert antwoord.vraagtekst == "Welke scholen zijn al bekeken?"
    assert antwoord.antwoord == "Twee."


def test_vraag_wijzigen_met_een_oude_versie_is_een_conflict(wereld):
    verplicht, _ = twee_vragen(wereld)
    with pytest.raises(services.Conflict):
        services.vraag_wijzigen(
            actor=wereld.actor(R.DIRECTEUR),
            vraag=verplicht,
            versie="2000-01-01T00:00:00+00:00",
            tekst="Anders",
            toelichting="",
            verplicht=False,
        )


def test_verwijderde_vraag_houdt_het_antwoord_en_is_niet_meer_verplicht(wereld):
    verplicht, vrij = twee_vragen(wereld)
    tlv = aanvragen(wereld)
    services.antwoorden_vastleggen(
        actor=wereld.actor(R.INTERN_BEGELEIDER), tlv=tlv, antwoorden={vrij.pk: "Ja, via de wijk."}
    )
    services.vraag_verwijderen(
        actor=wereld.actor(R.DIRECTEUR), vraag=verplicht, versie=verplicht.gewijzigd_op.isoformat()
    )
    services.vraag_verwijderen(
        actor=wereld.actor(R.DIRECTEUR), vraag=vrij, versie=vrij.gewijzigd_op.isoformat()
    )
    assert AanvullendAntwoord.objects.get(tlv=tlv).antwoord == "Ja, via de wijk."
    tlv = services.tlv_compleet_verklaren(
        actor=wereld.actor(R.LOKET), tlv=tlv, compleet_op=VANDAAG()
    )
    assert tlv.status == Status.COMPLEET


def test_antwoorden_na_compleet_of_door_de_leraar_of_op_een_onbekende_vraag_kan_niet(wereld):
    verplicht, _ = twee_vragen(wereld)
    tlv = aanvragen(wereld)
    ib = wereld.actor(R.INTERN_BEGELEIDER)
    with pytest.raises(Geweigerd):
        services.antwoorden_vastleggen(
            actor=wereld.actor(R.LERAAR), tlv=tlv, antwoorden={verplicht.pk: "x"}
        )
    with pytest.raises(ValidationError) as fout:
        services.antwoorden_vastleggen(actor=ib, tlv=tlv, antwoorden={verplicht.pk + 99: "x"})
    assert "antwoorden" in fout.value.message_dict
    with pytest.raises(ValidationError, match="minstens één"):
        services.antwoorden_vastleggen(actor=ib, tlv=tlv, antwoorden={verplicht.pk: " "})
    services.antwoorden_vastleggen(actor=ib, tlv=tlv, antwoorden={verplicht.pk: "Eén school."})
    services.tlv_compleet_verklaren(actor=wereld.actor(R.LOKET), tlv=tlv, compleet_op=VANDAAG())
    with pytest.raises(ValidationError, match="compleet"):
        services.antwoorden_vastleggen(actor=ib, tlv=tlv, antwoorden={verplicht.pk: "Anders."})
    assert AanvullendAntwoord.objects.get().antwoord == "Eén school."


def test_vragen_beheren_op_de_regelingpagina(wereld):
    directeur = client(wereld, R.DIRECTEUR)
    url = reverse("toelaatbaarheid:regeling")
    leeg = directeur.post(url, {"onderdeel": "vraag_toevoegen", "nieuw-tekst": ""})
    assert leeg.status_code == 200 and "Schrijf de vraag op." in leeg.content.decode()
    assert not AanvullendeVraag.objects.exists()
    toegevoegd = directeur.post(
        url,
        {
            "onderdeel": "vraag_toevoegen",
            "nieuw-tekst": "Welke scholen zijn al bekeken?",
            "nieuw-verplicht": "on",
        },
    )
    assert toegevoegd.status_code == 302
    vraag = AanvullendeVraag.objects.get()
    assert vraag.verplicht
    gewijzigd = directeur.post(
        url,
        {
            "onderdeel": "vraag_wijzigen",
            "vraag": vraag.pk,
            f"vraag-{vraag.pk}-tekst": "Welke scholen zijn bezocht?",
            f"vraag-{vraag.pk}-versie": vraag.gewijzigd_op.isoformat(),
        },
    )
    assert gewijzigd.status_code == 302
    vraag.refresh_from_db()
    assert vraag.tekst == "Welke scholen zijn bezocht?" and not vraag.verplicht
    pagina = directeur.get(url).content.decode()
    assert "Welke scholen zijn bezocht?" in pagina
    weg = directeur.post(
        url,
        {"onderdeel": "vraag_verwijderen", "vraag": vraag.pk, "versie": "oud"},
    )
    assert weg.status_code == 302
    vraag.refresh_from_db()
    assert vraag.actief  # an old version: nothing removed
    weg = directeur.post(
        url,
        {
            "onderdeel": "vraag_verwijderen",
            "vraag": vraag.pk,
            "versie": vraag.gewijzigd_op.isoformat(),
        },
    )
    vraag.refresh_from_db()
    assert not vraag.actief


def test_school_beantwoordt_de_vragen_op_de_pagina_en_het_loket_ziet_wat_ontbreekt(wereld):
    verplicht, vrij = twee_vragen(wereld)
    tlv = aanvragen(wereld)
    detail = reverse("toelaatbaarheid:detail", kwargs={"sleutel": tlv.sleutel})
    loket = client(wereld, R.LOKET)
    html = loket.get(detail).content.decode()
    assert "Aanvullende vragen van het samenwerkingsverband" in html
    assert "Nog niet beantwoord (verplicht" in html
    voor = laatste()
    geweigerd = loket.post(
        reverse("toelaatbaarheid:compleet", kwargs={"sleutel": tlv.sleutel}),
        {"compleet_op": VANDAAG().isoformat()},
    )
    assert geweigerd.status_code == 200
    assert "Welke scholen zijn al bekeken?" in geweigerd.content.decode()
    een_regel(voor, leerling=wereld.leerling)
    ib = client(wereld, R.INTERN_BEGELEIDER)
    url = reverse("toelaatbaarheid:vragen", kwargs={"sleutel": tlv.sleutel})
    voor = laatste()
    pagina = ib.get(url)
    assert pagina.status_code == 200
    assert "Noem de scholen en wat de ouders ervan vonden." in pagina.content.decode()
    een_regel(voor, leerling=wereld.leerling)
    te_lang = ib.post(url, {f"vraag_{verplicht.pk}": "x" * 5001})
    assert te_lang.status_code == 200 and "te lang" in te_lang.content.decode()
    open_gelaten = ib.post(url, {f"vraag_{verplicht.pk}": "", f"vraag_{vrij.pk}": "Ja."})
    assert open_gelaten.status_code == 200
    assert "Beantwoord deze vraag" in open_gelaten.content.decode()
    assert not AanvullendAntwoord.objects.exists()
    voor = laatste()
    opgeslagen = ib.post(url, {f"vraag_{verplicht.pk}": "De Boomgaard.", f"vraag_{vrij.pk}": ""})
    assert opgeslagen.status_code == 302
    een_regel(voor, leerling=wereld.leerling)
    assert "De Boomgaard." in loket.get(detail).content.decode()
    tlv = services.tlv_compleet_verklaren(
        actor=wereld.actor(R.LOKET), tlv=tlv, compleet_op=VANDAAG()
    )
    assert ib.get(url).status_code == 302


def test_vragen_beantwoorden_via_de_api_en_in_het_detail(wereld):
    verplicht, _ = twee_vragen(wereld)
    tlv = aanvragen(wereld)
    c = api(wereld.rollen[R.INTERN_BEGELEIDER])
    assert post_json(c, api_url(tlv, "vragen"), {"antwoorden": []}).status_code == 400
    onbekend = post_json(
        c, api_url(tlv, "vragen"), {"antwoorden": [{"vraag": 999, "antwoord": "x"}]}
    )
    assert onbekend.status_code == 400
    voor = laatste()
    antwoord = post_json(
        c,
        api_url(tlv, "vragen"),
        {"antwoorden": [{"vraag": verplicht.pk, "antwoord": "Twee scholen."}]},
    )
    assert antwoord.status_code == 200, antwoord.content
    een_regel(voor, leerling=wereld.leerling)
    [gegeven] = antwoord.json()["antwoorden"]
    assert gegeven["vraag"] == verplicht.pk
    assert gegeven["vraagtekst"] == "Welke scholen zijn al bekeken?"
    assert gegeven["verplicht"] is True and gegeven["antwoord"] == "Twee scholen."


# --- Beslissing op bezwaar ----------------------------------------------------------------


def gegrond_bezwaar(wereld, tlv) -> Bezwaar:
    loket = wereld.actor(R.LOKET)
    bezwaar = services.bezwaar_vastleggen(
        actor=loket,
        tlv=tlv,
        indiener="ouders",
        ingediend_op=VANDAAG(),
        omschrijving="Wij willen so.",
    )
    services.bezwaar_advies_gevraagd(actor=loket, bezwaar=bezwaar, adviesaanvraag_op=VANDAAG())
    services.bezwaar_advies_ontvangen(
        actor=loket, bezwaar=bezwaar, advies_ontvangen_op=VANDAAG(), advies="Gegrond: so past."
    )
    return services.bezwaar_beslissen(
        actor=wereld.actor(R.DIRECTEUR),
        bezwaar=bezwaar,
        uitkomst="gegrond",
        uitkomst_op=VANDAAG(),
        toelichting="De LBT adviseert so.",
    )


def nieuw_besluit(**anders):
    vandaag = VANDAAG()
    return {
        "besluit": "toegekend",
        "motivering": "Na het bezwaar: so, categorie 2.",
        "beslist_op": vandaag,
        "schoolsoort": "so",
        "bekostigingscategorie": 2,
        "ingangsdatum": vandaag,
        "einddatum": vandaag + datetime.timedelta(days=730),
        **anders,
    }


def test_beslissing_op_bezwaar_herziet_het_besluit_en_bewaart_het_oorspronkelijke(wereld):
    tlv = toegekend(wereld)
    oud = (tlv.schoolsoort, tlv.einddatum, tlv.motivering, tlv.besluit_op)
    bezwaar = gegrond_bezwaar(wereld, tlv)
    voor = laatste()
    beslissing = services.beslissen_op_bezwaar(
        actor=wereld.actor(R.COMMISSIELID), tlv=tlv, **nieuw_besluit()
    )
    een_regel(voor, leerling=wereld.leerling)
    assert beslissing.bezwaar == bezwaar
    assert (
        beslissing.oorspronkelijke_schoolsoort,
        beslissing.oorspronkelijke_einddatum,
        beslissing.oorspronkelijke_motivering,
    ) == oud[:3]
    tlv.refresh_from_db()
    assert (tlv.status, tlv.schoolsoort, tlv.bekostigingscategorie) == ("toegekend", "so", 2)
    assert tlv.motivering == "Na het bezwaar: so, categorie 2."
    assert tlv.besluit_op == oud[3]  # the date of the first decision stays


def test_beslissing_op_bezwaar_kan_alsnog_afwijzen(wereld):
    tlv = toegekend(wereld)
    gegrond_bezwaar(wereld, tlv)
    services.beslissen_op_bezwaar(
        actor=wereld.actor(R.DIRECTEUR),
        tlv=tlv,
        besluit="afgewezen",
        motivering="Toch niet toelaatbaar.",
        beslist_op=VANDAAG(),
    )
    tlv.refresh_from_db()
    assert tlv.status == Status.AFGEWEZEN and tlv.einddatum is None
    assert BeslissingOpBezwaar.objects.get().oorspronkelijk_besluit == "toegekend"


def test_beslissing_op_bezwaar_alleen_na_gegrond_en_maar_een_keer(wereld):
    tlv = toegekend(wereld)
    commissie = wereld.actor(R.COMMISSIELID)
    with pytest.raises(ValidationError, match="gegrond"):
        services.beslissen_op_bezwaar(actor=commissie, tlv=tlv, **nieuw_besluit())
    gegrond_bezwaar(wereld, tlv)
    services.beslissen_op_bezwaar(actor=commissie, tlv=tlv, **nieuw_besluit())
    with pytest.raises(ValidationError, match="al een nieuwe beslissing"):
        services.beslissen_op_bezwaar(actor=commissie, tlv=tlv, **nieuw_besluit())
    assert BeslissingOpBezwaar.objects.count() == 1
    with pytest.raises(ValidationError, match="beroep bij de rechtbank"):
        services.bezwaar_vastleggen(
            actor=wereld.actor(R.LOKET),
            tlv=tlv,
            indiener="ouders",
            ingediend_op=VANDAAG(),
            omschrijving="Nog een keer.",
        )


def test_beslissing_op_bezwaar_met_fouten_slaat_niets_op(wereld):
    tlv = toegekend(wereld)
    gegrond_bezwaar(wereld, tlv)
    with pytest.raises(ValidationError) as fout:
        services.beslissen_op_bezwaar(
            actor=wereld.actor(R.COMMISSIELID),
            tlv=tlv,
            **nieuw_besluit(einddatum=VANDAAG(), bekostigingscategorie=None),
        )
    assert {"einddatum", "bekostigingscategorie"} <= set(fout.value.message_dict)
    assert not BeslissingOpBezwaar.objects.exists()
    tlv.refresh_from_db()
    assert tlv.schoolsoort == "sbo"


@pytest.mark.parametrize("rolsoort", [R.LOKET, R.INTERN_BEGELEIDER, R.DESKUNDIGE])
def test_alleen_commissie_of_directeur_beslist_op_bezwaar(wereld, rolsoort):
    tlv = toegekend(wereld)
    gegrond_bezwaar(wereld, tlv)
    with pytest.raises(Geweigerd):
        services.beslissen_op_bezwaar(actor=wereld.actor(rolsoort), tlv=tlv, **nieuw_besluit())


def test_beslissing_op_bezwaar_via_de_pagina_met_een_eigen_brief(wereld):
    tlv = toegekend(wereld)
    commissie = client(wereld, R.COMMISSIELID)
    url = reverse("toelaatbaarheid:beslissing-op-bezwaar", kwargs={"sleutel": tlv.sleutel})
    assert commissie.get(url).status_code == 302  # no gegrond bezwaar yet
    gegrond_bezwaar(wereld, tlv)
    voor = laatste()
    pagina = commissie.get(url)
    assert pagina.status_code == 200
    assert "Het oorspronkelijke besluit" in pagina.content.decode()
    een_regel(voor, leerling=wereld.leerling)
    leeg = commissie.post(url, {})
    assert leeg.status_code == 200
    assert "Schrijf de redenen van de beslissing op." in leeg.content.decode()
    gegevens = {
        k: (v.isoformat() if isinstance(v, datetime.date) else v)
        for k, v in nieuw_besluit().items()
    }
    voor = laatste()
    assert commissie.post(url, gegevens).status_code == 302
    een_regel(voor, leerling=wereld.leerling)
    detail = commissie.get(reverse("toelaatbaarheid:detail", kwargs={"sleutel": tlv.sleutel}))
    html = detail.content.decode()
    assert "Besluit na de beslissing op bezwaar" in html
    assert "Oorspronkelijk besluit van" in html and "Beide deskundigen adviseren sbo." in html
    assert "Beroep bij de rechtbank mogelijk tot en met" in html
    ouder = client(wereld, R.OUDER)
    voor = laatste()
    brief = ouder.get(reverse("toelaatbaarheid:brief-bezwaar", kwargs={"sleutel": tlv.sleutel}))
    assert brief.status_code == 200 and brief["Content-Type"] == "application/pdf"
    een_regel(voor, leerling=wereld.leerling)
    tekst = pdf_tekst(brief.content)
    assert "Beslissing op bezwaar" in tekst
    assert "in beroep gaan bij de rechtbank" in tekst and "binnen 6 weken" in tekst
    assert "Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken" not in tekst
    assert "Na het bezwaar: so, categorie 2." in tekst
    # The first letter still shows the original decision with its objection clause.
    eerste = pdf_tekst(
        ouder.get(reverse("toelaatbaarheid:brief", kwargs={"sleutel": tlv.sleutel})).content
    )
    assert "Beide deskundigen adviseren sbo." in eerste and "bezwaar maken" in eerste
    portaal = ouder.get(
        reverse("toelaatbaarheid:portaal", kwargs={"leerling": wereld.leerling.sleutel})
    ).content.decode()
    assert "Nieuwe beslissing na uw bezwaar" in portaal and "rechtbank" in portaal


def test_beslissing_op_bezwaar_via_de_api(wereld):
    tlv = toegekend(wereld)
    c = api(wereld.rollen[R.DIRECTEUR])
    url = api_url(tlv, "beslissing-op-bezwaar")
    body = {
        k: (v.isoformat() if isinstance(v, datetime.date) else v)
        for k, v in nieuw_besluit().items()
    }
    te_vroeg = post_json(c, url, body)
    assert te_vroeg.status_code == 400 and te_vroeg.json()["code"] == "status"
    gegrond_bezwaar(wereld, tlv)
    voor = laatste()
    antwoord = post_json(c, url, body)
    assert antwoord.status_code == 200, antwoord.content
    een_regel(voor, leerling=wereld.leerling)
    beslissing = antwoord.json()["beslissing_op_bezwaar"]
    assert beslissing["besluit"] == "toegekend" and beslissing["schoolsoort"] == "so"
    assert beslissing["oorspronkelijke_schoolsoort"] == "sbo"
    assert beslissing["beroep_uiterlijk"] == (VANDAAG() + datetime.timedelta(weeks=6)).isoformat()
    assert antwoord.json()["schoolsoort"] == "so"
    assert post_json(api(wereld.rollen[R.LOKET]), url, body).status_code == 403
    assert Toelaatbaarheidsverklaring.objects.get(pk=tlv.pk).bekostigingscategorie == 2


def test_geweigerde_intrekking_via_de_pagina_wordt_vastgelegd(wereld):
    tlv = aanvragen(wereld)
    voor = laatste()
    antwoord = client(wereld, R.LERAAR).get(
        reverse("toelaatbaarheid:intrekken", kwargs={"sleutel": tlv.sleutel})
    )
    assert antwoord.status_code == 403
    regels = list(Toegangsregel.objects.filter(pk__gt=voor))
    assert len(regels) == 1 and regels[0].resultaat == Resultaat.GEWEIGERD
    assert regels[0].actie == Actie.LEZEN


def test_mijn_werk_van_de_school_noemt_aanvragen_met_open_verplichte_vragen(wereld):
    from passend.toelaatbaarheid.selectors import mijn_werk

    verplicht, _ = twee_vragen(wereld)
    tlv = aanvragen(wereld)
    ib = wereld.actor(R.INTERN_BEGELEIDER)

    def teksten() -> list[str]:
        return [item["tekst"] for item in mijn_werk(actor=ib, peildatum=VANDAAG())]

    assert "1 TLV-aanvraag wacht op uw antwoord op de aanvullende vragen" in teksten()
    services.antwoorden_vastleggen(actor=ib, tlv=tlv, antwoorden={verplicht.pk: "Twee."})
    assert not any("aanvullende vragen" in t for t in teksten())
