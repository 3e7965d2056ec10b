"""The doelstellingenmonitor's demo data (issue #8): five waves of the PO SWV's survey.

* the baseline (nulmeting) 2022 and the waves 2023, 2024 and 2025, closed, and the wave
  2026, running today (open from 30 days before ``timezone.localdate()`` to 30 days after:
  the demo's peildatum is fixed, but answering checks the real date);
* every wave has a questionnaire for each of the 9 respondent groups with the standard
  items of ``doelstellingen.vragenbank`` (a snapshot, as a new wave takes);
* synthetic answers: per wave and group a plausible number of respondents (boards, the
  SWV's leading staff and the municipalities stay below the small-cell threshold, so their
  results are suppressed). Per item the chance of agreeing (or the mean mark) moves over
  the years: goal 2 (the pupil is heard) and goal 4 (the parent is partner) improve clearly,
  goal 7 (administrative burden) worsens, the other goals stay flat. So the results of 2025
  compared with the nulmeting have significant and non-significant differences after Holm.
  About 8 % of the items are answered "weet ik niet" (no row);
* invitations: for the school groups per member location of the SWV, for the others for
  the SWV; as many used invitations as responses (per group, and per location for the
  school groups) and unused ones besides (response rate 40-80 %; about half in the running
  wave). Codes come from ``rules.nieuwe_code``; only their hash is stored.
* the ministry's national waves: the national nulmeting 2022 and the wave 2025, both closed,
  for five groups, answered in the demo's PO and VO SWVs (``LANDELIJK_RESPONDENTEN_PO`` /
  ``_VO``; the VO SWV's parents and school leaders and the municipalities stay below the
  small-cell threshold: suppressed), so the ``ministerie`` and ``inspecteur`` log-ins see
  national results;
* three unused codes of the running wave are fixed (``PROBEERCODES``), so a person can try
  answering: they are printed in the demo's output.

Seeding: the rows go in with ``bulk_create``, as the rest of the bulk of the demo.
Deterministic for the seed (``random.Random``; only the hidden invitation codes are
random). Idempotent: when the PO SWV has waves, or a national wave exists, those are not
written again.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cache

from django.conf import settings
from django.utils import timezone

from passend.accounts.models import Rol
from passend.accounts.rules import Rolsoort
from passend.core.perioden import actief_op
from passend.demo.bouwer.regio import PEILDATUM, SWV_PO, SWV_VO
from passend.doelstellingen.models import (
    Antwoord,
    Meting,
    Respons,
    Uitnodiging,
    Vraag,
    Vragenlijst,
)
from passend.doelstellingen.rules import (
    EENS_VANAF,
    KINDVRIENDELIJKE_GROEPEN,
    SCHOOLGROEPEN,
    Doelstelling,
    Metingstatus,
    Respondentgroep,
    Schaal,
    code_hash,
    nieuwe_code,
)
from passend.doelstellingen.vragenbank import vragen_voor
from passend.organisaties.models import Samenwerkingsverband, SwvLidmaatschap

__all__ = ["PROBEERCODES", "demo_doelstellingen_opslaan"]

SEED = 2026
#: The closed waves; the first is the nulmeting.
GESLOTEN_JAREN = (2022, 2023, 2024, 2025)
LOPEND_JAAR = 2026
#: Respondents per wave and group (a closed wave; the running one has about 60 % of them).
RESPONDENTEN: dict[str, int] = {
    Respondentgroep.LEERLING: 150,
    Respondentgroep.OUDER: 120,
    Respondentgroep.LERAAR: 90,
    Respondentgroep.IB_OC: 25,
    Respondentgroep.SCHOOLLEIDER: 20,
    Respondentgroep.BESTUUR: 8,
    Respondentgroep.SWV_LEIDING: 3,
    Respondentgroep.SWV_MEDEWERKER: 12,
    Respondentgroep.GEMEENTE: 6,
}
LOPEND_AANDEEL = 0.6
#: Change per year after 2022 of the chance of agreeing (EENS_ONEENS) per goal; a mark
#: (CIJFER) moves ``CIJFER_PER_KANS`` times as much.
TREND: dict[int, float] = {
    Doelstelling.LEERLING_GEHOORD: 0.07,
    Doelstelling.OUDER_PARTNER: 0.06,
    Doelstelling.ADMINISTRATIEVE_LAST: -0.09,
}
CIJFER_PER_KANS = 6.0
WEET_IK_NIET = 0.08
#: Unused codes of the running wave, printed in the demo's output (alphabet of
#: ``rules.CODE_ALFABET``: no 0/O, 1/I/L).
PROBEERCODES: dict[str, str] = {
    Respondentgroep.LEERLING: "DEMX-KNDR-2626",
    Respondentgroep.OUDER: "DEMX-PRNT-2626",
    Respondentgroep.LERAAR: "DEMX-TCHR-2626",
}
#: The ministry's national waves (closed; the first is the national nulmeting), their groups
#: and respondents per group in the demo's PO and VO SWVs. Groups below the small-cell
#: threshold are suppressed (the VO SWV's parents and school leaders; the municipalities).
LANDELIJKE_JAREN = (2022, 2025)
LANDELIJKE_GROEPEN: tuple[str, ...] = (
    Respondentgroep.LEERLING,
    Respondentgroep.OUDER,
    Respondentgroep.LERAAR,
    Respondentgroep.SCHOOLLEIDER,
    Respondentgroep.GEMEENTE,
)
LANDELIJK_RESPONDENTEN_PO: dict[str, int] = {
    Respondentgroep.LEERLING: 60,
    Respondentgroep.OUDER: 45,
    Respondentgroep.LERAAR: 35,
    Respondentgroep.SCHOOLLEIDER: 12,
    Respondentgroep.GEMEENTE: 3,
}
LANDELIJK_RESPONDENTEN_VO: dict[str, int] = {
    Respondentgroep.LEERLING: 40,
    Respondentgroep.OUDER: 8,
    Respondentgroep.LERAAR: 20,
    Respondentgroep.SCHOOLLEIDER: 6,
    Respondentgroep.GEMEENTE: 2,
}
#: Who prepared the waves (a demo log-in of the PO SWV).
AANMAKER = Rolsoort.DIRECTEUR


@dataclass
class _Stand:
    metingen: int = 0
    uitnodigingen: int = 0
    responsen: int = 0
    antwoorden: int = 0


def _moment(dag: date) -> datetime:
    return timezone.make_aware(datetime.combine(dag, time(9, 0)))


@cache
def _basis(code: str) -> float:
    """The 2022 chance of agreeing of one item: fixed per item code."""
    rng = random.Random(f"{SEED}|doelstellingen|basis|{code}")  # noqa: S311 - synthetic data
    return rng.uniform(0.45, 0.7)


def _waarde(rng: random.Random, vraag: Vraag, jaar: int) -> int | None:
    """One synthetic answer, or None for "weet ik niet"."""
    if rng.random() < WEET_IK_NIET:
        return None
    kans = _basis(vraag.code) + TREND.get(vraag.doelstelling, 0.0) * (jaar - 2022)
    kans = min(max(kans, 0.05), 0.95)
    if vraag.schaal == Schaal.CIJFER:
        gemiddelde = 4.0 + CIJFER_PER_KANS * kans
        return min(10, max(1, round(rng.gauss(gemiddelde, 1.4))))
    if rng.random() < kans:
        return rng.randint(EENS_VANAF, 5)
    return rng.randint(1, EENS_VANAF - 1)


def _aantallen_per_vestiging(
    rng: random.Random, aantal: int, vestigingen: list[int]
) -> dict[int | None, int]:
    """The responses of a group divided over the invitation targets (None: the SWV)."""
    if not vestigingen:
        return {None: aantal}
    verdeling: dict[int | None, int] = dict.fromkeys(vestigingen, 0)
    for _ in range(aantal):
        verdeling[rng.choice(vestigingen)] += 1
    return verdeling


@dataclass
class _Deelnemer:
    """One SWV answering a wave: its member locations (school groups) and respondents per
    group."""

    swv: Samenwerkingsverband
    vestigingen: list[int]
    respondenten: dict[str, int]


def _meting_bouwen(
    *,
    rng: random.Random,
    swv: Samenwerkingsverband | None,
    jaar: int,
    gebruiker_id: int,
    deelnemers: list[_Deelnemer],
    vandaag: date,
    stand: _Stand,
    groepen: tuple[str, ...] = tuple(Respondentgroep.values),
    naam: str = "Doelstellingenmonitor",
    nulmeting: bool | None = None,
) -> Meting:
    """One wave (``swv`` None: national) with its questionnaires, and per answering SWV the
    invitations, responses and answers."""
    lopend = jaar == LOPEND_JAAR
    if lopend:
        open_van, open_tot = vandaag - timedelta(days=30), vandaag + timedelta(days=30)
    else:
        open_van, open_tot = date(jaar, 5, 15), date(jaar, 6, 30)
    if nulmeting is None:
        nulmeting = jaar == GESLOTEN_JAREN[0]
    meting = Meting.objects.create(
        samenwerkingsverband=swv,
        naam=f"{naam} {jaar}" + (" (nulmeting)" if nulmeting else ""),
        jaar=jaar,
        is_nulmeting=nulmeting,
        status=Metingstatus.OPEN if lopend else Metingstatus.GESLOTEN,
        open_van=open_van,
        open_tot=open_tot,
        geopend_op=_moment(open_van),
        gesloten_op=None if lopend else _moment(open_tot + timedelta(days=1)),
        aangemaakt_door_id=gebruiker_id,
    )
    stand.metingen += 1
    lijsten = Vragenlijst.objects.bulk_create(
        Vragenlijst(
            meting=meting,
            respondentgroep=groep,
            kindvriendelijk=groep in KINDVRIENDELIJKE_GROEPEN,
        )
        for groep in groepen
    )
    vragen_per_lijst: dict[int, list[Vraag]] = {}
    alle_vragen: list[Vraag] = []
    for lijst in lijsten:
        vragen = [
            Vraag(
                vragenlijst=lijst,
                code=standaard.code,
                doelstelling=standaard.doelstelling,
                tekst=standaard.tekst,
                schaal=standaard.schaal,
                volgorde=volgorde,
            )
            for volgorde, standaard in enumerate(vragen_voor(lijst.respondentgroep), start=1)
        ]
        vragen_per_lijst[lijst.pk] = vragen
        alle_vragen.extend(vragen)
    Vraag.objects.bulk_create(alle_vragen)
    for deelnemer in deelnemers:
        _antwoorden_bouwen(
            rng=rng,
            meting=meting,
            lijsten=lijsten,
            vragen_per_lijst=vragen_per_lijst,
            deelnemer=deelnemer,
            lopend=lopend,
            stand=stand,
        )
    return meting


def _antwoorden_bouwen(
    *,
    rng: random.Random,
    meting: Meting,
    lijsten: list[Vragenlijst],
    vragen_per_lijst: dict[int, list[Vraag]],
    deelnemer: _Deelnemer,
    lopend: bool,
    stand: _Stand,
) -> None:
    swv = deelnemer.swv
    uitnodigingen: list[Uitnodiging] = []
    responsen: list[tuple[Respons, list[Vraag]]] = []
    for lijst in lijsten:
        groep = lijst.respondentgroep
        aantal = deelnemer.respondenten.get(groep, 0)
        if lopend:
            aantal = round(aantal * LOPEND_AANDEEL)
        doelen = deelnemer.vestigingen if groep in SCHOOLGROEPEN else []
        respons_kans = rng.uniform(0.45, 0.55) if lopend else rng.uniform(0.4, 0.8)
        gebruikt_per_doel = _aantallen_per_vestiging(rng, aantal, doelen)
        ongebruikt_per_doel = _aantallen_per_vestiging(
            rng, max(1, round(aantal / respons_kans) - aantal), doelen
        )
        for vestiging_id, gebruikt in gebruikt_per_doel.items():
            ongebruikt = ongebruikt_per_doel[vestiging_id]
            for index in range(gebruikt + ongebruikt):
                uitnodigingen.append(
                    Uitnodiging(
                        vragenlijst=lijst,
                        samenwerkingsverband=swv,
                        vestiging_id=vestiging_id,
                        code_hash=code_hash(nieuwe_code()),
                        gebruikt=index < gebruikt,
                    )
                )
        if lopend and groep in PROBEERCODES:
            uitnodigingen.append(
                Uitnodiging(
                    vragenlijst=lijst,
                    samenwerkingsverband=swv,
                    vestiging_id=doelen[0] if doelen else None,
                    code_hash=code_hash(PROBEERCODES[groep]),
                    gebruikt=False,
                )
            )
        responsen.extend(
            (Respons(vragenlijst=lijst, samenwerkingsverband=swv), vragen_per_lijst[lijst.pk])
            for _ in range(aantal)
        )
    Uitnodiging.objects.bulk_create(uitnodigingen, batch_size=1000)
    Respons.objects.bulk_create([respons for respons, _ in responsen], batch_size=1000)
    antwoorden: list[Antwoord] = []
    for respons, vragen in responsen:
        for vraag in vragen:
            waarde = _waarde(rng, vraag, meting.jaar)
            if waarde is not None:
                antwoorden.append(Antwoord(respons=respons, vraag=vraag, waarde=waarde))
    Antwoord.objects.bulk_create(antwoorden, batch_size=2000)
    stand.uitnodigingen += len(uitnodigingen)
    stand.responsen += len(responsen)
    stand.antwoorden += len(antwoorden)


def _leden(swv: Samenwerkingsverband) -> list[int]:
    return sorted(
        SwvLidmaatschap.objects.filter(actief_op(PEILDATUM), samenwerkingsverband=swv)
        .values_list("vestiging_id", flat=True)
        .distinct()
    )


def _landelijk_bouwen(
    meld: Callable[[str], None], po: Samenwerkingsverband, vandaag: date
) -> _Stand:
    """The ministry's national waves (nulmeting 2022, 2025), closed, answered in the demo's
    PO and VO SWVs. Nothing when a national wave exists or there is no ministry log-in."""
    stand = _Stand()
    vo = Samenwerkingsverband.objects.filter(code=SWV_VO.code).first()
    rol = (
        Rol.objects.filter(rolsoort=Rolsoort.MINISTERIE)
        .order_by("pk")
        .values("gebruiker_id")
        .first()
    )
    if vo is None or rol is None or Meting.objects.filter(samenwerkingsverband=None).exists():
        return stand
    deelnemers = [
        _Deelnemer(po, _leden(po), LANDELIJK_RESPONDENTEN_PO),
        _Deelnemer(vo, _leden(vo), LANDELIJK_RESPONDENTEN_VO),
    ]
    rng = random.Random(f"{SEED}|doelstellingen|landelijk")  # noqa: S311 - synthetic data
    for jaar in LANDELIJKE_JAREN:
        _meting_bouwen(
            rng=rng,
            swv=None,
            jaar=jaar,
            gebruiker_id=rol["gebruiker_id"],
            deelnemers=deelnemers,
            vandaag=vandaag,
            stand=stand,
            groepen=LANDELIJKE_GROEPEN,
            naam="Landelijke doelstellingenmonitor",
            nulmeting=jaar == LANDELIJKE_JAREN[0],
        )
    meld(
        f"Landelijke doelstellingenmonitor (ministerie): {stand.metingen} gesloten metingen "
        f"({', '.join(str(j) for j in LANDELIJKE_JAREN)}; nulmeting {LANDELIJKE_JAREN[0]}) in "
        f"{po.naam} en {vo.naam}: {stand.uitnodigingen} uitnodigingen, {stand.responsen} "
        f"responsen, {stand.antwoorden} antwoorden (groepen onder de "
        f"{settings.PASSEND['KLEINE_CEL_GRENS']} respondenten zijn onderdrukt)."
    )
    return stand


def demo_doelstellingen_opslaan(meld: Callable[[str], None]) -> dict[str, int]:
    swv = Samenwerkingsverband.objects.filter(code=SWV_PO.code).first()
    if swv is None:
        return {}
    vandaag = timezone.localdate()
    if Meting.objects.filter(samenwerkingsverband=swv).exists():
        return _aantallen(_landelijk_bouwen(meld, swv, vandaag))
    rol = (
        Rol.objects.filter(rolsoort=AANMAKER, samenwerkingsverband=swv)
        .order_by("pk")
        .values("gebruiker_id")
        .first()
    )
    if rol is None:
        return {}
    deelnemer = _Deelnemer(swv, _leden(swv), RESPONDENTEN)
    rng = random.Random(f"{SEED}|doelstellingen")  # noqa: S311 - synthetic data
    stand = _Stand()
    for jaar in (*GESLOTEN_JAREN, LOPEND_JAAR):
        _meting_bouwen(
            rng=rng,
            swv=swv,
            jaar=jaar,
            gebruiker_id=rol["gebruiker_id"],
            deelnemers=[deelnemer],
            vandaag=vandaag,
            stand=stand,
        )
    meld(
        f"Doelstellingenmonitor: {stand.metingen} metingen ({len(GESLOTEN_JAREN)} gesloten, "
        f"nulmeting {GESLOTEN_JAREN[0]}; {LOPEND_JAAR} loopt), {stand.uitnodigingen} "
        f"uitnodigingen, {stand.responsen} responsen, {stand.antwoorden} antwoorden."
    )
    meld(
        "Probeer de vragenlijst van "
        + str(LOPEND_JAAR)
        + " op /vragenlijst/ met een code: "
        + ", ".join(
            f"{Respondentgroep(groep).label.split()[0].lower()} {code}"
            for groep, code in PROBEERCODES.items()
        )
        + "."
    )
    landelijk = _landelijk_bouwen(meld, swv, vandaag)
    return _aantallen(stand, landelijk)


def _aantallen(*standen: _Stand) -> dict[str, int]:
    if not any(s.metingen for s in standen):
        return {}
    return {
        "doelstellingenmetingen": sum(s.metingen for s in standen),
        "doelstellingenuitnodigingen": sum(s.uitnodigingen for s in standen),
        "doelstellingenresponsen": sum(s.responsen for s in standen),
        "doelstellingenantwoorden": sum(s.antwoorden for s in standen),
    }
