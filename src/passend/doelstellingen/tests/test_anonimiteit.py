"""Anonymity of answers: once a code is used, nothing links its answers to the invitation.

The residual risk (documented, not testable away): rows are numbered in the order they are
stored, so whoever watches the database while people answer (or reads PostgreSQL's row
versions) can pair a response with the invitation that turned ``gebruikt`` at that moment.
"""

import pytest
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.test import Client
from django.urls import reverse

from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.models import Toegangsregel
from passend.core.tests.scenario import client_voor
from passend.doelstellingen.models import Antwoord, Respons, Uitnodiging
from passend.doelstellingen.rules import Respondentgroep, code_hash, code_normaliseren
from passend.doelstellingen.tests.factories import UitnodigingFactory, VragenlijstFactory
from passend.doelstellingen.tests.test_invullen import open_lijst, veld
from passend.organisaties.tests.factories import VestigingFactory

pytestmark = pytest.mark.django_db


def _invullen(client: Client, code: str, antwoorden: dict[str, str]) -> None:
    assert client.post(reverse("vragenlijst:start"), {"code": code}).status_code == 302
    antwoord = client.post(reverse("vragenlijst:invullen"), antwoorden)
    assert antwoord.status_code == 302
    assert antwoord["Location"] == reverse("vragenlijst:bedankt")


def _kolommen(model: type[models.Model]) -> set[str]:
    return {veld.attname for veld in model._meta.concrete_fields}


def test_respons_en_antwoord_hebben_geen_kolom_die_naar_de_uitnodiging_wijst():
    assert _kolommen(Respons) == {"id", "vragenlijst_id", "samenwerkingsverband_id"}
    assert _kolommen(Antwoord) == {"id", "respons_id", "vraag_id", "waarde"}
    for model in (Respons, Antwoord, Uitnodiging):
        for relatie in model._meta.get_fields():
            assert relatie.related_model not in (
                {Uitnodiging} if model is not Uitnodiging else {Respons, Antwoord}
            ), f"{model.__name__}.{relatie.name} links answers and invitations"
    tijdvelden = (models.DateField, models.DateTimeField, models.TimeField)
    for model in (Respons, Antwoord):
        assert not [v for v in model._meta.concrete_fields if isinstance(v, tijdvelden)]
    # The invitation keeps no time of use either: only the day it was made.
    assert {v.attname for v in Uitnodiging._meta.concrete_fields if isinstance(v, tijdvelden)} == {
        "aangemaakt_op"
    }


def test_na_het_invullen_staat_de_code_nergens_bij_de_antwoorden():
    # Other invitations first, so the invitation's id is no other id of the rows by chance.
    UitnodigingFactory.create_batch(10, vragenlijst=VragenlijstFactory())
    lijst = open_lijst()
    eerste, _, cijfer = lijst.vragen
    _invullen(Client(), lijst.code, {veld(eerste): "5", veld(cijfer): "6"})

    sporen = {
        lijst.code,
        code_normaliseren(lijst.code),
        code_hash(lijst.code),
    }
    uitnodiging = Uitnodiging.objects.get(pk=lijst.uitnodiging.pk)
    assert uitnodiging.gebruikt
    rijen = [*Respons.objects.values(), *Antwoord.objects.values()]
    assert rijen
    for rij in rijen:
        for kolom, waarde in rij.items():
            assert str(waarde) not in sporen, f"{kolom} holds the code"
    assert uitnodiging.pk not in {waarde for rij in rijen for waarde in rij.values()}


def test_van_een_respons_is_de_uitnodiging_niet_te_vinden():
    """All a response shares with invitations is its questionnaire and SWV: every invitation
    of that list and SWV that was used is an equally good candidate."""
    lijst = open_lijst()
    tweede = UitnodigingFactory(vragenlijst=lijst.vragenlijst, code="PQRS-TUVW-XYZ2")
    UitnodigingFactory(vragenlijst=lijst.vragenlijst, code="PQRS-TUVW-XYZ3")  # never used
    _invullen(Client(), lijst.code, {veld(lijst.vragen[0]): "4"})
    _invullen(Client(), "PQRS-TUVW-XYZ2", {veld(lijst.vragen[0]): "2"})
    for respons in Respons.objects.all():
        kandidaten = Uitnodiging.objects.filter(
            vragenlijst=respons.vragenlijst,
            samenwerkingsverband=respons.samenwerkingsverband,
            gebruikt=True,
        )
        assert set(kandidaten) == {lijst.uitnodiging, tweede}


@pytest.mark.parametrize("ingelogd", [False, True])
def test_invullen_schrijft_niets_in_het_toegangslog_en_laat_niets_in_de_sessie(ingelogd):
    lijst = open_lijst()
    client = client_voor(RolFactory(rolsoort=Rolsoort.LERAAR)) if ingelogd else Client()
    client.get(reverse("vragenlijst:start"))
    voor = Toegangsregel.objects.count()
    _invullen(client, lijst.code, {veld(lijst.vragen[0]): "4"})
    client.get(reverse("vragenlijst:bedankt"))
    assert Toegangsregel.objects.count() == voor
    sporen = (lijst.code, code_normaliseren(lijst.code), code_hash(lijst.code))
    for regel in Toegangsregel.objects.values():
        for waarde in regel.values():
            assert not any(spoor in str(waarde) for spoor in sporen)
    # No session, of anybody, still holds the code or its hash.
    for sessie in Session.objects.all():
        inhoud = str(sessie.get_decoded())
        assert not any(spoor in inhoud for spoor in sporen)
    assert Session.objects.exists()


def _staat_na(client_codes: list[str], antwoorden: dict[str, str]) -> list[object]:
    """Answer with these codes in this order (rolled back afterwards): every stored row of
    the responses, answers and invitations, ids replaced by their rank (the order)."""
    with transaction.atomic():
        for code in client_codes:
            _invullen(Client(), code, antwoorden)
        responsen = list(Respons.objects.order_by("id").values())
        rang = {rij["id"]: i for i, rij in enumerate(responsen)}
        staat: list[object] = [{**rij, "id": rang[rij["id"]]} for rij in responsen]
        staat += [
            {**rij, "id": None, "respons_id": rang[rij["respons_id"]]}
            for rij in Antwoord.objects.order_by("id").values()
        ]
        staat += list(Uitnodiging.objects.order_by("id").values())
        transaction.set_rollback(True)
    return staat


def test_twee_uitnodigingen_van_een_school_zijn_in_elke_volgorde_gelijk():
    """Two pupils of one school give the same answers, once A before B, once B before A:
    the database looks exactly the same afterwards, so nothing tells which code gave which
    response. (What remains is the order itself: see the module docstring.)"""
    lijst = open_lijst(groep=Respondentgroep.LEERLING, code="AAAA-BBBB-CCC2")
    vestiging = VestigingFactory()
    Uitnodiging.objects.update(vestiging=vestiging)
    UitnodigingFactory(
        vragenlijst=lijst.vragenlijst,
        samenwerkingsverband=lijst.uitnodiging.samenwerkingsverband,
        vestiging=vestiging,
        code="AAAA-BBBB-CCC3",
    )
    antwoorden = {veld(lijst.vragen[0]): "4", veld(lijst.vragen[2]): "8"}
    a_dan_b = _staat_na(["AAAA-BBBB-CCC2", "AAAA-BBBB-CCC3"], antwoorden)
    b_dan_a = _staat_na(["AAAA-BBBB-CCC3", "AAAA-BBBB-CCC2"], antwoorden)
    assert len(a_dan_b) == 2 + 4 + 2
    assert a_dan_b == b_dan_a
