"""Answering a questionnaire with an anonymous single-use code (public, no account).

- ``uitnodiging_voor_code`` checks a code (by its hash) before the questionnaire is shown:
  an unknown or used code and a wave that is not open are refused with one and the same
  neutral message. The wave is checked *before* the use: after closing, a used and an unused
  code get the same answer, so whoever holds a list of codes cannot learn who took part.
- ``antwoorden_opslaan`` stores one filled-in questionnaire in one transaction: it locks the
  wave and then the invitation (the order ``meting_sluiten`` locks them in), refuses a used code or a wave that is not open, checks every answer against
  the questionnaire and its scale (nothing is saved when one is wrong), turns the invitation
  ``gebruikt`` and creates a ``Respons`` with its ``Antwoord`` rows. **Nothing links the
  response to the invitation**: no key, no code, no time (see the models' docstring).

Answering touches no pupil data, so there is no policy check and no access-log record:
writing one would itself be a link between the code and the moment of answering.
"""

import datetime
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from passend.doelstellingen.models import Antwoord, Meting, Respons, Uitnodiging, Vraag
from passend.doelstellingen.rules import Metingstatus, waarde_toegestaan


class CodeGeweigerd(Exception):
    """The code cannot be used (now). ``melding`` is the one neutral sentence to show."""

    melding = ""

    def __init__(self) -> None:
        super().__init__(self.melding)


#: The one message for every code that does not work (unknown, used, wave not open), in
#: words for adults and pupils alike (the page does not know who is typing).
NIET_BRUIKBAAR = (
    "Deze code kennen we niet, is al gebruikt, of de vragenlijst is gesloten. "
    "Kijk of de code goed is overgenomen."
)


class CodeOnbekend(CodeGeweigerd):
    """No invitation has this code, or its invitation was used already (one message for
    both, so the page does not tell which codes exist)."""

    melding = NIET_BRUIKBAAR


class VragenlijstGesloten(CodeGeweigerd):
    """The wave is in preparation, closed, or today is outside its open dates. The same
    message as ``CodeOnbekend``: it must not tell a used code from an unused one."""

    melding = NIET_BRUIKBAAR


def veldnaam(vraag_id: int) -> str:
    """The form field (and error key) of one item."""
    return f"vraag_{vraag_id}"


def _is_open(meting: Meting, vandaag: datetime.date) -> bool:
    return meting.status == Metingstatus.OPEN and meting.open_van <= vandaag <= meting.open_tot


def _controleren(uitnodiging: Uitnodiging | None, vandaag: datetime.date) -> Uitnodiging:
    if uitnodiging is None:
        raise CodeOnbekend
    # The wave first: a used code of a closed wave must look like an unused one.
    if not _is_open(uitnodiging.vragenlijst.meting, vandaag):
        raise VragenlijstGesloten
    if uitnodiging.gebruikt:
        raise CodeOnbekend
    return uitnodiging


def uitnodiging_voor_code(*, code_hash: str, vandaag: datetime.date | None = None) -> Uitnodiging:
    """The unused invitation of an open wave with this code hash, with its questionnaire
    and wave (one query); raises ``CodeOnbekend`` or ``VragenlijstGesloten``."""
    uitnodiging = (
        Uitnodiging.objects.select_related("vragenlijst__meting")
        .filter(code_hash=code_hash)
        .first()
    )
    return _controleren(uitnodiging, vandaag or timezone.localdate())


def antwoorden_opslaan(
    *,
    code_hash: str,
    antwoorden: Mapping[int, int],
    vandaag: datetime.date | None = None,
) -> None:
    """Store the answers (vraag id → value) given with this code, once.

    Raises ``CodeOnbekend`` / ``VragenlijstGesloten`` when the code cannot be used (also when
    another submission with the same code won the race: the row lock serialises them), and
    a ``ValidationError`` per item (key ``vraag_<id>``) when a value does not fit its scale
    or an item is not part of this questionnaire; then nothing is saved.
    """
    vandaag = vandaag or timezone.localdate()
    with transaction.atomic():
        gevonden = (
            Uitnodiging.objects.filter(code_hash=code_hash)
            .values_list("vragenlijst__meting_id", flat=True)
            .first()
        )
        if gevonden is None:
            raise CodeOnbekend
        # Lock the wave, then the invitation: the order ``meting_sluiten`` uses (no deadlock).
        # A close that committed while this waited is seen here (the locked read returns the
        # newest row), so an answer is either stored before the close, or refused.
        Meting.objects.select_for_update(of=("self",)).filter(pk=gevonden).first()
        uitnodiging = _controleren(
            Uitnodiging.objects.select_for_update(of=("self",))
            .select_related("vragenlijst__meting")
            .filter(code_hash=code_hash)
            .first(),
            vandaag,
        )
        vragen = {
            vraag.pk: vraag
            for vraag in Vraag.objects.filter(
                vragenlijst_id=uitnodiging.vragenlijst_id, pk__in=list(antwoorden)
            )
        }
        fouten: dict[str, str] = {}
        for vraag_id, waarde in antwoorden.items():
            vraag = vragen.get(vraag_id)
            if vraag is None:
                fouten[veldnaam(vraag_id)] = "Deze vraag hoort niet bij deze vragenlijst."
            elif not waarde_toegestaan(vraag.schaal, waarde):
                fouten[veldnaam(vraag_id)] = "Kies een van de antwoorden bij deze vraag."
        if fouten:
            raise ValidationError(fouten)
        # Status-guarded: even without a row lock (SQLite) only one submission turns it.
        if not Uitnodiging.objects.filter(pk=uitnodiging.pk, gebruikt=False).update(gebruikt=True):
            raise CodeOnbekend
        respons = Respons.objects.create(
            vragenlijst_id=uitnodiging.vragenlijst_id,
            samenwerkingsverband_id=uitnodiging.samenwerkingsverband_id,
        )
        Antwoord.objects.bulk_create(
            Antwoord(respons=respons, vraag_id=vraag_id, waarde=waarde)
            for vraag_id, waarde in sorted(antwoorden.items())
        )
