"""The verzuim figures of a region or a municipality, and the yearly Leerplichttelling.

Everything is computed from the cases (never typed in), with one ``values()`` query over
the cases and one aggregate for the pupil count, whatever the number of cases: the
counting itself is a pass in Python over those rows, with the pure rules of ``rules.py``.

Nothing here checks rights: the callers (the report page, the export) do, and write the
access-log record.

Definitions (DOMAIN.md §2.4):

* a case counts in a period when it runs on at least one day of it;
* its kind in a period is the kind it had on its last day in that period (relatief verzuim
  that became langdurig in the period counts as langdurig);
* a *thuiszitter in the period* is a case that made the child a thuiszitter on at least one
  day of the period (absoluut verzuim, or relatief verzuim after its first 4 weeks);
  vrijstelling 5 onder a never does;
* thuiszitters are counted as children, not cases: a child with two cases in a period
  (one ended, a new one begun) counts once; a child who was a thuiszitter through absoluut
  verzuim in the period counts as absoluut, otherwise as langdurig relatief;
* the duration quartiles are over the cases that ended in the period (their stored
  duration in weeks);
* the quarter trend counts, per calendar quarter that touches the period, the thuiszitters
  in that quarter, the cases that began in it and the cases that ended in it.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import Count, Exists, OuterRef, Q, Sum

from passend.core.perioden import actief_op
from passend.organisaties.models import Gemeente, Samenwerkingsverband, SwvLidmaatschap, Vestiging
from passend.organisaties.rules import Soort
from passend.verzuim.models import Partner, Verzuimmelding
from passend.verzuim.rules import (
    Reden,
    Uitkomst,
    Verzuimsoort,
    Verzuimvorm,
    duur_in_weken,
    kwartaal_grenzen,
    kwartalen,
    kwartielen,
    per_duizend,
    schooljaar_grenzen,
    thuiszitter_vanaf,
    verzuimvorm_op,
)

#: A report covers at most this many years.
MAXIMAAL_JAREN = 5
GEEN_SCHOOL = "Geen school (absoluut verzuim)"

#: Duration bands of the Leerplichttelling: (label, from weeks inclusive, to weeks exclusive).
DUURKLASSEN: tuple[tuple[str, Decimal, Decimal | None], ...] = (
    ("korter dan 4 weken", Decimal(0), Decimal(4)),
    ("4 tot 12 weken", Decimal(4), Decimal(12)),
    ("12 tot 26 weken", Decimal(12), Decimal(26)),
    ("26 weken of langer", Decimal(26), None),
)

_VELDEN = (
    "meldnummer",
    "soort",
    "sinds",
    "einde",
    "reden",
    "uitkomst",
    "duur_weken",
    "vestiging__soort",
    "vestiging__vestigingscode",
    "schoolbestuur_id",
    "schoolbestuur__naam",
    "leerling__sleutel",
    "leerling__geboortedatum",
)


@dataclass(frozen=True)
class Gebied:
    """What a report covers: an SWV's region, or a municipality (optionally only the cases
    of one SWV in it)."""

    label: str
    samenwerkingsverband: Samenwerkingsverband | None = None
    gemeente: Gemeente | None = None

    def filter(self) -> Q:
        filter_ = Q()
        if self.samenwerkingsverband is not None:
            filter_ &= Q(samenwerkingsverband_id=self.samenwerkingsverband.pk)
        if self.gemeente is not None:
            filter_ &= Q(gemeente_id=self.gemeente.pk)
        return filter_


def einde_van_periode_na(van: date) -> date:
    """The last day a period that begins on ``van`` may have (at most 5 years)."""
    try:
        grens = van.replace(year=van.year + MAXIMAAL_JAREN)
    except ValueError:  # 29 February
        grens = date(van.year + MAXIMAAL_JAREN, 3, 1)
    return grens - timedelta(days=1)


def thuiszitter_in(soort: str, sinds: date, einde: date | None, van: date, tot: date) -> bool:
    """Whether the case made the child a thuiszitter on at least one day of [van, tot]."""
    vanaf = thuiszitter_vanaf(soort, sinds)
    if vanaf is None or vanaf > tot:
        return False
    return einde is None or (einde >= vanaf and einde >= van)


def thuiszitters_geteld(meldingen: list[dict[str, Any]]) -> tuple[int, int]:
    """(children, of which through absoluut verzuim) among these thuiszitter cases."""
    kinderen = {m["leerling__sleutel"] for m in meldingen}
    absoluut = {m["leerling__sleutel"] for m in meldingen if m["soort"] == Verzuimsoort.ABSOLUUT}
    return len(kinderen), len(absoluut)


def loopt_in(sinds: date, einde: date | None, van: date, tot: date) -> bool:
    """Whether the case runs on at least one day of [van, tot]."""
    return sinds <= tot and (einde is None or einde >= van)


def vorm_in(soort: str, sinds: date, einde: date | None, tot: date) -> Verzuimvorm | None:
    """The kind of a case on its last day in a period that ends on ``tot``."""
    laatste = tot if einde is None else min(einde, tot)
    return verzuimvorm_op(soort, sinds, einde, laatste)


def weken_tot(sinds: date, einde: date | None, peildatum: date) -> Decimal:
    """Weeks of absence up to the end of the case or the peildatum, whichever is first."""
    laatste = peildatum if einde is None else min(einde, peildatum)
    if laatste < sinds:
        return Decimal("0.0")
    return duur_in_weken(sinds, laatste)


def duurklasse(weken: Decimal) -> str:
    for label, vanaf, tot in DUURKLASSEN:
        if weken >= vanaf and (tot is None or weken < tot):
            return label
    return DUURKLASSEN[-1][0]


def _meldingen(
    gebied: Gebied,
    van: date,
    tot: date,
    *,
    partner_van: Any = None,
    peildatum: date | None = None,
) -> list[dict[str, Any]]:
    """The cases of the area running in [van, tot]: one query. With ``partner_van`` (a
    Gebruiker) every case also says (``eigen``) whether that person is a running partner
    in it on ``peildatum``."""
    queryset = (
        Verzuimmelding.objects.filter(gebied.filter(), sinds__lte=tot)
        .filter(Q(einde__isnull=True) | Q(einde__gte=van))
        .order_by("sinds", "id")
    )
    velden: tuple[str, ...] = _VELDEN
    if partner_van is not None:
        assert peildatum is not None
        queryset = queryset.annotate(
            eigen=Exists(
                Partner.objects.filter(melding=OuterRef("pk"), gebruiker_id=partner_van.pk).filter(
                    actief_op(peildatum)
                )
            )
        )
        velden = (*velden, "eigen")
    return list(queryset.values(*velden))


def leerlingenaantal(gebied: Gebied, peildatum: date) -> tuple[int | None, int, int]:
    """The pupils of the area's locations on the peildatum: the SWV's member locations, or
    the locations in the municipality. Returns (sum or None when no location has a count,
    locations with a count, locations in all); one query."""
    if gebied.samenwerkingsverband is not None:
        lid = SwvLidmaatschap.objects.filter(
            vestiging=OuterRef("pk"), samenwerkingsverband_id=gebied.samenwerkingsverband.pk
        ).filter(actief_op(peildatum))
        vestigingen = Vestiging.objects.filter(Exists(lid))
    elif gebied.gemeente is not None:
        vestigingen = Vestiging.objects.filter(gemeente_id=gebied.gemeente.pk)
    else:
        vestigingen = Vestiging.objects.none()
    uitkomst = vestigingen.aggregate(
        som=Sum("leerlingenaantal"),
        met_aantal=Count("id", filter=Q(leerlingenaantal__isnull=False)),
        alle=Count("id"),
    )
    return uitkomst["som"], uitkomst["met_aantal"], uitkomst["alle"]


def verzuim_cijfers(*, gebied: Gebied, van: date, tot: date, peildatum: date) -> dict[str, Any]:
    """The verzuim figures of the area over [van, tot] (both days included); two queries.
    The pupil count is the one on ``tot``, or on the peildatum (today) when that is
    earlier."""
    eerste = kwartaal_grenzen(kwartalen(van, tot)[0])[0]
    laatste = kwartaal_grenzen(kwartalen(van, tot)[-1])[1]
    alle = _meldingen(gebied, min(eerste, van), max(laatste, tot))
    in_periode = [m for m in alle if loopt_in(m["sinds"], m["einde"], van, tot)]

    vormen: Counter[str] = Counter()
    thuis: list[dict[str, Any]] = []
    per_schooltype: dict[str, list[int]] = {}
    per_bestuur: dict[tuple[int | None, str], list[int]] = {}
    for m in in_periode:
        vorm = vorm_in(m["soort"], m["sinds"], m["einde"], tot)
        if vorm is not None:
            vormen[vorm] += 1
        is_thuis = thuiszitter_in(m["soort"], m["sinds"], m["einde"], van, tot)
        if is_thuis:
            thuis.append(m)
        schooltype = (
            Soort(m["vestiging__soort"]).label
            if m["vestiging__soort"] in Soort.values
            else (m["vestiging__soort"] or GEEN_SCHOOL)
        )
        rij = per_schooltype.setdefault(schooltype, [0, 0])
        rij[0] += 1
        rij[1] += is_thuis
        bestuur = (m["schoolbestuur_id"], m["schoolbestuur__naam"] or GEEN_SCHOOL)
        rij = per_bestuur.setdefault(bestuur, [0, 0])
        rij[0] += 1
        rij[1] += is_thuis

    beeindigd = [
        m
        for m in alle
        if m["einde"] is not None and van <= m["einde"] <= tot and m["duur_weken"] is not None
    ]
    duur = kwartielen([float(m["duur_weken"]) for m in beeindigd])

    trend = []
    for label in kwartalen(van, tot):
        begin, einde = kwartaal_grenzen(label)
        trend.append(
            {
                "kwartaal": label,
                "begin": begin,
                "einde": einde,
                "thuiszitters": len(
                    {
                        m["leerling__sleutel"]
                        for m in alle
                        if thuiszitter_in(m["soort"], m["sinds"], m["einde"], begin, einde)
                    }
                ),
                "nieuw": sum(1 for m in alle if begin <= m["sinds"] <= einde),
                "beeindigd": sum(
                    1 for m in alle if m["einde"] is not None and begin <= m["einde"] <= einde
                ),
            }
        )

    leerlingen, met_aantal, vestigingen = leerlingenaantal(gebied, min(tot, peildatum))
    kinderen, absoluut = thuiszitters_geteld(thuis)
    return {
        "gebied": gebied.label,
        "van": van,
        "tot": tot,
        "aantal_meldingen": len(in_periode),
        "thuiszitters": {
            "totaal": kinderen,
            "absoluut": absoluut,
            "langdurig_relatief": kinderen - absoluut,
            "per_duizend": per_duizend(kinderen, leerlingen),
        },
        "leerlingen": {
            "aantal": leerlingen,
            "vestigingen_met_aantal": met_aantal,
            "vestigingen": vestigingen,
        },
        "per_vorm": [
            {"vorm": v.value, "label": v.label, "aantal": vormen.get(v.value, 0)}
            for v in Verzuimvorm
        ],
        "per_schooltype": [
            {"label": label, "meldingen": rij[0], "thuiszitters": rij[1]}
            for label, rij in sorted(
                per_schooltype.items(), key=lambda x: (x[0] == GEEN_SCHOOL, x[0])
            )
        ],
        "per_bestuur": [
            {"label": naam, "meldingen": rij[0], "thuiszitters": rij[1]}
            for (_id, naam), rij in sorted(
                per_bestuur.items(), key=lambda x: (x[0][0] is None, x[0][1])
            )
        ],
        "duur": {"aantal": len(beeindigd), "kwartielen": duur},
        "trend": trend,
        "leerling_sleutels": sorted({m["leerling__sleutel"] for m in alle}, key=str),
    }


# --- The Leerplichttelling --------------------------------------------------------------------


def leerplichttelling(
    *,
    gemeente: Gemeente,
    schooljaar: str,
    peildatum: date,
    samenwerkingsverband: Samenwerkingsverband | None = None,
    rijen_alleen_voor_partner: Any = None,
) -> dict[str, Any]:
    """The Leerplichttelling of a municipality over one school year: a summary and one row
    per case running in that year (the cases of one SWV when ``samenwerkingsverband`` is
    given: an SWV counts only its own). Running cases count their weeks up to the end of the
    school year or the peildatum, whichever is first; one query.

    ``rijen_alleen_voor_partner`` (a Gebruiker: the municipality's own worker) keeps the
    summary municipality-wide but gives pupil-level rows (and pupil keys) only of the cases
    in which that person is a running partner on ``peildatum``: a colleague's cases stay
    counts."""
    van, tot = schooljaar_grenzen(schooljaar)
    gebied = Gebied(
        label=gemeente.naam, samenwerkingsverband=samenwerkingsverband, gemeente=gemeente
    )
    meldingen = _meldingen(
        gebied, van, tot, partner_van=rijen_alleen_voor_partner, peildatum=peildatum
    )
    telmoment = min(tot, peildatum)
    rijen: list[dict[str, Any]] = []
    vormen: Counter[str] = Counter()
    redenen: Counter[str] = Counter()
    klassen: Counter[str] = Counter()
    thuis: list[dict[str, Any]] = []
    totaal = 0
    for m in meldingen:
        totaal += 1
        vorm = vorm_in(m["soort"], m["sinds"], m["einde"], tot)
        weken = m["duur_weken"] if m["einde"] is not None and m["einde"] <= tot else None
        if weken is None:
            weken = weken_tot(m["sinds"], m["einde"], telmoment)
        if vorm is not None:
            vormen[vorm] += 1
        redenen[m["reden"]] += 1
        klassen[duurklasse(weken)] += 1
        if thuiszitter_in(m["soort"], m["sinds"], m["einde"], van, tot):
            thuis.append(m)
        if rijen_alleen_voor_partner is not None and not m["eigen"]:
            continue
        geboortedatum = m["leerling__geboortedatum"]
        rijen.append(
            {
                "meldnummer": m["meldnummer"],
                "leerling": m["leerling__sleutel"],
                "geboortejaar": geboortedatum.year if geboortedatum else None,
                "vorm": Verzuimvorm(vorm).label if vorm else "",
                "sinds": m["sinds"],
                "einde": m["einde"],
                "weken": weken,
                "reden": Reden(m["reden"]).label if m["reden"] in Reden.values else m["reden"],
                "uitkomst": Uitkomst(m["uitkomst"]).label
                if m["uitkomst"] in Uitkomst.values
                else m["uitkomst"],
                "vestigingscode": m["vestiging__vestigingscode"] or "",
            }
        )
    kinderen, absoluut = thuiszitters_geteld(thuis)
    return {
        "gemeente": gemeente,
        "schooljaar": schooljaar,
        "van": van,
        "tot": tot,
        "peildatum": telmoment,
        "aantal": totaal,
        "aantal_rijen": len(rijen),
        "per_vorm": [(v.label, vormen.get(v.value, 0)) for v in Verzuimvorm],
        "thuiszitters": {
            "totaal": kinderen,
            "absoluut": absoluut,
            "langdurig_relatief": kinderen - absoluut,
        },
        "per_reden": [(r.label, redenen.get(r.value, 0)) for r in Reden],
        "per_duur": [(label, klassen.get(label, 0)) for label, _v, _t in DUURKLASSEN],
        "rijen": rijen,
        "leerling_sleutels": list(dict.fromkeys(UUID(str(r["leerling"])) for r in rijen)),
    }
