"""The demo waiting lists of the sbo, so and vso locations: a figure every two months over
the two school years before ``PEILDATUM``, so the SWV's chart shows a trend.

Each kind of school has its own story: the sbo and so lists grow (more pupils with a
toelaatbaarheidsverklaring than places), the so/vso expertise centre stays about level
(with the seasons), and the vso list shrinks after the school opened extra places. Lists
rise before the summer and drop when the new school year starts.

Where the school has a demo log-in that keeps its waiting list (an intern begeleider or
schoolleider), the figures go through ``services.wachtlijst``; the other locations' history
is seeded with ``bulk_create`` (nobody in the demo may write it), validated first.
"""

from dataclasses import dataclass
from datetime import date

from passend.aanbod.models import Wachtlijststand
from passend.aanbod.rules import schooljaar_begin
from passend.aanbod.services.wachtlijst import wachtlijststand_vastleggen
from passend.demo.bouwer.aanbod.aanbodplan import VORIG_SCHOOLJAAR, Locatie, generator
from passend.demo.bouwer.aanbod.actoren import Demoactoren
from passend.demo.bouwer.regio import PEILDATUM
from passend.organisaties.models import Vestiging
from passend.organisaties.rules import Soort

#: Per soort: (number waiting at the start, at the end) as ranges, and the places the
#: location adds when the second school year starts.
VERLOOP: dict[str, tuple[tuple[int, int], tuple[int, int], int]] = {
    Soort.SBO: ((3, 6), (11, 16), 0),
    Soort.SO: ((2, 5), (15, 22), 0),
    Soort.SO_VSO: ((9, 11), (9, 12), 0),
    Soort.VSO: ((12, 16), (4, 7), 16),
}
#: Rise before the summer, drop when the school year starts (by month).
SEIZOEN = {9: -3, 11: -1, 1: 0, 3: 1, 5: 2, 7: 3}
#: A figure on the 10th of every other month.
MAANDEN = (9, 11, 1, 3, 5, 7)
DAG = 10


@dataclass(frozen=True)
class Stand:
    peildatum: date
    aantal_wachtend: int
    verwachte_wachttijd_weken: int
    capaciteit: int


def peildata(tot: date = PEILDATUM) -> list[date]:
    """Every other month from the start of the school year two years before ``tot``."""
    jaar = schooljaar_begin(VORIG_SCHOOLJAAR).year - 1
    data = []
    for i in range(3 * len(MAANDEN)):
        maand = MAANDEN[i % len(MAANDEN)]
        schooljaar = jaar + i // len(MAANDEN)
        datum = date(schooljaar if maand >= 8 else schooljaar + 1, maand, DAG)
        if datum <= tot:
            data.append(datum)
    return data


def plan_wachtlijst(locatie: Locatie) -> list[Stand]:
    """The figures of one sbo/so/vso location, oldest first."""
    rng = generator(locatie, "wachtlijst")
    (begin_min, begin_max), (eind_min, eind_max), erbij = VERLOOP[locatie.soort]
    begin, eind = rng.randint(begin_min, begin_max), rng.randint(eind_min, eind_max)
    weken_per_kind = rng.uniform(1.2, 2.0)
    plaatsen = max(40, round((locatie.leerlingenaantal or 80) / 4) * 4)
    data = peildata()
    tweede_jaar = schooljaar_begin(VORIG_SCHOOLJAAR)
    standen = []
    for i, datum in enumerate(data):
        deel = i / max(1, len(data) - 1)
        trend = begin + (eind - begin) * deel
        aantal = max(0, round(trend + SEIZOEN[datum.month] + rng.randint(-1, 1)))
        standen.append(
            Stand(
                peildatum=datum,
                aantal_wachtend=aantal,
                verwachte_wachttijd_weken=min(52, round(aantal * weken_per_kind)),
                capaciteit=plaatsen + (erbij if datum >= tweede_jaar else 0),
            )
        )
    return standen


def wachtlijsten_schrijven(*, vestigingen: list[Vestiging], actoren: Demoactoren) -> int:
    """The history of every waiting-list location; returns the number of figures."""
    aantal = 0
    gezaaid: list[Wachtlijststand] = []
    for vestiging in vestigingen:
        locatie = Locatie.van(vestiging)
        actor = actoren.beschrijvers.get(vestiging.school_id)
        for stand in plan_wachtlijst(locatie):
            if actor is not None:
                wachtlijststand_vastleggen(
                    actor=actor,
                    vestiging=vestiging,
                    peildatum=stand.peildatum,
                    aantal_wachtend=stand.aantal_wachtend,
                    verwachte_wachttijd_weken=stand.verwachte_wachttijd_weken,
                    capaciteit=stand.capaciteit,
                )
            else:
                rij = Wachtlijststand(
                    vestiging=vestiging,
                    peildatum=stand.peildatum,
                    aantal_wachtend=stand.aantal_wachtend,
                    verwachte_wachttijd_weken=stand.verwachte_wachttijd_weken,
                    capaciteit=stand.capaciteit,
                )
                # Seeded: nobody recorded it, so ``vastgelegd_door`` stays empty.
                rij.full_clean(exclude=["vastgelegd_door"], validate_constraints=False)
                gezaaid.append(rij)
            aantal += 1
    Wachtlijststand.objects.bulk_create(gezaaid)
    return aantal
