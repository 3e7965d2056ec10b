"""Results of a closed survey wave: per goal, respondent group and item the percentage
agreeing or the mean with its 95 % confidence interval, compared with the baseline wave and
with the previous wave (two proportions or Welch's t, Holm over the items of a goal and group).

- ``resultaten_voor`` is what pages and the API call: a role without ``resultaten_bekijken``
  is refused (403, logged), a wave out of sight or another SWV's scope is hidden (404,
  logged), a wave that is not closed has no results yet (``MetingNietGesloten``: while a wave
  runs, watching a figure move would show single answers), then ONE access-log record is
  written (figures only: no pupil, no person) before the figures are returned.
- ``analyse`` computes, without rights or log (the benchmark times it). The database does
  the heavy lifting: one GROUP BY over the answers of the waves involved gives per item and
  SWV the sufficient statistics (n, Σx, Σx², number agreeing); ``statistiek`` does the rest.
  The number of queries does not depend on the number of answers.

**Suppression** (for everybody; respondents' anonymity): a cell (one item in one group,
wave and scope) of fewer than ``KLEINE_CEL_GRENS`` answers shows no result, interval or test;
a group with fewer respondents shows "minder dan" instead of its count; a comparison needs
both cells shown. A national wave is shown as the national total or as ONE SWV at a time, so
whoever reads every SWV and the total could work a hidden SWV's cell out as the total minus
the others: per item (and per group's response count) the cells of all SWVs with answers and
the national total form one sum, and ``monitor.rules.aanvullend_onderdrukken`` hides a
second cell wherever exactly one is hidden — computed over all SWVs whatever scope is asked,
so every reader sees the same pattern.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import Count, ExpressionWrapper, F, IntegerField, Q, Sum
from django.http import Http404

from passend.accounts.rules import ALLEEN_AGGREGATEN
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.doelstellingen import statistiek
from passend.doelstellingen.models import Antwoord, Meting, Respons, Vraag
from passend.doelstellingen.permissions import beleid
from passend.doelstellingen.rules import (
    EENS_VANAF,
    Doelstelling,
    Metingstatus,
    Respondentgroep,
    Schaal,
)
from passend.monitor.rules import Optelling, aanvullend_onderdrukken
from passend.organisaties.models import Samenwerkingsverband

OBJECT_TYPE = "doelstellingen.resultaten"
NIET_GEVONDEN = "Deze meting bestaat niet of u mag deze niet zien."
NIET_GESLOTEN = (
    "De uitkomsten zijn er pas als de meting gesloten is: tijdens de meting zouden losse "
    "antwoorden te herkennen zijn."
)
ONBEKEND_SWV = "Kies een samenwerkingsverband dat aan deze meting heeft meegedaan."
LANDELIJK = "Landelijk"
TOETS_PROPORTIES = "twee proporties"
TOETS_WELCH = "Welch"
HOGER = "hoger"
LAGER = "lager"
GEEN_VERSCHIL = "geen verschil"
TE_WEINIG = "te weinig antwoorden"
GEEN_TOETS_PROPORTIES = "geen toets: in beide metingen 0 % of 100 % eens"
GEEN_TOETS_WELCH = "geen toets: alle antwoorden gelijk"
#: The item (same group and code) was asked in the other wave on another answer scale.
ANDERE_SCHAAL = "andere antwoordschaal: niet te vergelijken"


class MetingNietGesloten(Exception):
    """The wave is not closed yet: no results (API: 409 ``meting_niet_gesloten``).
    ``meting`` is the wave (resolved and in the actor's sight)."""

    def __init__(self, bericht: str, *, meting: Meting) -> None:
        super().__init__(bericht)
        self.meting = meting


class OngeldigeKeuze(ValueError):
    """``swv_code`` names no SWV that can be chosen here (API: 400 on ``swv``)."""


@dataclass(frozen=True)
class Vergelijking:
    """This wave's item against the same item (group and code) in another wave."""

    meting: Meting
    n: int | None
    resultaat: float | None
    #: The other wave's 95 % interval (None when hidden there, or n < 2 for a mean).
    ci_laag: float | None
    ci_hoog: float | None
    verschil: float | None
    toets: str | None
    statistiek: float | None
    p: float | None
    p_holm: float | None
    significant: bool
    oordeel: str
    toelichting: str


@dataclass(frozen=True)
class Itemresultaat:
    code: str
    tekst: str
    schaal: str
    n: int | None
    resultaat: float | None
    ci_laag: float | None
    ci_hoog: float | None
    onderdrukt: bool
    nulmeting: Vergelijking | None
    vorige: Vergelijking | None


@dataclass(frozen=True)
class Groepresultaat:
    respondentgroep: str
    label: str
    responsen: int | None
    items: list[Itemresultaat]


@dataclass(frozen=True)
class Doelresultaat:
    doelstelling: int
    label: str
    groepen: list[Groepresultaat]


@dataclass(frozen=True)
class Resultaten:
    meting: Meting
    samenwerkingsverband: Samenwerkingsverband | None
    scope: str
    nulmeting: Meting | None
    vorige: Meting | None
    grens: int
    doelen: list[Doelresultaat]
    keuzes: list[Samenwerkingsverband]


def kleine_cel_grens() -> int:
    return int(settings.PASSEND["KLEINE_CEL_GRENS"])


# --- Who sees what ---------------------------------------------------------------------------


def resultaten_voor(
    *,
    actor: Any,
    meting_id: int,
    route: str,
    swv_code: str | None = None,
    log_actie: Actie = Actie.LEZEN,
) -> Resultaten:
    """The results of a closed wave for the actor (see the module docstring for the order
    of the checks). ``swv_code`` picks one SWV of a national wave (empty: the national
    total); the ministry and the inspectorate may pick any SWV that took part (an unknown
    code: ``OngeldigeKeuze``), an SWV reader only its own (another: 404, logged).
    ``log_actie`` is what the refusals and the record log (``Actie.AFDRUKKEN`` for the PDF)."""
    beleid.eis_rol(
        actor, "resultaten_bekijken", log_actie=log_actie, object_type=OBJECT_TYPE, route=route
    )
    meting = Meting.objects.select_related("samenwerkingsverband").filter(pk=meting_id).first()

    def verbergen(reden: str) -> Http404:
        toegang_vastleggen(
            actor=actor,
            actie=log_actie,
            object_type=OBJECT_TYPE,
            object_id=str(meting_id),
            toegestaan=False,
            reden=reden,
            route=route,
        )
        return Http404(NIET_GEVONDEN)

    if meting is None or not beleid.mag(actor, "resultaten_bekijken", meting):
        raise verbergen("geweigerd: uitkomsten van een meting buiten zicht")
    code = (swv_code or "").strip().upper()
    eigen_swv_id = getattr(actor.rol, "samenwerkingsverband_id", None)
    landelijke_lezer = actor.rolsoort in ALLEEN_AGGREGATEN
    swv: Samenwerkingsverband | None = None
    if not meting.is_landelijk:
        swv = meting.samenwerkingsverband
        if code and (swv is None or code != swv.code):
            raise verbergen("geweigerd: ander samenwerkingsverband dan dat van de meting")
    elif code:
        swv = Samenwerkingsverband.objects.filter(code=code).first()
        if not landelijke_lezer and (swv is None or swv.pk != eigen_swv_id):
            raise verbergen("geweigerd: uitkomsten van een ander samenwerkingsverband")
        if swv is None:
            raise OngeldigeKeuze(ONBEKEND_SWV)
    if meting.status != Metingstatus.GESLOTEN:
        # Allowed, but nothing to show yet: logged like every read before the answer.
        toegang_vastleggen(
            actor=actor,
            actie=log_actie,
            object_type=OBJECT_TYPE,
            object_id=str(meting.pk),
            leerling_sleutels=[],
            toegestaan=True,
            reden="meting nog niet gesloten",
            route=route,
        )
        raise MetingNietGesloten(NIET_GESLOTEN, meting=meting)
    resultaten = analyse(meting, samenwerkingsverband_id=swv.pk if swv else None)
    if (
        meting.is_landelijk
        and landelijke_lezer
        and swv is not None
        and swv not in resultaten.keuzes
    ):
        raise OngeldigeKeuze(ONBEKEND_SWV)
    keuzes = resultaten.keuzes
    if meting.is_landelijk and not landelijke_lezer:
        keuzes = [s for s in keuzes if s.pk == eigen_swv_id]
    elif not meting.is_landelijk:
        keuzes = []
    toegang_vastleggen(
        actor=actor,
        actie=log_actie,
        object_type=OBJECT_TYPE,
        object_id=str(meting.pk),
        leerling_sleutels=[],
        toegestaan=True,
        reden=f"uitkomsten doelstellingenmonitor ({resultaten.scope})",
        route=route,
    )
    return Resultaten(
        meting=resultaten.meting,
        samenwerkingsverband=resultaten.samenwerkingsverband,
        scope=resultaten.scope,
        nulmeting=resultaten.nulmeting,
        vorige=resultaten.vorige,
        grens=resultaten.grens,
        doelen=resultaten.doelen,
        keuzes=keuzes,
    )


# --- The analysis ------------------------------------------------------------------------------

#: (respondentgroep, item code)
Item = tuple[str, str]
#: A cell of the suppression sums: (item or ("", group) for a response count, SWV id or None)
Cel = tuple[Item, int | None]


@dataclass
class _Sommen:
    n: int = 0
    som: int = 0
    kwadraatsom: int = 0
    eens: int = 0

    def plus(self, ander: "_Sommen") -> None:
        self.n += ander.n
        self.som += ander.som
        self.kwadraatsom += ander.kwadraatsom
        self.eens += ander.eens


@dataclass
class _Golf:
    """One wave's aggregates: per item and SWV, and per group and SWV the responses."""

    meting: Meting
    per_swv: dict[Item, dict[int, _Sommen]] = field(default_factory=dict)
    schaal: dict[Item, str] = field(default_factory=dict)
    responsen: dict[str, dict[int, int]] = field(default_factory=dict)
    verborgen: set[Cel] = field(default_factory=set)

    def sommen(self, item: Item, swv_id: int | None) -> _Sommen:
        per = self.per_swv.get(item, {})
        if swv_id is not None:
            return per.get(swv_id, _Sommen())
        totaal = _Sommen()
        for s in per.values():
            totaal.plus(s)
        return totaal

    def aantal_responsen(self, groep: str, swv_id: int | None) -> int:
        per = self.responsen.get(groep, {})
        return per.get(swv_id, 0) if swv_id is not None else sum(per.values())


def _vergelijkingsmetingen(meting: Meting) -> tuple[Meting | None, Meting | None]:
    """The baseline wave and the previous wave of the same owner (closed, earlier year)."""
    eerder = list(
        Meting.objects.filter(
            Q(samenwerkingsverband__isnull=True)
            if meting.is_landelijk
            else Q(samenwerkingsverband_id=meting.samenwerkingsverband_id),
            status=Metingstatus.GESLOTEN,
            jaar__lt=meting.jaar,
        ).order_by("-jaar")
    )
    nulmeting = next((m for m in eerder if m.is_nulmeting), None)
    vorige = eerder[0] if eerder else None
    return nulmeting, vorige


def _verborgen(golf: _Golf, grens: int) -> set[Cel]:
    """The hidden cells of a wave: small ones (1..grens-1), and for a national wave the
    complementary ones (see the module docstring)."""
    waarden: dict[Cel, int | None] = {}
    klein: set[Cel] = set()
    optellingen: list[Optelling[Cel]] = []
    sets: Iterable[tuple[Item, dict[int, int]]] = [
        (item, {swv: s.n for swv, s in per.items()}) for item, per in golf.per_swv.items()
    ]
    sets = [*sets, *((("", groep), per) for groep, per in golf.responsen.items())]
    for item, per in sets:
        totaal_cel: Cel = (item, None)
        waarden[totaal_cel] = sum(per.values())
        delen: list[Cel] = []
        for swv_id, n in sorted(per.items()):
            cel: Cel = (item, swv_id)
            waarden[cel] = n
            delen.append(cel)
        for cel in (totaal_cel, *delen):
            aantal = waarden[cel]
            if aantal is not None and 0 < aantal < grens:
                klein.add(cel)
        if golf.meting.is_landelijk:
            optellingen.append(Optelling(totalen=(totaal_cel,), delen=tuple(delen)))
    if not golf.meting.is_landelijk:
        return klein
    return aanvullend_onderdrukken(waarden, klein, optellingen)


def _golven(metingen: list[Meting], grens: int) -> tuple[dict[int, _Golf], list[dict[str, Any]]]:
    """The aggregates of the waves (3 queries whatever the number of answers) and the items
    of the waves (their rows, for text and order)."""
    ids = [m.pk for m in metingen]
    golven = {m.pk: _Golf(meting=m) for m in metingen}
    vragen: list[dict[str, Any]] = [
        dict(v)
        for v in Vraag.objects.filter(vragenlijst__meting_id__in=ids)
        .order_by("doelstelling", "volgorde", "id")
        .values(
            "id",
            "code",
            "doelstelling",
            "tekst",
            "schaal",
            "vragenlijst__respondentgroep",
            "vragenlijst__meting_id",
        )
    ]
    vraag_item: dict[int, tuple[int, Item]] = {}
    for v in vragen:
        item = (v["vragenlijst__respondentgroep"], v["code"])
        vraag_item[v["id"]] = (v["vragenlijst__meting_id"], item)
        golven[v["vragenlijst__meting_id"]].schaal[item] = v["schaal"]
        golven[v["vragenlijst__meting_id"]].per_swv.setdefault(item, {})
    kwadraat = ExpressionWrapper(F("waarde") * F("waarde"), output_field=IntegerField())
    rijen = (
        Antwoord.objects.filter(vraag_id__in=list(vraag_item))
        .values("vraag_id", "respons__samenwerkingsverband_id")
        .annotate(
            n=Count("id"),
            som=Sum("waarde"),
            kwadraatsom=Sum(kwadraat),
            eens=Count("id", filter=Q(waarde__gte=EENS_VANAF)),
        )
        .order_by()
    )
    for rij in rijen:
        meting_id, item = vraag_item[rij["vraag_id"]]
        golven[meting_id].per_swv[item][rij["respons__samenwerkingsverband_id"]] = _Sommen(
            n=rij["n"], som=rij["som"], kwadraatsom=rij["kwadraatsom"], eens=rij["eens"]
        )
    for rij in (
        Respons.objects.filter(vragenlijst__meting_id__in=ids)
        .values("vragenlijst__meting_id", "vragenlijst__respondentgroep", "samenwerkingsverband_id")
        .annotate(n=Count("id"))
        .order_by()
    ):
        golf = golven[rij["vragenlijst__meting_id"]]
        golf.responsen.setdefault(rij["vragenlijst__respondentgroep"], {})[
            rij["samenwerkingsverband_id"]
        ] = rij["n"]
    for golf in golven.values():
        golf.verborgen = _verborgen(golf, grens)
    return golven, vragen


@dataclass(frozen=True)
class _Cel:
    """A shown or hidden cell: its sums (None when hidden or empty)."""

    sommen: _Sommen | None
    n: int | None


def _cel(golf: _Golf, item: Item, swv_id: int | None, grens: int) -> _Cel:
    if item not in golf.per_swv:
        return _Cel(sommen=None, n=None)
    sommen = golf.sommen(item, swv_id)
    if sommen.n < grens or (item, swv_id) in golf.verborgen:
        return _Cel(sommen=None, n=None)
    return _Cel(sommen=sommen, n=sommen.n)


def _uitkomst(schaal: str, s: _Sommen) -> tuple[float, float | None, float | None]:
    """The result with its 95 % interval: a percentage agreeing, or a mean."""
    if schaal == Schaal.EENS_ONEENS:
        interval = statistiek.wilson(s.eens, s.n)
        assert interval is not None  # n >= grens > 0
        return 100 * s.eens / s.n, 100 * interval[0], 100 * interval[1]
    t_int = statistiek.t_interval(s.n, s.som, s.kwadraatsom)
    return s.som / s.n, t_int[0] if t_int else None, t_int[1] if t_int else None


@dataclass
class _Ruw:
    """A comparison before Holm."""

    meting: Meting
    n: int | None
    resultaat: float | None
    ci_laag: float | None = None
    ci_hoog: float | None = None
    verschil: float | None = None
    toets: str | None = None
    statistiek: float | None = None
    p: float | None = None
    toelichting: str = ""


def _vergelijk(
    schaal: str,
    nu: _Cel,
    resultaat: float | None,
    ander: _Golf,
    item: Item,
    swv_id: int | None,
    grens: int,
) -> _Ruw | None:
    if item not in ander.per_swv:
        return None
    if ander.schaal.get(item) != schaal:
        # Asked, but on another scale: say so (no figures), rather than "not asked".
        return _Ruw(meting=ander.meting, n=None, resultaat=None, toelichting=ANDERE_SCHAAL)
    cel = _cel(ander, item, swv_id, grens)
    ander_resultaat = ander_laag = ander_hoog = None
    if cel.sommen is not None:
        ander_resultaat, ander_laag, ander_hoog = _uitkomst(schaal, cel.sommen)
    ruw = _Ruw(
        meting=ander.meting,
        n=cel.n,
        resultaat=ander_resultaat,
        ci_laag=ander_laag,
        ci_hoog=ander_hoog,
    )
    if nu.sommen is None or cel.sommen is None or resultaat is None or ander_resultaat is None:
        ruw.toelichting = TE_WEINIG
        return ruw
    a, b = nu.sommen, cel.sommen
    if schaal == Schaal.EENS_ONEENS:
        toets = statistiek.twee_proporties(a.eens, a.n, b.eens, b.n)
        naam, geen = TOETS_PROPORTIES, GEEN_TOETS_PROPORTIES
    else:
        toets = statistiek.welch(a.n, a.som, a.kwadraatsom, b.n, b.som, b.kwadraatsom)
        naam, geen = TOETS_WELCH, GEEN_TOETS_WELCH
    if toets is None:
        ruw.toelichting = geen
        return ruw
    ruw.verschil = resultaat - ander_resultaat
    ruw.toets = naam
    ruw.statistiek = toets.statistiek
    ruw.p = toets.p
    return ruw


def _met_holm(ruwe: list[_Ruw | None]) -> list[Vergelijking | None]:
    """Holm over the tested comparisons of one goal and group."""
    getoetst = [r for r in ruwe if r is not None and r.p is not None]
    aangepast = dict(
        zip(
            (id(r) for r in getoetst),
            statistiek.holm([r.p for r in getoetst if r.p is not None]),
            strict=True,
        )
    )
    uit: list[Vergelijking | None] = []
    for r in ruwe:
        if r is None:
            uit.append(None)
            continue
        p_holm = aangepast.get(id(r))
        significant = p_holm is not None and p_holm < statistiek.ALFA
        oordeel = ""
        if p_holm is not None and r.verschil is not None:
            oordeel = (
                (HOGER if r.verschil > 0 else LAGER)
                if significant and r.verschil != 0
                else GEEN_VERSCHIL
            )
        uit.append(
            Vergelijking(
                meting=r.meting,
                n=r.n,
                resultaat=r.resultaat,
                ci_laag=r.ci_laag,
                ci_hoog=r.ci_hoog,
                verschil=r.verschil,
                toets=r.toets,
                statistiek=r.statistiek,
                p=r.p,
                p_holm=p_holm,
                significant=significant,
                oordeel=oordeel,
                toelichting=r.toelichting,
            )
        )
    return uit


def analyse(meting: Meting, *, samenwerkingsverband_id: int | None) -> Resultaten:
    """The figures of ``meting`` for one SWV or (None) the whole wave. No rights, no log."""
    grens = kleine_cel_grens()
    nulmeting, vorige = _vergelijkingsmetingen(meting)
    metingen = [meting, *(m for m in (nulmeting, vorige) if m is not None)]
    metingen = list({m.pk: m for m in metingen}.values())
    golven, vragen = _golven(metingen, grens)
    golf = golven[meting.pk]
    swv_id = samenwerkingsverband_id
    if not meting.is_landelijk:
        swv_id = None  # every answer of an SWV wave is its SWV's
    deelnemers: set[int] = set()
    for per in golf.responsen.values():
        deelnemers.update(s for s, n in per.items() if n > 0)
    swvs = {
        s.pk: s
        for s in Samenwerkingsverband.objects.filter(
            pk__in=deelnemers | ({swv_id} if swv_id else set())
        )
    }
    keuzes = sorted((swvs[i] for i in deelnemers), key=lambda s: (s.naam, s.code))
    swv = swvs.get(swv_id) if swv_id is not None else meting.samenwerkingsverband
    if meting.is_landelijk:
        scope = swv.naam if swv is not None else LANDELIJK
    else:
        scope = swv.naam if swv is not None else ""

    eigen_vragen = [v for v in vragen if v["vragenlijst__meting_id"] == meting.pk]
    volgorde = {g: i for i, g in enumerate(Respondentgroep.values)}
    doelen: list[Doelresultaat] = []
    for doel in Doelstelling:
        per_groep: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for v in eigen_vragen:
            if v["doelstelling"] == doel.value:
                per_groep[v["vragenlijst__respondentgroep"]].append(v)
        groepen: list[Groepresultaat] = []
        for groep in sorted(per_groep, key=lambda g: volgorde.get(g, 99)):
            items_ruw = []
            nul_ruw: list[_Ruw | None] = []
            vorig_ruw: list[_Ruw | None] = []
            for v in per_groep[groep]:
                item = (groep, v["code"])
                schaal = v["schaal"]
                cel = _cel(golf, item, swv_id, grens)
                resultaat = ci_laag = ci_hoog = None
                if cel.sommen is not None:
                    resultaat, ci_laag, ci_hoog = _uitkomst(schaal, cel.sommen)
                items_ruw.append((v, cel, resultaat, ci_laag, ci_hoog))
                nul_ruw.append(
                    _vergelijk(schaal, cel, resultaat, golven[nulmeting.pk], item, swv_id, grens)
                    if nulmeting is not None
                    else None
                )
                vorig_ruw.append(
                    _vergelijk(schaal, cel, resultaat, golven[vorige.pk], item, swv_id, grens)
                    if vorige is not None
                    else None
                )
            nul = _met_holm(nul_ruw)
            vorig = _met_holm(vorig_ruw)
            items = [
                Itemresultaat(
                    code=v["code"],
                    tekst=v["tekst"],
                    schaal=v["schaal"],
                    n=cel.n,
                    resultaat=resultaat,
                    ci_laag=ci_laag,
                    ci_hoog=ci_hoog,
                    onderdrukt=cel.sommen is None,
                    nulmeting=nul[i],
                    vorige=vorig[i],
                )
                for i, (v, cel, resultaat, ci_laag, ci_hoog) in enumerate(items_ruw)
            ]
            responsen: int | None = golf.aantal_responsen(groep, swv_id)
            if (responsen or 0) < grens or (("", groep), swv_id) in golf.verborgen:
                responsen = None
            groepen.append(
                Groepresultaat(
                    respondentgroep=groep,
                    label=str(Respondentgroep(groep).label),
                    responsen=responsen,
                    items=items,
                )
            )
        doelen.append(
            Doelresultaat(doelstelling=doel.value, label=str(doel.label), groepen=groepen)
        )
    return Resultaten(
        meting=meting,
        samenwerkingsverband=swv if meting.is_landelijk else meting.samenwerkingsverband,
        scope=scope,
        nulmeting=nulmeting,
        vorige=vorige,
        grens=grens,
        doelen=doelen,
        keuzes=keuzes,
    )
