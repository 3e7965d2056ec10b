"""The public guide for parents (/gids/, no log-in): find nearby schools by postcode or
place and by what the child needs, read a school's published offer, compare schools side
by side, and short pages in plain Dutch about zorgplicht, the OPP, the TLV, what to do
when you disagree, and where to find help in the region.

Every page is a plain GET page that works without JavaScript. Offers are read only through
``selectors.catalogus`` (published, public versions), so a draft never shows. The offer
holds no pupil data: these pages write no access-log records, and they are the same for
anonymous visitors and every role.
"""

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils import timezone
from django.views.decorators.http import require_GET

from passend.aanbod.forms_gids import SocialeKaartForm, ZoekForm
from passend.aanbod.models import Aanbod, Gebiedsaanbod, Ondersteuningsgebied, Voorzieningsoort
from passend.aanbod.rules import wachtlijst_past_bij_soort
from passend.aanbod.selectors.catalogus import (
    actieve_gebieden,
    gemeenten_op_de_sociale_kaart,
    openbaar_aanbod,
    openbaar_aanbod_van,
    openbare_voorzieningen,
    openbare_wachttijden,
    samenwerkingsverbanden_van,
    steunpunten_van,
)
from passend.aanbod.selectors.zoeken import (
    Positie,
    Postcodepositie,
    positie_van_plaats,
    positie_van_postcode,
    scholen_in_de_buurt,
)
from passend.geschillen.selectors import standaardroute
from passend.organisaties.models import Vestiging

VESTIGINGSCODE = re.compile(r"^\d{2}[A-Z]{2}\d{2}$")
VOORZIENINGEN_PER_PAGINA = 25
#: The fields that say where the search starts.
ADRESVELDEN = frozenset({"postcode", "plaats", "gemeente", "__all__"})


def _instelling(naam: str) -> int:
    return int(settings.PASSEND[naam])


# --- Search ------------------------------------------------------------------------------

#: Schools chosen to compare that the search page keeps (ticked) while searching on.
MAXIMAAL_ONTHOUDEN = 10


def _vestigingscodes(request: HttpRequest) -> list[str]:
    """The distinct ``v`` parameters, upper case, in their order."""
    return list(dict.fromkeys(c.strip().upper() for c in request.GET.getlist("v") if c.strip()))


@require_GET
def zoeken(request: HttpRequest) -> HttpResponse:
    gebieden = list(actieve_gebieden())
    gezocht = "postcode" in request.GET or "plaats" in request.GET
    form = ZoekForm(request.GET if gezocht else None, gebieden=gebieden)
    context: dict[str, Any] = {
        "form": form,
        "gezocht": gezocht,
        "resultaat": None,
        "vanaf": "",
        "uitgeweken": None,
        "te_vergelijken": _vestigingscodes(request)[:MAXIMAAL_ONTHOUDEN],
        "maximaal_vergelijken": _instelling("AANBOD_VERGELIJKEN_MAXIMAAL"),
    }
    # Where the search starts is looked up even when another field is wrong (the radius),
    # so that every mistake is named at once.
    if gezocht and not (form.is_valid() or ADRESVELDEN & set(form.errors)):
        _positie(form)
    elif gezocht and form.is_valid():
        positie, vanaf = _positie(form)
        if positie is not None:
            context["vanaf"] = vanaf
            if isinstance(positie, Postcodepositie) and positie.uitgeweken:
                context["uitgeweken"] = positie
            context["gekozen_gebieden"] = form.gekozen_gebieden
            context["straal"] = form.cleaned_data["straal"]
            context["resultaat"] = scholen_in_de_buurt(
                positie=positie,
                straal_km=form.cleaned_data["straal"],
                maximaal=_instelling("AANBOD_RESULTATEN"),
                schoolsoorten=form.cleaned_data["soort"],
                gebieden=form.gekozen_gebieden,
            )
    return render(request, "aanbod/gids/zoeken.html", context)


def _positie(form: ZoekForm) -> tuple[Positie | None, str]:
    """Where the search starts, and how to say so; a field error when it is unknown."""
    postcode = form.cleaned_data["postcode"]
    if postcode:
        gevonden = positie_van_postcode(postcode)
        if gevonden is None:
            form.add_error(
                "postcode",
                "We kennen geen scholen in of dichtbij dit postcodegebied. Controleer de "
                "postcode, of zoek op uw woonplaats.",
            )
            return None, ""
        return gevonden, f"postcode {postcode.upper()}"
    plaats = form.cleaned_data["plaats"]
    uitkomst = positie_van_plaats(plaats, gemeente_id=form.cleaned_data.get("gemeente"))
    if uitkomst.onbekend:
        form.add_error(
            "plaats",
            f"We kennen geen plaats die ‘{plaats}’ heet. Controleer de spelling, of zoek op "
            "postcode.",
        )
        return None, ""
    if uitkomst.gekozen is None:
        form.plaatskeuzes_tonen(uitkomst.keuzes)
        form.add_error(
            "gemeente",
            f"Er zijn meer plaatsen die ‘{plaats}’ heten. Kies welke u bedoelt en zoek opnieuw.",
        )
        return None, ""
    return uitkomst.gekozen, uitkomst.gekozen.omschrijving


# --- A school's page -----------------------------------------------------------------------


def website_van(internetadres: str) -> str | None:
    """A link for the school's website as DUO lists it ('www.school.nl'), or None."""
    adres = (internetadres or "").strip()
    if not adres or " " in adres:
        return None
    if not re.match(r"^https?://", adres, re.IGNORECASE):
        adres = f"https://{adres}"
    delen = urlsplit(adres)
    if delen.scheme.lower() not in ("http", "https") or "." not in delen.netloc:
        return None
    return adres


def _waar(vestiging: Vestiging) -> dict[str, str]:
    """Where a search for schools near this one starts: its postcode, else its place."""
    return {"postcode": vestiging.postcode} if vestiging.postcode else {"plaats": vestiging.plaats}


@require_GET
def school(request: HttpRequest, vestigingscode: str) -> HttpResponse:
    aanbod = openbaar_aanbod_van(vestigingscode=vestigingscode)
    if aanbod is None:
        return render(
            request,
            "aanbod/gids/niet_gevonden.html",
            {"vestigingscode": vestigingscode},
            status=404,
        )
    vestiging = aanbod.vestiging
    samenwerkingsverbanden = samenwerkingsverbanden_van(
        vestiging=vestiging, peildatum=timezone.localdate()
    )
    return render(
        request,
        "aanbod/gids/school.html",
        {
            "aanbod": aanbod,
            "vestiging": vestiging,
            "gebieden": list(aanbod.gebieden.all()),
            "website": website_van(vestiging.internetadres),
            "samenwerkingsverbanden": samenwerkingsverbanden,
            "steunpunten": steunpunten_van(samenwerkingsverbanden=samenwerkingsverbanden),
            "met_wachtlijst": wachtlijst_past_bij_soort(vestiging.soort),
            "wachttijden": openbare_wachttijden(vestiging=vestiging),
            "vergelijk_zoeken": "?" + urlencode({**_waar(vestiging), "v": vestigingscode}),
        },
    )


# --- Comparing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Vergelijkingsrij:
    """One area, with what each compared school says about it (None: not described)."""

    gebied: Ondersteuningsgebied
    per_school: tuple[Gebiedsaanbod | None, ...]


def vergelijking(aanbod: list[Aanbod]) -> list[Vergelijkingsrij]:
    """Every area any of the schools describes, in the areas' order."""
    per_school = [{rij.gebied_id: rij for rij in a.gebieden.all()} for a in aanbod]
    gebieden: dict[int, Ondersteuningsgebied] = {}
    for a in aanbod:
        for rij in a.gebieden.all():
            gebieden.setdefault(rij.gebied_id, rij.gebied)
    volgorde = sorted(gebieden.values(), key=lambda g: (g.volgorde, g.naam))
    return [
        Vergelijkingsrij(gebied=g, per_school=tuple(s.get(g.pk) for s in per_school))
        for g in volgorde
    ]


@require_GET
def vergelijken(request: HttpRequest) -> HttpResponse:
    maximaal = _instelling("AANBOD_VERGELIJKEN_MAXIMAAL")
    codes = _vestigingscodes(request)
    fout = ""
    scholen: list[Aanbod] = []
    if len(codes) == 1:
        fout = "U koos 1 school. Kies ten minste 2 scholen om te vergelijken."
    elif len(codes) > maximaal:
        fout = (
            f"U koos {len(codes)} scholen. U kunt ten hoogste {maximaal} scholen tegelijk "
            "vergelijken. Kies er minder."
        )
    elif codes:
        geldig = [c for c in codes if VESTIGINGSCODE.match(c)]
        gevonden = {
            a.vestiging.vestigingscode: a
            for a in openbaar_aanbod().filter(vestiging__vestigingscode__in=geldig)
        }
        onbekend = [c for c in codes if c not in gevonden]
        if onbekend:
            wie = "deze school" if len(onbekend) == 1 else "deze scholen"
            namen = ", ".join(code[:20] for code in onbekend)
            fout = (
                f"Van {wie} vinden we geen aanbod: {namen}. Kies de scholen opnieuw via "
                "Scholen zoeken."
            )
        else:
            scholen = [gevonden[c] for c in codes]
    return render(
        request,
        "aanbod/gids/vergelijken.html",
        {
            "codes": codes,
            "fout": fout,
            "scholen": scholen,
            "rijen": vergelijking(scholen) if scholen else [],
            "maximaal": maximaal,
        },
    )


# --- Plain-language pages ----------------------------------------------------------------


def _infopagina(template: str, titel: str) -> Any:
    @require_GET
    def pagina(request: HttpRequest) -> HttpResponse:
        return render(
            request,
            template,
            {
                "titel": titel,
                "onderwijsconsulenten": settings.PASSEND["ONDERWIJSCONSULENTEN_WEBSITE"],
            },
        )

    pagina.__name__ = template.rsplit("/", 1)[-1].removesuffix(".html")
    pagina.__doc__ = f"The plain-language page ‘{titel}’."
    return pagina


zorgplicht = _infopagina("aanbod/gids/zorgplicht.html", "Uw kind aanmelden bij een school")
opp = _infopagina("aanbod/gids/opp.html", "Het ontwikkelingsperspectief (OPP)")
tlv = _infopagina("aanbod/gids/tlv.html", "De toelaatbaarheidsverklaring (TLV)")


@require_GET
def onenigheid(request: HttpRequest) -> HttpResponse:
    """The plain-language page ‘Bent u het niet eens met de school?’: the installation's
    default disagreement route, from the database (one query)."""
    return render(
        request,
        "aanbod/gids/onenigheid.html",
        {
            "titel": "Bent u het niet eens met de school?",
            "route": standaardroute(),
            "onderwijsconsulenten": settings.PASSEND["ONDERWIJSCONSULENTEN_WEBSITE"],
        },
    )


@require_GET
def hulp(request: HttpRequest) -> HttpResponse:
    """Hulp in de regio: the steunpunten, the sociale kaart, the onderwijsconsulenten."""
    form = SocialeKaartForm(
        request.GET or None,
        gemeenten=gemeenten_op_de_sociale_kaart(),
        gebieden=actieve_gebieden(),
    )
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        filters = {
            "gemeente": form.cleaned_data["gemeente"],
            "gebied": form.cleaned_data["gebied"],
            "soort": form.cleaned_data["soort"] or None,
        }
    gemeente = filters.get("gemeente")
    steunpunten = openbare_voorzieningen(gemeente=gemeente, soort=Voorzieningsoort.STEUNPUNT)
    kaart = openbare_voorzieningen(
        gemeente=gemeente,
        gebied=filters.get("gebied"),
        soort=filters.get("soort"),
        zonder_soort=Voorzieningsoort.STEUNPUNT,
    )
    pagina = Paginator(kaart, VOORZIENINGEN_PER_PAGINA).get_page(request.GET.get("pagina"))
    querystring = urlencode(
        [(k, v) for k, v in request.GET.items() if k in ("gemeente", "gebied", "soort") and v]
    )
    return render(
        request,
        "aanbod/gids/hulp.html",
        {
            "titel": "Hulp in de regio",
            "form": form,
            "gefilterd": bool(filters and any(filters.values())),
            "steunpunten": list(steunpunten),
            "pagina": pagina,
            "querystring": querystring,
            "onderwijsconsulenten": settings.PASSEND["ONDERWIJSCONSULENTEN_WEBSITE"],
        },
    )


urlpatterns: list[URLPattern] = [
    path("", zoeken, name="zoeken"),
    path("school/<str:vestigingscode>/", school, name="school"),
    path("vergelijken/", vergelijken, name="vergelijken"),
    path("zorgplicht/", zorgplicht, name="zorgplicht"),
    path("opp/", opp, name="opp"),
    path("tlv/", tlv, name="tlv"),
    path("niet-eens/", onenigheid, name="onenigheid"),
    path("hulp/", hulp, name="hulp"),
]
