import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from passend.accounts.rules import Rolsoort
from passend.accounts.services import koppeling_aanmaken, koppeling_intrekken, rol_toekennen
from passend.accounts.tests.factories import WACHTWOORD, RolFactory, huidige_totp, totp_voor
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory, SchoolFactory

pytestmark = pytest.mark.django_db

LOGIN = "/account/login/"


def _stap_wachtwoord(client, gebruikersnaam, wachtwoord=WACHTWOORD):
    return client.post(
        LOGIN,
        {
            "login_view-current_step": "auth",
            "auth-username": gebruikersnaam,
            "auth-password": wachtwoord,
        },
    )


def test_inloggen_met_wachtwoord_en_totp_leidt_naar_mijn_werk():
    rol = RolFactory(rolsoort=Rolsoort.SCHOOLLEIDER)
    apparaat = totp_voor(rol.gebruiker)
    client = Client()
    antwoord = _stap_wachtwoord(client, rol.gebruiker.username)
    assert antwoord.status_code == 200
    assert "code van 6 cijfers" in antwoord.content.decode()
    antwoord = client.post(
        LOGIN, {"login_view-current_step": "token", "token-otp_token": huidige_totp(apparaat)}
    )
    assert antwoord.status_code == 302
    assert antwoord.url == reverse("accounts:mijn-werk")
    assert client.get(reverse("accounts:mijn-werk")).status_code == 200


def test_verkeerde_totp_code_logt_niet_in():
    rol = RolFactory(rolsoort=Rolsoort.SCHOOLLEIDER)
    totp_voor(rol.gebruiker)
    client = Client()
    _stap_wachtwoord(client, rol.gebruiker.username)
    antwoord = client.post(LOGIN, {"login_view-current_step": "token", "token-otp_token": "000000"})
    assert antwoord.status_code == 200
    assert client.get(reverse("accounts:mijn-werk")).status_code == 302


def test_zonder_tweede_factor_moet_eerst_totp_worden_ingesteld():
    rol = RolFactory(rolsoort=Rolsoort.LERAAR)
    client = Client()
    client.force_login(rol.gebruiker)
    antwoord = client.get(reverse("accounts:mijn-werk"))
    assert antwoord.status_code == 302
    assert antwoord.url == reverse("two_factor:setup")


def test_met_apparaat_maar_niet_geverifieerd_opnieuw_inloggen():
    rol = RolFactory(rolsoort=Rolsoort.LERAAR)
    totp_voor(rol.gebruiker)
    client = Client()
    client.force_login(rol.gebruiker)
    antwoord = client.get(reverse("leerlingen:lijst"))
    assert antwoord.status_code == 302
    assert antwoord.url.startswith(reverse("two_factor:login"))


def test_account_wordt_geblokkeerd_na_vijf_foute_wachtwoorden(settings):
    rol = RolFactory(rolsoort=Rolsoort.LERAAR)
    totp_voor(rol.gebruiker)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _stap_wachtwoord(Client(), rol.gebruiker.username, "fout-wachtwoord-123")
    antwoord = _stap_wachtwoord(Client(), rol.gebruiker.username)
    assert antwoord.status_code == 429
    assert "geblokkeerd" in antwoord.content.decode()


def test_blokkade_is_per_account():
    geblokkeerd = RolFactory(rolsoort=Rolsoort.LERAAR)
    ander = RolFactory(rolsoort=Rolsoort.LERAAR)
    totp_voor(ander.gebruiker)
    for _ in range(5):
        _stap_wachtwoord(Client(), geblokkeerd.gebruiker.username, "fout-wachtwoord-123")
    antwoord = _stap_wachtwoord(Client(), ander.gebruiker.username)
    assert antwoord.status_code == 200
    assert "code van 6 cijfers" in antwoord.content.decode()


def test_rol_wisselen_naar_eigen_rol(maak_client):
    rol = RolFactory(rolsoort=Rolsoort.LERAAR)
    tweede = RolFactory(rolsoort=Rolsoort.LOKET, gebruiker=rol.gebruiker)
    client = maak_client(rol)
    client.post(reverse("accounts:rol-kiezen"), {"rol": tweede.pk})
    antwoord = client.get(reverse("accounts:mijn-werk"))
    assert tweede.samenwerkingsverband.naam in antwoord.content.decode()


def test_rol_van_een_ander_kiezen_kan_niet(maak_client):
    rol = RolFactory(rolsoort=Rolsoort.LERAAR)
    vreemd = RolFactory(rolsoort=Rolsoort.LOKET)
    client = maak_client(rol)
    antwoord = client.post(reverse("accounts:rol-kiezen"), {"rol": vreemd.pk}, follow=True)
    assert "niet meer geldig" in antwoord.content.decode()
    assert vreemd.samenwerkingsverband.naam not in antwoord.content.decode()


def test_verlopen_rol_geeft_geen_toegang(maak_client):
    rol = RolFactory(rolsoort=Rolsoort.LERAAR, tot=datetime.date(2021, 1, 1))
    antwoord = maak_client(rol).get(reverse("accounts:mijn-werk"))
    assert antwoord.status_code == 403


def test_rol_moet_in_het_juiste_soort_organisatie():
    rol = RolFactory.build(
        rolsoort=Rolsoort.LERAAR, school=None, samenwerkingsverband=SamenwerkingsverbandFactory()
    )
    rol.gebruiker.save()
    with pytest.raises(ValidationError) as fout:
        rol.full_clean()
    assert "school" in fout.value.message_dict
    assert "samenwerkingsverband" in fout.value.message_dict


def test_dezelfde_rol_twee_keer_tegelijk_wordt_geweigerd():
    rol = RolFactory(rolsoort=Rolsoort.LERAAR)
    with pytest.raises(ValidationError):
        rol_toekennen(
            gebruiker=rol.gebruiker,
            rolsoort=Rolsoort.LERAAR,
            organisatie=rol.school,
            van=datetime.date(2024, 1, 1),
        )
    rol_toekennen(
        gebruiker=rol.gebruiker,
        rolsoort=Rolsoort.LERAAR,
        organisatie=SchoolFactory(),
        van=datetime.date(2024, 1, 1),
    )


def test_koppeling_token_werkt_en_ingetrokken_token_niet():
    rol = RolFactory(rolsoort=Rolsoort.SCHOOLLEIDER)
    koppeling, token = koppeling_aanmaken(naam="ParnasSys", rol=rol)
    client = Client()
    assert (
        client.get("/api/v1/vestigingen/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 200
    )
    assert client.get("/api/v1/vestigingen/", HTTP_AUTHORIZATION="Token onzin").status_code == 401
    koppeling_intrekken(koppeling=koppeling)
    assert (
        client.get("/api/v1/vestigingen/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 401
    )


def test_alleen_de_hash_van_het_token_wordt_bewaard():
    rol = RolFactory(rolsoort=Rolsoort.SCHOOLLEIDER)
    koppeling, token = koppeling_aanmaken(naam="ParnasSys", rol=rol)
    koppeling.refresh_from_db()
    assert token not in koppeling.token_hash
    assert len(koppeling.token_hash) == 64


def test_commando_koppeling_aanmaken_geeft_een_werkend_token():
    from io import StringIO

    from django.core.management import CommandError, call_command

    rol = RolFactory(rolsoort=Rolsoort.SCHOOLLEIDER)
    uitvoer = StringIO()
    call_command("koppeling_aanmaken", "ParnasSys", "--rol", str(rol.pk), stdout=uitvoer)
    token = uitvoer.getvalue().strip().splitlines()[-1]
    assert (
        Client().get("/api/v1/vestigingen/", HTTP_AUTHORIZATION=f"Token {token}").status_code == 200
    )
    with pytest.raises(CommandError):
        call_command("koppeling_aanmaken", "X", "--rol", "999999", stdout=StringIO())
