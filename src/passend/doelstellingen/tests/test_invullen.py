"""Answering a questionnaire with an anonymous single-use code: the service and the pages."""

import datetime
import re
import threading
import time
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.db.models import QuerySet
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.doelstellingen.models import (
    Antwoord,
    Meting,
    Respons,
    Uitnodiging,
    Vraag,
    Vragenlijst,
)
from passend.doelstellingen.rules import (
    Doelstelling,
    Metingstatus,
    Respondentgroep,
    Schaal,
    code_hash,
)
from passend.doelstellingen.services import meting as metingdiensten
from passend.doelstellingen.services.invullen import (
    CodeGeweigerd,
    CodeOnbekend,
    VragenlijstGesloten,
    antwoorden_opslaan,
)
from passend.doelstellingen.tests.factories import (
    MetingFactory,
    UitnodigingFactory,
    VraagFactory,
    VragenlijstFactory,
)
from passend.doelstellingen.views.invullen import (
    MAX_FOUTE_CODES,
    MAX_FOUTE_CODES_PER_IP,
    SESSIE_CODE,
    SESSIE_VERLOPEN,
    TE_VAAK,
)

#: One message for every code that does not work (unknown, used, wave not open).
ONBEKEND = "Deze code kennen we niet, is al gebruikt, of de vragenlijst is gesloten."
GESLOTEN = ONBEKEND


@pytest.fixture(autouse=True)
def _lege_cache():
    """The per-IP brake counts in the cache; every test starts without wrong codes."""
    cache.clear()
    yield
    cache.clear()


@dataclass
class Lijst:
    vragenlijst: Vragenlijst
    vragen: list[Vraag]
    uitnodiging: Uitnodiging
    code: str


def open_lijst(
    *,
    groep: str = Respondentgroep.OUDER,
    status: str = Metingstatus.OPEN,
    aantal_vragen: int = 3,
    code: str = "ABCD-EFGH-JKMN",
    open_tot: datetime.date | None = None,
) -> Lijst:
    """An open wave of today's year with one questionnaire: its first item on goal 1 (agree
    scale), the others on goal 2 (the last as a mark), and one unused code."""
    vandaag = timezone.localdate()
    meting = MetingFactory(
        jaar=vandaag.year,
        status=status,
        open_van=vandaag - datetime.timedelta(days=3),
        open_tot=open_tot or vandaag + datetime.timedelta(days=10),
    )
    vragenlijst = VragenlijstFactory(meting=meting, respondentgroep=groep)
    vragen = [
        VraagFactory(
            vragenlijst=vragenlijst,
            doelstelling=Doelstelling.ONDERSTEUNINGSBEHOEFTE_LEIDEND
            if i == 0
            else Doelstelling.LEERLING_GEHOORD,
            schaal=Schaal.CIJFER if i == aantal_vragen - 1 and i > 0 else Schaal.EENS_ONEENS,
            tekst=f"Stelling {i + 1} over school.",
            volgorde=i,
        )
        for i in range(aantal_vragen)
    ]
    uitnodiging = UitnodigingFactory(vragenlijst=vragenlijst, code=code)
    return Lijst(vragenlijst=vragenlijst, vragen=vragen, uitnodiging=uitnodiging, code=code)


def veld(vraag: Vraag) -> str:
    return f"vraag_{vraag.pk}"


# --- The service ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_antwoorden_worden_eenmalig_opgeslagen():
    lijst = open_lijst()
    eerste, tweede, cijfer = lijst.vragen
    antwoorden_opslaan(code_hash=code_hash(lijst.code), antwoorden={eerste.pk: 5, cijfer.pk: 8})
    respons = Respons.objects.get()
    assert respons.vragenlijst == lijst.vragenlijst
    assert respons.samenwerkingsverband_id == lijst.uitnodiging.samenwerkingsverband_id
    assert sorted(respons.antwoorden.values_list("vraag_id", "waarde")) == [
        (eerste.pk, 5),
        (cijfer.pk, 8),
    ]
    lijst.uitnodiging.refresh_from_db()
    assert lijst.uitnodiging.gebruikt

    with pytest.raises(CodeOnbekend):
        antwoorden_opslaan(code_hash=code_hash(lijst.code), antwoorden={tweede.pk: 1})
    assert Respons.objects.count() == 1
    assert Antwoord.objects.count() == 2


@pytest.mark.django_db
def test_een_code_mag_anders_geschreven_worden():
    open_lijst()
    antwoorden_opslaan(code_hash=code_hash(" abcd efgh-jkmn "), antwoorden={})
    assert Respons.objects.count() == 1


@pytest.mark.django_db
def test_onbekende_code_wordt_geweigerd():
    open_lijst()
    with pytest.raises(CodeOnbekend):
        antwoorden_opslaan(code_hash=code_hash("ZZZZ-ZZZZ-ZZZZ"), antwoorden={})
    assert not Respons.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("status", [Metingstatus.CONCEPT, Metingstatus.GESLOTEN])
def test_meting_die_niet_loopt_neemt_geen_antwoorden_aan(status):
    lijst = open_lijst(status=status)
    with pytest.raises(VragenlijstGesloten):
        antwoorden_opslaan(code_hash=code_hash(lijst.code), antwoorden={lijst.vragen[0].pk: 4})
    assert not Respons.objects.exists()
    assert not Uitnodiging.objects.get().gebruikt


@pytest.mark.django_db
def test_buiten_de_open_dagen_is_de_vragenlijst_dicht():
    lijst = open_lijst()
    meting = lijst.vragenlijst.meting
    for dag in (
        meting.open_van - datetime.timedelta(days=1),
        meting.open_tot + datetime.timedelta(days=1),
    ):
        with pytest.raises(VragenlijstGesloten):
            antwoorden_opslaan(code_hash=code_hash(lijst.code), antwoorden={}, vandaag=dag)
    # Both edges are open: on the first day the code is accepted (only the bad value is
    # refused, nothing stored), on the last day the answers are stored.
    with pytest.raises(ValidationError):
        antwoorden_opslaan(
            code_hash=code_hash(lijst.code),
            antwoorden={lijst.vragen[0].pk: 9},
            vandaag=meting.open_van,
        )
    antwoorden_opslaan(code_hash=code_hash(lijst.code), antwoorden={}, vandaag=meting.open_tot)
    assert Respons.objects.count() == 1


@pytest.mark.django_db
def test_een_waarde_buiten_de_schaal_slaat_niets_op():
    lijst = open_lijst()
    eerste, _, cijfer = lijst.vragen
    with pytest.raises(ValidationError) as fout:
        antwoorden_opslaan(
            code_hash=code_hash(lijst.code), antwoorden={eerste.pk: 6, cijfer.pk: 10}
        )
    assert set(fout.value.message_dict) == {veld(eerste)}
    assert not Respons.objects.exists()
    assert not Antwoord.objects.exists()
    assert not Uitnodiging.objects.get().gebruikt


@pytest.mark.django_db
def test_een_vraag_van_een_andere_lijst_slaat_niets_op():
    lijst = open_lijst()
    vreemd = VraagFactory()
    with pytest.raises(ValidationError) as fout:
        antwoorden_opslaan(
            code_hash=code_hash(lijst.code), antwoorden={lijst.vragen[0].pk: 4, vreemd.pk: 4}
        )
    assert "hoort niet bij deze vragenlijst" in fout.value.message_dict[veld(vreemd)][0]
    assert not Respons.objects.exists()


@pytest.mark.django_db
def test_de_uitnodiging_wordt_vergrendeld(monkeypatch):
    lijst = open_lijst()
    gevraagd: list[tuple[str, ...]] = []
    origineel = QuerySet.select_for_update

    def spion(self, *args, **kwargs):
        gevraagd.append((self.model.__name__, *kwargs.get("of", ())))
        return origineel(self, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", spion)
    antwoorden_opslaan(code_hash=code_hash(lijst.code), antwoorden={})
    # The wave first, then the invitation: the order meting_sluiten locks them in.
    assert gevraagd == [("Meting", "self"), ("Uitnodiging", "self")]


@pytest.mark.django_db(transaction=True)
def test_twee_gelijktijdige_inzendingen_met_dezelfde_code_slaan_er_een_op():
    """On PostgreSQL two threads (two connections) submit at the same moment; the row lock
    lets exactly one through. SQLite has no row locks (one writer at a time): there the two
    submissions run one after the other and the status guard refuses the second."""
    lijst = open_lijst()
    hash_ = code_hash(lijst.code)
    vraag = lijst.vragen[0]
    uitkomsten: list[str] = []
    start = threading.Barrier(2)

    def insturen(waarde: int) -> None:
        try:
            start.wait(timeout=10)
            antwoorden_opslaan(code_hash=hash_, antwoorden={vraag.pk: waarde})
            uitkomsten.append("opgeslagen")
        except CodeGeweigerd:
            uitkomsten.append("geweigerd")
        finally:
            connections.close_all()

    if connection.vendor == "postgresql":
        draden = [threading.Thread(target=insturen, args=(w,)) for w in (2, 4)]
        for draad in draden:
            draad.start()
        for draad in draden:
            draad.join(timeout=30)
    else:
        for waarde in (2, 4):
            try:
                antwoorden_opslaan(code_hash=hash_, antwoorden={vraag.pk: waarde})
                uitkomsten.append("opgeslagen")
            except CodeGeweigerd:
                uitkomsten.append("geweigerd")
    assert sorted(uitkomsten) == ["geweigerd", "opgeslagen"]
    assert Respons.objects.count() == 1
    assert Antwoord.objects.count() == 1


def _sluiter(meting: Meting) -> Actor:
    rol = RolFactory(rolsoort=Rolsoort.DIRECTEUR, samenwerkingsverband=meting.samenwerkingsverband)
    return Actor(gebruiker=rol.gebruiker, rol=rol)


@pytest.mark.django_db(transaction=True)
def test_sluiten_en_antwoorden_tegelijk_slaat_nooit_na_het_sluiten_op(monkeypatch):
    """Closing and answering at the same moment: the answer is stored before the close, or
    refused; never after it. On PostgreSQL the close holds its locks (the wave, every
    invitation) while the answer arrives on a second connection and waits; when the close
    commits, the answer must see the closed wave. SQLite has no row locks (one writer at a
    time): there the two run one after the other, in both orders."""
    lijst = open_lijst()
    meting = lijst.vragenlijst.meting
    sluiter = _sluiter(meting)
    hash_ = code_hash(lijst.code)
    antwoord = {lijst.vragen[0].pk: 4}

    if connection.vendor == "postgresql":
        gesloten_maar_niet_vastgelegd = threading.Event()
        origineel = metingdiensten._vastleggen

        def traag_vastleggen(*args, **kwargs):
            # Inside meting_sluiten's transaction, after the wave and invitations are
            # updated: hold the locks a while so that the answer has to wait.
            gesloten_maar_niet_vastgelegd.set()
            time.sleep(1.5)
            return origineel(*args, **kwargs)

        monkeypatch.setattr(metingdiensten, "_vastleggen", traag_vastleggen)
        uitkomst: list[str] = []

        def sluiten() -> None:
            try:
                metingdiensten.meting_sluiten(actor=sluiter, meting=meting, revisie=meting.revisie)
            finally:
                connections.close_all()

        def antwoorden() -> None:
            try:
                assert gesloten_maar_niet_vastgelegd.wait(timeout=20)
                antwoorden_opslaan(code_hash=hash_, antwoorden=antwoord)
                uitkomst.append("opgeslagen")
            except VragenlijstGesloten:
                uitkomst.append("geweigerd")
            finally:
                connections.close_all()

        draden = [threading.Thread(target=sluiten), threading.Thread(target=antwoorden)]
        for draad in draden:
            draad.start()
        for draad in draden:
            draad.join(timeout=30)
        assert uitkomst == ["geweigerd"]
        assert not Respons.objects.exists()
        assert not Uitnodiging.objects.get().gebruikt
    else:
        # Answer, then close: stored. Then another code after the close: refused.
        antwoorden_opslaan(code_hash=hash_, antwoorden=antwoord)
        metingdiensten.meting_sluiten(actor=sluiter, meting=meting, revisie=meting.revisie)
        tweede = UitnodigingFactory(vragenlijst=lijst.vragenlijst, code="WXYZ-WXYZ-2345")
        with pytest.raises(VragenlijstGesloten):
            antwoorden_opslaan(code_hash=code_hash("WXYZ-WXYZ-2345"), antwoorden=antwoord)
        tweede.refresh_from_db()
        assert not tweede.gebruikt
        assert Respons.objects.count() == 1
    assert Meting.objects.get().status == Metingstatus.GESLOTEN


@pytest.mark.django_db
@pytest.mark.parametrize("status", [Metingstatus.CONCEPT, Metingstatus.GESLOTEN])
def test_een_gebruikte_code_van_een_dichte_meting_lijkt_op_een_ongebruikte(status):
    """The wave is checked before the use: after closing, a used code gets the same refusal
    as an unused one (and as an unknown one)."""
    lijst = open_lijst()
    antwoorden_opslaan(code_hash=code_hash(lijst.code), antwoorden={lijst.vragen[0].pk: 4})
    UitnodigingFactory(vragenlijst=lijst.vragenlijst, code="WXYZ-WXYZ-2345")
    Meting.objects.update(status=status)
    for code in (lijst.code, "WXYZ-WXYZ-2345"):
        with pytest.raises(VragenlijstGesloten):
            antwoorden_opslaan(code_hash=code_hash(code), antwoorden={})
    meldingen = set()
    for code in (lijst.code, "WXYZ-WXYZ-2345", "ZZZZ-ZZZZ-ZZZZ"):
        html = _code_invullen(Client(), code).content.decode()
        meldingen.add(re.findall(r"Deze code kennen we niet[^<]*", html)[0])
    assert meldingen == {ONBEKEND + " Kijk of de code goed is overgenomen."}


# --- The pages -----------------------------------------------------------------------------


def _code_invullen(client: Client, code: str):
    return client.post(reverse("vragenlijst:start"), {"code": code})


@pytest.mark.django_db
def test_codepagina_is_voor_iedereen():
    antwoord = Client().get(reverse("vragenlijst:start"))
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Vragenlijst invullen" in html
    assert 'for="id_code"' in html
    assert "Uitloggen" not in html and "Mijn werk" not in html


@pytest.mark.django_db
def test_een_lege_code_geeft_een_melding():
    antwoord = Client().post(reverse("vragenlijst:start"), {"code": " "})
    assert antwoord.status_code == 200
    assert "Vul de code van de uitnodiging in." in antwoord.content.decode()


@pytest.mark.django_db
def test_een_goede_code_opent_de_vragenlijst_en_bewaart_alleen_de_hash():
    lijst = open_lijst()
    client = Client()
    antwoord = _code_invullen(client, "abcd efgh jkmn")
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("vragenlijst:invullen")
    assert client.session[SESSIE_CODE] == code_hash(lijst.code)
    opgeslagen = dict(client.session.items())
    assert lijst.code not in str(opgeslagen)
    assert "ABCDEFGHJKMN" not in str(opgeslagen)
    assert "uitnodiging" not in str(opgeslagen).lower()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("geval", "melding"),
    [
        ("onbekend", ONBEKEND),
        ("gebruikt", ONBEKEND),
        ("concept", GESLOTEN),
        ("gesloten", GESLOTEN),
        ("verlopen", GESLOTEN),
    ],
)
def test_een_code_die_niet_werkt_geeft_een_neutrale_melding(geval, melding):
    vandaag = timezone.localdate()
    status = {"concept": Metingstatus.CONCEPT, "gesloten": Metingstatus.GESLOTEN}.get(
        geval, Metingstatus.OPEN
    )
    lijst = open_lijst(status=status)
    if geval == "verlopen":
        meting = lijst.vragenlijst.meting
        type(meting).objects.filter(pk=meting.pk).update(
            open_van=vandaag - datetime.timedelta(days=20),
            open_tot=vandaag - datetime.timedelta(days=1),
        )
    if geval == "gebruikt":
        Uitnodiging.objects.update(gebruikt=True)
    client = Client()
    antwoord = _code_invullen(client, "ZZZZ-ZZZZ-ZZZZ" if geval == "onbekend" else lijst.code)
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert melding in html
    assert 'aria-describedby="id_code-fout' in html
    assert SESSIE_CODE not in client.session


@pytest.mark.django_db
def test_na_te_veel_foute_codes_wacht_de_sessie(monkeypatch):
    lijst = open_lijst()
    client = Client()
    for i in range(MAX_FOUTE_CODES):
        assert ONBEKEND in _code_invullen(client, f"ZZZZ-ZZZZ-{i:04d}").content.decode()
    # Now even the right code is not looked up.
    antwoord = _code_invullen(client, lijst.code)
    assert antwoord.status_code == 200
    assert TE_VAAK in antwoord.content.decode()
    assert SESSIE_CODE not in client.session
    # A quarter of an hour later the session may try again.
    nu = timezone.now().timestamp()
    monkeypatch.setattr("passend.doelstellingen.views.invullen.time.time", lambda: nu + 16 * 60)
    assert _code_invullen(client, lijst.code).status_code == 302


@pytest.mark.django_db
def test_de_vragenlijst_toont_de_vragen_per_doelstelling_met_voortgang():
    lijst = open_lijst()
    client = Client()
    _code_invullen(client, lijst.code)
    html = client.get(reverse("vragenlijst:invullen")).content.decode()
    assert html.count('<h2 class="utrecht-heading-2">') == 2
    assert "Hulp die past bij wat de leerling nodig heeft" in html
    assert "Luisteren naar de leerling" in html
    assert "1. Stelling 1 over school." in html
    assert "Helemaal oneens" in html and "Weet ik niet" in html
    assert "10 (heel goed)" in html
    assert "0 van 3 vragen ingevuld" in html
    assert 'type="radio"' in html
    assert "Er zijn geen goede of foute antwoorden" not in html


@pytest.mark.django_db
def test_de_leerlingenlijst_is_kindvriendelijk():
    lijst = open_lijst(groep=Respondentgroep.LEERLING)
    assert lijst.vragenlijst.kindvriendelijk
    client = Client()
    _code_invullen(client, lijst.code)
    html = client.get(reverse("vragenlijst:invullen")).content.decode()
    assert "Er zijn geen goede of foute antwoorden" in html
    assert "Klopt helemaal niet" in html and "Klopt helemaal" in html
    assert "Helemaal oneens" not in html
    assert "Hulp die bij jou past" in html


@pytest.mark.django_db
def test_tussenstand_telt_zonder_op_te_slaan():
    lijst = open_lijst()
    eerste, tweede, _ = lijst.vragen
    client = Client()
    _code_invullen(client, lijst.code)
    antwoord = client.post(
        reverse("vragenlijst:invullen"),
        {veld(eerste): "4", veld(tweede): "weetniet", "tussenstand": "1"},
    )
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "2 van 3 vragen ingevuld" in html
    assert re.search(r'value="4"[^>]*checked|checked[^>]*value="4"', html)
    assert not Respons.objects.exists()
    assert not Uitnodiging.objects.get().gebruikt


@pytest.mark.django_db
def test_versturen_slaat_op_en_de_code_werkt_daarna_niet_meer():
    lijst = open_lijst()
    eerste, tweede, cijfer = lijst.vragen
    client = Client()
    _code_invullen(client, lijst.code)
    antwoord = client.post(
        reverse("vragenlijst:invullen"),
        {veld(eerste): "4", veld(tweede): "weetniet", veld(cijfer): "7"},
    )
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("vragenlijst:bedankt")
    assert SESSIE_CODE not in client.session
    assert sorted(Antwoord.objects.values_list("vraag_id", "waarde")) == [
        (eerste.pk, 4),
        (cijfer.pk, 7),
    ]
    assert "Bedankt voor het invullen" in client.get(antwoord["Location"]).content.decode()
    # Back to the questionnaire: the code is gone from the session.
    terug = client.get(reverse("vragenlijst:invullen"))
    assert terug.status_code == 302
    assert terug["Location"] == reverse("vragenlijst:start")
    # The same code again, in this or another browser: refused.
    for andere in (client, Client()):
        opnieuw = _code_invullen(andere, lijst.code)
        assert opnieuw.status_code == 200
        assert ONBEKEND in opnieuw.content.decode()
    assert Respons.objects.count() == 1


@pytest.mark.django_db
def test_een_ongeldig_antwoord_geeft_een_melding_bij_de_vraag():
    lijst = open_lijst()
    eerste = lijst.vragen[0]
    client = Client()
    _code_invullen(client, lijst.code)
    antwoord = client.post(reverse("vragenlijst:invullen"), {veld(eerste): "9"})
    assert antwoord.status_code == 200
    html = antwoord.content.decode()
    assert "Niet alles is goed ingevuld" in html
    assert f'aria-describedby="id_{veld(eerste)}-fout"' in html
    assert "Kies een van de antwoorden bij deze vraag." in html
    assert not Respons.objects.exists()


@pytest.mark.django_db
def test_niets_ingevuld_versturen_verbruikt_de_code_niet():
    lijst = open_lijst()
    client = Client()
    _code_invullen(client, lijst.code)
    antwoord = client.post(reverse("vragenlijst:invullen"), {"csrfmiddlewaretoken": "x"})
    assert antwoord.status_code == 200
    assert "U heeft nog niets ingevuld." in antwoord.content.decode()
    assert not Respons.objects.exists()
    assert not Uitnodiging.objects.get().gebruikt
    # Only "Weet ik niet" is an answer too: the code is used, no values are stored.
    antwoord = client.post(
        reverse("vragenlijst:invullen"), {veld(vraag): "weetniet" for vraag in lijst.vragen}
    )
    assert antwoord.status_code == 302
    assert Respons.objects.count() == 1
    assert not Antwoord.objects.exists()


@pytest.mark.django_db
def test_sluit_de_meting_tijdens_het_invullen_dan_wordt_niets_opgeslagen():
    lijst = open_lijst()
    client = Client()
    _code_invullen(client, lijst.code)
    type(lijst.vragenlijst.meting).objects.update(status=Metingstatus.GESLOTEN)
    antwoord = client.post(reverse("vragenlijst:invullen"), {veld(lijst.vragen[0]): "4"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("vragenlijst:start")
    assert GESLOTEN in client.get(antwoord["Location"]).content.decode()
    assert SESSIE_CODE not in client.session
    assert not Respons.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("aantal_vragen", [2, 40])
def test_vragenlijst_pagina_heeft_een_vast_aantal_queries(
    aantal_vragen, django_assert_max_num_queries
):
    lijst = open_lijst(aantal_vragen=aantal_vragen)
    client = Client()
    _code_invullen(client, lijst.code)
    # session read, invitation with questionnaire and wave, the items, session save (3)
    with django_assert_max_num_queries(6):
        assert client.get(reverse("vragenlijst:invullen")).status_code == 200
    antwoorden = {veld(vraag): "3" for vraag in lijst.vragen}
    # + the wave's id, the wave's lock, the invitation's lock, the items, the guarded update,
    # the response, the answers (bulk), savepoints
    with django_assert_max_num_queries(15):
        assert client.post(reverse("vragenlijst:invullen"), antwoorden).status_code == 302
    assert Antwoord.objects.count() == aantal_vragen


@pytest.mark.django_db
def test_de_openbare_paginas_worden_nooit_bewaard():
    """A shared device: after sending, the back button must not bring back the previous
    respondent's answers from a cache (no-store also keeps the page out of the bfcache)."""
    lijst = open_lijst()
    client = Client()
    antwoorden = [
        client.get(reverse("vragenlijst:start")),
        _code_invullen(client, lijst.code),
        client.get(reverse("vragenlijst:invullen")),
        client.post(reverse("vragenlijst:invullen"), {veld(lijst.vragen[0]): "4"}),
        client.get(reverse("vragenlijst:bedankt")),
    ]
    for antwoord in antwoorden:
        assert "no-store" in antwoord["Cache-Control"], antwoord
    assert 'autocomplete="off"' in antwoorden[2].content.decode()


@pytest.mark.django_db
def test_na_te_veel_foute_codes_wacht_het_ip_adres_ook_zonder_cookies():
    lijst = open_lijst()
    for i in range(MAX_FOUTE_CODES_PER_IP):
        # A new client each time: no session brake.
        html = _code_invullen(Client(), f"ZZZZ-ZZZZ-{i:04d}").content.decode()
        assert ONBEKEND in html
    antwoord = _code_invullen(Client(), lijst.code)
    assert antwoord.status_code == 200
    assert TE_VAAK in antwoord.content.decode()
    # Another address is not braked.
    assert _code_invullen(Client(REMOTE_ADDR="192.0.2.7"), lijst.code).status_code == 302
    # A right code does not count; the window ends after a quarter of an hour.
    cache.clear()
    assert _code_invullen(Client(), lijst.code).status_code == 302


@pytest.mark.django_db
def test_verlopen_sessie_geeft_een_melding_op_de_startpagina():
    lijst = open_lijst()
    client = Client()  # no code in the session: it expired while answering
    antwoord = client.post(reverse("vragenlijst:invullen"), {veld(lijst.vragen[0]): "4"})
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("vragenlijst:start")
    html = client.get(antwoord["Location"]).content.decode()
    assert SESSIE_VERLOPEN in html
    assert not Respons.objects.exists()
    # The code still works.
    assert _code_invullen(client, lijst.code).status_code == 302
    # A plain visit without a code gets no such message.
    html = Client().get(reverse("vragenlijst:invullen"), follow=True).content.decode()
    assert SESSIE_VERLOPEN not in html


@pytest.mark.django_db
def test_startpagina_en_meldingen_zeggen_geen_u():
    html = Client().get(reverse("vragenlijst:start")).content.decode()
    tekst = re.sub(r"<[^>]+>", " ", html.split("<main", 1)[1].split("</main>", 1)[0])
    assert not re.search(r"\b(u|uw)\b", tekst, flags=re.IGNORECASE), tekst
    for melding in (ONBEKEND, TE_VAAK, SESSIE_VERLOPEN):
        assert not re.search(r"\b(u|uw)\b", melding, flags=re.IGNORECASE)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("groep", "verwacht", "niet"),
    [
        (Respondentgroep.LEERLING, "Je antwoorden zijn opgeslagen.", "Uw antwoorden"),
        (Respondentgroep.OUDER, "Uw antwoorden zijn opgeslagen.", "Je antwoorden"),
    ],
)
def test_bedankt_spreekt_de_leerling_met_je_aan(groep, verwacht, niet):
    lijst = open_lijst(groep=groep)
    client = Client()
    _code_invullen(client, lijst.code)
    leeg = client.post(
        reverse("vragenlijst:invullen"), {"csrfmiddlewaretoken": "x"}
    ).content.decode()
    if groep == Respondentgroep.LEERLING:
        assert "Je hebt nog niets ingevuld." in leeg and "U heeft" not in leeg
    else:
        assert "U heeft nog niets ingevuld." in leeg
    antwoord = client.post(reverse("vragenlijst:invullen"), {veld(lijst.vragen[0]): "4"})
    html = client.get(antwoord["Location"]).content.decode()
    assert verwacht in html and niet not in html
