"""A small hand-built dataset with known answers for every KPI figure (test_kpi*.py).

Period: school year 2025-2026 (1 August 2025 – 31 July 2026); previous year 2024-2025.
SWV A (PO) has locations v1 (bao, board X), v2 (bao, board Y), v3 (sbo, board X) and v4
(so, board Y, no pupil count); SWV B has w1 (bao). The answers are worked out by hand in
the tests (see the comments there), never with the code under test.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from passend.aanbod.models import Ondersteuningsgebied
from passend.aanbod.tests.factories import WachtlijststandFactory
from passend.accounts.actor import Actor
from passend.accounts.tests.factories import GebruikerFactory, RolFactory
from passend.arrangementen.rules import Besluit as ArrBesluit
from passend.arrangementen.rules import Status as ArrStatus
from passend.arrangementen.tests.factories import AanvraagFactory
from passend.arrangementen.tests.factories import VastgesteldOppFactory as ArrOppFactory
from passend.geschillen.tests.factories import OnenigheidFactory, VeiligThuisMeldingFactory
from passend.leerlingen.tests.factories import LeerlingFactory
from passend.ondersteuning.rules import Status as OppStatus
from passend.ondersteuning.tests.factories import OppFactory
from passend.organisaties.models import Samenwerkingsverband, Vestiging
from passend.organisaties.tests.factories import (
    LeerlingtellingFactory,
    SamenwerkingsverbandFactory,
    SchoolbestuurFactory,
    SchoolFactory,
    SwvLidmaatschapFactory,
    VestigingFactory,
)
from passend.toelaatbaarheid.rules import Besluit, Soort, Status
from passend.toelaatbaarheid.tests.factories import TlvFactory
from passend.verzuim.rules import Uitkomst as VerzuimUitkomst
from passend.verzuim.rules import duur_in_weken
from passend.verzuim.tests.factories import VerzuimmeldingFactory
from passend.zorgplicht.rules import Uitkomst as ZpUitkomst
from passend.zorgplicht.tests.factories import AanmeldingFactory

D = datetime.date
VAN = D(2025, 8, 1)
TOT = D(2026, 7, 31)


@dataclass
class Data:
    a: Samenwerkingsverband
    b: Samenwerkingsverband
    v1: Vestiging
    v2: Vestiging
    v3: Vestiging
    v4: Vestiging
    w1: Vestiging
    bestuur_x: Any
    bestuur_y: Any


def vestiging(swv: Samenwerkingsverband, bestuur: Any, soort: str, **kwargs: Any) -> Vestiging:
    v = VestigingFactory(school=SchoolFactory(bestuur=bestuur), soort=soort, **kwargs)
    SwvLidmaatschapFactory(vestiging=v, samenwerkingsverband=swv, van=D(2020, 8, 1))
    return v


def actor(rolsoort: str, swv: Samenwerkingsverband | None = None) -> Actor:
    velden: dict[str, Any] = {"rolsoort": rolsoort}
    if swv is not None:
        velden["samenwerkingsverband"] = swv
    rol = RolFactory(**velden)
    return Actor(gebruiker=rol.gebruiker, rol=rol)


def tlv(swv: Samenwerkingsverband, v: Vestiging, **kwargs: Any) -> Any:
    kwargs.setdefault("school_swv", swv)
    return TlvFactory(verantwoordelijk_swv=swv, vestiging=v, **kwargs)


def toegekend(
    swv: Samenwerkingsverband,
    v: Vestiging,
    *,
    soort: str,
    ontvangen: datetime.date,
    compleet: datetime.date,
    besluit: datetime.date,
    ingang: datetime.date,
    einde: datetime.date,
    categorie: int | None = None,
    **kwargs: Any,
) -> Any:
    return tlv(
        swv,
        v,
        soort=soort,
        schoolsoort=soort,
        status=Status.TOEGEKEND,
        besluit=Besluit.TOEGEKEND,
        ontvangen_op=ontvangen,
        compleet_op=compleet,
        besluit_op=besluit,
        ingangsdatum=ingang,
        einddatum=einde,
        bekostigingscategorie=categorie,
        motivering="Eensluidend advies.",
        **kwargs,
    )


def bouw() -> Data:
    a = SamenwerkingsverbandFactory(naam="Samenwerkingsverband Aa")
    b = SamenwerkingsverbandFactory(naam="Samenwerkingsverband Bee")
    x = SchoolbestuurFactory(naam="Stichting X")
    y = SchoolbestuurFactory(naam="Stichting Y")
    # Pupils: v1 400 (telling 1-10-2025; 300 a year before; the stored 999 is not used),
    # v2 600 (no telling: the stored count), v3 100 (120 a year before), v4 none.
    # On 31-7-2026: 400 + 600 + 100 = 1,100. On 31-7-2025: 300 + 600 + 120 = 1,020.
    v1 = vestiging(a, x, "bao", leerlingenaantal=999)
    v2 = vestiging(a, y, "bao", leerlingenaantal=600)
    v3 = vestiging(a, x, "sbo", leerlingenaantal=100)
    v4 = vestiging(a, y, "so", leerlingenaantal=None)
    w1 = vestiging(b, y, "bao", leerlingenaantal=500)
    LeerlingtellingFactory(vestiging=v1, teldatum=D(2025, 10, 1), aantal=400)
    LeerlingtellingFactory(vestiging=v1, teldatum=D(2024, 10, 1), aantal=300)
    LeerlingtellingFactory(vestiging=v1, teldatum=D(2026, 10, 1), aantal=5000)  # after tot
    LeerlingtellingFactory(vestiging=v3, teldatum=D(2025, 10, 1), aantal=100)
    LeerlingtellingFactory(vestiging=v3, teldatum=D(2024, 10, 1), aantal=120)

    # --- TLVs ---
    # t1: sbo from v1, granted 22-10-2025 (1.0 / 2.0 / 3.0 weeks), runs on 31-7-2026.
    toegekend(
        a, v1, soort=Soort.SBO, ontvangen=D(2025, 10, 1), compleet=D(2025, 10, 8),
        besluit=D(2025, 10, 22), ingang=D(2025, 11, 1), einde=D(2026, 10, 31),
    )  # fmt: skip
    # t2: so category 2 from v2, granted 10-3-2026 (2.0 / 3.3 / 5.3 weeks), runs on tot.
    toegekend(
        a, v2, soort=Soort.SO, categorie=2, ontvangen=D(2026, 2, 1), compleet=D(2026, 2, 15),
        besluit=D(2026, 3, 10), ingang=D(2026, 4, 1), einde=D(2027, 7, 31),
    )  # fmt: skip
    # t3: refused 20-1-2026 from v1 (2.0 / 5.0 / 7.0 weeks).
    tlv(
        a, v1, soort=Soort.SO, status=Status.AFGEWEZEN, besluit=Besluit.AFGEWEZEN,
        ontvangen_op=D(2025, 12, 2), compleet_op=D(2025, 12, 16), besluit_op=D(2026, 1, 20),
        motivering="Past in het regulier onderwijs.",
    )  # fmt: skip
    # t4: so category 3 from v2, granted in the previous year, still runs on tot.
    toegekend(
        a, v2, soort=Soort.SO, categorie=3, ontvangen=D(2025, 2, 1), compleet=D(2025, 2, 8),
        besluit=D(2025, 3, 1), ingang=D(2025, 3, 1), einde=D(2026, 12, 31),
    )  # fmt: skip
    # t5: grensverkeer: B decides (home region B) for a school in A: incoming for A,
    # outgoing for B.
    toegekend(
        b, w1, soort=Soort.SBO, ontvangen=D(2026, 1, 5), compleet=D(2026, 1, 12),
        besluit=D(2026, 2, 1), ingang=D(2026, 2, 1), einde=D(2027, 1, 31),
        school_swv=a, woonregio_swv=b, grensverkeer=True,
    )  # fmt: skip
    # t6: B's own TLV: never in A's figures.
    toegekend(
        b, w1, soort=Soort.SBO, ontvangen=D(2025, 9, 1), compleet=D(2025, 9, 8),
        besluit=D(2025, 9, 15), ingang=D(2025, 10, 1), einde=D(2026, 9, 30),
    )  # fmt: skip
    # A request still open: received in the period (counts as received).
    tlv(a, v1, soort=Soort.SBO, ontvangen_op=D(2026, 7, 1))

    # --- OPPs (the TLV factories' OPPs are vastgesteld on 20-9-2026: after the period) ---
    # o1 at v1 runs; o2 at v2 ended 30-6-2025 (previous year only); o3 at v3 replaced by
    # o3b (same pupil: counts once); a concept never counts. A: 2 pupils (p1, p3).
    OppFactory(vestiging=v1, status=OppStatus.VASTGESTELD, vastgesteld_op=D(2025, 9, 1))
    OppFactory(
        vestiging=v2, status=OppStatus.BEEINDIGD, vastgesteld_op=D(2024, 9, 1),
        start_extra_ondersteuning=D(2024, 9, 1), einddatum=D(2025, 6, 30),
    )  # fmt: skip
    p3 = LeerlingFactory()
    o3 = OppFactory(
        leerling=p3, vestiging=v3, status=OppStatus.VERVANGEN, vastgesteld_op=D(2024, 1, 10),
        start_extra_ondersteuning=D(2024, 1, 1),
    )  # fmt: skip
    OppFactory(
        leerling=p3, vestiging=v3, status=OppStatus.VASTGESTELD, vastgesteld_op=D(2025, 9, 15),
        reeks=o3.reeks, versie=2, vorige_versie=o3,
    )  # fmt: skip
    OppFactory(vestiging=v1, status=OppStatus.CONCEPT)
    OppFactory(vestiging=w1, status=OppStatus.VASTGESTELD, vastgesteld_op=D(2025, 9, 1))

    # --- Arrangements: A received 2, decided 2, granted 1 (partly) ---
    def aanvraag(swv: Samenwerkingsverband, v: Vestiging, **kwargs: Any) -> Any:
        opp = ArrOppFactory(vestiging=v)
        return AanvraagFactory(opp=opp, samenwerkingsverband=swv, **kwargs)

    besloten = {"status": ArrStatus.BESLOTEN, "redenen": "Besloten."}
    aanvraag(
        a, v1, ingediend_op=D(2025, 9, 10), compleet_op=D(2025, 9, 20), besluit=ArrBesluit.DEELS,
        toegekend_bedrag=Decimal("1000.00"), besloten_op=D(2025, 10, 20), **besloten,
    )  # fmt: skip
    aanvraag(a, v1, ingediend_op=D(2026, 7, 20))
    aanvraag(
        a, v2, ingediend_op=D(2024, 12, 1), compleet_op=D(2024, 12, 10),
        besluit=ArrBesluit.AFGEWEZEN, besloten_op=D(2026, 1, 10), **besloten,
    )  # fmt: skip
    aanvraag(
        b, w1, ingediend_op=D(2025, 9, 10), compleet_op=D(2025, 9, 20),
        besluit=ArrBesluit.TOEGEKEND, toegekend_bedrag=Decimal("10.00"),
        besloten_op=D(2025, 10, 20), **besloten,
    )  # fmt: skip

    # --- Verzuim: thuiszitters q1 (twice) and q3 = 2 children; ended in the period:
    # m1 13.0, m3 10.9, m5 2.9 weeks ---
    q1, q3 = LeerlingFactory(), LeerlingFactory()

    def melding(swv: Samenwerkingsverband, **kwargs: Any) -> Any:
        if kwargs.get("einde"):
            kwargs["uitkomst"] = VerzuimUitkomst.TERUG_NAAR_SCHOOL
            kwargs["duur_weken"] = duur_in_weken(kwargs["sinds"], kwargs["einde"])
        return VerzuimmeldingFactory(samenwerkingsverband=swv, **kwargs)

    melding(a, leerling=q1, absoluut=True, sinds=D(2025, 9, 1), einde=D(2025, 11, 30))
    melding(a, vestiging=v1, sinds=D(2026, 7, 10))  # langdurig only from 7-8-2026
    melding(a, leerling=q3, vestiging=v3, sinds=D(2025, 6, 1), einde=D(2025, 8, 15))
    melding(a, leerling=q1, vestiging=v2, sinds=D(2026, 1, 5))
    melding(a, vestiging=v1, sinds=D(2025, 9, 1), einde=D(2025, 9, 20))  # never langdurig
    melding(b, vestiging=w1, sinds=D(2025, 9, 1))

    # --- Zorgplicht: decided 3 (one withdrawal does not count), 1 after the term ---
    AanmeldingFactory(
        besloten_door=GebruikerFactory(), vestiging=v1, ontvangen_op=D(2025, 9, 1), uitkomst=ZpUitkomst.TOEGELATEN,
        uitkomst_op=D(2025, 10, 1), ingangsdatum=D(2025, 11, 1),
    )  # fmt: skip
    AanmeldingFactory(
        besloten_door=GebruikerFactory(), vestiging=v2, ontvangen_op=D(2026, 1, 5), uitkomst=ZpUitkomst.AFGEWEZEN_VOL,
        toelichting_besluit="De groep is vol.",
        uitkomst_op=D(2026, 2, 20),
    )  # fmt: skip
    # Extended by 2 weeks (to 27-4-2026): a decision on 20-4-2026 is in time.
    AanmeldingFactory(
        besloten_door=GebruikerFactory(), vestiging=v1, ontvangen_op=D(2026, 3, 2), verlengd=True, uitkomst=ZpUitkomst.TOEGELATEN,
        uitkomst_op=D(2026, 4, 20), ingangsdatum=D(2026, 5, 1),
    )  # fmt: skip
    AanmeldingFactory(
        besloten_door=GebruikerFactory(), vestiging=v1, ontvangen_op=D(2026, 4, 1), uitkomst=ZpUitkomst.INGETROKKEN,
        uitkomst_op=D(2026, 4, 10),
    )  # fmt: skip
    AanmeldingFactory(
        besloten_door=GebruikerFactory(), vestiging=w1, ontvangen_op=D(2025, 9, 1), uitkomst=ZpUitkomst.TOEGELATEN,
        uitkomst_op=D(2025, 12, 1), ingangsdatum=D(2026, 1, 1),
    )  # fmt: skip

    # --- Veilig Thuis: A 2 reports, 1 during a disagreement ---
    onenigheid = OnenigheidFactory(vestiging=v1, samenwerkingsverband=a)
    VeiligThuisMeldingFactory(
        vestiging=v1, gemeld_op=D(2025, 12, 1), open_onenigheid=onenigheid,
        bevestiging_signalen=True,
    )  # fmt: skip
    VeiligThuisMeldingFactory(vestiging=v2, gemeld_op=D(2026, 3, 1))
    VeiligThuisMeldingFactory(vestiging=w1, gemeld_op=D(2026, 3, 1))

    # --- Waiting lists: v3 (sbo) latest 7 waiting, 10 weeks; v4 (so) per area 3 + 4, one
    # area 6 weeks. A: sbo 7, so 7; mean wait (10 + 6) / 2 = 8.0 ---
    WachtlijststandFactory(
        vestiging=v3, peildatum=D(2025, 10, 1), aantal_wachtend=5, verwachte_wachttijd_weken=8
    )
    WachtlijststandFactory(
        vestiging=v3, peildatum=D(2026, 3, 1), aantal_wachtend=7, verwachte_wachttijd_weken=10
    )
    gebieden = list(Ondersteuningsgebied.objects.order_by("pk")[:2])
    WachtlijststandFactory(
        vestiging=v4, gebied=gebieden[0], peildatum=D(2026, 5, 1), aantal_wachtend=3,
        verwachte_wachttijd_weken=6,
    )  # fmt: skip
    WachtlijststandFactory(
        vestiging=v4, gebied=gebieden[1], peildatum=D(2026, 5, 1), aantal_wachtend=4,
        verwachte_wachttijd_weken=None,
    )  # fmt: skip
    return Data(a=a, b=b, v1=v1, v2=v2, v3=v3, v4=v4, w1=w1, bestuur_x=x, bestuur_y=y)
