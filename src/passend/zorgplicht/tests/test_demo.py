"""The demo registrations: built through the services into a small demo region, with live
terms (counted from today) and every outcome."""

import pytest
from django.utils import timezone

from passend.core.perioden import actief_op
from passend.demo.bouwer import bouw_demo_regio
from passend.demo.bouwer.aanmeldingen import demo_aanmeldingen_opslaan
from passend.leerlingen.models import Inschrijving
from passend.zorgplicht.models import Aanmelding, Stap
from passend.zorgplicht.rules import Stand, Uitkomst, Wijze, stand
from passend.zorgplicht.selectors import termijnen_van

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    bouw_demo_regio(seed=2026, aantal_leerlingen=300)
    meldingen: list[str] = []
    demo_aanmeldingen_opslaan(meldingen.append)
    return meldingen


def test_demo_heeft_lopende_verlengde_te_late_en_besloten_aanmeldingen(demo):
    vandaag = timezone.localdate()
    from passend.demo.bouwer.monitor import voormalige_leerlingen

    # The demo's own registrations (the monitor's history of earlier years has its own tests).
    aanmeldingen = list(
        Aanmelding.objects.exclude(leerling__in=voormalige_leerlingen()).select_related(
            "vestiging__school"
        )
    )
    assert len(aanmeldingen) >= 8
    standen = [stand(termijnen_van(a), vandaag) for a in aanmeldingen]
    assert Stand.LOPEND in standen
    assert Stand.VERLENGD in standen
    assert Stand.TE_LAAT in standen
    assert Stand.TIJDELIJKE_PLAATSING in standen
    assert {a.uitkomst for a in aanmeldingen} >= set(Uitkomst.values)
    assert {a.vestiging.school.naam for a in aanmeldingen} == {
        "OBS De Zonnebloem",
        "Scholengemeenschap De Driestroom",
    }
    assert any(a.wijze == Wijze.PORTAAL for a in aanmeldingen)
    # Every registration has its history; an admission enrolled the pupil.
    assert all(Stap.objects.filter(aanmelding=a).exists() for a in aanmeldingen)
    toegelaten = next(a for a in aanmeldingen if a.uitkomst == Uitkomst.TOEGELATEN)
    assert (
        Inschrijving.objects.filter(leerling=toegelaten.leerling, vestiging=toegelaten.vestiging)
        .filter(actief_op(vandaag))
        .exists()
    )


def test_demo_aanmeldingen_worden_niet_dubbel_opgeslagen(demo):
    aantal = Aanmelding.objects.count()
    assert demo_aanmeldingen_opslaan(lambda tekst: None) == 0
    assert Aanmelding.objects.count() == aantal
