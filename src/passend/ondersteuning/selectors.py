"""Reads of OPPs. Visibility is part of every selector; reading one OPP is logged."""

from datetime import date, timedelta
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db.models import Count, Max, Min, Prefetch, QuerySet
from django.http import Http404

from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.ondersteuning.models import Instemming, Leerlingstem, Ontwikkelingsperspectief
from passend.ondersteuning.permissions import beleid
from passend.ondersteuning.rules import (
    Besluit,
    FactorSoort,
    Status,
    Volledigheid,
    evaluatie_binnenkort,
    evaluatie_te_laat,
    hoorrecht_van_toepassing,
    te_laat_vastgesteld,
)


def opps_zichtbaar_voor(*, actor: Any) -> QuerySet[Ontwikkelingsperspectief]:
    return (
        beleid.filter_zichtbaar(actor, Ontwikkelingsperspectief.objects.all())
        .select_related("leerling", "vestiging__school")
        .order_by("leerling__achternaam", "leerling__roepnaam", "reeks", "-versie")
    )


def opp_voor_actor(
    *,
    actor: Any,
    sleutel: UUID,
    actie: str,
    doel: str,
    route: str = "",
    log_actie: Actie = Actie.LEZEN,
) -> Ontwikkelingsperspectief:
    """Fetch one OPP version with all its parts, authorising and logging; else 404."""
    opp = (
        Ontwikkelingsperspectief.objects.filter(sleutel=sleutel)
        .select_related(
            "leerling",
            "vestiging__school",
            "vastgesteld_door",
            "vorige_versie",
            "ondersteuningsgebied",
        )
        .prefetch_related(
            "factoren",
            "doelen",
            "overleggen",
            "evaluaties",
            Prefetch(
                "instemmingen",
                queryset=Instemming.objects.select_related("door", "vastgelegd_door"),
            ),
            Prefetch(
                "leerlingstemmen", queryset=Leerlingstem.objects.select_related("reactie_door")
            ),
        )
        .first()
    )
    toegestaan = opp is not None and beleid.mag(actor, actie, opp)
    toegang_vastleggen(
        actor=actor,
        actie=log_actie,
        object_type="ontwikkelingsperspectief",
        object_id=str(sleutel),
        leerling_sleutels=[opp.leerling.sleutel] if opp is not None else [],
        toegestaan=toegestaan,
        reden=doel if toegestaan else f"geweigerd: {doel}",
        route=route,
    )
    if not toegestaan or opp is None:
        raise Http404("Dit ontwikkelingsperspectief bestaat niet of u mag het niet zien.")
    return opp


def opp_voor_schrijven(
    *,
    actor: Any,
    sleutel: UUID,
    actie: str,
    doel: str,
    route: str,
    log_actie: Actie = Actie.WIJZIGEN,
) -> Ontwikkelingsperspectief:
    """Fetch one OPP for a write, authorising without logging; else log the refusal and 404.

    When the actor may do ``actie``, nothing is logged: the service that writes records the
    request (or, when nothing is saved, the caller does). An unknown key or a refusal is
    logged as ``log_actie`` by ``opp_voor_actor``, which then raises Http404.
    """
    opp = (
        Ontwikkelingsperspectief.objects.filter(sleutel=sleutel)
        .select_related("leerling", "vestiging__school")
        .first()
    )
    if opp is not None and beleid.mag(actor, actie, opp):
        return opp
    opp_voor_actor(
        actor=actor, sleutel=sleutel, actie=actie, doel=doel, route=route, log_actie=log_actie
    )
    raise Http404  # only reached if the rights changed in between


def laatste_instemming(opp: Ontwikkelingsperspectief) -> Instemming | None:
    """The decision that counts: the latest (uses prefetched instemmingen when present)."""
    instemmingen = sorted(opp.instemmingen.all(), key=lambda i: (i.tijdstip, i.pk))
    return instemmingen[-1] if instemmingen else None


def volledigheid(opp: Ontwikkelingsperspectief, *, peildatum: date) -> Volledigheid:
    """The facts the vaststellen rule needs, from one OPP (prefetched or not)."""
    factoren = [f.soort for f in opp.factoren.all()]
    stemmen = list(opp.leerlingstemmen.all())
    instemming = laatste_instemming(opp)
    return Volledigheid(
        uitstroombestemming=opp.uitstroombestemming,
        onderbouwing=opp.onderbouwing,
        belemmerende_factoren=factoren.count(FactorSoort.BELEMMEREND),
        bevorderende_factoren=factoren.count(FactorSoort.BEVORDEREND),
        doelen=len(opp.doelen.all()),
        overleggen_met_ouders=len(opp.overleggen.all()),
        instemming_gegeven=instemming is not None and instemming.besluit == Besluit.GEGEVEN,
        leerlingstem=bool(stemmen),
        reactie_op_leerlingstem=any(s.reactie_school.strip() for s in stemmen),
        hoorrecht_van_toepassing=hoorrecht_van_toepassing(peildatum),
    )


def opps_met_signalen(*, actor: Any, vandaag: date) -> list[dict[str, Any]]:
    """The school's running OPPs with their deadlines: overdue ones first."""
    opps = (
        opps_zichtbaar_voor(actor=actor)
        .filter(status__in=[Status.CONCEPT, Status.VASTGESTELD])
        .annotate(
            aantal_evaluaties=Count("evaluaties"),
        )
        .prefetch_related("evaluaties")
    )
    rijen = []
    for opp in opps:
        evaluaties = sorted(e.datum for e in opp.evaluaties.all())
        laatste_moment = evaluaties[-1] if evaluaties else opp.vastgesteld_op
        rijen.append(
            {
                "opp": opp,
                "te_laat_vastgesteld": te_laat_vastgesteld(
                    status=opp.status,
                    start_extra_ondersteuning=opp.start_extra_ondersteuning,
                    vastgesteld_op=opp.vastgesteld_op,
                    vandaag=vandaag,
                ),
                "evaluatie_te_laat": evaluatie_te_laat(
                    status=opp.status, laatste_moment=laatste_moment, vandaag=vandaag
                ),
                "evaluatie_binnenkort": evaluatie_binnenkort(
                    status=opp.status,
                    laatste_moment=laatste_moment,
                    vandaag=vandaag,
                    venster=timedelta(days=int(settings.PASSEND["OPP_HERINNERING_DAGEN"])),
                ),
            }
        )
    # Overdue first, then the evaluations that fall due soon (a reminder), then the rest.
    rijen.sort(
        key=lambda r: (
            not (r["te_laat_vastgesteld"] or r["evaluatie_te_laat"]),
            not r["evaluatie_binnenkort"],
        )
    )
    return rijen


def bron_perioden(*, actor: Any) -> list[dict[str, Any]]:
    """For DUO (BRON): per OPP (all versions together) the begin and, if ended, end date.

    Only OPPs that were ever vastgesteld; concept-only plans are not reported.
    """
    # The school reports its own OPPs, also of pupils who have left since (their end date
    # must reach DUO), so this reads the school's records rather than today's pupils.
    if not beleid.mag(actor, "starten"):
        return []
    return list(
        Ontwikkelingsperspectief.objects.filter(vestiging__school_id=actor.rol.school_id)
        .filter(status__in=[Status.VASTGESTELD, Status.VERVANGEN, Status.BEEINDIGD])
        .order_by()
        .values(
            "reeks",
            "leerling__sleutel",
            "leerling__achternaam",
            "leerling__geboortedatum",
            "vestiging__vestigingscode",
        )
        .annotate(begin=Min("start_extra_ondersteuning"), eind=Max("einddatum"))
        .order_by("leerling__achternaam", "begin")
    )


def huidige_opps(*, actor: Any, leerling_ids: list[int]) -> dict[int, Ontwikkelingsperspectief]:
    """Per pupil the plan that matters now (newest running version), for start pages."""
    huidig: dict[int, Ontwikkelingsperspectief] = {}
    for opp in (
        opps_zichtbaar_voor(actor=actor)
        .filter(leerling_id__in=leerling_ids, status__in=[Status.CONCEPT, Status.VASTGESTELD])
        .order_by("leerling_id", "-aangemaakt_op", "-versie")
    ):
        huidig.setdefault(opp.leerling_id, opp)
    return huidig


def opps_van_leerling(*, actor: Any, leerling: Any) -> QuerySet[Ontwikkelingsperspectief]:
    """Every OPP version of this pupil the actor may see (for the pupil page)."""
    return (
        opps_zichtbaar_voor(actor=actor)
        .filter(leerling=leerling)
        .order_by("-aangemaakt_op", "-versie")
    )


def opp_kengetallen(
    *,
    swv_ids: list[int] | None,
    van: date,
    tot: date,
    vestiging_ids: QuerySet[Any, Any] | None = None,
    samen: bool = False,
) -> dict[int, dict[str, int]]:
    """Figures for the regional monitor, per SWV (every SWV for ``swv_ids=None``):
    ``opp_leerlingen``, the pupils with a vastgesteld OPP running on at least one day of
    [van, tot] at a location that is a member of the SWV on ``tot``. An OPP at a combined
    (v)so location counts in one of its two SWVs: by the pupil's age on 1 October of the
    school year of ``tot`` (``organisaties.selectors.toegerekend_lid``). With ``samen``
    key ``SAMEN`` holds the pupils of the selected SWVs together (each pupil once).

    A version runs from its vastgesteld_op: a current version with no end, an ended one
    up to its einddatum, a replaced one up to the next version (vastgesteld or ended).
    One grouped query (two with ``samen``); no rights checked (the monitor does)."""
    from django.db.models import Q
    from django.db.models.functions import Coalesce

    from passend.core.perioden import actief_op
    from passend.organisaties.selectors import SAMEN, sector_van_leerling, toegerekend_lid

    # The membership conditions go into one filter() call: one join, used by values().
    lid = actief_op(tot, prefix="vestiging__lidmaatschappen__")
    if swv_ids is not None:
        lid &= Q(vestiging__lidmaatschappen__samenwerkingsverband_id__in=swv_ids)
    lid &= toegerekend_lid(sector="zaak_sector", datum=tot)
    volgende = Coalesce("volgende_versie__vastgesteld_op", "volgende_versie__einddatum")
    opps = (
        Ontwikkelingsperspectief.objects.annotate(
            zaak_sector=sector_van_leerling("leerling__geboortedatum", tot)
        )
        .filter(lid, vastgesteld_op__lte=tot)
        .annotate(volgende_op=volgende)
        .filter(
            Q(status=Status.VASTGESTELD)
            | Q(status=Status.BEEINDIGD, einddatum__gte=van)
            | Q(status=Status.VERVANGEN, volgende_op__gte=van)
            | Q(status=Status.VERVANGEN, volgende_op__isnull=True)
        )
    )
    if vestiging_ids is not None:
        opps = opps.filter(vestiging_id__in=vestiging_ids)
    uitkomst = {swv_id: {"opp_leerlingen": 0} for swv_id in swv_ids or []}
    for rij in (
        opps.values("vestiging__lidmaatschappen__samenwerkingsverband_id")
        .annotate(n=Count("leerling_id", distinct=True))
        .order_by()
    ):
        uitkomst[rij["vestiging__lidmaatschappen__samenwerkingsverband_id"]] = {
            "opp_leerlingen": rij["n"]
        }
    if samen:
        totaal = opps.aggregate(n=Count("leerling_id", distinct=True))
        uitkomst[SAMEN] = {"opp_leerlingen": int(totaal["n"] or 0)}
    return uitkomst
