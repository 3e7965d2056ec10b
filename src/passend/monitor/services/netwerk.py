"""Starting and running a dekkend netwerk analysis (ADR 0010).

``analyse_starten`` checks the policy (``netwerk_berekenen``, a logged 403), the basis and
every what-if change, and saves the analysis in the queue (status WACHTRIJ). It then runs
it: in a background thread after the transaction commits when
``settings.PASSEND["DEKKEND_NETWERK_ACHTERGROND"]``, else at once. ``manage.py
netwerkanalyses_uitvoeren`` runs what is still queued (and re-queues runs that got stuck),
so a lost thread loses no analysis.

``analyse_uitvoeren`` is the job:

1. claim the analysis (WACHTRIJ → BEZIG with a guarded update: two workers never run one
   analysis twice). The claim's ``gestart_op`` is its token: every later write (progress,
   KLAAR, MISLUKT) is guarded by status BEZIG and that token, so a run that was put back in
   the queue while still alive (``vastgelopen_terugzetten``) and claimed again by another
   run can no longer overwrite anything; it stops at its next step;
2. act as the person who started it, in their SWV role that may start analyses (a person
   who lost that role since: the analysis fails);
3. read the demand (pupils, ``selectors.netwerk.vraag_van``) and the supply, apply the
   basis's what-if changes and then its own;
4. write one access-log record — the starting actor, object type ``netwerkanalyse``, the
   analysis's key, every pupil counted — **before** computing; if the log cannot be
   written the analysis fails and keeps no result;
5. optimise (``netwerk.oplosser.oplossen``), summarise (``netwerk.samenvatting``) and store
   the result: figures per area, niveau, municipality, PC4 area and location, never a pupil.

Progress (``voortgang`` 0..100 and a Dutch ``voortgang_tekst``) is saved with a guarded
``update`` at every step, so a page can poll it while the job runs. Any error ends in
MISLUKT with a Dutch sentence in ``fout`` (the stack trace goes to the log, not to users).

A what-if runs on the peildatum and school year of its basis, so the two are comparable;
the demand is read again from the case data of that peildatum.
"""

import logging
import threading
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections, transaction
from django.db.models import QuerySet
from django.utils import timezone

from passend.accounts.actor import Actor
from passend.accounts.models import Rol
from passend.core.kalender import schooljaar_van
from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.toegangslog import ToegangslogNietBeschikbaar, toegang_vastleggen
from passend.monitor.models import Analysestatus, Netwerkanalyse
from passend.monitor.netwerk.model import Locatie
from passend.monitor.netwerk.oplosser import oplossen
from passend.monitor.netwerk.samenvatting import samenvatten
from passend.monitor.netwerk.vraag import (
    NIVEAU_LABELS,
    als_instellingen,
    instellingen_van,
    sector_van_swv,
    vraagpunten,
)
from passend.monitor.netwerk.wat_als import OngeldigeWijzigingen, aantal_geopend, toepassen
from passend.monitor.permissions import SWV_ANALISTEN, beleid
from passend.monitor.selectors.netwerk import (
    OBJECT_TYPE,
    aanbod_van,
    gebieden_en_namen,
    vraag_van,
)
from passend.organisaties.models import Samenwerkingsverband

logger = logging.getLogger(__name__)

MAXIMALE_NAAMLENGTE = 200

FOUT_ALGEMEEN = (
    "Er ging iets mis bij het berekenen van deze analyse. Probeer het later opnieuw; lukt "
    "het dan nog niet, neem dan contact op met de functioneel beheerder."
)
FOUT_TOEGANGSLOG = "Het toegangslog kon niet worden geschreven. Daarom is de analyse niet berekend."
FOUT_GEEN_RECHT = (
    "Wie deze analyse startte, mag geen analyses meer starten voor dit "
    "samenwerkingsverband. Start de analyse opnieuw."
)
FOUT_WIJZIGINGEN = "De wijzigingen passen niet meer bij het huidige aanbod: "
FOUT_BLIJFT_HANGEN = "De berekening is onderbroken en opnieuw in de wachtrij gezet."


class AnalyseMislukt(Exception):
    """A failure with a sentence users may read."""


@dataclass(frozen=True)
class _Claim:
    """One run's claim on an analysis: the ``gestart_op`` it wrote when it claimed the row.

    Every write of the run (progress, KLAAR, MISLUKT) is guarded by status BEZIG *and* this
    token, so a run that was put back in the queue (``vastgelopen_terugzetten``) while it was
    still alive, and then claimed again by another run, changes nothing any more."""

    analyse_id: int
    gestart_op: datetime

    def rij(self) -> QuerySet[Netwerkanalyse]:
        return Netwerkanalyse.objects.filter(
            pk=self.analyse_id, status=Analysestatus.BEZIG, gestart_op=self.gestart_op
        )


class _ClaimKwijt(Exception):
    """The run lost its claim (another run has the analysis now): stop without writing."""


def _claimen(analyse_id: int) -> _Claim | None:
    """WACHTRIJ → BEZIG with a new token (None: not, or no longer, in the queue)."""
    gestart_op = timezone.now()
    geclaimd = Netwerkanalyse.objects.filter(pk=analyse_id, status=Analysestatus.WACHTRIJ).update(
        status=Analysestatus.BEZIG,
        gestart_op=gestart_op,
        voortgang=1,
        voortgang_tekst="Gestart",
        fout="",
    )
    return _Claim(analyse_id, gestart_op) if geclaimd else None


def _voortgang(claim: _Claim, voortgang: int, tekst: str) -> bool:
    """Save the progress; False when the run no longer holds the analysis."""
    return bool(
        claim.rij().update(voortgang=max(0, min(100, voortgang)), voortgang_tekst=tekst[:200])
    )


def _stap(claim: _Claim, voortgang: int, tekst: str) -> None:
    """A step of the job: its progress, or stop when the run lost its claim."""
    if not _voortgang(claim, voortgang, tekst):
        raise _ClaimKwijt


def _klaar(claim: _Claim, resultaat: dict[str, Any]) -> bool:
    return bool(
        claim.rij().update(
            status=Analysestatus.KLAAR,
            resultaat=resultaat,
            voortgang=100,
            voortgang_tekst="Klaar",
            klaar_op=timezone.now(),
        )
    )


# --- Starting ------------------------------------------------------------------------------


def _basis_wijzigingen(basis: Netwerkanalyse | None) -> list[dict[str, Any]]:
    """Every change the basis made (its own basis's first)."""
    ketting: list[Netwerkanalyse] = []
    while basis is not None and len(ketting) < 50:
        ketting.append(basis)
        basis = basis.basis
    wijzigingen: list[dict[str, Any]] = []
    for analyse in reversed(ketting):
        wijzigingen.extend(analyse.wijzigingen or [])
    return wijzigingen


@dataclass
class _Werkaanbod:
    locaties: list[Locatie]
    gebieden: dict[str, str]


def _aanbod_na_wijzigingen(
    swv: Samenwerkingsverband,
    peildatum: date,
    schooljaar: str,
    instellingen: dict[str, Any],
    eerdere: list[dict[str, Any]],
    nieuwe: list[Any],
) -> _Werkaanbod:
    """The supply after the basis's changes and the new ones (``OngeldigeWijzigingen``
    with the new changes numbered from 1; ``ValueError`` when the basis's no longer fit)."""
    stand = aanbod_van(swv, peildatum, schooljaar, instellingen["extra_plaatsen_procent"])
    gebieden = gebieden_en_namen()
    sector = sector_van_swv(swv.sector)
    try:
        locaties = toepassen(
            stand.locaties,
            eerdere,
            gebieden=gebieden,
            zonder_coordinaten=stand.zonder_coordinaten,
            adressen=stand.locaties,
            sector=sector,
        )
    except OngeldigeWijzigingen as fout:
        raise ValueError(FOUT_WIJZIGINGEN + " ".join(fout.meldingen)) from fout
    locaties = toepassen(
        locaties,
        nieuwe,
        gebieden=gebieden,
        zonder_coordinaten=stand.zonder_coordinaten,
        nieuw_vanaf=aantal_geopend(eerdere) + 1,
        adressen=stand.locaties,
        sector=sector,
    )
    return _Werkaanbod(locaties=locaties, gebieden=gebieden)


def analyse_starten(
    *,
    actor: Any,
    naam: str,
    wijzigingen: list[dict[str, Any]],
    basis: Netwerkanalyse | None,
    route: str,
    peildatum: date | None = None,
) -> Netwerkanalyse:
    """Queue an analysis of the actor's SWV (a what-if when ``basis`` is given) and run it.

    403 (``Geweigerd``, logged) for a role that may not start analyses; ``ValidationError``
    with messages for "naam", "basis" and "wijzigingen" (one per problem, naming the change
    number); nothing is saved on an error."""
    beleid.eis_rol(
        actor, "netwerk_berekenen", log_actie=Actie.AANMAKEN, object_type=OBJECT_TYPE, route=route
    )
    swv = actor.rol.samenwerkingsverband
    fouten: dict[str, list[str]] = {}
    naam = (naam or "").strip()
    if not naam:
        fouten["naam"] = ["Geef de analyse een naam."]
    elif len(naam) > MAXIMALE_NAAMLENGTE:
        fouten["naam"] = [f"Gebruik ten hoogste {MAXIMALE_NAAMLENGTE} tekens."]
    if basis is not None:
        if basis.samenwerkingsverband_id != swv.pk:
            fouten["basis"] = ["Deze analyse bestaat niet of u mag deze niet zien."]
        elif basis.status != Analysestatus.KLAAR:
            fouten["basis"] = ["Kies een analyse die klaar is als uitgangspunt."]
    if basis is None and wijzigingen:
        fouten["wijzigingen"] = [
            "Een wat-als-analyse heeft een uitgangspunt nodig: kies de analyse die u wilt "
            "veranderen."
        ]
    if basis is not None and not fouten and not wijzigingen:
        fouten["wijzigingen"] = ["Geef ten minste één wijziging."]
    if basis is not None and "basis" not in fouten:
        peildatum, schooljaar = basis.peildatum, basis.schooljaar
        instellingen = dict(basis.instellingen) or instellingen_van(settings.PASSEND)
    else:
        peildatum = peildatum or timezone.localdate()
        schooljaar = schooljaar_van(peildatum)
        instellingen = instellingen_van(settings.PASSEND)
    if "basis" not in fouten and "wijzigingen" not in fouten:
        try:
            _aanbod_na_wijzigingen(
                swv, peildatum, schooljaar, instellingen, _basis_wijzigingen(basis), wijzigingen
            )
        except OngeldigeWijzigingen as fout:
            fouten["wijzigingen"] = fout.meldingen
        except ValueError as fout:
            fouten["basis"] = [str(fout)]
    if fouten:
        raise ValidationError(fouten)
    with transaction.atomic():
        analyse = Netwerkanalyse.objects.create(
            samenwerkingsverband=swv,
            naam=naam,
            basis=basis,
            peildatum=peildatum,
            schooljaar=schooljaar,
            instellingen=instellingen,
            wijzigingen=list(wijzigingen),
            status=Analysestatus.WACHTRIJ,
            voortgang=0,
            voortgang_tekst="In de wachtrij",
            gestart_door=actor.gebruiker,
        )
        if settings.PASSEND.get("DEKKEND_NETWERK_ACHTERGROND"):
            transaction.on_commit(lambda: _op_achtergrond(analyse.pk))
    if not settings.PASSEND.get("DEKKEND_NETWERK_ACHTERGROND"):
        analyse_uitvoeren(analyse.pk)
        analyse.refresh_from_db()
    return analyse


def _op_achtergrond(analyse_id: int) -> None:
    def draaien() -> None:
        try:
            analyse_uitvoeren(analyse_id)
        finally:
            connections.close_all()  # this thread's own connections

    threading.Thread(target=draaien, name=f"netwerkanalyse-{analyse_id}", daemon=True).start()


# --- The job -------------------------------------------------------------------------------


def _actor_van(analyse: Netwerkanalyse) -> Actor | None:
    """The starter, in their current SWV role that may start analyses (None: no such role)."""
    rol = (
        Rol.objects.filter(
            gebruiker_id=analyse.gestart_door_id,
            samenwerkingsverband_id=analyse.samenwerkingsverband_id,
            rolsoort__in=SWV_ANALISTEN,
        )
        .filter(actief_op(timezone.localdate()))
        .select_related("gebruiker", "samenwerkingsverband")
        .order_by("id")
        .first()
    )
    if rol is None or not rol.gebruiker.is_active:
        return None
    actor = Actor(gebruiker=rol.gebruiker, rol=rol)
    return actor if beleid.mag(actor, "netwerk_berekenen", analyse) else None


def analyse_uitvoeren(analyse_id: int) -> None:
    """Run one queued analysis (see the module docstring); does nothing when it is not
    (or no longer) in the queue, and writes nothing once another run has claimed it."""
    claim = _claimen(analyse_id)
    if claim is None:
        return
    try:
        resultaat = _berekenen(claim)
    except _ClaimKwijt:
        logger.warning("Netwerkanalyse %s: opnieuw geclaimd door een andere run", analyse_id)
        return
    except AnalyseMislukt as fout:
        _mislukt(claim, str(fout))
    except ToegangslogNietBeschikbaar:
        logger.exception("Netwerkanalyse %s: toegangslog niet beschikbaar", analyse_id)
        _mislukt(claim, FOUT_TOEGANGSLOG)
    except Exception:
        logger.exception("Netwerkanalyse %s mislukt", analyse_id)
        _mislukt(claim, FOUT_ALGEMEEN)
    else:
        if not _klaar(claim, resultaat):
            logger.warning(
                "Netwerkanalyse %s: uitkomst niet bewaard, een andere run heeft de analyse",
                analyse_id,
            )


def _mislukt(claim: _Claim, fout: str) -> bool:
    return bool(
        claim.rij().update(
            status=Analysestatus.MISLUKT,
            resultaat=None,
            fout=fout,
            voortgang_tekst="Mislukt",
            klaar_op=timezone.now(),
        )
    )


def _berekenen(claim: _Claim) -> dict[str, Any]:
    analyse_id = claim.analyse_id
    analyse = Netwerkanalyse.objects.select_related(
        "samenwerkingsverband", "basis", "gestart_door"
    ).get(pk=analyse_id)
    actor = _actor_van(analyse)
    if actor is None:
        raise AnalyseMislukt(FOUT_GEEN_RECHT)
    swv = analyse.samenwerkingsverband
    instellingen = dict(analyse.instellingen) or instellingen_van(settings.PASSEND)

    _stap(claim, 5, "De vraag bepalen: leerlingen met een TLV of OPP tellen")
    vraag = vraag_van(swv, analyse.peildatum)

    _stap(claim, 15, "Het aanbod bepalen: plaatsen per locatie en gebied")
    try:
        werk = _aanbod_na_wijzigingen(
            swv,
            analyse.peildatum,
            analyse.schooljaar,
            instellingen,
            _basis_wijzigingen(analyse.basis),
            list(analyse.wijzigingen or []),
        )
    except OngeldigeWijzigingen as fout:
        raise AnalyseMislukt(FOUT_WIJZIGINGEN + " ".join(fout.meldingen)) from fout
    except ValueError as fout:
        raise AnalyseMislukt(str(fout)) from fout

    # The pupils counted are read: log it before anything is computed from them.
    toegang_vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        object_type=OBJECT_TYPE,
        object_id=str(analyse.sleutel),
        leerling_sleutels=vraag.leerling_sleutels,
        toegestaan=True,
        reden="Dekkend netwerk berekenen: vraag naar ondersteuning tellen (alleen cijfers "
        "worden bewaard)",
        route="monitor:netwerkanalyse-taak",
    )

    gemeld: set[tuple[int, str]] = set()

    def melden(procent: int, tekst: str) -> None:
        # One write per distinct step: at most ~70 however many parts the network has.
        stap = (20 + round(procent * 0.7), tekst)
        if stap not in gemeld:
            gemeld.add(stap)
            _voortgang(claim, *stap)

    uitkomst = oplossen(vraag.groepen, werk.locaties, als_instellingen(instellingen), melden)

    _stap(claim, 95, "De uitkomst samenvatten")
    resultaat = samenvatten(uitkomst, vraag.groepen, werk.locaties)
    for rij in resultaat["locaties"]:
        rij["vestigingscode"] = rij["id"]
    gebruikte_gebieden = {g["gebied"] for g in resultaat["per_gebied"]}
    resultaat.update(
        {
            "gebieden": {
                code: ("Elk gebied (onbekend)" if code == "" else werk.gebieden.get(code, code))
                for code in sorted(gebruikte_gebieden | set(werk.gebieden))
            },
            "niveaus": dict(NIVEAU_LABELS),
            "peildatum": analyse.peildatum.isoformat(),
            "schooljaar": analyse.schooljaar,
            "vraagpunten": vraagpunten(vraag, uitkomst.niet_geplaatst),
            "aantal_leerlingen": vraag.aantal_leerlingen,
            "zonder_woonplek": vraag.zonder_woonplek,
            "instellingen": instellingen,
        }
    )
    return resultaat


# --- Worker and recovery --------------------------------------------------------------------


def vastgelopen_terugzetten(*, minuten: int) -> int:
    """Put analyses that are BEZIG for longer than ``minuten`` back in the queue (their
    thread or worker died); returns how many."""
    grens = timezone.now() - timedelta(minutes=minuten)
    return Netwerkanalyse.objects.filter(status=Analysestatus.BEZIG, gestart_op__lt=grens).update(
        status=Analysestatus.WACHTRIJ,
        voortgang=0,
        voortgang_tekst=FOUT_BLIJFT_HANGEN,
    )


def wachtrij_uitvoeren(*, maximaal: int | None = None) -> int:
    """Run the queued analyses, oldest first (at most ``maximaal``, at least 1); returns how
    many were run."""
    if maximaal is not None and maximaal < 1:
        # A negative slice is not supported by a queryset; 0 would silently do nothing.
        raise ValueError("maximaal moet minstens 1 zijn.")
    ids = list(
        Netwerkanalyse.objects.filter(status=Analysestatus.WACHTRIJ)
        .order_by("aangemaakt_op", "id")
        .values_list("pk", flat=True)[:maximaal]
    )
    for analyse_id in ids:
        analyse_uitvoeren(analyse_id)
    return len(ids)
