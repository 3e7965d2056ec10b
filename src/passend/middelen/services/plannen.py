"""Writes of the ondersteuningsplan and the meerjarenbegroting: a new plan, a new version
(kept, numbered, never changed), the OPR's consent and the OOGO with a municipality.

Every write runs in one transaction, locks the plan row (or, for a new plan, the SWV row,
so two overlapping plans cannot be made at once), checks the policy again on the locked
row and writes one access-log record ("middelen.plan") on success. A new version carries
the ``revisie`` of the plan that the form was opened on: a stale form is refused
(``Conflict``), nothing is saved. Plans are figures and texts, never a pupil.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone

from passend.core.models import Actie
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.middelen.models import Begroting, Begrotingspost, Instemming, Oogo, Plan, Planversie
from passend.middelen.permissions import beleid
from passend.middelen.rules import (
    AFDRACHTEN,
    BATEN,
    LASTEN,
    PLAN_LAATSTE_JAAR,
    PLAN_VROEGSTE_JAAR,
    VROEGSTE_DATUM,
    Instemmingsuitkomst,
    Oogouitkomst,
    Plansoort,
    plan_uiterlijk_tot,
)
from passend.organisaties.models import Samenwerkingsverband

OBJECT_TYPE = "middelen.plan"
MAX_TITEL = 200
MAX_TEKST = 10_000


class Conflict(Exception):
    """Somebody else changed this plan since the form was opened: nothing was saved."""

    def __init__(self, melding: str, *, code: str = "conflict") -> None:
        super().__init__(melding)
        self.melding = melding
        self.code = code


def _log(actor: Any, plan: Plan, actie: Actie, reden: str, route: str) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(plan.pk),
        toegestaan=True,
        reden=reden,
        route=route,
    )


def _vergrendeld(plan_id: int, actor: Any, actie: str) -> Plan:
    """Lock the plan row and check the policy again on the locked row."""
    rij = Plan.objects.select_for_update().get(pk=plan_id)
    if not beleid.mag(actor, actie, rij):
        raise Geweigerd(beleid.weigerredenen[actie])
    return rij


def _tekst(waarde: str, veld: str, melding: str, maximum: int, fouten: dict[str, list[str]]) -> str:
    tekst = (waarde or "").strip()
    if not tekst:
        fouten.setdefault(veld, []).append(melding)
    elif len(tekst) > maximum:
        fouten.setdefault(veld, []).append(
            f"De tekst is te lang. Gebruik maximaal {maximum} tekens."
        )
    return tekst


def _niet_in_de_toekomst(veld: str, datum: Any, fouten: dict[str, list[str]]) -> None:
    if not isinstance(datum, datetime.date):
        fouten.setdefault(veld, []).append("Vul een datum in.")
    elif datum < VROEGSTE_DATUM:
        fouten.setdefault(veld, []).append(
            f"Deze datum ligt te ver terug. Vul een datum vanaf {_datum(VROEGSTE_DATUM)} in."
        )
    elif datum > timezone.localdate():
        fouten.setdefault(veld, []).append("Deze datum ligt in de toekomst. Vul de echte datum in.")


def _datum(d: datetime.date) -> str:
    return f"{d.day}-{d.month}-{d.year}"


# --- A new plan -----------------------------------------------------------------------------


def plan_aanmaken(
    *,
    actor: Any,
    soort: str,
    titel: str,
    periode_van: datetime.date | None,
    periode_tot: datetime.date | None,
    route: str = "",
) -> Plan:
    """A new plan of the actor's SWV. The directeur makes an ondersteuningsplan, the
    controller a meerjarenbegroting. An ondersteuningsplan runs at most 4 years; plans of
    the same soort of one SWV do not overlap. A refusal is logged (outside the write's
    transaction, so the record stays) before ``Geweigerd`` is raised."""
    swv_id = getattr(actor.rol, "samenwerkingsverband_id", None)
    if soort not in Plansoort.values:
        raise ValidationError({"soort": "Kies het soort plan."})
    if swv_id is None or not beleid.mag(
        actor, "plan_bewerken", Plan(samenwerkingsverband_id=swv_id, soort=soort)
    ):
        toegang_vastleggen(
            actor=actor,
            actie=Actie.AANMAKEN,
            object_type=OBJECT_TYPE,
            toegestaan=False,
            reden=f"geweigerd: {beleid.weigerredenen['plan_bewerken']}",
            route=route,
        )
        raise Geweigerd(beleid.weigerredenen["plan_bewerken"])
    return _plan_maken(
        actor=actor,
        swv_id=swv_id,
        soort=soort,
        titel=titel,
        periode_van=periode_van,
        periode_tot=periode_tot,
        route=route,
    )


@transaction.atomic
def _plan_maken(
    *,
    actor: Any,
    swv_id: int,
    soort: str,
    titel: str,
    periode_van: datetime.date | None,
    periode_tot: datetime.date | None,
    route: str,
) -> Plan:
    fouten: dict[str, list[str]] = {}
    titel = _tekst(titel, "titel", "Geef het plan een titel.", MAX_TITEL, fouten)
    if not isinstance(periode_van, datetime.date):
        fouten.setdefault("periode_van", []).append("Vul de eerste dag van het plan in.")
    if not isinstance(periode_tot, datetime.date):
        fouten.setdefault("periode_tot", []).append("Vul de laatste dag van het plan in.")
    for veld, dag in (("periode_van", periode_van), ("periode_tot", periode_tot)):
        if isinstance(dag, datetime.date) and not (
            PLAN_VROEGSTE_JAAR <= dag.year <= PLAN_LAATSTE_JAAR
        ):
            fouten.setdefault(veld, []).append(
                f"Kies een datum tussen 1-1-{PLAN_VROEGSTE_JAAR} en 31-12-{PLAN_LAATSTE_JAAR}."
            )
    if fouten:
        raise ValidationError(fouten)
    if isinstance(periode_van, datetime.date) and isinstance(periode_tot, datetime.date):
        if periode_tot < periode_van:
            fouten.setdefault("periode_tot", []).append(
                "De laatste dag ligt voor de eerste dag. Kies een latere datum."
            )
        elif soort == Plansoort.ONDERSTEUNINGSPLAN and periode_tot > plan_uiterlijk_tot(
            periode_van
        ):
            fouten.setdefault("periode_tot", []).append(
                "Een ondersteuningsplan loopt hoogstens 4 jaar. Dit plan mag tot en met "
                f"{_datum(plan_uiterlijk_tot(periode_van))} lopen."
            )
    if fouten:
        raise ValidationError(fouten)
    assert isinstance(periode_van, datetime.date) and isinstance(periode_tot, datetime.date)
    # Lock the SWV: two plans made at once cannot both pass the overlap check.
    Samenwerkingsverband.objects.select_for_update().filter(pk=swv_id).first()
    overlap = (
        Plan.objects.filter(
            samenwerkingsverband_id=swv_id,
            soort=soort,
            periode_van__lte=periode_tot,
            periode_tot__gte=periode_van,
        )
        .order_by("periode_van")
        .first()
    )
    if overlap is not None:
        raise ValidationError(
            {
                "periode_van": (
                    f"Deze periode overlapt met '{overlap.titel}' "
                    f"({_datum(overlap.periode_van)} tot en met {_datum(overlap.periode_tot)}). "
                    "Kies een periode die daarna begint of daarvoor eindigt."
                )
            }
        )
    plan = Plan(
        samenwerkingsverband_id=swv_id,
        soort=soort,
        titel=titel,
        periode_van=periode_van,
        periode_tot=periode_tot,
    )
    plan.full_clean()
    plan.save()
    _log(actor, plan, Actie.AANMAKEN, f"{plan.get_soort_display()} aangemaakt", route)
    return plan


# --- A new version --------------------------------------------------------------------------


@dataclass(frozen=True)
class Jaartotalen:
    baten: Decimal
    afdrachten: Decimal
    lasten: Decimal

    @property
    def resultaat(self) -> Decimal:
        return self.baten - self.afdrachten - self.lasten


def jaartotalen(swv_id: int, van: int, tot: int) -> dict[int, Jaartotalen]:
    """Totals per year (baten, afdrachten, lasten) of the SWV's budgets of these years, in
    one query (years without a budget are missing)."""
    rijen = (
        Begrotingspost.objects.filter(
            begroting__samenwerkingsverband_id=swv_id,
            begroting__jaar__gte=van,
            begroting__jaar__lte=tot,
        )
        .values("begroting__jaar", "soort")
        .annotate(totaal=Sum("bedrag"))
        .order_by()
    )
    per_jaar: dict[int, dict[str, Decimal]] = {}
    for rij in rijen:
        per_jaar.setdefault(rij["begroting__jaar"], {})[rij["soort"]] = rij["totaal"]
    # Budgets without posts count too (all zero).
    for jaar in Begroting.objects.filter(
        samenwerkingsverband_id=swv_id, jaar__gte=van, jaar__lte=tot
    ).values_list("jaar", flat=True):
        per_jaar.setdefault(jaar, {})
    nul = Decimal("0.00")
    return {
        jaar: Jaartotalen(
            baten=sum((b for s, b in posten.items() if s in BATEN), nul),
            afdrachten=sum((b for s, b in posten.items() if s in AFDRACHTEN), nul),
            lasten=sum((b for s, b in posten.items() if s in LASTEN), nul),
        )
        for jaar, posten in sorted(per_jaar.items())
    }


def bedragen_momentopname(plan: Plan) -> dict[str, dict[str, str]]:
    """What a meerjarenbegroting version keeps: per year of the plan period with a budget,
    its totals (decimal strings, so nothing is lost in JSON)."""
    totalen = jaartotalen(
        plan.samenwerkingsverband_id, plan.periode_van.year, plan.periode_tot.year
    )
    return {
        str(jaar): {
            "baten": str(t.baten),
            "afdrachten": str(t.afdrachten),
            "lasten": str(t.lasten),
            "resultaat": str(t.resultaat),
        }
        for jaar, t in totalen.items()
    }


@transaction.atomic
def versie_toevoegen(
    *,
    actor: Any,
    plan: Plan,
    samenvatting: str,
    vastgesteld_op: datetime.date | None,
    revisie: int | None,
    route: str = "",
) -> Planversie:
    """Add the next version (1, 2, …) of a plan. Versions are never changed or removed.
    For a meerjarenbegroting the version keeps the totals per year of the budgets."""
    rij = _vergrendeld(plan.pk, actor, "plan_bewerken")
    if revisie != rij.revisie:
        raise Conflict(
            "Iemand anders heeft dit plan intussen gewijzigd. Bekijk het plan opnieuw en "
            "voeg daarna uw versie toe. Uw tekst staat nog in het formulier."
        )
    fouten: dict[str, list[str]] = {}
    samenvatting = _tekst(
        samenvatting, "samenvatting", "Schrijf kort wat deze versie is.", MAX_TEKST, fouten
    )
    if vastgesteld_op is not None:
        _niet_in_de_toekomst("vastgesteld_op", vastgesteld_op, fouten)
    if fouten:
        raise ValidationError(fouten)
    hoogste = rij.versies.aggregate(hoogste=Max("nummer"))["hoogste"] or 0
    versie = Planversie(
        plan=rij,
        nummer=hoogste + 1,
        samenvatting=samenvatting,
        vastgesteld_op=vastgesteld_op,
        bedragen=bedragen_momentopname(rij) if rij.soort == Plansoort.MEERJARENBEGROTING else {},
        aangemaakt_door=actor.gebruiker,
    )
    versie.save()
    rij.revisie += 1
    rij.save(update_fields=["revisie", "gewijzigd_op"])
    plan.revisie = rij.revisie
    _log(actor, rij, Actie.AANMAKEN, f"versie {versie.nummer} toegevoegd", route)
    return versie


# --- Consent and OOGO -----------------------------------------------------------------------


def _eis_keuze(veld: str, waarde: str, keuzes: list[str], fouten: dict[str, list[str]]) -> None:
    if waarde not in keuzes:
        fouten.setdefault(veld, []).append("Kies de uitkomst.")


@transaction.atomic
def instemming_vastleggen(
    *,
    actor: Any,
    planversie: Planversie,
    datum: datetime.date | None,
    uitkomst: str,
    toelichting: str = "",
    route: str = "",
) -> Instemming:
    """Record the OPR's decision about one version (both soorten)."""
    plan = _vergrendeld(planversie.plan_id, actor, "instemming_vastleggen")
    fouten: dict[str, list[str]] = {}
    _niet_in_de_toekomst("datum", datum, fouten)
    _eis_keuze("uitkomst", uitkomst, Instemmingsuitkomst.values, fouten)
    toelichting = (toelichting or "").strip()
    if len(toelichting) > MAX_TEKST:
        fouten.setdefault("toelichting", []).append(
            f"De tekst is te lang. Gebruik maximaal {MAX_TEKST} tekens."
        )
    if (
        not fouten
        and isinstance(datum, datetime.date)
        and Instemming.objects.filter(planversie_id=planversie.pk, datum=datum).exists()
    ):
        fouten.setdefault("datum", []).append(
            f"Er is al een besluit van de OPR over versie {planversie.nummer} op "
            f"{_datum(datum)} vastgelegd. Een tweede besluit op dezelfde dag kan niet; kijk of "
            "het eerste besluit klopt."
        )
    if fouten:
        raise ValidationError(fouten)
    assert isinstance(datum, datetime.date)
    instemming = Instemming.objects.create(
        planversie_id=planversie.pk,
        datum=datum,
        uitkomst=uitkomst,
        toelichting=toelichting,
        vastgelegd_door=actor.gebruiker,
    )
    _log(
        actor,
        plan,
        Actie.WIJZIGEN,
        f"instemming OPR over versie {planversie.nummer} vastgelegd",
        route,
    )
    return instemming


@transaction.atomic
def oogo_vastleggen(
    *,
    actor: Any,
    planversie: Planversie,
    gemeente_id: int | None,
    datum: datetime.date | None,
    uitkomst: str,
    toelichting: str = "",
    route: str = "",
) -> Oogo:
    """Record the OOGO with one municipality of the SWV's werkgebied about one version of
    an ondersteuningsplan."""
    plan = _vergrendeld(planversie.plan_id, actor, "instemming_vastleggen")
    fouten: dict[str, list[str]] = {}
    if plan.soort != Plansoort.ONDERSTEUNINGSPLAN:
        raise ValidationError(
            "Het OOGO met de gemeenten gaat over het ondersteuningsplan, niet over de "
            "meerjarenbegroting."
        )
    in_werkgebied = (
        gemeente_id is not None
        and Samenwerkingsverband.werkgebied.through.objects.filter(
            samenwerkingsverband_id=plan.samenwerkingsverband_id, gemeente_id=gemeente_id
        ).exists()
    )
    if not in_werkgebied:
        fouten.setdefault("gemeente", []).append(
            "Kies een gemeente uit het werkgebied van het samenwerkingsverband."
        )
    _niet_in_de_toekomst("datum", datum, fouten)
    _eis_keuze("uitkomst", uitkomst, Oogouitkomst.values, fouten)
    toelichting = (toelichting or "").strip()
    if len(toelichting) > MAX_TEKST:
        fouten.setdefault("toelichting", []).append(
            f"De tekst is te lang. Gebruik maximaal {MAX_TEKST} tekens."
        )
    if (
        not fouten
        and isinstance(datum, datetime.date)
        and gemeente_id is not None
        and Oogo.objects.filter(
            planversie_id=planversie.pk, gemeente_id=gemeente_id, datum=datum
        ).exists()
    ):
        fouten.setdefault("datum", []).append(
            f"Er is al een OOGO met deze gemeente over versie {planversie.nummer} op "
            f"{_datum(datum)} vastgelegd. Een "
            "tweede uitkomst op dezelfde dag kan niet; kijk of de eerste klopt."
        )
    if fouten:
        raise ValidationError(fouten)
    assert isinstance(datum, datetime.date) and gemeente_id is not None
    oogo = Oogo.objects.create(
        planversie_id=planversie.pk,
        gemeente_id=gemeente_id,
        datum=datum,
        uitkomst=uitkomst,
        toelichting=toelichting,
        vastgelegd_door=actor.gebruiker,
    )
    _log(actor, plan, Actie.WIJZIGEN, f"OOGO over versie {planversie.nummer} vastgelegd", route)
    return oogo
