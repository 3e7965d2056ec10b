import csv
import io

import pytest
from django.urls import reverse

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Toegangsregel
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Betrokkenheid
from passend.leerlingen.tests.factories import InschrijvingFactory, LeerlingFactory
from passend.organisaties.tests.factories import SwvLidmaatschapFactory
from passend.privacy.selectors import leerlingen_van_regio
from passend.zorgplicht.tests.factories import AanmeldingFactory

pytestmark = pytest.mark.django_db


def _regio():
    lid = SwvLidmaatschapFactory()
    eigen = InschrijvingFactory(vestiging=lid.vestiging)
    vreemd = InschrijvingFactory()  # a pupil of another region
    ib = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=lid.vestiging.school)
    toegang_vastleggen(
        actor=Actor(gebruiker=ib.gebruiker, rol=ib),
        actie="zoeken",
        object_type="leerlingenlijst",
        leerling_sleutels=[eigen.leerling.sleutel, vreemd.leerling.sleutel],
        toegestaan=True,
        reden="test",
    )
    privacy = RolFactory(
        rolsoort=Rolsoort.PRIVACY_OFFICER, samenwerkingsverband=lid.samenwerkingsverband
    )
    return privacy, eigen.leerling, vreemd.leerling


def _rijen(antwoord):
    return list(csv.reader(io.StringIO(antwoord.content.decode()), delimiter=";"))


def test_export_noemt_alleen_leerlingen_van_de_eigen_regio(maak_client):
    privacy, eigen, vreemd = _regio()
    antwoord = maak_client(privacy).get(reverse("privacy:toegangslog-export"))
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"].startswith("text/csv")
    rijen = _rijen(antwoord)
    assert rijen[0][0] == "tijdstip (UTC)"
    regel = next(r for r in rijen[1:] if r[9] == "test")
    assert str(eigen.sleutel) in regel[10]
    assert str(vreemd.sleutel) not in antwoord.content.decode()
    assert vreemd.achternaam not in antwoord.content.decode()
    assert regel[11] == "1"


def test_export_wordt_zelf_gelogd_als_export(maak_client):
    privacy, _, _ = _regio()
    maak_client(privacy).get(reverse("privacy:toegangslog-export"), {"gebruiker": "niemand"})
    regel = Toegangsregel.objects.filter(route="privacy:toegangslog-export").get()
    assert regel.actie == "exporteren"
    assert regel.resultaat == "toegestaan"
    assert regel.object_id == "niemand"


def test_export_met_ongeldig_filter_geeft_400(maak_client):
    privacy, _, _ = _regio()
    antwoord = maak_client(privacy).get(reverse("privacy:toegangslog-export"), {"van": "gisteren"})
    assert antwoord.status_code == 400
    assert "van" in antwoord.content.decode()


def test_ib_mag_niet_exporteren_en_dat_wordt_gelogd(maak_client):
    _regio()
    ib = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER)
    assert maak_client(ib).get(reverse("privacy:toegangslog-export")).status_code == 403
    regel = Toegangsregel.objects.filter(route="privacy:toegangslog-export").get()
    assert (regel.actie, regel.resultaat) == ("exporteren", "geweigerd")


@pytest.mark.parametrize("aantal", [10, 300])
def test_export_gebruikt_een_vast_aantal_queries(
    maak_client, django_assert_max_num_queries, aantal
):
    privacy, eigen, _ = _regio()
    ib = RolFactory(
        rolsoort=Rolsoort.INTERN_BEGELEIDER, school=eigen.inschrijvingen.get().vestiging.school
    )
    actor = Actor(gebruiker=ib.gebruiker, rol=ib)
    Toegangsregel.objects.bulk_create(
        [
            Toegangsregel(
                gebruiker=ib.gebruiker,
                gebruikersnaam=ib.gebruiker.username,
                actie="lezen",
                object_type="leerling",
                resultaat="toegestaan",
                organisatie_sleutel=actor.organisatie_sleutel,
            )
            for _ in range(aantal)
        ]
    )
    client = maak_client(privacy)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("privacy:toegangslog-export")).status_code == 200


def test_regio_omvat_aangemelde_en_betrokken_leerlingen_zonder_inschrijving():
    lid = SwvLidmaatschapFactory()
    aangemeld = AanmeldingFactory(vestiging=lid.vestiging).leerling
    betrokken = LeerlingFactory()
    Betrokkenheid.objects.create(
        leerling=betrokken,
        samenwerkingsverband=lid.samenwerkingsverband,
        grond="aanvraag TLV",
        van="2026-01-01",
    )
    elders = AanmeldingFactory().leerling
    regio = set(leerlingen_van_regio(samenwerkingsverband_id=lid.samenwerkingsverband_id))
    assert aangemeld in regio
    assert betrokken in regio
    assert elders not in regio
