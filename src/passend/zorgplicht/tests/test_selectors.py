"""Visibility of registrations per role, the overview order in the database (the same as the
pure rule), the counts, and the start-page items ("mijn werk")."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from passend.leerlingen.models import Inschrijving
from passend.organisaties.models import SwvLidmaatschap
from passend.zorgplicht.models import Aanmelding
from passend.zorgplicht.permissions import beleid
from passend.zorgplicht.rules import volgorde
from passend.zorgplicht.selectors import (
    aanmeldingen_zichtbaar_voor,
    in_termijnvolgorde,
    mijn_werk,
    termijnen_van,
    termijntellingen,
)
from passend.zorgplicht.tests.factories import AanmeldingFactory

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()


@pytest.fixture
def aanmelding(wereld) -> Aanmelding:
    return AanmeldingFactory(
        leerling=wereld.kind, vestiging=wereld.vestiging, ontvangen_op=VANDAAG - timedelta(days=5)
    )


ZIET = ["ib", "schoolleider", "bestuurder", "loket", "ouder", "ouder_zonder_gezag"]
ZIET_NIET = ["leraar", "deskundige", "ander_loket", "schoolleider_elders", "privacy_officer"]


@pytest.mark.parametrize("rol", ZIET)
def test_wie_de_aanmelding_ziet(wereld, aanmelding, rol):
    actor = getattr(wereld, rol)
    assert list(aanmeldingen_zichtbaar_voor(actor=actor)) == [aanmelding]
    assert beleid.mag(actor, "bekijken", aanmelding)


@pytest.mark.parametrize("rol", ZIET_NIET)
def test_wie_de_aanmelding_niet_ziet(wereld, aanmelding, rol):
    actor = getattr(wereld, rol)
    assert not aanmeldingen_zichtbaar_voor(actor=actor).exists()
    assert not beleid.mag(actor, "bekijken", aanmelding)


def test_de_aanmelding_geeft_geen_inzage_in_het_dossier(wereld, aanmelding):
    from passend.leerlingen.permissions import beleid as leerling_beleid

    for rol in ("ib", "bestuurder", "loket"):
        assert not leerling_beleid.mag(getattr(wereld, rol), "bekijken", wereld.kind)


def test_swv_ziet_alleen_vestigingen_die_nu_lid_zijn(wereld, aanmelding):
    SwvLidmaatschap.objects.filter(vestiging=wereld.vestiging).update(
        tot=VANDAAG - timedelta(days=1)
    )
    assert not aanmeldingen_zichtbaar_voor(actor=wereld.loket).exists()


@pytest.mark.parametrize(
    ("rol", "acties"),
    [
        ("schoolleider", {"bekijken", "vastleggen", "verlengen", "beslissen", "brief_lezen"}),
        ("bestuurder", {"bekijken", "termijnen_bewaken", "verlengen", "beslissen", "brief_lezen"}),
        ("ib", {"bekijken", "vastleggen", "brief_lezen"}),
        ("loket", {"bekijken", "termijnen_bewaken"}),
        ("ouder", {"bekijken", "aanmelden", "brief_lezen"}),
        ("leraar", set()),
        ("deskundige", set()),
    ],
)
def test_acties_per_rol(wereld, aanmelding, rol, acties):
    alle = {
        "bekijken",
        "vastleggen",
        "aanmelden",
        "termijnen_bewaken",
        "verlengen",
        "beslissen",
        "brief_lezen",
    }
    actor = getattr(wereld, rol)
    assert {a for a in alle if beleid.mag(actor, a, aanmelding)} == acties


def test_volgorde_in_de_database_is_die_van_de_regel(wereld):
    specs = [(80, False), (50, False), (45, True), (30, True), (40, False), (2, False), (20, False)]
    for i, (dagen, verlengd) in enumerate(specs):
        AanmeldingFactory(
            vestiging=wereld.vestiging,
            ontvangen_op=VANDAAG - timedelta(days=dagen),
            verlengd=verlengd,
            verlengd_op=VANDAAG - timedelta(days=dagen) + timedelta(days=40) if verlengd else None,
            leerling__achternaam=f"Kind{i}",
        )
    AanmeldingFactory(vestiging=wereld.vestiging, vol=True)
    uit_db = list(in_termijnvolgorde(Aanmelding.objects.all(), vandaag=VANDAAG))
    volgens_regel = sorted(uit_db, key=lambda a: (volgorde(termijnen_van(a), VANDAAG), a.pk))
    assert uit_db == volgens_regel
    assert uit_db[0].ontvangen_op == VANDAAG - timedelta(days=80)
    assert uit_db[-1].uitkomst


def test_tellingen(wereld):
    AanmeldingFactory(
        vestiging=wereld.vestiging, ontvangen_op=VANDAAG - timedelta(days=80)
    )  # tijdelijk
    AanmeldingFactory(
        vestiging=wereld.vestiging, ontvangen_op=VANDAAG - timedelta(days=50)
    )  # te laat
    AanmeldingFactory(
        vestiging=wereld.vestiging, ontvangen_op=VANDAAG - timedelta(days=38)
    )  # bijna
    AanmeldingFactory(
        vestiging=wereld.vestiging,
        ontvangen_op=VANDAAG - timedelta(days=45),
        verlengd=True,
        verlengd_op=VANDAAG - timedelta(days=4),
    )
    AanmeldingFactory(vestiging=wereld.vestiging, ontvangen_op=VANDAAG - timedelta(days=1))
    AanmeldingFactory(vestiging=wereld.vestiging, vol=True)
    assert termijntellingen(Aanmelding.objects.all(), peildatum=VANDAAG) == {
        "open": 5,
        "tijdelijk": 1,
        "te_laat": 2,
        "verlengd": 1,
        "bijna": 1,
    }


def test_mijn_werk_voor_het_swv_noemt_tijdelijke_plaatsing(wereld):
    AanmeldingFactory(vestiging=wereld.vestiging, ontvangen_op=VANDAAG - timedelta(days=80))
    AanmeldingFactory(vestiging=wereld.buurschool, ontvangen_op=VANDAAG - timedelta(days=50))
    items = mijn_werk(actor=wereld.loket, peildatum=VANDAAG)
    assert items == [
        {
            "tekst": "1 kind met recht op tijdelijke plaatsing (na 10 weken geen besluit op de aanmelding)",
            "aantal": 1,
            "url": reverse("zorgplicht:termijnen"),
        },
        {
            "tekst": "1 aanmelding met een verlopen beslistermijn",
            "aantal": 1,
            "url": reverse("zorgplicht:termijnen"),
        },
    ]
    assert mijn_werk(actor=wereld.ander_loket, peildatum=VANDAAG) == []
    assert mijn_werk(actor=wereld.deskundige, peildatum=VANDAAG) == []


def test_mijn_werk_voor_school_en_ouder(wereld):
    AanmeldingFactory(
        leerling=wereld.kind, vestiging=wereld.vestiging, ontvangen_op=VANDAAG - timedelta(days=37)
    )
    school = mijn_werk(actor=wereld.ib, peildatum=VANDAAG)
    assert [i["tekst"] for i in school] == [
        "1 aanmelding met een termijn die binnen 7 dagen verloopt",
        "1 aanmelding wacht op een besluit",
    ]
    assert all(i["url"] == reverse("zorgplicht:overzicht") for i in school)
    assert mijn_werk(actor=wereld.ouder, peildatum=VANDAAG) == [
        {
            "tekst": "1 aanmelding wacht op een besluit van de school",
            "aantal": 1,
            "url": reverse("zorgplicht:portaal"),
        }
    ]
    assert mijn_werk(actor=wereld.leraar, peildatum=VANDAAG) == []
    assert mijn_werk(actor=wereld.privacy_officer, peildatum=VANDAAG) == []


def test_na_inschrijving_ziet_de_school_het_dossier(wereld, aanmelding):
    from passend.leerlingen.permissions import beleid as leerling_beleid
    from passend.zorgplicht import services

    services.aanmelding_besluiten(
        actor=wereld.schoolleider,
        aanmelding=aanmelding,
        uitkomst="toegelaten",
        ingangsdatum=VANDAAG,
    )
    assert Inschrijving.objects.filter(leerling=wereld.kind, vestiging=wereld.vestiging).exists()
    assert leerling_beleid.mag(wereld.ib, "bekijken", wereld.kind)
