import datetime

import pytest

from passend.organisaties.selectors import besturen_in_swv
from passend.organisaties.tests.factories import (
    SamenwerkingsverbandFactory,
    SchoolFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)

pytestmark = pytest.mark.django_db

PEILDATUM = datetime.date(2026, 11, 23)


def test_besturen_in_swv_tellen_alleen_de_lopende_vestigingen_in_dat_swv():
    swv = SamenwerkingsverbandFactory()
    ander = SamenwerkingsverbandFactory()
    school = SchoolFactory()
    for nummer in range(2):
        SwvLidmaatschapFactory(
            vestiging=VestigingFactory(school=school, vestigingscode=f"{school.brin}0{nummer}"),
            samenwerkingsverband=swv,
        )
    SwvLidmaatschapFactory(
        vestiging=VestigingFactory(school=school, vestigingscode=f"{school.brin}05"),
        samenwerkingsverband=ander,
    )
    SwvLidmaatschapFactory(
        vestiging=VestigingFactory(school=school, vestigingscode=f"{school.brin}06"),
        samenwerkingsverband=swv,
        van=datetime.date(2015, 8, 1),
        tot=datetime.date(2020, 7, 31),
    )
    elders = SchoolFactory()  # a board without a location in the SWV
    SwvLidmaatschapFactory(
        vestiging=VestigingFactory(school=elders, vestigingscode=f"{elders.brin}00"),
        samenwerkingsverband=ander,
    )
    besturen = list(besturen_in_swv(samenwerkingsverband=swv, peildatum=PEILDATUM))
    assert [(b.pk, b.aantal_vestigingen) for b in besturen] == [(school.bestuur_id, 2)]
