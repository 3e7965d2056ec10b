"""The services of a wave: preparing (questionnaires from the vragenbank), the rules of one
wave per year and one nulmeting, editing only while in preparation, stale forms, opening and
closing, invitation codes (only hashes stored), and who may do it."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Toegangsregel
from passend.core.permissions import Geweigerd
from passend.doelstellingen.models import Meting, Uitnodiging, Vraag
from passend.doelstellingen.rules import Metingstatus, Respondentgroep, Schaal, code_hash
from passend.doelstellingen.services import meting as diensten
from passend.doelstellingen.services.meting import OBJECT_TYPE, Conflict
from passend.doelstellingen.services.meting import _nulmeting_bezet as _echte_nulmeting_bezet
from passend.doelstellingen.vragenbank import vragen_voor
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)

pytestmark = pytest.mark.django_db

G = Respondentgroep
VAN, TOT = datetime.date(2026, 5, 1), datetime.date(2026, 6, 30)


def actor(rolsoort: str, **kwargs: object) -> Actor:
    rol = RolFactory(rolsoort=rolsoort, **kwargs)
    return Actor(gebruiker=rol.gebruiker, rol=rol)


@pytest.fixture
def directeur() -> Actor:
    return actor(Rolsoort.DIRECTEUR)


def aanmaken(wie: Actor, **kwargs: object) -> Meting:
    waarden: dict[str, object] = {
        "jaar": 2026,
        "naam": "Meting 2026",
        "open_van": VAN,
        "open_tot": TOT,
        "is_nulmeting": False,
        "groepen": [G.LEERLING, G.OUDER],
    }
    waarden.update(kwargs)
    return diensten.meting_aanmaken(actor=wie, route="test", **waarden)


def test_aanmaken_kopieert_de_vragenbank(directeur: Actor) -> None:
    meting = aanmaken(directeur)
    assert meting.samenwerkingsverband == directeur.rol.samenwerkingsverband
    assert meting.status == Metingstatus.CONCEPT
    lijsten = {lijst.respondentgroep: lijst for lijst in meting.vragenlijsten.all()}
    assert set(lijsten) == {G.LEERLING, G.OUDER}
    assert lijsten[G.LEERLING].kindvriendelijk and not lijsten[G.OUDER].kindvriendelijk
    for groep, lijst in lijsten.items():
        assert [v.code for v in lijst.vragen.order_by("volgorde")] == [
            v.code for v in vragen_voor(groep)
        ]
    regel = Toegangsregel.objects.get(object_type=OBJECT_TYPE, object_id=str(meting.pk))
    assert regel.actie == "aanmaken"


def test_ministerie_maakt_een_landelijke_meting() -> None:
    meting = aanmaken(actor(Rolsoort.MINISTERIE))
    assert meting.samenwerkingsverband is None


def test_een_meting_per_jaar_en_een_nulmeting(directeur: Actor) -> None:
    aanmaken(directeur, is_nulmeting=True)
    with pytest.raises(ValidationError) as fout:
        aanmaken(directeur, is_nulmeting=True)
    assert "jaar" in fout.value.message_dict and "is_nulmeting" in fout.value.message_dict
    # Another SWV may have its own wave of that year; the ministry its national one.
    aanmaken(actor(Rolsoort.DIRECTEUR), is_nulmeting=True)
    ministerie = actor(Rolsoort.MINISTERIE)
    aanmaken(ministerie, is_nulmeting=True)
    with pytest.raises(ValidationError) as fout:
        aanmaken(ministerie, jaar=2027, is_nulmeting=True)
    assert list(fout.value.message_dict) == ["is_nulmeting"]


def test_aanmaken_controleert_de_invoer(directeur: Actor) -> None:
    with pytest.raises(ValidationError) as fout:
        aanmaken(directeur, naam=" ", jaar=1999, open_van=TOT, open_tot=VAN, groepen=[])
    assert set(fout.value.message_dict) == {"naam", "jaar", "open_tot", "groepen"}
    assert not Meting.objects.exists()


@pytest.mark.parametrize(
    "rolsoort", [Rolsoort.TOEZICHTHOUDER, Rolsoort.OPR_LID, Rolsoort.INSPECTEUR, Rolsoort.LERAAR]
)
def test_andere_rollen_maken_geen_meting(rolsoort: str) -> None:
    with pytest.raises(Geweigerd):
        aanmaken(actor(rolsoort))
    assert not Meting.objects.exists()


def test_wijzigen_met_revisie(directeur: Actor) -> None:
    meting = aanmaken(directeur)
    gewijzigd = diensten.meting_wijzigen(
        actor=directeur,
        meting=meting,
        revisie=meting.revisie,
        naam="Nieuwe naam",
        open_van=VAN,
        open_tot=TOT,
        is_nulmeting=True,
    )
    assert gewijzigd.naam == "Nieuwe naam" and gewijzigd.revisie == meting.revisie + 1
    with pytest.raises(Conflict) as conflict:
        diensten.meting_wijzigen(
            actor=directeur,
            meting=meting,
            revisie=meting.revisie,  # stale
            naam="Te laat",
            open_van=VAN,
            open_tot=TOT,
            is_nulmeting=False,
        )
    assert conflict.value.code == "revisie"
    assert Meting.objects.get(pk=meting.pk).naam == "Nieuwe naam"


def test_vragen_toevoegen_en_weghalen_alleen_in_concept(directeur: Actor) -> None:
    meting = aanmaken(directeur)
    vraag = diensten.vraag_toevoegen(
        actor=directeur,
        meting=meting,
        respondentgroep=G.OUDER,
        code="OU.D4.eigen",
        doelstelling=4,
        tekst="Een eigen vraag.",
        schaal=Schaal.EENS_ONEENS,
    )
    with pytest.raises(ValidationError) as fout:
        diensten.vraag_toevoegen(
            actor=directeur,
            meting=meting,
            respondentgroep=G.LERAAR,
            code="OU.D4.eigen",
            doelstelling=9,
            tekst="x" * 401,
            schaal="anders",
        )
    assert set(fout.value.message_dict) == {"respondentgroep", "doelstelling", "tekst", "schaal"}
    with pytest.raises(ValidationError) as fout:
        diensten.vraag_toevoegen(
            actor=directeur,
            meting=meting,
            respondentgroep=G.OUDER,
            code="OU.D4.eigen",
            doelstelling=4,
            tekst="Dubbel.",
            schaal=Schaal.CIJFER,
        )
    assert "code" in fout.value.message_dict
    diensten.vraag_verwijderen(actor=directeur, meting=meting, vraag_id=vraag.pk)
    assert not Vraag.objects.filter(pk=vraag.pk).exists()
    meting.refresh_from_db()
    diensten.meting_openen(actor=directeur, meting=meting, revisie=meting.revisie)
    with pytest.raises(Conflict):
        diensten.vraag_toevoegen(
            actor=directeur,
            meting=meting,
            respondentgroep=G.OUDER,
            code="OU.D4.later",
            doelstelling=4,
            tekst="Te laat.",
            schaal=Schaal.EENS_ONEENS,
        )
    eerste = Vraag.objects.filter(vragenlijst__meting=meting).first()
    assert eerste is not None
    with pytest.raises(Conflict):
        diensten.vraag_verwijderen(actor=directeur, meting=meting, vraag_id=eerste.pk)


def test_openen_vraagt_een_vraag_en_sluiten_alleen_wat_loopt(directeur: Actor) -> None:
    meting = aanmaken(directeur, groepen=[G.GEMEENTE])
    Vraag.objects.filter(vragenlijst__meting=meting).delete()
    with pytest.raises(ValidationError):
        diensten.meting_openen(actor=directeur, meting=meting, revisie=meting.revisie)
    with pytest.raises(Conflict):
        diensten.meting_sluiten(actor=directeur, meting=meting, revisie=meting.revisie)
    diensten.vraag_toevoegen(
        actor=directeur,
        meting=meting,
        respondentgroep=G.GEMEENTE,
        code="GM.D5.eigen",
        doelstelling=5,
        tekst="Een vraag.",
        schaal=Schaal.CIJFER,
    )
    meting.refresh_from_db()
    geopend = diensten.meting_openen(actor=directeur, meting=meting, revisie=meting.revisie)
    assert geopend.status == Metingstatus.OPEN and geopend.geopend_op is not None
    with pytest.raises(Conflict):
        diensten.meting_openen(actor=directeur, meting=meting, revisie=geopend.revisie)
    gesloten = diensten.meting_sluiten(actor=directeur, meting=meting, revisie=geopend.revisie)
    assert gesloten.status == Metingstatus.GESLOTEN


def test_uitnodigingen_per_school_alleen_hashes(directeur: Actor) -> None:
    meting = aanmaken(directeur)
    swv = meting.samenwerkingsverband
    lid = SwvLidmaatschapFactory(samenwerkingsverband=swv).vestiging
    codes = diensten.uitnodigingen_aanmaken(
        actor=directeur,
        meting=meting,
        respondentgroep=G.LEERLING,
        vestiging_id=lid.pk,
        samenwerkingsverband_id=None,
        aantal=25,
    )
    assert len(codes) == len(set(codes)) == 25
    rijen = Uitnodiging.objects.filter(vragenlijst__meting=meting)
    assert rijen.count() == 25
    assert {r.code_hash for r in rijen} == {code_hash(c) for c in codes}
    assert all(r.vestiging_id == lid.pk and r.samenwerkingsverband_id == swv.pk for r in rijen)
    # The plain code is nowhere in the database row.
    assert not any(c.replace("-", "") in r.code_hash for c in codes for r in rijen)


def test_uitnodigingen_regels(directeur: Actor) -> None:
    meting = aanmaken(directeur)
    geen_lid = VestigingFactory()
    oud_lid = SwvLidmaatschapFactory(
        samenwerkingsverband=meting.samenwerkingsverband, tot=datetime.date(2021, 7, 31)
    ).vestiging

    def maak(**kwargs: object) -> list[str]:
        waarden: dict[str, object] = {
            "respondentgroep": G.OUDER,
            "vestiging_id": None,
            "samenwerkingsverband_id": None,
            "aantal": 1,
        }
        waarden.update(kwargs)
        return diensten.uitnodigingen_aanmaken(actor=directeur, meting=meting, **waarden)

    for kwargs, veld in [
        ({}, "vestiging"),
        ({"vestiging_id": geen_lid.pk}, "vestiging"),
        ({"vestiging_id": oud_lid.pk}, "vestiging"),
        ({"respondentgroep": G.LERAAR}, "respondentgroep"),
        ({"aantal": 0}, "aantal"),
        ({"aantal": 2001}, "aantal"),
        ({"respondentgroep": G.LEERLING, "samenwerkingsverband_id": 0}, "samenwerkingsverband"),
    ]:
        with pytest.raises(ValidationError) as fout:
            maak(**kwargs)
        assert veld in fout.value.message_dict, kwargs
    assert not Uitnodiging.objects.exists()


def test_landelijke_meting_vraagt_een_swv() -> None:
    ministerie = actor(Rolsoort.MINISTERIE)
    meting = aanmaken(ministerie, groepen=[G.GEMEENTE, G.LERAAR])
    swv = SamenwerkingsverbandFactory()
    with pytest.raises(ValidationError) as fout:
        diensten.uitnodigingen_aanmaken(
            actor=ministerie,
            meting=meting,
            respondentgroep=G.GEMEENTE,
            vestiging_id=None,
            samenwerkingsverband_id=None,
            aantal=3,
        )
    assert "samenwerkingsverband" in fout.value.message_dict
    codes = diensten.uitnodigingen_aanmaken(
        actor=ministerie,
        meting=meting,
        respondentgroep=G.GEMEENTE,
        vestiging_id=None,
        samenwerkingsverband_id=swv.pk,
        aantal=3,
    )
    assert len(codes) == 3
    assert set(Uitnodiging.objects.values_list("samenwerkingsverband_id", flat=True)) == {swv.pk}
    school = SwvLidmaatschapFactory(samenwerkingsverband=swv).vestiging
    diensten.uitnodigingen_aanmaken(
        actor=ministerie,
        meting=meting,
        respondentgroep=G.LERAAR,
        vestiging_id=school.pk,
        samenwerkingsverband_id=swv.pk,
        aantal=2,
    )
    assert Uitnodiging.objects.filter(vestiging=school).count() == 2


def test_gesloten_meting_geen_codes_en_anderen_geweigerd(directeur: Actor) -> None:
    meting = aanmaken(directeur, groepen=[G.GEMEENTE])
    ander_swv = actor(Rolsoort.DIRECTEUR)
    with pytest.raises(Geweigerd):
        diensten.uitnodigingen_aanmaken(
            actor=ander_swv,
            meting=meting,
            respondentgroep=G.GEMEENTE,
            vestiging_id=None,
            samenwerkingsverband_id=None,
            aantal=1,
        )
    with pytest.raises(Geweigerd):
        diensten.meting_openen(actor=actor(Rolsoort.MINISTERIE), meting=meting, revisie=1)
    Meting.objects.filter(pk=meting.pk).update(status=Metingstatus.GESLOTEN)
    with pytest.raises(Conflict):
        diensten.uitnodigingen_aanmaken(
            actor=directeur,
            meting=meting,
            respondentgroep=G.GEMEENTE,
            vestiging_id=None,
            samenwerkingsverband_id=None,
            aantal=1,
        )
    assert not Uitnodiging.objects.exists()


def test_wijzigen_vergrendelt_het_swv_zoals_aanmaken(directeur: Actor, monkeypatch) -> None:
    """Two waves of one SWV made the nulmeting at the same moment: meting_wijzigen locks the
    SWV's row (as meting_aanmaken does), so the second one waits and sees the first."""
    meting = aanmaken(directeur)
    gevraagd: list[str] = []
    origineel = QuerySet.select_for_update

    def spion(self, *args, **kwargs):
        gevraagd.append(self.model.__name__)
        return origineel(self, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", spion)
    diensten.meting_wijzigen(
        actor=directeur,
        meting=meting,
        revisie=meting.revisie,
        naam="Nulmeting",
        open_van=VAN,
        open_tot=TOT,
        is_nulmeting=True,
    )
    assert gevraagd == ["Meting", "Samenwerkingsverband"]


@pytest.mark.parametrize("swv", [True, False], ids=["swv", "landelijk"])
def test_gelijktijdige_nulmeting_geeft_een_melding_geen_500(
    swv: bool, directeur: Actor, monkeypatch
) -> None:
    """The check passed (the other wave was not committed yet), then the constraint fails:
    a message on the nulmeting field, nothing saved, no IntegrityError."""
    wie = directeur if swv else actor(Rolsoort.MINISTERIE)
    aanmaken(wie, jaar=2022, is_nulmeting=True)
    tweede = aanmaken(wie, jaar=2023)
    monkeypatch.setattr(diensten, "_nulmeting_bezet", lambda *a, **k: False)
    with pytest.raises(ValidationError) as fout:
        diensten.meting_wijzigen(
            actor=wie,
            meting=tweede,
            revisie=tweede.revisie,
            naam="Ook een nulmeting",
            open_van=VAN,
            open_tot=TOT,
            is_nulmeting=True,
        )
    assert set(fout.value.message_dict) == {"is_nulmeting"}
    tweede.refresh_from_db()
    assert not tweede.is_nulmeting and tweede.naam != "Ook een nulmeting"
    # And when making a new wave: the same field, not "jaar". The first check (before the
    # insert) misses the other wave; the one after the failed insert sees it.
    echt = _echte_nulmeting_bezet
    aanroepen: list[int | None] = []

    def eerst_niet(swv_id: int | None, *, behalve: int | None = None) -> bool:
        aanroepen.append(swv_id)
        return len(aanroepen) > 1 and echt(swv_id, behalve=behalve)

    monkeypatch.setattr(diensten, "_nulmeting_bezet", eerst_niet)
    with pytest.raises(ValidationError) as fout:
        aanmaken(wie, jaar=2024, is_nulmeting=True)
    assert set(fout.value.message_dict) == {"is_nulmeting"}
    assert len(aanroepen) == 2
    assert Meting.objects.count() == 2
