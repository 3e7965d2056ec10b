"""The real data: all 8,717 rows of ../shared/data/scholen.geo.json (DUO, 22 November 2024).

The file repeats 74 locations at a neighbouring BAG address (95 extra rows with the same
vestigingscode and the same data, only another house number and point); those are merged,
so 8,717 rows give 8,622 vestigingen.
"""

import datetime
import json
from collections import Counter
from pathlib import Path

import pytest
from django.conf import settings
from django.db.models import Count

from passend.organisaties.models import Gemeente, School, Vestiging
from passend.organisaties.services import vestigingen_importeren

pytestmark = pytest.mark.django_db

BESTAND = Path(settings.BASE_DIR).parent / "shared" / "data" / "scholen.geo.json"
SOORT_VAN_TYPE = {
    "basisschool": "bao",
    "SBAO": "sbo",
    "SO": "so",
    "VSO": "vso",
    "(V)SO": "so_vso",
    "PRO": "pro",
}


@pytest.fixture(scope="module")
def features() -> list[dict]:
    # The real data set lies beside the repository (../shared/data), in CI too.
    assert BESTAND.exists(), f"{BESTAND} ontbreekt: de test heeft de echte vestigingenlijst nodig"
    return json.loads(BESTAND.read_text(encoding="utf-8"))["features"]


def test_de_landelijke_lijst_twee_keer_inlezen(features: list[dict]) -> None:
    bron = BESTAND.read_bytes()
    peildatum = datetime.date(2024, 11, 22)
    # Independently of the importer: one soort per distinct vestigingscode, from ``type``.
    eerste_type = {}
    for f in features:
        eerste_type.setdefault(f["properties"]["vestigingscode"], f["properties"]["type"])
    verwacht = Counter(SOORT_VAN_TYPE.get(t, "vo") for t in eerste_type.values())
    assert len(features) == 8717
    assert Counter(f["properties"]["type"] for f in features)["basisschool"] == 6182

    resultaat = vestigingen_importeren(
        bron=bron, bestandsnaam=BESTAND.name, samenwerkingsverband=None, peildatum=peildatum
    )

    assert resultaat.gelezen == 8717
    assert resultaat.nieuw == len(eerste_type) == 8622
    assert resultaat.samengevoegd == 8717 - 8622
    assert resultaat.per_soort == dict(verwacht)
    assert Vestiging.objects.count() == 8622
    assert dict(Vestiging.objects.values_list("soort").annotate(n=Count("id"))) == dict(verwacht)
    assert School.objects.count() == len({code[:4] for code in eerste_type})
    assert Gemeente.objects.count() == len({f["properties"]["gemeente"] for f in features})
    assert Gemeente.objects.filter(naam="'s-Gravenhage").exists()
    assert not Vestiging.objects.filter(breedtegraad__isnull=True).exists()
    voor = dict(Vestiging.objects.values_list("pk", "gewijzigd_op"))

    opnieuw = vestigingen_importeren(
        bron=bron, bestandsnaam=BESTAND.name, samenwerkingsverband=None, peildatum=peildatum
    )

    assert (opnieuw.gelezen, opnieuw.nieuw, opnieuw.gewijzigd, opnieuw.ongewijzigd) == (
        8717,
        0,
        0,
        8622,
    )
    assert (opnieuw.gemeenten_nieuw, opnieuw.scholen_nieuw) == (0, 0)
    assert dict(Vestiging.objects.values_list("pk", "gewijzigd_op")) == voor
