"""The plan of a verzuim case: its partners, the actions, and the doorbraak plan."""

from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils import timezone

from passend.accounts.models import Gebruiker
from passend.accounts.rules import Rolsoort
from passend.core.models import Actie
from passend.leerlingen.models import Betrokkenheid
from passend.leerlingen.services import betrokkenheid_vastleggen
from passend.verzuim import rules
from passend.verzuim.models import Actiepunt, Doorbraakplan, Partner, Verzuimmelding
from passend.verzuim.rules import Partnersoort, Verzuimsoort
from passend.verzuim.selectors.zaken import is_actieve_gemeenterol
from passend.verzuim.services.basis import (
    Fouten,
    bewaar,
    datum,
    eis_lopend,
    eis_revisie,
    fout,
    log,
    tekst,
    vergrendeld,
    weiger_bij_fouten,
)
from passend.verzuim.services.meldingen import grond_van

#: The municipality's partner kinds and the role a partner with a log-in must hold.
GEMEENTEPARTNERS: dict[str, str] = {
    Partnersoort.LEERPLICHT: Rolsoort.LEERPLICHTAMBTENAAR,
    Partnersoort.JEUGDHULP: Rolsoort.JEUGDHULP,
}


def _betrokkenheid_openen(melding: Verzuimmelding, gebruiker: Gebruiker, van: date) -> None:
    """Give a partner sight of the pupil from ``van``: the leerlingen service the first time;
    a partner who took part before (their betrokkenheid ended) gets a new period, so the
    earlier one keeps its dates."""
    grond = grond_van(melding)
    eerder = Betrokkenheid.objects.filter(
        leerling_id=melding.leerling_id, gebruiker=gebruiker, grond=grond
    )
    if not eerder.exists():
        betrokkenheid_vastleggen(
            leerling=melding.leerling, grond=grond, van=van, gebruiker=gebruiker
        )
    elif not eerder.filter(tot__isnull=True).exists():
        Betrokkenheid.objects.create(
            leerling_id=melding.leerling_id, gebruiker=gebruiker, grond=grond, van=van
        )


def partner_toevoegen(
    *,
    actor: Any,
    melding: Verzuimmelding,
    soort: str,
    van: date,
    gebruiker: Gebruiker | None = None,
    naam: str = "",
    organisatie: str = "",
    route: str = "",
) -> Partner:
    """Add a partner to the case. A leerplichtambtenaar or jeugdhulp worker with a log-in
    must hold that role in the case's municipality; they get a betrokkenheid with the pupil
    while they take part."""
    with transaction.atomic():
        rij = vergrendeld(melding, actor, "partners_beheren")
        eis_lopend(rij)
        fouten: Fouten = {}
        if soort not in Partnersoort.values:
            fout(fouten, "soort", "Kies de soort partner.")
        datum(van, "van", fouten, niet_voor=rij.sinds, niet_voor_tekst="de eerste verzuimdag")
        naam = tekst(naam, "naam", None if gebruiker else "Vul de naam van de partner in.", fouten)
        organisatie = tekst(organisatie, "organisatie", None, fouten)
        if len(naam) > 200:
            fout(fouten, "naam", "De naam is te lang. Gebruik maximaal 200 tekens.")
        if len(organisatie) > 200:
            fout(fouten, "organisatie", "De naam is te lang. Gebruik maximaal 200 tekens.")
        if gebruiker is not None:
            rolsoort = GEMEENTEPARTNERS.get(soort)
            if rolsoort is None:
                fout(
                    fouten,
                    "gebruiker",
                    "Alleen leerplicht en jeugdhulp van de gemeente worden als persoon met "
                    "een inlog toegevoegd. Vul voor andere partners een naam in.",
                )
            elif not is_actieve_gemeenterol(
                gebruiker, rolsoort, rij.gemeente, timezone.localdate()
            ):
                fout(
                    fouten,
                    "gebruiker",
                    f"Kies een medewerker ({Rolsoort(rolsoort).label.lower()}) van de gemeente "
                    f"{rij.gemeente.naam}.",
                )
            elif Partner.objects.filter(
                melding=rij, gebruiker=gebruiker, tot__isnull=True
            ).exists():
                fout(fouten, "gebruiker", "Deze persoon is al partner in deze melding.")
        weiger_bij_fouten(fouten)
        if gebruiker is not None:
            naam = naam or gebruiker.get_full_name() or gebruiker.get_username()
            organisatie = organisatie or f"Gemeente {rij.gemeente.naam}"
        partner = Partner.objects.create(
            melding=rij,
            soort=soort,
            gebruiker=gebruiker,
            naam=naam,
            organisatie=organisatie,
            van=van,
        )
        if gebruiker is not None and soort in GEMEENTEPARTNERS:
            _betrokkenheid_openen(rij, gebruiker, van)
        log(actor, rij, Actie.WIJZIGEN, f"partner toegevoegd: {partner}", route)
    return partner


def partner_beeindigen(*, actor: Any, partner: Partner, tot: date, route: str = "") -> Partner:
    """End a partner's part in the case (and their betrokkenheid with the pupil)."""
    with transaction.atomic():
        rij = vergrendeld(partner.melding, actor, "partners_beheren")
        deze = Partner.objects.select_for_update().get(pk=partner.pk, melding=rij)
        fouten: Fouten = {}
        if deze.tot is not None:
            fout(fouten, NON_FIELD_ERRORS, "Deze partner doet al niet meer mee.")
        datum(tot, "tot", fouten, niet_voor=deze.van, niet_voor_tekst="het begin van de deelname")
        weiger_bij_fouten(fouten)
        deze.tot = tot
        deze.save(update_fields=["tot", "gewijzigd_op"])
        if deze.gebruiker_id is not None:
            for betrokkenheid in Betrokkenheid.objects.select_for_update().filter(
                leerling_id=rij.leerling_id,
                gebruiker_id=deze.gebruiker_id,
                grond=grond_van(rij),
                tot__isnull=True,
            ):
                betrokkenheid.tot = max(betrokkenheid.van, tot)
                betrokkenheid.save(update_fields=["tot", "gewijzigd_op"])
        log(actor, rij, Actie.WIJZIGEN, f"partner beëindigd: {deze}", route)
    return deze


def actiepunt_toevoegen(
    *,
    actor: Any,
    melding: Verzuimmelding,
    omschrijving: str,
    eigenaar: Partner | None,
    deadline: date,
    route: str = "",
) -> Actiepunt:
    """Add an action to the plan: what, which running partner, by when."""
    with transaction.atomic():
        rij = vergrendeld(melding, actor, "bewerken")
        eis_lopend(rij)
        fouten: Fouten = {}
        omschrijving = tekst(omschrijving, "omschrijving", "Beschrijf de actie.", fouten)
        if eigenaar is None:
            fout(fouten, "eigenaar", "Kies wie de actie uitvoert.")
        else:
            # Check the partner as it is now (locked), not as the caller loaded it: a
            # partner who left while the form was open may not get the action.
            eigenaar = (
                Partner.objects.select_for_update().filter(pk=eigenaar.pk, melding=rij).first()
            )
            if eigenaar is None or eigenaar.tot is not None:
                fout(fouten, "eigenaar", "Kies een partner die nu meedoet in deze melding.")
        if (
            datum(deadline, "deadline", fouten, toekomst_mag=True)
            and deadline < timezone.localdate()
        ):
            fout(fouten, "deadline", "De deadline kan niet in het verleden liggen.")
        weiger_bij_fouten(fouten)
        assert eigenaar is not None
        actiepunt = Actiepunt.objects.create(
            melding=rij,
            omschrijving=omschrijving,
            eigenaar=eigenaar,
            deadline=deadline,
            aangemaakt_door=actor.gebruiker,
        )
        log(actor, rij, Actie.WIJZIGEN, f"actie toegevoegd voor {eigenaar.naam}", route)
    return actiepunt


def actiepunt_afronden(
    *, actor: Any, actiepunt: Actiepunt, afgerond_op: date, route: str = ""
) -> Actiepunt:
    """Mark an action of the plan as done on a day."""
    with transaction.atomic():
        rij = vergrendeld(actiepunt.melding, actor, "bewerken")
        deze = Actiepunt.objects.select_for_update().get(pk=actiepunt.pk, melding=rij)
        fouten: Fouten = {}
        if deze.afgerond_op is not None:
            fout(fouten, NON_FIELD_ERRORS, "Deze actie is al afgerond.")
        datum(
            afgerond_op,
            "afgerond_op",
            fouten,
            niet_voor=timezone.localtime(deze.aangemaakt_op).date(),
            niet_voor_tekst="de dag waarop de actie is afgesproken",
        )
        weiger_bij_fouten(fouten)
        deze.afgerond_op = afgerond_op
        deze.save(update_fields=["afgerond_op", "gewijzigd_op"])
        log(actor, rij, Actie.WIJZIGEN, "actie afgerond", route)
    return deze


def doorbraak_standaard(melding: Verzuimmelding) -> rules.Doorbraak:
    """When the plan is asked for and its default deadline (settings)."""
    return rules.doorbraak(
        melding.sinds,
        na_weken=int(settings.PASSEND["VERZUIM_DOORBRAAK_NA_WEKEN"]),
        termijn_weken=int(settings.PASSEND["VERZUIM_DOORBRAAK_TERMIJN_WEKEN"]),
    )


def doorbraakplan_vastleggen(
    *,
    actor: Any,
    melding: Verzuimmelding,
    revisie: int,
    aanpak: str,
    uiterlijk: date,
    doorzettingsmacht: str,
    vastgesteld: bool = True,
    route: str = "",
) -> Doorbraakplan:
    """Record (or update) the doorbraak plan of a running case: the approach, the deadline
    and who has doorzettingsmacht; ``vastgesteld`` marks it agreed today.

    ``revisie`` is the case's revision the form was read with (a stale one: ``Conflict``);
    recording or changing the plan raises it. A plan recorded before the standard ask date
    (``VERZUIM_DOORBRAAK_NA_WEKEN`` after the start) counts as asked for today, so its
    deadline may lie before that standard date."""
    with transaction.atomic():
        rij = vergrendeld(melding, actor, "doorbraak_vastleggen")
        eis_revisie(rij, revisie)
        eis_lopend(rij)
        fouten: Fouten = {}
        if rij.soort == Verzuimsoort.VRIJSTELLING_5A:
            fout(fouten, NON_FIELD_ERRORS, "Bij een vrijstelling hoort geen doorbraakplan.")
        plan = Doorbraakplan.objects.select_for_update().filter(melding=rij).first()
        gevraagd_op = (
            plan.gevraagd_op
            if plan is not None
            else min(doorbraak_standaard(rij).gevraagd_op, timezone.localdate())
        )
        aanpak = tekst(aanpak, "aanpak", "Beschrijf de aanpak." if vastgesteld else None, fouten)
        doorzettingsmacht = tekst(
            doorzettingsmacht,
            "doorzettingsmacht",
            "Vul in wie de doorzettingsmacht heeft.",
            fouten,
        )
        if len(doorzettingsmacht) > 200:
            fout(fouten, "doorzettingsmacht", "De tekst is te lang. Gebruik maximaal 200 tekens.")
        if datum(uiterlijk, "uiterlijk", fouten, toekomst_mag=True) and uiterlijk < gevraagd_op:
            fout(
                fouten,
                "uiterlijk",
                f"De deadline kan niet vóór de dag liggen waarop het plan is gevraagd "
                f"({gevraagd_op:%d-%m-%Y}).",
            )
        weiger_bij_fouten(fouten)
        if plan is None:
            plan = Doorbraakplan(melding=rij, gevraagd_op=gevraagd_op)
        plan.uiterlijk = uiterlijk
        plan.aanpak = aanpak
        plan.doorzettingsmacht = doorzettingsmacht
        if vastgesteld:
            plan.vastgesteld_op = timezone.localdate()
            plan.vastgesteld_door = actor.gebruiker
        else:
            plan.vastgesteld_op = None
            plan.vastgesteld_door = None
        plan.save()
        bewaar(rij, [])
        log(
            actor,
            rij,
            Actie.WIJZIGEN,
            "doorbraakplan vastgesteld" if vastgesteld else "doorbraakplan opgeslagen",
            route,
        )
    return plan
