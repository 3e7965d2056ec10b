"""Pure rules of the toelaatbaarheidsverklaring (TLV), DOMAIN.md §2.3. No ORM, no now().

Confirmed rules are coded here: who is responsible (grensverkeer), at least two deskundigen
of whom one orthopedagoog or psycholoog, their independence, the 6-week bezwaar term and the
2-week term to ask the bezwaaradviescommissie for advice. Unconfirmed rules (the second
professions, the labels of the categories, the duration of a TLV, the signal before the end)
are settings per SWV: they come in as a ``Regeling``.
"""

import calendar
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.db import models

#: Parents or the board may object within 6 weeks after the decision (Awb 6:7, confirmed).
BEZWAARTERMIJN = timedelta(weeks=6)
#: The SWV asks its bezwaaradviescommissie for advice within 2 weeks (confirmed).
ADVIESAANVRAAGTERMIJN = timedelta(weeks=2)
#: At least two deskundigen advise before the SWV decides (confirmed).
MINIMUM_ADVIEZEN = 2
#: One of them is an orthopedagoog or a psycholoog (confirmed).
EERSTE_DESKUNDIGEN = frozenset({"orthopedagoog", "psycholoog"})
#: Bekostigingscategorieën of so/vso: 1, 2, 3 (their labels are a setting).
CATEGORIEEN = (1, 2, 3)
#: Against a beslissing op bezwaar parents or the board appeal to the rechtbank within 6
#: weeks (Awb 6:7, beroep; confirmed).
BEROEPTERMIJN = timedelta(weeks=6)
#: The most extra questions an SWV adds to its request form.
MAX_EXTRA_VRAGEN = 20


class Soort(models.TextChoices):
    SBO = "sbo", "Speciaal basisonderwijs (sbo)"
    SO = "so", "Speciaal onderwijs (so)"
    VSO = "vso", "Voortgezet speciaal onderwijs (vso)"
    PRO = "pro", "Praktijkonderwijs (pro)"


#: The sector of the SWV that decides on a TLV of each soort.
SECTOR_VAN_SOORT: dict[str, str] = {
    Soort.SBO: "PO",
    Soort.SO: "PO",
    Soort.VSO: "VO",
    Soort.PRO: "VO",
}
#: Only so and vso have a bekostigingscategorie.
SOORTEN_MET_CATEGORIE = frozenset({Soort.SO, Soort.VSO})


class Status(models.TextChoices):
    INGEDIEND = "ingediend", "Ingediend, wacht op controle"
    COMPLEET = "compleet", "Compleet, in behandeling"
    TOEGEKEND = "toegekend", "Toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


LOPEND = frozenset({Status.INGEDIEND, Status.COMPLEET})
BESLOTEN = frozenset({Status.TOEGEKEND, Status.AFGEWEZEN})

TOEGESTANE_OVERGANGEN: dict[str, frozenset[str]] = {
    Status.INGEDIEND: frozenset({Status.COMPLEET, Status.INGETROKKEN}),
    Status.COMPLEET: frozenset({Status.TOEGEKEND, Status.AFGEWEZEN, Status.INGETROKKEN}),
    Status.TOEGEKEND: frozenset(),
    Status.AFGEWEZEN: frozenset(),
    Status.INGETROKKEN: frozenset(),
}


class Besluit(models.TextChoices):
    TOEGEKEND = "toegekend", "Toegekend"
    AFGEWEZEN = "afgewezen", "Afgewezen"


class Conclusie(models.TextChoices):
    TOELAATBAAR = "toelaatbaar", "Toelaatbaar"
    NIET_TOELAATBAAR = "niet_toelaatbaar", "Niet toelaatbaar"


class Indiener(models.TextChoices):
    OUDERS = "ouders", "De ouders"
    SCHOOLBESTUUR = "schoolbestuur", "Het schoolbestuur"


class Uitkomst(models.TextChoices):
    GEGROND = "gegrond", "Gegrond"
    ONGEGROND = "ongegrond", "Ongegrond"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


class Bezwaarstap(models.TextChoices):
    ADVIES_VRAGEN = "advies_vragen", "Advies vragen aan de bezwaaradviescommissie"
    ADVIES_ONTVANGEN = "advies_ontvangen", "Advies van de commissie ontvangen"
    UITKOMST = "uitkomst", "Beslissen op het bezwaar"
    AFGEROND = "afgerond", "Afgerond"


def overgang_toegestaan(van: str, naar: str) -> bool:
    return naar in TOEGESTANE_OVERGANGEN.get(van, frozenset())


# --- The SWV's settings ------------------------------------------------------------------


@dataclass(frozen=True)
class Regeling:
    """The TLV settings of one SWV (or the defaults of ``settings.PASSEND``)."""

    tweede_deskundigen: tuple[str, ...]
    categorie_labels: tuple[str, str, str]
    minimale_duur_maanden: int
    maximale_duur_maanden: int | None
    einde_signaal_maanden: int
    bezwaar_indienen_bij: str
    bezwaaradviescommissie: str

    def categorie_label(self, categorie: int | None) -> str:
        if categorie is None:
            return ""
        return f"categorie {categorie} ({self.categorie_labels[categorie - 1]})"


STANDAARD_BEZWAARADVIESCOMMISSIE = "de Landelijke Bezwaaradviescommissie TLV (LBT)"


def standaardregeling(passend: Mapping[str, Any], *, swv_naam: str = "") -> Regeling:
    """The defaults from ``settings.PASSEND`` (the caller passes the dict)."""
    labels = [str(label) for label in passend["TLV_CATEGORIE_LABELS"]][:3]
    labels += [f"categorie {i}" for i in range(len(labels) + 1, 4)]
    return Regeling(
        tweede_deskundigen=tuple(normaliseer_beroep(b) for b in passend["TLV_TWEEDE_DESKUNDIGEN"]),
        categorie_labels=(labels[0], labels[1], labels[2]),
        minimale_duur_maanden=int(passend["TLV_MINIMALE_DUUR_MAANDEN"]),
        maximale_duur_maanden=None,
        einde_signaal_maanden=int(passend["TLV_EINDE_SIGNAAL_MAANDEN"]),
        bezwaar_indienen_bij=f"het bestuur van {swv_naam}"
        if swv_naam
        else "het samenwerkingsverband",
        bezwaaradviescommissie=STANDAARD_BEZWAARADVIESCOMMISSIE,
    )


# --- Dates -------------------------------------------------------------------------------


def maanden_erbij(datum: date, maanden: int) -> date:
    """The same day ``maanden`` months later; a day the month lacks becomes its last day
    (31 January + 1 month = 28 or 29 February)."""
    jaar, maand = divmod(datum.year * 12 + datum.month - 1 + maanden, 12)
    laatste_dag = calendar.monthrange(jaar, maand + 1)[1]
    return date(jaar, maand + 1, min(datum.day, laatste_dag))


def minimale_einddatum(ingangsdatum: date, minimale_duur_maanden: int) -> date:
    """The earliest end date: the period (both days included) lasts the minimum months
    (1 August 2026 with 12 months: 31 July 2027, one school year)."""
    return maanden_erbij(ingangsdatum, minimale_duur_maanden) - timedelta(days=1)


def duur_fouten(
    *,
    ingangsdatum: date,
    einddatum: date,
    minimale_duur_maanden: int,
    maximale_duur_maanden: int | None,
) -> dict[str, str]:
    """What is wrong with a TLV's period, per field (empty: fine)."""
    if einddatum <= ingangsdatum:
        return {"einddatum": "De einddatum moet na de ingangsdatum liggen."}
    fouten = {}
    kortste = minimale_einddatum(ingangsdatum, minimale_duur_maanden)
    if minimale_duur_maanden > 0 and einddatum < kortste:
        fouten["einddatum"] = (
            f"Een TLV duurt bij dit samenwerkingsverband minstens {minimale_duur_maanden} "
            f"maanden: kies een einddatum op of na {kortste:%d-%m-%Y}."
        )
    if maximale_duur_maanden is not None:
        langste = minimale_einddatum(ingangsdatum, maximale_duur_maanden)
        if einddatum > langste:
            fouten["einddatum"] = (
                f"Een TLV duurt bij dit samenwerkingsverband hoogstens {maximale_duur_maanden} "
                f"maanden: kies een einddatum op of vóór {langste:%d-%m-%Y}."
            )
    return fouten


def bezwaar_uiterlijk(besluit_op: date) -> date:
    """The last day to object: 6 weeks after the decision (calendar weeks)."""
    return besluit_op + BEZWAARTERMIJN


def bezwaar_te_laat(*, besluit_op: date, ingediend_op: date) -> bool:
    """A bezwaar after the term is still accepted, but marked late."""
    return ingediend_op > bezwaar_uiterlijk(besluit_op)


def adviesaanvraag_uiterlijk(bezwaar_ontvangen_op: date) -> date:
    """The SWV asks the bezwaaradviescommissie for advice within 2 weeks of the bezwaar."""
    return bezwaar_ontvangen_op + ADVIESAANVRAAGTERMIJN


def adviesaanvraag_te_laat(
    *, bezwaar_ontvangen_op: date, adviesaanvraag_op: date | None, vandaag: date
) -> bool:
    """Asked too late, or not asked yet while the term has passed."""
    uiterste = adviesaanvraag_uiterlijk(bezwaar_ontvangen_op)
    if adviesaanvraag_op is not None:
        return adviesaanvraag_op > uiterste
    return vandaag > uiterste


def beroep_uiterlijk(beslist_op: date) -> date:
    """The last day to appeal to the rechtbank against a beslissing op bezwaar."""
    return beslist_op + BEROEPTERMIJN


def beslissing_op_bezwaar_fout(*, uitkomsten: Iterable[str], al_beslist: bool) -> str | None:
    """Why the SWV cannot take a new decision on an objection now (None: it can). Only
    after a bezwaar was judged gegrond, and only once per TLV."""
    if al_beslist:
        return "Op het bezwaar tegen deze TLV is al een nieuwe beslissing genomen."
    if Uitkomst.GEGROND not in set(uitkomsten):
        return (
            "Een beslissing op bezwaar neemt het samenwerkingsverband pas als het bezwaar "
            "gegrond is verklaard."
        )
    return None


def intrekken_fout(status: str) -> str | None:
    """Why the school cannot withdraw the request now (None: it can)."""
    if overgang_toegestaan(status, Status.INGETROKKEN):
        return None
    if status == Status.INGETROKKEN:
        return "Deze aanvraag is al ingetrokken."
    return "Over deze aanvraag is al besloten. Intrekken kan alleen vóór het besluit."


def onbeantwoorde_verplichte_vragen(
    vragen: Iterable[tuple[int, str, bool]], beantwoord: Iterable[int]
) -> list[str]:
    """The texts of the required extra questions (id, text, required) without an answer."""
    gedaan = set(beantwoord)
    return [tekst for vraag_id, tekst, verplicht in vragen if verplicht and vraag_id not in gedaan]


def volgende_bezwaarstap(
    *, adviesaanvraag_op: date | None, advies_ontvangen_op: date | None, uitkomst: str
) -> str:
    if uitkomst:
        return Bezwaarstap.AFGEROND
    if adviesaanvraag_op is None:
        return Bezwaarstap.ADVIES_VRAGEN
    if advies_ontvangen_op is None:
        return Bezwaarstap.ADVIES_ONTVANGEN
    return Bezwaarstap.UITKOMST


def eindigt_binnenkort(*, einddatum: date, vandaag: date, maanden: int) -> bool:
    """The TLV runs out within the signal window (setting per SWV)."""
    return vandaag <= einddatum <= maanden_erbij(vandaag, maanden)


def verlenging_fout(*, status: str, einddatum: date | None, vandaag: date) -> str | None:
    """Why no verlenging can be requested now (None: it can)."""
    if status != Status.TOEGEKEND or einddatum is None:
        return "Alleen een toegekende TLV kan worden verlengd."
    if vandaag > einddatum:
        return (
            f"Deze TLV is op {einddatum:%d-%m-%Y} afgelopen. Een verlenging vraagt de school aan "
            "vóór de einddatum; vraag nu een nieuwe TLV aan."
        )
    return None


# --- Deskundigen ---------------------------------------------------------------------------


def normaliseer_beroep(beroep: str) -> str:
    return " ".join(str(beroep).lower().split())


def is_eerste_deskundige(beroep: str) -> bool:
    return normaliseer_beroep(beroep) in EERSTE_DESKUNDIGEN


def adviezen_fouten(beroepen: Sequence[str], tweede_deskundigen: Iterable[str]) -> list[str]:
    """Whether the advices (one per deskundige, by profession) allow a decision."""
    tweede = {normaliseer_beroep(b) for b in tweede_deskundigen}
    genormaliseerd = [normaliseer_beroep(b) for b in beroepen]
    if len(genormaliseerd) < MINIMUM_ADVIEZEN:
        return [
            f"Er is advies nodig van minstens {MINIMUM_ADVIEZEN} deskundigen; er "
            f"{'is' if len(genormaliseerd) == 1 else 'zijn'} er nu {len(genormaliseerd)}."
        ]
    eersten = [i for i, b in enumerate(genormaliseerd) if b in EERSTE_DESKUNDIGEN]
    if not eersten:
        return ["Minstens één deskundige moet orthopedagoog of psycholoog zijn."]
    for i in eersten:
        if any(j != i and b in tweede for j, b in enumerate(genormaliseerd)):
            return []
    return [
        "De tweede deskundige moet een beroep hebben uit de lijst van het "
        f"samenwerkingsverband ({', '.join(sorted(tweede))})."
    ]


def onafhankelijkheid_fouten(
    *,
    naam: str,
    werkt_op_aanvragende_school: bool,
    betrokken_bij_aanvraag: bool,
) -> list[str]:
    """A deskundige is not attached to the requesting school and did not help prepare the
    request (confirmed)."""
    fouten = []
    if werkt_op_aanvragende_school:
        fouten.append(
            f"{naam} werkt op de school die de TLV aanvraagt en is daarom niet onafhankelijk. "
            "Kies een andere deskundige."
        )
    if betrokken_bij_aanvraag:
        fouten.append(
            f"{naam} heeft meegewerkt aan de aanvraag of het OPP en is daarom niet "
            "onafhankelijk. Kies een andere deskundige."
        )
    return fouten


# --- Grensverkeer --------------------------------------------------------------------------


class GeenVerantwoordelijkSwv(ValueError):
    """The responsible SWV cannot be determined; the message says why, in plain Dutch."""


@dataclass(frozen=True)
class Toewijzing:
    """Who decides: for a first enrolment in the sector the SWV of the home region, otherwise
    the SWV of the school (ids); grensverkeer when both are known and differ."""

    verantwoordelijk: int
    woonregio: int | None
    school: int | None
    eerste_inschrijving: bool

    @property
    def grensverkeer(self) -> bool:
        return (
            self.woonregio is not None and self.school is not None and self.woonregio != self.school
        )


def verantwoordelijk_swv(
    *,
    eerste_inschrijving: bool,
    woongemeente_bekend: bool,
    woonregio_swv: int | None,
    school_swv: int | None,
    sector: str,
) -> Toewijzing:
    """The grensverkeer rule (DOMAIN.md §2.3, confirmed)."""
    if eerste_inschrijving:
        if not woongemeente_bekend:
            raise GeenVerantwoordelijkSwv(
                "Dit is de eerste inschrijving van de leerling in het "
                f"{'primair' if sector == 'PO' else 'voortgezet'} onderwijs: dan beslist het "
                "samenwerkingsverband van de woonregio. De woongemeente van de leerling is niet "
                "bekend. Vul eerst de woongemeente in bij de gegevens van de leerling."
            )
        if woonregio_swv is None:
            raise GeenVerantwoordelijkSwv(
                "Voor de woongemeente van de leerling is geen samenwerkingsverband "
                f"({sector}) bekend. Neem contact op met het samenwerkingsverband."
            )
        return Toewijzing(
            verantwoordelijk=woonregio_swv,
            woonregio=woonregio_swv,
            school=school_swv,
            eerste_inschrijving=True,
        )
    if school_swv is None:
        raise GeenVerantwoordelijkSwv(
            "De vestiging van de school hoort niet bij een samenwerkingsverband voor het "
            f"{'primair' if sector == 'PO' else 'voortgezet'} onderwijs. Kies een andere soort "
            "TLV of neem contact op met het samenwerkingsverband."
        )
    return Toewijzing(
        verantwoordelijk=school_swv,
        woonregio=woonregio_swv,
        school=school_swv,
        eerste_inschrijving=False,
    )


# --- Reports -------------------------------------------------------------------------------


def weken_tussen(van: date | None, tot: date | None) -> float | None:
    """Calendar weeks between two dates, one decimal (None when a date is missing)."""
    if van is None or tot is None:
        return None
    return round((tot - van).days / 7, 1)


@dataclass(frozen=True)
class Behandelduur:
    tot_compleet: float | None
    compleet_tot_besluit: float | None
    totaal: float | None


def behandelduur(
    *, ontvangen_op: date | None, compleet_op: date | None, besluit_op: date | None
) -> Behandelduur:
    """Weeks from received to complete, complete to decision, and received to decision."""
    return Behandelduur(
        tot_compleet=weken_tussen(ontvangen_op, compleet_op),
        compleet_tot_besluit=weken_tussen(compleet_op, besluit_op),
        totaal=weken_tussen(ontvangen_op, besluit_op),
    )


def gemiddelde_en_mediaan(waarden: Iterable[float | None]) -> tuple[float | None, float | None]:
    getallen = [w for w in waarden if w is not None]
    if not getallen:
        return None, None
    return round(statistics.fmean(getallen), 1), round(statistics.median(getallen), 1)


def duur_in_jaren(ingangsdatum: date | None, einddatum: date | None) -> float | None:
    """The length of a TLV in years, one decimal (both days included)."""
    if ingangsdatum is None or einddatum is None:
        return None
    return round(((einddatum - ingangsdatum).days + 1) / 365.25, 1)
