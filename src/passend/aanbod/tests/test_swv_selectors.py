"""The SWV's reads: the state of the region's offers, the coverage per area, the waiting
lists over time, the export rows and the management list of the sociale kaart. Also home
of the small world the other swv test modules build on (``Regio``)."""

import datetime
from dataclasses import dataclass

import pytest
from django.http import Http404

from passend.aanbod.models import Aanbod
from passend.aanbod.rules import Status
from passend.aanbod.selectors.regio import (
    dekking_per_gebied,
    exportregels,
    regio_samenvatting,
    regio_vestigingen,
    voorziening_voor_beheer,
    voorzieningen_van_swv,
    wachtlijstreeksen,
    wachtlijststanden,
    werkgebied,
)
from passend.aanbod.tests.factories import (
    SCHOOLJAAR,
    AanbodFactory,
    GebiedsaanbodFactory,
    VoorzieningFactory,
    WachtlijststandFactory,
    gebied,
)
from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.accounts.tests.factories import RolFactory
from passend.core.grafiek import Punt
from passend.organisaties.models import Samenwerkingsverband, Vestiging
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)

pytestmark = pytest.mark.django_db
R = Rolsoort


@dataclass
class Regio:
    """An SWV with locations in its region, and one location elsewhere."""

    swv: Samenwerkingsverband
    vestigingen: list[Vestiging]
    elders: Vestiging

    def actor(self, rolsoort: str = R.DIRECTEUR) -> Actor:
        rol = RolFactory(rolsoort=rolsoort, samenwerkingsverband=self.swv)
        return Actor(gebruiker=rol.gebruiker, rol=rol)


def maak_regio(aantal: int = 3, soort: str = "bao") -> Regio:
    swv = SamenwerkingsverbandFactory(naam="Passend Primair Rivierenland")
    vestigingen = [
        SwvLidmaatschapFactory(
            samenwerkingsverband=swv,
            vestiging=VestigingFactory(soort=soort, naam=f"School {i:03d}"),
        ).vestiging
        for i in range(aantal)
    ]
    elders = SwvLidmaatschapFactory(vestiging=VestigingFactory(soort=soort)).vestiging
    return Regio(swv=swv, vestigingen=vestigingen, elders=elders)


def test_stand_van_het_aanbod_per_vestiging():
    regio = maak_regio(4)
    gepubliceerd, met_concept, alleen_concept, niets = regio.vestigingen
    AanbodFactory(vestiging=gepubliceerd, gepubliceerd=True)
    AanbodFactory(vestiging=met_concept, gepubliceerd=True)
    AanbodFactory(vestiging=met_concept, versie=2)
    AanbodFactory(vestiging=alleen_concept)
    AanbodFactory(vestiging=regio.elders, gepubliceerd=True)
    # Another school year does not count.
    AanbodFactory(vestiging=niets, schooljaar="2025-2026", gepubliceerd=True)
    actor = regio.actor(R.LOKET)
    rijen = {v.pk: v for v in regio_vestigingen(actor=actor, schooljaar=SCHOOLJAAR)}
    assert set(rijen) == {v.pk for v in regio.vestigingen}
    assert (rijen[gepubliceerd.pk].heeft_gepubliceerd, rijen[gepubliceerd.pk].heeft_concept) == (
        True,
        False,
    )
    assert rijen[met_concept.pk].heeft_gepubliceerd and rijen[met_concept.pk].heeft_concept
    assert not rijen[alleen_concept.pk].heeft_gepubliceerd
    assert rijen[alleen_concept.pk].heeft_concept
    assert not rijen[niets.pk].heeft_gepubliceerd and not rijen[niets.pk].heeft_concept
    # The factory describes the three norm areas.
    assert rijen[gepubliceerd.pk].aantal_gebieden == 3
    assert rijen[gepubliceerd.pk].normgebieden_beschreven == 3
    assert rijen[niets.pk].aantal_gebieden == 0
    assert regio_samenvatting(actor=actor, schooljaar=SCHOOLJAAR) == {
        "totaal": 4,
        "gepubliceerd": 2,
        "alleen_concept": 1,
        "niets": 1,
    }


def test_filter_op_soort():
    regio = maak_regio(2)
    sbo = SwvLidmaatschapFactory(
        samenwerkingsverband=regio.swv, vestiging=VestigingFactory(soort="sbo")
    ).vestiging
    actor = regio.actor()
    assert [v.pk for v in regio_vestigingen(actor=actor, schooljaar=SCHOOLJAAR, soort="sbo")] == [
        sbo.pk
    ]
    assert regio_samenvatting(actor=actor, schooljaar=SCHOOLJAAR, soort="bao")["totaal"] == 2


def test_dekking_telt_vestigingen_met_gepubliceerd_aanbod_per_gebied():
    regio = maak_regio(3)
    a, b, c = regio.vestigingen
    aanbod_a = AanbodFactory(vestiging=a, gepubliceerd=True, normgebieden=False)
    GebiedsaanbodFactory(aanbod=aanbod_a, gebied=gebied("leergedrag"), extra_ondersteuning="")
    GebiedsaanbodFactory(aanbod=aanbod_a, gebied=gebied("medisch"), basisondersteuning="")
    aanbod_b = AanbodFactory(vestiging=b, gepubliceerd=True, normgebieden=False)
    GebiedsaanbodFactory(aanbod=aanbod_b, gebied=gebied("leergedrag"))
    # A concept and another region's offer do not count.
    concept = AanbodFactory(vestiging=c, normgebieden=False)
    GebiedsaanbodFactory(aanbod=concept, gebied=gebied("leergedrag"))
    elders = AanbodFactory(vestiging=regio.elders, gepubliceerd=True, normgebieden=False)
    GebiedsaanbodFactory(aanbod=elders, gebied=gebied("medisch"))
    dekking = {
        d.gebied.code: (d.basis, d.extra)
        for d in dekking_per_gebied(actor=regio.actor(), schooljaar=SCHOOLJAAR)
    }
    assert dekking["leergedrag"] == (2, 1)
    assert dekking["medisch"] == (0, 1)
    assert dekking["hoogbegaafdheid"] == (0, 0)
    assert len(dekking) == 9


def test_wachtlijsten_van_de_regio_in_de_periode():
    regio = maak_regio(1, soort="sbo")
    (sbo,) = regio.vestigingen
    bao = SwvLidmaatschapFactory(
        samenwerkingsverband=regio.swv, vestiging=VestigingFactory(soort="bao")
    ).vestiging
    binnen = WachtlijststandFactory(vestiging=sbo, peildatum=datetime.date(2026, 10, 1))
    WachtlijststandFactory(vestiging=sbo, peildatum=datetime.date(2024, 10, 1))
    WachtlijststandFactory(vestiging=regio.elders, peildatum=datetime.date(2026, 10, 1))
    # A bao location keeps no waiting list; a stray figure is not shown.
    WachtlijststandFactory(vestiging=bao, peildatum=datetime.date(2026, 10, 1))
    standen = list(
        wachtlijststanden(
            actor=regio.actor(R.COMMISSIELID),
            van=datetime.date(2026, 8, 1),
            tot=datetime.date(2027, 7, 31),
        )
    )
    assert standen == [binnen]


def test_reeksen_tellen_gebieden_op_tenzij_er_een_stand_voor_de_hele_vestiging_is():
    regio = maak_regio(2, soort="so")
    a, b = regio.vestigingen
    dag1, dag2 = datetime.date(2026, 9, 1), datetime.date(2026, 10, 1)
    WachtlijststandFactory(vestiging=a, peildatum=dag1, aantal_wachtend=5)
    WachtlijststandFactory(vestiging=a, peildatum=dag2, gebied=gebied("medisch"), aantal_wachtend=2)
    WachtlijststandFactory(
        vestiging=a, peildatum=dag2, gebied=gebied("leergedrag"), aantal_wachtend=3
    )
    WachtlijststandFactory(vestiging=b, peildatum=dag1, aantal_wachtend=7)
    WachtlijststandFactory(vestiging=b, peildatum=dag1, gebied=gebied("medisch"), aantal_wachtend=1)
    standen = wachtlijststanden(
        actor=regio.actor(), van=datetime.date(2026, 1, 1), tot=datetime.date(2026, 12, 31)
    )
    reeksen = {r.naam: r.punten for r in wachtlijstreeksen(standen)}
    assert reeksen == {
        a.naam: (Punt(dag1, 5), Punt(dag2, 5)),
        b.naam: (Punt(dag1, 7),),
    }


def test_twee_vestigingen_met_dezelfde_naam_krijgen_hun_code_erbij():
    regio = maak_regio(2, soort="sbo")
    a, b = regio.vestigingen
    Vestiging.objects.filter(pk__in=[a.pk, b.pk]).update(naam="De Brug")
    WachtlijststandFactory(vestiging=a)
    WachtlijststandFactory(vestiging=b)
    standen = wachtlijststanden(
        actor=regio.actor(), van=datetime.date(2026, 1, 1), tot=datetime.date(2026, 12, 31)
    )
    assert sorted(r.naam for r in wachtlijstreeksen(standen)) == sorted(
        [f"De Brug ({a.vestigingscode})", f"De Brug ({b.vestigingscode})"]
    )


def test_export_kiest_het_concept_of_het_gepubliceerde_aanbod():
    regio = maak_regio(2)
    a, b = regio.vestigingen
    gepubliceerd = AanbodFactory(vestiging=a, gepubliceerd=True, normgebieden=False)
    GebiedsaanbodFactory(aanbod=gepubliceerd, gebied=gebied("leergedrag"), basisondersteuning="Oud")
    concept = AanbodFactory(vestiging=a, versie=2, normgebieden=False)
    GebiedsaanbodFactory(aanbod=concept, gebied=gebied("leergedrag"), basisondersteuning="Nieuw")
    alleen_concept = AanbodFactory(vestiging=b, normgebieden=False)
    GebiedsaanbodFactory(aanbod=alleen_concept, gebied=gebied("medisch"))
    AanbodFactory(vestiging=regio.elders, gepubliceerd=True)
    actor = regio.actor()
    werk = list(exportregels(actor=actor, schooljaar=SCHOOLJAAR, welke="werkversie"))
    assert {(r.vestigingscode, r.gebied, r.basisondersteuning) for r in werk} == {
        (a.vestigingscode, "leergedrag", "Nieuw"),
        (b.vestigingscode, "medisch", GebiedsaanbodFactory.basisondersteuning),
    }
    openbaar = list(exportregels(actor=actor, schooljaar=SCHOOLJAAR, welke="gepubliceerd"))
    assert [(r.vestigingscode, r.basisondersteuning) for r in openbaar] == [
        (a.vestigingscode, "Oud")
    ]
    assert Aanbod.objects.filter(status=Status.CONCEPT).count() == 2


def test_sociale_kaart_alleen_van_het_eigen_swv():
    regio = maak_regio(1)
    eigen = VoorzieningFactory(samenwerkingsverband=regio.swv, naam="B")
    inactief = VoorzieningFactory(samenwerkingsverband=regio.swv, naam="A", actief=False)
    ander = VoorzieningFactory()
    actor = regio.actor(R.LOKET)
    assert list(voorzieningen_van_swv(actor=actor)) == [eigen, inactief]
    assert voorziening_voor_beheer(actor=actor, pk=eigen.pk) == eigen
    with pytest.raises(Http404):
        voorziening_voor_beheer(actor=actor, pk=ander.pk)


def test_werkgebied_zijn_de_gemeenten_van_het_swv():
    regio = maak_regio(1)
    tiel, culemborg = GemeenteFactory(naam="Tiel"), GemeenteFactory(naam="Culemborg")
    regio.swv.werkgebied.add(tiel, culemborg)
    GemeenteFactory(naam="Utrecht")
    assert [g.naam for g in werkgebied(actor=regio.actor())] == ["Culemborg", "Tiel"]
