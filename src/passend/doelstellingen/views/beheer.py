"""Pages of preparing and running a survey wave: the list of waves, a new wave, its
questionnaires and items, opening and closing it, invitation codes and the response rates.

Thin views: one selector (``selectors.metingen``, which authorises and logs) or service
(``services.meting``, which authorises again on the locked row and logs the write) call,
then render. Every request writes exactly one access-log record: a GET through the
selector; a POST through the service when something is saved, else the view writes it
(``_niet_opgeslagen``). A stale form or a status that no longer allows the write is
refused with a message, and what was typed is kept.
"""

import csv
import io
from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import ChoiceField, Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from passend.accounts.actor import Actor, actor_of_403
from passend.core.csvbestand import csv_download, formule_afschermen
from passend.core.forms import fouten_naar_formulier
from passend.core.grafiek import Staaf, staafgrafiek
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.doelstellingen.forms.beheer import (
    ALLE_SCHOLEN,
    EEN_SCHOOL,
    MetingNieuwForm,
    MetingWijzigenForm,
    RevisieForm,
    SwvKiezenForm,
    UitnodigingenForm,
    VraagForm,
)
from passend.doelstellingen.models import Meting
from passend.doelstellingen.permissions import beleid
from passend.doelstellingen.rules import SCHOOLGROEPEN, Doelstelling, Metingstatus
from passend.doelstellingen.selectors.metingen import (
    MINDER_DAN_CODES,
    OBJECT_TYPE,
    Responsoverzicht,
    alle_swvs,
    lid_vestigingen,
    meting_voor_beheer,
    metingen_voor,
    respons,
    vragenlijsten_van,
)
from passend.doelstellingen.services import meting as diensten
from passend.doelstellingen.services.meting import Conflict

LIJST_GROOTTE = 25


def _niet_opgeslagen(actor: Actor, meting: Meting, route: str, reden: str) -> None:
    """The one record of a POST in which the service saved nothing."""
    toegang_vastleggen(
        actor=actor,
        actie=Actie.WIJZIGEN,
        object_type=OBJECT_TYPE,
        object_id=str(meting.pk),
        toegestaan=True,
        reden=f"niets opgeslagen: {reden}"[:300],
        route=route,
    )


def _fout_tonen(form: Form, fout: ValidationError | Conflict) -> None:
    if isinstance(fout, Conflict):
        form.add_error(None, fout.melding)
    else:
        fouten_naar_formulier(form, fout)


def _resultaten_url(meting: Meting) -> str:
    """The results page (another part of the app) of a wave."""
    return reverse("doelstellingen:resultaten", args=[meting.pk])


# --- The list and a new wave -----------------------------------------------------------


@login_required
def overzicht(request: HttpRequest) -> HttpResponse:
    actor = actor_of_403(request)
    metingen = metingen_voor(actor=actor, route=request.path)
    pagina = Paginator(metingen, LIJST_GROOTTE).get_page(request.GET.get("pagina"))
    rijen = [
        {
            "meting": meting,
            "beheren": beleid.mag(actor, "meting_beheren", meting),
            "resultaten": _resultaten_url(meting)
            if meting.status == Metingstatus.GESLOTEN
            and beleid.mag(actor, "resultaten_bekijken", meting)
            else None,
        }
        for meting in pagina
    ]
    return render(
        request,
        "doelstellingen/beheer/overzicht.html",
        {
            "pagina": pagina,
            "rijen": rijen,
            "mag_aanmaken": beleid.mag(actor, "meting_aanmaken"),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def meting_nieuw(request: HttpRequest) -> HttpResponse:
    actor = actor_of_403(request)
    log_actie = Actie.AANMAKEN if request.method == "POST" else Actie.LEZEN
    beleid.eis_rol(
        actor, "meting_aanmaken", log_actie=log_actie, object_type=OBJECT_TYPE, route=request.path
    )
    form = MetingNieuwForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meting = diensten.meting_aanmaken(
                actor=actor,
                jaar=form.cleaned_data["jaar"],
                naam=form.cleaned_data["naam"],
                open_van=form.cleaned_data["open_van"],
                open_tot=form.cleaned_data["open_tot"],
                is_nulmeting=form.cleaned_data["is_nulmeting"],
                groepen=form.cleaned_data["groepen"],
                route=request.path,
            )
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(request, "De meting staat klaar. Controleer de vragenlijsten.")
            return redirect("doelstellingen:meting", pk=meting.pk)
    return render(request, "doelstellingen/beheer/meting_nieuw.html", {"form": form})


# --- One wave ---------------------------------------------------------------------------


def _detail(
    request: HttpRequest, meting: Meting, *, fout: str | None = None, status: int = 200
) -> HttpResponse:
    vragenlijsten = vragenlijsten_van(meting)
    lijsten = [
        {
            "vragenlijst": lijst,
            "doelen": [
                {
                    "label": label,
                    "vragen": [v for v in lijst.vragen.all() if v.doelstelling == waarde],
                }
                for waarde, label in Doelstelling.choices
                if any(v.doelstelling == waarde for v in lijst.vragen.all())
            ],
            "aantal": len(lijst.vragen.all()),
        }
        for lijst in vragenlijsten
    ]
    return render(
        request,
        "doelstellingen/beheer/meting.html",
        {
            "meting": meting,
            "lijsten": lijsten,
            "fout": fout,
            "concept": meting.status == Metingstatus.CONCEPT,
            "open": meting.status == Metingstatus.OPEN,
            "resultaten": _resultaten_url(meting)
            if meting.status == Metingstatus.GESLOTEN
            else None,
        },
        status=status,
    )


@login_required
def meting(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of_403(request)
    gevonden = meting_voor_beheer(actor=actor, pk=pk, route=request.path)
    return _detail(request, gevonden)


@login_required
@require_http_methods(["GET", "POST"])
def meting_wijzigen(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of_403(request)
    schrijven = request.method == "POST"
    gevonden = meting_voor_beheer(actor=actor, pk=pk, route=request.path, vastleggen=not schrijven)
    if not schrijven:
        form = MetingWijzigenForm(
            initial={
                "naam": gevonden.naam,
                "open_van": gevonden.open_van,
                "open_tot": gevonden.open_tot,
                "is_nulmeting": gevonden.is_nulmeting,
                "revisie": gevonden.revisie,
            }
        )
    else:
        form = MetingWijzigenForm(request.POST)
        if form.is_valid():
            try:
                diensten.meting_wijzigen(
                    actor=actor,
                    meting=gevonden,
                    revisie=form.cleaned_data["revisie"],
                    naam=form.cleaned_data["naam"],
                    open_van=form.cleaned_data["open_van"],
                    open_tot=form.cleaned_data["open_tot"],
                    is_nulmeting=form.cleaned_data["is_nulmeting"],
                    route=request.path,
                )
            except (ValidationError, Conflict) as fout:
                _fout_tonen(form, fout)
            else:
                messages.success(request, "De meting is gewijzigd.")
                return redirect("doelstellingen:meting", pk=gevonden.pk)
        _niet_opgeslagen(actor, gevonden, request.path, "meting wijzigen")
    return render(
        request, "doelstellingen/beheer/meting_wijzigen.html", {"meting": gevonden, "form": form}
    )


def _groepkeuzes(meting: Meting) -> list[tuple[str, str]]:
    return [
        (lijst.respondentgroep, lijst.get_respondentgroep_display())
        for lijst in meting.vragenlijsten.order_by("pk")
    ]


@login_required
@require_http_methods(["GET", "POST"])
def vraag_toevoegen(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of_403(request)
    schrijven = request.method == "POST"
    gevonden = meting_voor_beheer(actor=actor, pk=pk, route=request.path, vastleggen=not schrijven)
    groepen = _groepkeuzes(gevonden)
    if not schrijven:
        form = VraagForm(initial={"revisie": gevonden.revisie}, groepen=groepen)
    else:
        form = VraagForm(request.POST, groepen=groepen)
        if form.is_valid():
            try:
                diensten.vraag_toevoegen(
                    actor=actor,
                    meting=gevonden,
                    revisie=form.cleaned_data["revisie"],
                    respondentgroep=form.cleaned_data["respondentgroep"],
                    code=form.cleaned_data["code"],
                    doelstelling=form.cleaned_data["doelstelling"],
                    tekst=form.cleaned_data["tekst"],
                    schaal=form.cleaned_data["schaal"],
                    route=request.path,
                )
            except (ValidationError, Conflict) as fout:
                _fout_tonen(form, fout)
            else:
                messages.success(request, "De vraag is toegevoegd.")
                return redirect("doelstellingen:meting", pk=gevonden.pk)
        _niet_opgeslagen(actor, gevonden, request.path, "vraag toevoegen")
    return render(
        request,
        "doelstellingen/beheer/vraag_toevoegen.html",
        {"meting": gevonden, "form": form, "concept": gevonden.status == Metingstatus.CONCEPT},
    )


def _actie_met_revisie(
    request: HttpRequest, pk: int, *, uitvoeren: Any, gelukt: str, omschrijving: str
) -> HttpResponse:
    """A POST button on the wave's page (open, close, remove an item): on success back to
    the page with a message; else the page again with the reason (200)."""
    actor = actor_of_403(request)
    gevonden = meting_voor_beheer(actor=actor, pk=pk, route=request.path, vastleggen=False)
    form = RevisieForm(request.POST)
    fout: str
    if form.is_valid():
        try:
            uitvoeren(actor, gevonden, form.cleaned_data["revisie"])
        except Conflict as conflict:
            fout = conflict.melding
        except ValidationError as ongeldig:
            fout = " ".join(ongeldig.messages)
        else:
            messages.success(request, gelukt)
            return redirect("doelstellingen:meting", pk=gevonden.pk)
    else:
        fout = "De pagina was niet volledig. Laad de pagina opnieuw en probeer het nog eens."
    _niet_opgeslagen(actor, gevonden, request.path, omschrijving)
    gevonden.refresh_from_db()
    return _detail(request, gevonden, fout=fout)


@login_required
@require_POST
def vraag_verwijderen(request: HttpRequest, pk: int, vraag_pk: int) -> HttpResponse:
    return _actie_met_revisie(
        request,
        pk,
        uitvoeren=lambda actor, m, revisie: diensten.vraag_verwijderen(
            actor=actor, meting=m, vraag_id=vraag_pk, revisie=revisie, route=request.path
        ),
        gelukt="De vraag is verwijderd.",
        omschrijving="vraag verwijderen",
    )


@login_required
@require_POST
def meting_openen(request: HttpRequest, pk: int) -> HttpResponse:
    return _actie_met_revisie(
        request,
        pk,
        uitvoeren=lambda actor, m, revisie: diensten.meting_openen(
            actor=actor, meting=m, revisie=revisie, route=request.path
        ),
        gelukt="De meting is geopend: de codes kunnen nu gebruikt worden.",
        omschrijving="meting openen",
    )


@login_required
@require_POST
def meting_sluiten(request: HttpRequest, pk: int) -> HttpResponse:
    return _actie_met_revisie(
        request,
        pk,
        uitvoeren=lambda actor, m, revisie: diensten.meting_sluiten(
            actor=actor, meting=m, revisie=revisie, route=request.path
        ),
        gelukt="De meting is gesloten: er kunnen geen antwoorden meer bij.",
        omschrijving="meting sluiten",
    )


# --- Invitation codes -------------------------------------------------------------------


def _gekozen_swv(request: HttpRequest, keuzes: list[tuple[int, str]]) -> int | None:
    """A national wave: the SWV chosen in the first step (GET) or kept in the form (POST),
    when it is one of the list."""
    bron = request.POST if request.method == "POST" else request.GET
    waarde = bron.get("samenwerkingsverband", "")
    if not waarde.isdigit() or int(waarde) not in dict(keuzes):
        return None
    return int(waarde)


def _uitnodigingen_form(
    request: HttpRequest, meting: Meting
) -> tuple[UitnodigingenForm | None, SwvKiezenForm | None, str]:
    """The codes form; for a national wave first the SWV (a list of SWVs), then the form with
    only that SWV's schools. Returns the codes form (None until an SWV is chosen), the SWV
    form (national waves) and the chosen SWV's name."""
    data = request.POST if request.method == "POST" else None
    swv_id = meting.samenwerkingsverband_id
    swvs: list[tuple[int, str]] | None = None
    kiezen: SwvKiezenForm | None = None
    swv_naam = ""
    if swv_id is None:
        swvs = [(int(s.pk), f"{s.naam} ({s.code})") for s in alle_swvs()]
        swv_id = _gekozen_swv(request, swvs)
        kiezen = SwvKiezenForm(
            request.GET if "samenwerkingsverband" in request.GET else None,
            initial={"samenwerkingsverband": swv_id},
            swvs=list(swvs),
        )
        if swv_id is None:
            return None, kiezen, ""
        swv_naam = dict(swvs)[swv_id]
    vestigingen = lid_vestigingen(swv_id)
    form = UitnodigingenForm(
        data,
        initial={"samenwerkingsverband": swv_id, "bereik": EEN_SCHOOL},
        groepen=_groepkeuzes(meting),
        vestigingen=[(int(v.pk), f"{v.naam} ({v.vestigingscode})") for v in vestigingen],
        swvs=None if swvs is None else list(swvs),
    )
    return form, kiezen, swv_naam


def _keuzelabel(form: Form, veld: str, waarde: Any) -> str:
    keuzes = cast(list[tuple[Any, str]], cast(ChoiceField, form.fields[veld]).choices)
    return str(dict(keuzes).get(waarde, ""))


def _codes_csv(rijen: list[tuple[str, str, str]], meting: Meting) -> HttpResponse:
    """The codes as CSV (``;``, BOM, formula guard): code, address, group, school, wave."""
    adres = reverse("vragenlijst:start")
    buffer = io.StringIO()
    schrijver = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    schrijver.writerow(["code", "adres", "groep", "school", "meting"])
    for school, groep, code in rijen:
        schrijver.writerow(
            [
                code,
                adres,
                formule_afschermen(groep),
                formule_afschermen(school),
                formule_afschermen(meting.naam),
            ]
        )
    return csv_download(buffer.getvalue(), f"uitnodigingscodes-meting-{meting.pk}.csv")


def _per_eenheid(rijen: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    """The rows grouped per school (or SWV) for the printable page, in their order."""
    blokken: list[dict[str, Any]] = []
    for school, groep, code in rijen:
        if not blokken or blokken[-1]["school"] != school or blokken[-1]["groep"] != groep:
            blokken.append({"school": school, "groep": groep, "codes": []})
        blokken[-1]["codes"].append(code)
    return blokken


def _codes_maken(
    request: HttpRequest, actor: Actor, meting: Meting, form: UitnodigingenForm
) -> list[tuple[str, str, str]]:
    """The service call of the form: one school (or the SWV) or every school of the SWV."""
    gegevens = form.cleaned_data
    groep = gegevens["respondentgroep"]
    if gegevens["bereik"] == ALLE_SCHOLEN:
        return diensten.uitnodigingen_in_bulk(
            actor=actor,
            meting=meting,
            respondentgroep=groep,
            samenwerkingsverband_id=gegevens.get("samenwerkingsverband"),
            aantal_per_school=gegevens["aantal"],
            route=request.path,
        )
    codes = diensten.uitnodigingen_aanmaken(
        actor=actor,
        meting=meting,
        respondentgroep=groep,
        vestiging_id=gegevens["vestiging"],
        samenwerkingsverband_id=gegevens.get("samenwerkingsverband"),
        aantal=gegevens["aantal"],
        route=request.path,
    )
    label = _keuzelabel(form, "respondentgroep", groep)
    school = _keuzelabel(form, "vestiging", gegevens["vestiging"]) if groep in SCHOOLGROEPEN else ""
    return [(school, label, code) for code in codes]


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def uitnodigingen(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of_403(request)
    schrijven = request.method == "POST"
    gevonden = meting_voor_beheer(actor=actor, pk=pk, route=request.path, vastleggen=not schrijven)
    form, kiezen, swv_naam = _uitnodigingen_form(request, gevonden)
    melding = None
    if schrijven:
        if form is None:
            melding = "Kies eerst het samenwerkingsverband."
        elif form.is_valid():
            try:
                rijen = _codes_maken(request, actor, gevonden, form)
            except (ValidationError, Conflict) as fout_:
                _fout_tonen(form, fout_)
            else:
                if "als_csv" in request.POST:
                    return _codes_csv(rijen, gevonden)
                return render(
                    request,
                    "doelstellingen/beheer/codes.html",
                    {
                        "meting": gevonden,
                        "codes": [code for _, _, code in rijen],
                        "blokken": _per_eenheid(rijen),
                        "adres": request.build_absolute_uri(reverse("vragenlijst:start")),
                    },
                )
        _niet_opgeslagen(actor, gevonden, request.path, "uitnodigingscodes maken")
    return render(
        request,
        "doelstellingen/beheer/uitnodigingen.html",
        {
            "meting": gevonden,
            "form": form,
            "kiezen": kiezen,
            "swv_naam": swv_naam,
            "melding": melding,
            "gesloten": gevonden.status == Metingstatus.GESLOTEN,
        },
    )


# --- Response rates ---------------------------------------------------------------------


def _grafiek(overzicht: Responsoverzicht) -> Any:
    # A group without codes has no response rate (not 0 %): it is left out of the chart and
    # named under it.
    staven = [
        Staaf(naam=str(groep.label), waarden=(round(groep.percentage),))
        for groep in overzicht.groepen
        if groep.percentage is not None
    ]
    if not staven:
        return None
    return staafgrafiek(
        staven=staven,
        reeksnamen=["Respons in procenten"],
        maximum=100,
        titel="Respons per groep (procent van de uitgedeelde codes)",
        omschrijving="Per groep respondenten het deel van de uitgedeelde codes dat is "
        "gebruikt, in procenten. Dezelfde cijfers staan in de tabellen hieronder.",
        sleutel="respons",
    )


@login_required
def respons_bekijken(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of_403(request)
    gevonden = meting_voor_beheer(actor=actor, pk=pk, route=request.path, actie="respons_bekijken")
    overzicht = respons(gevonden)
    return render(
        request,
        "doelstellingen/beheer/respons.html",
        {
            "meting": gevonden,
            "overzicht": overzicht,
            "grafiek": _grafiek(overzicht),
            "zonder_codes": [g.label for g in overzicht.groepen if g.percentage is None],
            "minder_dan_codes": MINDER_DAN_CODES,
        },
    )
