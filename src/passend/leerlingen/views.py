"""Pages of the pupil register. Thin: parse, call a selector or service, render."""

from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from passend.accounts.actor import actor_of_403
from passend.accounts.rules import PRIVEROLLEN
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.geschillen.permissions import beleid as geschillen_beleid
from passend.leerlingen.forms import InschrijvenForm, WijzigenForm, ZoekForm
from passend.leerlingen.models import Ouderschap
from passend.leerlingen.permissions import beleid
from passend.leerlingen.selectors import leerling_voor_actor, leerlingen_zichtbaar_voor
from passend.leerlingen.services import Conflict, leerling_inschrijven, leerling_wijzigen
from passend.ondersteuning.permissions import LEZERS as OPP_LEZERS
from passend.ondersteuning.permissions import beleid as opp_beleid
from passend.ondersteuning.selectors import opps_van_leerling
from passend.organisaties.selectors import vestigingen_van_school
from passend.privacy.selectors import toegang_tot_leerling
from passend.verzuim.permissions import beleid as verzuim_beleid

PAGINA_GROOTTE = 50


@login_required
def lijst(request: HttpRequest) -> HttpResponse:
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "zoeken",
        log_actie=Actie.ZOEKEN,
        object_type="leerlingenlijst",
        reden="rol mag geen leerlingen zoeken",
        route="leerlingen:lijst",
    )
    form = ZoekForm(request.GET)
    zoekterm = form.cleaned_data["q"] if form.is_valid() else ""
    pagina = Paginator(
        leerlingen_zichtbaar_voor(actor=actor, zoekterm=zoekterm), PAGINA_GROOTTE
    ).get_page(request.GET.get("pagina"))
    toegang_vastleggen(
        actor=actor,
        actie=Actie.ZOEKEN,
        object_type="leerlingenlijst",
        object_id=zoekterm[:100],
        leerling_sleutels=[leerling.sleutel for leerling in pagina],
        toegestaan=True,
        reden="leerlingen zoeken" if zoekterm else "leerlingenlijst bekijken",
        route="leerlingen:lijst",
    )
    sjabloon = (
        "leerlingen/_resultaten.html"
        if getattr(request, "htmx", False)
        else "leerlingen/lijst.html"
    )
    return render(request, sjabloon, {"form": form, "pagina": pagina, "zoekterm": zoekterm})


@login_required
def detail(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    actor = actor_of_403(request)
    leerling = leerling_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie="bekijken",
        doel="leerlingdossier bekijken",
        route="leerlingen:detail",
    )
    mag_opp_lezen = actor.rolsoort in OPP_LEZERS
    return render(
        request,
        "leerlingen/detail.html",
        {
            "leerling": leerling,
            "mag_wijzigen": beleid.mag(actor, "wijzigen", leerling),
            "mag_inzage": beleid.mag(actor, "inzage_bekijken", leerling),
            # Parents and pupils get plain words (B1), without the technical key.
            "eenvoudig": actor.rolsoort in PRIVEROLLEN,
            # The OPP section only for roles the OPP policy lets read OPPs at all: the
            # municipality's partners would otherwise see "Geen OPP." for a pupil who has one.
            "mag_opp_lezen": mag_opp_lezen,
            "opps": list(opps_van_leerling(actor=actor, leerling=leerling))
            if mag_opp_lezen
            else [],
            "mag_opp_starten": opp_beleid.mag(actor, "starten"),
            # Links to the processes around the pupil (role checks; one query for a parent).
            "mag_verzuim_melden": verzuim_beleid.mag(actor, "rol:melden"),
            "mag_onenigheid_vastleggen": (
                actor.rolsoort not in PRIVEROLLEN and geschillen_beleid.mag(actor, "rol:starten")
            ),
            # A parent without gezag would be refused when starting: one cheap check, only
            # for a parent.
            "mag_onenigheid_starten": (
                geschillen_beleid.mag(actor, "rol:portaal")
                and Ouderschap.objects.filter(
                    leerling=leerling, ouder_id=actor.gebruiker.pk, gezag=True
                ).exists()
            ),
            "mag_veilig_thuis": geschillen_beleid.mag(actor, "rol:veilig_thuis_melden"),
        },
    )


@login_required
def inzage(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """Who looked at this pupil's file: for the parents and the pupil themselves."""
    actor = actor_of_403(request)
    leerling = leerling_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie="inzage_bekijken",
        doel="bekijken wie het dossier heeft ingezien",
        route="leerlingen:inzage",
    )
    pagina = Paginator(toegang_tot_leerling(sleutel=leerling.sleutel), PAGINA_GROOTTE).get_page(
        request.GET.get("pagina")
    )
    return render(request, "leerlingen/inzage.html", {"leerling": leerling, "pagina": pagina})


@login_required
def inschrijven(request: HttpRequest) -> HttpResponse:
    actor = actor_of_403(request)
    beleid.eis_en_leg_weigering_vast(
        actor,
        "inschrijven",
        log_actie=Actie.AANMAKEN,
        object_type="leerling",
        reden="rol mag geen leerlingen inschrijven",
        route="leerlingen:inschrijven",
    )
    if actor.rol.school is None:  # register roles are school roles (accounts.rules)
        raise PermissionDenied
    vestigingen = vestigingen_van_school(school=actor.rol.school)
    form = InschrijvenForm(request.POST or None, vestigingen=vestigingen)
    if request.method == "POST" and form.is_valid():
        try:
            leerling = leerling_inschrijven(
                actor=actor, route="leerlingen:inschrijven", **form.cleaned_data
            )
        except ValidationError as fout:
            for veld, meldingen in fout.message_dict.items():
                form.add_error(veld if veld in form.fields else None, meldingen)
        except Geweigerd as fout:
            raise PermissionDenied(fout.reden) from fout
        else:
            messages.success(request, f"{leerling.naam} is ingeschreven.")
            return redirect("leerlingen:detail", sleutel=leerling.sleutel)
    return render(request, "leerlingen/inschrijven.html", {"form": form})


@login_required
def wijzigen(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    actor = actor_of_403(request)
    # On a POST the service writes the access-log record of a successful change; a form
    # shown again with errors is logged as a read below. One record per request.
    leerling = leerling_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie="wijzigen",
        doel="wijzigformulier bekijken",
        route="leerlingen:wijzigen",
        toegestane_vastleggen=request.method != "POST",
    )
    initial = {
        "voornamen": leerling.voornamen,
        "roepnaam": leerling.roepnaam,
        "tussenvoegsel": leerling.tussenvoegsel,
        "achternaam": leerling.achternaam,
        "postcode": leerling.postcode,
        "woongemeente": leerling.woongemeente_id,
        "versie": leerling.gewijzigd_op.isoformat(),
    }
    form = WijzigenForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        gegevens = dict(form.cleaned_data)
        versie = gegevens.pop("versie")
        try:
            leerling_wijzigen(
                actor=actor,
                leerling=leerling,
                versie=versie,
                wijzigingen=gegevens,
                route="leerlingen:wijzigen",
            )
        except Conflict:
            form.add_error(
                None,
                "Iemand anders heeft deze gegevens intussen gewijzigd. Uw wijziging is niet "
                "opgeslagen. Open de pagina opnieuw en voer uw wijziging nog eens in.",
            )
        except ValidationError as fout:
            for veld, meldingen in fout.message_dict.items():
                form.add_error(veld if veld in form.fields else None, meldingen)
        else:
            messages.success(request, "De gegevens zijn opgeslagen.")
            return redirect("leerlingen:detail", sleutel=leerling.sleutel)
    if request.method == "POST":
        toegang_vastleggen(
            actor=actor,
            actie=Actie.LEZEN,
            object_type="leerling",
            object_id=str(sleutel),
            leerling_sleutels=[sleutel],
            toegestaan=True,
            reden="wijziging niet opgeslagen; formulier opnieuw getoond",
            route="leerlingen:wijzigen",
        )
    return render(request, "leerlingen/wijzigen.html", {"form": form, "leerling": leerling})
