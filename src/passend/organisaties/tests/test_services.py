"""Memberships of a samenwerkingsverband and the history of a school's bestuur."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.permissions import Geweigerd
from passend.organisaties.models import BestuurLidmaatschap, School, SwvLidmaatschap
from passend.organisaties.rules import Sector, Soort
from passend.organisaties.services import lidmaatschap_vastleggen, vestigingen_importeren
from passend.organisaties.tests.factories import SamenwerkingsverbandFactory, VestigingFactory
from passend.organisaties.tests.fixtures import PO, csv_aanpassen, lees, zet

pytestmark = pytest.mark.django_db

AUGUSTUS_2020 = datetime.date(2020, 8, 1)
AUGUSTUS_2024 = datetime.date(2024, 8, 1)


def test_nieuw_lidmaatschap_sluit_het_lopende_af_en_de_historie_blijft() -> None:
    vestiging = VestigingFactory(soort=Soort.BAO)
    oud, nieuw = (
        SamenwerkingsverbandFactory(sector=Sector.PO),
        SamenwerkingsverbandFactory(sector=Sector.PO),
    )
    eerste = lidmaatschap_vastleggen(
        vestiging=vestiging, samenwerkingsverband=oud, van=AUGUSTUS_2020
    )

    tweede = lidmaatschap_vastleggen(
        vestiging=vestiging, samenwerkingsverband=nieuw, van=AUGUSTUS_2024
    )

    eerste.refresh_from_db()
    assert (eerste.samenwerkingsverband, eerste.van, eerste.tot) == (
        oud,
        AUGUSTUS_2020,
        datetime.date(2024, 7, 31),
    )
    assert (tweede.samenwerkingsverband, tweede.sector, tweede.van, tweede.tot) == (
        nieuw,
        Sector.PO,
        AUGUSTUS_2024,
        None,
    )
    assert vestiging.lidmaatschappen.count() == 2


def test_hetzelfde_swv_nog_eens_vastleggen_verandert_niets() -> None:
    vestiging = VestigingFactory(soort=Soort.BAO)
    swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    eerste = lidmaatschap_vastleggen(
        vestiging=vestiging, samenwerkingsverband=swv, van=AUGUSTUS_2020
    )
    assert (
        lidmaatschap_vastleggen(vestiging=vestiging, samenwerkingsverband=swv, van=AUGUSTUS_2024)
        == eerste
    )
    assert SwvLidmaatschap.objects.get().tot is None


@pytest.mark.parametrize(
    ("soort", "sector"), [(Soort.VSO, Sector.PO), (Soort.PRO, Sector.PO), (Soort.SBO, Sector.VO)]
)
def test_een_vestiging_van_een_andere_sector_wordt_geweigerd(soort: str, sector: str) -> None:
    vestiging = VestigingFactory(soort=soort)
    with pytest.raises(ValidationError) as fout:
        lidmaatschap_vastleggen(
            vestiging=vestiging,
            samenwerkingsverband=SamenwerkingsverbandFactory(sector=sector),
            van=AUGUSTUS_2024,
        )
    assert "hoort niet bij een samenwerkingsverband" in str(
        fout.value.message_dict["samenwerkingsverband"]
    )
    assert not SwvLidmaatschap.objects.exists()


def test_een_so_vso_vestiging_hoort_bij_een_po_en_een_vo_swv_tegelijk() -> None:
    vestiging = VestigingFactory(soort=Soort.SO_VSO)
    for sector in (Sector.PO, Sector.VO):
        lidmaatschap_vastleggen(
            vestiging=vestiging,
            samenwerkingsverband=SamenwerkingsverbandFactory(sector=sector),
            van=AUGUSTUS_2024,
        )
    assert set(vestiging.lidmaatschappen.values_list("sector", "tot")) == {
        (Sector.PO, None),
        (Sector.VO, None),
    }


def test_een_datum_voor_het_begin_van_het_lopende_lidmaatschap_wordt_geweigerd() -> None:
    vestiging = VestigingFactory(soort=Soort.BAO)
    lidmaatschap_vastleggen(
        vestiging=vestiging, samenwerkingsverband=SamenwerkingsverbandFactory(), van=AUGUSTUS_2024
    )
    with pytest.raises(ValidationError):
        lidmaatschap_vastleggen(
            vestiging=vestiging,
            samenwerkingsverband=SamenwerkingsverbandFactory(),
            van=AUGUSTUS_2020,
        )
    assert SwvLidmaatschap.objects.get().tot is None


def test_leraar_mag_geen_lidmaatschap_vastleggen() -> None:
    rol = RolFactory(rolsoort=Rolsoort.LERAAR)
    with pytest.raises(Geweigerd):
        lidmaatschap_vastleggen(
            vestiging=VestigingFactory(),
            samenwerkingsverband=SamenwerkingsverbandFactory(),
            van=AUGUSTUS_2024,
            actor=Actor(gebruiker=rol.gebruiker, rol=rol),
        )


def test_een_ander_bestuur_in_de_lijst_sluit_het_oude_af_en_opent_een_nieuw() -> None:
    vestigingen_importeren(
        bron=lees(PO), bestandsnaam=PO, samenwerkingsverband=None, peildatum=AUGUSTUS_2020
    )

    def overdragen(kop: list[str], rijen: list[list[str]]) -> None:
        for rij in rijen[:2]:  # both locations of 16SW
            zet(kop, rij, "BEVOEGD GEZAG NUMMER", "49999")

    resultaat = vestigingen_importeren(
        bron=csv_aanpassen(PO, overdragen),
        bestandsnaam=PO,
        samenwerkingsverband=None,
        peildatum=AUGUSTUS_2024,
    )

    assert (resultaat.bestuurswissels, resultaat.besturen_nieuw, resultaat.ongewijzigd) == (1, 1, 6)
    school = School.objects.select_related("bestuur").get(brin="16SW")
    assert school.bestuur.bevoegd_gezag_nummer == "49999"
    historie = list(
        BestuurLidmaatschap.objects.filter(school=school)
        .order_by("van")
        .values_list("bestuur__bevoegd_gezag_nummer", "van", "tot")
    )
    assert historie == [
        ("41234", AUGUSTUS_2020, datetime.date(2024, 7, 31)),
        ("49999", AUGUSTUS_2024, None),
    ]
    assert BestuurLidmaatschap.objects.exclude(school=school).filter(tot__isnull=False).count() == 0
