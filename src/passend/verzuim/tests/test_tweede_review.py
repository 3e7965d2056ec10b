"""Regressions of the second review: one running case per pupil (service and database),
thuiszitters counted as children, the partner of a new action checked on the locked row,
and the lower bounds of the first day of absence."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.leerlingen.tests.factories import InschrijvingFactory, LeerlingFactory
from passend.verzuim import services
from passend.verzuim.models import Actiepunt, Verzuimmelding
from passend.verzuim.rules import Partnersoort, Reden, Uitkomst, Verzuimsoort, duur_in_weken
from passend.verzuim.selectors.cijfers import Gebied, leerplichttelling, verzuim_cijfers
from passend.verzuim.tests.factories import VerzuimmeldingFactory

R = Rolsoort
pytestmark = pytest.mark.django_db


def vandaag() -> date:
    return timezone.localdate()


def melden(regio: Any, **extra: Any) -> Verzuimmelding:
    velden: dict[str, Any] = {
        "actor": regio[R.INTERN_BEGELEIDER],
        "leerling": regio.leerling,
        "soort": Verzuimsoort.RELATIEF,
        "sinds": vandaag() - timedelta(weeks=6),
        "reden": Reden.GEEN_PASSEND_AANBOD,
        "leerplichtambtenaar": regio[R.LEERPLICHTAMBTENAAR].gebruiker,
        "route": "test",
    }
    velden.update(extra)
    return services.melding_maken(**velden)


# --- One running case per pupil ------------------------------------------------------------


def test_tweede_lopende_melding_voor_dezelfde_leerling_wordt_geweigerd(wereld: Any) -> None:
    regio = wereld.eigen
    eerste = melden(regio)
    with pytest.raises(ValidationError) as exc:
        melden(regio, actor=regio[R.LOKET], soort=Verzuimsoort.VRIJSTELLING_5A)
    assert exc.value.message_dict == {
        "leerling": [f"Er loopt al verzuimmelding {eerste.meldnummer} voor deze leerling."]
    }
    assert Verzuimmelding.objects.filter(leerling=regio.leerling).count() == 1
    # Once the case has ended, a new one may be reported.
    services.melding_beeindigen(
        actor=regio[R.LOKET],
        melding=eerste,
        revisie=1,
        einde=vandaag(),
        uitkomst=Uitkomst.TERUG_NAAR_SCHOOL,
    )
    tweede = melden(regio, sinds=vandaag())
    assert tweede.meldnummer != eerste.meldnummer


def test_database_staat_geen_twee_lopende_meldingen_per_leerling_toe(wereld: Any) -> None:
    kind = LeerlingFactory()
    VerzuimmeldingFactory(leerling=kind)
    VerzuimmeldingFactory(leerling=kind, beeindigd=True)  # an ended case is fine
    with pytest.raises(IntegrityError), transaction.atomic():
        VerzuimmeldingFactory(leerling=kind)


def test_thuiszitters_tellen_kinderen_niet_meldingen(wereld: Any) -> None:
    """A child with two thuiszitter cases in the period (one ended, then a new one) is one
    thuiszitter, also per 1,000 pupils and per quarter, and in the Leerplichttelling."""
    regio = wereld.eigen
    regio.vestiging.leerlingenaantal = 1000
    regio.vestiging.save()
    kind = LeerlingFactory()
    D = date
    VerzuimmeldingFactory(
        leerling=kind,
        samenwerkingsverband=regio.swv,
        gemeente=regio.gemeente,
        vestiging=regio.vestiging,
        sinds=D(2025, 9, 1),
        einde=D(2025, 11, 1),
        uitkomst=Uitkomst.OVERIG,
        duur_weken=duur_in_weken(D(2025, 9, 1), D(2025, 11, 1)),
    )
    VerzuimmeldingFactory(
        leerling=kind,
        samenwerkingsverband=regio.swv,
        gemeente=regio.gemeente,
        absoluut=True,
        sinds=D(2025, 11, 20),
    )
    cijfers = verzuim_cijfers(
        gebied=Gebied(label="x", samenwerkingsverband=regio.swv),
        van=D(2025, 9, 1),
        tot=D(2025, 12, 31),
        peildatum=D(2025, 12, 31),
    )
    assert cijfers["aantal_meldingen"] == 2
    assert cijfers["thuiszitters"] == {
        "totaal": 1,
        "absoluut": 1,
        "langdurig_relatief": 0,
        "per_duizend": cijfers["thuiszitters"]["per_duizend"],
    }
    assert str(cijfers["thuiszitters"]["per_duizend"]) == "1.0"
    (kwartaal,) = [k for k in cijfers["trend"] if k["kwartaal"].endswith("4")]
    assert kwartaal["thuiszitters"] == 1
    telling = leerplichttelling(
        gemeente=regio.gemeente, schooljaar="2025-2026", peildatum=D(2026, 1, 1)
    )
    assert telling["aantal"] == 2
    assert telling["thuiszitters"] == {"totaal": 1, "absoluut": 1, "langdurig_relatief": 0}


# --- The partner of a new action -----------------------------------------------------------


def test_actie_voor_een_partner_die_intussen_stopte_wordt_geweigerd(wereld: Any) -> None:
    regio = wereld.eigen
    melding = melden(regio)
    partner = melding.partners.get(soort=Partnersoort.LEERPLICHT)  # loaded with the form
    services.partner_beeindigen(actor=regio[R.LOKET], partner=partner, tot=vandaag())
    assert partner.tot is None  # the caller's object is stale
    with pytest.raises(ValidationError) as exc:
        services.actiepunt_toevoegen(
            actor=regio[R.INTERN_BEGELEIDER],
            melding=melding,
            omschrijving="Huisbezoek",
            eigenaar=partner,
            deadline=vandaag() + timedelta(days=7),
        )
    assert exc.value.message_dict == {
        "eigenaar": ["Kies een partner die nu meedoet in deze melding."]
    }
    assert not Actiepunt.objects.exists()


# --- The first day of absence --------------------------------------------------------------


def test_eerste_verzuimdag_niet_voor_de_4e_verjaardag(wereld: Any) -> None:
    regio = wereld.eigen
    kind = LeerlingFactory(geboortedatum=vandaag() - timedelta(days=5 * 365))
    InschrijvingFactory(leerling=kind, vestiging=regio.vestiging)
    vier = kind.geboortedatum.replace(year=kind.geboortedatum.year + 4)
    with pytest.raises(ValidationError) as exc:
        melden(regio, leerling=kind, sinds=vier - timedelta(days=1))
    assert exc.value.message_dict == {
        "sinds": [
            "De eerste verzuimdag kan niet vóór de 4e verjaardag van het kind "
            f"({vier:%d-%m-%Y}) liggen."
        ]
    }
    assert melden(regio, leerling=kind, sinds=vier).sinds == vier


def test_eerste_verzuimdag_niet_meer_dan_2_jaar_terug(wereld: Any) -> None:
    regio = wereld.eigen
    try:
        grens = vandaag().replace(year=vandaag().year - 2)
    except ValueError:  # 29 February
        grens = date(vandaag().year - 2, 3, 1)
    with pytest.raises(ValidationError) as exc:
        melden(regio, sinds=grens - timedelta(days=1))
    assert exc.value.message_dict == {
        "sinds": [
            f"De eerste verzuimdag ligt meer dan 2 jaar vóór de melding ({grens:%d-%m-%Y}). "
            "Controleer de datum."
        ]
    }
    melding = melden(regio, sinds=grens)
    # The same bounds when the date is corrected.
    with pytest.raises(ValidationError) as exc:
        services.melding_wijzigen(
            actor=regio[R.LOKET],
            melding=melding,
            revisie=1,
            wijzigingen={"sinds": grens - timedelta(days=1)},
        )
    assert list(exc.value.message_dict) == ["sinds"]
    geboren = regio.leerling.geboortedatum
    with pytest.raises(ValidationError) as exc:
        services.melding_wijzigen(
            actor=regio[R.LOKET],
            melding=melding,
            revisie=1,
            wijzigingen={"sinds": geboren},
        )
    assert "4e verjaardag" in exc.value.message_dict["sinds"][0]
    assert Verzuimmelding.objects.get(pk=melding.pk).sinds == grens


def test_sinds_later_zetten_mag_niet_als_de_onderwijsconsulent_dan_te_vroeg_was(
    wereld: Any,
) -> None:
    regio = wereld.eigen
    melding = melden(regio, sinds=vandaag() - timedelta(days=40))
    op = vandaag() - timedelta(days=5)
    services.onderwijsconsulent_vastleggen(
        actor=regio[R.LOKET], melding=melding, revisie=1, op=op, naam="Mw. Consulent"
    )
    with pytest.raises(ValidationError) as exc:
        services.melding_wijzigen(
            actor=regio[R.LOKET],
            melding=melding,
            revisie=2,
            wijzigingen={"sinds": vandaag() - timedelta(days=20)},
        )
    assert exc.value.message_dict == {
        "sinds": [
            f"Met deze eerste verzuimdag was het kind op {op:%d-%m-%Y} nog geen 4 weken "
            "thuis: toen is al een onderwijsconsulent ingeschakeld."
        ]
    }
    # Still more than 4 weeks before the consulent: allowed.
    gewijzigd = services.melding_wijzigen(
        actor=regio[R.LOKET],
        melding=melding,
        revisie=2,
        wijzigingen={"sinds": op - timedelta(days=28)},
    )
    assert gewijzigd.sinds == op - timedelta(days=28)
