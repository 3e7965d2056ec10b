"""Pure rules of the doelstellingenmonitor: the 7 goals, the respondent groups, the answer
scales and the anonymous single-use codes. No database here.

The 7 goals of passend onderwijs (DOMAIN.md §2.9; the ministry's doelstellingenmonitor,
yearly until 2026 with the baseline (nulmeting) of June 2022).
"""

import hashlib
import secrets

from django.db import models


class Doelstelling(models.IntegerChoices):
    ONDERSTEUNINGSBEHOEFTE_LEIDEND = 1, "De ondersteuningsbehoefte is leidend"
    LEERLING_GEHOORD = 2, "De leerling wordt gehoord"
    LERAAR_TOEGERUST = 3, "De leraar wordt ondersteund en toegerust"
    OUDER_PARTNER = 4, "De ouder is gelijkwaardig partner"
    DEKKEND_NETWERK = 5, "Er is een dekkend netwerk in elke regio"
    TRANSPARANTE_MIDDELEN = 6, "Er is transparantie en verantwoording over ondersteuningsmiddelen"
    ADMINISTRATIEVE_LAST = 7, "Er is acceptabele administratieve belasting"


class Respondentgroep(models.TextChoices):
    LEERLING = "leerling", "Leerlingen"
    OUDER = "ouder", "Ouders van leerlingen met een ondersteuningsbehoefte"
    LERAAR = "leraar", "Leraren en mentoren"
    IB_OC = "ib_oc", "Intern begeleiders en ondersteuningscoördinatoren"
    SCHOOLLEIDER = "schoolleider", "Schoolleiders"
    BESTUUR = "bestuur", "Schoolbestuurders"
    SWV_LEIDING = "swv_leiding", "Leidinggevenden van het samenwerkingsverband"
    SWV_MEDEWERKER = "swv_medewerker", "Ondersteuners van het samenwerkingsverband"
    GEMEENTE = "gemeente", "Gemeenten (beleid onderwijs en zorg, leerplicht)"


#: Groups invited per school location (their response rate is shown per school).
SCHOOLGROEPEN = frozenset(
    {
        Respondentgroep.LEERLING,
        Respondentgroep.OUDER,
        Respondentgroep.LERAAR,
        Respondentgroep.IB_OC,
        Respondentgroep.SCHOOLLEIDER,
    }
)
#: Groups that get the questionnaire in plain, child-friendly (B1) words.
KINDVRIENDELIJKE_GROEPEN = frozenset({Respondentgroep.LEERLING})


class Schaal(models.TextChoices):
    """How an item is answered, and what its result is.

    - ``EENS_ONEENS``: 1 helemaal oneens … 5 helemaal eens; the result is the percentage
      that agrees (4 or 5), compared between waves with a two-proportion z-test.
    - ``CIJFER``: a mark from 1 to 10; the result is the mean, compared with Welch's t-test.

    "Weet ik niet" is no answer: it is not stored and does not count in n.
    """

    EENS_ONEENS = "eens_oneens", "Eens of oneens (1 tot 5)"
    CIJFER = "cijfer", "Cijfer (1 tot 10)"


#: The answer values each scale accepts.
SCHAALWAARDEN: dict[str, range] = {
    Schaal.EENS_ONEENS: range(1, 6),
    Schaal.CIJFER: range(1, 11),
}
#: On the EENS_ONEENS scale, these answers count as agreeing.
EENS_VANAF = 4


class Metingstatus(models.TextChoices):
    CONCEPT = "concept", "In voorbereiding"
    OPEN = "open", "Loopt"
    GESLOTEN = "gesloten", "Gesloten"


#: Code alphabet without look-alikes (no 0/O, 1/I/L).
CODE_ALFABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTE = 12  # 31**12 ≈ 7.9e17 codes: guessing one is hopeless


def nieuwe_code() -> str:
    """A new random invitation code, shown as three groups of four (``ABCD-EFGH-JKMN``)."""
    ruw = "".join(secrets.choice(CODE_ALFABET) for _ in range(CODE_LENGTE))
    return "-".join(ruw[i : i + 4] for i in range(0, CODE_LENGTE, 4))


def code_normaliseren(code: str) -> str:
    """What a person typed, as the canonical code: upper case, without spaces or dashes."""
    return "".join(teken for teken in code.upper() if teken.isalnum())


def code_hash(code: str) -> str:
    """The stored form of a code (SHA-256 of the normalised code): the code itself is never
    stored, so the database cannot be used to answer in someone else's name."""
    return hashlib.sha256(code_normaliseren(code).encode()).hexdigest()


def waarde_toegestaan(schaal: str, waarde: int) -> bool:
    return waarde in SCHAALWAARDEN[schaal]
