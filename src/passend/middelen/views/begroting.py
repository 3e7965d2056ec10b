"""Pages of the yearly budget (namespace ``middelen``, under /middelen/begrotingen/).

Readers (directeur, functioneel beheerder, toezichthouder, OPR-lid, controller of the own
SWV) see the budgets; only the controller edits. Thin views: one selector or service call,
then render. The selectors authorise and log; the services log every write.
"""

from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString
from django.views.decorators.http import require_POST

from passend.accounts.actor import Actor, actor_of_403
from passend.arrangementen.rules import euro
from passend.core.forms import fouten_naar_formulier
from passend.core.grafiek import KLEUREN, LETTER, svg_tekst
from passend.core.models import Actie
from passend.middelen.forms.begroting import (
    BegrotingNieuwForm,
    ImportForm,
    PostForm,
    ReserveForm,
    RevisieForm,
    VaststellenForm,
)
from passend.middelen.models import Begroting, Begrotingspost
from passend.middelen.permissions import beleid
from passend.middelen.rules import Begrotingsstatus
from passend.middelen.selectors.begroting import (
    OBJECT_TYPE,
    Overzicht,
    begroting_voor,
    begrotingen,
    overzicht,
    soortnaam,
    vestigingen_zonder_telling,
)
from passend.middelen.services import begroting as diensten
from passend.middelen.services.importeren import (
    INVOERSOORTEN,
    KOLOMMEN,
    ImportMislukt,
    posten_importeren,
)

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def _datum_tekst(iso: str) -> str:
    jaar, maand, dag = (int(d) for d in iso.split("-"))
    return f"{dag} {MAANDEN[maand - 1]} {jaar}"


def grondslag_tekst(post: Begrotingspost) -> str:
    """How a computed post was made, in words ("41 leerlingen so categorie 1 op 1 februari
    2026 × € 10.650,00")."""
    g = post.grondslag or {}
    try:
        if "normbedrag" in g:
            tekst = (
                f"{g['aantal']} leerling{'en' if g['aantal'] != 1 else ''} met een TLV "
                f"{post.omschrijving} op {_datum_tekst(g['teldatum'])} × "
                f"{euro(Decimal(g['normbedrag']))}"
            )
            zonder = g.get("zonder_categorie")
            if zonder:
                tekst += (
                    f". Bij {zonder} van deze TLV's staat geen bekostigingscategorie: "
                    "Passend telt ze als categorie 1 (laag). Klopt dat niet, vul dan de "
                    "categorie in bij de TLV en bereken opnieuw"
                )
            return tekst
        if "bedrag_per_leerling" in g:
            return (
                f"{g['aantal']} leerling{'en' if g['aantal'] != 1 else ''} op "
                f"{_datum_tekst(g['teldatum'])} × {euro(Decimal(g['bedrag_per_leerling']))}"
            )
        if "van" in g:
            return (
                f"{g['aantal']} toegekend{'e' if g['aantal'] != 1 else ''} "
                f"arrangement{'en' if g['aantal'] != 1 else ''}, naar rato van de dagen van "
                f"{_datum_tekst(g['van'])} tot en met {_datum_tekst(g['tot'])}"
            )
    except (KeyError, ValueError, ArithmeticError):
        return "Berekend door Passend."
    return ""


def verdeling_svg(ov: Overzicht) -> SafeString:
    """Where the money goes: one horizontal stacked bar of the afdrachten and the lasten
    per kind, as a share of the total income. Each part has its own title and a pattern of
    colour and position; the page shows the same figures as a table (text alternative)."""
    delen = [(soortnaam(s), b) for s, b in sorted(ov.afdrachten.per_soort.items())]
    delen += [(soortnaam(s), b) for s, b in sorted(ov.lasten.per_soort.items())]
    if ov.resultaat > 0:
        delen.append(("Over (resultaat)", ov.resultaat))
    totaal = sum((b for _, b in delen), Decimal(0))
    breedte, hoogte, balk = 640, 60 + 22 * len(delen), 32
    onderdelen = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="passend-grafiek" role="img" '
        f'viewBox="0 0 {breedte} {hoogte}" width="100%" aria-labelledby="verdeling-titel '
        f'verdeling-desc">',
        '<title id="verdeling-titel">Waar het geld heen gaat</title>',
        '<desc id="verdeling-desc">Afdrachten en lasten als deel van alle uitgaven en het '
        "resultaat; de tabel met posten hieronder toont dezelfde bedragen.</desc>",
    ]
    x = 0.0
    for index, (naam, bedrag) in enumerate(delen):
        kleur = KLEUREN[index % len(KLEUREN)]
        deel = float(bedrag / totaal) if totaal else 0.0
        w = deel * breedte
        procent = f"{deel * 100:.1f}".replace(".", ",")
        onderdelen.append(
            f'<rect x="{x:.1f}" y="8" width="{w:.1f}" height="{balk}" fill="{kleur}" '
            f'stroke="#ffffff" stroke-width="1"><title>{svg_tekst(naam)}: '
            f"{svg_tekst(euro(bedrag))} ({procent} %)</title></rect>"
        )
        y = 60 + 22 * index
        onderdelen.append(
            f'<rect x="0" y="{y - 11}" width="14" height="14" fill="{kleur}"/>'
            f'<text x="20" y="{y}" {LETTER} fill="#1a1a1a">{svg_tekst(naam)}: '
            f"{svg_tekst(euro(bedrag))} ({procent} %)</text>"
        )
        x += w
    onderdelen.append("</svg>")
    return SafeString("".join(onderdelen))


def _naar(begroting: Begroting | int) -> HttpResponse:
    pk = begroting if isinstance(begroting, int) else begroting.pk
    return redirect(reverse("middelen:begroting", args=[pk]))


def _detail(request: HttpRequest, actor: Actor, begroting: Begroting, **extra: Any) -> HttpResponse:
    ov = overzicht(begroting)
    bewerken = beleid.mag(actor, "begroting_bewerken", begroting)
    concept = begroting.status == Begrotingsstatus.CONCEPT
    groepen = [
        {
            "groep": groep,
            "posten": [
                {"post": post, "soort": soortnaam(post.soort), "grondslag": grondslag_tekst(post)}
                for post in groep.posten
            ],
        }
        for groep in ov.groepen
    ]
    context = {
        "begroting": begroting,
        "swv": begroting.samenwerkingsverband,
        "ov": ov,
        "zonder_telling": vestigingen_zonder_telling(begroting) if concept else [],
        "groepen": groepen,
        "grafiek": verdeling_svg(ov) if (ov.afdrachten.totaal or ov.lasten.totaal) else "",
        "mag_bewerken": bewerken and concept,
        "knopform": RevisieForm(initial={"revisie": begroting.revisie}),
        "vaststellenform": VaststellenForm(initial={"revisie": begroting.revisie}),
        **extra,
    }
    return render(request, "middelen/begroting/detail.html", context)


@login_required
def lijst(request: HttpRequest) -> HttpResponse:
    actor = actor_of_403(request)
    rijen = list(begrotingen(actor, route=request.path))
    return render(
        request,
        "middelen/begroting/lijst.html",
        {
            "begrotingen": rijen,
            "swv": actor.rol.samenwerkingsverband,
            "mag_aanmaken": beleid.mag(actor, "rol:begroting_bewerken"),
        },
    )


@login_required
def nieuw(request: HttpRequest) -> HttpResponse:
    actor = actor_of_403(request)
    beleid.eis_rol(
        actor,
        "begroting_bewerken",
        log_actie=Actie.AANMAKEN,
        object_type=OBJECT_TYPE,
        route=request.path,
    )
    form = BegrotingNieuwForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            begroting = diensten.begroting_aanmaken(
                actor=actor,
                jaar=form.cleaned_data["jaar"],
                bedrag_per_leerling=form.cleaned_data["bedrag_per_leerling"],
                route=request.path,
            )
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(request, f"De begroting {begroting.jaar} is aangemaakt.")
            return _naar(begroting)
    return render(request, "middelen/begroting/nieuw.html", {"form": form})


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of_403(request)
    begroting = begroting_voor(actor=actor, pk=pk, route=request.path)
    return _detail(request, actor, begroting)


def _postformulier(
    request: HttpRequest, pk: int, post_id: int | None
) -> tuple[Actor, Begroting, Begrotingspost | None]:
    actor = actor_of_403(request)
    begroting = begroting_voor(actor=actor, pk=pk, route=request.path, voor_schrijven=True)
    post = None
    if post_id is not None:
        post = next((p for p in begroting.posten.all() if p.pk == post_id), None)
        if post is None or post.berekend:
            raise Http404("Deze post bestaat niet of wordt berekend.")
    return actor, begroting, post


def _formpagina(
    request: HttpRequest, begroting: Begroting, sjabloon: str, **context: Any
) -> HttpResponse:
    return render(request, sjabloon, {"begroting": begroting, **context})


@login_required
def post_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    return _post_bewerken(request, pk, None)


@login_required
def post_wijzigen(request: HttpRequest, pk: int, post_id: int) -> HttpResponse:
    return _post_bewerken(request, pk, post_id)


def _post_bewerken(request: HttpRequest, pk: int, post_id: int | None) -> HttpResponse:
    actor, begroting, post = _postformulier(request, pk, post_id)
    if request.method == "POST":
        form = PostForm(request.POST)
        if form.is_valid():
            gegevens = {
                "actor": actor,
                "begroting": begroting,
                "revisie": form.cleaned_data["revisie"],
                "soort": form.cleaned_data["soort"],
                "omschrijving": form.cleaned_data["omschrijving"],
                "bedrag": form.cleaned_data["bedrag"],
                "route": request.path,
            }
            try:
                if post is None:
                    diensten.post_toevoegen(**gegevens)
                else:
                    diensten.post_wijzigen(post_id=post.pk, **gegevens)
            except diensten.Conflict as fout:
                form.add_error(None, fout.melding)
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(
                    request, "De post is toegevoegd." if post is None else "De post is gewijzigd."
                )
                return _naar(begroting)
    else:
        initial: dict[str, Any] = {"revisie": begroting.revisie}
        if post is not None:
            initial |= {
                "soort": post.soort,
                "omschrijving": post.omschrijving,
                "bedrag": post.bedrag,
            }
        form = PostForm(initial=initial)
    return _formpagina(request, begroting, "middelen/begroting/post.html", form=form, post=post)


@login_required
@require_POST
def post_verwijderen(request: HttpRequest, pk: int, post_id: int) -> HttpResponse:
    actor, begroting, _post = _postformulier(request, pk, post_id)
    form = RevisieForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Het formulier is verlopen. Probeer het opnieuw.")
        return _naar(begroting)
    try:
        diensten.post_verwijderen(
            actor=actor,
            begroting=begroting,
            post_id=post_id,
            revisie=form.cleaned_data["revisie"],
            route=request.path,
        )
    except diensten.Conflict as fout:
        messages.error(request, fout.melding)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, "De post is verwijderd.")
    return _naar(begroting)


@login_required
@require_POST
def berekenen(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of_403(request)
    begroting = begroting_voor(actor=actor, pk=pk, route=request.path, voor_schrijven=True)
    form = RevisieForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Het formulier is verlopen. Probeer het opnieuw.")
        return _naar(begroting)
    try:
        diensten.berekende_posten_bijwerken(
            actor=actor,
            begroting=begroting,
            revisie=form.cleaned_data["revisie"],
            route=request.path,
        )
    except diensten.Conflict as fout:
        messages.error(request, fout.melding)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request, "De afdrachten, de toewijzing aan scholen en de arrangementen zijn berekend."
        )
    return _naar(begroting)


@login_required
def reserve(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of_403(request)
    begroting = begroting_voor(actor=actor, pk=pk, route=request.path, voor_schrijven=True)
    if request.method == "POST":
        form = ReserveForm(request.POST)
        if form.is_valid():
            try:
                diensten.reserve_vastleggen(
                    actor=actor,
                    begroting=begroting,
                    eigen_vermogen=form.cleaned_data["eigen_vermogen"],
                    toelichting_reserve=form.cleaned_data["toelichting_reserve"],
                    bedrag_per_leerling=form.cleaned_data["bedrag_per_leerling"],
                    revisie=form.cleaned_data["revisie"],
                    route=request.path,
                )
            except diensten.Conflict as fout:
                form.add_error(None, fout.melding)
            except ValidationError as fout:
                fouten_naar_formulier(form, fout)
            else:
                messages.success(request, "Het eigen vermogen is vastgelegd.")
                return _naar(begroting)
    else:
        form = ReserveForm(
            initial={
                "revisie": begroting.revisie,
                "eigen_vermogen": begroting.eigen_vermogen,
                "toelichting_reserve": begroting.toelichting_reserve,
                "bedrag_per_leerling": begroting.bedrag_per_leerling,
            }
        )
    return _formpagina(
        request, begroting, "middelen/begroting/reserve.html", form=form, ov=overzicht(begroting)
    )


@login_required
@require_POST
def vaststellen(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of_403(request)
    begroting = begroting_voor(actor=actor, pk=pk, route=request.path, voor_schrijven=True)
    form = VaststellenForm(request.POST)
    if form.is_valid():
        try:
            diensten.begroting_vaststellen(
                actor=actor,
                begroting=begroting,
                revisie=form.cleaned_data["revisie"],
                datum=form.cleaned_data["datum"],
                route=request.path,
            )
        except diensten.Conflict as fout:
            messages.error(request, fout.melding)
            return _naar(begroting)
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            messages.success(request, f"De begroting {begroting.jaar} is vastgesteld.")
            return _naar(begroting)
    return _detail(request, actor, begroting, vaststellenform=form)


@login_required
def importeren(request: HttpRequest, pk: int) -> HttpResponse:
    actor = actor_of_403(request)
    begroting = begroting_voor(actor=actor, pk=pk, route=request.path, voor_schrijven=True)
    fouten: list[str] = []
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                resultaat = posten_importeren(
                    actor=actor,
                    begroting=begroting,
                    revisie=form.cleaned_data["revisie"],
                    bron=form.cleaned_data["bestand"].read(),
                    route=request.path,
                )
            except diensten.Conflict as fout:
                form.add_error(None, fout.melding)
            except ImportMislukt as mislukt:
                fouten = mislukt.fouten[:300]
                form.add_error(
                    "bestand",
                    f"Het bestand is niet ingelezen: {len(mislukt.fouten)} fout(en). "
                    "Er is niets opgeslagen.",
                )
            else:
                messages.success(
                    request,
                    f"Ingelezen: {resultaat.posten} posten, samen {euro(resultaat.totaal)}.",
                )
                return _naar(begroting)
    else:
        form = ImportForm(initial={"revisie": begroting.revisie})
    return _formpagina(
        request,
        begroting,
        "middelen/begroting/importeren.html",
        form=form,
        fouten=fouten,
        kolommen=KOLOMMEN,
        soorten=INVOERSOORTEN,
    )
