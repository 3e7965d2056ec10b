"""Registering a child: a parent in the portal or the school recording a written one."""

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.permissions import Geweigerd
from passend.leerlingen.models import Inschrijving, Leerling, Ouderschap
from passend.leerlingen.permissions import beleid as leerling_beleid
from passend.leerlingen.services import leerling_registreren
from passend.organisaties.models import Vestiging
from passend.zorgplicht.instellingen import schorsperioden
from passend.zorgplicht.models import Aanmelding
from passend.zorgplicht.permissions import SCHOOLROLLEN, beleid
from passend.zorgplicht.rules import (
    StapSoort,
    Wijze,
    beslissen_uiterlijk,
    tijdelijke_plaatsing_vanaf,
)
from passend.zorgplicht.services.basis import (
    NieuwKind,
    _fouten,
    _log,
    _stap,
)

AL_EERSTE_VOORKEUR = (
    "Dit kind is al bij een andere school aangemeld als school van eerste voorkeur. "
    "Er is maar één school van eerste voorkeur."
)


def _weiger(actor: Any, reden: str, route: str, leerling: Leerling | None = None) -> Geweigerd:
    _log(
        actor,
        actie=Actie.AANMAKEN,
        aanmelding=None,
        leerling=leerling,
        toegestaan=False,
        reden=reden,
        route=route,
    )
    return Geweigerd(reden)


def _controleer_aanmelder(
    actor: Any, leerling: Leerling | None, vestiging: Vestiging, route: str
) -> str:
    """Who may register whom where; returns the wijze. A refusal is logged and raised."""
    if actor.rolsoort == Rolsoort.OUDER and beleid.mag(actor, "aanmelden"):
        if (
            leerling is not None
            and not Ouderschap.objects.filter(
                leerling=leerling, ouder_id=actor.gebruiker.pk, gezag=True
            ).exists()
        ):
            raise _weiger(
                actor, "alleen een ouder met ouderlijk gezag meldt een kind aan", route, leerling
            )
        return Wijze.PORTAAL
    if actor.rolsoort in SCHOOLROLLEN and beleid.mag(actor, "vastleggen"):
        if vestiging.school_id != actor.rol.school_id:
            raise _weiger(
                actor,
                f"aanmelding vastleggen op {vestiging.vestigingscode}: niet de eigen school",
                route,
            )
        if leerling is not None and not leerling_beleid.mag(actor, "bekijken", leerling):
            raise _weiger(actor, "leerling niet in zicht", route)
        return Wijze.PAPIER
    raise _weiger(actor, "rol mag geen aanmelding doen of vastleggen", route)


def aanmelden(
    *,
    actor: Any,
    vestiging: Vestiging,
    leerling: Leerling | None = None,
    nieuw_kind: NieuwKind | None = None,
    ontvangen_op: date | None = None,
    ondersteuning_verwacht: bool = False,
    toelichting_ondersteuning: str = "",
    andere_scholen: str = "",
    andere_vestigingen: Iterable[Vestiging] = (),
    eerste_voorkeur: bool = True,
    route: str = "",
) -> Aanmelding:
    """Register a child at a school location: a parent in the portal (received today), or
    the school recording a written registration (received on ``ontvangen_op``).

    Either ``leerling`` (a child already in Passend) or ``nieuw_kind`` is given. The terms
    are computed and stored: beslissen uiterlijk, recht op tijdelijke plaatsing vanaf.
    """
    if (leerling is None) == (nieuw_kind is None):
        raise ValueError("Geef een bestaande leerling of de gegevens van een nieuw kind.")
    wijze = _controleer_aanmelder(actor, leerling, vestiging, route)
    vandaag = timezone.localdate()
    if wijze == Wijze.PORTAAL:
        ontvangen_op = vandaag
    fouten: dict[str, str] = {}
    if ontvangen_op is None:
        fouten["ontvangen_op"] = "Vul de datum in waarop de school de aanmelding ontving."
    elif ontvangen_op > vandaag:
        fouten["ontvangen_op"] = "De datum van ontvangst kan niet in de toekomst liggen."
    elif ontvangen_op.year < 2000:
        fouten["ontvangen_op"] = "Kies een datum na 2000."
    if ondersteuning_verwacht and not toelichting_ondersteuning.strip():
        fouten["toelichting_ondersteuning"] = "Schrijf kort op waarom extra ondersteuning nodig is."
    genoemd = list(andere_vestigingen)
    andere = [v for v in genoemd if v.pk != vestiging.pk]
    if len(andere) != len(genoemd):
        fouten["andere_vestigingen"] = "Noem bij de andere scholen niet deze school zelf."
    if leerling is not None:
        open_hier = Aanmelding.objects.filter(leerling=leerling, vestiging=vestiging, uitkomst="")
        if open_hier.exists():
            fouten[""] = (
                "Dit kind is al aangemeld bij deze school. De school beslist nog over die "
                "aanmelding."
            )
        elif (
            Inschrijving.objects.filter(leerling=leerling, vestiging=vestiging)
            .filter(actief_op(vandaag))
            .exists()
        ):
            fouten[""] = "Dit kind staat al ingeschreven op deze school."
        if (
            eerste_voorkeur
            and Aanmelding.objects.filter(leerling=leerling, uitkomst="", eerste_voorkeur=True)
            .exclude(vestiging=vestiging)
            .exists()
        ):
            fouten["eerste_voorkeur"] = AL_EERSTE_VOORKEUR
    if fouten:
        raise _fouten(fouten)
    assert ontvangen_op is not None
    geschorst = schorsperioden()
    with transaction.atomic():
        if nieuw_kind is not None:
            leerling = leerling_registreren(
                voornamen=nieuw_kind.voornamen,
                achternaam=nieuw_kind.achternaam,
                geboortedatum=nieuw_kind.geboortedatum,
                postcode=nieuw_kind.postcode,
                woongemeente=nieuw_kind.woongemeente,
                roepnaam=nieuw_kind.roepnaam or (nieuw_kind.voornamen.split() or [""])[0],
                tussenvoegsel=nieuw_kind.tussenvoegsel,
                ouder=actor.gebruiker if wijze == Wijze.PORTAAL else None,
            )
        assert leerling is not None
        if nieuw_kind is None and eerste_voorkeur:
            # Lock the child's row and look again: two registrations of one child sent at the
            # same moment to two schools cannot both become the first preference.
            Leerling.objects.select_for_update().filter(pk=leerling.pk).first()
            if (
                Aanmelding.objects.filter(leerling=leerling, uitkomst="", eerste_voorkeur=True)
                .exclude(vestiging=vestiging)
                .exists()
            ):
                raise _fouten({"eerste_voorkeur": AL_EERSTE_VOORKEUR})
        aanmelding = Aanmelding(
            leerling=leerling,
            vestiging=vestiging,
            ontvangen_op=ontvangen_op,
            wijze=wijze,
            ingediend_door=actor.gebruiker,
            ondersteuning_verwacht=ondersteuning_verwacht,
            toelichting_ondersteuning=toelichting_ondersteuning.strip()
            if ondersteuning_verwacht
            else "",
            andere_scholen=andere_scholen.strip(),
            eerste_voorkeur=eerste_voorkeur,
            beslissen_uiterlijk=beslissen_uiterlijk(ontvangen_op, geschorst),
            tijdelijke_plaatsing_vanaf=tijdelijke_plaatsing_vanaf(ontvangen_op, geschorst),
            zomervakantie_geschorst=bool(geschorst),
        )
        aanmelding.full_clean()
        try:
            with transaction.atomic():
                aanmelding.save()
        except IntegrityError:  # the same registration, saved at the same moment
            raise _fouten(
                {
                    "": "Dit kind is zojuist al aangemeld bij deze school. Er is niets dubbel opgeslagen."
                }
            ) from None
        aanmelding.andere_vestigingen.set(andere)
        _stap(
            aanmelding,
            StapSoort.AANGEMELD,
            ontvangen_op,
            actor,
            f"{aanmelding.get_wijze_display()}; beslissen uiterlijk op "
            f"{aanmelding.beslissen_uiterlijk:%d-%m-%Y}.",
        )
        _log(
            actor,
            actie=Actie.AANMAKEN,
            aanmelding=aanmelding,
            leerling=leerling,
            toegestaan=True,
            reden=f"aanmelding bij {vestiging.vestigingscode} ({aanmelding.get_wijze_display()})",
            route=route,
        )
    return aanmelding
