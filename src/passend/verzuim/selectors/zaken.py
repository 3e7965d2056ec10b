"""Reads of verzuim cases: the cases an actor may see, one case with everything its page
shows (authorised and logged), and the municipality's workers to choose as partners."""

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any
from uuid import UUID

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404

from passend.accounts.models import Gebruiker, Rol
from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.toegangslog import toegang_vastleggen
from passend.organisaties.models import Gemeente
from passend.verzuim.models import Actiepunt, Partner, Verzuimmelding
from passend.verzuim.permissions import beleid
from passend.verzuim.rules import LANGDURIG_NA_DAGEN, Verzuimsoort

OBJECT_TYPE = "verzuimmelding"
NIET_GEVONDEN = "Deze verzuimmelding bestaat niet of u mag deze niet zien."


def is_actieve_gemeenterol(
    gebruiker: Gebruiker, rolsoort: str, gemeente: Gemeente, peildatum: date
) -> bool:
    """Whether this person holds this role in this municipality on ``peildatum``."""
    return (
        Rol.objects.filter(gebruiker=gebruiker, rolsoort=rolsoort, gemeente=gemeente)
        .filter(actief_op(peildatum))
        .exists()
    )


def gemeentemedewerkers(
    *, rolsoorten: Iterable[str], gemeenten: Any, peildatum: date
) -> QuerySet[Gebruiker]:
    """The people holding one of these roles in one of these municipalities (to choose
    from)."""
    rollen = Rol.objects.filter(
        gebruiker=OuterRef("pk"), rolsoort__in=list(rolsoorten), gemeente__in=gemeenten
    ).filter(actief_op(peildatum))
    return Gebruiker.objects.filter(Exists(rollen)).order_by("last_name", "first_name", "id")


def meldingen_zichtbaar_voor(*, actor: Any) -> QuerySet[Verzuimmelding]:
    """The cases this actor may read (no access-log record: callers log what they show)."""
    return beleid.filter_zichtbaar(actor, Verzuimmelding.objects.all()).select_related(
        "leerling", "vestiging__school", "samenwerkingsverband", "gemeente"
    )


def thuiszitter_filter(peildatum: date) -> Q:
    """Running cases that make the child a thuiszitter on ``peildatum`` (as a query; the
    same rule as ``rules.is_thuiszitter``)."""
    loopt = Q(sinds__lte=peildatum) & (Q(einde__isnull=True) | Q(einde__gte=peildatum))
    return loopt & (
        Q(soort=Verzuimsoort.ABSOLUUT)
        | Q(soort=Verzuimsoort.RELATIEF, sinds__lte=peildatum - timedelta(days=LANGDURIG_NA_DAGEN))
    )


def overzicht(
    *, actor: Any, status: str, alleen_thuiszitters: bool, peildatum: date
) -> QuerySet[Verzuimmelding]:
    """The list page: the visible cases with their running partners counted; ``status``
    "open" or "beeindigd" (empty: all)."""
    lopende_partners = Q(partners__tot__isnull=True) | Q(partners__tot__gte=peildatum)
    queryset = meldingen_zichtbaar_voor(actor=actor).select_related("doorbraakplan")
    if status == "open":
        queryset = queryset.filter(einde__isnull=True)
    elif status == "beeindigd":
        queryset = queryset.filter(einde__isnull=False)
    if alleen_thuiszitters:
        queryset = queryset.filter(thuiszitter_filter(peildatum))
    return queryset.annotate(
        aantal_partners=Count(
            "partners", filter=lopende_partners & Q(partners__van__lte=peildatum), distinct=True
        )
    ).order_by("einde", "-sinds", "-id")


def melding_dossier(sleutel: UUID) -> Verzuimmelding | None:
    """One case with every part its page shows; no rights check (callers authorised)."""
    return (
        Verzuimmelding.objects.filter(sleutel=sleutel)
        .select_related(
            "leerling",
            "vestiging__school",
            "schoolbestuur",
            "samenwerkingsverband",
            "gemeente",
            "gemeld_door",
            "doorbraakplan__vastgesteld_door",
        )
        .prefetch_related(
            Prefetch("partners", queryset=Partner.objects.select_related("gebruiker")),
            Prefetch(
                "actiepunten",
                queryset=Actiepunt.objects.select_related("eigenaar", "aangemaakt_door"),
            ),
        )
        .first()
    )


def melding_voor_actor(
    *,
    actor: Any,
    sleutel: UUID,
    actie: str,
    doel: str,
    route: str = "",
    log_actie: Actie = Actie.LEZEN,
) -> Verzuimmelding:
    """Fetch one case with all its parts, authorising and logging (one record); else 404."""
    melding = melding_dossier(sleutel)
    toegestaan = melding is not None and beleid.mag(actor, actie, melding)
    toegang_vastleggen(
        actor=actor,
        actie=log_actie,
        object_type=OBJECT_TYPE,
        object_id=str(sleutel),
        leerling_sleutels=[melding.leerling.sleutel] if melding is not None else [],
        toegestaan=toegestaan,
        reden=doel if toegestaan else f"geweigerd: {doel}",
        route=route,
    )
    if not toegestaan or melding is None:
        raise Http404(NIET_GEVONDEN)
    return melding


def melding_voor_schrijven(
    *,
    actor: Any,
    sleutel: UUID,
    actie: str,
    doel: str,
    route: str,
) -> Verzuimmelding:
    """Fetch one case for a write, authorising without logging (the service logs a
    successful write); a refusal is logged, then a 404."""
    melding = melding_dossier(sleutel)
    if melding is not None and beleid.mag(actor, actie, melding):
        return melding
    melding_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie=actie,
        doel=doel,
        route=route,
        log_actie=Actie.WIJZIGEN,
    )
    raise Http404(NIET_GEVONDEN)  # only reached if the rights changed in between


# --- Look-ups of the API's input (no rights of their own: the services check them) --------


def gemeente_met_code(code: str) -> Gemeente | None:
    """The municipality with this CBS code, if any."""
    return Gemeente.objects.filter(code=code).first()


def gebruiker_met_id(pk: int) -> Gebruiker | None:
    """The person with this id, if any (the service checks their role)."""
    return Gebruiker.objects.filter(pk=pk).first()


def partner_van_melding(melding: Verzuimmelding, pk: int) -> Partner | None:
    """One partner of this (authorised) case, if it exists."""
    return Partner.objects.filter(pk=pk, melding=melding).first()


def huidige_revisie(melding: Verzuimmelding) -> int | None:
    """The case's revision as stored now (for a 409 answer)."""
    return Verzuimmelding.objects.filter(pk=melding.pk).values_list("revisie", flat=True).first()
