"""Pure rules of an arrangement request to the samenwerkingsverband (DOMAIN.md §2.3).

No ORM and no ``now()``: dates and amounts come in, answers go out. The lifecycle is data
(``TOEGESTANE_OVERGANGEN``); the services check every step against it.

An SWV sets its own criteria for arrangements in its ondersteuningsplan; what is coded here
is only what every request needs to be decidable: a period that ends after it starts, an
amount in whole cents, a decision with reasons, and a granted amount and period that fit
the request. Where the law says nothing (the objection term for an arrangement), the value
is a setting with a default (``settings.PASSEND``).
"""

import statistics
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db import models

from passend.organisaties.rules import SECTOREN_VAN_SOORT, Sector


class Status(models.TextChoices):
    INGEDIEND = "ingediend", "Ingediend"
    ONVOLLEDIG = "onvolledig", "Onvolledig: de school vult aan"
    COMPLEET = "compleet", "Compleet: wacht op besluit"
    BESLOTEN = "besloten", "Besloten"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


class Besluit(models.TextChoices):
    TOEGEKEND = "toegekend", "Toegekend"
    DEELS = "deels", "Deels toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"


#: Still with the samenwerkingsverband or the school: no decision yet.
OPEN = frozenset({Status.INGEDIEND, Status.ONVOLLEDIG, Status.COMPLEET})
#: The one allowed step from each status (``besloten`` and ``ingetrokken`` are final).
TOEGESTANE_OVERGANGEN: dict[str, frozenset[str]] = {
    Status.INGEDIEND: frozenset({Status.ONVOLLEDIG, Status.COMPLEET, Status.INGETROKKEN}),
    Status.ONVOLLEDIG: frozenset({Status.INGEDIEND, Status.INGETROKKEN}),
    Status.COMPLEET: frozenset({Status.BESLOTEN, Status.INGETROKKEN}),
    Status.BESLOTEN: frozenset(),
    Status.INGETROKKEN: frozenset(),
}

#: A typing error rather than a request (and the largest value the column holds).
MAXIMUM_BEDRAG = Decimal("999999.99")
#: Dates outside these years are typing errors (and break the year arithmetic).
VROEGSTE_JAAR, LAATSTE_JAAR = 2000, 2100
#: Default objection term for parents (weeks), when the SWV has not set its own.
STANDAARD_BEZWAARTERMIJN_WEKEN = 6
#: Below this age a pupil at a combined (v)so location counts as primary (PO).
LEEFTIJD_VO = 12

#: The route when parents (or the school) disagree, as data (DOMAIN.md §2.6).
ONENIGHEIDSROUTE: tuple[str, ...] = (
    "Praat eerst met de school over het besluit.",
    "Kom u er samen niet uit? Praat dan met het schoolbestuur.",
    "Vraag het samenwerkingsverband of het ouder- en jeugdsteunpunt om een gesprek met "
    "iedereen erbij.",
    "Vraag een onderwijsconsulent om hulp (gratis en onafhankelijk).",
    "Leg het geschil voor aan de Geschillencommissie Passend Onderwijs.",
    "Daarna kunt u naar de rechter.",
)


def overgang_toegestaan(van: str, naar: str) -> bool:
    return naar in TOEGESTANE_OVERGANGEN.get(van, frozenset())


def overgang_fout(van: str, naar: str) -> str | None:
    """Why this step cannot be taken from this status, in plain Dutch (None: it can)."""
    if overgang_toegestaan(van, naar):
        return None
    if van == Status.BESLOTEN:
        return "Over deze aanvraag is al besloten. Er kan niets meer aan veranderen."
    if van == Status.INGETROKKEN:
        return "Deze aanvraag is ingetrokken. Er kan niets meer aan veranderen."
    meldingen: dict[str, str] = {
        Status.COMPLEET: "Alleen een nieuw ingediende aanvraag wordt op volledigheid gecontroleerd.",
        Status.ONVOLLEDIG: "Alleen een nieuw ingediende aanvraag wordt op volledigheid gecontroleerd.",
        Status.BESLOTEN: "Er wordt pas besloten als het loket de aanvraag compleet heeft verklaard.",
        Status.INGEDIEND: "Alleen een onvolledige aanvraag wordt aangevuld en opnieuw ingediend.",
        Status.INGETROKKEN: "Deze aanvraag kan niet meer worden ingetrokken.",
    }
    return meldingen.get(naar, "Deze stap is bij deze status niet mogelijk.")


# --- Amounts and periods ---------------------------------------------------------------


def bedrag_fout(bedrag: Decimal | None, *, veld: str = "Het bedrag") -> str | None:
    """An amount in euros: more than 0, at most ``MAXIMUM_BEDRAG``, in whole cents."""
    if bedrag is None:
        return f"{veld} ontbreekt."
    if not bedrag.is_finite():
        return f"{veld} is geen geldig getal."
    if bedrag <= 0:
        return f"{veld} moet meer dan € 0 zijn."
    if bedrag > MAXIMUM_BEDRAG:
        return f"{veld} kan niet meer dan € 999.999,99 zijn."
    if bedrag != bedrag.quantize(Decimal("0.01")):
        return f"{veld} heeft hoogstens 2 cijfers achter de komma (hele centen)."
    return None


def datum_fout(datum: date) -> str | None:
    if not VROEGSTE_JAAR <= datum.year <= LAATSTE_JAAR:
        return f"Kies een datum tussen {VROEGSTE_JAAR} en {LAATSTE_JAAR}."
    return None


def periode_fouten(van: date, tot: date, *, aanvraagdatum: date) -> dict[str, str]:
    """The requested period: ``tot`` (inclusive) after ``van``, not already over."""
    fouten: dict[str, str] = {}
    for veld, datum in (("van", van), ("tot", tot)):
        fout = datum_fout(datum)
        if fout:
            fouten[veld] = fout
    if fouten:
        return fouten
    if tot <= van:
        fouten["tot"] = "De einddatum moet na de begindatum liggen."
    elif tot < aanvraagdatum:
        fouten["tot"] = (
            "Deze periode is al voorbij. Vraag een arrangement aan voor een periode die nog "
            "loopt of nog moet beginnen."
        )
    return fouten


def aanvraag_fouten(
    *,
    ondersteuning: str,
    toelichting: str,
    van: date,
    tot: date,
    bedrag: Decimal | None,
    aanvraagdatum: date,
) -> dict[str, str]:
    """Everything a request needs before it goes to the SWV, per field."""
    fouten: dict[str, str] = {}
    if not ondersteuning.strip():
        fouten["ondersteuning"] = "Beschrijf welke ondersteuning u vraagt."
    if not toelichting.strip():
        fouten["toelichting"] = "Leg uit waarom de leerling deze ondersteuning nodig heeft."
    fout = bedrag_fout(bedrag)
    if fout:
        fouten["bedrag"] = fout
    fouten.update(periode_fouten(van, tot, aanvraagdatum=aanvraagdatum))
    return fouten


def datum_volgorde_fout(vorige: date | None, datum: date, *, vandaag: date) -> str | None:
    """A step is dated today or earlier, and never before the step before it."""
    if datum > vandaag:
        return "Een stap kan niet in de toekomst worden gedateerd."
    if vorige is not None and datum < vorige:
        return f"Deze stap kan niet eerder zijn dan de vorige stap ({vorige:%d-%m-%Y})."
    return None


# --- The decision ------------------------------------------------------------------------


@dataclass(frozen=True)
class Toekenning:
    """What the commission decided, as plain facts (empty for a refusal)."""

    besluit: str
    redenen: str
    bedrag: Decimal | None
    van: date | None
    tot: date | None


def besluit_fouten(
    t: Toekenning, *, aangevraagd_bedrag: Decimal, aangevraagd_van: date, aangevraagd_tot: date
) -> dict[str, str]:
    """The decision fits the request.

    * Every decision has reasons.
    * ``toegekend``: the requested amount for the requested period.
    * ``deels``: a lower amount, or a shorter period within the requested one (or both);
      never more money or a longer period than was asked.
    * ``afgewezen``: no amount and no period.
    """
    fouten: dict[str, str] = {}
    if t.besluit not in Besluit.values:
        return {"besluit": "Kies toegekend, deels toegekend of afgewezen."}
    if not t.redenen.strip():
        fouten["redenen"] = "Schrijf de redenen van het besluit op."
    if t.besluit == Besluit.AFGEWEZEN:
        if t.bedrag is not None:
            fouten["toegekend_bedrag"] = "Bij een afwijzing hoort geen toegekend bedrag."
        if t.van is not None or t.tot is not None:
            fouten["toegekend_van"] = "Bij een afwijzing hoort geen periode."
        return fouten
    bedrag, van, tot = t.bedrag, t.van, t.tot
    fout = bedrag_fout(bedrag, veld="Het toegekende bedrag")
    if fout:
        fouten["toegekend_bedrag"] = fout
    if van is None:
        fouten["toegekend_van"] = "Vul de begindatum van de toegekende periode in."
    if tot is None:
        fouten["toegekend_tot"] = "Vul de einddatum van de toegekende periode in."
    if fouten or bedrag is None or van is None or tot is None:
        return fouten
    for veld, datum in (("toegekend_van", van), ("toegekend_tot", tot)):
        fout = datum_fout(datum)
        if fout:
            fouten[veld] = fout
    if fouten:
        return fouten
    if tot <= van:
        return {"toegekend_tot": "De einddatum moet na de begindatum liggen."}
    if van < aangevraagd_van or tot > aangevraagd_tot:
        fouten["toegekend_van"] = (
            "De toegekende periode valt binnen de aangevraagde periode "
            f"({aangevraagd_van:%d-%m-%Y} tot en met {aangevraagd_tot:%d-%m-%Y})."
        )
    if bedrag > aangevraagd_bedrag:
        fouten["toegekend_bedrag"] = (
            f"Er kan niet meer worden toegekend dan is aangevraagd ({euro(aangevraagd_bedrag)})."
        )
    if fouten:
        return fouten
    volledig = bedrag == aangevraagd_bedrag and van == aangevraagd_van and tot == aangevraagd_tot
    if t.besluit == Besluit.TOEGEKEND and not volledig:
        fouten["besluit"] = (
            "Bij 'toegekend' horen het aangevraagde bedrag en de aangevraagde periode. Kent u "
            "minder geld of een kortere periode toe? Kies dan 'deels toegekend'."
        )
    if t.besluit == Besluit.DEELS and volledig:
        fouten["besluit"] = (
            "U kent het hele bedrag voor de hele periode toe. Kies dan 'toegekend', of kies "
            "een lager bedrag of een kortere periode."
        )
    return fouten


def bezwaar_uiterlijk(besloten_op: date, weken: int) -> date:
    """The last day parents can object: ``weken`` calendar weeks after the decision."""
    return besloten_op + timedelta(weeks=weken)


# --- Which samenwerkingsverband ----------------------------------------------------------


def sector_van_aanvraag(soort: str, leeftijd: int) -> str:
    """The sector whose SWV decides: that of the location's soort; at a combined (v)so
    location the pupil's age decides (under 12: primary)."""
    sectoren = SECTOREN_VAN_SOORT[soort]
    if len(sectoren) == 1:
        return sectoren[0]
    return Sector.PO if leeftijd < LEEFTIJD_VO else Sector.VO


# --- Handling times ------------------------------------------------------------------------


def dagen_tussen(begin: date, einde: date) -> int:
    return (einde - begin).days


def gemiddelde_en_mediaan(waarden: list[int]) -> tuple[float | None, float | None]:
    """Mean and median (one decimal), or (None, None) without values."""
    if not waarden:
        return None, None
    return round(statistics.fmean(waarden), 1), round(float(statistics.median(waarden)), 1)


def euro(bedrag: Decimal) -> str:
    """'€ 1.234,50': the amount as Dutch readers write it."""
    negatief = bedrag < 0
    centen = abs(bedrag).quantize(Decimal("0.01"))
    heel, _, fractie = f"{centen:.2f}".partition(".")
    groepen: list[str] = []
    while heel:
        groepen.insert(0, heel[-3:])
        heel = heel[:-3]
    return f"{'-' if negatief else ''}€ {'.'.join(groepen)},{fractie}"
