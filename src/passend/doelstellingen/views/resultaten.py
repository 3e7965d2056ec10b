"""The results of a closed survey wave: a page per wave (and scope) and the same figures as
a PDF report.

Thin views: one selector call (``resultaten_voor`` checks the role (403, logged), the wave
and the chosen SWV (404, logged), refuses a wave that is not closed, writes the one
access-log record, then returns the figures), then render. The presentation (Dutch numbers,
the comparison in words, the charts) is ``doelstellingen.weergave``.

A national wave offers a choice of scope (``?swv=<code>``): the national total or one SWV
(the selector's ``keuzes``). A code that cannot be chosen shows the form's error with the
national total (the selector logged nothing for the refused code).
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from passend.accounts.actor import Actor, actor_of_403
from passend.core.models import Actie
from passend.core.pdf import pdf_van_sjabloon
from passend.doelstellingen.forms.resultaten import ScopeForm
from passend.doelstellingen.models import Meting
from passend.doelstellingen.permissions import beleid
from passend.doelstellingen.selectors.resultaten import (
    MetingNietGesloten,
    OngeldigeKeuze,
    Resultaten,
    resultaten_voor,
)
from passend.doelstellingen.weergave import context

PAGINA = "doelstellingen:resultaten"
PDF = "doelstellingen:resultaten-pdf"
PAGINA_SJABLOON = "doelstellingen/resultaten/resultaten.html"
PDF_SJABLOON = "doelstellingen/resultaten/rapport_pdf.html"
MELDING_SJABLOON = "doelstellingen/resultaten/melding.html"


# --- The routes -----------------------------------------------------------------------------


def _respons_url(actor: Actor, meting: Meting | None) -> str:
    """The response-rate page of a wave that still runs, for who may see it (else "")."""
    if meting is None or not beleid.mag(actor, "respons_bekijken", meting):
        return ""
    return reverse("doelstellingen:respons", args=[meting.pk])


@dataclass(frozen=True)
class Opgehaald:
    actor: Actor
    resultaten: Resultaten | None = None
    niet_gesloten: MetingNietGesloten | None = None
    form: ScopeForm | None = None
    #: The ``swv`` asked for cannot be chosen (its Dutch message); nothing was read for it.
    ongeldig: str = ""


def _ophalen(
    request: HttpRequest, pk: int, route: str, *, terugvallen: bool, **extra: Any
) -> Opgehaald:
    """The one selector call and the scope form of a national wave. An SWV that cannot be
    chosen: with ``terugvallen`` (the page) a second call for the national total, shown
    with the form's error; without it (the PDF) nothing is read."""
    actor = actor_of_403(request)
    swv_code = request.GET.get("swv", "").strip()

    def haal(code: str) -> Resultaten:
        return resultaten_voor(
            actor=actor, meting_id=pk, route=route, swv_code=code or None, **extra
        )

    fout = ""
    try:
        try:
            resultaten = haal(swv_code)
        except OngeldigeKeuze as ongeldig:
            if not terugvallen:
                return Opgehaald(actor, ongeldig=str(ongeldig))
            fout = str(ongeldig)
            resultaten = haal("")
    except MetingNietGesloten as niet_gesloten:
        return Opgehaald(actor, niet_gesloten=niet_gesloten)
    form = None
    if resultaten.meting.is_landelijk and resultaten.keuzes:
        form = ScopeForm(
            {"swv": swv_code} if "swv" in request.GET else None, keuzes=resultaten.keuzes
        )
        if fout and form.is_valid():
            form.add_error("swv", fout)
    return Opgehaald(actor, resultaten=resultaten, form=form)


def _melding(
    request: HttpRequest, actor: Actor, pk: int, melding: str, status: int, meting: Meting | None
) -> HttpResponse:
    return render(
        request,
        MELDING_SJABLOON,
        {
            "melding": melding,
            "meting": meting,
            "respons_url": _respons_url(actor, meting),
            "pagina_url": reverse(PAGINA, args=[pk]) if status == 400 else "",
        },
        status=status,
    )


@require_GET
@login_required
def resultaten(request: HttpRequest, pk: int) -> HttpResponse:
    """The results page of a closed wave (``?swv=`` for one SWV of a national wave)."""
    opgehaald = _ophalen(request, pk, PAGINA, terugvallen=True)
    uitkomst = opgehaald.resultaten
    if uitkomst is None:
        fout = opgehaald.niet_gesloten
        assert fout is not None
        return _melding(request, opgehaald.actor, pk, str(fout), 200, fout.meting)
    pdf_url = reverse(PDF, args=[pk])
    if uitkomst.samenwerkingsverband is not None and uitkomst.meting.is_landelijk:
        pdf_url += f"?swv={uitkomst.samenwerkingsverband.code}"
    return render(
        request,
        PAGINA_SJABLOON,
        {**context(uitkomst), "form": opgehaald.form, "pdf_url": pdf_url},
    )


@require_GET
@never_cache
@login_required
def resultaten_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The same figures as a PDF report (PDF/UA-1), with a title page and an explanation."""
    opgehaald = _ophalen(request, pk, PDF, terugvallen=False, log_actie=Actie.AFDRUKKEN)
    uitkomst = opgehaald.resultaten
    if uitkomst is None:
        if opgehaald.ongeldig:
            return _melding(request, opgehaald.actor, pk, opgehaald.ongeldig, 400, None)
        fout = opgehaald.niet_gesloten
        assert fout is not None
        return _melding(request, opgehaald.actor, pk, str(fout), 409, fout.meting)
    inhoud = pdf_van_sjabloon(
        PDF_SJABLOON, {**context(uitkomst), "afgedrukt_op": timezone.localtime()}
    )
    antwoord = HttpResponse(inhoud, content_type="application/pdf")
    scope = uitkomst.samenwerkingsverband.code.lower() if uitkomst.samenwerkingsverband else ""
    naam = "-".join(filter(None, ["doelstellingenmonitor", str(uitkomst.meting.jaar), scope]))
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.pdf"'
    return antwoord
