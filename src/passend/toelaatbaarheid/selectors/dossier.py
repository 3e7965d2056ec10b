"""Reads of TLVs. Visibility is part of every selector; reading one TLV is logged."""

from datetime import date
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db.models import Case, Exists, OuterRef, Prefetch, Q, QuerySet, Value, When
from django.http import Http404

from passend.accounts.models import Rol
from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.toegangslog import toegang_vastleggen
from passend.ondersteuning.models import Instemming, Leerlingstem, Ontwikkelingsperspectief
from passend.ondersteuning.rules import Status as OppStatus
from passend.ondersteuning.selectors import opps_zichtbaar_voor
from passend.organisaties.models import Samenwerkingsverband
from passend.toelaatbaarheid.models import (
    AanvullendAntwoord,
    AanvullendeVraag,
    Advies,
    Bezwaar,
    Deskundige,
    Tlvregeling,
    Toelaatbaarheidsverklaring,
)
from passend.toelaatbaarheid.permissions import beleid
from passend.toelaatbaarheid.rules import (
    LOPEND,
    Regeling,
    Status,
    adviezen_fouten,
    maanden_erbij,
    onafhankelijkheid_fouten,
    onbeantwoorde_verplichte_vragen,
    standaardregeling,
)

OBJECT_TYPE = "toelaatbaarheidsverklaring"
NIET_GEVONDEN = "Deze toelaatbaarheidsverklaring bestaat niet of u mag deze niet zien."


def regeling_van(samenwerkingsverband: Samenwerkingsverband) -> Regeling:
    """The SWV's own TLV settings, or the defaults of ``settings.PASSEND``."""
    rij = Tlvregeling.objects.filter(samenwerkingsverband=samenwerkingsverband).first()
    standaard = standaardregeling(settings.PASSEND, swv_naam=samenwerkingsverband.naam)
    if rij is None:
        return standaard
    labels = [str(label) for label in rij.categorie_labels][:3]
    labels += list(standaard.categorie_labels[len(labels) :])
    return Regeling(
        tweede_deskundigen=tuple(str(b) for b in rij.tweede_deskundigen),
        categorie_labels=(labels[0], labels[1], labels[2]),
        minimale_duur_maanden=rij.minimale_duur_maanden,
        maximale_duur_maanden=rij.maximale_duur_maanden,
        einde_signaal_maanden=rij.einde_signaal_maanden,
        bezwaar_indienen_bij=rij.bezwaar_indienen_bij,
        bezwaaradviescommissie=rij.bezwaaradviescommissie,
    )


def tlvs_zichtbaar_voor(*, actor: Any) -> QuerySet[Toelaatbaarheidsverklaring]:
    return beleid.filter_zichtbaar(actor, Toelaatbaarheidsverklaring.objects.all()).select_related(
        "leerling", "vestiging__school", "verantwoordelijk_swv"
    )


#: Everything the dossier page shows, in a fixed number of queries.
DOSSIER_PREFETCH = (
    Prefetch(
        "adviezen",
        queryset=Advies.objects.select_related("deskundige", "vastgelegd_door").order_by(
            "datum", "id"
        ),
    ),
    Prefetch("bezwaren", queryset=Bezwaar.objects.order_by("ingediend_op", "id")),
    Prefetch(
        "antwoorden",
        queryset=AanvullendAntwoord.objects.select_related("beantwoord_door", "vraag"),
    ),
    "opp__factoren",
    "opp__doelen",
    "opp__overleggen",
    Prefetch(
        "opp__instemmingen",
        queryset=Instemming.objects.select_related("door", "vastgelegd_door"),
    ),
    Prefetch("opp__leerlingstemmen", queryset=Leerlingstem.objects.select_related("reactie_door")),
)


def tlv_dossier(sleutel: UUID) -> Toelaatbaarheidsverklaring | None:
    """One TLV with every part its pages show; no rights check (callers authorised first)."""
    return (
        Toelaatbaarheidsverklaring.objects.filter(sleutel=sleutel)
        .select_related(
            "leerling",
            "opp__vastgesteld_door",
            "vestiging__school__bestuur",
            "verantwoordelijk_swv",
            "woonregio_swv",
            "school_swv",
            "aangevraagd_door",
            "compleet_door",
            "besloten_door",
            "vorige",
            "verlenging",
            "ingetrokken_door",
            "beslissing_op_bezwaar__beslist_door",
            "beslissing_op_bezwaar__bezwaar",
        )
        .prefetch_related(*DOSSIER_PREFETCH)
        .first()
    )


def tlv_voor_actor(
    *,
    actor: Any,
    sleutel: UUID,
    actie: str,
    doel: str,
    route: str = "",
    log_actie: Actie = Actie.LEZEN,
) -> Toelaatbaarheidsverklaring:
    """Fetch one TLV with all its parts, authorising and logging; else 404."""
    tlv = tlv_dossier(sleutel)
    toegestaan = tlv is not None and beleid.mag(actor, actie, tlv)
    toegang_vastleggen(
        actor=actor,
        actie=log_actie,
        object_type=OBJECT_TYPE,
        object_id=str(sleutel),
        leerling_sleutels=[tlv.leerling.sleutel] if tlv is not None else [],
        toegestaan=toegestaan,
        reden=doel if toegestaan else f"geweigerd: {doel}",
        route=route,
    )
    if not toegestaan or tlv is None:
        raise Http404(NIET_GEVONDEN)
    return tlv


def tlv_voor_schrijven(
    *,
    actor: Any,
    sleutel: UUID,
    actie: str,
    doel: str,
    route: str,
    log_actie: Actie = Actie.WIJZIGEN,
) -> Toelaatbaarheidsverklaring:
    """Fetch one TLV for a write, authorising without logging; else log the refusal and 404.

    The service that writes records the request; when nothing is saved the caller does.
    """
    tlv = (
        Toelaatbaarheidsverklaring.objects.filter(sleutel=sleutel)
        .select_related("leerling", "vestiging__school", "verantwoordelijk_swv", "opp")
        .first()
    )
    if tlv is not None and beleid.mag(actor, actie, tlv):
        return tlv
    tlv_voor_actor(
        actor=actor, sleutel=sleutel, actie=actie, doel=doel, route=route, log_actie=log_actie
    )
    raise Http404(NIET_GEVONDEN)  # only reached if the rights changed in between


def lopende_aanvraag(*, leerling_id: int) -> Toelaatbaarheidsverklaring | None:
    """A request of this pupil that is still being handled (one at a time)."""
    return (
        Toelaatbaarheidsverklaring.objects.filter(leerling_id=leerling_id, status__in=LOPEND)
        .order_by("-ontvangen_op", "-id")
        .first()
    )


def nieuwste_vastgestelde_opp(*, actor: Any, leerling_id: int) -> Ontwikkelingsperspectief | None:
    """The pupil's newest vastgesteld OPP the actor may read (the basis of a verlenging)."""
    return (
        opps_zichtbaar_voor(actor=actor)
        .filter(leerling_id=leerling_id, status=OppStatus.VASTGESTELD)
        .order_by("-vastgesteld_op", "-versie", "-id")
        .first()
    )


# --- Extra questions of the SWV ------------------------------------------------------------


def extra_vragen_van(
    *, samenwerkingsverband_id: int, alleen_actief: bool = True
) -> QuerySet[AanvullendeVraag]:
    """The SWV's extra questions for a TLV request, in their order."""
    queryset = AanvullendeVraag.objects.filter(
        regeling__samenwerkingsverband_id=samenwerkingsverband_id
    )
    if alleen_actief:
        queryset = queryset.filter(actief=True)
    return queryset.order_by("volgorde", "id")


def vragenlijst(tlv: Toelaatbaarheidsverklaring) -> list[dict[str, Any]]:
    """The extra questions of the deciding SWV with this request's answers: every active
    question (answered or not), then answers to questions the SWV has since removed. An
    answer shows the question as it was when answered."""
    antwoorden = {a.vraag_id: a for a in tlv.antwoorden.all()}
    regels: list[dict[str, Any]] = []
    for vraag in extra_vragen_van(samenwerkingsverband_id=tlv.verantwoordelijk_swv_id):
        antwoord = antwoorden.pop(vraag.pk, None)
        regels.append(
            {
                "vraag": vraag,
                "tekst": antwoord.vraagtekst if antwoord else vraag.tekst,
                "toelichting": vraag.toelichting,
                "verplicht": vraag.verplicht,
                "antwoord": antwoord,
            }
        )
    for antwoord in antwoorden.values():
        regels.append(
            {
                "vraag": antwoord.vraag,
                "tekst": antwoord.vraagtekst,
                "toelichting": "",
                "verplicht": antwoord.verplicht,
                "antwoord": antwoord,
            }
        )
    return regels


def ontbrekende_antwoorden(tlv: Toelaatbaarheidsverklaring) -> list[str]:
    """The SWV's required extra questions this request has no answer to yet (fresh read)."""
    vragen = extra_vragen_van(samenwerkingsverband_id=tlv.verantwoordelijk_swv_id).values_list(
        "pk", "tekst", "verplicht"
    )
    beantwoord = AanvullendAntwoord.objects.filter(tlv=tlv).values_list("vraag_id", flat=True)
    return onbeantwoorde_verplichte_vragen(list(vragen), list(beantwoord))


# --- Deskundigen ---------------------------------------------------------------------------


def deskundigen_van(
    *, samenwerkingsverband: Samenwerkingsverband, alleen_actief: bool = False
) -> QuerySet[Deskundige]:
    queryset = Deskundige.objects.filter(samenwerkingsverband=samenwerkingsverband).select_related(
        "school", "gebruiker"
    )
    if alleen_actief:
        queryset = queryset.filter(actief=True)
    return queryset.order_by("-actief", "naam", "id")


def betrokken_gebruikers(tlv: Toelaatbaarheidsverklaring) -> set[int]:
    """Everyone who helped prepare this request: the authors and setters of every version of
    the OPP, who recorded the consent and the pupil's view, and the requester."""
    opp_ids = Ontwikkelingsperspectief.objects.filter(reeks=tlv.opp.reeks).values("pk")
    ids: set[int] = {tlv.aangevraagd_door_id}
    for rij in Ontwikkelingsperspectief.objects.filter(pk__in=opp_ids).values_list(
        "aangemaakt_door_id", "vastgesteld_door_id"
    ):
        ids.update(i for i in rij if i is not None)
    ids.update(
        Instemming.objects.filter(opp_id__in=opp_ids).values_list("vastgelegd_door_id", flat=True)
    )
    for rij in Leerlingstem.objects.filter(opp_id__in=opp_ids).values_list(
        "vastgelegd_door_id", "reactie_door_id"
    ):
        ids.update(i for i in rij if i is not None)
    if tlv.vorige_id is not None:
        ids.update(
            Toelaatbaarheidsverklaring.objects.filter(pk=tlv.vorige_id).values_list(
                "aangevraagd_door_id", flat=True
            )
        )
    # The answers to the SWV's extra questions are part of the request too.
    ids.update(
        AanvullendAntwoord.objects.filter(tlv=tlv).values_list("beantwoord_door_id", flat=True)
    )
    return ids


def onafhankelijkheid(
    *, deskundige: Deskundige, tlv: Toelaatbaarheidsverklaring, peildatum: date
) -> list[str]:
    """Why this deskundige may not advise on this request (empty: independent)."""
    school_id = tlv.vestiging.school_id
    werkt_op_school = deskundige.school_id == school_id
    betrokken = False
    if deskundige.gebruiker_id is not None:
        # A role at the requesting school, or at its board (the board is the legal requester).
        werkt_op_school = (
            werkt_op_school
            or Rol.objects.filter(gebruiker_id=deskundige.gebruiker_id)
            .filter(Q(school_id=school_id) | Q(schoolbestuur_id=tlv.vestiging.school.bestuur_id))
            .filter(actief_op(peildatum))
            .exists()
        )
        betrokken = deskundige.gebruiker_id in betrokken_gebruikers(tlv)
    return onafhankelijkheid_fouten(
        naam=deskundige.naam,
        werkt_op_aanvragende_school=werkt_op_school,
        betrokken_bij_aanvraag=betrokken,
    )


def advieslijst_fouten(tlv: Toelaatbaarheidsverklaring, regeling: Regeling) -> list[str]:
    """Whether the recorded advices allow a decision (reads the advices afresh)."""
    beroepen = list(Advies.objects.filter(tlv=tlv).values_list("beroep", flat=True))
    return adviezen_fouten(beroepen, regeling.tweede_deskundigen)


# --- Lists ---------------------------------------------------------------------------------


def werklijst(*, actor: Any, status: str = "") -> QuerySet[Toelaatbaarheidsverklaring]:
    """The TLVs the actor may read; running requests first, oldest received first."""
    queryset = tlvs_zichtbaar_voor(actor=actor).select_related("vorige")
    if status:
        queryset = queryset.filter(status=status)
    return queryset.annotate(
        loopt=Case(When(status__in=LOPEND, then=Value(0)), default=Value(1))
    ).order_by("loopt", "ontvangen_op", "id")


def grensverkeer_van(*, actor: Any) -> QuerySet[Toelaatbaarheidsverklaring]:
    """Grensverkeer cases of the actor's SWV, incoming and outgoing (summary only)."""
    return (
        beleid.filter_grensverkeer(actor, Toelaatbaarheidsverklaring.objects.all())
        .select_related(
            "leerling", "vestiging", "verantwoordelijk_swv", "woonregio_swv", "school_swv"
        )
        .order_by("-ontvangen_op", "-id")
    )


def eindigen_binnenkort(*, actor: Any, vandaag: date) -> QuerySet[Toelaatbaarheidsverklaring]:
    """Granted TLVs ending within the signal window of their SWV (a setting per SWV)."""
    zichtbaar = tlvs_zichtbaar_voor(actor=actor).filter(
        status=Status.TOEGEKEND, einddatum__gte=vandaag
    )
    swv_ids = set(zichtbaar.values_list("verantwoordelijk_swv_id", flat=True).distinct())
    if not swv_ids:
        return zichtbaar.none()
    eigen = {
        r.samenwerkingsverband_id: r.einde_signaal_maanden
        for r in Tlvregeling.objects.filter(samenwerkingsverband_id__in=swv_ids)
    }
    standaard = int(settings.PASSEND["TLV_EINDE_SIGNAAL_MAANDEN"])
    venster = Q(pk__in=[])
    for swv_id in swv_ids:
        tot = maanden_erbij(vandaag, eigen.get(swv_id, standaard))
        venster |= Q(verantwoordelijk_swv_id=swv_id, einddatum__lte=tot)
    return (
        zichtbaar.filter(venster)
        .annotate(
            verlenging_gevraagd=Exists(
                Toelaatbaarheidsverklaring.objects.filter(vorige_id=OuterRef("pk"))
            )
        )
        .order_by("einddatum", "id")
    )
