"""Writes of an SWV's yearly budget: the budget itself, its entered posts, the computed
posts (afdrachten, toewijzing aan scholen, arrangementen), the reserves and adoption.

Every write is for the SWV's controller only (``begroting_bewerken``), locks the budget's
row, checks the policy again on the locked row and refuses a stale form (``revisie``): two
people editing at once never silently overwrite each other. Each write appends one
access-log record (object type ``middelen.begroting``). An adopted (vastgesteld) budget is
final: it is never changed or reopened; a new year gets a new budget.

The computation reads pupils (TLVs at the teldatum, arrangement decisions): it writes one
access-log record with the keys of every pupil it counted before it computes.
"""

import datetime
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf

from passend.arrangementen.models import Arrangementaanvraag
from passend.arrangementen.rules import Besluit as ArrangementBesluit
from passend.arrangementen.rules import Status as ArrangementStatus
from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.permissions import Geweigerd
from passend.core.toegangslog import toegang_vastleggen
from passend.middelen.models import Begroting, Begrotingspost
from passend.middelen.permissions import beleid
from passend.middelen.rules import (
    BATEN,
    BEREKENDE_POSTEN,
    MAXIMAAL_BEDRAG,
    MAXIMAAL_BEDRAG_PER_LEERLING,
    MINIMAAL_EIGEN_VERMOGEN,
    VROEGSTE_DATUM,
    Begrotingsstatus,
    Postsoort,
    bovenmatig_eigen_vermogen,
    normbedrag_sleutel,
    normbedragen_voor,
    pro_rata,
    teldatum,
)
from passend.organisaties.models import (
    Leerlingtelling,
    Samenwerkingsverband,
    SwvLidmaatschap,
    Vestiging,
)
from passend.toelaatbaarheid.models import Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import Status as TlvStatus

OBJECT_TYPE = "middelen.begroting"
VROEGSTE_JAAR = 2015
MAX_OMSCHRIJVING = 200
MAX_TOELICHTING = 10_000

#: The soort of an afdracht post per TLV soort (pro has no afdracht).
AFDRACHT_VAN_SOORT = {
    "sbo": Postsoort.AFDRACHT_SBO,
    "so": Postsoort.AFDRACHT_SO,
    "vso": Postsoort.AFDRACHT_VSO,
}

#: ``reserve_vastleggen``: leave the amount per pupil as it is.
ONGEWIJZIGD: Any = object()


class Conflict(Exception):
    """Someone else changed the budget since the form was opened, or it was adopted: the
    write is refused (a message on the page, a 409 in the API)."""

    def __init__(self, melding: str, *, code: str = "conflict") -> None:
        super().__init__(melding)
        self.melding = melding
        self.code = code


def _log(
    actor: Any,
    begroting: Begroting,
    actie: Actie,
    reden: str,
    route: str,
    leerling_sleutels: Any = (),
) -> None:
    toegang_vastleggen(
        actor=actor,
        actie=actie,
        object_type=OBJECT_TYPE,
        object_id=str(begroting.pk),
        leerling_sleutels=leerling_sleutels,
        toegestaan=True,
        reden=reden,
        route=route,
    )


def _vergrendeld(begroting: Begroting, actor: Any, revisie: int | None) -> Begroting:
    """The budget's row, locked; the policy checked on it; a concept; the revisie the form
    was opened with (None: no check, for a caller that read the row in this transaction)."""
    rij = (
        Begroting.objects.select_for_update(of=("self",))
        .select_related("samenwerkingsverband")
        .get(pk=begroting.pk)
    )
    beleid.eis(actor, "begroting_bewerken", rij)
    if rij.status != Begrotingsstatus.CONCEPT:
        raise Conflict(
            "Deze begroting is vastgesteld en kan niet meer worden gewijzigd.",
            code="vastgesteld",
        )
    if revisie is not None and rij.revisie != revisie:
        raise Conflict(
            "Iemand anders heeft deze begroting intussen gewijzigd. Bekijk de nieuwe stand en "
            "voer uw wijziging opnieuw in.",
            code="revisie",
        )
    return rij


def _ophogen(rij: Begroting, *velden: str) -> None:
    rij.revisie += 1
    rij.save(update_fields=[*velden, "revisie", "gewijzigd_op"])


def _bedrag_fout(
    bedrag: Any,
    *,
    verplicht: bool = True,
    maximum: Decimal = MAXIMAAL_BEDRAG,
    minimum: Decimal = Decimal("0"),
) -> str | None:
    if bedrag is None:
        return "Vul een bedrag in." if verplicht else None
    if not isinstance(bedrag, Decimal) or not bedrag.is_finite():
        return "Vul een bedrag in euro in, bijvoorbeeld 1.234,56."
    if bedrag < minimum:
        return (
            "Het bedrag kan niet negatief zijn."
            if minimum == 0
            else f"Dit bedrag is te laag. Het kleinste bedrag is {_euro(minimum)}."
        )
    if bedrag != bedrag.quantize(Decimal("0.01")):
        return "Gebruik hoogstens twee cijfers achter de komma."
    if bedrag > maximum:
        return f"Dit bedrag is te groot. Het grootste bedrag is {_euro(maximum)}."
    return None


def _euro(bedrag: Decimal) -> str:
    """An amount the Dutch way: € 9.999.999,99."""
    teken = "-" if bedrag < 0 else ""
    heel, _, cent = f"{abs(bedrag):.2f}".partition(".")
    groepen = f"{int(heel):,}".replace(",", ".")
    return f"{teken}€ {groepen},{cent}"


def _bedrag_per_leerling_fout(bedrag: Any) -> str | None:
    return _bedrag_fout(bedrag, verplicht=False, maximum=MAXIMAAL_BEDRAG_PER_LEERLING)


# --- The budget ---------------------------------------------------------------------------


def begroting_aanmaken(
    *,
    actor: Any,
    jaar: int,
    route: str,
    bedrag_per_leerling: Decimal | None = None,
) -> Begroting:
    """A new concept budget of the actor's SWV for calendar year ``jaar`` (one per year).
    A refusal is logged (outside the write's transaction, so the record stays) before
    ``Geweigerd`` is raised."""
    swv_id = getattr(actor.rol, "samenwerkingsverband_id", None) if actor else None
    swv = (
        Samenwerkingsverband.objects.filter(pk=swv_id).first() if isinstance(swv_id, int) else None
    )
    if swv is None or not beleid.mag(actor, "begroting_bewerken", swv):
        reden = "alleen de controller van het samenwerkingsverband maakt een begroting"
        toegang_vastleggen(
            actor=actor,
            actie=Actie.AANMAKEN,
            object_type=OBJECT_TYPE,
            toegestaan=False,
            reden=f"geweigerd: {reden}",
            route=route,
        )
        raise Geweigerd(reden)
    return _begroting_maken(
        actor=actor, swv_id=swv.pk, jaar=jaar, route=route, bedrag_per_leerling=bedrag_per_leerling
    )


@transaction.atomic
def _begroting_maken(
    *, actor: Any, swv_id: int, jaar: int, route: str, bedrag_per_leerling: Decimal | None
) -> Begroting:
    swv = Samenwerkingsverband.objects.select_for_update().get(pk=swv_id)
    fouten: dict[str, str] = {}
    if not isinstance(jaar, int) or not VROEGSTE_JAAR <= jaar <= 2100:
        fouten["jaar"] = f"Kies een kalenderjaar vanaf {VROEGSTE_JAAR}, bijvoorbeeld 2026."
    elif Begroting.objects.filter(samenwerkingsverband=swv, jaar=jaar).exists():
        fouten["jaar"] = f"Er is al een begroting voor {jaar}. Open die begroting."
    melding = _bedrag_per_leerling_fout(bedrag_per_leerling)
    if melding:
        fouten["bedrag_per_leerling"] = melding
    if fouten:
        raise ValidationError(fouten)
    try:
        with transaction.atomic():
            begroting = Begroting.objects.create(
                samenwerkingsverband=swv, jaar=jaar, bedrag_per_leerling=bedrag_per_leerling
            )
    except IntegrityError as fout:
        raise ValidationError(
            {"jaar": f"Er is al een begroting voor {jaar}. Open die begroting."}
        ) from fout
    _log(actor, begroting, Actie.AANMAKEN, f"begroting {jaar} aangemaakt", route)
    return begroting


# --- Entered posts -------------------------------------------------------------------------


def invoer_fouten(soort: Any, omschrijving: Any, bedrag: Any) -> dict[str, str]:
    """What is wrong with one entered post (also used by the import, per row)."""
    fouten: dict[str, str] = {}
    if soort not in Postsoort.values:
        fouten["soort"] = "Kies een soort post uit de lijst."
    elif soort in BEREKENDE_POSTEN:
        fouten["soort"] = (
            "Deze post berekent Passend zelf (afdrachten, toewijzing aan scholen, "
            "arrangementen). Kies een andere soort."
        )
    if not isinstance(omschrijving, str):
        fouten["omschrijving"] = "Vul een omschrijving in als tekst."
    elif len(omschrijving.strip()) > MAX_OMSCHRIJVING:
        fouten["omschrijving"] = (
            f"De omschrijving is te lang. Gebruik maximaal {MAX_OMSCHRIJVING} tekens."
        )
    melding = _bedrag_fout(bedrag)
    if melding:
        fouten["bedrag"] = melding
    return fouten


def _ingevoerde_post(begroting: Begroting, post_id: int) -> Begrotingspost:
    post = Begrotingspost.objects.filter(pk=post_id, begroting=begroting).first()
    if post is None:
        raise ValidationError({"post": "Deze post bestaat niet (meer) in deze begroting."})
    if post.berekend or post.soort in BEREKENDE_POSTEN:
        raise ValidationError(
            {"post": "Een berekende post wijzigt u niet zelf: laat Passend opnieuw berekenen."}
        )
    return post


@transaction.atomic
def post_toevoegen(
    *,
    actor: Any,
    begroting: Begroting,
    revisie: int,
    soort: str,
    omschrijving: str,
    bedrag: Decimal,
    route: str = "",
) -> Begrotingspost:
    rij = _vergrendeld(begroting, actor, revisie)
    fouten = invoer_fouten(soort, omschrijving, bedrag)
    if fouten:
        raise ValidationError(fouten)
    post = Begrotingspost.objects.create(
        begroting=rij, soort=soort, omschrijving=omschrijving.strip(), bedrag=bedrag
    )
    _ophogen(rij)
    _log(actor, rij, Actie.WIJZIGEN, f"post toegevoegd aan begroting {rij.jaar}", route)
    begroting.revisie = rij.revisie
    return post


@transaction.atomic
def post_wijzigen(
    *,
    actor: Any,
    begroting: Begroting,
    post_id: int,
    revisie: int,
    soort: str,
    omschrijving: str,
    bedrag: Decimal,
    route: str = "",
) -> Begrotingspost:
    rij = _vergrendeld(begroting, actor, revisie)
    post = _ingevoerde_post(rij, post_id)
    fouten = invoer_fouten(soort, omschrijving, bedrag)
    if fouten:
        raise ValidationError(fouten)
    post.soort = soort
    post.omschrijving = omschrijving.strip()
    post.bedrag = bedrag
    post.save(update_fields=["soort", "omschrijving", "bedrag"])
    _ophogen(rij)
    _log(actor, rij, Actie.WIJZIGEN, f"post gewijzigd in begroting {rij.jaar}", route)
    begroting.revisie = rij.revisie
    return post


@transaction.atomic
def post_verwijderen(
    *, actor: Any, begroting: Begroting, post_id: int, revisie: int, route: str = ""
) -> None:
    rij = _vergrendeld(begroting, actor, revisie)
    _ingevoerde_post(rij, post_id).delete()
    _ophogen(rij)
    _log(actor, rij, Actie.WIJZIGEN, f"post verwijderd uit begroting {rij.jaar}", route)
    begroting.revisie = rij.revisie


@transaction.atomic
def ingevoerde_posten_vervangen(
    *,
    actor: Any,
    begroting: Begroting,
    revisie: int,
    posten: list[tuple[str, str, Decimal]],
    route: str = "",
    reden: str = "",
) -> Begroting:
    """Replace every entered post by ``posten`` (soort, omschrijving, bedrag), all checked
    first: one error and nothing is saved (the import)."""
    rij = _vergrendeld(begroting, actor, revisie)
    for nummer, (soort, omschrijving, bedrag) in enumerate(posten, start=1):
        fouten = invoer_fouten(soort, omschrijving, bedrag)
        if fouten:
            raise ValidationError({f"post {nummer} {veld}": m for veld, m in fouten.items()})
    rij.posten.filter(berekend=False).exclude(soort__in=BEREKENDE_POSTEN).delete()
    Begrotingspost.objects.bulk_create(
        Begrotingspost(begroting=rij, soort=s, omschrijving=o.strip(), bedrag=b)
        for s, o, b in posten
    )
    _ophogen(rij)
    _log(
        actor,
        rij,
        Actie.WIJZIGEN,
        reden or f"{len(posten)} posten ingelezen in begroting {rij.jaar}",
        route,
    )
    begroting.revisie = rij.revisie
    return rij


# --- Computed posts ------------------------------------------------------------------------


def normbedragen(jaar: int) -> tuple[int, dict[str, Decimal]]:
    """The normbedragen for ``jaar`` from the settings (the latest year before it when the
    year has none); a ValidationError when there are none at all."""
    tabel = settings.PASSEND.get("MIDDELEN_NORMBEDRAGEN") or {}
    gevonden = normbedragen_voor(tabel, jaar)
    if gevonden is None:
        raise ValidationError(
            {
                "normbedragen": f"Er zijn geen normbedragen ingesteld voor {jaar} of een jaar "
                "ervoor. Vraag de functioneel beheerder ze in te stellen "
                "(MIDDELEN_NORMBEDRAGEN)."
            }
        )
    return gevonden


def _lopende_tlvs(swv: Samenwerkingsverband, peildatum: datetime.date) -> list[Any]:
    """The granted TLVs of the SWV running on the peildatum (both ends inclusive), with the
    school type in force (a decision on objection may have changed it): ONE per pupil, the
    decision in force (the latest start, then the latest decision) when two overlap, so a
    pupil is never counted twice."""
    rijen = (
        Toelaatbaarheidsverklaring.objects.filter(
            verantwoordelijk_swv=swv,
            status=TlvStatus.TOEGEKEND,
            ingangsdatum__lte=peildatum,
            einddatum__gte=peildatum,
        )
        .annotate(toegekende_soort=Coalesce(NullIf("schoolsoort", Value("")), "soort"))
        .values("leerling_id", "leerling__sleutel", "toegekende_soort", "bekostigingscategorie")
        .order_by("leerling_id", "-ingangsdatum", "-besluit_op", "-pk")
    )
    per_leerling: dict[int, Any] = {}
    for rij in rijen:
        per_leerling.setdefault(rij["leerling_id"], rij)
    return list(per_leerling.values())


def _toegekende_arrangementen(swv: Samenwerkingsverband, jaar: int) -> list[Any]:
    return list(
        Arrangementaanvraag.objects.filter(
            samenwerkingsverband=swv,
            status=ArrangementStatus.BESLOTEN,
            besluit__in=[ArrangementBesluit.TOEGEKEND, ArrangementBesluit.DEELS],
            toegekend_bedrag__isnull=False,
            toegekend_van__isnull=False,
            toegekend_tot__isnull=False,
            toegekend_van__lte=datetime.date(jaar, 12, 31),
            toegekend_tot__gte=datetime.date(jaar, 1, 1),
        )
        .values("leerling__sleutel", "toegekend_bedrag", "toegekend_van", "toegekend_tot")
        .order_by()
    )


def _toewijzing(
    swv: Samenwerkingsverband, peildatum: datetime.date, bedrag_per_leerling: Decimal
) -> list[Begrotingspost]:
    """One post per member location on the peildatum: its pupils at the latest count on or
    before the peildatum × the amount per pupil (locations without a count are left out)."""
    leden = SwvLidmaatschap.objects.filter(actief_op(peildatum), samenwerkingsverband=swv)
    telling = Leerlingtelling.objects.filter(
        vestiging=OuterRef("pk"), teldatum__lte=peildatum
    ).order_by("-teldatum")
    vestigingen = (
        Vestiging.objects.filter(pk__in=leden.values("vestiging_id"))
        .annotate(
            telling_aantal=Subquery(telling.values("aantal")[:1]),
            telling_op=Subquery(telling.values("teldatum")[:1]),
        )
        .filter(telling_aantal__isnull=False)
        .order_by("naam", "pk")
    )
    return [
        Begrotingspost(
            soort=Postsoort.TOEWIJZING_SCHOLEN,
            omschrijving=vestiging.naam[:MAX_OMSCHRIJVING],
            bedrag=bedrag_per_leerling * vestiging.telling_aantal,
            berekend=True,
            vestiging=vestiging,
            grondslag={
                "teldatum": vestiging.telling_op.isoformat(),
                "aantal": vestiging.telling_aantal,
                "bedrag_per_leerling": str(bedrag_per_leerling),
            },
        )
        for vestiging in vestigingen
    ]


@transaction.atomic
def berekende_posten_bijwerken(
    *, actor: Any, begroting: Begroting, revisie: int, route: str
) -> Begroting:
    """Replace the computed posts of a concept budget:

    - afdrachten sbo/so/vso: the SWV's running granted TLVs at the teldatum, counted per
      school type and category × the year's normbedrag (one post each);
    - toewijzing aan scholen: per member location its pupils × ``bedrag_per_leerling``
      (only when that is set);
    - arrangementen: the granted amounts, pro rata by the days in the calendar year.

    One access-log record with the keys of every counted pupil is written before the
    computation."""
    rij = _vergrendeld(begroting, actor, revisie)
    swv = rij.samenwerkingsverband
    peildatum = teldatum(swv.sector, rij.jaar)
    normjaar, bedragen = normbedragen(rij.jaar)
    tlvs = _lopende_tlvs(swv, peildatum)
    arrangementen = _toegekende_arrangementen(swv, rij.jaar)
    sleutels = {t["leerling__sleutel"] for t in tlvs} | {
        a["leerling__sleutel"] for a in arrangementen
    }
    _log(
        actor,
        rij,
        Actie.WIJZIGEN,
        f"berekende posten van begroting {rij.jaar} bijgewerkt (TLV's op "
        f"{peildatum:%d-%m-%Y}, arrangementen {rij.jaar})",
        route,
        leerling_sleutels=sorted(sleutels, key=str),
    )

    nieuw: list[Begrotingspost] = []
    aantallen: dict[str, int] = {}
    zonder_categorie: dict[str, int] = {}
    for tlv in tlvs:
        soort = tlv["toegekende_soort"]
        if soort not in AFDRACHT_VAN_SOORT:
            continue
        sleutel = normbedrag_sleutel(soort, tlv["bekostigingscategorie"])
        aantallen[sleutel] = aantallen.get(sleutel, 0) + 1
        if soort != "sbo" and not tlv["bekostigingscategorie"]:
            # Counted as category 1 (laag); the post says so.
            zonder_categorie[sleutel] = zonder_categorie.get(sleutel, 0) + 1
    ontbrekend = sorted(set(aantallen) - set(bedragen))
    if ontbrekend:
        raise ValidationError(
            {
                "normbedragen": f"Voor {normjaar} ontbreekt het normbedrag voor "
                f"{', '.join(ontbrekend)}. Vraag de functioneel beheerder het in te stellen."
            }
        )
    for sleutel in sorted(aantallen):
        soort, _, categorie = sleutel.partition("_")
        aantal = aantallen[sleutel]
        nieuw.append(
            Begrotingspost(
                soort=AFDRACHT_VAN_SOORT[soort],
                omschrijving=f"{soort} categorie {categorie}" if categorie else soort,
                bedrag=bedragen[sleutel] * aantal,
                berekend=True,
                grondslag={
                    "teldatum": peildatum.isoformat(),
                    "aantal": aantal,
                    "normbedrag": str(bedragen[sleutel]),
                    "normjaar": normjaar,
                    "categorie": int(categorie) if categorie else None,
                    **(
                        {"zonder_categorie": zonder_categorie[sleutel]}
                        if sleutel in zonder_categorie
                        else {}
                    ),
                },
            )
        )
    if rij.bedrag_per_leerling is not None:
        nieuw.extend(_toewijzing(swv, peildatum, rij.bedrag_per_leerling))
    if arrangementen:
        totaal = sum(
            (
                pro_rata(a["toegekend_bedrag"], a["toegekend_van"], a["toegekend_tot"], rij.jaar)
                for a in arrangementen
            ),
            Decimal("0.00"),
        )
        nieuw.append(
            Begrotingspost(
                soort=Postsoort.ARRANGEMENTEN,
                omschrijving="Toegekende arrangementen",
                bedrag=totaal,
                berekend=True,
                grondslag={
                    "aantal": len(arrangementen),
                    "van": datetime.date(rij.jaar, 1, 1).isoformat(),
                    "tot": datetime.date(rij.jaar, 12, 31).isoformat(),
                },
            )
        )
    for post in nieuw:
        post.begroting = rij
        if post.bedrag > MAXIMAAL_BEDRAG:
            raise ValidationError({"posten": "Een berekende post wordt te groot om op te slaan."})
    rij.posten.filter(Q(berekend=True) | Q(soort__in=BEREKENDE_POSTEN)).delete()
    Begrotingspost.objects.bulk_create(nieuw)
    _ophogen(rij)
    begroting.revisie = rij.revisie
    return rij


# --- Reserves and adoption -----------------------------------------------------------------


@transaction.atomic
def reserve_vastleggen(
    *,
    actor: Any,
    begroting: Begroting,
    eigen_vermogen: Decimal | None,
    toelichting_reserve: str,
    revisie: int,
    route: str = "",
    bedrag_per_leerling: Any = ONGEWIJZIGD,
) -> Begroting:
    """Record the reserves at 31 December and their explanation (and, when given, the
    amount per pupil for the allocation to schools)."""
    rij = _vergrendeld(begroting, actor, revisie)
    fouten: dict[str, str] = {}
    melding = _bedrag_fout(eigen_vermogen, verplicht=False, minimum=MINIMAAL_EIGEN_VERMOGEN)
    if melding:
        fouten["eigen_vermogen"] = melding
    toelichting = (toelichting_reserve or "").strip()
    if len(toelichting) > MAX_TOELICHTING:
        fouten["toelichting_reserve"] = (
            f"De toelichting is te lang. Gebruik maximaal {MAX_TOELICHTING} tekens."
        )
    velden = ["eigen_vermogen", "toelichting_reserve"]
    if bedrag_per_leerling is not ONGEWIJZIGD:
        melding = _bedrag_per_leerling_fout(bedrag_per_leerling)
        if melding:
            fouten["bedrag_per_leerling"] = melding
        rij.bedrag_per_leerling = bedrag_per_leerling
        velden.append("bedrag_per_leerling")
    if fouten:
        raise ValidationError(fouten)
    rij.eigen_vermogen = eigen_vermogen
    rij.toelichting_reserve = toelichting
    _ophogen(rij, *velden)
    _log(actor, rij, Actie.WIJZIGEN, f"reserve van begroting {rij.jaar} vastgelegd", route)
    begroting.revisie = rij.revisie
    return rij


def totale_baten(begroting: Begroting) -> Decimal:
    return sum((p.bedrag for p in begroting.posten.all() if p.soort in BATEN), Decimal("0.00"))


@transaction.atomic
def begroting_vaststellen(
    *,
    actor: Any,
    begroting: Begroting,
    revisie: int,
    datum: datetime.date,
    route: str = "",
) -> Begroting:
    """Adopt a concept budget. Refused (per field) without income, without reserves, or
    with reserves above the signaleringswaarde and no explanation. Final afterwards."""
    rij = _vergrendeld(begroting, actor, revisie)
    fouten: dict[str, str] = {}
    baten = totale_baten(rij)
    if baten <= 0:
        fouten["posten"] = (
            "Deze begroting heeft geen baten. Voer de rijksbijdragen en andere baten in "
            "voordat u haar vaststelt."
        )
    if rij.eigen_vermogen is None:
        fouten["eigen_vermogen"] = (
            "Vul het eigen vermogen op 31 december in voordat u de begroting vaststelt."
        )
    elif bovenmatig_eigen_vermogen(rij.eigen_vermogen, baten) > 0 and not (
        rij.toelichting_reserve.strip()
    ):
        fouten["toelichting_reserve"] = (
            "Het eigen vermogen ligt boven de signaleringswaarde. Licht toe waarom en wat u "
            "ermee gaat doen voordat u de begroting vaststelt."
        )
    if not isinstance(datum, datetime.date):
        fouten["datum"] = "Vul de datum van vaststelling in."
    elif datum < VROEGSTE_DATUM:
        fouten["datum"] = (
            f"Deze datum ligt te ver terug. Vul een datum vanaf {VROEGSTE_DATUM:%d-%m-%Y} in."
        )
    if fouten:
        raise ValidationError(fouten)
    rij.status = Begrotingsstatus.VASTGESTELD
    rij.vastgesteld_op = datum
    rij.vastgesteld_door = actor.gebruiker
    _ophogen(rij, "status", "vastgesteld_op", "vastgesteld_door")
    _log(actor, rij, Actie.WIJZIGEN, f"begroting {rij.jaar} vastgesteld", route)
    begroting.revisie = rij.revisie
    begroting.status = rij.status
    return rij
