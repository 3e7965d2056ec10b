"""Demand and supply of a dekkend netwerk analysis, read from the case data of a small
hand-built region with known answers (``wereld``; the service, job and API tests reuse it).

The region (a PO SWV, peildatum 1 December 2026, school year 2026-2027), coordinates in
degrees (0.01° latitude ≈ 1.1 km):

- member locations: bao1 (52.00, 5.00, PC 1111, Aadorp, 100 pupils), bao2 (52.02, 5.00,
  PC 1111, Aadorp), sbo1 (52.10, 5.00, PC 2222, Beedorp), sovso1 (52.20, 5.00, PC 3333,
  Beedorp), bao4 (member, no coordinates); a non-member location ext (52.30, 5.00, PC 4444,
  Ceedorp) still counts for the centroids of PC4 areas and municipalities.
- pupils who count: L1 and L2 (TLV sbo, gebied leergedrag, PC 1111: one group of 2; L2 also
  has an OPP: counted once), L3 (OPP at bao1, no gebied, PC 9999, Beedorp: municipality
  centroid), L4 (OPP at bao2, PC 9999, no municipality, enrolled at bao1: school point), L5
  (OPP at bao1, PC 9999, Deedorp without locations, not enrolled: the OPP's location), L6
  (OPP at bao4 without coordinates: zonder woonplek).
- pupils who do not count: a TLV of another SWV, a TLV that ended, a refused TLV, a TLV
  still being handled, an OPP that ended, a concept OPP, an OPP vastgesteld after the
  peildatum, an OPP at a special location (sbo1) without a TLV of ours, an OPP at a
  location outside the SWV.
"""

import datetime
from types import SimpleNamespace

import pytest

from passend.aanbod.models import Aanbod
from passend.aanbod.rules import Status as AanbodStatus
from passend.aanbod.tests.factories import AanbodFactory, GebiedsaanbodFactory, gebied
from passend.leerlingen.tests.factories import InschrijvingFactory, LeerlingFactory
from passend.monitor.netwerk.model import ELK_GEBIED, EXTRA, SBO, SO, VSO, Locatie
from passend.monitor.netwerk.vraag import (
    Gebiedsrij,
    Leerlingrij,
    Vestigingrij,
    leerlingen_samenvoegen,
    pc4,
    plaatsen_van,
)
from passend.monitor.selectors.netwerk import aanbod_van, vraag_van
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import Status as OppStatus
from passend.organisaties.rules import Sector
from passend.organisaties.tests.factories import (
    GemeenteFactory,
    SamenwerkingsverbandFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)
from passend.toelaatbaarheid.rules import Soort as TlvSoort
from passend.toelaatbaarheid.rules import Status as TlvStatus
from passend.toelaatbaarheid.tests.factories import TlvFactory, VastgesteldOppFactory

pytestmark = pytest.mark.django_db

PEILDATUM = datetime.date(2026, 12, 1)
SCHOOLJAAR = "2026-2027"


def _vestiging(swv, code, *, soort, plek, postcode, gemeente, leerlingen=None, lid=True):
    vestiging = VestigingFactory(
        vestigingscode=code,
        naam=f"Locatie {code}",
        soort=soort,
        breedtegraad=plek[0] if plek else None,
        lengtegraad=plek[1] if plek else None,
        postcode=postcode,
        gemeente=gemeente,
        leerlingenaantal=leerlingen,
    )
    if lid:
        SwvLidmaatschapFactory(vestiging=vestiging, samenwerkingsverband=swv)
    return vestiging


def _aanbod(vestiging, schooljaar=SCHOOLJAAR, *, status=AanbodStatus.GEPUBLICEERD, **gebieden):
    """An offer version; ``gebieden``: code (with _ for -) → (capaciteit, extra text)."""
    if status == AanbodStatus.GEPUBLICEERD:
        aanbod = AanbodFactory(
            vestiging=vestiging, schooljaar=schooljaar, gepubliceerd=True, normgebieden=False
        )
    else:
        aanbod = AanbodFactory(
            vestiging=vestiging, schooljaar=schooljaar, status=status, versie=2, normgebieden=False
        )
    for code, (capaciteit, extra) in gebieden.items():
        GebiedsaanbodFactory(
            aanbod=aanbod,
            gebied=gebied(code.replace("_", "-")),
            capaciteit=capaciteit,
            extra_ondersteuning=extra,
        )
    return aanbod


def _opp(leerling, vestiging, **velden):
    velden.setdefault("vastgesteld_op", datetime.date(2026, 9, 20))
    return VastgesteldOppFactory(leerling=leerling, vestiging=vestiging, **velden)


def wereld() -> SimpleNamespace:
    """The hand-built region of the module docstring."""
    swv = SamenwerkingsverbandFactory(sector=Sector.PO)
    ander = SamenwerkingsverbandFactory(sector=Sector.PO)
    aadorp = GemeenteFactory(naam="Aadorp")
    beedorp = GemeenteFactory(naam="Beedorp")
    ceedorp = GemeenteFactory(naam="Ceedorp")
    deedorp = GemeenteFactory(naam="Deedorp")
    bao1 = _vestiging(
        swv,
        "11AA00",
        soort="bao",
        plek=(52.00, 5.00),
        postcode="1111 AA",
        gemeente=aadorp,
        leerlingen=100,
    )
    bao2 = _vestiging(
        swv,
        "11BB00",
        soort="bao",
        plek=(52.02, 5.00),
        postcode="1111 BB",
        gemeente=aadorp,
        leerlingen=50,
    )
    sbo1 = _vestiging(
        swv, "22AA00", soort="sbo", plek=(52.10, 5.00), postcode="2222 AA", gemeente=beedorp
    )
    sovso1 = _vestiging(
        swv, "33AA00", soort="so_vso", plek=(52.20, 5.00), postcode="3333 AA", gemeente=beedorp
    )
    bao4 = _vestiging(
        swv,
        "44AA00",
        soort="bao",
        plek=None,
        postcode="4444 AB",
        gemeente=ceedorp,
        leerlingen=80,
    )
    ext = _vestiging(
        ander,
        "55AA00",
        soort="bao",
        plek=(52.30, 5.00),
        postcode="4444 AA",
        gemeente=ceedorp,
        leerlingen=300,
    )
    # Supply.
    _aanbod(
        bao1,
        leergedrag=(None, "Een coach in een klein groepje."),
        lezen_spellen_dyslexie=(2, "Extra leesbegeleiding."),
        hoogbegaafdheid=(5, ""),  # no extra support: no places
    )
    _aanbod(bao2, "2025-2026", leergedrag=(3, "Een plusklas."))  # only last year's, openbaar
    _aanbod(sbo1, leergedrag=(10, ""))
    _aanbod(sbo1, status=AanbodStatus.CONCEPT, leergedrag=(99, ""))  # a concept: ignored
    _aanbod(sovso1, gedrag_sociaal_emotioneel=(7, ""))
    _aanbod(ext, leergedrag=(20, "Veel."))  # another SWV's location
    # Demand.
    leergedrag = gebied("leergedrag")
    l1 = LeerlingFactory(postcode="1111 XY", woongemeente=aadorp)
    TlvFactory(
        leerling=l1,
        vestiging=sbo1,
        verantwoordelijk_swv=swv,
        toegekend=True,
        opp__ondersteuningsgebied=leergedrag,
    )
    l2 = LeerlingFactory(postcode="1111 XZ", woongemeente=aadorp)
    TlvFactory(
        leerling=l2,
        vestiging=ext,
        verantwoordelijk_swv=swv,
        toegekend=True,
        opp__ondersteuningsgebied=leergedrag,
    )
    _opp(l2, bao1, ondersteuningsgebied=gebied("gedrag-sociaal-emotioneel"))
    l3 = LeerlingFactory(postcode="9999 AA", woongemeente=beedorp)
    _opp(l3, bao1)
    l4 = LeerlingFactory(postcode="9999 AA", woongemeente=None)
    _opp(l4, bao2, ondersteuningsgebied=leergedrag)
    InschrijvingFactory(leerling=l4, vestiging=bao1, van=datetime.date(2024, 8, 19))
    InschrijvingFactory(  # ended: not the current school
        leerling=l4,
        vestiging=sovso1,
        van=datetime.date(2020, 8, 19),
        tot=datetime.date(2024, 7, 31),
    )
    l5 = LeerlingFactory(postcode="9999 AA", woongemeente=deedorp)
    _opp(l5, bao1, ondersteuningsgebied=leergedrag)
    l6 = LeerlingFactory(postcode="9999 AA", woongemeente=deedorp)
    _opp(l6, bao4)
    telt = [l1, l2, l3, l4, l5, l6]
    # Pupils who do not count.
    niet = []
    for velden in (
        {"verantwoordelijk_swv": ander, "toegekend": True},
        {"verantwoordelijk_swv": swv, "toegekend": True, "einddatum": datetime.date(2026, 11, 30)},
        {"verantwoordelijk_swv": swv, "afgewezen": True},
        {"verantwoordelijk_swv": swv, "status": TlvStatus.INGEDIEND},
    ):
        leerling = LeerlingFactory(postcode="1111 AB", woongemeente=aadorp)
        TlvFactory(leerling=leerling, vestiging=ext, **velden)
        niet.append(leerling)
    for velden in (
        {
            "einddatum": datetime.date(2026, 11, 1),
            "start_extra_ondersteuning": datetime.date(2026, 9, 1),
        },
        {"status": OppStatus.CONCEPT, "vastgesteld_op": None},
        {"vastgesteld_op": datetime.date(2026, 12, 2)},
    ):
        leerling = LeerlingFactory(postcode="1111 AB", woongemeente=aadorp)
        _opp(leerling, bao1, **velden)
        niet.append(leerling)
    speciaal = LeerlingFactory(postcode="1111 AB", woongemeente=aadorp)
    _opp(speciaal, sbo1)  # an OPP in special education without our TLV: not "extra"
    niet.append(speciaal)
    buiten = LeerlingFactory(postcode="1111 AB", woongemeente=aadorp)
    _opp(buiten, ext)
    niet.append(buiten)
    return SimpleNamespace(
        swv=swv,
        ander=ander,
        bao1=bao1,
        bao2=bao2,
        sbo1=sbo1,
        sovso1=sovso1,
        bao4=bao4,
        ext=ext,
        telt=telt,
        niet=niet,
        gemeenten=(aadorp, beedorp, ceedorp, deedorp),
    )


def _groepen(vraag):
    return {
        (g.breedtegraad, g.lengtegraad, g.niveau, g.gebied, g.regio): g.aantal
        for g in vraag.groepen
    }


def test_de_vraag_telt_de_juiste_leerlingen_op_de_juiste_woonplek():
    w = wereld()
    vraag = vraag_van(w.swv, PEILDATUM)
    assert vraag.aantal_leerlingen == 6
    assert vraag.zonder_woonplek == 1
    assert sorted(vraag.leerling_sleutels) == sorted(leerling.sleutel for leerling in w.telt)
    assert all(g.sector == "po" for g in vraag.groepen)
    assert _groepen(vraag) == {
        # L1 + L2: TLV sbo, the TLV's OPP's gebied, PC4 1111 centroid of bao1 and bao2.
        (52.01, 5.0, SBO, "leergedrag", "Aadorp"): 2,
        # L3: no gebied, PC4 9999 unknown → the centroid of Beedorp (sbo1, sovso1).
        (52.15, 5.0, EXTRA, ELK_GEBIED, "Beedorp"): 1,
        # L4: no municipality → the current school (bao1), not the ended inschrijving.
        (52.0, 5.0, EXTRA, "leergedrag", ""): 1,
        # L5: Deedorp has no locations, not enrolled → the OPP's location (bao1).
        (52.0, 5.0, EXTRA, "leergedrag", "Deedorp"): 1,
    }
    assert {vraag.pc4_van_groep[g.id] for g in vraag.groepen} == {"1111", "9999"}


def test_een_ander_swv_telt_zijn_eigen_tlv_en_de_opps_op_zijn_locaties():
    w = wereld()
    vraag = vraag_van(w.ander, PEILDATUM)
    # Its own TLV (sbo); the OPPs at its location ext: those of the TLVs' factories (L2 and
    # the four non-counting TLVs of ours) and the pupil "buiten".
    verwacht = {leerling.sleutel for leerling in [*w.niet[:4], w.niet[8], w.telt[1]]}
    assert set(vraag.leerling_sleutels) == verwacht
    niveaus: dict[str, int] = {}
    for groep in vraag.groepen:
        niveaus[groep.niveau] = niveaus.get(groep.niveau, 0) + groep.aantal
    assert niveaus == {SBO: 1, EXTRA: 5}


def test_de_postcode_gaat_voor_de_gemeente():
    w = wereld()
    leerling = LeerlingFactory(postcode="4444 ZZ", woongemeente=w.gemeenten[0])  # PC4 of ext
    _opp(leerling, w.bao1)
    vraag = vraag_van(w.swv, PEILDATUM)
    assert (52.3, 5.0, EXTRA, ELK_GEBIED, "Aadorp") in _groepen(vraag)


def test_het_aanbod_van_het_schooljaar_per_locatie():
    w = wereld()
    stand = aanbod_van(w.swv, PEILDATUM, SCHOOLJAAR, 4)
    assert stand.zonder_coordinaten == {"44AA00"}
    per_id = {loc.id: loc for loc in stand.locaties}
    assert set(per_id) == {"11AA00", "11BB00", "22AA00", "33AA00"}
    assert per_id["11AA00"].capaciteit == {
        (EXTRA, "leergedrag"): 4,  # ceil(100 × 4 %)
        (EXTRA, "lezen-spellen-dyslexie"): 2,  # stated
    }
    assert per_id["11BB00"].capaciteit == {(EXTRA, "leergedrag"): 3}  # the openbaar version
    assert per_id["22AA00"].capaciteit == {(SBO, "leergedrag"): 10}  # not the concept
    # A combined so/vso location: a PO SWV counts only its so places (the larger half).
    assert per_id["33AA00"].capaciteit == {(SO, "gedrag-sociaal-emotioneel"): 4}
    assert per_id["22AA00"].breedtegraad == 52.10
    assert per_id["11AA00"].regio == "Aadorp"


def test_een_so_vso_locatie_telt_bij_elk_swv_alleen_de_plaatsen_van_zijn_sector():
    w = wereld()
    vo = SamenwerkingsverbandFactory(sector=Sector.VO)
    SwvLidmaatschapFactory(vestiging=w.sovso1, samenwerkingsverband=vo)
    po_plaatsen = {loc.id: loc for loc in aanbod_van(w.swv, PEILDATUM, SCHOOLJAAR, 4).locaties}
    vo_plaatsen = {loc.id: loc for loc in aanbod_van(vo, PEILDATUM, SCHOOLJAAR, 4).locaties}
    assert po_plaatsen["33AA00"].capaciteit == {(SO, "gedrag-sociaal-emotioneel"): 4}
    assert vo_plaatsen["33AA00"].capaciteit == {(VSO, "gedrag-sociaal-emotioneel"): 3}


def test_een_herziening_na_de_peildatum_verandert_de_vraag_op_de_peildatum_niet():
    w = wereld()
    voor = vraag_van(w.swv, PEILDATUM)
    l3, l5 = w.telt[2], w.telt[4]
    # L3's OPP gets a new version (another gebied) after the peildatum: the old one is
    # replaced; L5's OPP ends after the peildatum.
    oud = Ontwikkelingsperspectief.objects.get(leerling=l3)
    _opp(
        l3,
        w.bao1,
        reeks=oud.reeks,
        versie=2,
        vorige_versie=oud,
        vastgesteld_op=datetime.date(2027, 1, 10),
        ondersteuningsgebied=gebied("leergedrag"),
    )
    Ontwikkelingsperspectief.objects.filter(pk=oud.pk).update(status=OppStatus.VERVANGEN)
    Ontwikkelingsperspectief.objects.filter(leerling=l5).update(
        status=OppStatus.BEEINDIGD, einddatum=datetime.date(2027, 1, 15)
    )
    na = vraag_van(w.swv, PEILDATUM)
    assert _groepen(na) == _groepen(voor)
    assert sorted(na.leerling_sleutels) == sorted(voor.leerling_sleutels)
    assert na.zonder_woonplek == voor.zonder_woonplek
    # On a day after both: L3 with the new version's gebied, L5 no longer.
    later = vraag_van(w.swv, datetime.date(2027, 2, 1))
    assert l5.sleutel not in later.leerling_sleutels
    assert (52.15, 5.0, EXTRA, "leergedrag", "Beedorp") in _groepen(later)


def test_een_vervangen_versie_telt_niet_meer_na_de_nieuwe():
    w = wereld()
    l3 = w.telt[2]
    oud = Ontwikkelingsperspectief.objects.get(leerling=l3)
    _opp(
        l3,
        w.bao1,
        reeks=oud.reeks,
        versie=2,
        vorige_versie=oud,
        vastgesteld_op=datetime.date(2026, 11, 1),
        ondersteuningsgebied=gebied("leergedrag"),
    )
    Ontwikkelingsperspectief.objects.filter(pk=oud.pk).update(status=OppStatus.VERVANGEN)
    vraag = vraag_van(w.swv, PEILDATUM)
    assert vraag.aantal_leerlingen == 6
    groepen = _groepen(vraag)
    assert (52.15, 5.0, EXTRA, "leergedrag", "Beedorp") in groepen
    assert (52.15, 5.0, EXTRA, ELK_GEBIED, "Beedorp") not in groepen


def test_een_gepubliceerd_aanbod_van_het_jaar_gaat_voor_het_openbare():
    w = wereld()
    Aanbod.objects.filter(vestiging=w.bao2).update(openbaar=False)  # as publishing does
    _aanbod(w.bao2, SCHOOLJAAR, lezen_spellen_dyslexie=(6, "Dyslexiebegeleiding."))
    stand = aanbod_van(w.swv, PEILDATUM, SCHOOLJAAR, 4)
    per_id = {loc.id: loc for loc in stand.locaties}
    # The new publication of 2026-2027 is openbaar now; the old year's offer is not used.
    assert per_id["11BB00"].capaciteit == {(EXTRA, "lezen-spellen-dyslexie"): 6}


def test_een_lid_zonder_aanbod_is_een_locatie_zonder_plaatsen():
    w = wereld()
    nieuw = _vestiging(
        w.swv, "66AA00", soort="so", plek=(52.4, 5.0), postcode="6666 AA", gemeente=None
    )
    stand = aanbod_van(w.swv, PEILDATUM, SCHOOLJAAR, 4)
    assert {loc.id: loc.capaciteit for loc in stand.locaties}[nieuw.vestigingscode] == {}


@pytest.mark.parametrize("extra", [0, 25])
def test_vraag_en_aanbod_lezen_met_een_vast_aantal_queries(extra, django_assert_max_num_queries):
    w = wereld()
    for i in range(extra):
        leerling = LeerlingFactory(postcode=f"{1000 + i} AA", woongemeente=w.gemeenten[i % 4])
        TlvFactory(
            leerling=leerling,
            vestiging=w.sbo1,
            verantwoordelijk_swv=w.swv,
            toegekend=True,
            soort=TlvSoort.SO if i % 2 else TlvSoort.SBO,
        )
        InschrijvingFactory(leerling=leerling, vestiging=w.bao2)
        vestiging = _vestiging(
            w.swv,
            f"{10 + i}ZZ00",
            soort="bao",
            plek=(52.0 + i / 100, 5.1),
            postcode=f"{1000 + i} AB",
            gemeente=w.gemeenten[i % 4],
            leerlingen=40,
        )
        _aanbod(vestiging, leergedrag=(None, "Extra hulp."))
    with django_assert_max_num_queries(6):
        vraag = vraag_van(w.swv, PEILDATUM)
    assert vraag.aantal_leerlingen == 6 + extra
    with django_assert_max_num_queries(3):
        stand = aanbod_van(w.swv, PEILDATUM, SCHOOLJAAR, 4)
    assert len(stand.locaties) == 4 + extra


# --- Pure rules ------------------------------------------------------------------------------


def _rij(leerling_id, niveau, gebied="", plek=None):
    from uuid import uuid4

    return Leerlingrij(
        leerling_id=leerling_id,
        sleutel=uuid4(),
        postcode="1234 AB",
        woongemeente_id=None,
        woongemeente="",
        niveau=niveau,
        gebied=gebied,
        dossierplek=plek,
    )


def test_samenvoegen_tlv_gaat_voor_opp_en_so_voor_sbo():
    rijen = leerlingen_samenvoegen(
        [_rij(1, SBO), _rij(2, SBO), _rij(2, SO)],
        [_rij(1, EXTRA, "gedrag"), _rij(3, EXTRA)],
    )
    assert [(r.leerling_id, r.niveau, r.gebied) for r in rijen] == [
        (1, SBO, "gedrag"),  # the gebied comes from the OPP when the TLV has none
        (2, SO, ""),
        (3, EXTRA, ""),
    ]


def test_pc4():
    assert pc4("1234 AB") == "1234"
    assert pc4("1234AB") == "1234"
    assert pc4("") == ""
    assert pc4("AB12") == ""


@pytest.mark.parametrize(
    ("soort", "capaciteit", "extra", "leerlingen", "verwacht"),
    [
        ("bao", None, "ja", 101, {(EXTRA, "g"): 5}),  # ceil(4.04)
        ("bao", None, "ja", None, {}),
        ("vo", 0, "ja", 500, {}),
        ("bao", 3, "", 100, {}),
        ("sbo", 12, "", None, {(SBO, "g"): 12}),
        ("sbo", None, "", None, {}),
        ("so_vso", 1, "", None, {(SO, "g"): 1}),
        ("pro", 8, "", None, {("pro", "g"): 8}),
    ],
)
def test_plaatsen_per_soort(soort, capaciteit, extra, leerlingen, verwacht):
    vestiging = Vestigingrij("00AA00", "x", soort, 52.0, 5.0, leerlingen)
    assert plaatsen_van(vestiging, [Gebiedsrij("00AA00", "g", capaciteit, bool(extra))], 4) == (
        verwacht
    )


@pytest.mark.parametrize(
    ("soort", "sector", "verwacht"),
    [
        ("so_vso", "po", {(SO, "g"): 5}),
        ("so_vso", "vo", {(VSO, "g"): 4}),
        ("sbo", "vo", {}),
        ("vso", "po", {}),
        ("bao", "po", {(EXTRA, "g"): 9}),
        ("vo", "vo", {(EXTRA, "g"): 9}),
    ],
)
def test_plaatsen_alleen_van_de_eigen_sector(soort, sector, verwacht):
    vestiging = Vestigingrij("00AA00", "x", soort, 52.0, 5.0, None)
    rij = Gebiedsrij("00AA00", "g", 9, True)
    assert plaatsen_van(vestiging, [rij], 4, sector=sector) == verwacht


def test_locatie_is_een_optimaliseerlocatie():
    w = wereld()
    stand = aanbod_van(w.swv, PEILDATUM, SCHOOLJAAR, 4)
    assert all(isinstance(loc, Locatie) for loc in stand.locaties)
