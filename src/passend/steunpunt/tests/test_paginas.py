import pytest
from django.urls import reverse
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.core.models import Toegangsregel
from passend.core.tests.pdf import pdf_tekst
from passend.core.tests.scenario import client_voor
from passend.ondersteuning.tests.factories import OppFactory
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory
from passend.steunpunt.services import (
    Contactinvoer,
    contact_vastleggen,
    toestemming_geven,
    toestemming_intrekken,
)


def actor(rol):
    return Actor(gebruiker=rol.gebruiker, rol=rol)


def _gekoppeld(wereld, signaal="Ouders missen uitleg over de toelating."):
    t = toestemming_geven(
        actor=actor(wereld.ouder_rol),
        leerling=wereld.leerling,
        samenwerkingsverband_id=wereld.swv.pk,
        vandaag=timezone.localdate(),
    )
    contact = contact_vastleggen(
        actor=actor(wereld.medewerker),
        invoer=Contactinvoer(
            datum=timezone.localdate(),
            kanaal="gesprek",
            wie="ouder",
            themas=["tlv"],
            samenvatting="Gesprek over de TLV.",
            signaal=signaal,
            leerling_id=wereld.leerling.pk,
        ),
        vandaag=timezone.localdate(),
    )
    return t, contact


def _anoniem(wereld, **extra):
    gegevens = dict(
        datum=timezone.localdate(),
        kanaal="telefoon",
        wie="jongere",
        themas=["thuiszitten"],
        samenvatting="Jongere zit thuis.",
        signaal="Wachttijden jeugdhulp te lang.",
    )
    gegevens.update(extra)
    return contact_vastleggen(
        actor=actor(wereld.medewerker),
        invoer=Contactinvoer(**gegevens),
        vandaag=timezone.localdate(),
    )


def test_gekoppeld_contact_toont_kind_en_logt_met_sleutel(wereld):
    _, contact = _gekoppeld(wereld)
    voor = Toegangsregel.objects.count()
    antwoord = client_voor(wereld.medewerker).get(
        reverse("steunpunt:contact", args=[contact.sleutel])
    )
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Fenna Testkind" in tekst and "3-4-2015" in tekst and "De Steunschool" in tekst
    assert Toegangsregel.objects.count() == voor + 1
    regel = Toegangsregel.objects.latest("pk")
    assert [r.leerling_sleutel for r in regel.leerlingen.all()] == [wereld.leerling.sleutel]


def test_na_intrekken_geen_kindgegevens_meer(wereld):
    t, contact = _gekoppeld(wereld)
    toestemming_intrekken(
        actor=actor(wereld.ouder_rol), toestemming_id=t.pk, vandaag=timezone.localdate()
    )
    tekst = (
        client_voor(wereld.medewerker)
        .get(reverse("steunpunt:contact", args=[contact.sleutel]))
        .content.decode()
    )
    assert "Fenna Testkind" not in tekst and "toestemming ingetrokken" in tekst


def test_anoniem_contact_schrijft_geen_logregel(wereld):
    contact = _anoniem(wereld)
    voor = Toegangsregel.objects.count()
    antwoord = client_voor(wereld.medewerker).get(
        reverse("steunpunt:contact", args=[contact.sleutel])
    )
    assert antwoord.status_code == 200 and "anoniem" in antwoord.content.decode()
    assert Toegangsregel.objects.count() == voor


def test_contact_van_ander_swv_is_404_en_gelogd(wereld):
    contact = _anoniem(wereld)
    voor = Toegangsregel.objects.count()
    antwoord = client_voor(wereld.ander_medewerker).get(
        reverse("steunpunt:contact", args=[contact.sleutel])
    )
    assert antwoord.status_code == 404
    assert Toegangsregel.objects.filter(resultaat="geweigerd").count() == 1
    assert Toegangsregel.objects.count() == voor + 1


def test_directeur_leest_nooit_een_contact(wereld):
    contact = _anoniem(wereld)
    antwoord = client_voor(wereld.directeur).get(
        reverse("steunpunt:contact", args=[contact.sleutel])
    )
    assert antwoord.status_code == 403
    assert Toegangsregel.objects.filter(resultaat="geweigerd").exists()


def test_steunpunt_ziet_geen_leerlingdossier_of_opp_van_gekoppeld_kind(wereld):
    _gekoppeld(wereld)
    opp = OppFactory(leerling=wereld.leerling, vestiging=wereld.vestiging)
    client = client_voor(wereld.medewerker)
    assert client.get(reverse("leerlingen:detail", args=[wereld.leerling.sleutel])).status_code in (
        403,
        404,
    )
    assert client.get(reverse("ondersteuning:detail", args=[opp.sleutel])).status_code in (403, 404)


def test_contact_formulier_toont_fouten_per_veld(wereld):
    antwoord = client_voor(wereld.medewerker).post(
        reverse("steunpunt:contact-nieuw"), {"datum": "x"}
    )
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "Vul een geldige datum in." in tekst and "Kies ten minste één thema." in tekst


def test_contact_vastleggen_via_de_pagina(wereld):
    antwoord = client_voor(wereld.medewerker).post(
        reverse("steunpunt:contact-nieuw"),
        {
            "datum": timezone.localdate().isoformat(),
            "kanaal": "chat",
            "wie": "ouder",
            "themas": ["vervoer", "informatie"],
            "leerling": "",
            "samenvatting": "Vraag over vervoer.",
            "signaal": "",
            "doorverwijzing": "geen",
        },
    )
    assert antwoord.status_code == 302


def test_signalenrapport_en_pdf_zonder_namen(wereld):
    _gekoppeld(wereld)
    _anoniem(wereld)
    client = client_voor(wereld.directeur)
    antwoord = client.get(reverse("steunpunt:signalen"))
    tekst = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert "Wachttijden jeugdhulp te lang." in tekst and "Fenna Testkind" not in tekst
    assert 'class="passend-grafiek"' in tekst
    pdf = client.get(reverse("steunpunt:signalen-pdf"))
    assert pdf["Content-Type"] == "application/pdf"
    inhoud = pdf_tekst(pdf.content)
    assert "Signalen van het ouder- en jeugdsteunpunt" in inhoud
    assert "Ouders missen uitleg over de toelating." in inhoud and "Fenna Testkind" not in inhoud


def test_signalen_periode_met_fout(wereld):
    antwoord = client_voor(wereld.medewerker).get(
        reverse("steunpunt:signalen"), {"van": "2026-01-02", "tot": "2025-01-01"}
    )
    assert "De einddatum ligt voor de begindatum." in antwoord.content.decode()


def test_ouder_geeft_toestemming_op_de_pagina(wereld):
    client = client_voor(wereld.ouder_rol)
    pagina = client.get(reverse("steunpunt:toestemming"))
    assert "Fenna Testkind" in pagina.content.decode()
    antwoord = client.post(
        reverse("steunpunt:toestemming"),
        {"actie": "geven", "kind": f"{wereld.leerling.pk}-{wereld.swv.pk}"},
    )
    assert antwoord.status_code == 302
    assert "u gaf toestemming op" in client.get(reverse("steunpunt:toestemming")).content.decode()


def test_openbare_pagina_met_filters_en_nog_niet_bekend(wereld, client):
    SamenwerkingsverbandFactory(code="PO2979", naam="SWV Zonder Steunpunt")
    tekst = client.get(reverse("steunpunten:overzicht")).content.decode()
    assert "Steunpunt Steunstad" in tekst and "010 123 45 67" in tekst
    assert "SWV Zonder Steunpunt" in tekst and "nog niet bekend" in tekst
    gefilterd = client.get(
        reverse("steunpunten:overzicht"), {"gemeente": wereld.gemeente.pk}
    ).content.decode()
    assert "SWV Steunstad" in gefilterd and "SWV Zonder Steunpunt" not in gefilterd
    vo = client.get(reverse("steunpunten:overzicht"), {"sector": "VO"}).content.decode()
    assert "SWV Elders VO" in vo and "SWV Steunstad" not in vo


def test_toestemming_toont_fouten_van_de_dienst_bij_het_veld(wereld):
    """A refused consent shows the service's error per field: in the summary, linked to the
    message beside the button that was pressed; nothing is saved."""
    from passend.leerlingen.tests.factories import LeerlingFactory
    from passend.steunpunt.models import Toestemming

    client = client_voor(wereld.ouder_rol)
    url = reverse("steunpunt:toestemming")
    vreemd = LeerlingFactory()
    antwoord = client.post(url, {"actie": "geven", "kind": f"{vreemd.pk}-{wereld.swv.pk}"})
    assert antwoord.status_code == 200
    form = antwoord.context["form"]
    assert form.errors == {"kind": ["Kies een van uw eigen kinderen."]}
    assert not form.non_field_errors()

    verkeerd = client.post(
        url, {"actie": "geven", "kind": f"{wereld.leerling.pk}-{wereld.ander_swv.pk}"}
    )
    assert verkeerd.context["form"].errors == {
        "kind": ["Dit steunpunt hoort niet bij de school van uw kind. Kies opnieuw."]
    }

    t = toestemming_geven(
        actor=actor(wereld.ouder_rol),
        leerling=wereld.leerling,
        samenwerkingsverband_id=wereld.swv.pk,
        vandaag=timezone.localdate(),
    )
    andere = Toestemming.objects.create(
        leerling=vreemd,
        samenwerkingsverband=wereld.swv,
        gegeven_op=timezone.localdate(),
        gegeven_door=wereld.medewerker.gebruiker,
    )
    intrekken = client.post(url, {"actie": "intrekken", "toestemming": andere.pk})
    assert intrekken.context["form"].errors == {
        "toestemming": ["Deze toestemming kunt u niet intrekken."]
    }
    assert Toestemming.objects.get(pk=andere.pk).loopt
    # Withdrawing the own consent twice: the second time the error stands beside its button.
    client.post(url, {"actie": "intrekken", "toestemming": t.pk})
    nogmaals = client.post(url, {"actie": "intrekken", "toestemming": t.pk})
    assert "Deze toestemming was al ingetrokken." in nogmaals.content.decode()
    assert "Dit steunpunt hoort niet bij de school" in verkeerd.content.decode()


@pytest.mark.parametrize(
    ("naam", "methode"),
    [
        ("steunpunt:contacten", "post"),
        ("steunpunt:signalen", "post"),
        ("steunpunt:signalen-pdf", "post"),
        ("steunpunt:contact-nieuw", "put"),
        ("steunpunt:toestemming", "delete"),
        ("steunpunten:overzicht", "post"),
    ],
)
def test_alleen_de_bedoelde_http_methoden(wereld, naam, methode):
    rol = wereld.ouder_rol if naam == "steunpunt:toestemming" else wereld.medewerker
    antwoord = getattr(client_voor(rol), methode)(reverse(naam))
    assert antwoord.status_code == 405


@pytest.mark.parametrize(
    "gegevens",
    [
        {"actie": "geven", "kind": "²-1"},
        {"actie": "geven", "kind": "1-²"},
        {"actie": "geven", "kind": "١-١"},
        {"actie": "geven", "kind": "-1-1"},
        {"actie": "intrekken", "toestemming": "²"},
        {"actie": "intrekken", "toestemming": "-3"},
        {"actie": "weg"},
    ],
)
def test_toestemming_met_vreemde_waarden_geeft_een_nederlandse_melding(wereld, gegevens):
    """Digits int() refuses ('²') or other scripts' digits are a form error, never a 500."""
    from passend.steunpunt.models import Toestemming

    antwoord = client_voor(wereld.ouder_rol).post(reverse("steunpunt:toestemming"), gegevens)
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert (
        "Kies bij welk kind u toestemming geeft." in tekst
        or "Kies opnieuw welke toestemming u wilt intrekken." in tekst
        or "Kies opnieuw wat u wilt doen." in tekst
    )
    assert antwoord.context["form"].errors
    assert not Toestemming.objects.exists()


def test_contactformulier_geeft_nederlandse_meldingen_bij_onbekende_keuzes(wereld):
    antwoord = client_voor(wereld.medewerker).post(
        reverse("steunpunt:contact-nieuw"),
        {
            "revisie": "abc",
            "datum": timezone.localdate().isoformat(),
            "kanaal": "duif",
            "wie": "buurman",
            "themas": ["geen-thema"],
            "leerling": str(wereld.leerling.pk),
            "samenvatting": "Vraag.",
            "doorverwijzing": "nergens",
        },
    )
    assert antwoord.status_code == 200
    assert antwoord.context["form"].errors == {
        "revisie": ["Open het formulier opnieuw: de versie klopt niet."],
        "kanaal": ["Kies uit de lijst hoe het contact was."],
        "wie": ["Kies uit de lijst wie contact zocht."],
        "themas": ["Kies alleen thema's uit de lijst."],
        "leerling": [
            "Kies een kind uit de lijst, of 'Nee, anoniem'. Alleen kinderen met toestemming "
            "van een ouder staan in de lijst."
        ],
        "doorverwijzing": ["Kies een doorverwijzing uit de lijst, of 'Geen'."],
    }


def test_na_intrekken_logt_het_lezen_zonder_de_sleutel_van_het_kind(wereld):
    t, contact = _gekoppeld(wereld)
    toestemming_intrekken(
        actor=actor(wereld.ouder_rol), toestemming_id=t.pk, vandaag=timezone.localdate()
    )
    client = client_voor(wereld.medewerker)
    voor = Toegangsregel.objects.count()
    antwoord = client.get(reverse("steunpunt:contact", args=[contact.sleutel]))
    assert antwoord.status_code == 200 and "Fenna Testkind" not in antwoord.content.decode()
    assert Toegangsregel.objects.count() == voor + 1
    regel = Toegangsregel.objects.latest("pk")
    assert regel.object_id == str(contact.sleutel) and regel.resultaat == "toegestaan"
    assert not regel.leerlingen.exists()
    # The change form does not show the child either: no record with its key.
    laatste = Toegangsregel.objects.latest("pk").pk
    formulier = client.get(reverse("steunpunt:contact-wijzigen", args=[contact.sleutel]))
    assert formulier.status_code == 200 and "Fenna Testkind" not in formulier.content.decode()
    assert not Toegangsregel.objects.filter(
        pk__gt=laatste, leerlingen__leerling_sleutel=wereld.leerling.sleutel
    ).exists()


def test_tweede_ouder_ziet_dat_de_andere_ouder_toestemming_gaf(wereld):
    from passend.accounts.rules import Rolsoort
    from passend.accounts.tests.factories import GebruikerFactory, RolFactory
    from passend.leerlingen.tests.factories import OuderschapFactory

    tweede = GebruikerFactory(username="steun-ouder-twee")
    OuderschapFactory(ouder=tweede, leerling=wereld.leerling, gezag=True)
    tweede_rol = RolFactory(gebruiker=tweede, rolsoort=Rolsoort.OUDER)
    _gekoppeld(wereld)
    url = reverse("steunpunt:toestemming")
    eigen = client_voor(wereld.ouder_rol).get(url).content.decode()
    assert "Ja, u gaf toestemming op" in eigen and "de andere ouder" not in eigen
    ander = client_voor(tweede_rol).get(url).content.decode()
    assert "Ja, de andere ouder gaf toestemming op" in ander
    assert "u gaf toestemming op" not in ander
