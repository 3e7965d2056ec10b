"""Reads of arrangement requests. Visibility is part of every selector; reading one request
is logged (``aanvraag_voor_actor``)."""

from datetime import date
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Sum, Value, When
from django.http import Http404
from django.urls import reverse

from passend.accounts.rules import Rolsoort
from passend.arrangementen.models import Arrangementaanvraag, Statuswijziging
from passend.arrangementen.permissions import (
    AANVRAGERS,
    BESLISSERS,
    aanvraag_zichtbaarheid,
    beleid,
)
from passend.arrangementen.rules import (
    OPEN,
    STANDAARD_BEZWAARTERMIJN_WEKEN,
    Besluit,
    Status,
    dagen_tussen,
    gemiddelde_en_mediaan,
)
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.permissions import SWV_DOSSIERROLLEN
from passend.ondersteuning.models import Instemming, Leerlingstem, Ontwikkelingsperspectief
from passend.ondersteuning.rules import Status as OppStatus

OBJECT_TYPE = "arrangementaanvraag"
NIET_GEVONDEN = "Deze aanvraag bestaat niet of u mag haar niet zien."

#: The OPP parts shown with a request (the parents' and the pupil's view come from here).
OPP_ONDERDELEN = (
    "opp__factoren",
    "opp__doelen",
    Prefetch("opp__instemmingen", queryset=Instemming.objects.select_related("door")),
    Prefetch("opp__leerlingstemmen", queryset=Leerlingstem.objects.select_related("reactie_door")),
    Prefetch(
        "statuswijzigingen",
        queryset=Statuswijziging.objects.select_related("door").order_by("tijdstip", "id"),
    ),
)

#: The relations shown with one request.
AANVRAAG_RELATIES = (
    "leerling",
    "vestiging__school",
    "samenwerkingsverband",
    "opp__vestiging",
    "opp__vastgesteld_door",
    "ingediend_door",
    "compleet_door",
    "besloten_door",
)

#: Filters of the lists; ``open`` is every request without a decision.
STATUSFILTERS: dict[str, tuple[str, ...]] = {
    "open": tuple(sorted(OPEN)),
    **{status: (status,) for status in Status.values},
    "alle": tuple(Status.values),
}


def aanvragen_zichtbaar_voor(*, actor: Any) -> QuerySet[Arrangementaanvraag]:
    return beleid.filter_zichtbaar(actor, Arrangementaanvraag.objects.all()).select_related(
        "leerling", "vestiging__school", "samenwerkingsverband", "opp"
    )


def _met_status(queryset: QuerySet[Arrangementaanvraag], status: str) -> QuerySet[Any]:
    return queryset.filter(status__in=STATUSFILTERS.get(status, STATUSFILTERS["open"]))


def schooloverzicht(*, actor: Any, status: str = "alle") -> QuerySet[Arrangementaanvraag]:
    """The school's (or board's) requests: those the school must complete first, then the
    open ones, then the decided ones; newest first within each."""
    volgorde = Case(
        When(status=Status.ONVOLLEDIG, then=Value(0)),
        When(status=Status.INGEDIEND, then=Value(1)),
        When(status=Status.COMPLEET, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    return (
        _met_status(aanvragen_zichtbaar_voor(actor=actor), status)
        .annotate(volgorde=volgorde)
        .order_by("volgorde", "-ingediend_op", "-id")
    )


def werkvoorraad(*, actor: Any, status: str = "open") -> QuerySet[Arrangementaanvraag]:
    """The SWV's work: the longest waiting first (by the date of receipt)."""
    return _met_status(aanvragen_zichtbaar_voor(actor=actor), status).order_by("ingediend_op", "id")


def aanvragen_van_kinderen(*, actor: Any) -> QuerySet[Arrangementaanvraag]:
    """A parent's view: every request about their children, newest first."""
    return aanvragen_zichtbaar_voor(actor=actor).order_by(
        "leerling__roepnaam", "leerling_id", "-ingediend_op", "-id"
    )


def aanvraag_voor_actor(
    *,
    actor: Any,
    sleutel: UUID,
    actie: str,
    doel: str,
    route: str = "",
    log_actie: Actie = Actie.LEZEN,
) -> Arrangementaanvraag:
    """Fetch one request with its OPP parts and history, authorising and logging; else 404."""
    aanvraag = (
        Arrangementaanvraag.objects.filter(sleutel=sleutel)
        .select_related(*AANVRAAG_RELATIES)
        .prefetch_related(*OPP_ONDERDELEN)
        .first()
    )
    toegestaan = aanvraag is not None and beleid.mag(actor, actie, aanvraag)
    toegang_vastleggen(
        actor=actor,
        actie=log_actie,
        object_type=OBJECT_TYPE,
        object_id=str(sleutel),
        leerling_sleutels=[aanvraag.leerling.sleutel] if aanvraag is not None else [],
        toegestaan=toegestaan,
        reden=doel if toegestaan else f"geweigerd: {doel}",
        route=route,
    )
    if not toegestaan or aanvraag is None:
        raise Http404(NIET_GEVONDEN)
    return aanvraag


def aanvraag_voor_schrijven(
    *,
    actor: Any,
    sleutel: UUID,
    actie: str,
    doel: str,
    route: str,
    log_actie: Actie = Actie.WIJZIGEN,
) -> Arrangementaanvraag:
    """Fetch one request for a write, authorising without logging; else log the refusal
    and 404. When allowed, the service that writes records the request (or, when nothing is
    saved, the caller does)."""
    aanvraag = (
        Arrangementaanvraag.objects.filter(sleutel=sleutel)
        .select_related("leerling", "vestiging__school", "samenwerkingsverband", "opp")
        .first()
    )
    if aanvraag is not None and beleid.mag(actor, actie, aanvraag):
        return aanvraag
    aanvraag_voor_actor(
        actor=actor, sleutel=sleutel, actie=actie, doel=doel, route=route, log_actie=log_actie
    )
    raise Http404(NIET_GEVONDEN)  # only reached if the rights changed in between


def bezwaartermijn_weken() -> int:
    """The SWV's objection term for parents (setting ``ARRANGEMENT_BEZWAARTERMIJN_WEKEN``,
    default 6 weeks: the law sets no term for arrangements)."""
    return int(
        settings.PASSEND.get("ARRANGEMENT_BEZWAARTERMIJN_WEKEN", STANDAARD_BEZWAARTERMIJN_WEKEN)
    )


def aanvraag_met_delen(aanvraag: Arrangementaanvraag) -> Arrangementaanvraag:
    """The same request again with everything a page shows, after a POST that saved
    nothing (it was authorised and logged by the caller)."""
    return (
        Arrangementaanvraag.objects.filter(pk=aanvraag.pk)
        .select_related(*AANVRAAG_RELATIES)
        .prefetch_related(*OPP_ONDERDELEN)
        .get()
    )


def verloop(aanvraag: Arrangementaanvraag) -> list[Statuswijziging]:
    """The history of a request, oldest first (uses the prefetched rows)."""
    return sorted(aanvraag.statuswijzigingen.all(), key=lambda s: (s.tijdstip, s.pk))


def laatste_instemming(opp: Ontwikkelingsperspectief) -> Instemming | None:
    """The consent decision that counts on the OPP's handelingsdeel (the latest)."""
    instemmingen = sorted(opp.instemmingen.all(), key=lambda i: (i.tijdstip, i.pk))
    return instemmingen[-1] if instemmingen else None


def open_aanvraag_van_opp(opp: Ontwikkelingsperspectief) -> Arrangementaanvraag | None:
    """A request without a decision on any version of this OPP (one at a time)."""
    return (
        Arrangementaanvraag.objects.filter(opp__reeks=opp.reeks, status__in=sorted(OPEN))
        .only("sleutel", "status", "ingediend_op", "opp_id")
        .first()
    )


def geldende_versie(opp: Ontwikkelingsperspectief) -> Ontwikkelingsperspectief | None:
    """The vastgesteld version of this OPP's series, if there is one."""
    return (
        Ontwikkelingsperspectief.objects.filter(reeks=opp.reeks, status=OppStatus.VASTGESTELD)
        .only("sleutel", "versie", "status", "reeks")
        .first()
    )


# --- Figures for the monitor and the start page -----------------------------------------


def arrangementen_cijfers(*, samenwerkingsverband: Any, van: date, tot: date) -> dict[str, Any]:
    """The SWV's figures for requests decided from ``van`` to ``tot`` (inclusive): counts by
    decision, the total granted and the handling time in days (received → complete →
    decision; mean and median). Also how many requests were received in the period and
    how many are still open now. No pupil data."""
    alle = Arrangementaanvraag.objects.filter(samenwerkingsverband=samenwerkingsverband)
    besloten = alle.filter(status=Status.BESLOTEN, besloten_op__gte=van, besloten_op__lte=tot)
    per_besluit = {
        rij["besluit"]: rij["aantal"]
        for rij in besloten.order_by().values("besluit").annotate(aantal=Count("id"))
    }
    totaal = besloten.filter(besluit__in=[Besluit.TOEGEKEND, Besluit.DEELS]).aggregate(
        som=Sum("toegekend_bedrag"), gevraagd=Sum("bedrag")
    )
    data = [
        (ontvangen, compleet, besluit)
        for ontvangen, compleet, besluit in besloten.values_list(
            "ingediend_op", "compleet_op", "besloten_op"
        )
        if compleet is not None and besluit is not None
    ]
    tot_besluit = [dagen_tussen(ontvangen, besluit) for ontvangen, _, besluit in data]
    tot_compleet = [dagen_tussen(ontvangen, compleet) for ontvangen, compleet, _ in data]
    tot_besluit_na_compleet = [dagen_tussen(compleet, besluit) for _, compleet, besluit in data]
    gemiddeld, mediaan = gemiddelde_en_mediaan(tot_besluit)
    compleet_gemiddeld, compleet_mediaan = gemiddelde_en_mediaan(tot_compleet)
    na_compleet_gemiddeld, na_compleet_mediaan = gemiddelde_en_mediaan(tot_besluit_na_compleet)
    return {
        "van": van,
        "tot": tot,
        "ontvangen": alle.filter(ingediend_op__gte=van, ingediend_op__lte=tot).count(),
        "nog_open": alle.filter(status__in=sorted(OPEN)).count(),
        "besloten": len(data),
        "per_besluit": {besluit: per_besluit.get(besluit, 0) for besluit in Besluit.values},
        "totaal_toegekend": _euro(totaal["som"]),
        "totaal_gevraagd_bij_toekenning": _euro(totaal["gevraagd"]),
        "behandeldagen_gemiddeld": gemiddeld,
        "behandeldagen_mediaan": mediaan,
        "dagen_tot_compleet_gemiddeld": compleet_gemiddeld,
        "dagen_tot_compleet_mediaan": compleet_mediaan,
        "dagen_compleet_tot_besluit_gemiddeld": na_compleet_gemiddeld,
        "dagen_compleet_tot_besluit_mediaan": na_compleet_mediaan,
    }


def _euro(som: Decimal | None) -> Decimal:
    return (som or Decimal("0")).quantize(Decimal("0.01"))


def _tekst(aantal: int, enkelvoud: str, meervoud: str) -> str:
    return f"{aantal} {enkelvoud if aantal == 1 else meervoud}"


def mijn_werk(*, actor: Any, peildatum: date) -> list[dict[str, Any]]:
    """The items of the start page for this actor's role (one query; empty: nothing to do).

    ``peildatum`` is the day the visibility is computed for (today on the start page).
    """
    if actor is None or not beleid.mag(actor, "lezer"):
        return []
    zichtbaar = Arrangementaanvraag.objects.filter(aanvraag_zichtbaarheid(actor, peildatum))
    aantallen = zichtbaar.aggregate(
        **{status: Count("id", filter=Q(status=status)) for status in Status.values}
    )
    items: list[dict[str, Any]] = []

    def item(aantal: int, tekst: str, url: str) -> None:
        if aantal:
            items.append({"tekst": tekst, "aantal": aantal, "url": url})

    werk = reverse("arrangementen:werkvoorraad")
    school = reverse("arrangementen:overzicht")
    if actor.rolsoort == Rolsoort.LOKET:
        n = aantallen[Status.INGEDIEND]
        item(
            n,
            _tekst(n, "nieuwe arrangementaanvraag", "nieuwe arrangementaanvragen")
            + " om op volledigheid te controleren",
            f"{werk}?status=ingediend",
        )
    elif actor.rolsoort in BESLISSERS:
        n = aantallen[Status.COMPLEET]
        item(
            n,
            _tekst(n, "complete arrangementaanvraag wacht", "complete arrangementaanvragen wachten")
            + " op een besluit",
            f"{werk}?status=compleet",
        )
    elif actor.rolsoort in SWV_DOSSIERROLLEN:
        n = sum(aantallen[s] for s in OPEN)
        item(n, _tekst(n, "arrangementaanvraag loopt", "arrangementaanvragen lopen"), werk)
    elif actor.rolsoort in AANVRAGERS:
        n = aantallen[Status.ONVOLLEDIG]
        item(
            n,
            _tekst(n, "arrangementaanvraag is onvolledig", "arrangementaanvragen zijn onvolledig")
            + ": vul aan en dien opnieuw in",
            f"{school}?status=onvolledig",
        )
        n = aantallen[Status.INGEDIEND] + aantallen[Status.COMPLEET]
        item(
            n,
            _tekst(n, "arrangementaanvraag ligt", "arrangementaanvragen liggen")
            + " bij het samenwerkingsverband",
            f"{school}?status=open",
        )
    else:  # parents
        portaal = reverse("arrangementen:portaal")
        n = sum(aantallen[s] for s in OPEN)
        item(
            n,
            _tekst(
                n,
                "aanvraag voor extra ondersteuning loopt",
                "aanvragen voor extra ondersteuning lopen",
            ),
            portaal,
        )
        n = aantallen[Status.BESLOTEN]
        item(
            n,
            _tekst(n, "besluit over extra ondersteuning", "besluiten over extra ondersteuning"),
            portaal,
        )
    return items


def arrangementen_kengetallen(
    *,
    swv_ids: list[int] | None,
    van: date,
    tot: date,
    vestiging_ids: QuerySet[Any, Any] | None = None,
) -> dict[int, dict[str, int]]:
    """Figures for the regional monitor, per SWV (every SWV for ``swv_ids=None``) over
    [van, tot]: ``arr_ontvangen`` (requests received), ``arr_besloten`` (decided) and
    ``arr_toegekend`` (granted, fully or partly): the definitions of
    ``arrangementen_cijfers``. ``vestiging_ids`` keeps the requests of those locations.
    One grouped query; no rights checked (the monitor does)."""
    alle = Arrangementaanvraag.objects.all()
    if swv_ids is not None:
        alle = alle.filter(samenwerkingsverband_id__in=swv_ids)
    if vestiging_ids is not None:
        alle = alle.filter(vestiging_id__in=vestiging_ids)
    besloten = Q(status=Status.BESLOTEN, besloten_op__gte=van, besloten_op__lte=tot)
    rijen = (
        alle.filter(Q(ingediend_op__gte=van, ingediend_op__lte=tot) | besloten)
        .values("samenwerkingsverband_id")
        .annotate(
            ontvangen=Count("id", filter=Q(ingediend_op__gte=van, ingediend_op__lte=tot)),
            besloten=Count("id", filter=besloten),
            toegekend=Count(
                "id", filter=besloten & Q(besluit__in=[Besluit.TOEGEKEND, Besluit.DEELS])
            ),
        )
        .order_by()
    )
    uitkomst = {
        swv_id: {"arr_ontvangen": 0, "arr_besloten": 0, "arr_toegekend": 0}
        for swv_id in swv_ids or []
    }
    for rij in rijen:
        uitkomst[rij["samenwerkingsverband_id"]] = {
            "arr_ontvangen": rij["ontvangen"],
            "arr_besloten": rij["besloten"],
            "arr_toegekend": rij["toegekend"],
        }
    return uitkomst
