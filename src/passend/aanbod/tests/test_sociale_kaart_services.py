"""The sociale kaart is kept by the SWV's loket, directeur and functioneel beheerder, for
their own SWV only; a stale form never overwrites; entries are deactivated, never removed."""

import pytest
from django.core.exceptions import ValidationError

from passend.aanbod.models import Voorziening, Voorzieningsoort
from passend.aanbod.services.basis import Conflict
from passend.aanbod.services.sociale_kaart import (
    Voorzieningsinvoer,
    voorziening_activeren,
    voorziening_deactiveren,
    voorziening_toevoegen,
    voorziening_wijzigen,
)
from passend.aanbod.tests.factories import VoorzieningFactory, gebied
from passend.aanbod.tests.test_swv_selectors import R, maak_regio
from passend.accounts.actor import Actor
from passend.accounts.tests.factories import RolFactory
from passend.core.permissions import Geweigerd
from passend.organisaties.tests.factories import GemeenteFactory

pytestmark = pytest.mark.django_db


def steunpunt(**velden) -> Voorzieningsinvoer:
    return Voorzieningsinvoer(
        **{
            "soort": Voorzieningsoort.STEUNPUNT,
            "naam": "  Ouder- en jeugdsteunpunt Rivierenland ",
            "wat": "Luistert naar ouders en jongeren en zoekt samen naar een passende plek.",
            "voor_wie": "Ouders en jongeren met vragen over onderwijs en ondersteuning.",
            "telefoon": "0345 700 700",
            "openingstijden": "Maandag tot en met vrijdag, 9.00 tot 17.00 uur",
            **velden,
        }
    )


@pytest.mark.parametrize("rolsoort", [R.LOKET, R.DIRECTEUR, R.FUNCTIONEEL_BEHEERDER])
def test_toevoegen_voor_het_eigen_swv(rolsoort):
    regio = maak_regio(1)
    tiel = GemeenteFactory(naam="Tiel")
    regio.swv.werkgebied.add(tiel)
    actor = regio.actor(rolsoort)
    voorziening = voorziening_toevoegen(
        actor=actor,
        invoer=steunpunt(gemeente_ids=[tiel.pk], gebied_ids=[gebied("medisch").pk]),
    )
    voorziening.refresh_from_db()
    assert voorziening.samenwerkingsverband == regio.swv
    assert voorziening.naam == "Ouder- en jeugdsteunpunt Rivierenland"
    assert voorziening.actief and voorziening.revisie == 1
    assert voorziening.bewerkt_door == actor.gebruiker
    assert list(voorziening.gemeenten.all()) == [tiel]
    assert list(voorziening.gebieden.values_list("code", flat=True)) == ["medisch"]


@pytest.mark.parametrize(
    "rolsoort", [R.COMMISSIELID, R.DESKUNDIGE, R.PRIVACY_OFFICER, R.INTERN_BEGELEIDER]
)
def test_andere_rollen_beheren_de_kaart_niet(rolsoort):
    regio = maak_regio(1)
    if rolsoort == R.INTERN_BEGELEIDER:
        rol = RolFactory(rolsoort=rolsoort, school=regio.vestigingen[0].school)
        actor = Actor(gebruiker=rol.gebruiker, rol=rol)
    else:
        actor = regio.actor(rolsoort)
    with pytest.raises(Geweigerd):
        voorziening_toevoegen(actor=actor, invoer=steunpunt())
    assert not Voorziening.objects.exists()


def test_alleen_gemeenten_uit_het_eigen_werkgebied():
    regio = maak_regio(1)
    elders = GemeenteFactory(naam="Utrecht")
    with pytest.raises(ValidationError) as fout:
        voorziening_toevoegen(actor=regio.actor(), invoer=steunpunt(gemeente_ids=[elders.pk]))
    assert fout.value.message_dict == {
        "gemeenten": ["Kies alleen gemeenten uit het werkgebied van uw samenwerkingsverband."]
    }
    assert not Voorziening.objects.exists()


def test_zonder_contactgegevens_of_met_een_onbekende_soort_gaat_het_niet():
    regio = maak_regio(1)
    with pytest.raises(ValidationError) as fout:
        voorziening_toevoegen(actor=regio.actor(), invoer=steunpunt(telefoon=""))
    assert "ten minste één manier om contact op te nemen" in str(fout.value)
    with pytest.raises(ValidationError) as fout:
        voorziening_toevoegen(actor=regio.actor(), invoer=steunpunt(soort="kroeg"))
    assert "soort" in fout.value.message_dict
    with pytest.raises(ValidationError):
        voorziening_toevoegen(actor=regio.actor(), invoer=steunpunt(email="geen-adres"))
    assert not Voorziening.objects.exists()


def test_wijzigen_met_de_juiste_revisie():
    regio = maak_regio(1)
    voorziening = VoorzieningFactory(samenwerkingsverband=regio.swv)
    gewijzigd = voorziening_wijzigen(
        actor=regio.actor(R.LOKET),
        voorziening=voorziening,
        revisie=1,
        invoer=steunpunt(naam="Steunpunt", website="https://steunpunt.example.org"),
    )
    assert gewijzigd.revisie == 2
    voorziening.refresh_from_db()
    assert (voorziening.naam, voorziening.website) == ("Steunpunt", "https://steunpunt.example.org")


def test_een_verouderd_formulier_overschrijft_niets():
    regio = maak_regio(1)
    voorziening = VoorzieningFactory(samenwerkingsverband=regio.swv, naam="Origineel")
    actor = regio.actor()
    voorziening_wijzigen(
        actor=actor, voorziening=voorziening, revisie=1, invoer=steunpunt(naam="Eerste")
    )
    with pytest.raises(Conflict) as conflict:
        voorziening_wijzigen(
            actor=actor, voorziening=voorziening, revisie=1, invoer=steunpunt(naam="Tweede")
        )
    assert conflict.value.code == "revisie"
    voorziening.refresh_from_db()
    assert (voorziening.naam, voorziening.revisie) == ("Eerste", 2)


def test_een_voorziening_van_een_ander_swv_is_niet_te_wijzigen():
    regio = maak_regio(1)
    ander = VoorzieningFactory(naam="Van een ander")
    with pytest.raises(Geweigerd):
        voorziening_wijzigen(actor=regio.actor(), voorziening=ander, revisie=1, invoer=steunpunt())
    with pytest.raises(Geweigerd):
        voorziening_deactiveren(actor=regio.actor(), voorziening=ander, revisie=1)
    ander.refresh_from_db()
    assert ander.naam == "Van een ander" and ander.actief


def test_deactiveren_en_weer_activeren():
    regio = maak_regio(1)
    voorziening = VoorzieningFactory(samenwerkingsverband=regio.swv)
    actor = regio.actor(R.LOKET)
    voorziening_deactiveren(actor=actor, voorziening=voorziening, revisie=1)
    voorziening.refresh_from_db()
    assert (voorziening.actief, voorziening.revisie) == (False, 2)
    # Asking again for the state it has changes nothing.
    voorziening_deactiveren(actor=actor, voorziening=voorziening, revisie=2)
    voorziening.refresh_from_db()
    assert voorziening.revisie == 2
    with pytest.raises(Conflict):
        voorziening_activeren(actor=actor, voorziening=voorziening, revisie=1)
    voorziening_activeren(actor=actor, voorziening=voorziening, revisie=2)
    voorziening.refresh_from_db()
    assert (voorziening.actief, voorziening.revisie) == (True, 3)
    assert Voorziening.objects.count() == 1
