"""Reporting a verzuim case, changing its facts, recording the offer and the
onderwijsconsulent, and ending it."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from passend.accounts.models import Gebruiker
from passend.accounts.rules import Rolsoort
from passend.core.models import Actie
from passend.core.perioden import actief_op
from passend.core.permissions import Geweigerd
from passend.leerlingen.models import Betrokkenheid, Inschrijving, Leerling
from passend.leerlingen.permissions import beleid as leerlingbeleid
from passend.leerlingen.services import betrokkenheid_vastleggen, leerling_registreren
from passend.organisaties.models import Gemeente, Samenwerkingsverband, SwvLidmaatschap
from passend.verzuim import rules
from passend.verzuim.models import Partner, Verzuimmelding
from passend.verzuim.permissions import SCHOOL, SWV_WERKERS, WEIGERREDENEN, beleid
from passend.verzuim.rules import Partnersoort, Reden, Uitkomst, Verzuimsoort
from passend.verzuim.selectors.zaken import is_actieve_gemeenterol
from passend.verzuim.services.basis import (
    Fouten,
    bewaar,
    datum,
    eis_lopend,
    eis_revisie,
    fout,
    log,
    tekst,
    vergrendeld,
    weiger_bij_fouten,
)

#: What ``melding_wijzigen`` may change.
WIJZIGBARE_VELDEN = frozenset({"sinds", "reden", "toelichting", "gemiste_uren"})
KIND_VELDEN = ("voornamen", "achternaam", "geboortedatum", "postcode", "woongemeente")


def grond_van(melding: Verzuimmelding) -> str:
    """The reason of the betrokkenheden this case gives (to end them with the case)."""
    return f"verzuimmelding {melding.meldnummer}"


def _reporter_soort(actor: Any) -> str:
    if actor.rolsoort in SCHOOL:
        return Partnersoort.SCHOOL
    if actor.rolsoort in SWV_WERKERS:
        return Partnersoort.SAMENWERKINGSVERBAND
    return Partnersoort.LEERPLICHT


def _volgend_meldnummer(swv_id: int, jaar: int) -> str:
    """The next "YYYY-NNN" of this SWV; the SWV's row is locked so two reports at once
    wait for each other (the unique constraint is the last guard)."""
    list(Samenwerkingsverband.objects.select_for_update().filter(pk=swv_id).values_list("pk"))
    nummers = Verzuimmelding.objects.filter(
        samenwerkingsverband_id=swv_id, meldnummer__startswith=f"{jaar}-"
    ).values_list("meldnummer", flat=True)
    hoogste = max(
        (int(n.split("-", 1)[1]) for n in nummers if n.split("-", 1)[1].isdigit()), default=0
    )
    return f"{jaar}-{hoogste + 1:03d}"


def _gemiste_uren(waarde: Any, fouten: Fouten) -> int | None:
    if waarde in (None, ""):
        return None
    try:
        uren = int(waarde)
    except (TypeError, ValueError):
        fout(fouten, "gemiste_uren", "Vul een heel aantal uren in.")
        return None
    if uren < 0 or uren > 1000:
        fout(fouten, "gemiste_uren", "Vul een aantal uren tussen 0 en 1000 in.")
    return uren


def _school_van(leerling: Leerling, peildatum: date) -> Inschrijving | None:
    return (
        Inschrijving.objects.filter(leerling=leerling)
        .filter(actief_op(peildatum))
        .select_related("vestiging__school__bestuur", "vestiging__gemeente")
        .order_by("-van", "-id")
        .first()
    )


def _swv_van_vestiging(vestiging_id: int, peildatum: date) -> Samenwerkingsverband | None:
    lid = (
        SwvLidmaatschap.objects.filter(vestiging_id=vestiging_id)
        .filter(actief_op(peildatum))
        .select_related("samenwerkingsverband")
        .order_by("van", "id")
        .first()
    )
    return lid.samenwerkingsverband if lid else None


def _swv_van_gemeente(gemeente: Gemeente) -> Samenwerkingsverband | None:
    return Samenwerkingsverband.objects.filter(werkgebied=gemeente).order_by("code").first()


#: A first day of absence more than this many years before the report is taken for a typo.
SINDS_MAXIMAAL_JAREN_TERUG = 2
#: The first day of absence cannot lie before the child's 4th birthday. The leerplicht starts
#: at 5, but a child may go to school from 4 (and be registered early), so 4 is the bound
#: below which a day of absence cannot be meant.
SINDS_VANAF_LEEFTIJD = 4


def _jaren_na(dag: date, jaren: int) -> date:
    try:
        return dag.replace(year=dag.year + jaren)
    except ValueError:  # 29 February
        return date(dag.year + jaren, 3, 1)


def _sinds_grenzen(sinds: Any, geboortedatum: Any, peildatum: date, fouten: Fouten) -> None:
    """The lower bounds of the first day of absence: not before the child was 4, and not
    more than 2 years before ``peildatum`` (the day of the report)."""
    if not isinstance(sinds, date):
        return
    if isinstance(geboortedatum, date):
        vier = _jaren_na(geboortedatum, SINDS_VANAF_LEEFTIJD)
        if sinds < vier:
            fout(
                fouten,
                "sinds",
                f"De eerste verzuimdag kan niet vóór de 4e verjaardag van het kind "
                f"({vier:%d-%m-%Y}) liggen.",
            )
            return
    grens = _jaren_na(peildatum, -SINDS_MAXIMAAL_JAREN_TERUG)
    if sinds < grens:
        fout(
            fouten,
            "sinds",
            f"De eerste verzuimdag ligt meer dan {SINDS_MAXIMAAL_JAREN_TERUG} jaar vóór de "
            f"melding ({grens:%d-%m-%Y}). Controleer de datum.",
        )


def _kind_fouten(kind: dict[str, Any], fouten: Fouten) -> None:
    meldingen = {
        "voornamen": "Vul de voornamen van het kind in.",
        "achternaam": "Vul de achternaam van het kind in.",
        "geboortedatum": "Vul de geboortedatum van het kind in.",
        "postcode": "Vul de postcode van het woonadres in.",
        "woongemeente": "Kies de gemeente waar het kind woont.",
    }
    for veld, melding in meldingen.items():
        if not kind.get(veld):
            fout(fouten, veld, melding)
    geboren = kind.get("geboortedatum")
    if isinstance(geboren, date) and geboren >= timezone.localdate():
        fout(fouten, "geboortedatum", "De geboortedatum moet in het verleden liggen.")


def melding_maken(
    *,
    actor: Any,
    soort: str,
    sinds: date,
    reden: str,
    leerling: Leerling | None = None,
    nieuw_kind: dict[str, Any] | None = None,
    toelichting: str = "",
    gemiste_uren: int | None = None,
    leerplichtambtenaar: Gebruiker | None = None,
    route: str = "",
) -> Verzuimmelding:
    """Record a verzuim case of a known pupil, or (absoluut verzuim) of a child that is not
    enrolled, who is registered now. The reporter and the chosen leerplichtambtenaar become
    partners; partners of the municipality get a personal betrokkenheid with the pupil (the
    SWV gets none: it sees the case through the verzuim policy, not the pupil's file)."""
    if not beleid.mag(actor, "rol:melden"):
        raise Geweigerd(WEIGERREDENEN["melden"])
    vandaag = timezone.localdate()
    fouten: Fouten = {}
    if soort not in Verzuimsoort.values:
        fout(fouten, "soort", "Kies de soort verzuim.")
    if reden not in Reden.values:
        fout(fouten, "reden", "Kies de reden van het verzuim.")
    datum(sinds, "sinds", fouten)
    toelichting = tekst(toelichting, "toelichting", None, fouten)
    uren = _gemiste_uren(gemiste_uren, fouten)

    vestiging = None
    schoolbestuur = None
    swv: Samenwerkingsverband | None = None
    gemeente: Gemeente | None = None
    if soort == Verzuimsoort.ABSOLUUT:
        if actor.rolsoort in SCHOOL:
            raise Geweigerd(
                "een school meldt alleen verzuim van leerlingen die op de school staan ingeschreven"
            )
        if leerling is not None:
            if _school_van(leerling, vandaag) is not None:
                fout(
                    fouten,
                    "soort",
                    "Deze leerling staat op een school ingeschreven: kies relatief verzuim.",
                )
            gemeente = leerling.woongemeente
        else:
            kind = dict(nieuw_kind or {})
            _kind_fouten(kind, fouten)
            gemeente = kind.get("woongemeente")
        if (
            gemeente is not None
            and actor.rolsoort == Rolsoort.LEERPLICHTAMBTENAAR
            and gemeente.pk != actor.rol.gemeente_id
        ):
            fout(fouten, "woongemeente", "U meldt alleen kinderen die in uw gemeente wonen.")
        if actor.rolsoort in SWV_WERKERS:
            swv = actor.rol.samenwerkingsverband
            if gemeente is not None and not swv.werkgebied.filter(pk=gemeente.pk).exists():
                fout(
                    fouten,
                    "woongemeente",
                    "Deze gemeente hoort niet bij het werkgebied van uw samenwerkingsverband.",
                )
        elif gemeente is not None:
            swv = _swv_van_gemeente(gemeente)
            if swv is None:
                fout(
                    fouten,
                    "woongemeente",
                    "Bij deze gemeente is geen samenwerkingsverband bekend.",
                )
        if gemeente is None and leerling is not None:
            fout(fouten, "leerling", "Van deze leerling is geen woongemeente bekend.")
    elif soort in Verzuimsoort.values:
        if leerling is None:
            fout(fouten, "leerling", "Kies de leerling.")
        else:
            inschrijving = _school_van(leerling, vandaag)
            if inschrijving is None:
                fout(
                    fouten,
                    "soort",
                    "Deze leerling staat nergens ingeschreven: dat is absoluut verzuim.",
                )
            else:
                vestiging = inschrijving.vestiging
                schoolbestuur = vestiging.school.bestuur
                swv = _swv_van_vestiging(vestiging.pk, vandaag)
                gemeente = leerling.woongemeente or vestiging.gemeente
                if actor.rolsoort in SCHOOL and vestiging.school_id != actor.rol.school_id:
                    raise Geweigerd("de leerling staat niet op een vestiging van de eigen school")
                if swv is None:
                    fout(
                        fouten,
                        "leerling",
                        "De school van deze leerling hoort bij geen samenwerkingsverband.",
                    )
                elif actor.rolsoort in SWV_WERKERS and swv.pk != actor.rol.samenwerkingsverband_id:
                    raise Geweigerd(
                        "de leerling zit op een school van een ander samenwerkingsverband"
                    )
                if gemeente is None:
                    fout(fouten, "leerling", "Van deze leerling is geen woongemeente bekend.")
        if (
            actor.rolsoort == Rolsoort.LEERPLICHTAMBTENAAR
            and leerling is not None
            and (
                not leerlingbeleid.mag(actor, "bekijken", leerling)
                or (gemeente is not None and gemeente.pk != actor.rol.gemeente_id)
            )
        ):
            raise Geweigerd("de leerling woont niet in de eigen gemeente")
    geboren = (
        leerling.geboortedatum if leerling is not None else (nieuw_kind or {}).get("geboortedatum")
    )
    if "geboortedatum" not in fouten:
        _sinds_grenzen(sinds, geboren, vandaag, fouten)
    if (
        leerplichtambtenaar is not None
        and gemeente is not None
        and not is_actieve_gemeenterol(
            leerplichtambtenaar, Rolsoort.LEERPLICHTAMBTENAAR, gemeente, vandaag
        )
    ):
        fout(
            fouten,
            "leerplichtambtenaar",
            f"Kies een leerplichtambtenaar van de gemeente {gemeente.naam}.",
        )
    weiger_bij_fouten(fouten)
    assert swv is not None and gemeente is not None

    with transaction.atomic():
        if leerling is None:
            kind = dict(nieuw_kind or {})
            try:
                leerling = leerling_registreren(**{k: kind[k] for k in KIND_VELDEN})
            except ValidationError as exc:
                raise ValidationError(exc.message_dict) from exc
        else:
            # Lock the pupil: two reports of one child at once wait for each other, and the
            # second sees the first one's case.
            list(Leerling.objects.select_for_update().filter(pk=leerling.pk).values_list("pk"))
            lopend = (
                Verzuimmelding.objects.filter(leerling=leerling, einde__isnull=True)
                .values_list("meldnummer", flat=True)
                .first()
            )
            if lopend is not None:
                raise ValidationError(
                    {"leerling": [f"Er loopt al verzuimmelding {lopend} voor deze leerling."]}
                )
        meldnummer = _volgend_meldnummer(swv.pk, vandaag.year)
        try:
            with transaction.atomic():
                melding = Verzuimmelding.objects.create(
                    meldnummer=meldnummer,
                    leerling=leerling,
                    samenwerkingsverband=swv,
                    vestiging=vestiging,
                    schoolbestuur=schoolbestuur,
                    gemeente=gemeente,
                    soort=soort,
                    sinds=sinds,
                    reden=reden,
                    toelichting=toelichting,
                    gemiste_uren=uren if soort == Verzuimsoort.RELATIEF else None,
                    gemeld_door=actor.gebruiker,
                )
        except IntegrityError:
            # Only reachable without row locks (SQLite): take the next number once more.
            melding = Verzuimmelding.objects.create(
                meldnummer=_volgend_meldnummer(swv.pk, vandaag.year),
                leerling=leerling,
                samenwerkingsverband=swv,
                vestiging=vestiging,
                schoolbestuur=schoolbestuur,
                gemeente=gemeente,
                soort=soort,
                sinds=sinds,
                reden=reden,
                toelichting=toelichting,
                gemiste_uren=uren if soort == Verzuimsoort.RELATIEF else None,
                gemeld_door=actor.gebruiker,
            )
        grond = grond_van(melding)
        Partner.objects.create(
            melding=melding,
            soort=_reporter_soort(actor),
            gebruiker=actor.gebruiker,
            naam=actor.gebruiker.get_full_name() or actor.gebruiker.get_username(),
            organisatie=actor.organisatie_label,
            van=vandaag,
        )
        if actor.rolsoort == Rolsoort.LEERPLICHTAMBTENAAR:
            betrokkenheid_vastleggen(
                leerling=leerling, grond=grond, van=vandaag, gebruiker=actor.gebruiker
            )
        if leerplichtambtenaar is not None and leerplichtambtenaar.pk != actor.gebruiker.pk:
            Partner.objects.create(
                melding=melding,
                soort=Partnersoort.LEERPLICHT,
                gebruiker=leerplichtambtenaar,
                naam=leerplichtambtenaar.get_full_name() or leerplichtambtenaar.get_username(),
                organisatie=f"Gemeente {gemeente.naam}",
                van=vandaag,
            )
            betrokkenheid_vastleggen(
                leerling=leerling, grond=grond, van=vandaag, gebruiker=leerplichtambtenaar
            )
        # No betrokkenheid for the SWV: through the pupil policy it would let the SWV's
        # commission and experts read the pupil's whole file and every OPP. The verzuim
        # policy already gives the SWV's loket, directeur and commission the case itself.
        log(
            actor,
            melding,
            Actie.AANMAKEN,
            f"verzuim gemeld: {melding.meldnummer} ({melding.get_soort_display().lower()})",
            route,
        )
    return melding


def melding_wijzigen(
    *,
    actor: Any,
    melding: Verzuimmelding,
    revisie: int,
    wijzigingen: dict[str, Any],
    route: str = "",
) -> Verzuimmelding:
    """Correct the facts of a running case (start, reason, note, missed hours)."""
    onbekend = set(wijzigingen) - WIJZIGBARE_VELDEN
    if onbekend:
        raise ValidationError({veld: ["Dit veld kan niet worden gewijzigd."] for veld in onbekend})
    with transaction.atomic():
        rij = vergrendeld(melding, actor, "bewerken")
        eis_revisie(rij, revisie)
        eis_lopend(rij)
        fouten: Fouten = {}
        if "sinds" in wijzigingen:
            sinds = datum(wijzigingen["sinds"], "sinds", fouten)
            eerste = min(
                (d for d in (rij.aanbod_op, rij.onderwijsconsulent_op) if d is not None),
                default=None,
            )
            if sinds is not None and eerste is not None and sinds > eerste:
                fout(
                    fouten,
                    "sinds",
                    f"De eerste verzuimdag kan niet na {eerste:%d-%m-%Y} liggen: toen is al "
                    "een aanbod of onderwijsconsulent vastgelegd.",
                )
            elif (
                sinds is not None
                and rij.onderwijsconsulent_op is not None
                and not rules.onderwijsconsulent_mogelijk(
                    rij.soort, sinds, rij.onderwijsconsulent_op
                )
            ):
                fout(
                    fouten,
                    "sinds",
                    "Met deze eerste verzuimdag was het kind op "
                    f"{rij.onderwijsconsulent_op:%d-%m-%Y} nog geen 4 weken thuis: toen is al "
                    "een onderwijsconsulent ingeschakeld.",
                )
            _sinds_grenzen(
                sinds,
                rij.leerling.geboortedatum,
                timezone.localtime(rij.aangemaakt_op).date(),
                fouten,
            )
            if sinds is not None:
                rij.sinds = sinds
        if "reden" in wijzigingen:
            if wijzigingen["reden"] not in Reden.values:
                fout(fouten, "reden", "Kies de reden van het verzuim.")
            else:
                rij.reden = wijzigingen["reden"]
        if "toelichting" in wijzigingen:
            rij.toelichting = tekst(wijzigingen["toelichting"], "toelichting", None, fouten)
        if "gemiste_uren" in wijzigingen:
            uren = _gemiste_uren(wijzigingen["gemiste_uren"], fouten)
            if uren is not None and rij.soort != Verzuimsoort.RELATIEF:
                fout(fouten, "gemiste_uren", "Gemiste uren horen alleen bij relatief verzuim.")
            rij.gemiste_uren = uren
        weiger_bij_fouten(fouten)
        bewaar(rij, sorted(wijzigingen))
        log(
            actor,
            rij,
            Actie.WIJZIGEN,
            "melding gewijzigd: " + ", ".join(sorted(wijzigingen)),
            route,
        )
    return rij


def aanbod_vastleggen(
    *,
    actor: Any,
    melding: Verzuimmelding,
    revisie: int,
    aanbod_op: date,
    omschrijving: str,
    route: str = "",
) -> Verzuimmelding:
    """Record the day a fitting offer was agreed (it ends the need for a doorbraak plan)."""
    with transaction.atomic():
        rij = vergrendeld(melding, actor, "bewerken")
        eis_revisie(rij, revisie)
        eis_lopend(rij)
        fouten: Fouten = {}
        datum(
            aanbod_op,
            "aanbod_op",
            fouten,
            niet_voor=rij.sinds,
            niet_voor_tekst="de eerste verzuimdag",
        )
        omschrijving = tekst(omschrijving, "omschrijving", "Beschrijf het aanbod.", fouten)
        weiger_bij_fouten(fouten)
        rij.aanbod_op = aanbod_op
        rij.aanbod_omschrijving = omschrijving
        bewaar(rij, ["aanbod_op", "aanbod_omschrijving"])
        log(actor, rij, Actie.WIJZIGEN, "passend aanbod vastgelegd", route)
    return rij


def onderwijsconsulent_vastleggen(
    *,
    actor: Any,
    melding: Verzuimmelding,
    revisie: int,
    op: date,
    naam: str,
    route: str = "",
) -> Verzuimmelding:
    """Record that an onderwijsconsulent was engaged: only after more than 4 weeks at home."""
    with transaction.atomic():
        rij = vergrendeld(melding, actor, "bewerken")
        eis_revisie(rij, revisie)
        eis_lopend(rij)
        fouten: Fouten = {}
        if datum(op, "op", fouten, niet_voor=rij.sinds, niet_voor_tekst="de eerste verzuimdag"):
            if rij.soort == Verzuimsoort.VRIJSTELLING_5A:
                fout(
                    fouten, "op", "Bij een vrijstelling wordt geen onderwijsconsulent ingeschakeld."
                )
            elif not rules.onderwijsconsulent_mogelijk(rij.soort, rij.sinds, op):
                vanaf = rules.onderwijsconsulent_mogelijk_vanaf(rij.sinds)
                fout(
                    fouten,
                    "op",
                    "Een onderwijsconsulent kan pas na meer dan 4 weken thuis worden "
                    f"ingeschakeld: vanaf {vanaf:%d-%m-%Y}.",
                )
        naam = tekst(naam, "naam", "Vul de naam van de onderwijsconsulent in.", fouten)
        if len(naam) > 200:
            fout(fouten, "naam", "De naam is te lang. Gebruik maximaal 200 tekens.")
        weiger_bij_fouten(fouten)
        rij.onderwijsconsulent_op = op
        rij.onderwijsconsulent_naam = naam
        bewaar(rij, ["onderwijsconsulent_op", "onderwijsconsulent_naam"])
        log(actor, rij, Actie.WIJZIGEN, "onderwijsconsulent ingeschakeld", route)
    return rij


def melding_beeindigen(
    *,
    actor: Any,
    melding: Verzuimmelding,
    revisie: int,
    einde: date,
    uitkomst: str,
    route: str = "",
) -> Verzuimmelding:
    """End the case: its last day, the outcome and the duration in weeks; every running
    partner and the case's betrokkenheden end that day."""
    with transaction.atomic():
        rij = vergrendeld(melding, actor, "beeindigen")
        eis_revisie(rij, revisie)
        eis_lopend(rij)
        fouten: Fouten = {}
        datum(einde, "einde", fouten, niet_voor=rij.sinds, niet_voor_tekst="de eerste verzuimdag")
        if uitkomst not in Uitkomst.values:
            fout(fouten, "uitkomst", "Kies de uitkomst.")
        weiger_bij_fouten(fouten)
        rij.einde = einde
        rij.uitkomst = uitkomst
        rij.duur_weken = rules.duur_in_weken(rij.sinds, einde)
        bewaar(rij, ["einde", "uitkomst", "duur_weken"])
        for partner in Partner.objects.select_for_update().filter(melding=rij, tot__isnull=True):
            partner.tot = max(partner.van, einde)
            partner.save(update_fields=["tot", "gewijzigd_op"])
        for betrokkenheid in Betrokkenheid.objects.select_for_update().filter(
            leerling_id=rij.leerling_id, grond=grond_van(rij), tot__isnull=True
        ):
            betrokkenheid.tot = max(betrokkenheid.van, einde)
            betrokkenheid.save(update_fields=["tot", "gewijzigd_op"])
        log(
            actor,
            rij,
            Actie.WIJZIGEN,
            f"melding beëindigd: {rij.get_uitkomst_display().lower()}, {rij.duur_weken} weken",
            route,
        )
    return rij
