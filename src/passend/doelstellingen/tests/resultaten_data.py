"""Synthetic survey waves with answers, for the results tests (and the results pages' tests).

- ``bouw_meting(swv=…, jaar=…)`` makes a wave (SWV or, with ``swv=None``, national) with one
  questionnaire per group in ``items`` and its items (``ITEMS`` by default).
- ``antwoorden(meting, swv=…, groep=…, waarden={code: [w1, w2, …]})`` adds responses of one
  SWV: response i answers each code with its i-th value (a shorter list: no answer, like
  "weet ik niet"). The number of responses is the longest list. Bulk inserts: 3 queries.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from passend.accounts.actor import Actor
from passend.accounts.tests.factories import RolFactory
from passend.doelstellingen.models import Antwoord, Meting, Respons, Vraag, Vragenlijst
from passend.doelstellingen.rules import Metingstatus, Respondentgroep, Schaal
from passend.doelstellingen.tests.factories import MetingFactory

G = Respondentgroep
#: (group, code, goal, scale, text)
ITEMS: tuple[tuple[str, str, int, str, str], ...] = (
    (G.OUDER, "D1.behoefte", 1, Schaal.EENS_ONEENS, "De ondersteuning past bij mijn kind."),
    (G.OUDER, "D4.partner", 4, Schaal.EENS_ONEENS, "De school ziet mij als partner."),
    (G.OUDER, "D4.cijfer", 4, Schaal.CIJFER, "Welk cijfer geeft u de samenwerking?"),
    (G.LERAAR, "D3.toegerust", 3, Schaal.EENS_ONEENS, "Ik voel mij toegerust."),
    (G.LERAAR, "D3.cijfer", 3, Schaal.CIJFER, "Welk cijfer geeft u de ondersteuning?"),
)


def bouw_meting(
    *,
    swv: Any,
    jaar: int,
    nulmeting: bool = False,
    status: str = Metingstatus.GESLOTEN,
    items: Sequence[tuple[str, str, int, str, str]] = ITEMS,
    **extra: Any,
) -> Meting:
    meting = MetingFactory(
        samenwerkingsverband=swv, jaar=jaar, is_nulmeting=nulmeting, status=status, **extra
    )
    lijsten: dict[str, Vragenlijst] = {}
    for volgorde, (groep, code, doel, schaal, tekst) in enumerate(items):
        if groep not in lijsten:
            lijsten[groep] = Vragenlijst.objects.create(
                meting=meting, respondentgroep=groep, kindvriendelijk=groep == G.LEERLING
            )
        Vraag.objects.create(
            vragenlijst=lijsten[groep],
            code=code,
            doelstelling=doel,
            tekst=tekst,
            schaal=schaal,
            volgorde=volgorde,
        )
    return meting


def antwoorden(
    meting: Meting, *, swv: Any, groep: str, waarden: Mapping[str, Sequence[int]]
) -> list[Respons]:
    lijst = Vragenlijst.objects.get(meting=meting, respondentgroep=groep)
    vragen = {v.code: v for v in lijst.vragen.all()}
    aantal = max((len(w) for w in waarden.values()), default=0)
    responsen = Respons.objects.bulk_create(
        [Respons(vragenlijst=lijst, samenwerkingsverband=swv) for _ in range(aantal)]
    )
    Antwoord.objects.bulk_create(
        [
            Antwoord(respons=responsen[i], vraag=vragen[code], waarde=w)
            for code, reeks in waarden.items()
            for i, w in enumerate(reeks)
        ]
    )
    return responsen


def actor(rolsoort: str, swv: Any = None) -> Actor:
    """An actor holding a new role (``swv`` for an SWV role)."""
    velden: dict[str, Any] = {"rolsoort": rolsoort}
    if swv is not None:
        velden["samenwerkingsverband"] = swv
    rol = RolFactory(**velden)
    return Actor(gebruiker=rol.gebruiker, rol=rol)
