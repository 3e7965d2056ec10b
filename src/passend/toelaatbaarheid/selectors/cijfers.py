"""The figures an SWV reports about its TLVs, and the export for DUO (BRON).

``tlv_cijfers`` is the one source of the report page and of the regional monitor: handling
time per request (weeks from received to complete to decision, mean and median), counts by
school type and category, incoming and outgoing grensverkeer, and bezwaren. Nothing here
checks rights: the callers do (the report page, the monitor).
"""

from collections import Counter
from datetime import date
from typing import Any

from django.db.models import OuterRef, Q, Subquery

from passend.core.perioden import actief_op
from passend.leerlingen.models import Inschrijving
from passend.organisaties.models import Samenwerkingsverband
from passend.toelaatbaarheid.models import Bezwaar, Toelaatbaarheidsverklaring
from passend.toelaatbaarheid.rules import (
    BESLOTEN,
    SOORTEN_MET_CATEGORIE,
    Besluit,
    Soort,
    Status,
    Uitkomst,
    behandelduur,
    duur_in_jaren,
    gemiddelde_en_mediaan,
)
from passend.toelaatbaarheid.selectors.dossier import regeling_van


def _richting(tlv: Toelaatbaarheidsverklaring, swv_id: int) -> str:
    if not tlv.grensverkeer:
        return ""
    if tlv.school_swv_id == swv_id:
        return "inkomend"
    if tlv.woonregio_swv_id == swv_id:
        return "uitgaand"
    return ""


def tlv_cijfers(
    *, samenwerkingsverband: Samenwerkingsverband, van: date, tot: date
) -> dict[str, Any]:
    """The SWV's TLV figures over a period (both days included).

    Requests count by the date they were received; decisions (handling time, types,
    categories, duration) by the date of the decision; grensverkeer counts the granted
    TLVs in which the SWV is the home region (outgoing) or the school's SWV (incoming).
    """
    swv_id = samenwerkingsverband.pk
    regeling = regeling_van(samenwerkingsverband)
    ontvangen = Toelaatbaarheidsverklaring.objects.filter(
        verantwoordelijk_swv_id=swv_id, ontvangen_op__gte=van, ontvangen_op__lte=tot
    )
    besloten = list(
        Toelaatbaarheidsverklaring.objects.filter(
            verantwoordelijk_swv_id=swv_id,
            status__in=BESLOTEN,
            besluit_op__gte=van,
            besluit_op__lte=tot,
        )
        .select_related("leerling")
        .order_by("besluit_op", "id")
    )
    rijen: list[dict[str, Any]] = []
    for tlv in besloten:
        duur = behandelduur(
            ontvangen_op=tlv.ontvangen_op, compleet_op=tlv.compleet_op, besluit_op=tlv.besluit_op
        )
        rijen.append(
            {
                "kenmerk": tlv.kenmerk,
                "sleutel": tlv.sleutel,
                "soort": tlv.schoolsoort or tlv.soort,
                "soort_label": Soort(tlv.schoolsoort or tlv.soort).label,
                "besluit": tlv.besluit,
                "categorie": tlv.bekostigingscategorie,
                "categorie_label": regeling.categorie_label(tlv.bekostigingscategorie),
                "verlenging": tlv.vorige_id is not None,
                "ontvangen_op": tlv.ontvangen_op,
                "compleet_op": tlv.compleet_op,
                "besluit_op": tlv.besluit_op,
                "weken_tot_compleet": duur.tot_compleet,
                "weken_compleet_tot_besluit": duur.compleet_tot_besluit,
                "weken_totaal": duur.totaal,
                "duur_jaren": duur_in_jaren(tlv.ingangsdatum, tlv.einddatum),
                "grensverkeer": _richting(tlv, swv_id),
            }
        )
    toegekend = [r for r in rijen if r["besluit"] == Besluit.TOEGEKEND]

    def statistiek(veld: str) -> dict[str, float | None]:
        gemiddelde, mediaan = gemiddelde_en_mediaan(r[veld] for r in rijen)
        return {"gemiddelde": gemiddelde, "mediaan": mediaan}

    per_soort = Counter(r["soort"] for r in toegekend)
    per_categorie = Counter(
        r["categorie"] for r in toegekend if r["soort"] in SOORTEN_MET_CATEGORIE
    )
    grens = list(
        Toelaatbaarheidsverklaring.objects.filter(
            Q(school_swv_id=swv_id) | Q(woonregio_swv_id=swv_id),
            grensverkeer=True,
            status=Status.TOEGEKEND,
            besluit_op__gte=van,
            besluit_op__lte=tot,
        ).values_list("school_swv_id", "woonregio_swv_id", "schoolsoort")
    )
    bezwaren = list(
        Bezwaar.objects.filter(
            tlv__verantwoordelijk_swv_id=swv_id, ingediend_op__gte=van, ingediend_op__lte=tot
        ).values_list("uitkomst", "te_laat", "tlv__leerling__sleutel")
    )
    sleutels = {tlv.leerling.sleutel for tlv in besloten}
    sleutels.update(s for _, _, s in bezwaren)
    return {
        "samenwerkingsverband": samenwerkingsverband.code,
        "van": van,
        "tot": tot,
        "aantal_ontvangen": ontvangen.count(),
        "aantal_verlengingen_ontvangen": ontvangen.filter(vorige__isnull=False).count(),
        "aantal_besloten": len(rijen),
        "aantal_toegekend": len(toegekend),
        "aantal_afgewezen": len(rijen) - len(toegekend),
        "behandelduur": {
            "tot_compleet": statistiek("weken_tot_compleet"),
            "compleet_tot_besluit": statistiek("weken_compleet_tot_besluit"),
            "totaal": statistiek("weken_totaal"),
        },
        "per_soort": [
            {"soort": s.value, "label": s.label, "aantal": per_soort.get(s.value, 0)} for s in Soort
        ],
        "per_categorie": [
            {
                "categorie": c,
                "label": regeling.categorie_label(c),
                "aantal": per_categorie.get(c, 0),
            }
            for c in (1, 2, 3)
        ],
        "grensverkeer": {
            "inkomend": sum(1 for school, _w, _s in grens if school == swv_id),
            "uitgaand": sum(1 for school, woon, _s in grens if woon == swv_id and school != swv_id),
        },
        "bezwaren": {
            "aantal": len(bezwaren),
            "te_laat": sum(1 for _u, laat, _s in bezwaren if laat),
            "gegrond": sum(1 for u, _l, _s in bezwaren if u == Uitkomst.GEGROND),
            "ongegrond": sum(1 for u, _l, _s in bezwaren if u == Uitkomst.ONGEGROND),
            "ingetrokken": sum(1 for u, _l, _s in bezwaren if u == Uitkomst.INGETROKKEN),
            "lopend": sum(1 for u, _l, _s in bezwaren if not u),
        },
        "verzoeken": rijen,
        "leerling_sleutels": sorted(sleutels, key=str),
    }


#: Columns of the TLV export for DUO (BRON).
BRON_KOLOMMEN = ("vestigingscode", "leerling", "soort", "categorie", "begindatum", "einddatum")


def bron_regels(
    *, samenwerkingsverband: Samenwerkingsverband, van: date, tot: date, peildatum: date
) -> list[dict[str, Any]]:
    """Granted TLVs of the SWV whose period overlaps [van, tot], for DUO (BRON).

    The location is where the pupil is enrolled on the peildatum (the school that registers
    the TLV), or else the location that requested it.
    """
    huidige = (
        Inschrijving.objects.filter(leerling=OuterRef("leerling_id"))
        .filter(actief_op(peildatum))
        .order_by("-van", "-id")
        .values("vestiging__vestigingscode")[:1]
    )
    return list(
        Toelaatbaarheidsverklaring.objects.filter(
            verantwoordelijk_swv=samenwerkingsverband,
            status=Status.TOEGEKEND,
            ingangsdatum__lte=tot,
            einddatum__gte=van,
        )
        .annotate(huidige_vestigingscode=Subquery(huidige))
        .order_by("ingangsdatum", "id")
        .values(
            "sleutel",
            "leerling__sleutel",
            "vestiging__vestigingscode",
            "huidige_vestigingscode",
            "schoolsoort",
            "bekostigingscategorie",
            "ingangsdatum",
            "einddatum",
        )
    )
