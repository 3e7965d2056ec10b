"""The Veilig Thuis guard (measure 12): the service, the pages, who may see what, the
counts for the SWV and the access log."""

import datetime
from dataclasses import dataclass
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.core.models import Resultaat, Toegangsregel
from passend.core.permissions import Geweigerd
from passend.core.tests.scenario import client_voor
from passend.geschillen.models import VeiligThuisMelding
from passend.geschillen.rules import Status
from passend.geschillen.selectors.veilig_thuis import aantallen, cijfers
from passend.geschillen.services.veilig_thuis import melding_vastleggen
from passend.geschillen.tests.factories import OnenigheidFactory, VeiligThuisMeldingFactory
from passend.leerlingen.models import Leerling
from passend.leerlingen.tests.factories import (
    InschrijvingFactory,
    LeerlingFactory,
    OuderschapFactory,
)
from passend.organisaties.models import Vestiging
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)

pytestmark = pytest.mark.django_db

R = Rolsoort
SIGNALEN = "Komt al een week met blauwe plekken op school en wil niet naar huis."
OBJECT_TYPE = "veilig-thuis-melding"


@dataclass
class Wereld:
    swv: Any
    vestiging: Vestiging
    leerling: Leerling
    ib: Rol
    schoolleider: Rol
    directeur: Rol
    ouder: Any
    andere_leerling: Leerling


@pytest.fixture
def wereld() -> Wereld:
    swv = SamenwerkingsverbandFactory()
    vestiging = SwvLidmaatschapFactory(samenwerkingsverband=swv).vestiging
    leerling = LeerlingFactory(voornamen="Noor", achternaam="Testkind")
    InschrijvingFactory(leerling=leerling, vestiging=vestiging)
    ouder = GebruikerFactory()
    OuderschapFactory(ouder=ouder, leerling=leerling)
    andere_leerling = LeerlingFactory(voornamen="Sem", achternaam="Elders")
    InschrijvingFactory(leerling=andere_leerling, vestiging=VestigingFactory())
    return Wereld(
        swv=swv,
        vestiging=vestiging,
        leerling=leerling,
        ib=RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=vestiging.school),
        schoolleider=RolFactory(rolsoort=R.SCHOOLLEIDER, school=vestiging.school),
        directeur=RolFactory(rolsoort=R.DIRECTEUR, samenwerkingsverband=swv),
        ouder=ouder,
        andere_leerling=andere_leerling,
    )


def _actor(rol: Rol) -> Actor:
    return Actor(gebruiker=rol.gebruiker, rol=rol)


def _onenigheid(w: Wereld, **kwargs: Any) -> Any:
    return OnenigheidFactory(
        leerling=w.leerling,
        vestiging=w.vestiging,
        samenwerkingsverband=w.swv,
        gestart_door=w.ouder,
        gestart_op=timezone.localdate() - datetime.timedelta(days=20),
        **kwargs,
    )


def _vastleggen(w: Wereld, *, rol: Rol | None = None, **kwargs: Any) -> VeiligThuisMelding:
    gegevens: dict[str, Any] = {
        "gemeld_op": timezone.localdate(),
        "signalen": SIGNALEN,
        "meldcode_stappen": ["signalen", "gesprek"],
        "bevestiging": False,
        **kwargs,
    }
    return melding_vastleggen(actor=_actor(rol or w.ib), leerling=w.leerling, **gegevens)


def _log(**filters: Any) -> Any:
    return Toegangsregel.objects.filter(object_type=OBJECT_TYPE, **filters)


# --- The guard (service) -------------------------------------------------------------------


def test_zonder_onenigheid_geen_bevestiging_nodig(wereld: Wereld) -> None:
    melding = _vastleggen(wereld, meldcode_stappen=["gesprek", "signalen"])
    assert melding.open_onenigheid is None
    assert melding.bevestiging_signalen is False
    assert melding.vestiging == wereld.vestiging
    # Stored in the meldcode's order.
    assert melding.meldcode_stappen == ["signalen", "gesprek"]
    regel = _log().get()
    assert regel.resultaat == Resultaat.TOEGESTAAN
    assert regel.object_id == str(melding.sleutel)
    assert list(regel.leerlingen.values_list("leerling_sleutel", flat=True)) == [
        wereld.leerling.sleutel
    ]


def test_open_onenigheid_zonder_bevestiging_geweigerd_en_niets_opgeslagen(wereld: Wereld) -> None:
    _onenigheid(wereld)
    with pytest.raises(ValidationError) as fout:
        _vastleggen(wereld, bevestiging=False)
    assert "bevestiging" in fout.value.message_dict
    assert "Er loopt een onenigheid" in fout.value.message_dict["bevestiging"][0]
    assert not VeiligThuisMelding.objects.exists()
    assert not _log().exists()


def test_open_onenigheid_met_bevestiging_vastgelegd_met_de_onenigheid(wereld: Wereld) -> None:
    onenigheid = _onenigheid(wereld)
    melding = _vastleggen(wereld, bevestiging=True)
    assert melding.open_onenigheid == onenigheid
    assert melding.bevestiging_signalen is True
    assert "bevestigd tijdens een open onenigheid" in _log().get().reden


def test_gesloten_onenigheid_vraagt_geen_bevestiging(wereld: Wereld) -> None:
    gisteren = timezone.localdate() - datetime.timedelta(days=1)
    _onenigheid(wereld, status=Status.OPGELOST, afgesloten_op=gisteren)
    melding = _vastleggen(wereld)
    assert melding.open_onenigheid is None


@pytest.mark.parametrize("signalen", ["", "   \n "])
def test_signalen_verplicht(wereld: Wereld, signalen: str) -> None:
    with pytest.raises(ValidationError) as fout:
        _vastleggen(wereld, signalen=signalen)
    assert fout.value.message_dict["signalen"] == [
        "Beschrijf de signalen van een onveilige thuissituatie."
    ]
    assert not VeiligThuisMelding.objects.exists()


def test_onbekende_stap_geweigerd(wereld: Wereld) -> None:
    with pytest.raises(ValidationError) as fout:
        _vastleggen(wereld, meldcode_stappen=["signalen", "aangifte"])
    assert fout.value.message_dict["meldcode_stappen"] == ["Kies alleen stappen van de meldcode."]
    assert not VeiligThuisMelding.objects.exists()


@pytest.mark.parametrize(
    ("datum", "melding"),
    [
        (None, "Vul de datum van de melding in."),
        (
            datetime.date.today() + datetime.timedelta(days=400),
            "De datum van de melding kan niet in de toekomst liggen.",
        ),
    ],
)
def test_datum(wereld: Wereld, datum: Any, melding: str) -> None:
    with pytest.raises(ValidationError) as fout:
        _vastleggen(wereld, gemeld_op=datum)
    assert fout.value.message_dict["gemeld_op"] == [melding]


def test_alle_fouten_tegelijk(wereld: Wereld) -> None:
    _onenigheid(wereld)
    with pytest.raises(ValidationError) as fout:
        _vastleggen(wereld, signalen="", meldcode_stappen=["x"], gemeld_op=None)
    assert set(fout.value.message_dict) == {
        "signalen",
        "meldcode_stappen",
        "bevestiging",
        "gemeld_op",
    }


@pytest.mark.parametrize(
    "rolsoort", [R.LERAAR, R.BESTUURDER, R.LOKET, R.DIRECTEUR, R.LEERPLICHTAMBTENAAR]
)
def test_andere_rollen_leggen_niets_vast(wereld: Wereld, rolsoort: str) -> None:
    rol = RolFactory(rolsoort=rolsoort)
    with pytest.raises(Geweigerd):
        _vastleggen(wereld, rol=rol)
    assert not VeiligThuisMelding.objects.exists()


def test_ib_van_een_andere_school_legt_niets_vast(wereld: Wereld) -> None:
    rol = RolFactory(rolsoort=R.INTERN_BEGELEIDER)
    with pytest.raises(Geweigerd):
        _vastleggen(wereld, rol=rol)
    assert not VeiligThuisMelding.objects.exists()


# --- The pages ----------------------------------------------------------------------------


def _pagina(w: Wereld, leerling: Leerling | None = None) -> str:
    return reverse("geschillen:veilig-thuis", kwargs={"leerling": (leerling or w.leerling).sleutel})


def _post(w: Wereld, client: Client, **extra: Any) -> Any:
    data = {
        "gemeld_op": timezone.localdate().isoformat(),
        "signalen": SIGNALEN,
        "meldcode_stappen": ["signalen", "consultatie"],
        **extra,
    }
    return client.post(_pagina(w), data)


def test_pagina_toont_meldcode_en_formulier(wereld: Wereld) -> None:
    antwoord = client_voor(wereld.ib).get(_pagina(wereld))
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "nooit op een onenigheid over passend onderwijs (maatregel 12)" in tekst
    assert "0800-2000" in tekst
    assert "Stap 5: beslist" in tekst
    assert 'name="signalen"' in tekst
    # No disagreement: no confirmation asked.
    assert 'name="bevestiging"' not in tekst
    regel = _log().get()
    assert (regel.actie, regel.resultaat) == ("lezen", Resultaat.TOEGESTAAN)


def test_pagina_met_open_onenigheid_vraagt_bevestiging(wereld: Wereld) -> None:
    _onenigheid(wereld)
    tekst = client_voor(wereld.schoolleider).get(_pagina(wereld)).content.decode()
    assert "Er loopt een onenigheid met de ouders over deze leerling" in tekst
    assert 'name="bevestiging"' in tekst


def test_post_zonder_bevestiging_geweigerd_daarna_bevestigd(wereld: Wereld) -> None:
    onenigheid = _onenigheid(wereld)
    client = client_voor(wereld.ib)
    antwoord = _post(wereld, client)
    assert antwoord.status_code == 200
    assert "Bevestig dat de melding berust op signalen" in antwoord.content.decode()
    assert not VeiligThuisMelding.objects.exists()
    regel = _log().get()
    assert regel.actie == "aanmaken" and "niet opgeslagen" in regel.reden

    antwoord = _post(wereld, client, bevestiging="on")
    assert antwoord.status_code == 302
    melding = VeiligThuisMelding.objects.get()
    assert melding.open_onenigheid == onenigheid
    assert melding.vastgelegd_door == wereld.ib.gebruiker
    assert _log().count() == 2


def test_post_zonder_signalen_toont_fout(wereld: Wereld) -> None:
    antwoord = _post(wereld, client_voor(wereld.ib), signalen="")
    assert antwoord.status_code == 200
    assert "Beschrijf de signalen van een onveilige thuissituatie." in antwoord.content.decode()
    assert not VeiligThuisMelding.objects.exists()


def test_post_onbekende_stap_toont_fout(wereld: Wereld) -> None:
    antwoord = _post(wereld, client_voor(wereld.ib), meldcode_stappen=["signalen", "aangifte"])
    assert antwoord.status_code == 200
    assert "Kies alleen stappen van de meldcode." in antwoord.content.decode()
    assert not VeiligThuisMelding.objects.exists()


def test_lijst_zonder_signalen_detail_met(wereld: Wereld) -> None:
    melding = VeiligThuisMeldingFactory(
        leerling=wereld.leerling,
        vestiging=wereld.vestiging,
        signalen="Geheim signaal xyz",
        meldcode_stappen=["signalen"],
        gemeld_op=datetime.date(2025, 3, 4),
    )
    client = client_voor(wereld.ib)
    lijst = client.get(_pagina(wereld)).content.decode()
    assert "04-03-2025" in lijst
    assert "Stap 1: de signalen in kaart gebracht" in lijst
    assert "Geheim signaal xyz" not in lijst
    detail = client.get(reverse("geschillen:veilig-thuis-melding", args=[melding.sleutel]))
    assert detail.status_code == 200
    assert "Geheim signaal xyz" in detail.content.decode()
    assert _log(object_id=str(melding.sleutel), actie="lezen").count() == 1


@pytest.mark.parametrize(
    "rolsoort",
    [
        R.LERAAR,
        R.BESTUURDER,
        R.LOKET,
        R.DIRECTEUR,
        R.COMMISSIELID,
        R.LEERPLICHTAMBTENAAR,
        R.JEUGDHULP,
        R.STEUNPUNTMEDEWERKER,
        R.INSPECTEUR,
    ],
)
def test_andere_rollen_zien_geen_inhoud(wereld: Wereld, rolsoort: str) -> None:
    melding = VeiligThuisMeldingFactory(leerling=wereld.leerling, vestiging=wereld.vestiging)
    kwargs: dict[str, Any] = {}
    if rolsoort in (R.LERAAR,):
        kwargs["school"] = wereld.vestiging.school
    elif rolsoort in (R.LOKET, R.DIRECTEUR, R.COMMISSIELID, R.STEUNPUNTMEDEWERKER):
        kwargs["samenwerkingsverband"] = wereld.swv
    client = client_voor(RolFactory(rolsoort=rolsoort, **kwargs))
    for url in (
        _pagina(wereld),
        reverse("geschillen:veilig-thuis-melding", args=[melding.sleutel]),
    ):
        antwoord = client.get(url)
        assert antwoord.status_code == 403
        assert SIGNALEN not in antwoord.content.decode()
    assert _post(wereld, client, bevestiging="on").status_code == 403
    assert VeiligThuisMelding.objects.count() == 1
    assert _log(resultaat=Resultaat.GEWEIGERD).count() == 3


def test_ouder_ziet_geen_melding(wereld: Wereld) -> None:
    melding = VeiligThuisMeldingFactory(leerling=wereld.leerling, vestiging=wereld.vestiging)
    rol = RolFactory(rolsoort=R.OUDER, gebruiker=wereld.ouder)
    client = client_voor(rol)
    assert client.get(_pagina(wereld)).status_code == 403
    assert (
        client.get(reverse("geschillen:veilig-thuis-melding", args=[melding.sleutel])).status_code
        == 403
    )


def test_leerling_van_een_andere_school_404(wereld: Wereld) -> None:
    melding = VeiligThuisMeldingFactory(leerling=wereld.andere_leerling)
    client = client_voor(wereld.ib)
    assert client.get(_pagina(wereld, wereld.andere_leerling)).status_code == 404
    assert (
        client.get(reverse("geschillen:veilig-thuis-melding", args=[melding.sleutel])).status_code
        == 404
    )
    antwoord = client.post(_pagina(wereld, wereld.andere_leerling), {"signalen": SIGNALEN})
    assert antwoord.status_code == 404
    assert VeiligThuisMelding.objects.count() == 1
    geweigerd = _log(resultaat=Resultaat.GEWEIGERD)
    assert geweigerd.count() == 3
    # The refusals name no pupil (the existence is not revealed, not even in the log).
    assert not any(r.leerlingen.exists() for r in geweigerd)


def test_nieuwe_school_ziet_eerdere_meldingen_oude_school_niet(wereld: Wereld) -> None:
    melding = VeiligThuisMeldingFactory(leerling=wereld.leerling, vestiging=wereld.vestiging)
    nieuw = VestigingFactory()
    inschrijving = wereld.leerling.inschrijvingen.get()
    inschrijving.tot = timezone.localdate() - datetime.timedelta(days=1)
    inschrijving.save()
    InschrijvingFactory(leerling=wereld.leerling, vestiging=nieuw, van=timezone.localdate())
    url = reverse("geschillen:veilig-thuis-melding", args=[melding.sleutel])
    assert client_voor(wereld.ib).get(url).status_code == 404
    ib_nieuw = RolFactory(rolsoort=R.INTERN_BEGELEIDER, school=nieuw.school)
    assert client_voor(ib_nieuw).get(url).status_code == 200


def test_anoniem_naar_inloggen(wereld: Wereld) -> None:
    antwoord = Client().get(_pagina(wereld))
    assert antwoord.status_code == 302
    assert not VeiligThuisMelding.objects.exists()


# --- Counts for the SWV -----------------------------------------------------------------------


def _meldingen(w: Wereld, aantal: int, dag: datetime.date, *, tijdens: bool = False) -> None:
    onenigheid = _onenigheid(w) if tijdens else None
    for _ in range(aantal):
        VeiligThuisMeldingFactory(
            leerling=w.leerling,
            vestiging=w.vestiging,
            gemeld_op=dag,
            open_onenigheid=onenigheid,
            bevestiging_signalen=tijdens,
        )


def test_aantallen_voor_de_monitor(wereld: Wereld) -> None:
    _meldingen(wereld, 3, datetime.date(2025, 9, 1))
    _meldingen(wereld, 2, datetime.date(2025, 10, 1), tijdens=True)
    _meldingen(wereld, 4, datetime.date(2024, 9, 1))
    # A location outside the region does not count.
    VeiligThuisMeldingFactory(gemeld_op=datetime.date(2025, 9, 1))
    assert aantallen(
        samenwerkingsverband=wereld.swv,
        van=datetime.date(2025, 8, 1),
        tot=datetime.date(2026, 7, 31),
    ) == {"totaal": 5, "tijdens_onenigheid": 2}
    assert aantallen(
        samenwerkingsverband=SamenwerkingsverbandFactory(),
        van=datetime.date(2020, 1, 1),
        tot=datetime.date(2030, 1, 1),
    ) == {"totaal": 0, "tijdens_onenigheid": 0}


def test_aantallen_tellen_lidmaatschap_op_de_meldingsdatum(wereld: Wereld) -> None:
    lid = wereld.vestiging.lidmaatschappen.get()
    lid.tot = datetime.date(2025, 7, 31)
    lid.save()
    _meldingen(wereld, 1, datetime.date(2025, 7, 31))
    _meldingen(wereld, 1, datetime.date(2025, 8, 1))
    assert aantallen(
        samenwerkingsverband=wereld.swv,
        van=datetime.date(2025, 1, 1),
        tot=datetime.date(2025, 12, 31),
    ) == {"totaal": 1, "tijdens_onenigheid": 0}


def test_cijfers_per_kwartaal_en_schooljaar_met_onderdrukking(wereld: Wereld, settings) -> None:
    settings.PASSEND = {**settings.PASSEND, "KLEINE_CEL_GRENS": 3}
    _meldingen(wereld, 3, datetime.date(2025, 9, 1))
    _meldingen(wereld, 1, datetime.date(2025, 9, 2), tijdens=True)
    _meldingen(wereld, 2, datetime.date(2025, 10, 1))
    uitkomst = cijfers(samenwerkingsverband=wereld.swv, peildatum=datetime.date(2026, 2, 1))
    assert uitkomst["van"] == datetime.date(2024, 8, 1)
    kwartalen = {r["periode"]: r for r in uitkomst["per_kwartaal"]}
    assert list(kwartalen) == [
        "2024-2025 K1 (aug–okt)",
        "2024-2025 K2 (nov–jan)",
        "2024-2025 K3 (feb–apr)",
        "2024-2025 K4 (mei–jul)",
        "2025-2026 K1 (aug–okt)",
        "2025-2026 K2 (nov–jan)",
        "2025-2026 K3 (feb–apr)",
    ]
    # 3 + 1 + 2 reports in aug–okt 2025: 6, of which 1 during a disagreement (suppressed).
    assert kwartalen["2025-2026 K1 (aug–okt)"]["totaal"] == 6
    assert kwartalen["2025-2026 K1 (aug–okt)"]["tijdens_onenigheid"] is None
    assert kwartalen["2025-2026 K3 (feb–apr)"]["totaal"] == 0
    jaren = {r["periode"]: r for r in uitkomst["per_schooljaar"]}
    assert jaren == {
        "2024-2025": {"periode": "2024-2025", "totaal": 0, "tijdens_onenigheid": 0},
        # The year's "during" cell would give away the suppressed quarter: hidden too.
        "2025-2026": {"periode": "2025-2026", "totaal": 6, "tijdens_onenigheid": None},
    }


def test_een_onderdrukt_kwartaal_is_niet_terug_te_rekenen_uit_het_schooljaar(
    wereld: Wereld, settings
) -> None:
    """Secondary suppression: with one quarter hidden, the year is hidden as well, so no
    hidden count equals a shown year minus shown quarters."""
    settings.PASSEND = {**settings.PASSEND, "KLEINE_CEL_GRENS": 3}
    _meldingen(wereld, 4, datetime.date(2025, 9, 1))  # K1: shown
    _meldingen(wereld, 2, datetime.date(2025, 12, 1))  # K2: hidden (2 < 3)
    _meldingen(wereld, 5, datetime.date(2026, 3, 2), tijdens=True)  # K3: shown
    uitkomst = cijfers(samenwerkingsverband=wereld.swv, peildatum=datetime.date(2026, 7, 31))
    for jaar in uitkomst["per_schooljaar"]:
        kwartalen = [
            r for r in uitkomst["per_kwartaal"] if r["periode"].startswith(jaar["periode"])
        ]
        assert len(kwartalen) == 4  # the quarters nest exactly in the school year
        for kolom in ("totaal", "tijdens_onenigheid"):
            verborgen = [r for r in kwartalen if r[kolom] is None]
            if verborgen:
                assert jaar[kolom] is None
            else:
                assert jaar[kolom] == sum(r[kolom] for r in kwartalen)
    jaren = {r["periode"]: r for r in uitkomst["per_schooljaar"]}
    assert jaren["2025-2026"] == {"periode": "2025-2026", "totaal": None, "tijdens_onenigheid": 5}
    # The monitor's raw count comes from the same monthly query.
    assert aantallen(
        samenwerkingsverband=wereld.swv,
        van=datetime.date(2025, 8, 1),
        tot=datetime.date(2026, 7, 31),
    ) == {"totaal": 11, "tijdens_onenigheid": 5}


def test_cijferpagina_voor_de_directeur(wereld: Wereld, settings) -> None:
    settings.PASSEND = {**settings.PASSEND, "KLEINE_CEL_GRENS": 2}
    vandaag = timezone.localdate()
    _meldingen(wereld, 3, vandaag)
    antwoord = client_voor(wereld.directeur).get(reverse("geschillen:veilig-thuis-cijfers"))
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert SIGNALEN not in tekst
    assert wereld.leerling.achternaam not in tekst
    assert ">3</td>" in tekst
    regel = Toegangsregel.objects.get(object_type="veilig-thuis-cijfers")
    assert regel.resultaat == Resultaat.TOEGESTAAN
    assert not regel.leerlingen.exists()


@pytest.mark.parametrize("rolsoort", [R.LOKET, R.COMMISSIELID, R.INTERN_BEGELEIDER, R.OUDER])
def test_cijferpagina_alleen_voor_de_directeur(wereld: Wereld, rolsoort: str) -> None:
    antwoord = client_voor(RolFactory(rolsoort=rolsoort)).get(
        reverse("geschillen:veilig-thuis-cijfers")
    )
    assert antwoord.status_code == 403
    assert Toegangsregel.objects.get(object_type="veilig-thuis-cijfers").resultaat == (
        Resultaat.GEWEIGERD
    )


# --- The guard looks at the report's date (second review, finding 2) -----------------------


def test_onenigheid_open_op_de_meldingsdatum_vraagt_bevestiging_ook_al_is_zij_nu_dicht(
    wereld: Wereld,
) -> None:
    vandaag = timezone.localdate()
    onenigheid = _onenigheid(
        wereld, status=Status.OPGELOST, afgesloten_op=vandaag - datetime.timedelta(days=5)
    )
    gemeld_op = vandaag - datetime.timedelta(days=10)
    with pytest.raises(ValidationError) as fout:
        _vastleggen(wereld, gemeld_op=gemeld_op)
    assert "bevestiging" in fout.value.message_dict
    melding = _vastleggen(wereld, gemeld_op=gemeld_op, bevestiging=True)
    assert melding.open_onenigheid == onenigheid


def test_onenigheid_die_na_de_meldingsdatum_begon_telt_niet(wereld: Wereld) -> None:
    _onenigheid(wereld)  # started 20 days ago, still open
    melding = _vastleggen(wereld, gemeld_op=timezone.localdate() - datetime.timedelta(days=30))
    assert melding.open_onenigheid is None


def test_meldingsdatum_hoogstens_een_jaar_terug(wereld: Wereld) -> None:
    with pytest.raises(ValidationError) as fout:
        _vastleggen(wereld, gemeld_op=timezone.localdate() - datetime.timedelta(days=400))
    assert "meer dan een jaar geleden" in fout.value.message_dict["gemeld_op"][0]
    assert not VeiligThuisMelding.objects.exists()


def test_pagina_vraagt_bevestiging_voor_een_onenigheid_open_op_de_meldingsdatum(
    wereld: Wereld,
) -> None:
    vandaag = timezone.localdate()
    _onenigheid(wereld, status=Status.OPGELOST, afgesloten_op=vandaag - datetime.timedelta(days=5))
    client = client_voor(wereld.ib)
    url = reverse("geschillen:veilig-thuis", kwargs={"leerling": wereld.leerling.sleutel})
    antwoord = client.post(
        url,
        {
            "gemeld_op": (vandaag - datetime.timedelta(days=10)).isoformat(),
            "signalen": SIGNALEN,
            "meldcode_stappen": ["signalen"],
        },
    )
    assert antwoord.status_code == 200
    assert 'name="bevestiging"' in antwoord.content.decode()
    assert not VeiligThuisMelding.objects.exists()
