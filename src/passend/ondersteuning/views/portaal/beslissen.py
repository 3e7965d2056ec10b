"""Who may decide on the handelingsdeel (a parent with gezag, or the adult pupil), and why
not, in plain words."""

from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.rules import Rolsoort
from passend.leerlingen.models import Ouderschap
from passend.ondersteuning.models import Ontwikkelingsperspectief
from passend.ondersteuning.rules import (
    MEERDERJARIG,
    leeftijd_op,
    leerling_beslist_zelf,
    mag_instemmen,
)


def mag_beslissen(actor: Actor, opp: Ontwikkelingsperspectief) -> bool:
    """May this actor decide on the handelingsdeel (parent with gezag, or the adult pupil)?"""
    leerling = opp.leerling
    return mag_instemmen(
        is_ouder_met_gezag=actor.rolsoort == Rolsoort.OUDER
        and Ouderschap.objects.filter(
            leerling=leerling, ouder=actor.gebruiker, gezag=True
        ).exists(),
        is_de_leerling=actor.rolsoort == Rolsoort.LEERLING
        and leerling.gebruiker_id == actor.gebruiker.pk,
        geboortedatum=leerling.geboortedatum,
        peildatum=timezone.localdate(),
        handelingsbekwaam=opp.leerling_handelingsbekwaam,
    )


def waarom_niet_beslissen(actor: Actor, opp: Ontwikkelingsperspectief) -> str:
    """Plain words: why this actor may read the plan but not decide on it."""
    leerling = opp.leerling
    naam = leerling.roepnaam or leerling.voornamen
    if leerling_beslist_zelf(
        leerling.geboortedatum, timezone.localdate(), opp.leerling_handelingsbekwaam
    ):
        return (
            f"{naam} is 18 jaar of ouder en beslist nu zelf over het plan. U kunt het plan "
            "lezen, maar u kunt niet instemmen."
        )
    if actor.rolsoort == Rolsoort.LEERLING:
        if leeftijd_op(leerling.geboortedatum, timezone.localdate()) < MEERDERJARIG:
            return (
                "Je bent nog geen 18. Daarom beslissen je ouders over het plan. Jij mag wel "
                "altijd zeggen wat je ervan vindt."
            )
        return (
            "Over dit plan beslissen je ouders of je wettelijk vertegenwoordiger. Jij mag wel "
            "altijd zeggen wat je ervan vindt."
        )
    return (
        f"U heeft geen ouderlijk gezag over {naam}. Daarom mag u het plan wel lezen en uw kijk "
        "geven, maar u kunt niet beslissen. Instemmen doet een ouder met ouderlijk gezag."
    )
