"""The SWV's lists, reports and set-up: grensverkeer, TLVs ending soon, the report figures,
the DUO (BRON) export and the deskundigen pool (the TLV settings: ``regeling``)."""

import csv
from datetime import date
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.core.csvbestand import formule_afschermen
from passend.core.kalender import schooljaar_grenzen, schooljaar_van
from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.toegangslog import toegang_vastleggen
from passend.organisaties.models import Samenwerkingsverband, School
from passend.organisaties.selectors import vestigingen_van_swv
from passend.toelaatbaarheid import services
from passend.toelaatbaarheid.forms import (
    DeskundigeForm,
    DeskundigeWijzigenForm,
    PeriodeForm,
)
from passend.toelaatbaarheid.models import Deskundige
from passend.toelaatbaarheid.selectors import (
    BRON_KOLOMMEN,
    bron_regels,
    deskundigen_van,
    eindigen_binnenkort,
    grensverkeer_van,
    regeling_van,
    tlv_cijfers,
)
from passend.toelaatbaarheid.views.afhandeling import eis_rol, fouten_naar_formulier, menu

PAGINA_GROOTTE = 50


def _swv(actor: Any) -> Samenwerkingsverband:
    """The actor's SWV (every role of these pages is held in an SWV)."""
    swv = actor.rol.samenwerkingsverband
    assert swv is not None
    return swv


def _periode(request: HttpRequest, standaard: tuple[date, date]) -> tuple[PeriodeForm, date, date]:
    if "van" in request.GET or "tot" in request.GET:
        form = PeriodeForm(request.GET)
        if form.is_valid():
            return form, form.cleaned_data["van"], form.cleaned_data["tot"]
        return form, *standaard
    form = PeriodeForm(initial={"van": standaard[0], "tot": standaard[1]})
    return form, *standaard


@login_required
@require_GET
def grensverkeer(request: HttpRequest) -> HttpResponse:
    """Incoming and outgoing grensverkeer of the SWV: a summary per case, no dossier."""
    route = "toelaatbaarheid:grensverkeer"
    actor = eis_rol(request, "grensverkeer", route, object_type="tlv-grensverkeer")
    swv_id = _swv(actor).pk
    pagina = Paginator(grensverkeer_van(actor=actor), PAGINA_GROOTTE).get_page(
        request.GET.get("pagina")
    )
    toegang_vastleggen(
        actor=actor,
        actie=Actie.ZOEKEN,
        object_type="tlv-grensverkeer",
        leerling_sleutels=[tlv.leerling.sleutel for tlv in pagina],
        toegestaan=True,
        reden="grensverkeer bekijken (samenvatting, zonder dossier)",
        route=route,
    )
    regels = [
        {
            "tlv": tlv,
            "richting": "inkomend" if tlv.school_swv_id == swv_id else "uitgaand",
            "eigen_dossier": tlv.verantwoordelijk_swv_id == swv_id,
        }
        for tlv in pagina
    ]
    return render(
        request,
        "toelaatbaarheid/grensverkeer.html",
        {"pagina": pagina, "regels": regels, "menu": menu(actor)},
    )


@login_required
@require_GET
def eindigt_binnenkort(request: HttpRequest) -> HttpResponse:
    """Granted TLVs ending within the SWV's signal window, for a timely verlenging."""
    route = "toelaatbaarheid:eindigt-binnenkort"
    actor = eis_rol(request, "eindigt_binnenkort", route, object_type="tlv-overzicht")
    pagina = Paginator(
        eindigen_binnenkort(actor=actor, vandaag=timezone.localdate()), PAGINA_GROOTTE
    ).get_page(request.GET.get("pagina"))
    toegang_vastleggen(
        actor=actor,
        actie=Actie.ZOEKEN,
        object_type="tlv-overzicht",
        leerling_sleutels=[tlv.leerling.sleutel for tlv in pagina],
        toegestaan=True,
        reden="TLV's die binnenkort aflopen bekijken",
        route=route,
    )
    return render(
        request,
        "toelaatbaarheid/eindigt_binnenkort.html",
        {"pagina": pagina, "menu": menu(actor)},
    )


@login_required
@require_GET
def rapportage(request: HttpRequest) -> HttpResponse:
    """The figures the SWV reports: handling time, types, categories, grensverkeer."""
    route = "toelaatbaarheid:rapportage"
    actor = eis_rol(request, "rapporteren", route, object_type="tlv-rapportage")
    form, van, tot = _periode(request, schooljaar_grenzen(schooljaar_van(timezone.localdate())))
    cijfers = tlv_cijfers(samenwerkingsverband=_swv(actor), van=van, tot=tot)
    toegang_vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        object_type="tlv-rapportage",
        object_id=actor.organisatie_sleutel,
        leerling_sleutels=cijfers["leerling_sleutels"],
        toegestaan=True,
        reden=f"TLV-rapportage {van:%d-%m-%Y} t/m {tot:%d-%m-%Y}",
        route=route,
    )
    return render(
        request,
        "toelaatbaarheid/rapportage.html",
        {"form": form, "cijfers": cijfers, "van": van, "tot": tot, "menu": menu(actor)},
    )


@require_GET
@never_cache
@login_required
def export(request: HttpRequest) -> HttpResponse:
    """Granted TLVs for DUO (BRON): location, pupil key, soort, categorie, begin, end."""
    route = "toelaatbaarheid:export"
    actor = eis_rol(request, "exporteren", route, object_type="tlv-bron-export")
    vandaag = timezone.localdate()
    _form, van, tot = _periode(request, (vandaag, vandaag))
    regels = bron_regels(samenwerkingsverband=_swv(actor), van=van, tot=tot, peildatum=vandaag)
    toegang_vastleggen(
        actor=actor,
        actie=Actie.EXPORTEREN,
        object_type="tlv-bron-export",
        object_id=actor.organisatie_sleutel,
        leerling_sleutels=[r["leerling__sleutel"] for r in regels],
        toegestaan=True,
        reden=f"TLV's voor DUO (BRON) ({len(regels)} regels)",
        route=route,
    )
    antwoord = HttpResponse(content_type="text/csv; charset=utf-8")
    antwoord["Content-Disposition"] = 'attachment; filename="tlv-bron-export.csv"'
    schrijver = csv.writer(antwoord, delimiter=";")
    schrijver.writerow(BRON_KOLOMMEN)
    for r in regels:
        schrijver.writerow(
            [
                formule_afschermen(r["huidige_vestigingscode"] or r["vestiging__vestigingscode"]),
                r["leerling__sleutel"],
                r["schoolsoort"],
                r["bekostigingscategorie"] or "",
                r["ingangsdatum"].isoformat(),
                r["einddatum"].isoformat(),
            ]
        )
    return antwoord


# --- The SWV's set-up (no pupil data) --------------------------------------------------------


def _scholen(actor: Any) -> Any:
    vestigingen = vestigingen_van_swv(
        samenwerkingsverband=_swv(actor), peildatum=timezone.localdate()
    )
    return School.objects.filter(vestigingen__in=vestigingen).distinct().order_by("naam")


def _deskundige_gebruikers(actor: Any) -> list[tuple[int, str]]:
    rollen = (
        Rol.objects.filter(rolsoort=Rolsoort.DESKUNDIGE, samenwerkingsverband_id=_swv(actor).pk)
        .filter(actief_op(timezone.localdate()))
        .select_related("gebruiker")
        .order_by("gebruiker__last_name", "gebruiker__first_name")
    )
    return [(r.gebruiker_id, str(r.gebruiker)) for r in rollen]


@login_required
def deskundigen(request: HttpRequest) -> HttpResponse:
    """The SWV's pool of deskundigen: the list and adding a person."""
    route = "toelaatbaarheid:deskundigen"
    actor = eis_rol(request, "deskundigen_beheren", route, object_type="tlv-deskundigen")
    form = DeskundigeForm(
        request.POST or None, gebruikers=_deskundige_gebruikers(actor), scholen=_scholen(actor)
    )
    if request.method == "POST" and form.is_valid():
        gebruiker_id = form.cleaned_data["gebruiker"]
        try:
            nieuw = services.deskundige_toevoegen(
                actor=actor,
                naam=form.cleaned_data["naam"],
                beroep=form.cleaned_data["beroep"],
                gebruiker=Rol.objects.get(
                    gebruiker_id=gebruiker_id,
                    rolsoort=Rolsoort.DESKUNDIGE,
                    samenwerkingsverband_id=_swv(actor).pk,
                ).gebruiker
                if gebruiker_id
                else None,
                school=form.cleaned_data["school"],
            )
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(request, f"{nieuw.naam} is toegevoegd aan de deskundigenpool.")
            return redirect("toelaatbaarheid:deskundigen")
    return render(
        request,
        "toelaatbaarheid/deskundigen.html",
        {
            "form": form,
            "deskundigen": deskundigen_van(samenwerkingsverband=_swv(actor)),
            "regeling": regeling_van(_swv(actor)),
            "menu": menu(actor),
        },
    )


@login_required
def deskundige_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    """Change or deactivate one deskundige of the own pool."""
    route = "toelaatbaarheid:deskundige-wijzigen"
    actor = eis_rol(request, "deskundigen_beheren", route, object_type="tlv-deskundigen")
    deskundige = (
        Deskundige.objects.filter(pk=pk, samenwerkingsverband_id=_swv(actor).pk)
        .select_related("school")
        .first()
    )
    if deskundige is None:
        raise Http404("Deze deskundige bestaat niet of hoort niet bij uw samenwerkingsverband.")
    form = DeskundigeWijzigenForm(
        request.POST or None,
        scholen=_scholen(actor),
        initial={
            "naam": deskundige.naam,
            "beroep": deskundige.beroep,
            "school": deskundige.school,
            "actief": deskundige.actief,
            "versie": deskundige.gewijzigd_op.isoformat(),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.deskundige_wijzigen(
                actor=actor,
                deskundige=deskundige,
                versie=form.cleaned_data["versie"],
                naam=form.cleaned_data["naam"],
                beroep=form.cleaned_data["beroep"],
                school=form.cleaned_data["school"],
                actief=form.cleaned_data["actief"],
            )
        except services.Conflict as fout:
            messages.error(request, str(fout))
            return redirect("toelaatbaarheid:deskundige-wijzigen", pk=pk)
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(request, "De gegevens van de deskundige zijn opgeslagen.")
            return redirect("toelaatbaarheid:deskundigen")
    return render(
        request,
        "toelaatbaarheid/deskundige_wijzigen.html",
        {"form": form, "deskundige": deskundige, "menu": menu(actor)},
    )
