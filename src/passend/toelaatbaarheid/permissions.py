"""The TLV policy: who may request, read, handle and decide a toelaatbaarheidsverklaring.

Reading a TLV follows the pupil policy: the school (intern begeleider / ondersteunings-
coördinator, schoolleider) and the board see the TLVs of their current pupils, the parents
and the pupil their own, and the SWV's staff (loket, commissie, deskundigen, directeur) the
requests their SWV is responsible for (the request gives the SWV a betrokkenheid). With
grensverkeer the other SWV sees a summary in its lists, never the pupil's dossier.

Every action has a role rule (``rol:<actie>``: may this role ever do it; a refusal is a 403)
and an object rule (``<actie>``: on this TLV; a hidden TLV is a 404).
"""

from typing import Any

import rules
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.core.permissions import Beleid, rolregels
from passend.leerlingen.models import Leerling
from passend.leerlingen.permissions import SWV_DOSSIERROLLEN, zichtbaarheid
from passend.toelaatbaarheid.models import Deskundige, Toelaatbaarheidsverklaring

R = Rolsoort
#: The school board requests: the school's IB / ondersteuningscoördinator, the schoolleider
#: and the bestuurder act for the board.
AANVRAGERS = frozenset({R.INTERN_BEGELEIDER, R.SCHOOLLEIDER, R.BESTUURDER})
PRIVE = frozenset({R.OUDER, R.LEERLING})
DOSSIERLEZERS = AANVRAGERS | SWV_DOSSIERROLLEN
LEZERS = DOSSIERLEZERS | PRIVE

#: The actions and the roles that may ever do them.
ROLLEN: dict[str, frozenset[str]] = {
    "aanvragen": AANVRAGERS,
    "werklijst": DOSSIERLEZERS,
    "bekijken": LEZERS,
    "dossier_bekijken": DOSSIERLEZERS,
    "portaal": PRIVE,
    "brief": LEZERS,
    "compleet_verklaren": frozenset({R.LOKET}),
    "advies_vastleggen": frozenset({R.LOKET, R.COMMISSIELID, R.DESKUNDIGE}),
    "besluiten": frozenset({R.COMMISSIELID, R.DIRECTEUR}),
    "bezwaar_vastleggen": frozenset({R.LOKET, R.COMMISSIELID, R.DIRECTEUR}),
    "beslissen_op_bezwaar": frozenset({R.COMMISSIELID, R.DIRECTEUR}),
    "verlenging_aanvragen": AANVRAGERS,
    "intrekken": AANVRAGERS,
    "vragen_beantwoorden": AANVRAGERS,
    "grensverkeer": SWV_DOSSIERROLLEN,
    "eindigt_binnenkort": DOSSIERLEZERS,
    "rapporteren": frozenset({R.LOKET, R.COMMISSIELID, R.DIRECTEUR}),
    "exporteren": frozenset({R.LOKET, R.DIRECTEUR}),
    "deskundigen_beheren": frozenset({R.LOKET, R.DIRECTEUR, R.FUNCTIONEEL_BEHEERDER}),
    "regeling_beheren": frozenset({R.DIRECTEUR, R.FUNCTIONEEL_BEHEERDER}),
}
#: Actions about one TLV (the others are about the actor's own organisation).
OBJECTACTIES = (
    "bekijken",
    "dossier_bekijken",
    "brief",
    "compleet_verklaren",
    "advies_vastleggen",
    "besluiten",
    "bezwaar_vastleggen",
    "beslissen_op_bezwaar",
    "verlenging_aanvragen",
    "intrekken",
    "vragen_beantwoorden",
)

#: Why a role may never do an action (the logged reason of a 403).
WEIGERREDENEN = {
    "aanvragen": "alleen de school (IB, schoolleider) of de bestuurder vraagt een TLV aan",
    "werklijst": "rol ziet geen TLV-dossiers",
    "dossier_bekijken": "rol ziet geen TLV-dossiers",
    "portaal": "het portaal is alleen voor ouders en de leerling",
    "brief": "rol leest geen besluiten over TLV's",
    "compleet_verklaren": "alleen het loket verklaart een aanvraag compleet",
    "advies_vastleggen": "alleen het loket, de commissie of de deskundige legt advies vast",
    "besluiten": "alleen de commissie van toewijzing of de directeur besluit",
    "bezwaar_vastleggen": "alleen het samenwerkingsverband legt bezwaar vast",
    "beslissen_op_bezwaar": "alleen de commissie van toewijzing of de directeur beslist op bezwaar",
    "verlenging_aanvragen": "alleen de school of de bestuurder vraagt een verlenging aan",
    "intrekken": "alleen de school of de bestuurder trekt een TLV-aanvraag in",
    "vragen_beantwoorden": "alleen de school of de bestuurder beantwoordt de aanvullende vragen",
    "grensverkeer": "alleen medewerkers van het samenwerkingsverband zien het grensverkeer",
    "eindigt_binnenkort": "rol ziet geen TLV-dossiers",
    "rapporteren": "rol ziet de TLV-rapportage niet",
    "exporteren": "alleen het loket of de directeur exporteert TLV's voor DUO",
    "deskundigen_beheren": "rol beheert de deskundigenpool niet",
    "regeling_beheren": "alleen de directeur of de functioneel beheerder wijzigt de regeling",
}


def leerlingen_in_zicht(actor: Any) -> QuerySet[Leerling, Any]:
    return Leerling.objects.filter(zichtbaarheid(actor, timezone.localdate())).values("pk")


def tlv_zichtbaarheid(actor: Any) -> Q:
    """Which TLVs this actor may read in full, as a filter on Toelaatbaarheidsverklaring."""
    if actor.rolsoort not in LEZERS:
        return Q(pk__in=[])
    filter_ = Q(leerling_id__in=leerlingen_in_zicht(actor))
    if actor.rolsoort in SWV_DOSSIERROLLEN:
        filter_ &= Q(verantwoordelijk_swv_id=actor.rol.samenwerkingsverband_id)
    if actor.rolsoort == R.DESKUNDIGE:
        # A deskundige reads only the dossiers of an SWV whose active pool they are in.
        filter_ &= Q(
            Exists(
                Deskundige.objects.filter(
                    samenwerkingsverband_id=OuterRef("verantwoordelijk_swv_id"),
                    gebruiker_id=actor.gebruiker.pk,
                    actief=True,
                )
            )
        )
    return filter_


def grensverkeer_zichtbaarheid(actor: Any) -> Q:
    """Grensverkeer cases that concern the actor's SWV (home region or school), as summary."""
    if actor.rolsoort not in SWV_DOSSIERROLLEN:
        return Q(pk__in=[])
    swv = actor.rol.samenwerkingsverband_id
    return Q(grensverkeer=True) & (Q(woonregio_swv_id=swv) | Q(school_swv_id=swv))


@rules.predicate
def in_zicht(actor: Any, tlv: Toelaatbaarheidsverklaring | None) -> bool:
    if tlv is None:
        return False
    return Toelaatbaarheidsverklaring.objects.filter(tlv_zichtbaarheid(actor), pk=tlv.pk).exists()


@rules.predicate
def niet_de_deskundige_of_in_de_pool(actor: Any, tlv: Toelaatbaarheidsverklaring | None) -> bool:
    """A deskundige records only their own advice: they must be in the SWV's pool."""
    if actor.rolsoort != R.DESKUNDIGE:
        return True
    if tlv is None:
        return False
    return Deskundige.objects.filter(
        samenwerkingsverband_id=tlv.verantwoordelijk_swv_id, gebruiker=actor.gebruiker, actief=True
    ).exists()


class TlvBeleid(Beleid[Toelaatbaarheidsverklaring]):
    weigerredenen = WEIGERREDENEN
    regels = rolregels(
        ROLLEN,
        objectacties=OBJECTACTIES,
        in_zicht=in_zicht,
        extra={"advies_vastleggen": niet_de_deskundige_of_in_de_pool},
    )

    def filter_zichtbaar(
        self, actor: Any, queryset: QuerySet[Toelaatbaarheidsverklaring]
    ) -> QuerySet[Toelaatbaarheidsverklaring]:
        if actor is None:
            return queryset.none()
        return queryset.filter(tlv_zichtbaarheid(actor))

    def filter_grensverkeer(
        self, actor: Any, queryset: QuerySet[Toelaatbaarheidsverklaring]
    ) -> QuerySet[Toelaatbaarheidsverklaring]:
        if actor is None:
            return queryset.none()
        return queryset.filter(grensverkeer_zichtbaarheid(actor))


beleid = TlvBeleid()
