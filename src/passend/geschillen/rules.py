"""Pure rules of disagreements and disputes (DOMAIN.md §2.6) and the Veilig Thuis guard.

* The route parents and school take when they disagree is data (``Routestap``; default:
  conversation with the school → school board → SWV multi-party meeting → steunpunt /
  onderwijsconsulent → GPO (the LBT for an objection to a TLV) → court).
* **GPO** (Geschillencommissie Passend Onderwijs): about admission, removal and setting or
  revising an OPP. Parents file **within 6 weeks** of the decision; the board answers
  **within 2 weeks** of the filing; the opinion follows **within 10 weeks** of the filing,
  holidays included (confirmed).
* **LBT** (objection to a TLV, DOMAIN.md §2.3): parents (or the board) object with the **SWV
  within 6 weeks** of the decision; the SWV asks its bezwaaradviescommissie (the LBT) for
  advice **within 2 weeks** of the objection, then decides on the objection. No board's
  answer and no 10-week opinion (confirmed).
* Measure 12: a report to Veilig Thuis must rest on signs of an unsafe home situation, never
  only on a disagreement about passend onderwijs.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models

GPO_INDIENEN_WEKEN = 6
GPO_ANTWOORD_BESTUUR_WEKEN = 2
GPO_OORDEEL_WEKEN = 10
LBT_BEZWAAR_WEKEN = 6
LBT_ADVIES_VRAGEN_WEKEN = 2


class Onderwerp(models.TextChoices):
    """What the disagreement is about."""

    OPP = "opp", "Het ontwikkelingsperspectief (OPP)"
    AANMELDING = "aanmelding", "De aanmelding of toelating"
    TLV = "tlv", "De toelaatbaarheidsverklaring (TLV)"
    VERWIJDERING = "verwijdering", "Verwijdering van school"
    ONDERSTEUNING = "ondersteuning", "De ondersteuning op school"
    OVERIG = "overig", "Iets anders"


#: What the disagreement is about, in plain language (B1) for the parent pages.
ONDERWERP_VOOR_OUDERS: dict[str, str] = {
    Onderwerp.OPP: "Het plan voor extra ondersteuning (OPP)",
    Onderwerp.AANMELDING: "De aanmelding of toelating",
    Onderwerp.TLV: "De toelating tot speciaal onderwijs (TLV)",
    Onderwerp.VERWIJDERING: "Verwijdering van school",
    Onderwerp.ONDERSTEUNING: "De ondersteuning op school",
    Onderwerp.OVERIG: "Iets anders",
}


class Stapsoort(models.TextChoices):
    GESPREK_SCHOOL = "gesprek_school", "Gesprek met de school"
    SCHOOLBESTUUR = "schoolbestuur", "Schoolbestuur"
    SWV_OVERLEG = "swv_overleg", "Overleg met het samenwerkingsverband"
    STEUNPUNT = "steunpunt", "Steunpunt of onderwijsconsulent"
    GESCHILLENCOMMISSIE = "geschillencommissie", "Geschillencommissie (GPO of LBT)"
    RECHTER = "rechter", "Rechter"


class Status(models.TextChoices):
    OPEN = "open", "Loopt"
    OPGELOST = "opgelost", "Opgelost"
    GESLOTEN = "gesloten", "Gesloten zonder oplossing"


class Stapuitkomst(models.TextChoices):
    OPGELOST = "opgelost", "Opgelost"
    NIET_OPGELOST = "niet_opgelost", "Niet opgelost, volgende stap"
    GESTOPT = "gestopt", "Ouders zijn gestopt"


#: Steps from which the SWV is involved (and then sees the case).
SWV_STAPPEN = frozenset(
    {
        Stapsoort.SWV_OVERLEG,
        Stapsoort.STEUNPUNT,
        Stapsoort.GESCHILLENCOMMISSIE,
        Stapsoort.RECHTER,
    }
)
#: The GPO judges these subjects; an objection to a TLV goes to the LBT.
GPO_ONDERWERPEN = frozenset({Onderwerp.OPP, Onderwerp.AANMELDING, Onderwerp.VERWIJDERING})


def commissie_voor(onderwerp: str) -> str | None:
    """Which commission judges the dispute: "GPO", "LBT", or None (neither)."""
    if onderwerp == Onderwerp.TLV:
        return "LBT"
    if onderwerp in GPO_ONDERWERPEN:
        return "GPO"
    return None


@dataclass(frozen=True)
class GpoTermijnen:
    """The legal terms of a GPO dispute; a date is None while its start is unknown."""

    indienen_uiterlijk: date | None
    antwoord_bestuur_uiterlijk: date | None
    oordeel_uiterlijk: date | None


def gpo_termijnen(besluit_op: date | None, ingediend_op: date | None) -> GpoTermijnen:
    """File within 6 weeks of the decision; the board answers within 2 weeks and the opinion
    follows within 10 weeks of the filing (calendar weeks, holidays included)."""
    return GpoTermijnen(
        indienen_uiterlijk=(
            besluit_op + timedelta(weeks=GPO_INDIENEN_WEKEN) if besluit_op else None
        ),
        antwoord_bestuur_uiterlijk=(
            ingediend_op + timedelta(weeks=GPO_ANTWOORD_BESTUUR_WEKEN) if ingediend_op else None
        ),
        oordeel_uiterlijk=(
            ingediend_op + timedelta(weeks=GPO_OORDEEL_WEKEN) if ingediend_op else None
        ),
    )


@dataclass(frozen=True)
class LbtTermijnen:
    """The legal terms of an objection to a TLV; a date is None while its start is unknown."""

    bezwaar_uiterlijk: date | None
    advies_vragen_uiterlijk: date | None


def lbt_termijnen(besluit_op: date | None, bezwaar_op: date | None) -> LbtTermijnen:
    """Object with the SWV within 6 weeks of the decision; the SWV asks the LBT for advice
    within 2 weeks of the objection (calendar weeks, holidays included)."""
    return LbtTermijnen(
        bezwaar_uiterlijk=(besluit_op + timedelta(weeks=LBT_BEZWAAR_WEKEN) if besluit_op else None),
        advies_vragen_uiterlijk=(
            bezwaar_op + timedelta(weeks=LBT_ADVIES_VRAGEN_WEKEN) if bezwaar_op else None
        ),
    )


def op_tijd_ingediend(besluit_op: date, ingediend_op: date) -> bool:
    """Filed on or before the last day of the 6 weeks (the GPO request and the objection
    against a TLV have the same 6 weeks)."""
    return ingediend_op <= besluit_op + timedelta(weeks=GPO_INDIENEN_WEKEN)


def termijn_verstreken(uiterlijk: date | None, gedaan_op: date | None, peildatum: date) -> bool:
    """A term passed without the thing being done (done late also counts)."""
    if uiterlijk is None:
        return False
    if gedaan_op is not None:
        return gedaan_op > uiterlijk
    return peildatum > uiterlijk


# --- Veilig Thuis ---------------------------------------------------------------------

#: The five steps of the meldcode huiselijk geweld en kindermishandeling.
MELDCODE_STAPPEN: tuple[tuple[str, str], ...] = (
    ("signalen", "Stap 1: de signalen in kaart gebracht"),
    ("consultatie", "Stap 2: collega's geraadpleegd en zo nodig Veilig Thuis om advies gevraagd"),
    ("gesprek", "Stap 3: gesprek met de ouders en, als dat kan, met het kind"),
    ("wegen", "Stap 4: het geweld of de kindermishandeling gewogen met het afwegingskader"),
    ("beslissen", "Stap 5: beslist: melden bij Veilig Thuis en/of hulp organiseren"),
)
MELDCODE_CODES = frozenset(code for code, _ in MELDCODE_STAPPEN)


def veilig_thuis_fouten(
    *, signalen: str, stappen: list[str], onenigheid_open: bool, bevestigd: bool
) -> dict[str, str]:
    """What is missing in a Veilig Thuis report (measure 12); empty when complete."""
    fouten: dict[str, str] = {}
    if not signalen.strip():
        fouten["signalen"] = "Beschrijf de signalen van een onveilige thuissituatie."
    onbekend = set(stappen) - MELDCODE_CODES
    if onbekend:
        fouten["meldcode_stappen"] = "Kies alleen stappen van de meldcode."
    if onenigheid_open and not bevestigd:
        fouten["bevestiging"] = (
            "Er loopt een onenigheid met de ouders over deze leerling. Bevestig dat de melding "
            "berust op signalen van een onveilige thuissituatie en niet op de onenigheid."
        )
    return fouten
