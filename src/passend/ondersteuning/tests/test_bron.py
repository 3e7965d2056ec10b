"""The BRON export: only begin and end dates of OPPs, for the school's IB and schoolleider."""

import csv
import datetime
import io

import pytest

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Toegangsregel
from passend.leerlingen.tests.factories import InschrijvingFactory, LeerlingFactory
from passend.ondersteuning.rules import Einde, Status
from passend.ondersteuning.tests.factories import OppFactory

pytestmark = pytest.mark.django_db

URL = "/opp/bron-export.csv"


@pytest.fixture
def school():
    """One location with a running and an ended OPP, a draft-only OPP, and another school."""
    lopend = InschrijvingFactory(
        leerling=LeerlingFactory(achternaam="Qxjansen", geboortedatum=datetime.date(2014, 2, 3))
    )
    vestiging = lopend.vestiging
    beeindigd = InschrijvingFactory(
        vestiging=vestiging,
        leerling=LeerlingFactory(achternaam="=Bakker", geboortedatum=datetime.date(2013, 5, 6)),
    )
    concept = InschrijvingFactory(vestiging=vestiging)
    OppFactory(
        leerling=lopend.leerling,
        vestiging=vestiging,
        status=Status.VASTGESTELD,
        vastgesteld_op=datetime.date(2026, 10, 1),
        start_extra_ondersteuning=datetime.date(2026, 9, 1),
    )
    OppFactory(
        leerling=beeindigd.leerling,
        vestiging=vestiging,
        status=Status.BEEINDIGD,
        vastgesteld_op=datetime.date(2025, 10, 1),
        start_extra_ondersteuning=datetime.date(2025, 9, 1),
        einddatum=datetime.date(2026, 7, 10),
        reden_einde=Einde.NIET_MEER_NODIG,
    )
    OppFactory(leerling=concept.leerling, vestiging=vestiging)  # never vastgesteld: not reported
    ander = InschrijvingFactory()
    OppFactory(
        leerling=ander.leerling,
        vestiging=ander.vestiging,
        status=Status.VASTGESTELD,
        vastgesteld_op=datetime.date(2026, 10, 1),
    )
    return {"vestiging": vestiging, "lopend": lopend.leerling, "beeindigd": beeindigd.leerling}


def _rijen(antwoord) -> list[list[str]]:
    return list(csv.reader(io.StringIO(antwoord.content.decode("utf-8")), delimiter=";"))


@pytest.mark.parametrize("rolsoort", [Rolsoort.INTERN_BEGELEIDER, Rolsoort.SCHOOLLEIDER])
def test_export_bevat_alleen_begin_en_einddata_van_de_eigen_school(school, maak_client, rolsoort):
    rol = RolFactory(rolsoort=rolsoort, school=school["vestiging"].school)
    antwoord = maak_client(rol).get(URL)
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "text/csv; charset=utf-8"
    assert antwoord["Content-Disposition"] == 'attachment; filename="opp-bron-export.csv"'
    code = school["vestiging"].vestigingscode
    assert _rijen(antwoord) == [
        [
            "vestigingscode",
            "leerling",
            "achternaam",
            "geboortedatum",
            "begindatum OPP",
            "einddatum OPP",
        ],
        # Sorted by surname; a formula-like name is defused for spreadsheets.
        [
            code,
            str(school["beeindigd"].sleutel),
            "'=Bakker",
            "2013-05-06",
            "2025-09-01",
            "2026-07-10",
        ],
        [code, str(school["lopend"].sleutel), "Qxjansen", "2014-02-03", "2026-09-01", ""],
    ]


def test_export_schrijft_precies_een_logregel_met_de_leerlingen(school, maak_client):
    rol = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=school["vestiging"].school)
    client = maak_client(rol)
    for keer in (1, 2):
        assert client.get(URL).status_code == 200
        assert Toegangsregel.objects.count() == keer
    regel = Toegangsregel.objects.order_by("-pk").first()
    assert (regel.actie, regel.resultaat, regel.object_type, regel.route) == (
        "exporteren",
        "toegestaan",
        "opp-bron-export",
        "ondersteuning:bron-export",
    )
    assert {rl.leerling_sleutel for rl in regel.leerlingen.all()} == {
        school["lopend"].sleutel,
        school["beeindigd"].sleutel,
    }


@pytest.mark.parametrize("rolsoort", [Rolsoort.LERAAR, Rolsoort.OUDER, Rolsoort.BESTUURDER])
def test_andere_rollen_worden_geweigerd_en_gelogd(school, maak_client, rolsoort):
    kwargs = {"school": school["vestiging"].school} if rolsoort == Rolsoort.LERAAR else {}
    rol = RolFactory(rolsoort=rolsoort, **kwargs)
    antwoord = maak_client(rol).get(URL)
    assert antwoord.status_code == 403
    assert b"Qxjansen" not in antwoord.content
    regel = Toegangsregel.objects.get()
    assert (regel.gebruiker, regel.actie, regel.resultaat, regel.object_type) == (
        rol.gebruiker,
        "exporteren",
        "geweigerd",
        "opp-bron-export",
    )
    assert not regel.leerlingen.exists()


def test_export_zonder_opps_is_alleen_de_kopregel(maak_client):
    rol = RolFactory(rolsoort=Rolsoort.SCHOOLLEIDER)
    antwoord = maak_client(rol).get(URL)
    assert antwoord.status_code == 200
    assert len(_rijen(antwoord)) == 1
    assert Toegangsregel.objects.get().resultaat == "toegestaan"
