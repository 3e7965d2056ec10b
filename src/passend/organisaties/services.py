"""Every write about organisations: importing DUO's list of locations, SWV memberships."""

import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from passend.organisaties.importeren import (
    Importfout,
    ImportMislukt,
    ImportResultaat,
    Vestigingsrecord,
    vestigingen_lezen,
)
from passend.organisaties.models import (
    BestuurLidmaatschap,
    Gemeente,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
    SwvLidmaatschap,
    Vestiging,
)
from passend.organisaties.permissions import beleid
from passend.organisaties.rules import SECTOREN_VAN_SOORT, Sector, Soort, soort_mag_in_sector

BATCH = 500
EEN_DAG = timedelta(days=1)

#: Vestiging fields an import sets from a record (``None`` in the record: leave as is).
VESTIGING_VELDEN = (
    "naam",
    "soort",
    "onderwijsstructuur",
    "denominatie",
    "straat",
    "huisnummer",
    "postcode",
    "plaats",
    "provincie",
    "internetadres",
    "breedtegraad",
    "lengtegraad",
    "leerlingenaantal",
)


def vestigingen_importeren(
    *,
    bron: bytes,
    bestandsnaam: str,
    samenwerkingsverband: Samenwerkingsverband | None,
    peildatum: date,
    actor: Any = None,
) -> ImportResultaat:
    """Read DUO's list (CSV) or the GeoJSON set and bring organisaties in line with it.

    All or nothing: a file with one bad row saves nothing (``ImportMislukt`` names every bad
    row). Idempotent: the same file twice changes nothing the second time, and rows that do
    not change keep their ``gewijzigd_op``. Creates or updates gemeenten, schoolbesturen
    (when the file names the bevoegd gezag), scholen (BRIN = the code's first 4 characters;
    a change of bestuur closes the running BestuurLidmaatschap the day before the
    peildatum and opens a new one) and vestigingen. With a samenwerkingsverband, every
    imported location of its sector without a running membership of that sector gets one
    from the peildatum. Works in bulk: a handful of queries, not a few per row.
    """
    if actor is not None:
        beleid.eis(actor, "importeren")
    begin = time.perf_counter()
    records = vestigingen_lezen(bron, bestandsnaam)
    samengevoegd = sum(len(r.samengevoegd) for r in records)
    resultaat = ImportResultaat(gelezen=len(records) + samengevoegd, samengevoegd=samengevoegd)
    nu = timezone.now()
    with transaction.atomic():
        gemeente_van = _gemeenten_bijwerken(records, resultaat, nu)
        bestuur_van = _besturen_bijwerken(records, resultaat, nu)
        school_van = _scholen_bijwerken(records, bestuur_van, peildatum, resultaat, nu)
        vestigingen = _vestigingen_bijwerken(records, school_van, gemeente_van, resultaat, nu)
        if samenwerkingsverband is not None:
            resultaat.gekoppeld = _koppelen(vestigingen, samenwerkingsverband, peildatum)
    aantallen = Counter(r.soort for r in records)
    resultaat.per_soort = {s.value: aantallen[s.value] for s in Soort if aantallen[s.value]}
    resultaat.seconden = time.perf_counter() - begin
    return resultaat


def lidmaatschap_vastleggen(
    *,
    vestiging: Vestiging,
    samenwerkingsverband: Samenwerkingsverband,
    van: date,
    actor: Any = None,
) -> SwvLidmaatschap:
    """From ``van`` the location belongs to this SWV (for the SWV's sector).

    A running membership of the same sector ends the day before (history is kept, never
    edited otherwise); being a member already is no change. A location whose soort does not
    belong to the SWV's sector is refused, as is a date on or before the start of the
    membership it would have to end.
    """
    if actor is not None:
        beleid.eis(actor, "lidmaatschap_wijzigen")
    sector = samenwerkingsverband.sector
    if not soort_mag_in_sector(vestiging.soort, sector):
        raise ValidationError(
            {
                "samenwerkingsverband": (
                    f"Een vestiging voor {Soort(vestiging.soort).label.lower()} hoort niet bij een "
                    f"samenwerkingsverband voor {Sector(sector).label.lower()}."
                )
            }
        )
    with transaction.atomic():
        lopend = list(
            SwvLidmaatschap.objects.select_for_update()
            .filter(vestiging=vestiging, sector=sector)
            .filter(Q(tot__isnull=True) | Q(tot__gte=van))
            .order_by("van")
        )
        for lid in lopend:
            if (
                lid.samenwerkingsverband_id == samenwerkingsverband.pk
                and lid.tot is None
                and lid.van <= van
            ):
                return lid
        for lid in lopend:
            if lid.van >= van:
                raise ValidationError(
                    {
                        "van": "Er is al een lidmaatschap dat op of na deze datum begint. Kies een latere datum."
                    }
                )
            lid.tot = van - EEN_DAG
            lid.save(update_fields=["tot", "gewijzigd_op"])
        nieuw = SwvLidmaatschap(
            vestiging=vestiging, samenwerkingsverband=samenwerkingsverband, sector=sector, van=van
        )
        nieuw.full_clean()
        nieuw.save()
    return nieuw


# --- Steps of the import ------------------------------------------------------------------

GemeenteSleutel = tuple[str | None, str]


def _gemeente_sleutel(record: Vestigingsrecord) -> GemeenteSleutel | None:
    return (record.gemeentecode, record.gemeentenaam) if record.gemeentenaam else None


def _gemeenten_bijwerken(
    records: list[Vestigingsrecord], resultaat: ImportResultaat, nu: Any
) -> dict[GemeenteSleutel, Gemeente]:
    """Find each gemeente by its CBS code, else by name; a file with codes fills them in."""
    gewenst = {s for r in records if (s := _gemeente_sleutel(r)) is not None}
    bestaand = list(Gemeente.objects.all())
    op_code = {g.code: g for g in bestaand if g.code}
    op_naam = {g.naam.lower(): g for g in bestaand}
    nieuw: list[Gemeente] = []
    gewijzigd: dict[int, Gemeente] = {}
    gevonden: dict[GemeenteSleutel, Gemeente] = {}
    for code, naam in sorted(gewenst, key=lambda s: (s[0] is None, s[0] or "", s[1])):
        gemeente = op_code.get(code) if code else None
        if gemeente is None:
            kandidaat = op_naam.get(naam.lower())
            if kandidaat is not None and (code is None or kandidaat.code is None):
                gemeente = kandidaat
        if gemeente is None:
            gemeente = Gemeente(code=code, naam=naam)
            nieuw.append(gemeente)
        elif code is not None:
            veranderd = False
            if gemeente.code != code:
                gemeente.code = code
                veranderd = True
            if gemeente.naam != naam and op_naam.get(naam.lower(), gemeente) is gemeente:
                op_naam.pop(gemeente.naam.lower(), None)
                gemeente.naam = naam
                veranderd = True
            if veranderd and gemeente.pk:
                gemeente.gewijzigd_op = nu
                gewijzigd[gemeente.pk] = gemeente
        if code:
            op_code[code] = gemeente
        op_naam[gemeente.naam.lower()] = gemeente
        gevonden[(code, naam)] = gemeente
    Gemeente.objects.bulk_update(
        gewijzigd.values(), ["code", "naam", "gewijzigd_op"], batch_size=BATCH
    )
    Gemeente.objects.bulk_create(nieuw, batch_size=BATCH)
    resultaat.gemeenten_nieuw = len(nieuw)
    return gevonden


def _besturen_bijwerken(
    records: list[Vestigingsrecord], resultaat: ImportResultaat, nu: Any
) -> dict[str, Schoolbestuur]:
    namen: dict[str, str | None] = {}
    for r in records:
        if r.bevoegd_gezag_nummer and not namen.get(r.bevoegd_gezag_nummer):
            namen[r.bevoegd_gezag_nummer] = r.bevoegd_gezag_naam
    besturen = Schoolbestuur.objects.in_bulk(list(namen), field_name="bevoegd_gezag_nummer")
    nieuw, gewijzigd = [], []
    for nummer, naam in namen.items():
        bestuur = besturen.get(nummer)
        if bestuur is None:
            bestuur = Schoolbestuur(
                bevoegd_gezag_nummer=nummer, naam=naam or f"Bevoegd gezag {nummer}"
            )
            besturen[nummer] = bestuur
            nieuw.append(bestuur)
        elif naam and bestuur.naam != naam:
            bestuur.naam = naam
            bestuur.gewijzigd_op = nu
            gewijzigd.append(bestuur)
    Schoolbestuur.objects.bulk_update(gewijzigd, ["naam", "gewijzigd_op"], batch_size=BATCH)
    Schoolbestuur.objects.bulk_create(nieuw, batch_size=BATCH)
    resultaat.besturen_nieuw = len(nieuw)
    return besturen


def _scholen_bijwerken(
    records: list[Vestigingsrecord],
    bestuur_van: dict[str, Schoolbestuur],
    peildatum: date,
    resultaat: ImportResultaat,
    nu: Any,
) -> dict[str, School]:
    """One school per BRIN. Its name: the file's INSTELLINGSNAAM, else (for a new school)
    the name of its location with the lowest code. The bestuur only changes when the file
    names one; each change is recorded in the BestuurLidmaatschap history."""
    per_brin: dict[str, list[Vestigingsrecord]] = defaultdict(list)
    for r in records:
        per_brin[r.brin].append(r)
    scholen = School.objects.in_bulk(list(per_brin), field_name="brin")
    nieuw: list[School] = []
    gewijzigd: list[School] = []
    wissels: list[tuple[School, Schoolbestuur]] = []
    for brin, groep in per_brin.items():
        instellingsnaam = next((r.instellingsnaam for r in groep if r.instellingsnaam), None)
        nummer = next((r.bevoegd_gezag_nummer for r in groep if r.bevoegd_gezag_nummer), None)
        bestuur = bestuur_van[nummer] if nummer else None
        school = scholen.get(brin)
        if school is None:
            naam = instellingsnaam or min(groep, key=lambda r: r.vestigingscode).naam
            school = School(brin=brin, naam=naam, bestuur=bestuur)
            scholen[brin] = school
            nieuw.append(school)
            if bestuur is not None:
                wissels.append((school, bestuur))
            continue
        veranderd = False
        if instellingsnaam and school.naam != instellingsnaam:
            school.naam = instellingsnaam
            veranderd = True
        if bestuur is not None and school.bestuur_id != bestuur.pk:
            school.bestuur = bestuur
            wissels.append((school, bestuur))
            resultaat.bestuurswissels += 1
            veranderd = True
        if veranderd:
            school.gewijzigd_op = nu
            gewijzigd.append(school)
    School.objects.bulk_create(nieuw, batch_size=BATCH)
    School.objects.bulk_update(gewijzigd, ["naam", "bestuur", "gewijzigd_op"], batch_size=BATCH)
    _bestuurshistorie_bijwerken(wissels, peildatum, nu)
    resultaat.scholen_nieuw = len(nieuw)
    resultaat.scholen_gewijzigd = len(gewijzigd)
    return scholen


def _bestuurshistorie_bijwerken(
    wissels: list[tuple[School, Schoolbestuur]], peildatum: date, nu: Any
) -> None:
    """Close each running BestuurLidmaatschap the day before the peildatum, open a new one.
    A membership that starts on the peildatum itself is corrected instead (same-day fix)."""
    if not wissels:
        return
    lopend = {
        lid.school_id: lid
        for lid in BestuurLidmaatschap.objects.filter(
            school__in=[s.pk for s, _ in wissels], tot__isnull=True
        )
    }
    sluiten, corrigeren, openen = [], [], []
    for school, bestuur in wissels:
        lid = lopend.get(school.pk)
        if lid is not None and lid.van >= peildatum:
            lid.bestuur = bestuur
            lid.gewijzigd_op = nu
            corrigeren.append(lid)
            continue
        if lid is not None:
            lid.tot = peildatum - EEN_DAG
            lid.gewijzigd_op = nu
            sluiten.append(lid)
        openen.append(BestuurLidmaatschap(school=school, bestuur=bestuur, van=peildatum))
    BestuurLidmaatschap.objects.bulk_update(sluiten, ["tot", "gewijzigd_op"], batch_size=BATCH)
    BestuurLidmaatschap.objects.bulk_update(
        corrigeren, ["bestuur", "gewijzigd_op"], batch_size=BATCH
    )
    BestuurLidmaatschap.objects.bulk_create(openen, batch_size=BATCH)


def _vestigingen_bijwerken(
    records: list[Vestigingsrecord],
    school_van: dict[str, School],
    gemeente_van: dict[GemeenteSleutel, Gemeente],
    resultaat: ImportResultaat,
    nu: Any,
) -> list[Vestiging]:
    bestaand = Vestiging.objects.in_bulk(
        [r.vestigingscode for r in records], field_name="vestigingscode"
    )
    nieuw: list[Vestiging] = []
    gewijzigd: list[Vestiging] = []
    gewijzigde_velden: set[str] = set()
    te_controleren: list[tuple[Vestigingsrecord, Vestiging]] = []
    uitkomst: list[Vestiging] = []
    for record in records:
        waarden = {veld: w for veld in VESTIGING_VELDEN if (w := getattr(record, veld)) is not None}
        school = school_van[record.brin]
        sleutel = _gemeente_sleutel(record)
        gemeente = gemeente_van[sleutel] if sleutel else None
        vestiging = bestaand.get(record.vestigingscode)
        if vestiging is None:
            vestiging = Vestiging(
                vestigingscode=record.vestigingscode, school=school, gemeente=gemeente, **waarden
            )
            nieuw.append(vestiging)
            te_controleren.append((record, vestiging))
        else:
            veranderd = [veld for veld, w in waarden.items() if getattr(vestiging, veld) != w]
            for veld in veranderd:
                setattr(vestiging, veld, waarden[veld])
            if vestiging.school_id != school.pk:
                vestiging.school = school
                veranderd.append("school")
            if gemeente is not None and vestiging.gemeente_id != gemeente.pk:
                vestiging.gemeente = gemeente
                veranderd.append("gemeente")
            if veranderd:
                vestiging.gewijzigd_op = nu
                gewijzigd.append(vestiging)
                gewijzigde_velden.update(veranderd)
                te_controleren.append((record, vestiging))
        uitkomst.append(vestiging)
    _controleren(te_controleren)
    Vestiging.objects.bulk_create(nieuw, batch_size=BATCH)
    if gewijzigd:
        Vestiging.objects.bulk_update(
            gewijzigd, [*sorted(gewijzigde_velden), "gewijzigd_op"], batch_size=BATCH
        )
    resultaat.nieuw = len(nieuw)
    resultaat.gewijzigd = len(gewijzigd)
    resultaat.ongewijzigd = len(records) - len(nieuw) - len(gewijzigd)
    return uitkomst


def _controleren(paren: Iterable[tuple[Vestigingsrecord, Vestiging]]) -> None:
    """The model's own field checks as a safety net behind the reader's (no queries)."""
    fouten: list[Importfout] = []
    for record, vestiging in paren:
        try:
            vestiging.clean_fields(exclude=["school", "gemeente"])
        except ValidationError as fout:
            for veld, meldingen in fout.message_dict.items():
                waarde = getattr(vestiging, veld, "")
                fouten.extend(Importfout(record.rij, veld, str(waarde), m) for m in meldingen)
    if fouten:
        raise ImportMislukt(fouten)


def _koppelen(
    vestigingen: list[Vestiging], samenwerkingsverband: Samenwerkingsverband, peildatum: date
) -> int:
    sector = samenwerkingsverband.sector
    al_lid = set(
        SwvLidmaatschap.objects.filter(sector=sector)
        .filter(Q(tot__isnull=True) | Q(tot__gte=peildatum))
        .values_list("vestiging_id", flat=True)
    )
    nieuw = [
        SwvLidmaatschap(
            vestiging=v, samenwerkingsverband=samenwerkingsverband, sector=sector, van=peildatum
        )
        for v in vestigingen
        if sector in SECTOREN_VAN_SOORT[v.soort] and v.pk not in al_lid
    ]
    SwvLidmaatschap.objects.bulk_create(nieuw, batch_size=BATCH)
    return len(nieuw)
