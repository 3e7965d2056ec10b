"""The verzuim case pages use a fixed number of SQL queries, whether they hold 10 cases (or
partners and actions) or 300. Each maximum is the measured count plus a small margin."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.core.tests.scenario import client_voor
from passend.leerlingen.models import Leerling
from passend.verzuim.models import Actiepunt, Partner, Verzuimmelding
from passend.verzuim.rules import Partnersoort, Reden, Verzuimsoort
from passend.verzuim.selectors.werk import mijn_werk

R = Rolsoort
pytestmark = pytest.mark.django_db
AANTALLEN = [10, 300]
# Measured + a margin of 2. Each count includes the session, the user, the second factor,
# the active role and the access-log record (with its savepoint).
MAX_OVERZICHT = 15  # measured 13 (50 per page)
MAX_MELDING = 17  # measured 15


def meldingen(regio: Any, aantal: int) -> Verzuimmelding:
    """``aantal`` running cases of the region's SWV, each with the region's
    leerplichtambtenaar as partner and an action; returns one of them."""
    vandaag = timezone.localdate()
    Leerling.objects.bulk_create(
        Leerling(
            voornamen=f"Voornaam{i}",
            achternaam=f"Achternaam{i:04d}",
            geboortedatum=date(2014, 1, 1),
            postcode="3511 AB",
        )
        for i in range(aantal)
    )
    leerlingen = list(Leerling.objects.order_by("-id")[:aantal])
    ib = regio[R.INTERN_BEGELEIDER].gebruiker
    Verzuimmelding.objects.bulk_create(
        Verzuimmelding(
            meldnummer=f"2026-{i + 1:04d}",
            leerling=leerling,
            samenwerkingsverband=regio.swv,
            vestiging=regio.vestiging,
            schoolbestuur=regio.vestiging.school.bestuur,
            gemeente=regio.gemeente,
            soort=Verzuimsoort.RELATIEF,
            sinds=vandaag - timedelta(days=(i * 13) % 120),
            reden=Reden.GEEN_PASSEND_AANBOD,
            gemeld_door=ib,
        )
        for i, leerling in enumerate(leerlingen)
    )
    alle = list(Verzuimmelding.objects.filter(samenwerkingsverband=regio.swv))
    lpa = regio[R.LEERPLICHTAMBTENAAR].gebruiker
    Partner.objects.bulk_create(
        Partner(
            melding=m, soort=Partnersoort.LEERPLICHT, gebruiker=lpa, naam="Leerplicht", van=m.sinds
        )
        for m in alle
    )
    partners = {p.melding_id: p for p in Partner.objects.filter(melding__in=alle)}
    Actiepunt.objects.bulk_create(
        Actiepunt(
            melding=m,
            omschrijving="Gesprek",
            eigenaar=partners[m.pk],
            deadline=vandaag - timedelta(days=1),
            aangemaakt_door=ib,
        )
        for m in alle
    )
    return alle[0]


def veel_van_een(melding: Verzuimmelding, aantal: int, regio: Any) -> None:
    """Many partners and actions in one case."""
    Partner.objects.bulk_create(
        Partner(melding=melding, soort=Partnersoort.ANDERS, naam=f"Partner {i}", van=melding.sinds)
        for i in range(aantal)
    )
    eigenaar = Partner.objects.filter(melding=melding).first()
    assert eigenaar is not None
    Actiepunt.objects.bulk_create(
        Actiepunt(
            melding=melding,
            omschrijving=f"Actie {i}",
            eigenaar=eigenaar,
            deadline=melding.sinds,
            aangemaakt_door=regio[R.INTERN_BEGELEIDER].gebruiker,
        )
        for i in range(aantal)
    )


@pytest.mark.parametrize("aantal", AANTALLEN)
@pytest.mark.parametrize("rolsoort", [R.LOKET, R.LEERPLICHTAMBTENAAR, R.INTERN_BEGELEIDER])
def test_overzicht(
    wereld: Any, aantal: int, rolsoort: str, django_assert_max_num_queries: Any
) -> None:
    regio = wereld.eigen
    meldingen(regio, aantal)
    client = client_voor(regio[rolsoort].rol)
    for query in ("", "?thuiszitters=1", "?status=alle&pagina=2"):
        with django_assert_max_num_queries(MAX_OVERZICHT):
            assert client.get(reverse("verzuim:overzicht") + query).status_code == 200


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_melding(wereld: Any, aantal: int, django_assert_max_num_queries: Any) -> None:
    regio = wereld.eigen
    melding = meldingen(regio, 3)
    veel_van_een(melding, aantal, regio)
    for rolsoort in (R.LOKET, R.LEERPLICHTAMBTENAAR):
        client = client_voor(regio[rolsoort].rol)
        with django_assert_max_num_queries(MAX_MELDING):
            antwoord = client.get(reverse("verzuim:melding", args=[melding.sleutel]))
        assert antwoord.status_code == 200
        assert f"Actie {aantal - 1}" in antwoord.content.decode()


@pytest.mark.parametrize("aantal", AANTALLEN)
def test_mijn_werk(wereld: Any, aantal: int, django_assert_max_num_queries: Any) -> None:
    regio = wereld.eigen
    meldingen(regio, aantal)
    for rolsoort in (R.LOKET, R.LEERPLICHTAMBTENAAR, R.INTERN_BEGELEIDER):
        with django_assert_max_num_queries(2):
            items = mijn_werk(actor=regio[rolsoort], peildatum=timezone.localdate())
        assert items
