"""The support offer of the demo region (DOMAIN.md 2.7): what every location offers, the
waiting lists of its sbo, so and vso locations, and the sociale kaart of both SWVs.

* Every location of the demo SWVs publishes its offer for the school year of
  ``PEILDATUM`` (``aanbodplan``: the three areas of the landelijke norm and a varied choice
  of the others by soort, with facilities, and places at sbo/so/vso); the first location of
  OBS De Zonnebloem also shows last year's offer with the correction that replaced it; at
  the first location of every school a demo user describes (De Zonnebloem, De Brug, De
  Driestroom) next year's offer is a concept in progress, not public (``schrijven``).
* The waiting lists hold a figure every two months over two school years (``wachtlijsten``).
* Each SWV's loket fills its sociale kaart (``sociale_kaart``).

Everything goes through the aanbod services as a demo user where the demo has one who may
do it; what nobody in the demo may write is seeded (see the modules). Deterministic: every
choice comes from a ``random.Random`` seeded per location, every date from ``PEILDATUM``.
Idempotent: a part that is there already is left alone.
"""

from collections.abc import Callable

from django.db.models import Exists, OuterRef
from django.utils import timezone

from passend.aanbod.models import Aanbod, Ondersteuningsgebied, Wachtlijststand
from passend.aanbod.rules import SOORTEN_MET_WACHTLIJST
from passend.core.perioden import actief_op
from passend.demo.bouwer.aanbod.actoren import demoactoren_ophalen
from passend.demo.bouwer.aanbod.schrijven import aanbod_schrijven
from passend.demo.bouwer.aanbod.sociale_kaart import sociale_kaart_schrijven
from passend.demo.bouwer.aanbod.wachtlijsten import wachtlijsten_schrijven
from passend.demo.bouwer.regio import SWV_PO, SWV_VO
from passend.organisaties.models import SwvLidmaatschap, Vestiging

__all__ = ["demo_aanbod_opslaan", "demo_vestigingen"]


def demo_vestigingen() -> list[Vestiging]:
    """The locations that are members of a demo SWV today, in code order."""
    lid = SwvLidmaatschap.objects.filter(
        vestiging=OuterRef("pk"), samenwerkingsverband__code__in=[SWV_PO.code, SWV_VO.code]
    ).filter(actief_op(timezone.localdate()))
    return list(
        Vestiging.objects.filter(Exists(lid)).select_related("school").order_by("vestigingscode")
    )


def _swv_ids(vestigingen: list[Vestiging]) -> dict[int, set[int]]:
    per_vestiging: dict[int, set[int]] = {}
    rijen = (
        SwvLidmaatschap.objects.filter(vestiging__in=vestigingen)
        .filter(actief_op(timezone.localdate()))
        .values_list("vestiging_id", "samenwerkingsverband_id")
    )
    for vestiging_id, swv_id in rijen:
        per_vestiging.setdefault(vestiging_id, set()).add(swv_id)
    return per_vestiging


def demo_aanbod_opslaan(meld: Callable[[str], None]) -> int:
    """Write the demo region's offer, waiting lists and sociale kaart; returns the number of
    locations with a published (public) offer."""
    vestigingen = demo_vestigingen()
    if not vestigingen:
        meld("  aanbod overgeslagen: de demoregio ontbreekt")
        return 0
    actoren = demoactoren_ophalen()
    if Aanbod.objects.filter(vestiging__in=vestigingen).exists():
        meld("  aanbod was er al")
    else:
        gebieden = Ondersteuningsgebied.objects.filter(actief=True).order_by("volgorde", "naam")
        telling = aanbod_schrijven(
            vestigingen=vestigingen,
            swv_ids=_swv_ids(vestigingen),
            actoren=actoren,
            normgebieden=[g.code for g in gebieden if g.landelijke_norm],
            andere_gebieden=[g.code for g in gebieden if not g.landelijke_norm],
            gebied_ids={g.code: g.pk for g in gebieden},
        )
        meld(
            f"  aanbod van {telling.gepubliceerd + telling.gezaaid} vestigingen gepubliceerd "
            f"({telling.gezaaid} zonder demogebruiker), {telling.concepten} concepten voor "
            f"volgend schooljaar, {telling.vervangen} vervangen versie"
        )
    met_wachtlijst = [v for v in vestigingen if v.soort in SOORTEN_MET_WACHTLIJST]
    if Wachtlijststand.objects.filter(vestiging__in=met_wachtlijst).exists():
        meld("  wachtlijsten waren er al")
    else:
        standen = wachtlijsten_schrijven(vestigingen=met_wachtlijst, actoren=actoren)
        meld(f"  {standen} wachtlijststanden van {len(met_wachtlijst)} vestigingen opgeslagen")
    voorzieningen = sociale_kaart_schrijven(actoren=actoren, meld=meld)
    meld(f"  {voorzieningen} voorzieningen op de sociale kaart opgeslagen")
    return Aanbod.objects.filter(vestiging__in=vestigingen, openbaar=True).count()
