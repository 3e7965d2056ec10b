"""The national KPI benchmark's generator, on a small scale on the test database: the
regions, boards, memberships and tellingen it promises, case data at the documented rates
with states the models accept, the same data for the same seed, and PostgreSQL only."""

from datetime import date

import pytest
from django.db import connection, transaction

from passend.aanbod.models import Wachtlijststand
from passend.arrangementen.models import Arrangementaanvraag
from passend.geschillen.models import Onenigheid, VeiligThuisMelding
from passend.leerlingen.models import Leerling
from passend.monitor import bench_kpi
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.organisaties.models import (
    Leerlingtelling,
    Samenwerkingsverband,
    School,
    SwvLidmaatschap,
)
from passend.organisaties.rules import Soort
from passend.organisaties.tests.factories import SchoolFactory, VestigingFactory
from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
from passend.verzuim.models import Verzuimmelding
from passend.zorgplicht.models import Aanmelding

pytestmark = pytest.mark.django_db

#: (code, soort, pupils, regions): one PO location without a count (median of its soort).
LOCATIES = (
    ("91AA00", Soort.BAO, 2000, {"po": "PO-01"}),
    ("91AB00", Soort.BAO, 1500, {"po": "PO-02"}),
    ("91AC00", Soort.BAO, None, {"po": "PO-01"}),
    ("91AD00", Soort.SBO, 200, {"po": "PO-01"}),
    ("91AE00", Soort.SO_VSO, 150, {"po": "PO-02", "vo": "VO-01"}),
    ("91AF00", Soort.VO, 3000, {"vo": "VO-01"}),
)
#: The regular pupils: 2000 + 1500 + 1750 (median of 2000 and 1500) + 3000.
REGULIER = 8250


def _locaties() -> dict[str, dict[str, str]]:
    for i, (code, soort, aantal, _regios) in enumerate(LOCATIES):
        school = (
            SchoolFactory(brin=code[:4], bestuur=None) if i % 2 else SchoolFactory(brin=code[:4])
        )
        VestigingFactory(school=school, vestigingscode=code, soort=soort, leerlingenaantal=aantal)
    return {code: regios for code, _s, _a, regios in LOCATIES}


def _digest() -> tuple[object, ...]:
    """The generated data without database ids (those differ between runs)."""
    return (
        sorted(
            Ontwikkelingsperspectief.objects.values_list(
                "vestiging__vestigingscode", "start_extra_ondersteuning", "status", "einddatum"
            )
        ),
        sorted(
            Toelaatbaarheidsverklaring.objects.values_list(
                "vestiging__vestigingscode", "status", "schoolsoort", "besluit_op", "einddatum"
            )
        ),
        sorted(Verzuimmelding.objects.values_list("meldnummer", "soort", "sinds", "einde")),
        sorted(Aanmelding.objects.values_list("ontvangen_op", "uitkomst", "uitkomst_op")),
    )


def test_generator_belooft_regios_tellingen_en_gevallen() -> None:
    regios = _locaties()
    zonder_bestuur = School.objects.filter(bestuur__isnull=True).count()
    assert zonder_bestuur == 3

    aantallen = bench_kpi.nationaal_bouwen(regios)

    # 3 regions → 3 SWVs; every location in the region of each sector it serves.
    assert sorted(Samenwerkingsverband.objects.values_list("code", flat=True)) == [
        "PO3001",
        "PO3002",
        "VO3001",
    ]
    assert aantallen["samenwerkingsverbanden"] == 3
    assert aantallen["lidmaatschappen"] == SwvLidmaatschap.objects.count() == 7
    assert set(
        SwvLidmaatschap.objects.filter(vestiging__vestigingscode="91AE00").values_list(
            "samenwerkingsverband__code", "sector"
        )
    ) == {("PO3002", "PO"), ("VO3001", "VO")}
    assert aantallen["besturen"] == 3
    assert not School.objects.filter(bestuur__isnull=True).exists()

    # A telling per location per 1 October 2021 … 2025; the last is the location's count.
    assert aantallen["leerlingtellingen"] == Leerlingtelling.objects.count() == 6 * 5
    laatste = dict(
        Leerlingtelling.objects.filter(teldatum=date(2025, 10, 1)).values_list(
            "vestiging__vestigingscode", "aantal"
        )
    )
    assert laatste == {"91AA00": 2000, "91AB00": 1500, "91AC00": 1750, "91AD00": 200,
                       "91AE00": 150, "91AF00": 3000}  # fmt: skip
    eerste = Leerlingtelling.objects.get(
        vestiging__vestigingscode="91AA00", teldatum=date(2021, 10, 1)
    ).aantal
    assert 2000 * 0.97**4 - 1 <= eerste <= 2000 * 1.03**4 + 1

    # Case data at the documented rates (5 school years; TLVs also in the lead-in year).
    opps = Ontwikkelingsperspectief.objects.count()
    tlvs = Toelaatbaarheidsverklaring.objects.count()
    assert aantallen["ontwikkelingsperspectieven"] == opps
    nieuw_in_periode = Ontwikkelingsperspectief.objects.filter(
        start_extra_ondersteuning__gte=date(2021, 8, 1)
    ).count()
    assert 0.016 * REGULIER * 5 <= nieuw_in_periode <= 0.024 * REGULIER * 5
    assert 0.6 <= tlvs / opps <= 0.85
    assert Toelaatbaarheidsverklaring.objects.filter(grensverkeer=True).exists()
    assert 0.002 * REGULIER * 5 <= Arrangementaanvraag.objects.count() <= 0.008 * REGULIER * 5
    assert Verzuimmelding.objects.count() == aantallen["verzuimmeldingen"] > 0
    assert Aanmelding.objects.count() == aantallen["aanmeldingen"] > 0
    assert Aanmelding.objects.exclude(uitkomst="").exists()
    assert Onenigheid.objects.count() == aantallen["onenigheden"] > 0
    assert VeiligThuisMelding.objects.count() == aantallen["veilig_thuis_meldingen"] > 0
    # Waiting lists: 5 standen a school year at the 2 special locations, to July 2026.
    assert Wachtlijststand.objects.count() == aantallen["wachtlijststanden"] == 2 * 5 * 5
    # Only pupils with a case have a Leerling row.
    assert Leerling.objects.count() == aantallen["leerlingen"]

    # Every state is one the models accept (constraints and choices), for a sample.
    for model in (
        Ontwikkelingsperspectief,
        Toelaatbaarheidsverklaring,
        Arrangementaanvraag,
        Verzuimmelding,
        Aanmelding,
        Onenigheid,
        VeiligThuisMelding,
    ):
        for rij in model.objects.order_by("pk")[:40]:
            rij.full_clean()


def test_zelfde_seed_zelfde_gegevens() -> None:
    regios = _locaties()
    with transaction.atomic():
        eerste = bench_kpi.nationaal_bouwen(regios)
        eerste_digest = _digest()
        transaction.set_rollback(True)
    tweede = bench_kpi.nationaal_bouwen(regios)
    assert tweede == eerste
    assert _digest() == eerste_digest


def test_alleen_postgresql(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(connection, "vendor", "sqlite")
    with pytest.raises(RuntimeError, match="alleen op PostgreSQL"):
        bench_kpi.run(meld=lambda _t: None)
