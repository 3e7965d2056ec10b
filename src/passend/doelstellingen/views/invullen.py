"""Public pages for answering a questionnaire with an anonymous code (/vragenlijst/).

No log-in and no policy: the code is the only key, and it opens nothing but its own empty
questionnaire. The session holds only the code's hash while the questionnaire is open; it
is removed when the answers are saved. No access-log record is written (it would tie the
code to the moment of answering).

**Guessing.** A code has 31**12 possibilities, so guessing one is hopeless; still, a session
that entered ``MAX_FOUTE_CODES`` wrong codes within ``BLOKKADE`` is refused for a while
without looking the code up, and so is an IP address (``REMOTE_ADDR``) that entered
``MAX_FOUTE_CODES_PER_IP`` wrong codes within ``BLOKKADE`` (counted in Django's cache; a
client that drops its cookies is braked too). Log-in throttling (django-axes) is about
accounts and does not apply.

**Shared devices.** The pages are never cached (``never_cache``: ``no-store``), so the
browser's back button after sending does not bring back the previous respondent's answers
from the back/forward cache, and the form has ``autocomplete="off"``.

**Wording.** The start page, its messages and the thank-you page are neutral (no "u"),
unless the questionnaire is for pupils: then "je". The thank-you page learns that from one
boolean in the session, set when the answers are saved.
"""

import time

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from passend.core.forms import fouten_naar_formulier
from passend.doelstellingen.forms.invullen import CodeForm, VragenlijstForm
from passend.doelstellingen.models import Uitnodiging
from passend.doelstellingen.rules import code_hash
from passend.doelstellingen.services.invullen import (
    CodeGeweigerd,
    antwoorden_opslaan,
    uitnodiging_voor_code,
)

#: Session key of the hash of the code being answered.
SESSIE_CODE = "vragenlijst_code_hash"
#: Session key of the times (epoch seconds) of recent wrong codes.
SESSIE_FOUTEN = "vragenlijst_foute_codes"
#: Session key of "the questionnaire just sent was for pupils" (a boolean, for Bedankt).
SESSIE_KIND = "vragenlijst_kindvriendelijk"
MAX_FOUTE_CODES = 10
#: Wrong codes per IP address within ``BLOKKADE`` (a school's network shares one address).
MAX_FOUTE_CODES_PER_IP = 30
BLOKKADE = 15 * 60  # seconds
TE_VAAK = (
    "Er is te vaak een code ingevuld die niet werkt. Wacht een kwartier en probeer het dan "
    "opnieuw, of vraag om een nieuwe uitnodiging."
)
SESSIE_VERLOPEN = (
    "De sessie is verlopen, omdat het invullen lang duurde. De antwoorden zijn niet "
    "opgeslagen. Vul de code opnieuw in: als de antwoorden nog niet verstuurd waren, werkt de "
    "code nog."
)


def _recente_fouten(request: HttpRequest) -> list[int]:
    grens = time.time() - BLOKKADE
    return [t for t in request.session.get(SESSIE_FOUTEN, []) if t > grens]


def _ip_sleutel(request: HttpRequest) -> str:
    return f"vragenlijst:foute-codes:{request.META.get('REMOTE_ADDR', '')}"


def _ip_fout_tellen(request: HttpRequest) -> None:
    sleutel = _ip_sleutel(request)
    # The window starts at the first wrong code; ``add`` does nothing when the key exists.
    cache.add(sleutel, 0, timeout=BLOKKADE)
    try:
        cache.incr(sleutel)
    except ValueError:  # expired between add and incr
        cache.set(sleutel, 1, timeout=BLOKKADE)


@never_cache
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        fouten = _recente_fouten(request)
        if (
            len(fouten) >= MAX_FOUTE_CODES
            or cache.get(_ip_sleutel(request), 0) >= MAX_FOUTE_CODES_PER_IP
        ):
            form.add_error(None, TE_VAAK)
        else:
            hash_ = code_hash(form.cleaned_data["code"])
            try:
                uitnodiging_voor_code(code_hash=hash_)
            except CodeGeweigerd as weigering:
                request.session[SESSIE_FOUTEN] = [*fouten, int(time.time())]
                _ip_fout_tellen(request)
                form.add_error("code", weigering.melding)
            else:
                request.session.pop(SESSIE_FOUTEN, None)
                request.session[SESSIE_CODE] = hash_
                return redirect("vragenlijst:invullen")
    return render(request, "doelstellingen/invullen/start.html", {"form": form})


def _weigeren(request: HttpRequest, weigering: CodeGeweigerd) -> HttpResponse:
    request.session.pop(SESSIE_CODE, None)
    messages.error(request, weigering.melding)
    return redirect("vragenlijst:start")


@never_cache
@require_http_methods(["GET", "POST"])
def invullen(request: HttpRequest) -> HttpResponse:
    hash_ = request.session.get(SESSIE_CODE)
    if not hash_:
        if request.method == "POST":
            # Answers sent after the session expired (SESSION_COOKIE_AGE): say so.
            messages.warning(request, SESSIE_VERLOPEN)
        return redirect("vragenlijst:start")
    try:
        uitnodiging: Uitnodiging = uitnodiging_voor_code(code_hash=hash_)
    except CodeGeweigerd as weigering:
        return _weigeren(request, weigering)
    vragenlijst = uitnodiging.vragenlijst
    form = VragenlijstForm(
        request.POST or None, vragenlijst=vragenlijst, vragen=vragenlijst.vragen.all()
    )
    if request.method == "POST" and "tussenstand" not in request.POST and form.is_valid():
        try:
            antwoorden_opslaan(code_hash=hash_, antwoorden=form.antwoorden())
        except CodeGeweigerd as weigering:
            return _weigeren(request, weigering)
        except ValidationError as fout:
            fouten_naar_formulier(form, fout)
        else:
            request.session.pop(SESSIE_CODE, None)
            request.session[SESSIE_KIND] = bool(vragenlijst.kindvriendelijk)
            return redirect("vragenlijst:bedankt")
    return render(
        request,
        "doelstellingen/invullen/vragenlijst.html",
        {
            "form": form,
            "vragenlijst": vragenlijst,
            "kindvriendelijk": vragenlijst.kindvriendelijk,
            "aantal": len(form.vragen),
            "beantwoord": form.aantal_beantwoord(),
            "tussenstand": "tussenstand" in request.POST,
        },
    )


@never_cache
@require_GET
def bedankt(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "doelstellingen/invullen/bedankt.html",
        {"kindvriendelijk": request.session.get(SESSIE_KIND, False)},
    )
