"""A realistic, synthetic demo region for Passend, the same for the same seed.

``plan_demo_regio`` plans everything without touching the database: an invented region
with two SWVs (PO and VO), three municipalities, seven boards, 32 locations of every
soort, thousands of pupils with Dutch names, their school careers and parents, running
involvements of the SWV and the leerplichtambtenaar, one log-in for every role and an API
koppeling. ``bouw_demo_regio`` writes the plan in one transaction. This is seeding: the
bulk goes in with ``bulk_create`` (see ``opslaan``); log-ins, roles, TOTP devices and the
koppeling go through the accounts services.

Determinism: every random choice comes from ``random.Random`` and ``Faker`` instances
seeded from the seed (never the global random state), and every date is counted from the
fixed ``PEILDATUM``, not from today. Running enrolments, roles and involvements have an
open end, so they are running whenever the demo is used.

Idempotent: when the demo SWV already exists nothing is written; the log-ins are read
back and returned again. Nothing is ever deleted.
"""

import time
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction

from passend.demo.bouwer.aanbod import demo_aanbod_opslaan
from passend.demo.bouwer.aanmeldingen import demo_aanmeldingen_opslaan
from passend.demo.bouwer.arrangementen import demo_arrangementen_opslaan
from passend.demo.bouwer.doelstellingen import demo_doelstellingen_opslaan
from passend.demo.bouwer.inloggegevens import Inloggegeven, inloggegevens_ophalen, inlogtabel
from passend.demo.bouwer.inlogplan import (
    LEERPLICHT_GEMEENTE,
    LEERPLICHTAMBTENAAR,
    WACHTWOORD,
    plan_inloggers,
    plan_koppeling,
)
from passend.demo.bouwer.leerlingplan import plan_leerlingen
from passend.demo.bouwer.middelen import demo_middelen_opslaan
from passend.demo.bouwer.monitor import demo_monitor_opslaan
from passend.demo.bouwer.netwerk import demo_netwerkanalyses_opslaan
from passend.demo.bouwer.opps import demo_opps_opslaan
from passend.demo.bouwer.opslaan import plan_opslaan
from passend.demo.bouwer.organisatieplan import plan_organisaties
from passend.demo.bouwer.plan import DemoPlan
from passend.demo.bouwer.regio import PEILDATUM, SWV_PO, SWV_VO
from passend.demo.bouwer.tlv import demo_tlv_opslaan
from passend.demo.bouwer.verzuim_en_geschillen import demo_verzuim_en_geschillen_opslaan
from passend.organisaties.models import Samenwerkingsverband

__all__ = [
    "AANTAL_LEERLINGEN",
    "SEED",
    "WACHTWOORD",
    "DemoResultaat",
    "Inloggegeven",
    "bouw_demo_regio",
    "demo_regio_bestaat",
    "inlogtabel",
    "plan_demo_regio",
]

SEED = 2026
AANTAL_LEERLINGEN = 5000


@dataclass(frozen=True)
class DemoResultaat:
    al_aanwezig: bool
    inloggegevens: list[Inloggegeven]
    waarschuwingen: list[str] = field(default_factory=list)
    aantallen: dict[str, int] = field(default_factory=dict)
    seconden: float = 0.0


def plan_demo_regio(*, seed: int = SEED, aantal_leerlingen: int = AANTAL_LEERLINGEN) -> DemoPlan:
    """The whole region as plain data; pure and deterministic for the seed."""
    organisaties = plan_organisaties(seed=seed)
    leerlingen = plan_leerlingen(
        seed=seed,
        organisaties=organisaties,
        aantal=aantal_leerlingen,
        peildatum=PEILDATUM,
        leerplicht_gemeente=LEERPLICHT_GEMEENTE,
        leerplichtambtenaar=LEERPLICHTAMBTENAAR,
    )
    return DemoPlan(
        seed=seed,
        peildatum=PEILDATUM,
        organisaties=organisaties,
        leerlingen=leerlingen,
        inloggers=plan_inloggers(
            seed=seed, organisaties=organisaties, leerlingen=leerlingen, peildatum=PEILDATUM
        ),
        koppeling=plan_koppeling(seed=seed, organisaties=organisaties),
    )


def statistieken_bijwerken() -> None:
    """After the bulk insert, let PostgreSQL's planner know the tables' sizes before the
    services run their permission queries (ANALYZE may run inside the transaction and sees
    its rows). Without it a fresh database plans for empty tables: minutes instead of
    seconds. SQLite needs nothing."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def demo_regio_bestaat() -> bool:
    return Samenwerkingsverband.objects.filter(code__in=[SWV_PO.code, SWV_VO.code]).exists()


def bouw_demo_regio(
    *, seed: int = SEED, stdout: Any = None, aantal_leerlingen: int = AANTAL_LEERLINGEN
) -> DemoResultaat:
    """Build the demo region into an empty (migrated) database, or, when it is there
    already, only return its log-ins."""
    begin = time.monotonic()

    def meld(tekst: str) -> None:
        if stdout is not None:
            stdout.write(tekst + "\n")

    plan = plan_demo_regio(seed=seed, aantal_leerlingen=aantal_leerlingen)
    meld(f"Demoregio gepland in {time.monotonic() - begin:.1f} s (seed {seed}).")
    if demo_regio_bestaat():
        rijen, waarschuwingen = inloggegevens_ophalen(plan)
        return DemoResultaat(al_aanwezig=True, inloggegevens=rijen, waarschuwingen=waarschuwingen)
    with transaction.atomic():
        aantallen = plan_opslaan(plan, meld)
        statistieken_bijwerken()
        aantallen["ontwikkelingsperspectieven"] = demo_opps_opslaan(meld)
        aantallen["aanmeldingen"] = demo_aanmeldingen_opslaan(meld)
        aantallen["arrangementaanvragen"] = demo_arrangementen_opslaan(meld)
        aantallen["toelaatbaarheidsverklaringen"] = demo_tlv_opslaan(meld)
        aantallen["aanbod"] = demo_aanbod_opslaan(meld)
        aantallen.update(demo_verzuim_en_geschillen_opslaan(meld))
        aantallen.update(demo_monitor_opslaan(meld))
        aantallen.update(demo_netwerkanalyses_opslaan(meld))
        aantallen.update(demo_doelstellingen_opslaan(meld))
        aantallen.update(demo_middelen_opslaan(meld))
    rijen, waarschuwingen = inloggegevens_ophalen(plan)
    return DemoResultaat(
        al_aanwezig=False,
        inloggegevens=rijen,
        waarschuwingen=waarschuwingen,
        aantallen=aantallen,
        seconden=time.monotonic() - begin,
    )
