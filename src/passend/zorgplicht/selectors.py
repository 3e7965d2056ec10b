"""Reads of registrations (aanmeldingen). Visibility is part of every selector; reading one
registration is logged; the overviews sort overdue first, then extended, then fewest days
left, in the database (the same order as ``rules.volgorde``)."""

from datetime import date, timedelta
from typing import Any
from uuid import UUID

from django.db.models import (
    Case,
    Count,
    DateField,
    ExpressionWrapper,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404
from django.urls import reverse

from passend.accounts.rules import Rolsoort
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Leerling
from passend.zorgplicht.models import Aanmelding, Stap
from passend.zorgplicht.permissions import (
    BESLISSERS,
    SCHOOLROLLEN,
    SWV_ROLLEN,
    beleid,
)
from passend.zorgplicht.rules import (
    BIJNA_VERLOPEN_DAGEN,
    Stand,
    Termijnen,
    bijna_verlopen,
    dagen_over,
    stand,
)

OBJECT_TYPE = "aanmelding"


def termijnen_van(aanmelding: Aanmelding) -> Termijnen:
    return Termijnen(
        ontvangen_op=aanmelding.ontvangen_op,
        beslissen_uiterlijk=aanmelding.beslissen_uiterlijk,
        verlengd_tot=aanmelding.verlengd_tot,
        tijdelijke_plaatsing_vanaf=aanmelding.tijdelijke_plaatsing_vanaf,
        uitkomst=aanmelding.uitkomst,
    )


def aanmeldingen_zichtbaar_voor(*, actor: Any) -> QuerySet[Aanmelding]:
    return beleid.filter_zichtbaar(actor, Aanmelding.objects.all()).select_related(
        "leerling", "vestiging__school"
    )


def in_termijnvolgorde(queryset: QuerySet[Aanmelding], *, vandaag: date) -> QuerySet[Aanmelding]:
    """Overdue first (most overdue on top), then extended, then the fewest days left;
    decided ones last. The database twin of ``rules.volgorde``."""
    termijn = Coalesce(F("verlengd_tot"), F("beslissen_uiterlijk"), output_field=DateField())
    return queryset.annotate(
        huidige_termijn_db=termijn,
        termijngroep=Case(
            When(~Q(uitkomst=""), then=Value(3)),
            When(
                Q(verlengd_tot__lt=vandaag)
                | Q(verlengd_tot__isnull=True, beslissen_uiterlijk__lt=vandaag),
                then=Value(0),
            ),
            When(verlengd_tot__isnull=False, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
    ).order_by("termijngroep", "huidige_termijn_db", "ontvangen_op", "id")


def met_signalen(aanmeldingen: list[Aanmelding], *, vandaag: date) -> list[dict[str, Any]]:
    """Rows for the overviews: the registration with its stand and days left (no queries)."""
    rijen = []
    for aanmelding in aanmeldingen:
        t = termijnen_van(aanmelding)
        huidige_stand = stand(t, vandaag)
        rijen.append(
            {
                "aanmelding": aanmelding,
                "stand": huidige_stand,
                "stand_label": huidige_stand.label,
                "open": not aanmelding.uitkomst,
                "dagen_over": dagen_over(t.huidige_termijn, vandaag),
                "dagen_te_laat": max(0, -dagen_over(t.huidige_termijn, vandaag)),
                "termijn": t.huidige_termijn,
                "te_laat": huidige_stand in (Stand.TE_LAAT, Stand.TIJDELIJKE_PLAATSING),
                "tijdelijke_plaatsing": huidige_stand == Stand.TIJDELIJKE_PLAATSING,
                "verlengd": aanmelding.verlengd_tot is not None,
                "bijna_verlopen": bijna_verlopen(t, vandaag),
            }
        )
    return rijen


def aanmeldingen_voor_school(
    *, actor: Any, vandaag: date, filter_: str = "open"
) -> QuerySet[Aanmelding]:
    """The school's registrations (``open``, ``besloten`` or ``alle``), in term order."""
    queryset = aanmeldingen_zichtbaar_voor(actor=actor)
    if filter_ == "open":
        queryset = queryset.filter(uitkomst="")
    elif filter_ == "besloten":
        queryset = queryset.exclude(uitkomst="")
    return in_termijnvolgorde(queryset, vandaag=vandaag)


def lopende_termijnen(*, actor: Any, vandaag: date) -> QuerySet[Aanmelding]:
    """Every running term the actor keeps watch over (board: its schools; SWV: its region)."""
    return in_termijnvolgorde(
        aanmeldingen_zichtbaar_voor(actor=actor)
        .filter(uitkomst="")
        .select_related("vestiging__school__bestuur"),
        vandaag=vandaag,
    )


def aanmeldingen_van_ouder(*, actor: Any) -> QuerySet[Aanmelding]:
    """A parent's registrations of their children, newest first, with the other school."""
    return (
        aanmeldingen_zichtbaar_voor(actor=actor)
        .select_related("geplaatst_bij")
        .order_by("-ontvangen_op", "-id")
    )


def aanmelding_voor_actor(
    *,
    actor: Any,
    sleutel: UUID,
    actie: str,
    doel: str,
    route: str = "",
    log_actie: Actie = Actie.LEZEN,
) -> Aanmelding:
    """Fetch one registration with its history, authorising and logging; else 404."""
    aanmelding = (
        Aanmelding.objects.filter(sleutel=sleutel)
        .select_related(
            "leerling",
            "vestiging__school__bestuur",
            "ingediend_door",
            "verlengd_door",
            "besloten_door",
            "geplaatst_bij",
            "opp",
        )
        .prefetch_related(
            "andere_vestigingen",
            Prefetch("stappen", queryset=Stap.objects.select_related("door")),
        )
        .first()
    )
    toegestaan = aanmelding is not None and beleid.mag(actor, actie, aanmelding)
    toegang_vastleggen(
        actor=actor,
        actie=log_actie,
        object_type=OBJECT_TYPE,
        object_id=str(sleutel),
        leerling_sleutels=[aanmelding.leerling.sleutel] if aanmelding is not None else [],
        toegestaan=toegestaan,
        reden=doel if toegestaan else f"geweigerd: {doel}",
        route=route,
    )
    if not toegestaan or aanmelding is None:
        raise Http404("Deze aanmelding bestaat niet of u mag deze niet zien.")
    return aanmelding


def aanmelding_voor_schrijven(
    *,
    actor: Any,
    sleutel: UUID,
    actie: str,
    doel: str,
    route: str,
    log_actie: Actie = Actie.WIJZIGEN,
) -> Aanmelding:
    """Fetch one registration for a write, authorising without logging; a refusal is logged
    (as ``log_actie``) and becomes a 404. The service that writes records the request."""
    aanmelding = (
        Aanmelding.objects.filter(sleutel=sleutel)
        .select_related(
            "leerling",
            "vestiging__school__bestuur",
            "verlengd_door",
            "besloten_door",
            "geplaatst_bij",
        )
        .first()
    )
    if aanmelding is not None and beleid.mag(actor, actie, aanmelding):
        return aanmelding
    aanmelding_voor_actor(
        actor=actor, sleutel=sleutel, actie=actie, doel=doel, route=route, log_actie=log_actie
    )
    raise Http404  # only reached if the rights changed in between


def termijntellingen(queryset: QuerySet[Aanmelding], *, peildatum: date) -> dict[str, int]:
    """Counts of the open registrations in ``queryset`` by signal, in one query."""
    termijn = Coalesce(F("verlengd_tot"), F("beslissen_uiterlijk"), output_field=DateField())
    grens = peildatum + timedelta(days=BIJNA_VERLOPEN_DAGEN)
    tellingen = (
        queryset.filter(uitkomst="")
        .annotate(t=ExpressionWrapper(termijn, output_field=DateField()))
        .aggregate(
            open=Count("pk"),
            tijdelijk=Count("pk", filter=Q(tijdelijke_plaatsing_vanaf__lte=peildatum)),
            te_laat=Count("pk", filter=Q(t__lt=peildatum)),
            verlengd=Count("pk", filter=Q(verlengd_tot__isnull=False, t__gte=peildatum)),
            bijna=Count("pk", filter=Q(t__gte=peildatum, t__lt=grens)),
        )
    )
    return {sleutel: int(waarde or 0) for sleutel, waarde in tellingen.items()}


def kinderen_met_gezag(*, actor: Any) -> QuerySet[Leerling]:
    """The children a parent may register: those of whom they have parental authority."""
    return (
        Leerling.objects.filter(
            ouderschappen__ouder_id=actor.gebruiker.pk, ouderschappen__gezag=True
        )
        .distinct()
        .order_by("geboortedatum", "id")
    )


def mijn_werk(*, actor: Any, peildatum: date) -> list[dict[str, Any]]:
    """Start-page items about registrations for this actor's role (counts only, no names)."""
    rolsoort = actor.rolsoort
    if rolsoort == Rolsoort.OUDER:
        aantal = aanmeldingen_zichtbaar_voor(actor=actor).filter(uitkomst="").count()
        if not aantal:
            return []
        return [
            {
                "tekst": (
                    f"{aantal} aanmelding{'en' if aantal != 1 else ''} wacht"
                    f"{'en' if aantal != 1 else ''} op een besluit van de school"
                ),
                "aantal": aantal,
                "url": reverse("zorgplicht:portaal"),
            }
        ]
    if rolsoort not in SCHOOLROLLEN | BESLISSERS | SWV_ROLLEN:
        return []
    tellingen = termijntellingen(aanmeldingen_zichtbaar_voor(actor=actor), peildatum=peildatum)
    url = reverse("zorgplicht:overzicht" if rolsoort in SCHOOLROLLEN else "zorgplicht:termijnen")
    items: list[dict[str, Any]] = []

    def item(aantal: int, enkel: str, meer: str) -> None:
        if aantal:
            items.append(
                {
                    "tekst": f"{aantal} {enkel if aantal == 1 else meer}",
                    "aantal": aantal,
                    "url": url,
                }
            )

    item(
        tellingen["tijdelijk"],
        "kind met recht op tijdelijke plaatsing (na 10 weken geen besluit op de aanmelding)",
        "kinderen met recht op tijdelijke plaatsing (na 10 weken geen besluit op de aanmelding)",
    )
    item(
        tellingen["te_laat"] - tellingen["tijdelijk"],
        "aanmelding met een verlopen beslistermijn",
        "aanmeldingen met een verlopen beslistermijn",
    )
    item(
        tellingen["bijna"],
        f"aanmelding met een termijn die binnen {BIJNA_VERLOPEN_DAGEN} dagen verloopt",
        f"aanmeldingen met een termijn die binnen {BIJNA_VERLOPEN_DAGEN} dagen verloopt",
    )
    if rolsoort not in SWV_ROLLEN:
        item(
            tellingen["open"],
            "aanmelding wacht op een besluit",
            "aanmeldingen wachten op een besluit",
        )
    return items


def zorgplicht_kengetallen(
    *,
    swv_ids: list[int] | None,
    van: date,
    tot: date,
    vestiging_ids: QuerySet[Any, Any] | None = None,
    samen: bool = False,
) -> dict[int, dict[str, int]]:
    """Figures for the regional monitor, per SWV (every SWV for ``swv_ids=None``), about
    the registrations at the SWV's member locations (membership on ``tot``):

    - ``zp_besloten``: decided in [van, tot] (withdrawn ones do not count), and
      ``zp_overschreden``: of which the decision came after the term (extended or not);
    - ``zp_open_verstreken``: still open on ``tot`` (no outcome, or one dated after
      ``tot``; received on or before it) whose term had passed on ``tot``: the last day
      to decide (``verlengd_tot`` if extended, else ``beslissen_uiterlijk``) lies before
      ``tot``. An extension is always given within the first term (a constraint), so
      one given after ``tot`` never turns an overdue registration into one on time.

    A registration at a combined (v)so location counts in one of its two SWVs: by the
    pupil's age on 1 October of the school year it was received
    (``organisaties.selectors.toegerekend_lid``). With ``samen`` key ``SAMEN`` holds the
    figures of the selected SWVs together. One grouped query (two with ``samen``); no
    rights checked (the monitor does)."""
    from passend.core.perioden import actief_op
    from passend.organisaties.selectors import SAMEN, sector_van_leerling, toegerekend_lid
    from passend.zorgplicht.rules import Uitkomst

    # The membership conditions go into one filter() call: one join, used by values().
    lid = actief_op(tot, prefix="vestiging__lidmaatschappen__")
    if swv_ids is not None:
        lid &= Q(vestiging__lidmaatschappen__samenwerkingsverband_id__in=swv_ids)
    lid &= toegerekend_lid(sector="zaak_sector", datum=tot)
    termijn = Coalesce(F("verlengd_tot"), F("beslissen_uiterlijk"), output_field=DateField())
    besloten = (
        Q(uitkomst_op__gte=van, uitkomst_op__lte=tot)
        & ~Q(uitkomst="")
        & ~Q(uitkomst=Uitkomst.INGETROKKEN)
    )
    open_op_tot = Q(ontvangen_op__lte=tot) & (Q(uitkomst="") | Q(uitkomst_op__gt=tot))
    aanmeldingen = (
        Aanmelding.objects.annotate(
            zaak_sector=sector_van_leerling("leerling__geboortedatum", "ontvangen_op")
        )
        .filter(lid)
        .filter(besloten | open_op_tot)
        .annotate(termijn=ExpressionWrapper(termijn, output_field=DateField()))
    )
    if vestiging_ids is not None:
        aanmeldingen = aanmeldingen.filter(vestiging_id__in=vestiging_ids)
    cijfers = {
        "zp_besloten": Count("pk", filter=besloten, distinct=True),
        "zp_overschreden": Count(
            "pk", filter=besloten & Q(uitkomst_op__gt=F("termijn")), distinct=True
        ),
        "zp_open_verstreken": Count("pk", filter=open_op_tot & Q(termijn__lt=tot), distinct=True),
    }
    uitkomst = {swv_id: dict.fromkeys(cijfers, 0) for swv_id in swv_ids or []}
    for rij in (
        aanmeldingen.values("vestiging__lidmaatschappen__samenwerkingsverband_id")
        .annotate(**cijfers)
        .order_by()
    ):
        uitkomst[rij["vestiging__lidmaatschappen__samenwerkingsverband_id"]] = {
            sleutel: int(rij[sleutel]) for sleutel in cijfers
        }
    if samen:
        totaal = aanmeldingen.aggregate(**cijfers)
        uitkomst[SAMEN] = {sleutel: int(totaal[sleutel] or 0) for sleutel in cijfers}
    return uitkomst
