"""Demo registrations (aanmeldingen), written through the zorgplicht services, so their terms,
history and access-log records are real. Dates are counted back from today, so the terms are
live whenever the demo runs.

At OBS De Zonnebloem (both locations): a parent with a log-in registers a younger child in
the portal today; paper registrations that run, that are almost due, that were extended by
the board, that are overdue and one whose child now has a right to tijdelijke plaatsing; and
decisions: admitted (enrolled), admitted with extra support, and refused under the
zorgplicht because OBS Het Kompas admitted the child. At De Driestroom (vo): a running one,
one refused because the groups are full, and one withdrawn by the parents.
"""

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import TypedDict, Unpack

from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.leerlingen.models import Ouderschap
from passend.organisaties.models import Vestiging
from passend.zorgplicht import services
from passend.zorgplicht.models import Aanmelding
from passend.zorgplicht.rules import Uitkomst
from passend.zorgplicht.services import NieuwKind

ROUTE = "demo"


def _actor(gebruikersnaam: str, rolsoort: str) -> Actor | None:
    rol = (
        Rol.objects.filter(gebruiker__username=gebruikersnaam, rolsoort=rolsoort)
        .select_related("gebruiker", "school")
        .first()
    )
    return Actor(gebruiker=rol.gebruiker, rol=rol) if rol else None


def _kind(
    voornaam: str, achternaam: str, leeftijd: int, vestiging: Vestiging, vandaag: date
) -> NieuwKind:
    geboren = vandaag.replace(year=vandaag.year - leeftijd, day=1) - timedelta(days=40)
    return NieuwKind(
        voornamen=voornaam,
        achternaam=achternaam,
        geboortedatum=geboren,
        postcode=vestiging.postcode or "4141 AB",
        woongemeente=vestiging.gemeente,
    )


class Papieropties(TypedDict, total=False):
    """What else a written registration may say (passed on to ``services.aanmelden``)."""

    andere_scholen: str
    andere_vestigingen: Iterable[Vestiging]
    eerste_voorkeur: bool


def demo_aanmeldingen_opslaan(meld: Callable[[str], None]) -> int:
    """Create the demo registrations; returns how many (0 when they are already there)."""
    ib = _actor("ib.dezonnebloem", Rolsoort.INTERN_BEGELEIDER)
    schoolleider = _actor("schoolleider.dezonnebloem", Rolsoort.SCHOOLLEIDER)
    bestuurder = _actor("bestuurder.openbaar", Rolsoort.BESTUURDER)
    if ib is None or schoolleider is None or bestuurder is None:
        return 0
    school = ib.rol.school
    if Aanmelding.objects.filter(vestiging__school=school).exists():
        meld("  aanmeldingen waren er al")
        return 0
    vestigingen = list(Vestiging.objects.filter(school=school).order_by("vestigingscode"))
    hoofd, tweede = vestigingen[0], vestigingen[-1]
    kompas = (
        Vestiging.objects.filter(school__naam="OBS Het Kompas").order_by("vestigingscode").first()
    )
    vandaag = timezone.localdate()

    def dagen(n: int) -> date:
        return vandaag - timedelta(days=n)

    def papier(
        kind: NieuwKind,
        ontvangen: int,
        *,
        vestiging: Vestiging = hoofd,
        door: Actor | None = None,
        ondersteuning: str = "",
        **kwargs: Unpack[Papieropties],
    ) -> Aanmelding:
        return services.aanmelden(
            actor=door or ib,
            vestiging=vestiging,
            nieuw_kind=kind,
            ontvangen_op=dagen(ontvangen),
            ondersteuning_verwacht=bool(ondersteuning),
            toelichting_ondersteuning=ondersteuning,
            route=ROUTE,
            **kwargs,
        )

    aanmeldingen: list[Aanmelding] = []

    # A parent with a log-in registers a younger child in the portal (received today).
    ouderschap = (
        Ouderschap.objects.filter(gezag=True, ouder__username__startswith="ouder.")
        .select_related("ouder", "leerling")
        .order_by("ouder__username", "leerling_id")
        .first()
    )
    if ouderschap is not None:
        rol = Rol.objects.filter(gebruiker=ouderschap.ouder, rolsoort=Rolsoort.OUDER).first()
        if rol is not None:
            ouder = Actor(gebruiker=ouderschap.ouder, rol=rol)
            broer = ouderschap.leerling
            aanmeldingen.append(
                services.aanmelden(
                    actor=ouder,
                    vestiging=hoofd,
                    nieuw_kind=NieuwKind(
                        voornamen="Pien",
                        tussenvoegsel=broer.tussenvoegsel,
                        achternaam=broer.achternaam,
                        geboortedatum=vandaag.replace(year=vandaag.year - 4, day=1),
                        postcode=broer.postcode,
                        woongemeente=broer.woongemeente or hoofd.gemeente,
                    ),
                    andere_scholen="",
                    route=ROUTE,
                )
            )

    # Running, almost due (4 days left), at the second location.
    aanmeldingen.append(
        papier(
            _kind("Daan", "Verhoeven", 4, tweede, vandaag),
            38,
            vestiging=tweede,
            ondersteuning="Daan is slechthorend en heeft een ringleiding in de klas nodig.",
        )
    )
    # Extended by the board, 3 weeks, four days before the term ended.
    verlengd = papier(
        _kind("Yara", "El Idrissi", 5, hoofd, vandaag),
        45,
        ondersteuning="Yara heeft een taalontwikkelingsstoornis (TOS).",
        andere_scholen="Kindcentrum Het Palet in Waaldijk",
        eerste_voorkeur=True,
    )
    aanmeldingen.append(
        services.aanmelding_verlengen(
            actor=bestuurder,
            aanmelding=verlengd,
            weken=3,
            reden=(
                "Wij wachten op het verslag van het audiologisch centrum. Daarmee kunnen wij "
                "beoordelen welke ondersteuning Yara op onze school kan krijgen."
            ),
            verlengd_op=dagen(4),
            route=ROUTE,
        )
    )
    # Overdue: no decision after 6 weeks.
    aanmeldingen.append(
        papier(
            _kind("Finn", "Kuijpers", 6, hoofd, vandaag),
            50,
            ondersteuning="Finn komt van een school in Duitsland; zijn Nederlands is nog zwak.",
        )
    )
    # No decision after 10 weeks: a right to tijdelijke plaatsing (the SWV sees it).
    aanmeldingen.append(
        papier(
            _kind("Sara", "Mulder", 7, hoofd, vandaag),
            80,
            ondersteuning="Sara heeft autisme en heeft een prikkelarme werkplek nodig.",
        )
    )
    # Admitted: enrolled from five days ago, so the school sees her file.
    toegelaten = papier(_kind("Lotte", "van Dam", 4, hoofd, vandaag), 30)
    aanmeldingen.append(
        services.aanmelding_besluiten(
            actor=schoolleider,
            aanmelding=toegelaten,
            uitkomst=Uitkomst.TOEGELATEN,
            uitkomst_op=dagen(12),
            ingangsdatum=dagen(5),
            route=ROUTE,
        )
    )
    # Admitted with extra support, from two weeks from now.
    met_steun = papier(
        _kind("Ruben", "Hendriks", 5, hoofd, vandaag),
        40,
        ondersteuning="Ruben heeft dyspraxie; hij krijgt fysiotherapie op school.",
    )
    aanmeldingen.append(
        services.aanmelding_besluiten(
            actor=schoolleider,
            aanmelding=met_steun,
            uitkomst=Uitkomst.TOEGELATEN_MET_ONDERSTEUNING,
            uitkomst_op=dagen(3),
            ingangsdatum=vandaag + timedelta(days=14),
            toelichting="De intern begeleider maakt samen met u een ontwikkelingsperspectief.",
            route=ROUTE,
        )
    )
    # Refused under the zorgplicht: OBS Het Kompas admitted the child.
    if kompas is not None:
        elders = papier(
            _kind("Mees", "de Graaf", 6, hoofd, vandaag),
            35,
            ondersteuning="Mees heeft een klein groepje en veel structuur nodig.",
            andere_vestigingen=[kompas],
        )
        aanmeldingen.append(
            services.aanmelding_besluiten(
                actor=schoolleider,
                aanmelding=elders,
                uitkomst=Uitkomst.GEPLAATST_ELDERS,
                uitkomst_op=dagen(2),
                geplaatst_bij=kompas,
                geplaatst_op=dagen(7),
                toelichting=(
                    "Op OBS Het Kompas werkt een kleine groep met een vaste leerkracht. Daar "
                    "krijgt Mees de structuur die hij nodig heeft."
                ),
                route=ROUTE,
            )
        )

    ib_vo = _actor("ib.dedriestroom", Rolsoort.INTERN_BEGELEIDER)
    leider_vo = _actor("schoolleider.dedriestroom", Rolsoort.SCHOOLLEIDER)
    if ib_vo is not None and leider_vo is not None:
        driestroom = (
            Vestiging.objects.filter(school=ib_vo.rol.school).order_by("vestigingscode").first()
        )
        if driestroom is not None:
            aanmeldingen.append(
                papier(
                    _kind("Jesse", "Bosman", 12, driestroom, vandaag),
                    12,
                    vestiging=driestroom,
                    door=ib_vo,
                )
            )
            vol = papier(
                _kind("Isa", "Koster", 12, driestroom, vandaag),
                25,
                vestiging=driestroom,
                door=ib_vo,
            )
            aanmeldingen.append(
                services.aanmelding_besluiten(
                    actor=leider_vo,
                    aanmelding=vol,
                    uitkomst=Uitkomst.AFGEWEZEN_VOL,
                    uitkomst_op=dagen(6),
                    toelichting=(
                        "Alle vier de brugklassen hebben 30 leerlingen. Er is geen plaats meer "
                        "dit schooljaar."
                    ),
                    route=ROUTE,
                )
            )
            ingetrokken = papier(
                _kind("Milan", "Peters", 12, driestroom, vandaag),
                20,
                vestiging=driestroom,
                door=ib_vo,
            )
            aanmeldingen.append(
                services.aanmelding_besluiten(
                    actor=leider_vo,
                    aanmelding=ingetrokken,
                    uitkomst=Uitkomst.INGETROKKEN,
                    uitkomst_op=dagen(10),
                    toelichting="De ouders kiezen voor het Waalland Lyceum.",
                    route=ROUTE,
                )
            )
    meld(f"  {len(aanmeldingen)} aanmeldingen opgeslagen")
    return len(aanmeldingen)
