import datetime

import pytest
from django.core.exceptions import ValidationError

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Toegangsregel
from passend.core.permissions import Geweigerd
from passend.leerlingen.models import Leerling
from passend.leerlingen.rules import leeftijd_op, mag_zelf_inloggen
from passend.leerlingen.services import Conflict, leerling_inschrijven, leerling_wijzigen
from passend.leerlingen.tests.factories import InschrijvingFactory
from passend.organisaties.tests.factories import VestigingFactory


def _actor(rol):
    return Actor(gebruiker=rol.gebruiker, rol=rol)


def test_leeftijd_telt_pas_op_de_verjaardag():
    assert leeftijd_op(datetime.date(2014, 3, 1), datetime.date(2026, 2, 28)) == 11
    assert leeftijd_op(datetime.date(2014, 3, 1), datetime.date(2026, 3, 1)) == 12


def test_leerling_mag_vanaf_twaalf_zelf_inloggen():
    assert not mag_zelf_inloggen(datetime.date(2015, 1, 1), datetime.date(2026, 12, 31), 12)
    assert mag_zelf_inloggen(datetime.date(2014, 1, 1), datetime.date(2026, 1, 1), 12)


@pytest.mark.django_db
class TestInschrijven:
    def test_ib_schrijft_in_op_eigen_vestiging_en_het_wordt_gelogd(self):
        vestiging = VestigingFactory()
        rol = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=vestiging.school)
        leerling = leerling_inschrijven(
            actor=_actor(rol),
            voornamen="Fenna Maria",
            roepnaam="Fenna",
            achternaam="Bakker",
            geboortedatum=datetime.date(2018, 4, 2),
            postcode="3511ab",
            vestiging=vestiging,
            van=datetime.date(2024, 8, 19),
        )
        assert leerling.postcode == "3511 AB"
        assert leerling.inschrijvingen.get().vestiging == vestiging
        regel = Toegangsregel.objects.get()
        assert regel.actie == "aanmaken"

    def test_leraar_mag_niet_inschrijven(self):
        vestiging = VestigingFactory()
        rol = RolFactory(rolsoort=Rolsoort.LERAAR, school=vestiging.school)
        with pytest.raises(Geweigerd):
            leerling_inschrijven(
                actor=_actor(rol),
                voornamen="A",
                achternaam="B",
                geboortedatum=datetime.date(2018, 1, 1),
                postcode="3511 AB",
                vestiging=vestiging,
                van=datetime.date(2024, 8, 19),
            )

    def test_niet_op_vestiging_van_andere_school(self):
        rol = RolFactory(rolsoort=Rolsoort.SCHOOLLEIDER)
        with pytest.raises(Geweigerd):
            leerling_inschrijven(
                actor=_actor(rol),
                voornamen="A",
                achternaam="B",
                geboortedatum=datetime.date(2018, 1, 1),
                postcode="3511 AB",
                vestiging=VestigingFactory(),
                van=datetime.date(2024, 8, 19),
            )
        assert not Leerling.objects.exists()

    def test_foute_postcode_slaat_niets_op(self):
        vestiging = VestigingFactory()
        rol = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=vestiging.school)
        with pytest.raises(ValidationError) as fout:
            leerling_inschrijven(
                actor=_actor(rol),
                voornamen="A",
                achternaam="B",
                geboortedatum=datetime.date(2018, 1, 1),
                postcode="12345",
                vestiging=vestiging,
                van=datetime.date(2024, 8, 19),
            )
        assert fout.value.message_dict["postcode"] == ["Vul een postcode in als 1234 AB."]
        assert not Leerling.objects.exists()
        assert not Toegangsregel.objects.exists()


@pytest.mark.django_db
class TestWijzigen:
    def test_wijzigen_met_oude_versie_geeft_conflict_en_overschrijft_niets(self):
        inschrijving = InschrijvingFactory()
        rol = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=inschrijving.vestiging.school)
        leerling = inschrijving.leerling
        versie = leerling.gewijzigd_op.isoformat()
        leerling_wijzigen(
            actor=_actor(rol), leerling=leerling, versie=versie, wijzigingen={"postcode": "1234 AB"}
        )
        with pytest.raises(Conflict):
            leerling_wijzigen(
                actor=_actor(rol),
                leerling=leerling,
                versie=versie,
                wijzigingen={"postcode": "9999 ZZ"},
            )
        leerling.refresh_from_db()
        assert leerling.postcode == "1234 AB"

    def test_onbekend_veld_wordt_geweigerd(self):
        inschrijving = InschrijvingFactory()
        rol = RolFactory(rolsoort=Rolsoort.INTERN_BEGELEIDER, school=inschrijving.vestiging.school)
        leerling = inschrijving.leerling
        with pytest.raises(ValidationError):
            leerling_wijzigen(
                actor=_actor(rol),
                leerling=leerling,
                versie=leerling.gewijzigd_op.isoformat(),
                wijzigingen={"geboortedatum": datetime.date(2000, 1, 1)},
            )

    def test_leraar_mag_niet_wijzigen(self):
        inschrijving = InschrijvingFactory()
        rol = RolFactory(rolsoort=Rolsoort.LERAAR, school=inschrijving.vestiging.school)
        with pytest.raises(Geweigerd):
            leerling_wijzigen(
                actor=_actor(rol),
                leerling=inschrijving.leerling,
                versie=inschrijving.leerling.gewijzigd_op.isoformat(),
                wijzigingen={"postcode": "1234 AB"},
            )


@pytest.mark.django_db
def test_leerling_van_elf_krijgt_geen_eigen_inlog():
    from passend.accounts.tests.factories import GebruikerFactory
    from passend.leerlingen.services import leerling_inlog_geven
    from passend.leerlingen.tests.factories import LeerlingFactory

    leerling = LeerlingFactory(geboortedatum=datetime.date(2015, 6, 1))
    with pytest.raises(ValidationError):
        leerling_inlog_geven(
            leerling=leerling, gebruiker=GebruikerFactory(), peildatum=datetime.date(2026, 5, 31)
        )
    leerling_inlog_geven(
        leerling=leerling, gebruiker=GebruikerFactory(), peildatum=datetime.date(2027, 6, 1)
    )
    assert leerling.gebruiker.rollen.get().rolsoort == Rolsoort.LEERLING
