"""The SWV's extra questions on its request form (DOMAIN.md §2.3: the form is configurable
per SWV) and the school's answers. The questions are set-up (no pupil data, not logged);
answering is about a pupil's request (checked, status-guarded, logged)."""

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from passend.core.models import Actie
from passend.organisaties.models import Samenwerkingsverband
from passend.toelaatbaarheid.models import (
    AanvullendAntwoord,
    AanvullendeVraag,
    Tlvregeling,
    Toelaatbaarheidsverklaring,
)
from passend.toelaatbaarheid.permissions import beleid
from passend.toelaatbaarheid.rules import MAX_EXTRA_VRAGEN, Status, standaardregeling
from passend.toelaatbaarheid.selectors import extra_vragen_van
from passend.toelaatbaarheid.services.basis import (
    MAX_TEKST,
    Conflict,
    _log,
    _vergrendeld,
    _weiger_bij_fouten,
)

MAX_VRAAG = 300
MAX_UITLEG = 500


def _vraag_fouten(tekst: str, toelichting: str) -> dict[str, list[str]]:
    fouten: dict[str, list[str]] = {}
    if not tekst.strip():
        fouten["tekst"] = ["Schrijf de vraag op."]
    elif len(tekst.strip()) > MAX_VRAAG:
        fouten["tekst"] = [f"De vraag is te lang. Gebruik maximaal {MAX_VRAAG} tekens."]
    if len(toelichting.strip()) > MAX_UITLEG:
        fouten["toelichting"] = [f"De uitleg is te lang. Gebruik maximaal {MAX_UITLEG} tekens."]
    return fouten


def _eigen_regeling(actor: Any) -> Tlvregeling:
    """The SWV's own settings row, locked; made from the defaults when there is none yet."""
    swv_id = actor.rol.samenwerkingsverband_id
    rij = Tlvregeling.objects.select_for_update().filter(samenwerkingsverband_id=swv_id).first()
    if rij is not None:
        return rij
    swv = Samenwerkingsverband.objects.get(pk=swv_id)
    standaard = standaardregeling(settings.PASSEND, swv_naam=swv.naam)
    rij = Tlvregeling(
        samenwerkingsverband=swv,
        tweede_deskundigen=list(standaard.tweede_deskundigen),
        categorie_labels=list(standaard.categorie_labels),
        minimale_duur_maanden=standaard.minimale_duur_maanden,
        maximale_duur_maanden=standaard.maximale_duur_maanden,
        einde_signaal_maanden=standaard.einde_signaal_maanden,
        bezwaar_indienen_bij=standaard.bezwaar_indienen_bij,
        bezwaaradviescommissie=standaard.bezwaaradviescommissie,
    )
    rij.full_clean()
    rij.save()
    return rij


def vraag_toevoegen(
    *, actor: Any, tekst: str, toelichting: str = "", verplicht: bool = False
) -> AanvullendeVraag:
    """Add an extra question to the SWV's request form (answered after submitting)."""
    beleid.eis(actor, "regeling_beheren")
    fouten = _vraag_fouten(tekst, toelichting)
    _weiger_bij_fouten(fouten)
    with transaction.atomic():
        regeling = _eigen_regeling(actor)
        bestaand = list(regeling.vragen.filter(actief=True).values_list("volgorde", flat=True))
        if len(bestaand) >= MAX_EXTRA_VRAGEN:
            raise ValidationError(
                {"tekst": [f"Er kunnen hoogstens {MAX_EXTRA_VRAGEN} aanvullende vragen zijn."]}
            )
        vraag = AanvullendeVraag(
            regeling=regeling,
            tekst=tekst.strip(),
            toelichting=toelichting.strip(),
            verplicht=verplicht,
            volgorde=max(bestaand, default=0) + 1,
        )
        vraag.full_clean()
        vraag.save()
    return vraag


def _eigen_vraag(actor: Any, vraag: AanvullendeVraag, versie: str) -> AanvullendeVraag:
    rij = (
        AanvullendeVraag.objects.select_for_update()
        .filter(
            pk=vraag.pk,
            actief=True,
            regeling__samenwerkingsverband_id=actor.rol.samenwerkingsverband_id,
        )
        .first()
    )
    if rij is None or rij.gewijzigd_op.isoformat() != versie:
        raise Conflict("Iemand anders heeft deze vraag intussen gewijzigd of verwijderd.")
    return rij


def vraag_wijzigen(
    *,
    actor: Any,
    vraag: AanvullendeVraag,
    versie: str,
    tekst: str,
    toelichting: str,
    verplicht: bool,
) -> AanvullendeVraag:
    """Change a question; answers already given keep the text they were given with."""
    beleid.eis(actor, "regeling_beheren")
    _weiger_bij_fouten(_vraag_fouten(tekst, toelichting))
    with transaction.atomic():
        rij = _eigen_vraag(actor, vraag, versie)
        rij.tekst = tekst.strip()
        rij.toelichting = toelichting.strip()
        rij.verplicht = verplicht
        rij.full_clean()
        rij.save()
    return rij


def vraag_verwijderen(*, actor: Any, vraag: AanvullendeVraag, versie: str) -> AanvullendeVraag:
    """Remove a question from the form; answers already given stay with their request."""
    beleid.eis(actor, "regeling_beheren")
    with transaction.atomic():
        rij = _eigen_vraag(actor, vraag, versie)
        rij.actief = False
        rij.save()
    return rij


def antwoorden_vastleggen(
    *,
    actor: Any,
    tlv: Toelaatbaarheidsverklaring,
    antwoorden: dict[int, str],
    route: str = "",
) -> list[AanvullendAntwoord]:
    """The school answers the SWV's extra questions after submitting, until the desk declares
    the request complete. ``antwoorden`` maps question id to answer; an empty answer removes
    an earlier one. The question's text is copied into the answer."""
    with transaction.atomic():
        rij = _vergrendeld(tlv, actor, "vragen_beantwoorden")
        if rij.status != Status.INGEDIEND:
            raise ValidationError(
                "De aanvullende vragen kunnen alleen worden beantwoord zolang het loket de "
                "aanvraag nog niet compleet heeft verklaard.",
                code="status",
            )
        vragen = {
            v.pk: v for v in extra_vragen_van(samenwerkingsverband_id=rij.verantwoordelijk_swv_id)
        }
        fouten: dict[str, list[str]] = {}
        schoon: dict[int, str] = {}
        for vraag_id, tekst in antwoorden.items():
            if vraag_id not in vragen:
                fouten.setdefault("antwoorden", []).append(
                    f"Vraag {vraag_id} hoort niet (meer) bij de vragen van het "
                    "samenwerkingsverband."
                )
                continue
            tekst = (tekst or "").strip()
            if len(tekst) > MAX_TEKST:
                fouten[f"vraag_{vraag_id}"] = [
                    f"Het antwoord is te lang. Gebruik maximaal {MAX_TEKST} tekens."
                ]
            schoon[vraag_id] = tekst
        if not fouten and not any(schoon.values()):
            fouten["antwoorden"] = ["Beantwoord minstens één vraag."]
        _weiger_bij_fouten(fouten)
        bestaand = {a.vraag_id: a for a in AanvullendAntwoord.objects.filter(tlv=rij)}
        opgeslagen = []
        for vraag_id, tekst in schoon.items():
            vraag = vragen[vraag_id]
            antwoord = bestaand.get(vraag_id)
            if not tekst:
                if antwoord is not None:
                    antwoord.delete()
                continue
            if antwoord is None:
                antwoord = AanvullendAntwoord(tlv=rij, vraag=vraag)
            antwoord.vraagtekst = vraag.tekst
            antwoord.verplicht = vraag.verplicht
            antwoord.antwoord = tekst
            antwoord.beantwoord_door = actor.gebruiker
            antwoord.full_clean()
            antwoord.save()
            opgeslagen.append(antwoord)
        rij.gewijzigd_op = timezone.now()
        rij.save(update_fields=["gewijzigd_op"])
        _log(
            actor,
            rij,
            Actie.WIJZIGEN,
            f"{len(opgeslagen)} aanvullende vra{'ag' if len(opgeslagen) == 1 else 'gen'} "
            "beantwoord",
            route,
        )
    return opgeslagen
