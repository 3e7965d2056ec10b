"""Reading and reporting verzuim cases: the list, one case, and the two report forms."""

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

from passend.accounts.rules import Rolsoort
from passend.core.forms import fouten_naar_formulier
from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.models import Leerling
from passend.leerlingen.permissions import beleid as leerlingbeleid
from passend.leerlingen.selectors import leerling_voor_actor
from passend.organisaties.models import Gemeente
from passend.verzuim import rules
from passend.verzuim.forms import MeldenForm, NieuwKindForm
from passend.verzuim.permissions import SCHOOL, WEIGERREDENEN
from passend.verzuim.rules import Verzuimsoort
from passend.verzuim.selectors import melding_voor_actor
from passend.verzuim.selectors.zaken import gemeentemedewerkers
from passend.verzuim.selectors.zaken import overzicht as overzicht_van
from passend.verzuim.services import melding_maken
from passend.verzuim.views.basis import afgeleid, eis_rol, mag, naar_melding

PAGINA_GROOTTE = 50
STATUSSEN = (("open", "Lopend"), ("beeindigd", "Beëindigd"), ("alle", "Alle"))


@login_required
@require_GET
def overzicht(request: HttpRequest) -> HttpResponse:
    """The cases the actor may see, with what Passend derives today."""
    route = "verzuim:overzicht"
    actor = eis_rol(request, "lijst", route, object_type="verzuim-overzicht")
    status = request.GET.get("status", "open")
    if status not in dict(STATUSSEN):
        status = "open"
    thuiszitters = request.GET.get("thuiszitters") == "1"
    vandaag = timezone.localdate()
    pagina = Paginator(
        overzicht_van(
            actor=actor,
            status="" if status == "alle" else status,
            alleen_thuiszitters=thuiszitters,
            peildatum=vandaag,
        ),
        PAGINA_GROOTTE,
    ).get_page(request.GET.get("pagina"))
    toegang_vastleggen(
        actor=actor,
        actie=Actie.ZOEKEN,
        object_type="verzuim-overzicht",
        leerling_sleutels=[melding.leerling.sleutel for melding in pagina],
        toegestaan=True,
        reden="overzicht van verzuimmeldingen bekijken",
        route=route,
    )
    rijen = [{"melding": m, **afgeleid(m, vandaag)} for m in pagina]
    querystring = f"status={status}" + ("&thuiszitters=1" if thuiszitters else "")
    return render(
        request,
        "verzuim/overzicht.html",
        {
            "pagina": pagina,
            "rijen": rijen,
            "status": status,
            "statussen": STATUSSEN,
            "thuiszitters": thuiszitters,
            "querystring": querystring,
            "mag": mag(actor),
            "kan_absoluut_melden": actor.rolsoort not in SCHOOL,
        },
    )


@login_required
@require_GET
def melding(request: HttpRequest, sleutel: UUID) -> HttpResponse:
    """One case: the facts, what Passend derives, the partners, the plan, the doorbraak."""
    route = "verzuim:melding"
    actor = eis_rol(request, "bekijken", route)
    zaak = melding_voor_actor(
        actor=actor, sleutel=sleutel, actie="bekijken", doel="verzuimmelding bekijken", route=route
    )
    vandaag = timezone.localdate()
    partners = list(zaak.partners.all())
    acties = [
        {"actie": a, "te_laat": a.afgerond_op is None and a.deadline < vandaag}
        for a in zaak.actiepunten.all()
    ]
    plan = getattr(zaak, "doorbraakplan", None)
    return render(
        request,
        "verzuim/melding.html",
        {
            "melding": zaak,
            "leerling": zaak.leerling,
            "afgeleid": afgeleid(zaak, vandaag),
            "partners": partners,
            "lopende_partners": [p for p in partners if p.tot is None],
            "acties": acties,
            "plan": plan,
            "mag": mag(actor),
            # The pupil's page only for who the pupil policy lets in (not the SWV's
            # commission through the case alone).
            "ziet_leerling": leerlingbeleid.mag(actor, "bekijken", zaak.leerling),
        },
    )


def _gemeente_van(leerling: Leerling) -> Gemeente | None:
    if leerling.woongemeente is not None:
        return leerling.woongemeente
    vandaag = timezone.localdate()
    for inschrijving in leerling.inschrijvingen.all():
        if inschrijving.van <= vandaag and (
            inschrijving.tot is None or vandaag <= inschrijving.tot
        ):
            return inschrijving.vestiging.gemeente
    return None


@login_required
@require_http_methods(["GET", "POST"])
def melden_leerling(request: HttpRequest, leerling: UUID) -> HttpResponse:
    """Report verzuim of a known pupil (from the pupil's page)."""
    route = "verzuim:melden-leerling"
    actor = eis_rol(request, "melden", route)
    doel = "verzuim melden"
    kind = leerling_voor_actor(
        actor=actor,
        sleutel=leerling,
        actie="bekijken",
        doel=doel,
        route=route,
        toegestane_vastleggen=request.method != "POST",
    )
    gemeente = _gemeente_van(kind)
    leerplichtambtenaren = gemeentemedewerkers(
        rolsoorten=[Rolsoort.LEERPLICHTAMBTENAAR],
        gemeenten=[gemeente] if gemeente else [],
        peildatum=timezone.localdate(),
    )
    form = MeldenForm(
        request.POST if request.method == "POST" else None,
        leerplichtambtenaren=leerplichtambtenaren,
    )
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                zaak = melding_maken(
                    actor=actor,
                    leerling=kind,
                    soort=data["soort"],
                    sinds=data["sinds"],
                    reden=data["reden"],
                    toelichting=data["toelichting"],
                    gemiste_uren=data["gemiste_uren"],
                    leerplichtambtenaar=data["leerplichtambtenaar"],
                    route=route,
                )
            except Geweigerd as fout:
                _leerling_loggen(actor, kind, Actie.AANMAKEN, False, fout.reden, route)
                raise
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(request, f"Het verzuim is gemeld onder nummer {zaak.meldnummer}.")
                return naar_melding(zaak)
        _leerling_loggen(
            actor,
            kind,
            Actie.LEZEN,
            True,
            f"{doel}: niet opgeslagen; formulier opnieuw getoond",
            route,
        )
    return render(
        request,
        "verzuim/melden.html",
        {
            "leerling": kind,
            "form": form,
            "gemeente": gemeente,
            "langdurig_na_dagen": rules.LANGDURIG_NA_DAGEN,
            "meldplicht_uren": rules.MELDPLICHT_UREN,
        },
    )


def _leerling_loggen(
    actor: Any, leerling: Leerling, actie: Actie, toegestaan: bool, reden: str, route: str
) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type="leerling",
        object_id=str(leerling.sleutel),
        leerling_sleutels=[leerling.sleutel],
        toegestaan=toegestaan,
        reden=reden if toegestaan else f"geweigerd: {reden}",
        route=route,
    )


@login_required
@require_http_methods(["GET", "POST"])
def melden(request: HttpRequest) -> HttpResponse:
    """Report absoluut verzuim of a child that is not enrolled (the SWV and leerplicht)."""
    route = "verzuim:melden"
    actor = eis_rol(request, "melden", route)
    if actor.rolsoort in SCHOOL:
        toegang_vastleggen(
            actor=actor,
            actie=Actie.AANMAKEN if request.method == "POST" else Actie.LEZEN,
            object_type="verzuimmelding",
            toegestaan=False,
            reden="geweigerd: een school meldt geen absoluut verzuim",
            route=route,
        )
        raise Geweigerd(f"Geweigerd: {WEIGERREDENEN['melden']}.")
    swv = actor.rol.samenwerkingsverband
    if swv is not None:
        gemeenten = swv.werkgebied.all()
    else:
        gemeenten = Gemeente.objects.filter(pk=actor.rol.gemeente_id or 0)
    vandaag = timezone.localdate()
    form = NieuwKindForm(
        request.POST if request.method == "POST" else None,
        gemeenten=gemeenten.order_by("naam"),
        leerplichtambtenaren=gemeentemedewerkers(
            rolsoorten=[Rolsoort.LEERPLICHTAMBTENAAR], gemeenten=gemeenten, peildatum=vandaag
        ),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            zaak = melding_maken(
                actor=actor,
                soort=Verzuimsoort.ABSOLUUT,
                sinds=data["sinds"],
                reden=data["reden"],
                toelichting=data["toelichting"],
                nieuw_kind={
                    veld: data[veld]
                    for veld in (
                        "voornamen",
                        "achternaam",
                        "geboortedatum",
                        "postcode",
                        "woongemeente",
                    )
                },
                leerplichtambtenaar=data["leerplichtambtenaar"],
                route=route,
            )
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(
                request, f"Het absoluut verzuim is gemeld onder nummer {zaak.meldnummer}."
            )
            return redirect("verzuim:melding", sleutel=zaak.sleutel)
    return render(request, "verzuim/melden_kind.html", {"form": form})
