"""Writes of a survey wave: preparing it (questionnaires copied from the vragenbank, own
items), opening and closing it, and making anonymous invitation codes.

Every write runs in one transaction, locks the wave's row, checks the policy again on the
locked row, refuses a stale form (``revisie``) or a status that does not allow the write
(``Conflict``), and writes one access-log record on success (object type
``doelstellingen.meting``; a wave holds no pupil data, so the record names no pupil).
Used by the pages, the API and the demo alike.
"""

import datetime
import re
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.doelstellingen.models import Meting, Uitnodiging, Vraag, Vragenlijst
from passend.doelstellingen.permissions import LANDELIJKE_BEHEERDERS, beleid
from passend.doelstellingen.rules import (
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

OBJECT_TYPE = "doelstellingen.meting"
MAXIMAAL_CODES = 2000
#: Codes per school (or per SWV) in one bulk request: 500 × the schools of an SWV.
MAXIMAAL_CODES_PER_SCHOOL = 500
VRAAGCODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
EERSTE_JAAR, LAATSTE_JAAR = 2020, 2100


class Conflict(Exception):
    """Someone else changed the wave since the form was opened, or its status does not allow
    the write: refused rather than overwritten (a message on the page, a 409 in the API)."""

    def __init__(self, melding: str, *, code: str = "conflict") -> None:
        super().__init__(melding)
        self.melding = melding
        self.code = code


# --- Shared -----------------------------------------------------------------------------


def _vastleggen(actor: Any, meting: Meting, actie: Actie, reden: str, route: str) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(meting.pk),
        toegestaan=True,
        reden=reden,
        route=route,
    )


def _vergrendeld(actor: Any, meting: Meting | int) -> Meting:
    """The wave's row, locked, and the policy checked again on it."""
    pk = meting.pk if isinstance(meting, Meting) else meting
    rij = (
        Meting.objects.select_for_update(of=("self",))
        .select_related("samenwerkingsverband")
        .filter(pk=pk)
        .first()
    )
    if rij is None or not beleid.mag(actor, "meting_beheren", rij):
        raise Geweigerd("geen recht om deze meting te beheren")
    return rij


def _eis_revisie(rij: Meting, revisie: int | None) -> None:
    if revisie is not None and rij.revisie != revisie:
        raise Conflict(
            "Iemand anders heeft deze meting intussen gewijzigd. Bekijk de nieuwe versie en "
            "voer uw wijziging opnieuw in.",
            code="revisie",
        )


def _eis_concept(rij: Meting) -> None:
    if rij.status != Metingstatus.CONCEPT:
        raise Conflict(
            "Deze meting is al geopend: de vragenlijsten liggen vast en kunnen niet meer "
            "veranderen.",
            code="niet_concept",
        )


def _bijwerken(rij: Meting, velden: Iterable[str]) -> None:
    rij.revisie += 1
    rij.save(update_fields=[*velden, "revisie", "gewijzigd_op"])


def _datums_controleren(
    fouten: dict[str, str], open_van: datetime.date | None, open_tot: datetime.date | None
) -> None:
    if open_van is None:
        fouten["open_van"] = "Vul de datum in waarop de meting opengaat."
    if open_tot is None:
        fouten["open_tot"] = "Vul de datum in tot en met wanneer de meting openstaat."
    if open_van and open_tot and open_tot < open_van:
        fouten["open_tot"] = "De einddatum ligt voor de begindatum. Kies een latere einddatum."


def _naam_controleren(fouten: dict[str, str], naam: str) -> str:
    naam = (naam or "").strip()
    if not naam:
        fouten["naam"] = "Geef de meting een naam."
    elif len(naam) > 200:
        fouten["naam"] = "De naam is te lang. Gebruik maximaal 200 tekens."
    return naam


def _scope(swv_id: int | None) -> Q:
    """The waves of one SWV, or the national ones (``= NULL`` never matches in SQL)."""
    if swv_id is None:
        return Q(samenwerkingsverband__isnull=True)
    return Q(samenwerkingsverband_id=swv_id)


def _nulmeting_bezet(swv_id: int | None, *, behalve: int | None = None) -> bool:
    andere = Meting.objects.filter(_scope(swv_id), is_nulmeting=True)
    if behalve is not None:
        andere = andere.exclude(pk=behalve)
    return andere.exists()


NULMETING_BEZET = (
    "Er is al een nulmeting. Een samenwerkingsverband (en het ministerie) heeft maar één "
    "nulmeting: zet het vinkje uit."
)


# --- Preparing a wave --------------------------------------------------------------------


@transaction.atomic
def meting_aanmaken(
    *,
    actor: Any,
    jaar: int,
    naam: str,
    open_van: datetime.date,
    open_tot: datetime.date,
    is_nulmeting: bool,
    groepen: Iterable[str],
    route: str = "",
) -> Meting:
    """A new wave in preparation: the actor's SWV's (SWV beheerder) or a national one (the
    ministry), with one questionnaire per chosen group holding the vragenbank's items."""
    if not beleid.mag(actor, "meting_aanmaken"):
        raise Geweigerd("geen recht om een meting klaar te zetten")
    swv: Samenwerkingsverband | None = getattr(actor.rol, "samenwerkingsverband", None)
    if actor.rolsoort not in LANDELIJKE_BEHEERDERS and swv is None:
        raise Geweigerd("uw rol hoort bij geen samenwerkingsverband")
    if swv is not None:
        # Serialise waves of one SWV (one per year, one nulmeting).
        Samenwerkingsverband.objects.select_for_update().filter(pk=swv.pk).first()
    swv_id = swv.pk if swv is not None else None
    fouten: dict[str, str] = {}
    naam = _naam_controleren(fouten, naam)
    if jaar is None or not EERSTE_JAAR <= int(jaar) <= LAATSTE_JAAR:
        fouten["jaar"] = f"Kies een jaar van {EERSTE_JAAR} tot en met {LAATSTE_JAAR}."
    elif Meting.objects.filter(_scope(swv_id), jaar=jaar).exists():
        fouten["jaar"] = (
            f"Er is al een meting voor {jaar}. Per jaar is er één meting: kies een ander jaar "
            "of wijzig de bestaande meting."
        )
    _datums_controleren(fouten, open_van, open_tot)
    gekozen = list(dict.fromkeys(groepen))
    if not gekozen:
        fouten["groepen"] = "Kies ten minste één groep respondenten."
    elif not set(gekozen) <= set(Respondentgroep.values):
        fouten["groepen"] = "Kies alleen groepen uit de lijst."
    if is_nulmeting and _nulmeting_bezet(swv_id):
        fouten["is_nulmeting"] = NULMETING_BEZET
    if fouten:
        raise ValidationError(fouten)
    meting = Meting(
        samenwerkingsverband=swv,
        naam=naam,
        jaar=int(jaar),
        is_nulmeting=bool(is_nulmeting),
        open_van=open_van,
        open_tot=open_tot,
        status=Metingstatus.CONCEPT,
        aangemaakt_door=actor.gebruiker,
    )
    try:
        with transaction.atomic():
            meting.save()
    except IntegrityError as exc:
        # Two national waves prepared at the same moment: the constraints decide. The other
        # wave has committed by now (a unique index waits for it), so look which one.
        if is_nulmeting and _nulmeting_bezet(swv_id):
            raise ValidationError({"is_nulmeting": NULMETING_BEZET}) from exc
        raise ValidationError(
            {"jaar": "Er is intussen al een meting voor dit jaar (of al een nulmeting)."}
        ) from exc
    for groep in sorted(gekozen, key=Respondentgroep.values.index):
        vragenlijst = Vragenlijst.objects.create(
            meting=meting, respondentgroep=groep, kindvriendelijk=groep in KINDVRIENDELIJKE_GROEPEN
        )
        Vraag.objects.bulk_create(
            Vraag(
                vragenlijst=vragenlijst,
                code=item.code,
                doelstelling=item.doelstelling,
                tekst=item.tekst,
                schaal=item.schaal,
                volgorde=volgorde,
            )
            for volgorde, item in enumerate(vragen_voor(groep), start=1)
        )
    _vastleggen(actor, meting, Actie.AANMAKEN, "Meting klaargezet", route)
    return meting


@transaction.atomic
def meting_wijzigen(
    *,
    actor: Any,
    meting: Meting | int,
    revisie: int,
    naam: str,
    open_van: datetime.date,
    open_tot: datetime.date,
    is_nulmeting: bool,
    route: str = "",
) -> Meting:
    """Name, dates and nulmeting of a wave in preparation."""
    rij = _vergrendeld(actor, meting)
    if rij.samenwerkingsverband_id is not None:
        # Serialise with meting_aanmaken and other changes in this SWV (one nulmeting). The
        # wave's row first, then the SWV's: meting_aanmaken locks no existing wave.
        Samenwerkingsverband.objects.select_for_update().filter(
            pk=rij.samenwerkingsverband_id
        ).first()
    _eis_revisie(rij, revisie)
    _eis_concept(rij)
    fouten: dict[str, str] = {}
    naam = _naam_controleren(fouten, naam)
    _datums_controleren(fouten, open_van, open_tot)
    if is_nulmeting and _nulmeting_bezet(rij.samenwerkingsverband_id, behalve=rij.pk):
        fouten["is_nulmeting"] = NULMETING_BEZET
    if fouten:
        raise ValidationError(fouten)
    rij.naam, rij.open_van, rij.open_tot = naam, open_van, open_tot
    rij.is_nulmeting = bool(is_nulmeting)
    try:
        with transaction.atomic():
            _bijwerken(rij, ["naam", "open_van", "open_tot", "is_nulmeting"])
    except IntegrityError as exc:
        # Two national waves made the nulmeting at the same moment (no SWV row to lock):
        # the constraint decides, and the loser gets the same message as above.
        raise ValidationError({"is_nulmeting": NULMETING_BEZET}) from exc
    _vastleggen(actor, rij, Actie.WIJZIGEN, "Meting gewijzigd", route)
    return rij


@transaction.atomic
def vraag_toevoegen(
    *,
    actor: Any,
    meting: Meting | int,
    respondentgroep: str,
    code: str,
    doelstelling: int,
    tekst: str,
    schaal: str,
    revisie: int | None = None,
    route: str = "",
) -> Vraag:
    """An own item in one of the wave's questionnaires (only while in preparation)."""
    rij = _vergrendeld(actor, meting)
    _eis_revisie(rij, revisie)
    _eis_concept(rij)
    fouten: dict[str, str] = {}
    vragenlijst = Vragenlijst.objects.filter(meting=rij, respondentgroep=respondentgroep).first()
    if vragenlijst is None:
        fouten["respondentgroep"] = "Kies een groep die in deze meting een vragenlijst heeft."
    code = (code or "").strip()
    if not VRAAGCODE.match(code):
        fouten["code"] = (
            "Geef een code van 1 tot 40 tekens: letters, cijfers, punt, streepje of liggend "
            "streepje, bijvoorbeeld OU.D4.eigen."
        )
    elif vragenlijst is not None and vragenlijst.vragen.filter(code=code).exists():
        fouten["code"] = "Deze code staat al in deze vragenlijst. Kies een andere code."
    if doelstelling not in Doelstelling.values:
        fouten["doelstelling"] = "Kies een doelstelling uit de lijst."
    tekst = (tekst or "").strip()
    if not tekst:
        fouten["tekst"] = "Schrijf de vraag of stelling."
    elif len(tekst) > 400:
        fouten["tekst"] = "De tekst is te lang. Gebruik maximaal 400 tekens."
    if schaal not in Schaal.values:
        fouten["schaal"] = "Kies een schaal uit de lijst."
    if fouten:
        raise ValidationError(fouten)
    assert vragenlijst is not None
    laatste = vragenlijst.vragen.order_by("-volgorde").values_list("volgorde", flat=True).first()
    vraag = Vraag.objects.create(
        vragenlijst=vragenlijst,
        code=code,
        doelstelling=doelstelling,
        tekst=tekst,
        schaal=schaal,
        volgorde=(laatste or 0) + 1,
    )
    _bijwerken(rij, [])
    _vastleggen(actor, rij, Actie.WIJZIGEN, f"Vraag {code} toegevoegd", route)
    return vraag


@transaction.atomic
def vraag_verwijderen(
    *,
    actor: Any,
    meting: Meting | int,
    vraag_id: int,
    revisie: int | None = None,
    route: str = "",
) -> None:
    """Remove an item from a wave in preparation."""
    rij = _vergrendeld(actor, meting)
    _eis_revisie(rij, revisie)
    _eis_concept(rij)
    vraag = Vraag.objects.filter(pk=vraag_id, vragenlijst__meting=rij).first()
    if vraag is None:
        raise ValidationError({"vraag": "Deze vraag staat niet (meer) in deze meting."})
    code = vraag.code
    vraag.delete()
    _bijwerken(rij, [])
    _vastleggen(actor, rij, Actie.WIJZIGEN, f"Vraag {code} verwijderd", route)


# --- Running a wave ----------------------------------------------------------------------


@transaction.atomic
def meting_openen(*, actor: Any, meting: Meting | int, revisie: int, route: str = "") -> Meting:
    """CONCEPT → OPEN: the questionnaires are frozen; codes can be used from now on."""
    rij = _vergrendeld(actor, meting)
    _eis_revisie(rij, revisie)
    _eis_concept(rij)
    if not Vraag.objects.filter(vragenlijst__meting=rij).exists():
        raise ValidationError(
            "Deze meting heeft nog geen vragen. Voeg eerst een vragenlijst met ten minste één "
            "vraag toe."
        )
    rij.status = Metingstatus.OPEN
    rij.geopend_op = timezone.now()
    _bijwerken(rij, ["status", "geopend_op"])
    _vastleggen(actor, rij, Actie.WIJZIGEN, "Meting geopend", route)
    return rij


@transaction.atomic
def meting_sluiten(*, actor: Any, meting: Meting | int, revisie: int, route: str = "") -> Meting:
    """OPEN → GESLOTEN: no more answers; the results can be read."""
    rij = _vergrendeld(actor, meting)
    _eis_revisie(rij, revisie)
    if rij.status != Metingstatus.OPEN:
        raise Conflict("Alleen een meting die loopt, kan worden gesloten.", code="niet_open")
    rij.status = Metingstatus.GESLOTEN
    rij.gesloten_op = timezone.now()
    _bijwerken(rij, ["status", "gesloten_op"])
    # Anonymity (ADR 0012): on PostgreSQL a used invitation and its response were written by
    # the same transaction, so their system column ``xmin`` matched. Rewriting every
    # invitation of the wave in this one statement gives them all the same new ``xmin``.
    Uitnodiging.objects.filter(vragenlijst__meting=rij).update(gebruikt=F("gebruikt"))
    _vastleggen(actor, rij, Actie.WIJZIGEN, "Meting gesloten", route)
    return rij


@transaction.atomic
def uitnodigingen_aanmaken(
    *,
    actor: Any,
    meting: Meting | int,
    respondentgroep: str,
    vestiging_id: int | None,
    samenwerkingsverband_id: int | None,
    aantal: int,
    route: str = "",
) -> list[str]:
    """``aantal`` new anonymous single-use codes for one questionnaire, one SWV and (school
    groups) one member location of that SWV. Only the hashes are stored: the plain codes are
    returned this once."""
    rij = _vergrendeld(actor, meting)
    if rij.status == Metingstatus.GESLOTEN:
        raise Conflict(
            "Deze meting is gesloten: er kunnen geen uitnodigingen meer bij.", code="gesloten"
        )
    fouten: dict[str, str] = {}
    vragenlijst = Vragenlijst.objects.filter(meting=rij, respondentgroep=respondentgroep).first()
    if vragenlijst is None:
        fouten["respondentgroep"] = "Kies een groep die in deze meting een vragenlijst heeft."
    if aantal is None or not 1 <= int(aantal) <= MAXIMAAL_CODES:
        fouten["aantal"] = f"Kies een aantal van 1 tot en met {MAXIMAAL_CODES}."
    # The SWV: the wave's own; a national wave names one (any SWV).
    swv_id = rij.samenwerkingsverband_id
    if swv_id is None:
        if samenwerkingsverband_id is None:
            fouten["samenwerkingsverband"] = "Kies het samenwerkingsverband."
        elif not Samenwerkingsverband.objects.filter(pk=samenwerkingsverband_id).exists():
            fouten["samenwerkingsverband"] = "Kies een samenwerkingsverband uit de lijst."
        else:
            swv_id = samenwerkingsverband_id
    elif samenwerkingsverband_id not in (None, swv_id):
        fouten["samenwerkingsverband"] = (
            "Deze meting is van uw eigen samenwerkingsverband: kies geen ander."
        )
    if respondentgroep in SCHOOLGROEPEN:
        if vestiging_id is None:
            fouten["vestiging"] = "Kies de school (vestiging) die de codes uitdeelt."
        elif swv_id is not None and not _is_lid(vestiging_id, swv_id):
            fouten["vestiging"] = "Kies een school die nu lid is van het samenwerkingsverband."
    elif vestiging_id is not None:
        fouten["vestiging"] = "Deze groep wordt niet per school uitgenodigd: kies geen school."
    if fouten:
        raise ValidationError(fouten)
    assert vragenlijst is not None and swv_id is not None
    codes = [nieuwe_code() for _ in range(int(aantal))]
    Uitnodiging.objects.bulk_create(
        Uitnodiging(
            vragenlijst=vragenlijst,
            samenwerkingsverband_id=swv_id,
            vestiging_id=vestiging_id if respondentgroep in SCHOOLGROEPEN else None,
            code_hash=code_hash(code),
        )
        for code in codes
    )
    _vastleggen(
        actor,
        rij,
        Actie.AANMAKEN,
        f"{len(codes)} uitnodigingscodes gemaakt ({Respondentgroep(respondentgroep).label})",
        route,
    )
    return codes


@transaction.atomic
def uitnodigingen_in_bulk(
    *,
    actor: Any,
    meting: Meting | int,
    respondentgroep: str,
    samenwerkingsverband_id: int | None,
    aantal_per_school: int,
    route: str = "",
) -> list[tuple[str, str, str]]:
    """``aantal_per_school`` new codes for every member location (today) of one SWV for a
    school group, or that many codes for the SWV itself for another group: a whole wave's
    codes in one request. The same checks as ``uitnodigingen_aanmaken``; one transaction,
    one access-log record. Returns ``(school or SWV name, group label, code)`` rows, in the
    order of the school names; only the hashes are stored."""
    rij = _vergrendeld(actor, meting)
    if rij.status == Metingstatus.GESLOTEN:
        raise Conflict(
            "Deze meting is gesloten: er kunnen geen uitnodigingen meer bij.", code="gesloten"
        )
    fouten: dict[str, str] = {}
    vragenlijst = Vragenlijst.objects.filter(meting=rij, respondentgroep=respondentgroep).first()
    if vragenlijst is None:
        fouten["respondentgroep"] = "Kies een groep die in deze meting een vragenlijst heeft."
    if aantal_per_school is None or not 1 <= int(aantal_per_school) <= MAXIMAAL_CODES_PER_SCHOOL:
        fouten["aantal"] = f"Kies een aantal van 1 tot en met {MAXIMAAL_CODES_PER_SCHOOL}."
    swv: Samenwerkingsverband | None = rij.samenwerkingsverband
    if swv is None:
        if samenwerkingsverband_id is None:
            fouten["samenwerkingsverband"] = "Kies het samenwerkingsverband."
        else:
            swv = Samenwerkingsverband.objects.filter(pk=samenwerkingsverband_id).first()
            if swv is None:
                fouten["samenwerkingsverband"] = "Kies een samenwerkingsverband uit de lijst."
    elif samenwerkingsverband_id not in (None, swv.pk):
        fouten["samenwerkingsverband"] = (
            "Deze meting is van uw eigen samenwerkingsverband: kies geen ander."
        )
    eenheden: list[tuple[int | None, str]] = []
    if swv is not None:
        if respondentgroep in SCHOOLGROEPEN:
            leden = (
                SwvLidmaatschap.objects.filter(samenwerkingsverband=swv)
                .filter(actief_op(timezone.localdate()))
                .select_related("vestiging")
                .order_by("vestiging__naam", "vestiging__vestigingscode")
            )
            gezien: set[int] = set()
            for lid in leden:
                if lid.vestiging_id not in gezien:
                    gezien.add(lid.vestiging_id)
                    eenheden.append(
                        (
                            lid.vestiging_id,
                            f"{lid.vestiging.naam} ({lid.vestiging.vestigingscode})",
                        )
                    )
            if not eenheden and "samenwerkingsverband" not in fouten:
                fouten["samenwerkingsverband"] = (
                    "Dit samenwerkingsverband heeft nu geen scholen: er zijn geen codes gemaakt."
                )
        else:
            eenheden.append((None, swv.naam))
    if fouten:
        raise ValidationError(fouten)
    assert vragenlijst is not None and swv is not None
    groep = str(Respondentgroep(respondentgroep).label)
    rijen: list[tuple[str, str, str]] = []
    nieuw: list[Uitnodiging] = []
    for vestiging_id, naam in eenheden:
        for _ in range(int(aantal_per_school)):
            code = nieuwe_code()
            rijen.append((naam, groep, code))
            nieuw.append(
                Uitnodiging(
                    vragenlijst=vragenlijst,
                    samenwerkingsverband=swv,
                    vestiging_id=vestiging_id,
                    code_hash=code_hash(code),
                )
            )
    Uitnodiging.objects.bulk_create(nieuw, batch_size=1000)
    _vastleggen(
        actor,
        rij,
        Actie.AANMAKEN,
        f"{len(rijen)} uitnodigingscodes gemaakt voor {len(eenheden)} "
        f"{'scholen' if respondentgroep in SCHOOLGROEPEN else 'samenwerkingsverband'} "
        f"({groep})",
        route,
    )
    return rijen


def _is_lid(vestiging_id: int, swv_id: int) -> bool:
    return (
        SwvLidmaatschap.objects.filter(vestiging_id=vestiging_id, samenwerkingsverband_id=swv_id)
        .filter(actief_op(timezone.localdate()))
        .exists()
    )
