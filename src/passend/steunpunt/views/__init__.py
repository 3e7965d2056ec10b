"""The steunpunt's pages: contacts (the steunpunt worker), the signals report (worker and
the SWV's directeur), consent (parents) and the public list of every steunpunt.

Access log, decided per page:
- a role that may never use a page gets a logged 403 (``eis_rol``);
- reading a contact linked to a child writes one record, with the pupil's key only while the
  consent runs (after a withdrawal the child is not shown); an anonymous contact holds no
  pupil data and writes none; another SWV's contact is a logged 404;
- a form that lists the children with consent (new/changed contact) is a read of those
  children: one record with their keys; a successful write is logged by the service;
- the parent's consent page names their children: one record with their keys;
- the signals report and the public list read no pupil data and write none.
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
from django.views.decorators.http import require_GET, require_http_methods

from passend.accounts.actor import Actor, actor_of_403
from passend.core.forms import fouten_naar_formulier
from passend.core.kalender import schooljaar_grenzen, schooljaar_van
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Leerling
from passend.steunpunt.forms import ContactForm, PeriodeForm, ToestemmingForm
from passend.steunpunt.models import Contact
from passend.steunpunt.pdf import signalen_bestandsnaam, signalen_pdf
from passend.steunpunt.permissions import beleid
from passend.steunpunt.rules import periode_fouten
from passend.steunpunt.selectors.contacten import (
    OBJECT_TYPE,
    PER_PAGINA,
    contact_voor_actor,
    contact_voor_schrijven,
    contacten_zichtbaar_voor,
    school_van,
)
from passend.steunpunt.selectors.signalen import Signalenrapport, signalenrapport
from passend.steunpunt.selectors.toestemming import (
    eigen_kind,
    koppelbare_kinderen,
    toestemmingen_van_ouder,
)
from passend.steunpunt.services import (
    Conflict,
    Contactinvoer,
    contact_vastleggen,
    contact_wijzigen,
    toestemming_geven,
    toestemming_intrekken,
)
from passend.steunpunt.services.toestemming import OBJECT_TYPE as TOESTEMMING_TYPE
from passend.steunpunt.views.grafiek import grafieken
from passend.steunpunt.views.openbaar import overzicht as overzicht

MENU = (
    ("Contacten", "steunpunt:contacten", "rol:contacten"),
    ("Contact vastleggen", "steunpunt:contact-nieuw", "rol:contacten"),
    ("Signalen voor het bestuur", "steunpunt:signalen", "rol:signalen"),
)


def eis_rol(request: HttpRequest, actie: str, route: str, object_type: str = OBJECT_TYPE) -> Actor:
    """The actor, if their role may ever do this; else a logged refusal (403)."""
    actor = actor_of_403(request)
    beleid.eis_rol(
        actor,
        actie,
        log_actie=Actie.WIJZIGEN if request.method == "POST" else Actie.LEZEN,
        object_type=object_type,
        route=route,
    )
    return actor


def _pagina(
    request: HttpRequest, actor: Actor, sjabloon: str, menupunt: str, **context: Any
) -> HttpResponse:
    menu = [
        {"label": label, "route": route, "huidig": route == menupunt}
        for label, route, actie in MENU
        if beleid.mag(actor, actie)
    ]
    return render(
        request, sjabloon, {"menu": menu, "swv": actor.rol.samenwerkingsverband, **context}
    )


def _lees_vastleggen(
    actor: Actor,
    sleutels: list[UUID],
    reden: str,
    route: str,
    object_type: str,
    object_id: str = "",
) -> None:
    if sleutels:
        toegang_vastleggen(
            actor=actor,
            actie=Actie.LEZEN,
            object_type=object_type,
            object_id=object_id,
            leerling_sleutels=sleutels,
            toegestaan=True,
            reden=reden,
            route=route,
        )


def _invoer(form: ContactForm) -> Contactinvoer:
    d = form.cleaned_data
    return Contactinvoer(
        datum=d["datum"],
        kanaal=d["kanaal"],
        wie=d["wie"],
        themas=list(d["themas"]),
        samenvatting=d["samenvatting"],
        signaal=d["signaal"],
        doorverwijzing=d["doorverwijzing"],
        leerling_id=form.leerling_id(),
    )


# --- Contacts ------------------------------------------------------------------------------


@login_required
@require_GET
def contacten(request: HttpRequest) -> HttpResponse:
    """The SWV's contacts, newest first (no pupil names: no access-log record)."""
    actor = eis_rol(request, "contacten", "steunpunt:contacten")
    pagina = Paginator(contacten_zichtbaar_voor(actor=actor), PER_PAGINA).get_page(
        request.GET.get("pagina")
    )
    return _pagina(
        request,
        actor,
        "steunpunt/contacten.html",
        "steunpunt:contacten",
        pagina=pagina,
        querystring="",
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact_nieuw(request: HttpRequest) -> HttpResponse:
    route = "steunpunt:contact-nieuw"
    actor = eis_rol(request, "contacten", route)
    kinderen = koppelbare_kinderen(samenwerkingsverband_id=actor.rol.samenwerkingsverband_id)
    form = ContactForm(
        request.POST if request.method == "POST" else None,
        kinderen=kinderen,
        initial={"datum": timezone.localdate()},
    )
    if form.is_bound and form.is_valid():
        try:
            contact = contact_vastleggen(
                actor=actor, invoer=_invoer(form), vandaag=timezone.localdate(), route=route
            )
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(request, "Het contact is vastgelegd.")
            return redirect("steunpunt:contact", sleutel=contact.sleutel)
    _lees_vastleggen(
        actor,
        [k.sleutel for k in kinderen],
        "kinderen met toestemming voor het steunpunt",
        route,
        OBJECT_TYPE,
    )
    return _pagina(
        request,
        actor,
        "steunpunt/contact_formulier.html",
        route,
        form=form,
        contact=None,
        huidig=None,
    )


@login_required
@require_GET
def contact(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    route = "steunpunt:contact"
    actor = eis_rol(request, "contact_bekijken", route)
    gevonden = contact_voor_actor(
        actor=actor,
        sleutel=sleutel,
        actie="contact_bekijken",
        doel="contact van het steunpunt lezen",
        route=route,
    )
    return _pagina(
        request,
        actor,
        "steunpunt/contact.html",
        "steunpunt:contacten",
        contact=gevonden,
        school=school_van(gevonden) if gevonden.kind_zichtbaar else "",
    )


def _beginwaarden(contact: Contact, kinderen: list[Leerling]) -> dict[str, Any]:
    koppelbaar = contact.kind_zichtbaar and any(k.pk == contact.leerling_id for k in kinderen)
    return {
        "revisie": contact.revisie,
        "datum": contact.datum,
        "kanaal": contact.kanaal,
        "wie": contact.wie,
        "themas": [t.thema for t in contact.themas.all()],
        "leerling": str(contact.leerling_id) if koppelbaar else "",
        "samenvatting": contact.samenvatting,
        "signaal": contact.signaal,
        "doorverwijzing": contact.doorverwijzing,
    }


@login_required
@require_http_methods(["GET", "POST"])
def contact_wijzigen_view(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    route = "steunpunt:contact-wijzigen"
    actor = eis_rol(request, "contact_wijzigen", route)
    gevonden = contact_voor_schrijven(
        actor=actor, sleutel=sleutel, doel="contact van het steunpunt wijzigen", route=route
    )
    kinderen = koppelbare_kinderen(samenwerkingsverband_id=actor.rol.samenwerkingsverband_id)
    huidig = None
    if request.method == "POST":
        form = ContactForm(request.POST, kinderen=kinderen)
        if form.is_valid():
            if form.cleaned_data["revisie"] is None:
                form.add_error(None, "Open het formulier opnieuw: de versie ontbreekt.")
            else:
                try:
                    contact_wijzigen(
                        actor=actor,
                        contact=gevonden,
                        revisie=form.cleaned_data["revisie"],
                        invoer=_invoer(form),
                        vandaag=timezone.localdate(),
                        route=route,
                    )
                except Conflict as conflict:
                    huidig = contact_voor_schrijven(
                        actor=actor, sleutel=sleutel, doel="contact wijzigen", route=route
                    )
                    gegevens = request.POST.copy()
                    gegevens["revisie"] = str(huidig.revisie)
                    form = ContactForm(gegevens, kinderen=kinderen)
                    form.is_valid()
                    form.add_error(None, conflict.melding)
                except ValidationError as fout:
                    fouten_naar_formulier(form, fout)
                else:
                    messages.success(request, "De wijziging is opgeslagen.")
                    return redirect("steunpunt:contact", sleutel=sleutel)
    else:
        form = ContactForm(initial=_beginwaarden(gevonden, kinderen), kinderen=kinderen)
    sleutels = [k.sleutel for k in kinderen]
    # The linked child is shown (as the chosen option) only while the consent runs.
    if (
        gevonden.leerling is not None
        and gevonden.kind_zichtbaar
        and gevonden.leerling.sleutel not in sleutels
    ):
        sleutels.append(gevonden.leerling.sleutel)
    _lees_vastleggen(
        actor, sleutels, "contact van het steunpunt wijzigen", route, OBJECT_TYPE, str(sleutel)
    )
    return _pagina(
        request,
        actor,
        "steunpunt/contact_formulier.html",
        "steunpunt:contacten",
        form=form,
        contact=gevonden,
        huidig=huidig,
    )


# --- The signals report ----------------------------------------------------------------------


def _rapport(request: HttpRequest, actor: Actor) -> tuple[PeriodeForm, Signalenrapport | None]:
    standaard = schooljaar_grenzen(schooljaar_van(timezone.localdate()))
    form = PeriodeForm(request.GET if "van" in request.GET else None, standaard=standaard)
    van, tot = standaard
    if form.is_bound:
        if not form.is_valid():
            return form, None
        van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
        fouten = periode_fouten(van, tot)
        if fouten:
            fouten_naar_formulier(form, ValidationError(fouten))
            return form, None
    swv = actor.rol.samenwerkingsverband
    if swv is None:
        raise Geweigerd("geen samenwerkingsverband bij deze rol")
    return form, signalenrapport(samenwerkingsverband=swv, van=van, tot=tot)


@login_required
@require_GET
def signalen(request: HttpRequest) -> HttpResponse:
    actor = eis_rol(request, "signalen", "steunpunt:signalen", object_type="steunpuntsignalen")
    form, rapport = _rapport(request, actor)
    return _pagina(
        request,
        actor,
        "steunpunt/signalen.html",
        "steunpunt:signalen",
        form=form,
        rapport=rapport,
        grafieken=grafieken(rapport) if rapport else None,
        querystring=request.GET.urlencode(),
    )


@login_required
@require_GET
def signalen_pdf_view(request: HttpRequest) -> HttpResponse:
    actor = eis_rol(request, "signalen", "steunpunt:signalen-pdf", object_type="steunpuntsignalen")
    _form, rapport = _rapport(request, actor)
    if rapport is None:
        messages.error(request, "Kies eerst een geldige periode.")
        return redirect("steunpunt:signalen")
    antwoord = HttpResponse(signalen_pdf(rapport), content_type="application/pdf")
    antwoord["Content-Disposition"] = f'attachment; filename="{signalen_bestandsnaam(rapport)}"'
    return antwoord


# --- Consent (parents) --------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def toestemming(request: HttpRequest) -> HttpResponse:
    route = "steunpunt:toestemming"
    actor = eis_rol(request, "toestemming", route, object_type=TOESTEMMING_TYPE)
    vandaag = timezone.localdate()
    form = ToestemmingForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            if form.cleaned_data["actie"] == "geven":
                leerling = eigen_kind(actor=actor, leerling_id=form.cleaned_data["leerling_id"])
                if leerling is None:
                    raise ValidationError({"kind": "Kies een van uw eigen kinderen."})
                toestemming_geven(
                    actor=actor,
                    leerling=leerling,
                    samenwerkingsverband_id=form.cleaned_data["swv_id"],
                    vandaag=vandaag,
                    route=route,
                )
                melding = (
                    "U gaf toestemming. Het steunpunt kan uw gesprekken nu aan uw kind koppelen."
                )
            else:
                toestemming_intrekken(
                    actor=actor,
                    toestemming_id=form.cleaned_data["toestemming"],
                    vandaag=vandaag,
                    route=route,
                )
                melding = "U trok uw toestemming in. Het steunpunt ziet de gegevens van uw kind niet meer."
        except Conflict as conflict:
            form.add_error(None, conflict.melding)
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(request, melding)
            return redirect(route)
    kinderen = toestemmingen_van_ouder(actor=actor, peildatum=vandaag)
    _lees_vastleggen(
        actor,
        [k.leerling.sleutel for k in kinderen],
        "toestemming voor het steunpunt bekijken",
        route,
        TOESTEMMING_TYPE,
    )
    return render(request, "steunpunt/toestemming.html", {"form": form, "kinderen": kinderen})


__all__ = [
    "contact",
    "contact_nieuw",
    "contact_wijzigen_view",
    "contacten",
    "overzicht",
    "signalen",
    "signalen_pdf_view",
    "toestemming",
]
