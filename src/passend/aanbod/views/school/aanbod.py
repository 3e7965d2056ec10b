"""The school's overview and one location's offer: reading the concept and the published
version, starting a concept (never on a GET), editing it (a stale form is refused with the
current version shown) and publishing it (the schoolleider)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from passend.aanbod.forms import AanbodForm, PublicerenForm
from passend.aanbod.models import Aanbod
from passend.aanbod.permissions import beleid
from passend.aanbod.rules import Faciliteit, Status, wachtlijst_past_bij_soort
from passend.aanbod.selectors.catalogus import actieve_gebieden
from passend.aanbod.selectors.school import (
    aanbod_versies,
    beschreven_schooljaren,
    concept_van,
    overzichtsrij,
    schooljaar_of_404,
    schoolvestigingen,
    vestiging_voor_inzien,
    ziet_schooloverzicht,
)
from passend.aanbod.services import aanbod as aanbod_services
from passend.aanbod.services.basis import Conflict
from passend.aanbod.views.school.basis import (
    PAGINA_GROOTTE,
    naar_vestiging,
    rol_actor,
    schrijfbaar,
    te_beschrijven,
    toon_pagina,
)
from passend.accounts.actor import actor_of_403
from passend.core.forms import fouten_naar_formulier
from passend.core.permissions import Geweigerd

# --- The overview ------------------------------------------------------------------------


@login_required
def overzicht(request: HttpRequest) -> HttpResponse:
    """The school's locations (or the board's schools' locations) and the state of their
    offer for the running and the next school year."""
    actor = actor_of_403(request)
    if not ziet_schooloverzicht(actor):
        raise Geweigerd("het samenwerkingsverband heeft eigen pagina's over het aanbod")
    jaren = te_beschrijven()
    pagina = Paginator(schoolvestigingen(actor=actor, schooljaren=jaren), PAGINA_GROOTTE).get_page(
        request.GET.get("pagina")
    )
    rijen = [overzichtsrij(v, jaren) for v in pagina]
    return toon_pagina(
        request,
        actor,
        "aanbod/school/overzicht.html",
        {
            "rijen": rijen,
            "pagina": pagina,
            "schooljaren": jaren,
            "met_wachtlijst": any(rij["met_wachtlijst"] for rij in rijen),
            "mag_beschrijven": beleid.mag(actor, "aanbod_beschrijven"),
        },
    )


# --- One location's offer ----------------------------------------------------------------


@login_required
def vestiging(request: HttpRequest, vestigingscode: str, schooljaar: str) -> HttpResponse:
    """The concept and the published version of a school year, as two tabs."""
    actor = rol_actor(request, "aanbod_inzien")
    locatie = vestiging_voor_inzien(actor=actor, vestigingscode=vestigingscode)
    schooljaar_of_404(schooljaar)
    versies = aanbod_versies(vestiging=locatie, schooljaar=schooljaar)
    concept, gepubliceerd = versies.get(Status.CONCEPT), versies.get(Status.GEPUBLICEERD)
    toon = request.GET.get("toon", "")
    if toon not in ("concept", "gepubliceerd") or versies.get(toon) is None:
        toon = "concept" if concept is not None else "gepubliceerd"
    beschrijfbaar = schooljaar in te_beschrijven()
    jaren = sorted({*beschreven_schooljaren(vestiging=locatie), *te_beschrijven()})
    return toon_pagina(
        request,
        actor,
        "aanbod/school/vestiging.html",
        {
            "vestiging": locatie,
            "schooljaar": schooljaar,
            "schooljaren": jaren,
            "concept": concept,
            "gepubliceerd": gepubliceerd,
            "toon": toon,
            "getoond": versies.get(toon),
            "met_capaciteit": wachtlijst_past_bij_soort(locatie.soort),
            "ontbrekend": aanbod_services.normgebieden_ontbreken(concept) if concept else [],
            "mag_beschrijven": beschrijfbaar
            and beleid.mag(actor, "vestiging_beschrijven", locatie),
            "mag_publiceren": beschrijfbaar
            and concept is not None
            and beleid.mag(actor, "vestiging_publiceren", locatie),
            "publiceren_form": PublicerenForm(initial={"revisie": concept.revisie})
            if concept
            else None,
        },
    )


@login_required
@require_POST
def beschrijven(request: HttpRequest, vestigingscode: str, schooljaar: str) -> HttpResponse:
    """Start (or continue) the concept of a school year: a copy of the newest published
    version, or empty. Never on a GET."""
    actor, locatie = schrijfbaar(
        request, "aanbod_beschrijven", "vestiging_beschrijven", vestigingscode, schooljaar
    )
    aanbod_services.concept_aanbod(actor=actor, vestiging=locatie, schooljaar=schooljaar)
    return redirect("aanbod:bewerken", locatie.vestigingscode, schooljaar)


def _ingevuld(form: AanbodForm) -> list[tuple[str, str]]:
    """What the person filled in on a form that could not be saved (to copy from): the
    texts, the ticked facilities and the numbers of places."""
    regels: list[tuple[str, str]] = []
    gegevens = form.cleaned_data
    labels = dict(Faciliteit.choices)
    if gegevens.get("toelichting"):
        regels.append(("Inleiding", gegevens["toelichting"]))
    if gegevens.get("contact"):
        regels.append(("Contact", gegevens["contact"]))
    for gebied in form.gebieden:
        for veld, wat in (
            ("basis", "basisondersteuning"),
            ("extra", "extra"),
            ("expertise", "expertise"),
        ):
            if gegevens.get(f"{veld}_{gebied.code}"):
                regels.append((f"{gebied.naam}: {wat}", gegevens[f"{veld}_{gebied.code}"]))
        faciliteiten = gegevens.get(f"faciliteiten_{gebied.code}") or []
        if faciliteiten:
            regels.append(
                (
                    f"{gebied.naam}: wat er op school is",
                    ", ".join(str(labels.get(code, code)) for code in faciliteiten),
                )
            )
        if gegevens.get(f"capaciteit_{gebied.code}") is not None:
            regels.append(
                (f"{gebied.naam}: aantal plaatsen", str(gegevens[f"capaciteit_{gebied.code}"]))
            )
    return regels


@login_required
def bewerken(request: HttpRequest, vestigingscode: str, schooljaar: str) -> HttpResponse:
    """Edit the concept: one fieldset per active area. A stale form is refused with the
    current version shown (nothing is overwritten)."""
    actor, locatie = schrijfbaar(
        request, "aanbod_beschrijven", "vestiging_beschrijven", vestigingscode, schooljaar
    )
    concept = concept_van(vestiging=locatie, schooljaar=schooljaar)
    if concept is None:
        messages.info(
            request, "Er is voor dit schooljaar nog geen concept. Kies eerst 'Aanbod beschrijven'."
        )
        return naar_vestiging(locatie, schooljaar)
    gebieden = list(actieve_gebieden())
    met_capaciteit = wachtlijst_past_bij_soort(locatie.soort)

    def formulier(data: Any = None, aanbod: Aanbod | None = None) -> AanbodForm:
        beginwaarden = AanbodForm.beginwaarden(aanbod) if aanbod is not None else None
        return AanbodForm(
            data, initial=beginwaarden, gebieden=gebieden, met_capaciteit=met_capaciteit
        )

    conflict, ingevuld = "", []
    if request.method == "POST":
        form = formulier(request.POST)
        if form.is_valid():
            try:
                aanbod_services.aanbod_opslaan(
                    actor=actor,
                    aanbod=concept,
                    revisie=form.cleaned_data["revisie"],
                    toelichting=form.cleaned_data["toelichting"],
                    contact=form.cleaned_data["contact"],
                    gebieden=form.gebiedsinvoer(),
                )
            except Conflict as fout:
                if fout.code == "niet_concept":
                    messages.error(request, fout.melding)
                    return naar_vestiging(locatie, schooljaar)
                conflict, ingevuld = fout.melding, _ingevuld(form)
                concept = concept_van(vestiging=locatie, schooljaar=schooljaar) or concept
                form = formulier(aanbod=concept)
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(
                    request,
                    "Het concept is opgeslagen. Ouders zien het pas als de schoolleider het "
                    "publiceert.",
                )
                return naar_vestiging(locatie, schooljaar, "concept")
    else:
        form = formulier(aanbod=concept)
    return toon_pagina(
        request,
        actor,
        "aanbod/school/bewerken.html",
        {
            "vestiging": locatie,
            "schooljaar": schooljaar,
            "concept": concept,
            "form": form,
            "conflict": conflict,
            "ingevuld": ingevuld,
        },
    )


@login_required
@require_POST
def publiceren(request: HttpRequest, vestigingscode: str, schooljaar: str) -> HttpResponse:
    """The schoolleider publishes the concept as it was shown (its revision)."""
    actor, locatie = schrijfbaar(
        request, "aanbod_publiceren", "vestiging_publiceren", vestigingscode, schooljaar
    )
    concept = Aanbod.objects.filter(
        vestiging=locatie, schooljaar=schooljaar, status=Status.CONCEPT
    ).first()
    form = PublicerenForm(request.POST)
    if concept is None:
        messages.error(request, "Er is geen concept om te publiceren.")
    elif not form.is_valid():
        for melding in form.non_field_errors():
            messages.error(request, str(melding))
    else:
        try:
            aanbod = aanbod_services.aanbod_publiceren(
                actor=actor, aanbod=concept, revisie=form.cleaned_data["revisie"]
            )
        except Conflict as fout:
            messages.error(request, fout.melding)
        except ValidationError as fout:
            for melding in fout.messages:
                messages.error(request, f"Het aanbod is niet gepubliceerd. {melding}")
        else:
            messages.success(request, _gepubliceerd_melding(aanbod))
            return naar_vestiging(locatie, schooljaar, "gepubliceerd")
    return naar_vestiging(locatie, schooljaar, "concept")


def _gepubliceerd_melding(aanbod: Aanbod) -> str:
    melding = f"Het aanbod voor schooljaar {aanbod.schooljaar} is gepubliceerd."
    if aanbod.openbaar:
        return melding + " Ouders zien het nu in de gids."
    return melding + " In de gids zien ouders het aanbod van een later schooljaar."
