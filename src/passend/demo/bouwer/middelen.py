"""The middelen demo data (issue #8): the PO SWV's budgets and its plans.

* Budgets 2024 and 2025 (adopted) and 2026 (concept). Income per pupil of the region
  (the pupils of the member locations at the year's teldatum, 1 February of the year
  before: their counts of 1 October two years before): lichte
  ondersteuning ``LICHT_PER_LEERLING`` and zware ondersteuning ``ZWAAR_PER_LEERLING``, and
  a small subsidy; spending on the steunpunt, the organisation and other costs. The
  computed posts (afdrachten sbo/so from the demo's TLVs, the allocation to schools at an
  amount per pupil chosen so the year's result is as planned (``RESULTAAT``), the
  arrangements) come from the middelen service, as the controller (``controller.po``)
  computes them. Reserves: 2024 above the signaleringswaarde, with an explanation; 2025
  below it (its deficit spends the excess on the tussenvoorziening).
* Plans: the ondersteuningsplan 2022-2026 (version 1, the OPR's consent, OOGO with every
  municipality of the SWV's werkgebied); the new ondersteuningsplan 2026-2030 (version 1:
  the OPR did not consent; version 2: consent, OOGO with all municipalities but one, so
  the page shows what is missing); the meerjarenbegroting 2026-2029 (one version with the
  OPR's consent).

Budgets go through the middelen services (each write is access-logged as the controller's);
the plans are written as rows (seeding), with dates in the past of the demo. Deterministic;
idempotent: when the PO SWV has budgets already nothing is written.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from django.db.models import OuterRef, Subquery, Sum

from passend.accounts.actor import Actor
from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.arrangementen.rules import euro
from passend.core.perioden import actief_op
from passend.demo.bouwer.regio import SWV_PO
from passend.middelen.models import Begroting, Instemming, Oogo, Plan, Planversie
from passend.middelen.rules import (
    BATEN,
    Begrotingsstatus,
    Instemmingsuitkomst,
    Oogouitkomst,
    Plansoort,
    Postsoort,
    bovenmatig_eigen_vermogen,
    signaleringswaarde,
    teldatum,
)
from passend.middelen.services.begroting import (
    begroting_aanmaken,
    begroting_vaststellen,
    berekende_posten_bijwerken,
    ingevoerde_posten_vervangen,
    reserve_vastleggen,
)
from passend.middelen.services.plannen import bedragen_momentopname
from passend.organisaties.models import (
    Leerlingtelling,
    Samenwerkingsverband,
    SwvLidmaatschap,
    Vestiging,
)

__all__ = ["RESERVE_TOELICHTING", "demo_middelen_opslaan"]

ROUTE = "demo"
JAREN = (2024, 2025, 2026)
VASTGESTELDE_JAREN = (2024, 2025)
LICHT_PER_LEERLING = Decimal("190")
ZWAAR_PER_LEERLING = Decimal("420")
#: The planned result per year as a share of the income: a small surplus in 2024, in 2025
#: the reserve above the signaleringswaarde goes to the tussenvoorziening, 2026 balanced.
#: The amount per pupil for the schools is chosen to match.
RESULTAAT: dict[int, Decimal] = {2024: Decimal("0.01"), 2025: Decimal("-0.06"), 2026: Decimal(0)}
MINIMUM_PER_LEERLING = Decimal("50")
#: Reserves on 31 December: 2024 this much above the signaleringswaarde, 2025 this share of it.
OVERSCHOT_2024 = Decimal("185000.00")
AANDEEL_2025 = Decimal("0.80")
RESERVE_TOELICHTING = "Reserve voor de uitbreiding van de tussenvoorziening in 2025–2026."
CENT = Decimal("0.01")


@dataclass(frozen=True)
class _Jaarcijfers:
    leerlingen: int
    posten: list[tuple[str, str, Decimal]]


def _leerlingen(swv: Samenwerkingsverband, jaar: int) -> int:
    """The pupils of the member locations at the year's teldatum (``rules.teldatum``: for PO
    1 February of the year before, so each location's latest count on or before it, as the
    allocation to schools counts them); the locations' current pupil count when there is
    none."""
    peildatum = teldatum(swv.sector, jaar)
    vestigingen = SwvLidmaatschap.objects.filter(
        actief_op(peildatum), samenwerkingsverband=swv
    ).values("vestiging_id")
    laatste = Leerlingtelling.objects.filter(
        vestiging_id=OuterRef("vestiging_id"), teldatum__lte=peildatum
    ).order_by("-teldatum")
    geteld = Leerlingtelling.objects.filter(
        vestiging_id__in=vestigingen, pk=Subquery(laatste.values("pk")[:1])
    ).aggregate(totaal=Sum("aantal"))["totaal"]
    if geteld:
        return int(geteld)
    huidig = Vestiging.objects.filter(pk__in=vestigingen).aggregate(totaal=Sum("leerlingenaantal"))[
        "totaal"
    ]
    return int(huidig or 0)


def _jaarcijfers(swv: Samenwerkingsverband, jaar: int) -> _Jaarcijfers:
    leerlingen = _leerlingen(swv, jaar)
    groei = Decimal(jaar - 2024) * Decimal("0.03") + 1  # costs rise about 3 % a year
    licht = LICHT_PER_LEERLING * leerlingen
    zwaar = ZWAAR_PER_LEERLING * leerlingen
    baten = licht + zwaar
    return _Jaarcijfers(
        leerlingen=leerlingen,
        posten=[
            (
                Postsoort.LICHTE_ONDERSTEUNING,
                f"Rijksbijdrage lichte ondersteuning {jaar}",
                licht.quantize(CENT),
            ),
            (
                Postsoort.ZWARE_ONDERSTEUNING,
                f"Rijksbijdrage zware ondersteuning {jaar}",
                zwaar.quantize(CENT),
            ),
            (Postsoort.OVERIGE_BATEN, "Subsidie gemeenten thuiszittersaanpak", Decimal("45000.00")),
            (
                Postsoort.STEUNPUNT,
                "Ouder- en jeugdsteunpunt Lingebroek",
                (Decimal("85000") * groei).quantize(CENT),
            ),
            (
                Postsoort.ORGANISATIE,
                "Bureau, bestuur en huisvesting",
                (baten * Decimal("0.055")).quantize(CENT),
            ),
            (
                Postsoort.OVERIGE_LASTEN,
                "Scholing en professionalisering",
                (Decimal("40000") * groei).quantize(CENT),
            ),
        ],
    )


def _bedrag_per_leerling(begroting: Begroting, leerlingen: int) -> Decimal:
    """The whole euros per pupil for the schools that leave the year's planned result
    (``RESULTAAT``, a share of the income) after every other post."""
    posten = list(begroting.posten.exclude(soort=Postsoort.TOEWIJZING_SCHOLEN))
    baten = sum((p.bedrag for p in posten if p.soort in BATEN), Decimal("0.00"))
    overige_lasten = sum((p.bedrag for p in posten if p.soort not in BATEN), Decimal("0.00"))
    ruimte = baten * (1 - RESULTAAT[begroting.jaar]) - overige_lasten
    if leerlingen <= 0 or ruimte <= 0:
        return MINIMUM_PER_LEERLING
    return max((ruimte / leerlingen).to_integral_value(ROUND_FLOOR), MINIMUM_PER_LEERLING)


def _begroting(actor: Actor, swv: Samenwerkingsverband, jaar: int) -> Begroting:
    """One year's budget, as the controller makes it: the entered posts, the computed posts,
    the amount per pupil for the schools (then the computed posts again), the reserves, and
    for 2024 and 2025 the adoption."""
    cijfers = _jaarcijfers(swv, jaar)
    begroting = begroting_aanmaken(actor=actor, jaar=jaar, route=ROUTE)
    ingevoerde_posten_vervangen(
        actor=actor,
        begroting=begroting,
        revisie=begroting.revisie,
        posten=cijfers.posten,
        route=ROUTE,
        reden=f"demo: posten van begroting {jaar} ingevoerd",
    )
    berekende_posten_bijwerken(
        actor=actor, begroting=begroting, revisie=begroting.revisie, route=ROUTE
    )
    baten = sum((b for s, _, b in cijfers.posten if s in BATEN), Decimal("0.00"))
    grens = signaleringswaarde(baten)
    eigen_vermogen: Decimal | None = None
    toelichting = ""
    if jaar == VASTGESTELDE_JAREN[0]:
        eigen_vermogen, toelichting = grens + OVERSCHOT_2024, RESERVE_TOELICHTING
    elif jaar in VASTGESTELDE_JAREN:
        eigen_vermogen = (grens * AANDEEL_2025).quantize(CENT)
    reserve_vastleggen(
        actor=actor,
        begroting=begroting,
        eigen_vermogen=eigen_vermogen,
        toelichting_reserve=toelichting,
        revisie=begroting.revisie,
        route=ROUTE,
        bedrag_per_leerling=_bedrag_per_leerling(begroting, cijfers.leerlingen),
    )
    berekende_posten_bijwerken(
        actor=actor, begroting=begroting, revisie=begroting.revisie, route=ROUTE
    )
    if jaar in VASTGESTELDE_JAREN:
        begroting_vaststellen(
            actor=actor,
            begroting=begroting,
            revisie=begroting.revisie,
            datum=date(jaar - 1, 12, 12),
            route=ROUTE,
        )
    begroting.refresh_from_db()
    return begroting


def _versie(
    plan: Plan,
    nummer: int,
    *,
    samenvatting: str,
    vastgesteld_op: date | None,
    gebruiker_id: int,
    bedragen: dict[str, dict[str, str]] | None = None,
) -> Planversie:
    return Planversie.objects.create(
        plan=plan,
        nummer=nummer,
        samenvatting=samenvatting,
        vastgesteld_op=vastgesteld_op,
        bedragen=bedragen or {},
        aangemaakt_door_id=gebruiker_id,
    )


def _plannen(swv: Samenwerkingsverband, gebruiker_id: int) -> dict[str, int]:
    gemeenten = list(swv.werkgebied.order_by("code"))
    instemmingen: list[Instemming] = []
    oogo: list[Oogo] = []

    oud = Plan.objects.create(
        samenwerkingsverband=swv,
        soort=Plansoort.ONDERSTEUNINGSPLAN,
        titel="Ondersteuningsplan 2022–2026: Samen passend",
        periode_van=date(2022, 8, 1),
        periode_tot=date(2026, 7, 31),
    )
    versie = _versie(
        oud,
        1,
        samenvatting="Basisondersteuning op elke school, een tussenvoorziening voor "
        "leerlingen die tijdelijk meer nodig hebben en een ouder- en jeugdsteunpunt.",
        vastgesteld_op=date(2022, 6, 27),
        gebruiker_id=gebruiker_id,
    )
    instemmingen.append(
        Instemming(
            planversie=versie,
            datum=date(2022, 6, 14),
            uitkomst=Instemmingsuitkomst.INGESTEMD,
            vastgelegd_door_id=gebruiker_id,
        )
    )
    oogo.extend(
        Oogo(
            planversie=versie,
            gemeente=gemeente,
            datum=date(2022, 5, 10 + index),
            uitkomst=Oogouitkomst.OVEREENSTEMMING,
            vastgelegd_door_id=gebruiker_id,
        )
        for index, gemeente in enumerate(gemeenten)
    )

    nieuw = Plan.objects.create(
        samenwerkingsverband=swv,
        soort=Plansoort.ONDERSTEUNINGSPLAN,
        titel="Ondersteuningsplan 2026–2030: Thuisnabij en dekkend",
        periode_van=date(2026, 8, 1),
        periode_tot=date(2030, 7, 31),
        revisie=2,
    )
    eerste = _versie(
        nieuw,
        1,
        samenvatting="Eerste versie: de tussenvoorziening wordt uitgebreid; de toewijzing aan "
        "scholen gaat van een bedrag per leerling naar arrangementen.",
        vastgesteld_op=None,
        gebruiker_id=gebruiker_id,
    )
    tweede = _versie(
        nieuw,
        2,
        samenvatting="Tweede versie na het overleg met de OPR: het bedrag per leerling voor de "
        "scholen blijft, met een arrangement erbij voor leerlingen die meer nodig hebben.",
        vastgesteld_op=date(2026, 6, 29),
        gebruiker_id=gebruiker_id,
    )
    instemmingen += [
        Instemming(
            planversie=eerste,
            datum=date(2026, 4, 14),
            uitkomst=Instemmingsuitkomst.NIET_INGESTEMD,
            toelichting="De OPR wil dat scholen het bedrag per leerling houden.",
            vastgelegd_door_id=gebruiker_id,
        ),
        Instemming(
            planversie=tweede,
            datum=date(2026, 6, 16),
            uitkomst=Instemmingsuitkomst.INGESTEMD,
            vastgelegd_door_id=gebruiker_id,
        ),
    ]
    oogo.extend(
        Oogo(
            planversie=tweede,
            gemeente=gemeente,
            datum=date(2026, 6, 2 + index),
            uitkomst=Oogouitkomst.OVEREENSTEMMING,
            vastgelegd_door_id=gebruiker_id,
        )
        for index, gemeente in enumerate(gemeenten[:-1])
    )

    meerjarig = Plan.objects.create(
        samenwerkingsverband=swv,
        soort=Plansoort.MEERJARENBEGROTING,
        titel="Meerjarenbegroting 2026–2029",
        periode_van=date(2026, 1, 1),
        periode_tot=date(2029, 12, 31),
    )
    mjb = _versie(
        meerjarig,
        1,
        samenvatting="Meerjarenbegroting bij de begroting 2026: de reserve boven de "
        "signaleringswaarde gaat naar de tussenvoorziening.",
        vastgesteld_op=date(2025, 12, 15),
        gebruiker_id=gebruiker_id,
        bedragen=bedragen_momentopname(meerjarig),
    )
    instemmingen.append(
        Instemming(
            planversie=mjb,
            datum=date(2025, 12, 9),
            uitkomst=Instemmingsuitkomst.INGESTEMD,
            vastgelegd_door_id=gebruiker_id,
        )
    )
    Instemming.objects.bulk_create(instemmingen)
    Oogo.objects.bulk_create(oogo)
    return {
        "plannen": 3,
        "planversies": 4,
        "instemmingen OPR": len(instemmingen),
        "OOGO": len(oogo),
    }


def demo_middelen_opslaan(meld: Callable[[str], None]) -> dict[str, int]:
    swv = Samenwerkingsverband.objects.filter(code=SWV_PO.code).first()
    if swv is None or Begroting.objects.filter(samenwerkingsverband=swv).exists():
        return {}
    rol = (
        Rol.objects.select_related("gebruiker", "samenwerkingsverband")
        .filter(rolsoort=Rolsoort.FINANCIEEL_MEDEWERKER, samenwerkingsverband=swv)
        .order_by("pk")
        .first()
    )
    if rol is None:
        return {}
    actor = Actor(gebruiker=rol.gebruiker, rol=rol)
    begrotingen = [_begroting(actor, swv, jaar) for jaar in JAREN]
    for begroting in begrotingen:
        posten = list(begroting.posten.all())
        baten = sum((p.bedrag for p in posten if p.soort in BATEN), Decimal("0.00"))
        lasten = sum((p.bedrag for p in posten if p.soort not in BATEN), Decimal("0.00"))
        tekst = (
            f"Begroting {begroting.jaar} ({begroting.get_status_display().lower()}): "
            f"baten {euro(baten)}, lasten en afdrachten {euro(lasten)}, "
            f"{euro(begroting.bedrag_per_leerling or Decimal(0))} per leerling voor de scholen"
        )
        if begroting.eigen_vermogen is not None:
            tekst += (
                f", eigen vermogen {euro(begroting.eigen_vermogen)} (signaleringswaarde "
                f"{euro(signaleringswaarde(baten))}, daarboven "
                f"{euro(bovenmatig_eigen_vermogen(begroting.eigen_vermogen, baten))})"
            )
        meld(tekst + ".")
    aantallen = _plannen(swv, rol.gebruiker_id)
    meld(
        f"Plannen: {aantallen['plannen']} ({aantallen['planversies']} versies, "
        f"{aantallen['instemmingen OPR']} instemmingen OPR, {aantallen['OOGO']} OOGO)."
    )
    return {
        "begrotingen": len(begrotingen),
        "vastgestelde begrotingen": sum(
            b.status == Begrotingsstatus.VASTGESTELD for b in begrotingen
        ),
        **aantallen,
    }
