"""The school's pages: its registrations with their terms, recording a written (paper)
registration, one registration with its timeline, extending the term and the decision.

Every request that touches pupil data writes exactly one access-log record: a page that
reads through ``aanmelding_voor_actor`` (which logs), a POST through the service that
writes (``aanmelding_voor_schrijven`` only logs a refusal), and the view itself when nothing
is saved or when it lists pupils.
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from passend.accounts.actor import actor_of_403
from passend.accounts.rules import Rolsoort
from passend.core.models import Actie
from passend.leerlingen.models import Leerling
from passend.leerlingen.permissions import beleid as leerling_beleid
from passend.leerlingen.selectors import leerlingen_zichtbaar_voor
from passend.ondersteuning.rules import Status
from passend.ondersteuning.selectors import opps_zichtbaar_voor
from passend.organisaties.selectors import vestigingen_van_school
from passend.zorgplicht import services
from passend.zorgplicht.forms import NIEUW, BesluitForm, LeerlingZoekForm, PapierForm, VerlengenForm
from passend.zorgplicht.permissions import SWV_ROLLEN, beleid
from passend.zorgplicht.rules import beslissen_mogelijk, verlengen_mogelijk
from passend.zorgplicht.selectors import (
    aanmelding_voor_actor,
    aanmelding_voor_schrijven,
    aanmeldingen_voor_school,
    met_signalen,
    termijnen_van,
    termijntellingen,
)
from passend.zorgplicht.views.afhandeling import (
    fouten_naar_formulier,
    gesloten,
    opnieuw_getoond,
    tijdlijn,
    vastleggen,
)

PAGINA_GROOTTE = 50
FILTERS = {"open": "Wacht op besluit", "besloten": "Besloten", "alle": "Alle"}
MAX_ZOEKRESULTATEN = 20


@login_required
def overzicht(request: HttpRequest) -> HttpResponse:
    """The school's registrations: overdue first, then extended, then fewest days left."""
    route = "zorgplicht:overzicht"
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "vastleggen",
        log_actie=Actie.ZOEKEN,
        object_type="aanmeldingen-overzicht",
        reden="rol ziet de aanmeldingen van de school niet",
        route=route,
    )
    vandaag = timezone.localdate()
    filter_ = request.GET.get("toon", "open")
    if filter_ not in FILTERS:
        filter_ = "open"
    queryset = aanmeldingen_voor_school(actor=actor, vandaag=vandaag, filter_=filter_)
    pagina = Paginator(queryset, PAGINA_GROOTTE).get_page(request.GET.get("pagina"))
    rijen = met_signalen(list(pagina), vandaag=vandaag)
    vastleggen(
        actor=actor,
        actie=Actie.ZOEKEN,
        toegestaan=True,
        reden="aanmeldingen van de school bekijken",
        route=route,
        leerling_sleutels=[rij["aanmelding"].leerling.sleutel for rij in rijen],
        object_type="aanmeldingen-overzicht",
    )
    return render(
        request,
        "zorgplicht/school/overzicht.html",
        {
            "pagina": pagina,
            "rijen": rijen,
            "filter": filter_,
            "filter_label": FILTERS[filter_],
            "filters": FILTERS,
            "querystring": f"toon={filter_}",
            "tellingen": termijntellingen(
                aanmeldingen_voor_school(actor=actor, vandaag=vandaag, filter_="open"),
                peildatum=vandaag,
            ),
        },
    )


def _zoek_leerlingen(actor: Any, zoekterm: str) -> list[Leerling]:
    if not zoekterm.strip():
        return []
    return list(leerlingen_zichtbaar_voor(actor=actor, zoekterm=zoekterm)[:MAX_ZOEKRESULTATEN])


@login_required
def papier(request: HttpRequest) -> HttpResponse:
    """Record a written registration: a child already in Passend (search) or a new child."""
    route = "zorgplicht:papier"
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "vastleggen",
        log_actie=Actie.AANMAKEN if request.method == "POST" else Actie.LEZEN,
        object_type="aanmelding",
        reden="rol legt geen aanmeldingen vast",
        route=route,
    )
    zoek = LeerlingZoekForm(request.GET or None)
    zoekterm = zoek.cleaned_data["zoek"] if zoek.is_valid() else ""
    gevonden = _zoek_leerlingen(actor, zoekterm)
    gekozen = _als_uuid(request.POST.get("kind", "")) if request.method == "POST" else None
    if gekozen is not None and all(lln.sleutel != gekozen for lln in gevonden):
        # The chosen pupil stays a valid choice, also when the search changed since.
        gevonden += list(leerlingen_zichtbaar_voor(actor=actor).filter(sleutel=gekozen))
    school = actor.rol.school
    assert school is not None  # a school role (the policy checked it)
    vestigingen = list(vestigingen_van_school(school=school))
    form = PapierForm(
        request.POST or None,
        leerlingen=[
            (str(lln.sleutel), f"{lln.naam} (geboren {lln.geboortedatum:%d-%m-%Y})")
            for lln in gevonden
        ],
        vestigingen=vestigingen,
        initial={"ontvangen_op": timezone.localdate(), "eerste_voorkeur": True},
    )
    if request.method == "POST" and form.is_valid():
        gegevens = form.cleaned_data
        leerling = next((lln for lln in gevonden if str(lln.sleutel) == gegevens["kind"]), None)
        try:
            aanmelding = services.aanmelden(
                actor=actor,
                vestiging=gegevens["vestiging"],
                leerling=leerling,
                nieuw_kind=form.nieuw_kind() if gegevens["kind"] == NIEUW else None,
                ontvangen_op=gegevens["ontvangen_op"],
                ondersteuning_verwacht=gegevens["ondersteuning_verwacht"],
                toelichting_ondersteuning=gegevens["toelichting_ondersteuning"],
                andere_scholen=gegevens["andere_scholen"],
                andere_vestigingen=gegevens["andere_vestigingscodes"],
                eerste_voorkeur=gegevens["eerste_voorkeur"],
                route=route,
            )
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(
                request,
                f"De aanmelding van {aanmelding.leerling.naam} is vastgelegd. Beslis uiterlijk op "
                f"{aanmelding.beslissen_uiterlijk:%d-%m-%Y}.",
            )
            return redirect("zorgplicht:detail", sleutel=aanmelding.sleutel)
    vastleggen(
        actor=actor,
        actie=Actie.ZOEKEN if zoekterm else Actie.LEZEN,
        toegestaan=True,
        reden=(
            "aanmelding niet opgeslagen; formulier opnieuw getoond"
            if request.method == "POST"
            else "formulier aanmelding vastleggen"
        ),
        route=route,
        leerling_sleutels=[lln.sleutel for lln in gevonden],
    )
    return render(
        request,
        "zorgplicht/school/papier.html",
        {"form": form, "zoek": zoek, "zoekterm": zoekterm, "gevonden": gevonden},
    )


def _als_uuid(waarde: str) -> UUID | None:
    try:
        return UUID(waarde)
    except ValueError:
        return None


@login_required
def detail(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """One registration: the child, what the parents said, the terms, the timeline."""
    route = "zorgplicht:detail"
    actor = actor_of_403(request)
    if actor.rolsoort == Rolsoort.OUDER:  # parents see their registrations in the portal
        return redirect("zorgplicht:portaal")
    aanmelding = aanmelding_voor_actor(
        actor=actor, sleutel=sleutel, actie="bekijken", doel="aanmelding bekijken", route=route
    )
    vandaag = timezone.localdate()
    rij = met_signalen([aanmelding], vandaag=vandaag)[0]
    t = termijnen_van(aanmelding)
    mag_verlengen = beleid.mag(actor, "verlengen", aanmelding)
    return render(
        request,
        "zorgplicht/school/detail.html",
        {
            "aanmelding": aanmelding,
            "leerling": aanmelding.leerling,
            "rij": rij,
            "tijdlijn": tijdlijn(aanmelding, vandaag),
            "andere_vestigingen": list(aanmelding.andere_vestigingen.all()),
            "kan_verlengen": mag_verlengen and verlengen_mogelijk(t, vandaag) is None,
            "kan_beslissen": mag_verlengen and beslissen_mogelijk(t) is None,
            "mag_brief": beleid.mag(actor, "brief_lezen", aanmelding),
            "dossier_zichtbaar": leerling_beleid.mag(actor, "bekijken", aanmelding.leerling),
            # The SWV keeps the overview of terms; the school's free text is not for it.
            "vrije_tekst_zichtbaar": actor.rolsoort not in SWV_ROLLEN,
        },
    )


@login_required
def verlengen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """Extend the decision term once, by at most 4 weeks; then download the letter."""
    route = "zorgplicht:verlengen"
    actor = actor_of_403(request)
    vandaag = timezone.localdate()
    if request.method != "POST":
        aanmelding = aanmelding_voor_actor(
            actor=actor, sleutel=sleutel, actie="verlengen", doel="termijn verlengen", route=route
        )
        weigering = verlengen_mogelijk(termijnen_van(aanmelding), vandaag)
        if weigering is not None:
            messages.info(request, weigering.melding)
            return redirect("zorgplicht:detail", sleutel=aanmelding.sleutel)
        form = VerlengenForm(initial={"verlengd_op": vandaag})
    else:
        aanmelding = aanmelding_voor_schrijven(
            actor=actor, sleutel=sleutel, actie="verlengen", doel="termijn verlengen", route=route
        )
        form = VerlengenForm(request.POST)
        # Already decided or extended: closed whatever the form says. Whether the term has
        # passed depends on the date of the extension (the service checks it).
        weigering = verlengen_mogelijk(termijnen_van(aanmelding), aanmelding.ontvangen_op)
        if weigering is not None:
            return gesloten(request, actor, aanmelding, route, weigering.melding)
        if form.is_valid():
            try:
                services.aanmelding_verlengen(
                    actor=actor,
                    aanmelding=aanmelding,
                    weken=form.cleaned_data["weken"],
                    reden=form.cleaned_data["reden"],
                    verlengd_op=form.cleaned_data["verlengd_op"],
                    route=route,
                )
            except services.NietMogelijk as fout:
                return gesloten(request, actor, aanmelding, route, fout.melding)
            except services.Conflict as fout:
                return gesloten(request, actor, aanmelding, route, str(fout))
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(
                    request,
                    "De beslistermijn is verlengd. Download de brief en stuur die naar de ouders.",
                )
                return redirect("zorgplicht:detail", sleutel=aanmelding.sleutel)
        opnieuw_getoond(actor, aanmelding, route, "verlenging")
    return render(
        request,
        "zorgplicht/school/verlengen.html",
        {"aanmelding": aanmelding, "leerling": aanmelding.leerling, "form": form},
    )


@login_required
def besluit(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """The decision on the registration: admitted (with support), placed elsewhere, full,
    withdrawn. An admission enrols the pupil from the first school day."""
    route = "zorgplicht:besluit"
    actor = actor_of_403(request)
    vandaag = timezone.localdate()
    if request.method != "POST":
        aanmelding = aanmelding_voor_actor(
            actor=actor, sleutel=sleutel, actie="beslissen", doel="besluit nemen", route=route
        )
        weigering = beslissen_mogelijk(termijnen_van(aanmelding))
        if weigering is not None:
            messages.info(request, weigering.melding)
            return redirect("zorgplicht:detail", sleutel=aanmelding.sleutel)
    else:
        aanmelding = aanmelding_voor_schrijven(
            actor=actor, sleutel=sleutel, actie="beslissen", doel="besluit nemen", route=route
        )
        weigering = beslissen_mogelijk(termijnen_van(aanmelding))
        if weigering is not None:
            return gesloten(request, actor, aanmelding, route, weigering.melding)
    opps = list(
        opps_zichtbaar_voor(actor=actor)
        .filter(leerling_id=aanmelding.leerling_id, status__in=[Status.CONCEPT, Status.VASTGESTELD])
        .select_related("vestiging")
    )
    form = BesluitForm(request.POST or None, opps=opps, initial={"uitkomst_op": vandaag})
    if request.method == "POST":
        if form.is_valid():
            g = form.cleaned_data
            try:
                services.aanmelding_besluiten(
                    actor=actor,
                    aanmelding=aanmelding,
                    uitkomst=g["uitkomst"],
                    uitkomst_op=g["uitkomst_op"],
                    toelichting=g["toelichting"],
                    ingangsdatum=g["ingangsdatum"],
                    geplaatst_bij=g["geplaatst_bij"],
                    geplaatst_op=g["geplaatst_op"],
                    opp=g["opp"],
                    route=route,
                )
            except services.NietMogelijk as fout:
                return gesloten(request, actor, aanmelding, route, fout.melding)
            except services.Conflict as fout:
                return gesloten(request, actor, aanmelding, route, str(fout))
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(
                    request,
                    "Het besluit is vastgelegd. Download de brief en stuur die naar de ouders.",
                )
                return redirect("zorgplicht:detail", sleutel=aanmelding.sleutel)
        opnieuw_getoond(actor, aanmelding, route, "besluit")
    return render(
        request,
        "zorgplicht/school/besluit.html",
        {
            "aanmelding": aanmelding,
            "leerling": aanmelding.leerling,
            "form": form,
            "andere_vestigingen": list(aanmelding.andere_vestigingen.all()),
        },
    )
