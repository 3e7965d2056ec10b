import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.core.models import Toegangsregel
from passend.core.permissions import Geweigerd
from passend.steunpunt.models import Contact, Contactthema, Toestemming
from passend.steunpunt.selectors.cijfers import aantallen
from passend.steunpunt.services import (
    Conflict,
    Contactinvoer,
    contact_vastleggen,
    contact_wijzigen,
    toestemming_geven,
    toestemming_intrekken,
)


def actor(rol):
    return Actor(gebruiker=rol.gebruiker, rol=rol)


def invoer(**extra):
    gegevens = dict(
        datum=timezone.localdate(),
        kanaal="telefoon",
        wie="ouder",
        themas=["aanmelding", "onenigheid"],
        samenvatting="Ouder belt over een weigering.",
        signaal="Ouders krijgen geen uitleg bij een weigering.",
        doorverwijzing="onderwijsconsulent",
    )
    gegevens.update(extra)
    return Contactinvoer(**gegevens)


def test_ouder_geeft_toestemming_en_trekt_in_met_historie(wereld):
    vandaag = timezone.localdate()
    t = toestemming_geven(
        actor=actor(wereld.ouder_rol),
        leerling=wereld.leerling,
        samenwerkingsverband_id=wereld.swv.pk,
        vandaag=vandaag,
    )
    assert t.loopt and t.gegeven_door == wereld.ouder
    with pytest.raises(Conflict):
        toestemming_geven(
            actor=actor(wereld.ouder_rol),
            leerling=wereld.leerling,
            samenwerkingsverband_id=wereld.swv.pk,
            vandaag=vandaag,
        )
    toestemming_intrekken(actor=actor(wereld.ouder_rol), toestemming_id=t.pk, vandaag=vandaag)
    with pytest.raises(Conflict):
        toestemming_intrekken(actor=actor(wereld.ouder_rol), toestemming_id=t.pk, vandaag=vandaag)
    toestemming_geven(
        actor=actor(wereld.ouder_rol),
        leerling=wereld.leerling,
        samenwerkingsverband_id=wereld.swv.pk,
        vandaag=vandaag,
    )
    assert Toestemming.objects.filter(leerling=wereld.leerling).count() == 2
    assert Toegangsregel.objects.filter(object_type="steunpunttoestemming").count() == 3


def test_toestemming_alleen_voor_het_swv_van_de_school_en_eigen_kind(wereld):
    with pytest.raises(ValidationError) as fout:
        toestemming_geven(
            actor=actor(wereld.ouder_rol),
            leerling=wereld.leerling,
            samenwerkingsverband_id=wereld.ander_swv.pk,
            vandaag=timezone.localdate(),
        )
    assert "kind" in fout.value.message_dict
    with pytest.raises(Geweigerd):
        toestemming_geven(
            actor=actor(wereld.medewerker),
            leerling=wereld.leerling,
            samenwerkingsverband_id=wereld.swv.pk,
            vandaag=timezone.localdate(),
        )


def test_koppelen_kan_alleen_met_lopende_toestemming(wereld):
    a = actor(wereld.medewerker)
    with pytest.raises(ValidationError) as fout:
        contact_vastleggen(
            actor=a, invoer=invoer(leerling_id=wereld.leerling.pk), vandaag=timezone.localdate()
        )
    assert "leerling" in fout.value.message_dict
    assert not Contact.objects.exists()
    t = toestemming_geven(
        actor=actor(wereld.ouder_rol),
        leerling=wereld.leerling,
        samenwerkingsverband_id=wereld.swv.pk,
        vandaag=timezone.localdate(),
    )
    contact = contact_vastleggen(
        actor=a, invoer=invoer(leerling_id=wereld.leerling.pk), vandaag=timezone.localdate()
    )
    assert contact.leerling == wereld.leerling and contact.toestemming == t
    assert Contactthema.objects.filter(contact=contact).count() == 2
    regel = Toegangsregel.objects.get(object_type="steunpuntcontact")
    assert [r.leerling_sleutel for r in regel.leerlingen.all()] == [wereld.leerling.sleutel]
    # Another SWV's steunpunt has no consent for this child.
    with pytest.raises(ValidationError):
        contact_vastleggen(
            actor=actor(wereld.ander_medewerker),
            invoer=invoer(leerling_id=wereld.leerling.pk),
            vandaag=timezone.localdate(),
        )


def test_na_intrekken_kan_niet_meer_gekoppeld_worden(wereld):
    t = toestemming_geven(
        actor=actor(wereld.ouder_rol),
        leerling=wereld.leerling,
        samenwerkingsverband_id=wereld.swv.pk,
        vandaag=timezone.localdate(),
    )
    contact = contact_vastleggen(
        actor=actor(wereld.medewerker),
        invoer=invoer(leerling_id=wereld.leerling.pk),
        vandaag=timezone.localdate(),
    )
    toestemming_intrekken(
        actor=actor(wereld.ouder_rol), toestemming_id=t.pk, vandaag=timezone.localdate()
    )
    contact.refresh_from_db()
    assert contact.gekoppeld and not contact.kind_zichtbaar
    with pytest.raises(ValidationError):
        contact_vastleggen(
            actor=actor(wereld.medewerker),
            invoer=invoer(leerling_id=wereld.leerling.pk),
            vandaag=timezone.localdate(),
        )


def test_fouten_per_veld_en_niets_half_opgeslagen(wereld):
    with pytest.raises(ValidationError) as fout:
        contact_vastleggen(
            actor=actor(wereld.medewerker),
            invoer=invoer(
                themas=[], samenvatting="", datum=timezone.localdate() + datetime.timedelta(days=1)
            ),
            vandaag=timezone.localdate(),
        )
    assert set(fout.value.message_dict) == {"themas", "samenvatting", "datum"}
    assert not Contact.objects.exists() and not Contactthema.objects.exists()


def test_signaal_mag_de_naam_van_het_kind_niet_noemen(wereld):
    toestemming_geven(
        actor=actor(wereld.ouder_rol),
        leerling=wereld.leerling,
        samenwerkingsverband_id=wereld.swv.pk,
        vandaag=timezone.localdate(),
    )
    with pytest.raises(ValidationError) as fout:
        contact_vastleggen(
            actor=actor(wereld.medewerker),
            invoer=invoer(leerling_id=wereld.leerling.pk, signaal="Fenna zit thuis."),
            vandaag=timezone.localdate(),
        )
    assert "signaal" in fout.value.message_dict


def test_wijzigen_met_oude_revisie_geeft_conflict(wereld):
    a = actor(wereld.medewerker)
    contact = contact_vastleggen(actor=a, invoer=invoer(), vandaag=timezone.localdate())
    contact_wijzigen(
        actor=a,
        contact=contact,
        revisie=1,
        invoer=invoer(themas=["vervoer"]),
        vandaag=timezone.localdate(),
    )
    with pytest.raises(Conflict):
        contact_wijzigen(
            actor=a,
            contact=contact,
            revisie=1,
            invoer=invoer(themas=["tlv"]),
            vandaag=timezone.localdate(),
        )
    contact.refresh_from_db()
    assert contact.revisie == 2
    assert list(contact.themas.values_list("thema", flat=True)) == ["vervoer"]
    with pytest.raises(Geweigerd):
        contact_wijzigen(
            actor=actor(wereld.ander_medewerker),
            contact=contact,
            revisie=2,
            invoer=invoer(),
            vandaag=timezone.localdate(),
        )


def test_aantallen_per_thema_voor_de_monitor(wereld):
    a = actor(wereld.medewerker)
    contact_vastleggen(actor=a, invoer=invoer(), vandaag=timezone.localdate())
    contact_vastleggen(actor=a, invoer=invoer(themas=["aanmelding"]), vandaag=timezone.localdate())
    vandaag = timezone.localdate()
    cijfers = aantallen(samenwerkingsverband=wereld.swv, van=vandaag, tot=vandaag)
    assert cijfers["aanmelding"] == 2 and cijfers["onenigheid"] == 1 and cijfers["vervoer"] == 0
    assert (
        aantallen(samenwerkingsverband=wereld.ander_swv, van=vandaag, tot=vandaag)["aanmelding"]
        == 0
    )


def test_koppelen_vergrendelt_de_lopende_toestemming(wereld, monkeypatch):
    """Linking reads the consent under a row lock, so a withdrawal committed at the same
    moment cannot slip in between the check and the write."""
    from django.db import connection
    from django.db.models.query import QuerySet
    from django.test.utils import CaptureQueriesContext

    toestemming_geven(
        actor=actor(wereld.ouder_rol),
        leerling=wereld.leerling,
        samenwerkingsverband_id=wereld.swv.pk,
        vandaag=timezone.localdate(),
    )
    vergrendeld = []
    origineel = QuerySet.select_for_update

    def spion(self, *args, **kwargs):
        vergrendeld.append(self.model)
        return origineel(self, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", spion)
    with CaptureQueriesContext(connection) as vastgelegd:
        contact_vastleggen(
            actor=actor(wereld.medewerker),
            invoer=invoer(leerling_id=wereld.leerling.pk),
            vandaag=timezone.localdate(),
        )
    assert Toestemming in vergrendeld
    if connection.features.has_select_for_update:
        tabel = Toestemming._meta.db_table
        assert any(
            q["sql"].startswith("SELECT")
            and f'FROM "{tabel}"' in q["sql"]
            and f'FOR UPDATE OF "{tabel}"' in q["sql"]
            for q in vastgelegd.captured_queries
        )


def test_koppeling_weghalen_logt_met_de_sleutel_van_het_kind_van_daarvoor(wereld):
    """Consent withdrawn, the contact saved again: it becomes anonymous, and that change of
    the child's link is logged with the key of the child linked before."""
    t = toestemming_geven(
        actor=actor(wereld.ouder_rol),
        leerling=wereld.leerling,
        samenwerkingsverband_id=wereld.swv.pk,
        vandaag=timezone.localdate(),
    )
    a = actor(wereld.medewerker)
    contact = contact_vastleggen(
        actor=a, invoer=invoer(leerling_id=wereld.leerling.pk), vandaag=timezone.localdate()
    )
    toestemming_intrekken(
        actor=actor(wereld.ouder_rol), toestemming_id=t.pk, vandaag=timezone.localdate()
    )
    voor = Toegangsregel.objects.count()
    gewijzigd = contact_wijzigen(
        actor=a,
        contact=contact,
        revisie=contact.revisie,
        invoer=invoer(leerling_id=None),
        vandaag=timezone.localdate(),
        route="steunpunt:contact-wijzigen",
    )
    assert not gewijzigd.gekoppeld and gewijzigd.toestemming is None
    assert Toegangsregel.objects.count() == voor + 1
    regel = Toegangsregel.objects.latest("pk")
    assert (regel.object_type, regel.actie, regel.object_id) == (
        "steunpuntcontact",
        "wijzigen",
        str(contact.sleutel),
    )
    assert [r.leerling_sleutel for r in regel.leerlingen.all()] == [wereld.leerling.sleutel]
    # Anonymous before and after: no pupil data, no record.
    contact_wijzigen(
        actor=a,
        contact=gewijzigd,
        revisie=gewijzigd.revisie,
        invoer=invoer(themas=["vervoer"]),
        vandaag=timezone.localdate(),
    )
    assert Toegangsregel.objects.count() == voor + 1
