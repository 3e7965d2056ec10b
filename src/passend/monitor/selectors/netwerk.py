"""Reads of dekkend netwerk analyses, and the case data an analysis starts from.

Two kinds of read:

- what people see (``analyses_voor``, ``analyse_voor``, ``keuzes_voor_wat_als``): the
  policy decides (a role that may never read analyses: 403, logged; another SWV's or an
  unknown analysis: 404, logged) and every read writes one access-log record. An analysis
  holds figures only (aggregated per PC4 area and per location), so the record names no
  pupil;
- what the job reads (``vraag_van``, ``aanbod_van``): no rights check here — the service
  (``monitor.services.netwerk``) authorises the starting actor and logs the pupils counted
  before it computes. Both read in a fixed number of queries whatever the number of pupils
  or locations. The rules of demand and supply are in ``monitor.netwerk.vraag``.
"""

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import Avg, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce, Substr
from django.http import Http404
from django.utils import timezone

from passend.aanbod.models import Gebiedsaanbod, Ondersteuningsgebied
from passend.aanbod.rules import Status as AanbodStatus
from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Inschrijving, Leerling
from passend.monitor.models import Netwerkanalyse
from passend.monitor.netwerk.model import ELK_GEBIED, Locatie
from passend.monitor.netwerk.vraag import (
    NIVEAU_LABELS,
    NIVEAU_VAN_TLV,
    NIVEAUS_VAN_SECTOR,
    REGULIER,
    Gebiedsrij,
    Leerlingrij,
    Vestigingrij,
    Vraag,
    leerlingen_samenvoegen,
    locaties_van_aanbod,
    sector_van_swv,
    vraaggroepen,
)
from passend.monitor.permissions import beleid
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import Status as OppStatus
from passend.organisaties.models import Samenwerkingsverband, SwvLidmaatschap, Vestiging
from passend.organisaties.rules import SECTOREN_VAN_SOORT, Soort
from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import Status as TlvStatus

OBJECT_TYPE = "netwerkanalyse"
#: An OPP counts as a need for extra support only at a regular location: a pupil in special
#: education has an OPP too, and is counted through its TLV.
REGULIERE_SOORTEN = sorted(REGULIER)
NIET_GEVONDEN = "Deze analyse bestaat niet of u mag deze niet zien."


# --- What people see -----------------------------------------------------------------------


def analyses_voor(*, actor: Any, route: str) -> QuerySet[Netwerkanalyse]:
    """The actor's SWV's analyses, newest first (403, logged, for a role without the right).
    One access-log record: the list shows figures only."""
    beleid.eis_rol(
        actor, "netwerk_bekijken", log_actie=Actie.LEZEN, object_type=OBJECT_TYPE, route=route
    )
    analyses = (
        beleid.filter_zichtbaar(actor, Netwerkanalyse.objects.all())
        .select_related("samenwerkingsverband", "basis", "gestart_door")
        .order_by("-aangemaakt_op", "-id")
    )
    swv = actor.rol.samenwerkingsverband
    toegang_vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        object_type="netwerkanalyses",
        object_id=swv.code if swv is not None else "",
        toegestaan=True,
        reden="Analyses van het dekkend netwerk bekijken (alleen cijfers)",
        route=route,
    )
    return analyses


def _als_uuid(sleutel: UUID | str) -> UUID | None:
    if isinstance(sleutel, UUID):
        return sleutel
    try:
        return UUID(str(sleutel))
    except ValueError:
        return None


def analyse_voor(
    *, actor: Any, sleutel: UUID | str, route: str, actie: str = "netwerk_bekijken"
) -> Netwerkanalyse:
    """One analysis of the actor's SWV: 403 (logged) for a role without the right, 404
    (logged) for another SWV's or an unknown key. One access-log record (figures only)."""
    beleid.eis_rol(actor, actie, log_actie=Actie.LEZEN, object_type=OBJECT_TYPE, route=route)
    uuid = _als_uuid(sleutel)
    analyse = (
        Netwerkanalyse.objects.filter(sleutel=uuid)
        .select_related("samenwerkingsverband", "basis", "gestart_door")
        .first()
        if uuid is not None
        else None
    )
    toegestaan = analyse is not None and beleid.mag(actor, actie, analyse)
    toegang_vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        object_type=OBJECT_TYPE,
        object_id=str(sleutel)[:64],
        toegestaan=toegestaan,
        reden="Analyse van het dekkend netwerk bekijken (alleen cijfers)"
        if toegestaan
        else "geweigerd: analyse van het dekkend netwerk bekijken",
        route=route,
    )
    if not toegestaan or analyse is None:
        raise Http404(NIET_GEVONDEN)
    return analyse


def keuzes_voor_wat_als(*, actor: Any) -> dict[str, list[tuple[str, str]]]:
    """What a what-if form offers: the SWV's member locations (today), the active
    ondersteuningsgebieden, and the niveaus and the soorten of location of the SWV's sector
    (the analysis holds only the places of its own sector; the service refuses the rest).
    No pupil data (organisations are public); the page that shows it has logged its read."""
    swv = actor.rol.samenwerkingsverband
    vestigingen: list[tuple[str, str]] = []
    niveaus = list(NIVEAU_LABELS)
    soorten = [(str(waarde), str(label)) for waarde, label in Soort.choices]
    if swv is not None:
        niveaus = list(NIVEAUS_VAN_SECTOR[sector_van_swv(swv.sector)])
        soorten = [
            (waarde, label)
            for waarde, label in soorten
            if swv.sector in SECTOREN_VAN_SOORT.get(waarde, ())
        ]
        soortlabels = dict(Soort.choices)
        vestigingen = [
            (code, f"{naam} ({soortlabels.get(soort, soort)})")
            for code, naam, soort in _leden(swv, timezone.localdate())
            .order_by("naam", "vestigingscode")
            .values_list("vestigingscode", "naam", "soort")
        ]
    return {
        "vestigingen": vestigingen,
        "gebieden": list(
            Ondersteuningsgebied.objects.filter(actief=True)
            .order_by("volgorde", "naam")
            .values_list("code", "naam")
        ),
        "niveaus": [(niveau, NIVEAU_LABELS[niveau]) for niveau in niveaus],
        "soorten": soorten,
    }


# --- What the job reads (no rights check: the service authorises and logs) ------------------


def _leden(swv: Samenwerkingsverband, peildatum: date) -> QuerySet[Vestiging]:
    """The SWV's member locations on the peildatum."""
    lid = SwvLidmaatschap.objects.filter(vestiging=OuterRef("pk"), samenwerkingsverband=swv).filter(
        actief_op(peildatum)
    )
    return Vestiging.objects.filter(Exists(lid))


def _plek(breedte: float | None, lengte: float | None) -> tuple[float, float] | None:
    return None if breedte is None or lengte is None else (breedte, lengte)


#: The statuses of an OPP version that was (or is) vastgesteld.
GELDIGE_OPP_STATUSSEN = (OppStatus.VASTGESTELD, OppStatus.VERVANGEN, OppStatus.BEEINDIGD)


def lopend_op(peildatum: date) -> Q:
    """The OPP versions that ran on the peildatum, whatever happened to them since (the rule
    of ``ondersteuning.selectors.opp_kengetallen`` for one day): vastgesteld on or before
    the peildatum, and then still current (without an end, or ending on or after it),
    ended on or after it, or replaced by a version vastgesteld (or ended) on or after it.
    So an analysis and its what-if count the same pupils however the OPPs were revised
    after the peildatum."""
    # A replaced version stops when the next version is vastgesteld (or, never vastgesteld,
    # ended); one whose next version has neither date still counts, as in opp_kengetallen.
    eerder_vervangen = Ontwikkelingsperspectief.objects.annotate(
        volgende_op=Coalesce("vastgesteld_op", "einddatum")
    ).filter(vorige_versie=OuterRef("pk"), volgende_op__lt=peildatum)
    return Q(vastgesteld_op__lte=peildatum) & (
        (
            Q(status=OppStatus.VASTGESTELD)
            & (Q(einddatum__isnull=True) | Q(einddatum__gte=peildatum))
        )
        | Q(status=OppStatus.BEEINDIGD, einddatum__gte=peildatum)
        | (Q(status=OppStatus.VERVANGEN) & ~Q(Exists(eerder_vervangen)))
    )


def vraag_van(swv: Samenwerkingsverband, peildatum: date) -> Vraag:
    """The SWV's demand on the peildatum (``monitor.netwerk.vraag``), in 6 queries."""
    sector = sector_van_swv(swv.sector)
    tlv_rijen = [
        Leerlingrij(
            leerling_id=r["leerling_id"],
            sleutel=r["leerling__sleutel"],
            postcode=r["leerling__postcode"],
            woongemeente_id=r["leerling__woongemeente_id"],
            woongemeente=r["leerling__woongemeente__naam"] or "",
            niveau=NIVEAU_VAN_TLV[r["type"]],
            gebied=r["opp__ondersteuningsgebied__code"] or ELK_GEBIED,
            dossierplek=_plek(r["vestiging__breedtegraad"], r["vestiging__lengtegraad"]),
        )
        for r in Toelaatbaarheidsverklaring.objects.filter(
            verantwoordelijk_swv=swv,
            status=TlvStatus.TOEGEKEND,
            ingangsdatum__lte=peildatum,
        )
        .filter(Q(einddatum__isnull=True) | Q(einddatum__gte=peildatum))
        .annotate(type=Coalesce("schoolsoort", "soort"))
        .order_by("leerling_id", "id")
        .values(
            "leerling_id",
            "leerling__sleutel",
            "leerling__postcode",
            "leerling__woongemeente_id",
            "leerling__woongemeente__naam",
            "type",
            "opp__ondersteuningsgebied__code",
            "vestiging__breedtegraad",
            "vestiging__lengtegraad",
        )
        if r["type"] in NIVEAU_VAN_TLV
    ]
    lid_op_peildatum = SwvLidmaatschap.objects.filter(
        vestiging=OuterRef("vestiging_id"), samenwerkingsverband=swv
    ).filter(actief_op(peildatum))
    opp_rijen = [
        Leerlingrij(
            leerling_id=r["leerling_id"],
            sleutel=r["leerling__sleutel"],
            postcode=r["leerling__postcode"],
            woongemeente_id=r["leerling__woongemeente_id"],
            woongemeente=r["leerling__woongemeente__naam"] or "",
            niveau="extra",
            gebied=r["ondersteuningsgebied__code"] or ELK_GEBIED,
            dossierplek=_plek(r["vestiging__breedtegraad"], r["vestiging__lengtegraad"]),
        )
        for r in Ontwikkelingsperspectief.objects.filter(
            Exists(lid_op_peildatum),
            lopend_op(peildatum),
            vestiging__soort__in=REGULIERE_SOORTEN,
        )
        .order_by("leerling_id", "-vastgesteld_op", "-versie", "-id")
        .values(
            "leerling_id",
            "leerling__sleutel",
            "leerling__postcode",
            "leerling__woongemeente_id",
            "leerling__woongemeente__naam",
            "ondersteuningsgebied__code",
            "vestiging__breedtegraad",
            "vestiging__lengtegraad",
        )
    ]
    leerlingen = leerlingen_samenvoegen(tlv_rijen, opp_rijen)
    met_coordinaten = Vestiging.objects.filter(
        breedtegraad__isnull=False, lengtegraad__isnull=False
    )
    # The centroids of all known locations per PC4 area and per municipality: grouped in
    # the database (at most one row per area), whatever the number of pupils.
    pc4_middens = {
        r["pc4"]: (r["b"], r["l"])
        for r in met_coordinaten.exclude(postcode="")
        .annotate(pc4=Substr("postcode", 1, 4))
        .values("pc4")
        .annotate(b=Avg("breedtegraad"), l=Avg("lengtegraad"))
        .order_by()
    }
    gemeente_middens = {
        r["gemeente_id"]: (r["b"], r["l"])
        for r in met_coordinaten.filter(gemeente__isnull=False)
        .values("gemeente_id")
        .annotate(b=Avg("breedtegraad"), l=Avg("lengtegraad"))
        .order_by()
    }
    # The current school location of the pupils who count, through the same filters (a
    # subquery, not a list of ids).
    # (A superset is harmless: only the pupils who count are looked up in it. It takes
    # every OPP version that ever ran, so a version replaced or ended after the peildatum
    # still finds its pupil's school.)
    telt = Leerling.objects.filter(
        Q(
            toelaatbaarheidsverklaringen__verantwoordelijk_swv=swv,
            toelaatbaarheidsverklaringen__status=TlvStatus.TOEGEKEND,
        )
        | Q(
            ontwikkelingsperspectieven__status__in=GELDIGE_OPP_STATUSSEN,
            ontwikkelingsperspectieven__vastgesteld_op__isnull=False,
            ontwikkelingsperspectieven__vestiging__lidmaatschappen__samenwerkingsverband=swv,
        )
    ).values("pk")
    schoolplekken: dict[int, tuple[float, float]] = {}
    for r in (
        Inschrijving.objects.filter(actief_op(peildatum))
        .filter(vestiging__breedtegraad__isnull=False, vestiging__lengtegraad__isnull=False)
        .filter(leerling__in=telt)
        .order_by("leerling_id", "-van", "-id")
        .values("leerling_id", "vestiging__breedtegraad", "vestiging__lengtegraad")
    ):
        plek = _plek(r["vestiging__breedtegraad"], r["vestiging__lengtegraad"])
        if plek is not None:
            schoolplekken.setdefault(r["leerling_id"], plek)
    return vraaggroepen(
        leerlingen,
        sector=sector,
        pc4_middens=pc4_middens,
        gemeente_middens=gemeente_middens,
        schoolplekken=schoolplekken,
    )


@dataclass
class Aanbodstand:
    """The SWV's supply: the locations (with places) and what a what-if may name."""

    locaties: list[Locatie]
    #: Member locations without coordinates (they cannot take part).
    zonder_coordinaten: set[str]


def aanbod_van(
    swv: Samenwerkingsverband, peildatum: date, schooljaar: str, extra_procent: float
) -> Aanbodstand:
    """The SWV's supply for the school year (``monitor.netwerk.vraag``), in 3 queries.
    Organisations and offers only: no pupil data."""
    leden = list(
        _leden(swv, peildatum)
        .select_related("gemeente")
        .order_by("vestigingscode")
        .only(
            "vestigingscode",
            "naam",
            "soort",
            "breedtegraad",
            "lengtegraad",
            "leerlingenaantal",
            "gemeente__naam",
        )
    )
    vestigingen = [
        Vestigingrij(
            vestigingscode=v.vestigingscode,
            naam=v.naam,
            soort=v.soort,
            breedtegraad=v.breedtegraad,
            lengtegraad=v.lengtegraad,
            leerlingenaantal=v.leerlingenaantal,
            gemeente=v.gemeente.naam if v.gemeente else "",
        )
        for v in leden
        if v.breedtegraad is not None and v.lengtegraad is not None
    ]
    zonder = {v.vestigingscode for v in leden if v.breedtegraad is None or v.lengtegraad is None}
    # The published offer of the school year, else the public (newest published) version.
    rijen = list(
        Gebiedsaanbod.objects.filter(
            aanbod__vestiging__in=_leden(swv, peildatum),
            aanbod__status=AanbodStatus.GEPUBLICEERD,
        )
        .filter(Q(aanbod__schooljaar=schooljaar) | Q(aanbod__openbaar=True))
        .values(
            "aanbod__vestiging__vestigingscode",
            "aanbod__schooljaar",
            "gebied__code",
            "capaciteit",
            "extra_ondersteuning",
        )
        .order_by("aanbod__vestiging__vestigingscode", "gebied__code")
    )
    van_het_jaar = {
        r["aanbod__vestiging__vestigingscode"]
        for r in rijen
        if r["aanbod__schooljaar"] == schooljaar
    }
    gebiedsrijen = [
        Gebiedsrij(
            vestigingscode=r["aanbod__vestiging__vestigingscode"],
            gebied=r["gebied__code"],
            capaciteit=r["capaciteit"],
            extra_ondersteuning=bool((r["extra_ondersteuning"] or "").strip()),
        )
        for r in rijen
        if r["aanbod__schooljaar"] == schooljaar
        or r["aanbod__vestiging__vestigingscode"] not in van_het_jaar
    ]
    return Aanbodstand(
        locaties=locaties_van_aanbod(
            vestigingen, gebiedsrijen, extra_procent, sector=sector_van_swv(swv.sector)
        ),
        zonder_coordinaten=zonder,
    )


def gebieden_en_namen() -> dict[str, str]:
    """Every ondersteuningsgebied's code → name (also inactive ones: old offers name them)."""
    return dict(Ondersteuningsgebied.objects.values_list("code", "naam"))
