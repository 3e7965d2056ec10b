"""The verzuim report page and the Leerplichttelling export: who sees which figures, the
access-log records, period validation, the CSV read back, and a bounded number of queries."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.core.models import Toegangsregel
from passend.core.tests.scenario import client_voor
from passend.leerlingen.models import Leerling
from passend.organisaties.tests.factories import GemeenteFactory, SamenwerkingsverbandFactory
from passend.verzuim.models import Partner, Verzuimmelding
from passend.verzuim.rules import Reden, Verzuimsoort, schooljaar_grenzen, schooljaar_van
from passend.verzuim.tests.factories import PartnerFactory
from passend.verzuim.tests.test_cijfers import Telwereld, maak_telwereld
from passend.verzuim.views.rapportage import TELLING_KOLOMMEN

pytestmark = pytest.mark.django_db

R = Rolsoort
RAPPORTAGE = reverse("verzuim:rapportage")
TELLING = reverse("verzuim:leerplichttelling")
JAAR = {"schooljaar": "2025-2026"}


@pytest.fixture
def telwereld() -> Telwereld:
    return maak_telwereld()


def _swv_client(swv, rolsoort=R.LOKET):
    return client_voor(RolFactory(rolsoort=rolsoort, samenwerkingsverband=swv))


def _lpa_client(gemeente):
    return client_voor(RolFactory(rolsoort=R.LEERPLICHTAMBTENAAR, gemeente=gemeente))


def _regels(route: str):
    return list(Toegangsregel.objects.filter(route=route).prefetch_related("leerlingen"))


def _sleutels(regel) -> set:
    return {r.leerling_sleutel for r in regel.leerlingen.all()}


# --- The report page ----------------------------------------------------------------------


def test_swv_ziet_de_cijfers_van_de_eigen_regio_en_een_leesregel(telwereld):
    # Surnames no user's name can contain (random factory names sometimes overlap with
    # the name of the logged-in person in the page header).
    for nummer, leerling in enumerate(Leerling.objects.order_by("pk")):
        leerling.achternaam = f"Qxleerling{nummer:03d}"
        leerling.save(update_fields=["achternaam"])
    antwoord = _swv_client(telwereld.swv).get(RAPPORTAGE, JAAR)
    assert antwoord.status_code == 200
    cijfers = antwoord.context["cijfers"]
    assert cijfers["thuiszitters"]["totaal"] == 3
    assert str(cijfers["thuiszitters"]["per_duizend"]) == "6.0"
    tekst = antwoord.content.decode()
    assert "thuiszitters per 1.000 leerlingen (3 op 500 leerlingen)" in tekst
    assert 'class="passend-grafiek"' in tekst and "<th" in tekst
    (regel,) = _regels("verzuim:rapportage")
    assert regel.actie == "lezen" and regel.resultaat == "toegestaan"
    eigen = set(
        Verzuimmelding.objects.filter(samenwerkingsverband=telwereld.swv)
        .exclude(meldnummer="2025-007")
        .values_list("leerling__sleutel", flat=True)
    )
    assert _sleutels(regel) == eigen
    # Aggregates only: no pupil's name on the page.
    for leerling in Leerling.objects.all():
        assert leerling.achternaam not in tekst


def test_standaard_het_lopende_schooljaar(telwereld):
    antwoord = _swv_client(telwereld.swv, R.DIRECTEUR).get(RAPPORTAGE)
    assert antwoord.status_code == 200
    lopend = schooljaar_van(timezone.localdate())
    cijfers = antwoord.context["cijfers"]
    assert (cijfers["van"], cijfers["tot"]) == schooljaar_grenzen(lopend)
    assert antwoord.context["form"]["schooljaar"].value() == lopend


def test_leerplichtambtenaar_ziet_de_eigen_gemeente(telwereld):
    antwoord = _lpa_client(telwereld.gemeente).get(RAPPORTAGE, JAAR)
    assert antwoord.context["cijfers"]["aantal_meldingen"] == 7
    assert antwoord.context["cijfers"]["leerlingen"]["aantal"] == 1500


def test_leerplichtambtenaar_van_een_andere_gemeente_ziet_niets(telwereld):
    antwoord = _lpa_client(GemeenteFactory(naam="Elders")).get(RAPPORTAGE, JAAR)
    cijfers = antwoord.context["cijfers"]
    assert cijfers["aantal_meldingen"] == 0
    assert cijfers["leerling_sleutels"] == []
    assert "aantal leerlingen is niet bekend" in antwoord.content.decode()


def test_een_ander_swv_ziet_niets_van_deze_regio(telwereld):
    antwoord = _swv_client(SamenwerkingsverbandFactory()).get(RAPPORTAGE, JAAR)
    assert antwoord.context["cijfers"]["aantal_meldingen"] == 0
    assert antwoord.context["cijfers"]["thuiszitters"]["totaal"] == 0


@pytest.mark.parametrize("rolsoort", [R.INTERN_BEGELEIDER, R.COMMISSIELID, R.JEUGDHULP])
def test_andere_rollen_krijgen_een_vastgelegde_weigering(telwereld, rolsoort):
    rol = RolFactory(rolsoort=rolsoort)
    antwoord = client_voor(rol).get(RAPPORTAGE)
    assert antwoord.status_code == 403
    (regel,) = _regels("verzuim:rapportage")
    assert regel.resultaat == "geweigerd" and regel.gebruiker_id == rol.gebruiker_id


@pytest.mark.parametrize(
    ("invoer", "veld", "melding"),
    [
        ({"van": "2025-08-01"}, "tot", "Vul ook de einddatum in"),
        ({"tot": "2025-08-01"}, "van", "Vul ook de begindatum in"),
        ({"van": "2026-01-01", "tot": "2025-08-01"}, "tot", "vóór de begindatum"),
        ({"van": "2020-08-01", "tot": "2025-08-01"}, "tot", "hoogstens 5 jaar"),
        ({"van": "gisteren", "tot": "2025-08-01"}, "van", "Vul een geldige datum in"),
        ({"schooljaar": "1999-2000"}, "schooljaar", "Kies een schooljaar uit de lijst"),
    ],
)
def test_ongeldige_periode_toont_fouten_en_geen_cijfers(telwereld, invoer, veld, melding):
    antwoord = _swv_client(telwereld.swv).get(RAPPORTAGE, invoer)
    assert antwoord.status_code == 200
    assert melding in " ".join(antwoord.context["form"].errors[veld])
    assert "cijfers" not in antwoord.context
    assert "Niet alles is goed ingevuld" in antwoord.content.decode()
    assert _regels("verzuim:rapportage") == []


def test_periode_van_precies_vijf_jaar_mag(telwereld):
    antwoord = _swv_client(telwereld.swv).get(
        RAPPORTAGE, {"van": "2021-08-01", "tot": "2026-07-31"}
    )
    assert antwoord.context["cijfers"]["aantal_meldingen"] == 7


# --- Bounded queries ----------------------------------------------------------------------


def _veel_meldingen(w: Telwereld, aantal: int) -> None:
    ib = GebruikerFactory()
    leerlingen = Leerling.objects.bulk_create(
        Leerling(
            voornamen=f"Voornaam{i}",
            achternaam=f"Achternaam{i}",
            geboortedatum=datetime.date(2014, 1, 1),
            postcode="3511 AB",
        )
        for i in range(aantal)
    )
    Verzuimmelding.objects.bulk_create(
        Verzuimmelding(
            meldnummer=f"2025-{i + 100}",
            leerling=leerling,
            samenwerkingsverband=w.swv,
            vestiging=w.v1 if i % 2 else w.v2,
            schoolbestuur=(w.v1 if i % 2 else w.v2).school.bestuur,
            gemeente=w.gemeente,
            soort=Verzuimsoort.RELATIEF,
            sinds=datetime.date(2025, 9, 1) + datetime.timedelta(days=i % 200),
            reden=Reden.PSYCHISCH,
            gemeld_door=ib,
        )
        for i, leerling in enumerate(leerlingen)
    )


# Measured + a margin of 2: session, user, second factor, role, the cases, the pupil count,
# the access-log record (with its savepoint), the session save. Not counted: the inserts of
# the access log's pupil keys, which the database takes in as few bulk statements as it
# allows (one on PostgreSQL; SQLite batches at 999 parameters, so 500 keys take two).
MAX_RAPPORTAGE = 14  # measured 12
MAX_TELLING = 13  # measured 11
SLEUTELREGELS = 'INSERT INTO "core_toegangsregelleerling"'


def _queries(client, url, params) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as context:
        antwoord = client.get(url, params)
    return sum(1 for q in context.captured_queries if SLEUTELREGELS not in q["sql"]), antwoord


@pytest.mark.parametrize("aantal", [5, 500])
def test_rapportage_heeft_een_vast_aantal_queries(telwereld, aantal):
    _veel_meldingen(telwereld, aantal)
    gedaan, antwoord = _queries(_swv_client(telwereld.swv), RAPPORTAGE, JAAR)
    assert gedaan <= MAX_RAPPORTAGE
    assert antwoord.context["cijfers"]["aantal_meldingen"] == 6 + aantal


@pytest.mark.parametrize("aantal", [5, 500])
def test_leerplichttelling_heeft_een_vast_aantal_queries(telwereld, aantal):
    _veel_meldingen(telwereld, aantal)
    rol = RolFactory(rolsoort=R.LEERPLICHTAMBTENAAR, gemeente=telwereld.gemeente)
    Partner.objects.bulk_create(
        Partner(melding=m, gebruiker=rol.gebruiker, naam="Leerplicht", van=m.sinds)
        for m in Verzuimmelding.objects.filter(meldnummer__gte="2025-100")
    )
    gedaan, antwoord = _queries(client_voor(rol), TELLING, JAAR)
    assert gedaan <= MAX_TELLING
    assert antwoord.status_code == 200
    assert len(antwoord.content.decode("utf-8-sig").splitlines()) > aantal


# --- The Leerplichttelling ----------------------------------------------------------------


def _lees_csv(antwoord) -> tuple[list[list[str]], list[dict[str, str]]]:
    """The summary block and the case rows of the file."""
    assert antwoord.content.startswith("\ufeff".encode())
    tekst = antwoord.content.decode("utf-8-sig")
    samenvatting, rijen = tekst.split("\r\n\r\n" + ";".join(TELLING_KOLOMMEN) + "\r\n")
    blok = list(csv.reader(io.StringIO(samenvatting), delimiter=";"))
    regels = list(
        csv.DictReader(io.StringIO(";".join(TELLING_KOLOMMEN) + "\r\n" + rijen), delimiter=";")
    )
    return blok, regels


def _lpa_partner_in(w: Telwereld, *meldnummers: str):
    """A leerplichtambtenaar of the municipality who is a running partner in these cases."""
    rol = RolFactory(rolsoort=R.LEERPLICHTAMBTENAAR, gemeente=w.gemeente)
    for melding in Verzuimmelding.objects.filter(meldnummer__in=meldnummers):
        PartnerFactory(melding=melding, gebruiker=rol.gebruiker, van=melding.sinds)
    return rol


def test_leerplichtambtenaar_downloadt_de_telling_van_de_eigen_gemeente(telwereld):
    """The summary covers every case in the municipality; rows only the cases the
    leerplichtambtenaar is a running partner in (an ended partnership gives no row)."""
    rol = _lpa_partner_in(telwereld, "2025-005", "2025-003", "2025-008")
    PartnerFactory(
        melding=Verzuimmelding.objects.get(meldnummer="2025-001"),
        gebruiker=rol.gebruiker,
        van=datetime.date(2025, 9, 1),
        tot=datetime.date(2025, 9, 30),
    )
    antwoord = client_voor(rol).get(TELLING, JAAR)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    assert "leerplichttelling-9301-2025-2026.csv" in antwoord["Content-Disposition"]
    blok, regels = _lees_csv(antwoord)
    assert blok[0] == ["Leerplichttelling", "Telstad", "2025-2026"]
    samenvatting = {(r[0], r[1]): r[2] for r in blok if len(r) == 3 and r[0] != "Leerplichttelling"}
    assert samenvatting[("totaal", "meldingen")] == "7"
    assert samenvatting[("thuiszitters", "totaal")] == "4"
    assert samenvatting[("thuiszitters", "absoluut verzuim")] == "2"
    assert samenvatting[("soort", "Vrijstelling 5 onder a")] == "1"
    assert samenvatting[("reden", "Geen passend onderwijsaanbod")] == "7"
    assert samenvatting[("duur", "26 weken of langer")] == "3"
    assert [r["meldnummer"] for r in regels] == ["2025-005", "2025-008", "2025-003"]
    drie = next(r for r in regels if r["meldnummer"] == "2025-003")
    melding = Verzuimmelding.objects.get(meldnummer="2025-003")
    assert drie == {
        "meldnummer": "2025-003",
        "leerling": str(melding.leerling.sleutel),
        "geboortejaar": str(melding.leerling.geboortedatum.year),
        "soort": "Langdurig relatief verzuim",
        "sinds": "2025-11-01",
        "einde": "2026-01-15",
        "weken": "10.9",
        "reden": "Geen passend onderwijsaanbod",
        "uitkomst": "Terug naar de eigen school",
        "vestigingscode": telwereld.v1.vestigingscode,
    }
    (regel,) = _regels("verzuim:leerplichttelling")
    assert regel.actie == "exporteren"
    assert _sleutels(regel) == {
        melding.leerling.sleutel
        for melding in Verzuimmelding.objects.filter(
            meldnummer__in=["2025-005", "2025-008", "2025-003"]
        )
    }


def test_collega_zonder_partnerschap_krijgt_aantallen_maar_geen_rijen(telwereld):
    """Regression: any leerplichtambtenaar of the municipality got pupil-level rows of
    cases they are not a partner in."""
    _lpa_partner_in(telwereld, "2025-001", "2025-003")
    antwoord = _lpa_client(telwereld.gemeente).get(TELLING, JAAR)
    assert antwoord.status_code == 200
    blok, regels = _lees_csv(antwoord)
    samenvatting = {(r[0], r[1]): r[2] for r in blok if len(r) == 3 and r[0] != "Leerplichttelling"}
    assert samenvatting[("totaal", "meldingen")] == "7"
    assert samenvatting[("thuiszitters", "totaal")] == "4"
    assert regels == []
    (regel,) = _regels("verzuim:leerplichttelling")
    assert regel.actie == "exporteren" and regel.resultaat == "toegestaan"
    assert _sleutels(regel) == set()
    for leerling in Leerling.objects.all():
        assert str(leerling.sleutel) not in antwoord.content.decode("utf-8-sig")


def test_formulier_zegt_dat_rijen_alleen_eigen_meldingen_zijn(telwereld):
    antwoord = _lpa_client(telwereld.gemeente).get(TELLING)
    assert antwoord.status_code == 200
    assert "alleen voor de meldingen waarin u nu zelf partner bent" in antwoord.content.decode()


def test_leerplichtambtenaar_kan_geen_andere_gemeente_kiezen(telwereld):
    elders = GemeenteFactory(naam="Elders")
    antwoord = _lpa_client(elders).get(TELLING, {**JAAR, "gemeente": telwereld.gemeente.pk})
    _blok, regels = _lees_csv(antwoord)
    assert regels == []


def test_swv_kiest_een_gemeente_uit_het_werkgebied(telwereld):
    client = _swv_client(telwereld.swv, R.DIRECTEUR)
    formulier = client.get(TELLING)
    assert formulier.status_code == 200
    assert list(formulier.context["form"].fields["gemeente"].queryset) == [telwereld.gemeente]
    assert _regels("verzuim:leerplichttelling") == []
    antwoord = client.get(TELLING, {**JAAR, "gemeente": telwereld.gemeente.pk})
    _blok, regels = _lees_csv(antwoord)
    assert "2025-008" not in {r["meldnummer"] for r in regels}  # another SWV's case
    assert len(regels) == 6


def test_swv_buiten_het_werkgebied_is_een_formulierfout(telwereld):
    elders = GemeenteFactory(naam="Elders")
    antwoord = _swv_client(telwereld.swv).get(TELLING, {**JAAR, "gemeente": elders.pk})
    assert antwoord["Content-Type"].startswith("text/html")
    assert antwoord.context["form"].errors["gemeente"] == ["Kies een gemeente uit de lijst."]
    antwoord = _swv_client(telwereld.swv).get(TELLING, JAAR)
    assert antwoord.context["form"].errors["gemeente"] == ["Kies een gemeente."]
    assert _regels("verzuim:leerplichttelling") == []


def test_formules_in_de_csv_worden_onschadelijk(telwereld):
    rol = _lpa_partner_in(telwereld, "2025-003")
    Verzuimmelding.objects.filter(meldnummer="2025-003").update(meldnummer="=1+2")
    antwoord = client_voor(rol).get(TELLING, JAAR)
    _blok, regels = _lees_csv(antwoord)
    assert "'=1+2" in {r["meldnummer"] for r in regels}


def test_telling_geweigerd_voor_de_school(telwereld):
    antwoord = client_voor(RolFactory(rolsoort=R.INTERN_BEGELEIDER)).get(TELLING, JAAR)
    assert antwoord.status_code == 403
    (regel,) = _regels("verzuim:leerplichttelling")
    assert regel.resultaat == "geweigerd" and regel.actie == "exporteren"
