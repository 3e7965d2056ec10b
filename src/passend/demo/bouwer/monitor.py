"""The regional monitor's data in the demo region (issue #7): pupil counts over the years,
the area of every OPP, and four earlier school years of cases, so the KPI dashboard shows
trends and the dekkend netwerk analysis has demand and supply.

* Leerlingtellingen of every demo location on 1 October 2022 … 2026, growing or shrinking
  a little per location and ending at its ``leerlingenaantal``;
* the ``ondersteuningsgebied`` of the demo OPPs that have none (a fixed, plausible spread;
  a special school's area when the pupil has a TLV);
* the school years 2022-2023 … 2025-2026 of synthetic cases at national rates (the
  benchmark's generator, ``monitor.bench_kpi.gevallen_bouwen``): OPPs with their area, TLVs
  (sbo/so/vso, categories, a little grensverkeer), arrangement decisions, verzuim cases
  (thuiszitters among them), zorgplicht aanmeldingen (some decided after the term),
  waiting-list standen before the ones the aanbod step wrote (recorded by whoever records
  that location's figures), disagreements and Veilig Thuis reports (some during a
  disagreement). These are former pupils (``voormalige_leerlingen``): no enrolment, no
  parent and no log-in, so no school's lists show them; every case is closed before
  1 August 2026, except the TLVs granted for years (participation: the current demand for
  sbo/so places). A TLV pupil's area is one special schools offer (``TLV_GEBIEDEN``). The
  rows go in with ``bulk_create`` (seeding, as the rest of the bulk of the demo), in states
  the models' constraints accept;
* the current demand for extra support: ``OPP_AANDEEL`` (3 %) of the pupils enrolled at a
  regular PO location on the peildatum get a running, vastgesteld OPP with an area of the
  broad spread ``EXTRA_GEBIEDEN`` and their parents' consent;
* the supply in the published offers: every sbo/so/vso location divides places (scaled to
  its pupil count) over the areas of ``SPECIAAL_AANBOD``; the regular locations keep the
  extra support the aanbod step described in most areas (the analysis counts a percentage
  of their pupils as places there, setting ``DEKKEND_NETWERK_EXTRA_PLAATSEN_PROCENT``). The
  so places for gedrag-sociaal-emotioneel are short on purpose: the gap the
  dekkend netwerk analysis (``bouwer.netwerk``) shows and its what-if closes.

Deterministic (seed, ``random.Random`` and a seeded ``Faker``); idempotent: when the demo
locations have tellingen already nothing is written.
"""

import random
from collections import defaultdict
from collections.abc import Callable, Mapping
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
from faker import Faker

from passend.aanbod.models import Aanbod, Gebiedsaanbod, Ondersteuningsgebied, Wachtlijststand
from passend.aanbod.rules import Status as AanbodStatus
from passend.core.kalender import schooljaar_van
from passend.core.perioden import actief_op
from passend.demo.bouwer.aanbod import demo_vestigingen
from passend.demo.bouwer.inlogplan import LEERPLICHT_GEMEENTE
from passend.demo.bouwer.regio import PEILDATUM, SWV_BUREN, SWV_PO, SWV_VO
from passend.leerlingen.models import Inschrijving, Leerling, Ouderschap
from passend.monitor.bench_kpi import (
    Locatie,
    Omgeving,
    gevallen_bouwen,
    locaties_van,
    tellingen_bouwen,
)
from passend.ondersteuning.models import Instemming, Ontwikkelingsperspectief
from passend.ondersteuning.rules import Besluit, Wijze
from passend.ondersteuning.rules import Status as OppStatus
from passend.organisaties.models import Gemeente, Leerlingtelling, Samenwerkingsverband
from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring

__all__ = ["demo_monitor_opslaan", "voormalige_leerlingen"]

SEED = 2026
#: Teldatums 1 October 2022 … 2026 (the last is the demo's PEILDATUM).
TELJAREN = (2022, 2023, 2024, 2025, 2026)
#: The four school years before the demo's (2026-2027).
JAREN = (2022, 2023, 2024, 2025)
EINDE = date(2026, 7, 31)
#: Who recorded the historical cases (a demo log-in of the SWV).
VASTLEGGER = "loket.po"
#: The areas' weights in the demand: the common ones (reading, behaviour, ...) first.
GEWICHTEN = (6, 5, 5, 4, 4, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1)
#: Markers the historical generator (``monitor.bench_kpi``) writes on the cases it makes:
#: how the demo tells its former pupils from the current ones.
HISTORISCH_OPP = "Synthetisch OPP (monitor)."
HISTORISCHE_MELDING = "Synthetische melding (monitor)."
HISTORISCHE_SIGNALEN = "Synthetische signalen van onveiligheid."

#: The areas of the pupils with a TLV, per type: what special schools typically offer
#: (weights). Reading, dyslexia and giftedness are supported in regular schools.
TLV_GEBIEDEN: dict[str, dict[str, int]] = {
    "sbo": {
        "leergedrag": 35,
        "gedrag-sociaal-emotioneel": 25,
        "taal-spraak": 15,
        "rekenen-dyscalculie": 15,
        "medisch": 10,
    },
    "so": {
        "gedrag-sociaal-emotioneel": 40,
        "taal-spraak": 20,
        "motoriek-fysiek": 15,
        "medisch": 15,
        "maatwerk-thuiszitters": 10,
    },
    "vso": {
        "gedrag-sociaal-emotioneel": 40,
        "leergedrag": 20,
        "taal-spraak": 10,
        "medisch": 10,
        "maatwerk-thuiszitters": 20,
    },
    "pro": {"leergedrag": 70, "gedrag-sociaal-emotioneel": 30},
}
#: How a special location divides its places over the areas (percent). The so places for
#: gedrag-sociaal-emotioneel (cluster 4) are fewer than the demand for them: the region's
#: visible gap, as in many real regions, which the dekkend netwerk analysis shows.
SPECIAAL_AANBOD: dict[str, dict[str, int]] = {
    "sbo": TLV_GEBIEDEN["sbo"],
    "so": {
        "gedrag-sociaal-emotioneel": 12,
        "taal-spraak": 25,
        "motoriek-fysiek": 22,
        "medisch": 25,
        "maatwerk-thuiszitters": 16,
    },
    "so_vso": {
        "gedrag-sociaal-emotioneel": 12,
        "taal-spraak": 25,
        "motoriek-fysiek": 22,
        "medisch": 25,
        "maatwerk-thuiszitters": 16,
    },
    "vso": TLV_GEBIEDEN["vso"],
}
#: Places of a special location per pupil it counts (``leerlingenaantal``): the demo's
#: historical TLVs are fewer than the real pupils of its special schools, so the places are
#: scaled to match, with some room to spare.
PLAATSEN_PER_LEERLING: dict[str, float] = {"sbo": 0.25, "so": 0.3, "so_vso": 0.6, "vso": 0.3}
#: Share of the pupils at a regular PO location with a running OPP (extra support).
OPP_AANDEEL = 0.03
#: The areas of those OPPs (weights): all startgebieden, the common ones most.
EXTRA_GEBIEDEN: dict[str, int] = {
    "lezen-spellen-dyslexie": 20,
    "gedrag-sociaal-emotioneel": 18,
    "leergedrag": 16,
    "rekenen-dyscalculie": 12,
    "hoogbegaafdheid": 10,
    "taal-spraak": 10,
    "motoriek-fysiek": 5,
    "medisch": 5,
    "maatwerk-thuiszitters": 4,
}
LOPEND_OPP = "Extra ondersteuning op school (demo)."
EXTRA_TEKST = "Extra ondersteuning in de groep en buiten de groep, met het samenwerkingsverband."
SPECIAAL_BASIS = "Kleine groepen, een vaste leerkracht en een duidelijke structuur."
SPECIAAL_TEKST = "Een plaats in een kleine groep met een eigen aanpak voor dit gebied."
SPECIAAL_EXPERTISE = "Orthopedagoog, gedragsspecialist en ervaren leerkrachten."


def voormalige_leerlingen() -> QuerySet[Leerling]:
    """The former pupils of the four earlier school years (the monitor's history): every one
    has a case of the historical generator; none is enrolled or has a parent or log-in."""
    return Leerling.objects.filter(
        Q(ontwikkelingsperspectieven__onderbouwing=HISTORISCH_OPP)
        | Q(verzuimmeldingen__toelichting=HISTORISCHE_MELDING)
        | Q(veilig_thuis_meldingen__signalen=HISTORISCHE_SIGNALEN)
    ).distinct()


def _gewogen(rng: random.Random, gewichten: Mapping[str, int], codes: Mapping[str, int]) -> int:
    gebieden = [g for g in gewichten if g in codes]
    return codes[rng.choices(gebieden, weights=[gewichten[g] for g in gebieden])[0]]


def _gebiedcodes() -> dict[str, int]:
    return dict(Ondersteuningsgebied.objects.filter(actief=True).values_list("code", "pk"))


def _gebieden_gewogen() -> list[int]:
    """Area ids repeated by weight: a plain ``rng.choice`` then draws a plausible spread."""
    ids = list(
        Ondersteuningsgebied.objects.filter(actief=True)
        .order_by("volgorde", "naam")
        .values_list("pk", flat=True)
    )
    return [pk for i, pk in enumerate(ids) for _ in range(GEWICHTEN[min(i, len(GEWICHTEN) - 1)])]


def _opp_gebieden(gebieden: list[int], vestiging_ids: list[int], seed: int) -> int:
    """Give the demo's OPPs without an area one: a special school's area when the pupil has a
    TLV on the plan, else one of the broad spread."""
    rng = random.Random(f"{seed}|monitor|opp-gebied")  # noqa: S311 - synthetic data
    codes = _gebiedcodes()
    zonder = list(
        Ontwikkelingsperspectief.objects.filter(
            vestiging_id__in=vestiging_ids, ondersteuningsgebied__isnull=True
        ).order_by("pk")
    )
    tlv_soort = dict(
        Toelaatbaarheidsverklaring.objects.filter(opp__reeks__in={o.reeks for o in zonder})
        .order_by("-pk")
        .values_list("opp__reeks", "soort")
    )
    # All versions of one plan are about the same area.
    per_reeks: dict[object, int] = {}
    for opp in zonder:
        if opp.reeks not in per_reeks:
            soort = tlv_soort.get(opp.reeks)
            per_reeks[opp.reeks] = (
                _gewogen(rng, TLV_GEBIEDEN[soort], codes)
                if soort in TLV_GEBIEDEN
                else rng.choice(gebieden)
            )
        opp.ondersteuningsgebied_id = per_reeks[opp.reeks]
    Ontwikkelingsperspectief.objects.bulk_update(zonder, ["ondersteuningsgebied"], batch_size=500)
    return len(zonder)


def _tlv_gebieden(seed: int) -> int:
    """The historical pupils with a TLV get the area of their TLV's type (special schools'
    areas), so the current demand for sbo/so/vso places is one special schools can meet."""
    rng = random.Random(f"{seed}|monitor|tlv-gebied")  # noqa: S311 - synthetic data
    codes = _gebiedcodes()
    soort_van = dict(
        Toelaatbaarheidsverklaring.objects.filter(opp__onderbouwing=HISTORISCH_OPP)
        .order_by("-pk")
        .values_list("opp_id", "soort")
    )
    opps = list(Ontwikkelingsperspectief.objects.filter(pk__in=soort_van).order_by("pk"))
    for opp in opps:
        opp.ondersteuningsgebied_id = _gewogen(rng, TLV_GEBIEDEN[soort_van[opp.pk]], codes)
    Ontwikkelingsperspectief.objects.bulk_update(opps, ["ondersteuningsgebied"], batch_size=500)
    return len(opps)


def _gepubliceerd(vestiging_ids: list[int]) -> QuerySet[Aanbod]:
    """The published offers the analysis reads: the demo's school year's, and the public one."""
    return Aanbod.objects.filter(
        Q(schooljaar=schooljaar_van(PEILDATUM)) | Q(openbaar=True),
        vestiging_id__in=vestiging_ids,
        status=AanbodStatus.GEPUBLICEERD,
    )


def _plaatsen_vastleggen(locaties: list[Locatie], leerlingenaantal: Mapping[int, int]) -> int:
    """The places in the published offers of the special locations: each divides its places
    over the areas of ``SPECIAAL_AANBOD`` (adding an area it did not describe yet; no places
    in the others). A regular location states no places (the field is for sbo/so/vso): the
    analysis gives it ``DEKKEND_NETWERK_EXTRA_PLAATSEN_PROCENT`` of its pupils in every area
    where it describes extra support. Returns the number of rows with places."""
    codes = _gebiedcodes()
    soort_van = {loc.id: loc.soort for loc in locaties}
    aanbiedingen = list(_gepubliceerd(sorted(soort_van)).order_by("pk"))
    rijen: dict[int, dict[int, Gebiedsaanbod]] = defaultdict(dict)
    for rij in Gebiedsaanbod.objects.filter(aanbod__in=aanbiedingen):
        rijen[rij.aanbod_id][rij.gebied_id] = rij
    nieuw: list[Gebiedsaanbod] = []
    bijgewerkt: list[Gebiedsaanbod] = []
    for aanbod in aanbiedingen:
        soort = soort_van[aanbod.vestiging_id]
        aantal = leerlingenaantal.get(aanbod.vestiging_id) or 0
        if soort in SPECIAAL_AANBOD:
            plaatsen = aantal * PLAATSEN_PER_LEERLING[soort]
            verdeling = {
                codes[g]: max(1, round(plaatsen * deel / 100))
                for g, deel in SPECIAAL_AANBOD[soort].items()
                if g in codes
            }
            for gebied_id, rij in rijen[aanbod.pk].items():
                rij.capaciteit = verdeling.get(gebied_id)
                bijgewerkt.append(rij)
            for gebied_id, capaciteit in verdeling.items():
                if gebied_id not in rijen[aanbod.pk]:
                    nieuw.append(
                        Gebiedsaanbod(
                            aanbod=aanbod,
                            gebied_id=gebied_id,
                            basisondersteuning=SPECIAAL_BASIS,
                            extra_ondersteuning=SPECIAAL_TEKST,
                            expertise=SPECIAAL_EXPERTISE,
                            capaciteit=capaciteit,
                        )
                    )
    Gebiedsaanbod.objects.bulk_update(bijgewerkt, ["capaciteit"], batch_size=500)
    Gebiedsaanbod.objects.bulk_create(nieuw)
    return sum(1 for r in bijgewerkt if r.capaciteit) + len(nieuw)


def _lopende_opps(vestiging_ids: list[int], gebruiker_id: int, seed: int) -> int:
    """A running, vastgesteld OPP (extra support, with the parents' consent on paper) for
    ``OPP_AANDEEL`` of the pupils enrolled at a regular PO location on the peildatum who have
    none yet: the demand for extra support in regular schools."""
    from passend.accounts.models import Rol
    from passend.accounts.rules import Rolsoort

    rng = random.Random(f"{seed}|monitor|lopende-opps")  # noqa: S311 - synthetic data
    codes = _gebiedcodes()
    met_opp = Ontwikkelingsperspectief.objects.filter(leerling=OuterRef("leerling"))
    inschrijvingen = list(
        Inschrijving.objects.filter(actief_op(PEILDATUM), vestiging_id__in=vestiging_ids)
        .filter(vestiging__soort="bao")
        .filter(~Exists(met_opp))
        .order_by("vestiging_id", "leerling_id")
        .values_list("vestiging_id", "vestiging__school_id", "leerling_id", "van")
    )
    # Who records them: the school's intern begeleider (else its schoolleider, else the SWV).
    vastleggers: dict[int, int] = {}
    for school_id, rolsoort, gebruiker in (
        Rol.objects.filter(
            rolsoort__in=[Rolsoort.INTERN_BEGELEIDER, Rolsoort.SCHOOLLEIDER],
            school__isnull=False,
            tot__isnull=True,
        )
        .order_by("school_id", "rolsoort", "pk")
        .values_list("school_id", "rolsoort", "gebruiker_id")
    ):
        if rolsoort == Rolsoort.INTERN_BEGELEIDER or school_id not in vastleggers:
            vastleggers[school_id] = gebruiker
    opps: list[Ontwikkelingsperspectief] = []
    gekozen = rng.sample(inschrijvingen, round(len(inschrijvingen) * OPP_AANDEEL))
    for vestiging_id, school_id, leerling_id, van in sorted(gekozen):
        start = max(van, PEILDATUM - timedelta(days=rng.randint(30, 700)))
        vastgesteld = min(start + timedelta(days=rng.randint(7, 28)), PEILDATUM)
        door = vastleggers.get(school_id, gebruiker_id)
        opps.append(
            Ontwikkelingsperspectief(
                leerling_id=leerling_id,
                vestiging_id=vestiging_id,
                status=OppStatus.VASTGESTELD,
                ondersteuningsgebied_id=_gewogen(rng, EXTRA_GEBIEDEN, codes),
                start_extra_ondersteuning=start,
                onderbouwing=LOPEND_OPP,
                vastgesteld_op=vastgesteld,
                vastgesteld_door_id=door,
                volgende_evaluatie=vastgesteld + timedelta(days=182),
                aangemaakt_door_id=door,
            )
        )
    Ontwikkelingsperspectief.objects.bulk_create(opps)
    ouders = dict(
        Ouderschap.objects.filter(leerling_id__in=[o.leerling_id for o in opps], gezag=True)
        .order_by("-pk")
        .values_list("leerling_id", "ouder_id")
    )
    Instemming.objects.bulk_create(
        Instemming(
            opp=opp,
            besluit=Besluit.GEGEVEN,
            wijze=Wijze.PAPIER,
            door_id=ouders[opp.leerling_id],
            vastgelegd_door_id=opp.aangemaakt_door_id,
            datum=opp.vastgesteld_op,
        )
        for opp in opps
        if opp.leerling_id in ouders and opp.vastgesteld_op is not None
    )
    return len(opps)


def _wachtlijsten_toeschrijven(vestiging_ids: list[int]) -> int:
    """The historical waiting-list figures of a location whose school records its figures
    itself were recorded by the same person (the others stay seeded, without a recorder)."""
    door = dict(
        Wachtlijststand.objects.filter(
            vestiging_id__in=vestiging_ids, vastgelegd_door__isnull=False
        )
        .order_by("vestiging_id", "peildatum", "pk")
        .values_list("vestiging_id", "vastgelegd_door_id")
    )
    return sum(
        Wachtlijststand.objects.filter(
            vestiging_id=vestiging_id, vastgelegd_door__isnull=True
        ).update(vastgelegd_door_id=gebruiker_id)
        for vestiging_id, gebruiker_id in sorted(door.items())
    )


def demo_monitor_opslaan(meld: Callable[[str], None], *, seed: int = SEED) -> dict[str, int]:
    """Write the monitor's demo data; returns the figures (empty when it was there)."""
    from passend.accounts.models import Gebruiker

    vestigingen = demo_vestigingen()
    if not vestigingen:
        meld("  monitorgegevens overgeslagen: de demoregio ontbreekt")
        return {}
    if Leerlingtelling.objects.filter(vestiging__in=vestigingen).exists():
        meld("  monitorgegevens waren er al")
        return {}
    swv_ids = list(
        Samenwerkingsverband.objects.filter(code__in=[SWV_PO.code, SWV_VO.code]).values_list(
            "pk", flat=True
        )
    )
    demo_ids = {v.pk for v in vestigingen}
    locaties = [loc for loc in locaties_van(swv_ids) if loc.id in demo_ids]
    tellingen = tellingen_bouwen(locaties, teljaren=TELJAREN, seed=seed)
    gebieden = _gebieden_gewogen()
    opp_gebieden = _opp_gebieden(gebieden, sorted(demo_ids), seed)
    plaatsen = _plaatsen_vastleggen(locaties, {v.pk: v.leerlingenaantal or 0 for v in vestigingen})

    vastlegger = Gebruiker.objects.get(username=VASTLEGGER)
    lopende_opps = _lopende_opps(sorted(demo_ids), vastlegger.pk, seed)
    gemeente = Gemeente.objects.get(code=LEERPLICHT_GEMEENTE)
    buren = dict(
        Samenwerkingsverband.objects.filter(code=SWV_BUREN.code).values_list("sector", "pk")
    )
    po = Samenwerkingsverband.objects.get(code=SWV_PO.code)
    fake = Faker("nl_NL")
    fake.seed_instance(f"{seed}|monitor|namen")
    omgeving = Omgeving(
        gebruiker_id=vastlegger.pk,
        gemeente_id=gemeente.pk,
        gebieden=gebieden,
        # Grensverkeer in PO: children from the neighbouring SWV (Kromme Waarden).
        buren={po.pk: buren[po.sector]} if po.sector in buren else {},
        einde=EINDE,
        alles_afgesloten=True,
        naam=lambda _rng: (fake.first_name(), fake.last_name()),
    )
    gevallen = gevallen_bouwen(locaties, jaren=JAREN, omgeving=omgeving, seed=seed)
    tlv_gebieden = _tlv_gebieden(seed)
    _wachtlijsten_toeschrijven(sorted(demo_ids))
    meld(
        f"  monitor: {tellingen} leerlingtellingen, {opp_gebieden} OPP's met een gebied, "
        f"{lopende_opps} lopende OPP's op reguliere scholen, {plaatsen} gebieden met "
        f"plaatsen; 4 eerdere schooljaren ({gevallen['leerlingen']} oud-leerlingen): "
        f"{gevallen['ontwikkelingsperspectieven']} OPP's, "
        f"{gevallen['toelaatbaarheidsverklaringen']} TLV's, "
        f"{gevallen['arrangementaanvragen']} arrangementaanvragen, "
        f"{gevallen['verzuimmeldingen']} verzuimmeldingen, {gevallen['aanmeldingen']} "
        f"aanmeldingen, {gevallen['wachtlijststanden']} wachtlijststanden, "
        f"{gevallen['onenigheden']} onenigheden, {gevallen['veilig_thuis_meldingen']} "
        f"Veilig Thuis-meldingen"
    )
    return {
        "monitor_leerlingtellingen": tellingen,
        "monitor_opp_gebieden": opp_gebieden,
        "monitor_lopende_opps": lopende_opps,
        "monitor_gebieden_met_plaatsen": plaatsen,
        "monitor_tlv_gebieden": tlv_gebieden,
        **{f"monitor_{k}": v for k, v in sorted(gevallen.items())},
    }
