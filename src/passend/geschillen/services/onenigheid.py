"""Writes of a disagreement: starting it, the steps on the route, the GPO (or LBT) dates,
closing and withdrawing. Each service checks the policy on the locked row, runs in one
transaction and writes one access-log record on success."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from passend.accounts.rules import Rolsoort
from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.permissions import Geweigerd
from passend.geschillen.models import Onenigheid, Routestap, Stap
from passend.geschillen.permissions import SCHOOL, beleid
from passend.geschillen.rules import (
    SWV_STAPPEN,
    Onderwerp,
    Stapuitkomst,
    Status,
    commissie_voor,
    op_tijd_ingediend,
)
from passend.geschillen.selectors.route import route_van
from passend.geschillen.services.basis import (
    Conflict,
    Fouten,
    datum,
    eis_open,
    eis_revisie,
    log,
    tekst,
    vergrendeld,
    weiger_bij_fouten,
)
from passend.leerlingen.models import Inschrijving, Leerling, Ouderschap
from passend.organisaties.models import Samenwerkingsverband, SwvLidmaatschap, Vestiging


@dataclass
class Commissieresultaat:
    onenigheid: Onenigheid
    waarschuwingen: list[str] = field(default_factory=list)


def _eis_leerling(actor: Any, leerling: Leerling, vandaag: date) -> Vestiging | None:
    """Refuse who may not start about this pupil; the running enrolment's location (for the
    school: at its own school)."""
    if actor.rolsoort == Rolsoort.OUDER:
        if not Ouderschap.objects.filter(
            leerling=leerling, ouder_id=actor.gebruiker.pk, gezag=True
        ).exists():
            raise Geweigerd("alleen een ouder met gezag start een onenigheid over het kind")
        inschrijvingen = Inschrijving.objects.filter(leerling=leerling)
    else:
        inschrijvingen = Inschrijving.objects.filter(
            leerling=leerling, vestiging__school_id=actor.rol.school_id
        )
    inschrijving = (
        inschrijvingen.filter(actief_op(vandaag))
        .select_related("vestiging")
        .order_by("-van")
        .first()
    )
    return inschrijving.vestiging if inschrijving is not None else None


def _swv_van(vestiging: Vestiging, vandaag: date) -> Samenwerkingsverband | None:
    lid = (
        SwvLidmaatschap.objects.filter(vestiging=vestiging)
        .filter(actief_op(vandaag))
        .select_related("samenwerkingsverband")
        .order_by("sector")
        .first()
    )
    return lid.samenwerkingsverband if lid is not None else None


@transaction.atomic
def onenigheid_starten(
    *,
    actor: Any,
    leerling: Leerling,
    onderwerp: str,
    omschrijving: str,
    opp: Any = None,
    aanmelding: Any = None,
    tlv: Any = None,
    vestiging: Vestiging | None = None,
    besluit_op: date | None = None,
    gestart_op: date | None = None,
    route: str = "",
) -> Onenigheid:
    """Parents (with parental authority) start a disagreement about their own child, or the
    school records one about its pupil. What it is about must be this child's.

    Parents start it today. The school may record a disagreement that began earlier
    (``gestart_op``: not in the future, at most a year back), so its history is complete."""
    beleid.eis(actor, "starten")
    vandaag = timezone.localdate()
    # Lock the pupil: two starts about the same thing (a double click, both parents at
    # once) are serialised, and the second one sees the first.
    Leerling.objects.select_for_update().filter(pk=leerling.pk).first()
    lopend = _eis_leerling(actor, leerling, vandaag)
    fouten: Fouten = {}
    if onderwerp not in Onderwerp.values:
        fouten.setdefault("onderwerp", []).append("Kies waar de onenigheid over gaat.")
    omschrijving = tekst(
        omschrijving,
        "omschrijving",
        fouten,
        verplicht="Schrijf op waar de onenigheid over gaat.",
    )
    gekoppeld = {"opp": opp, "aanmelding": aanmelding, "tlv": tlv}
    for veld, obj in gekoppeld.items():
        if obj is None:
            continue
        if obj.leerling_id != leerling.pk:
            fouten.setdefault(veld, []).append("Kies iets van dit kind.")
        elif onderwerp != veld:
            fouten.setdefault(veld, []).append(
                "Dit past niet bij het onderwerp. Kies het onderwerp dat erbij hoort."
            )
    if sum(obj is not None for obj in gekoppeld.values()) > 1:
        fouten.setdefault("__all__", []).append("Kies één ding waar de onenigheid over gaat.")
    if (
        onderwerp in Onderwerp.values
        and not fouten
        and Onenigheid.objects.filter(
            leerling=leerling,
            status=Status.OPEN,
            onderwerp=onderwerp,
            opp=opp,
            aanmelding=aanmelding,
            tlv=tlv,
        ).exists()
    ):
        fouten.setdefault("__all__", []).append(
            "Er loopt al een onenigheid over hetzelfde voor dit kind. Kijk bij die onenigheid "
            "in plaats van een nieuwe te starten."
        )
    datum(besluit_op, "besluit_op", fouten, verplicht=False)
    if gestart_op is None or actor.rolsoort not in SCHOOL:
        gestart_op = vandaag
    datum(
        gestart_op,
        "gestart_op",
        fouten,
        niet_voor=vandaag - timedelta(days=366),
        niet_voor_tekst="een jaar geleden",
    )
    if vestiging is None:
        vestiging = lopend
        if vestiging is None and aanmelding is not None and aanmelding.leerling_id == leerling.pk:
            vestiging = aanmelding.vestiging
    if (
        vestiging is not None
        and actor.rolsoort in SCHOOL
        and vestiging.school_id != actor.rol.school_id
    ):
        raise Geweigerd("de school start alleen een onenigheid over de eigen leerling")
    if vestiging is None:
        if actor.rolsoort in SCHOOL:
            raise Geweigerd("de school start alleen een onenigheid over de eigen leerling")
        fouten.setdefault("leerling", []).append(
            "Uw kind staat niet ingeschreven op een school. Kies de aanmelding waar het over gaat."
        )
    samenwerkingsverband = _swv_van(vestiging, vandaag) if vestiging is not None else None
    if vestiging is not None and samenwerkingsverband is None:
        fouten.setdefault("__all__", []).append(
            "De school hoort nu niet bij een samenwerkingsverband. Neem contact op met de school."
        )
    weiger_bij_fouten(fouten)
    assert vestiging is not None and samenwerkingsverband is not None
    onenigheid = Onenigheid.objects.create(
        leerling=leerling,
        vestiging=vestiging,
        samenwerkingsverband=samenwerkingsverband,
        onderwerp=onderwerp,
        opp=opp,
        aanmelding=aanmelding,
        tlv=tlv,
        omschrijving=omschrijving,
        gestart_op=gestart_op,
        gestart_door=actor.gebruiker,
        besluit_op=besluit_op,
    )
    log(actor, onenigheid, Actie.AANMAKEN, "onenigheid gestart", route)
    return onenigheid


@transaction.atomic
def stap_beginnen(
    *,
    actor: Any,
    onenigheid: Onenigheid,
    routestap: Routestap,
    begonnen_op: date | None,
    toelichting: str = "",
    route: str = "",
) -> Stap:
    """Record that a step of the SWV's route (its own, else the default) began. From a
    step at the SWV on, the SWV sees the case (``swv_betrokken_sinds``, read by the
    geschillen policy). It gets no ``Betrokkenheid`` with the pupil: that would open the
    pupil's whole file and every OPP to the SWV's staff, without an end."""
    rij = vergrendeld(onenigheid, actor, "stap_vastleggen")
    eis_open(rij)
    fouten: Fouten = {}
    if routestap.pk not in {stap.pk for stap in route_van(rij.samenwerkingsverband_id)}:
        fouten.setdefault("routestap", []).append("Kies een stap van de route.")
    datum(begonnen_op, "begonnen_op", fouten, niet_voor=rij.gestart_op, niet_voor_tekst="de start")
    vorige = rij.stappen.order_by("-begonnen_op", "-id").first()
    if vorige is not None and begonnen_op is not None and rij.gestart_op <= begonnen_op:
        # A step begins on or after the day the previous one ended (or began, if it runs):
        # the route's order, and no earlier ``swv_betrokken_sinds`` than the case allows.
        grens = vorige.afgerond_op or vorige.begonnen_op
        if begonnen_op < grens:
            fouten.setdefault("begonnen_op", []).append(
                f"Deze datum kan niet vóór het einde van de vorige stap ({grens:%d-%m-%Y}) liggen."
                if vorige.afgerond_op is not None
                else f"Deze datum kan niet vóór het begin van de vorige stap ({grens:%d-%m-%Y}) "
                "liggen."
            )
    toelichting = tekst(toelichting, "toelichting", fouten)
    if rij.stappen.filter(afgerond_op__isnull=True).exists():
        fouten.setdefault("routestap", []).append(
            "Er loopt nog een stap. Rond die eerst af en leg dan de volgende stap vast."
        )
    weiger_bij_fouten(fouten)
    assert begonnen_op is not None
    stap = Stap.objects.create(
        onenigheid=rij,
        routestap=routestap,
        begonnen_op=begonnen_op,
        toelichting=toelichting,
        vastgelegd_door=actor.gebruiker,
    )
    velden = ["revisie", "gewijzigd_op"]
    if routestap.soort in SWV_STAPPEN and rij.swv_betrokken_sinds is None:
        rij.swv_betrokken_sinds = begonnen_op
        velden.append("swv_betrokken_sinds")
    rij.revisie += 1
    rij.save(update_fields=velden)
    log(actor, rij, Actie.WIJZIGEN, f"stap begonnen: {routestap.naam}", route)
    return stap


@transaction.atomic
def stap_afronden(
    *,
    actor: Any,
    stap: Stap,
    afgerond_op: date | None,
    uitkomst: str,
    toelichting: str = "",
    route: str = "",
) -> Stap:
    """Finish a running step with its date and outcome."""
    rij = vergrendeld(stap.onenigheid, actor, "stap_vastleggen")
    eis_open(rij)
    vast = Stap.objects.select_for_update().select_related("routestap").get(pk=stap.pk)
    if vast.onenigheid_id != rij.pk:
        raise Geweigerd("deze stap hoort niet bij deze onenigheid")
    if vast.afgerond_op is not None:
        raise Conflict("Deze stap is intussen al afgerond.", code="afgerond")
    fouten: Fouten = {}
    datum(
        afgerond_op,
        "afgerond_op",
        fouten,
        niet_voor=vast.begonnen_op,
        niet_voor_tekst="het begin van de stap",
    )
    if uitkomst not in Stapuitkomst.values:
        fouten.setdefault("uitkomst", []).append("Kies de uitkomst van deze stap.")
    toelichting = tekst(toelichting, "toelichting", fouten)
    weiger_bij_fouten(fouten)
    assert afgerond_op is not None
    vast.afgerond_op = afgerond_op
    vast.uitkomst = uitkomst
    if toelichting:
        vast.toelichting = f"{vast.toelichting}\n\n{toelichting}".strip()
    vast.save(update_fields=["afgerond_op", "uitkomst", "toelichting", "gewijzigd_op"])
    rij.revisie += 1
    rij.save(update_fields=["revisie", "gewijzigd_op"])
    log(actor, rij, Actie.WIJZIGEN, f"stap afgerond: {vast.routestap.naam}", route)
    return vast


@transaction.atomic
def commissie_vastleggen(
    *,
    actor: Any,
    onenigheid: Onenigheid,
    revisie: int,
    besluit_op: date | None,
    commissie_ingediend_op: date | None,
    bestuur_antwoord_op: date | None = None,
    advies_gevraagd_op: date | None = None,
    oordeel_op: date | None = None,
    oordeel: str = "",
    route: str = "",
) -> Commissieresultaat:
    """The dates of the dispute. At the GPO: the decision, the filing, the board's answer
    and the opinion. An objection to a TLV (LBT): the decision, the objection filed with the
    SWV (``commissie_ingediend_op``), the SWV asking the LBT for advice
    (``advies_gevraagd_op``) and the decision on the objection (``oordeel_op``, ``oordeel``);
    there is no board's answer. Filing after the 6 weeks is warned about, not refused (the
    commission or the SWV decides whether it still hears the case)."""
    rij = vergrendeld(onenigheid, actor, "commissie_vastleggen")
    # Closed is closed: the dates belong to the case while it runs (a later procedure is
    # recorded on a new disagreement), so the closing date stays after every recorded date.
    eis_open(rij)
    eis_revisie(rij, revisie)
    fouten: Fouten = {}
    commissie = commissie_voor(rij.onderwerp)
    if commissie is None:
        fouten.setdefault("__all__", []).append(
            "Over dit onderwerp oordeelt geen geschillencommissie (alleen over toelaten, "
            "verwijderen, het OPP en de TLV)."
        )
        weiger_bij_fouten(fouten)
    if commissie == "LBT" and bestuur_antwoord_op is not None:
        fouten.setdefault("bestuur_antwoord_op", []).append(
            "Bij een bezwaar tegen een TLV reageert het schoolbestuur niet. Laat dit leeg."
        )
    if commissie == "GPO" and advies_gevraagd_op is not None:
        fouten.setdefault("advies_gevraagd_op", []).append(
            "Alleen bij een bezwaar tegen een TLV wordt advies gevraagd aan de LBT. Laat dit leeg."
        )
    datum(besluit_op, "besluit_op", fouten)
    datum(
        commissie_ingediend_op,
        "commissie_ingediend_op",
        fouten,
        verplicht=bool(bestuur_antwoord_op or advies_gevraagd_op or oordeel_op),
        niet_voor=besluit_op,
        niet_voor_tekst="het besluit",
    )
    for veld, waarde in (
        ("bestuur_antwoord_op", bestuur_antwoord_op),
        ("advies_gevraagd_op", advies_gevraagd_op),
        ("oordeel_op", oordeel_op),
    ):
        datum(
            waarde,
            veld,
            fouten,
            verplicht=False,
            niet_voor=commissie_ingediend_op,
            niet_voor_tekst="het indienen",
        )
    if (
        advies_gevraagd_op is not None
        and oordeel_op is not None
        and oordeel_op < advies_gevraagd_op
        and not fouten.get("oordeel_op")
    ):
        fouten.setdefault("oordeel_op", []).append(
            f"Deze datum kan niet vóór het advies van de LBT is gevraagd "
            f"({advies_gevraagd_op:%d-%m-%Y}) liggen."
        )
    oordeel = tekst(oordeel, "oordeel", fouten)
    if oordeel and oordeel_op is None:
        fouten.setdefault("oordeel_op", []).append("Vul de datum van het oordeel in.")
    if oordeel_op is not None and not oordeel:
        fouten.setdefault("oordeel", []).append(
            "Schrijf kort op wat het samenwerkingsverband op het bezwaar besliste."
            if commissie == "LBT"
            else "Schrijf kort op wat de commissie oordeelde."
        )
    weiger_bij_fouten(fouten)
    waarschuwingen = []
    if (
        besluit_op is not None
        and commissie_ingediend_op is not None
        and not op_tijd_ingediend(besluit_op, commissie_ingediend_op)
    ):
        waarschuwingen.append(
            "Het bezwaar is later dan 6 weken na het besluit ingediend. Het "
            "samenwerkingsverband beslist of het het bezwaar nog behandelt."
            if commissie == "LBT"
            else "Het verzoek is later dan 6 weken na het besluit ingediend. De commissie "
            "beslist of zij het nog behandelt."
        )
    rij.besluit_op = besluit_op
    rij.commissie_ingediend_op = commissie_ingediend_op
    rij.bestuur_antwoord_op = bestuur_antwoord_op
    rij.advies_gevraagd_op = advies_gevraagd_op
    rij.oordeel_op = oordeel_op
    rij.oordeel = oordeel
    rij.revisie += 1
    rij.save(
        update_fields=[
            "besluit_op",
            "commissie_ingediend_op",
            "bestuur_antwoord_op",
            "advies_gevraagd_op",
            "oordeel_op",
            "oordeel",
            "revisie",
            "gewijzigd_op",
        ]
    )
    log(actor, rij, Actie.WIJZIGEN, "geschilprocedure vastgelegd", route)
    return Commissieresultaat(onenigheid=rij, waarschuwingen=waarschuwingen)


def _sluit_lopende_stap(rij: Onenigheid, op: date, uitkomst: str) -> None:
    rij.stappen.filter(afgerond_op__isnull=True, begonnen_op__lte=op).update(
        afgerond_op=op, uitkomst=uitkomst, gewijzigd_op=timezone.now()
    )


def _laatste_datum(rij: Onenigheid) -> date | None:
    """The last date recorded on the case: a step's end, or a date of the dispute at the
    commission (filing, board's answer, advice asked, opinion). The decision disputed may
    predate the disagreement and is left out."""
    afgerond = rij.stappen.aggregate(laatste=Max("afgerond_op"))["laatste"]
    data = [
        afgerond,
        rij.commissie_ingediend_op,
        rij.bestuur_antwoord_op,
        rij.advies_gevraagd_op,
        rij.oordeel_op,
    ]
    gezet = [d for d in data if d is not None]
    return max(gezet) if gezet else None


@transaction.atomic
def onenigheid_afsluiten(
    *,
    actor: Any,
    onenigheid: Onenigheid,
    revisie: int,
    status: str,
    afgesloten_op: date | None,
    afsluiting: str,
    route: str = "",
) -> Onenigheid:
    """Close the disagreement: solved, or closed without a solution; a running step ends
    with it."""
    rij = vergrendeld(onenigheid, actor, "afsluiten")
    eis_open(rij)
    eis_revisie(rij, revisie)
    fouten: Fouten = {}
    if status not in (Status.OPGELOST, Status.GESLOTEN):
        fouten.setdefault("status", []).append("Kies hoe de onenigheid is afgelopen.")
    datum(
        afgesloten_op, "afgesloten_op", fouten, niet_voor=rij.gestart_op, niet_voor_tekst="de start"
    )
    afsluiting = tekst(
        afsluiting, "afsluiting", fouten, verplicht="Schrijf op hoe het is afgelopen."
    )
    if afgesloten_op is not None and rij.stappen.filter(begonnen_op__gt=afgesloten_op).exists():
        fouten.setdefault("afgesloten_op", []).append(
            "Er is een stap begonnen na deze datum. Kies een latere datum."
        )
    elif afgesloten_op is not None:
        laatste = _laatste_datum(rij)
        if laatste is not None and afgesloten_op < laatste:
            fouten.setdefault("afgesloten_op", []).append(
                f"Er is na deze datum nog iets gebeurd (op {laatste:%d-%m-%Y}): een stap is "
                "afgerond of de geschilprocedure liep nog. Kies een latere datum."
            )
    weiger_bij_fouten(fouten)
    assert afgesloten_op is not None
    _sluit_lopende_stap(
        rij,
        afgesloten_op,
        Stapuitkomst.OPGELOST if status == Status.OPGELOST else Stapuitkomst.NIET_OPGELOST,
    )
    rij.status = status
    rij.afgesloten_op = afgesloten_op
    rij.afsluiting = afsluiting
    rij.revisie += 1
    rij.save(update_fields=["status", "afgesloten_op", "afsluiting", "revisie", "gewijzigd_op"])
    log(actor, rij, Actie.WIJZIGEN, "onenigheid afgesloten", route)
    return rij


INGETROKKEN = "Ingetrokken door {naam}, de ouder die de onenigheid startte."


@transaction.atomic
def onenigheid_intrekken(
    *, actor: Any, onenigheid: Onenigheid, revisie: int, route: str = ""
) -> Onenigheid:
    """The parent who started the disagreement withdraws it (the policy refuses the other
    parent): it is closed today, naming who withdrew it; a running step stops."""
    rij = vergrendeld(onenigheid, actor, "intrekken")
    eis_open(rij)
    eis_revisie(rij, revisie)
    vandaag = timezone.localdate()
    _sluit_lopende_stap(rij, vandaag, Stapuitkomst.GESTOPT)
    rij.status = Status.GESLOTEN
    rij.afgesloten_op = max(vandaag, rij.gestart_op)
    gebruiker = actor.gebruiker
    rij.afsluiting = INGETROKKEN.format(naam=gebruiker.get_full_name() or gebruiker.get_username())
    rij.revisie += 1
    rij.save(update_fields=["status", "afgesloten_op", "afsluiting", "revisie", "gewijzigd_op"])
    log(actor, rij, Actie.WIJZIGEN, "onenigheid ingetrokken door ouder", route)
    return rij
