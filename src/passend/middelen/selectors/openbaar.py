"""The public page (goal 6 of passend onderwijs): where each SWV's support money went, per
year, from **adopted** budgets only (status vastgesteld). Figures, never a pupil.

- Income per kind; the afdrachten for sbo, so and vso as ONE line: per-category amounts
  divided by the (public) normbedrag would reveal small pupil counts. That alone does not
  always hide them (with only sbo pupils the line divides back into a count), so when the
  pupils counted in a year's afdrachten number 1..``KLEINE_CEL_GRENS``-1 the line is not
  shown, nor the total spending and the result (they would give it back by subtraction).
- Allocation to schools: the total, and per school location only the amount.
- Arrangements, steunpunt, organisation costs, other spending.
- Reserves against the signaleringswaarde, with the excess and its explanation.
- Whether the running ondersteuningsplan has the OPR's consent and the OOGO.

No policy and no access log (public, no pupil data); a fixed number of queries whatever
the number of years, posts and locations (at most ``MAX_JAREN`` years are shown).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from passend.middelen.models import Begroting, Begrotingspost
from passend.middelen.rules import (
    AFDRACHTEN,
    BATEN,
    LASTEN,
    Begrotingsstatus,
    Plansoort,
    Postsoort,
    bovenmatig_eigen_vermogen,
    signaleringswaarde,
)
from passend.middelen.selectors.plannen import (
    datumtekst,
    plan_status,
    plannen_queryset,
    werkgebied_van,
)
from passend.monitor.rules import is_klein
from passend.organisaties.models import Samenwerkingsverband
from passend.organisaties.rules import normaliseer_swv_code

MAX_JAREN = 10
NUL = Decimal("0.00")
NIET_GEPUBLICEERD = "nog niet gepubliceerd"

#: The lines of the public table, in order: (key, label).
BATEN_REGELS = (
    (Postsoort.LICHTE_ONDERSTEUNING, "Geld van het Rijk voor lichte ondersteuning"),
    (Postsoort.ZWARE_ONDERSTEUNING, "Geld van het Rijk voor zware ondersteuning"),
    (Postsoort.OVERIGE_BATEN, "Ander geld dat binnenkwam"),
)
LASTEN_REGELS = (
    ("afdrachten", "Naar het speciaal (basis)onderwijs (sbo, so en vso samen)"),
    (Postsoort.TOEWIJZING_SCHOLEN, "Naar de scholen"),
    (Postsoort.ARRANGEMENTEN, "Arrangementen: extra ondersteuning voor leerlingen"),
    (Postsoort.STEUNPUNT, "Ouder- en jeugdsteunpunt"),
    (Postsoort.ORGANISATIE, "Kosten van de organisatie"),
    (Postsoort.OVERIGE_LASTEN, "Overige uitgaven"),
)


def gepubliceerd() -> Q:
    return Q(status=Begrotingsstatus.VASTGESTELD)


@dataclass(frozen=True)
class Swvregel:
    swv: Samenwerkingsverband
    gepubliceerd: bool


def swv_lijst(*, sector: str = "", naam: str = "") -> list[Swvregel]:
    """Every SWV of the installation (one query), filtered by sector and name or code."""
    qs: QuerySet[Samenwerkingsverband] = Samenwerkingsverband.objects.annotate(
        gepubliceerd=Exists(
            Begroting.objects.filter(gepubliceerd(), samenwerkingsverband_id=OuterRef("pk"))
        )
    ).order_by("code")
    if sector:
        qs = qs.filter(sector=sector)
    if naam:
        qs = qs.filter(Q(naam__icontains=naam) | Q(code__icontains=naam))
    return [Swvregel(swv=s, gepubliceerd=s.gepubliceerd) for s in qs]  # type: ignore[attr-defined]  # annotated above


@dataclass(frozen=True)
class Jaarcijfers:
    """One adopted budget's public figures."""

    jaar: int
    vastgesteld_op: object
    baten: dict[str, Decimal]
    lasten: dict[str, Decimal]
    eigen_vermogen: Decimal | None
    toelichting_reserve: str
    #: The pupils counted in this year's afdrachten (sum of the posts' ``grondslag``).
    afdracht_leerlingen: int = 0
    #: The suppression threshold (``KLEINE_CEL_GRENS``).
    grens: int = 10

    @property
    def afdrachten_getoond(self) -> bool:
        """False when the afdrachten line would reveal a small number of pupils."""
        return not is_klein(self.afdracht_leerlingen, self.grens)

    @property
    def baten_totaal(self) -> Decimal:
        return sum(self.baten.values(), NUL)

    @property
    def lasten_totaal(self) -> Decimal | None:
        if not self.afdrachten_getoond:
            return None
        return sum(self.lasten.values(), NUL)

    @property
    def resultaat(self) -> Decimal | None:
        totaal = self.lasten_totaal
        return None if totaal is None else self.baten_totaal - totaal

    def lasten_getoond(self) -> dict[str, Decimal | None]:
        """The spending per kind as shown: the afdrachten None when they are not shown."""
        return {
            sleutel: None if sleutel == "afdrachten" and not self.afdrachten_getoond else bedrag
            for sleutel, bedrag in self.lasten.items()
        }

    @property
    def signaleringswaarde(self) -> Decimal:
        return signaleringswaarde(self.baten_totaal)

    @property
    def bovenmatig(self) -> Decimal | None:
        if self.eigen_vermogen is None:
            return None
        return bovenmatig_eigen_vermogen(self.eigen_vermogen, self.baten_totaal)

    def baten_rijen(self) -> list[tuple[str, Decimal]]:
        return [(label, self.baten[str(sleutel)]) for sleutel, label in BATEN_REGELS]

    def lasten_rijen(self) -> list[tuple[str, Decimal | None]]:
        getoond = self.lasten_getoond()
        return [(label, getoond[str(sleutel)]) for sleutel, label in LASTEN_REGELS]


@dataclass(frozen=True)
class Schoolbedrag:
    naam: str
    plaats: str
    bedrag: Decimal


@dataclass(frozen=True)
class Verantwoording:
    swv: Samenwerkingsverband
    jaren: list[Jaarcijfers]
    gekozen: Jaarcijfers | None
    scholen: list[Schoolbedrag]
    plan_tekst: str
    jaar_onbekend: bool
    #: The suppression threshold (``KLEINE_CEL_GRENS``).
    grens: int = 10

    @property
    def gepubliceerd(self) -> bool:
        return bool(self.jaren)


def _grens() -> int:
    return int(settings.PASSEND.get("KLEINE_CEL_GRENS", 10))


def _jaarcijfers(begrotingen: Sequence[Begroting]) -> list[Jaarcijfers]:
    totalen: dict[int, dict[str, Decimal]] = {}
    for rij in (
        Begrotingspost.objects.filter(begroting__in=[b.pk for b in begrotingen])
        .values("begroting_id", "soort")
        .annotate(totaal=Sum("bedrag"))
        .order_by()
    ):
        totalen.setdefault(rij["begroting_id"], {})[rij["soort"]] = rij["totaal"]
    # The pupils counted in the afdrachten, per budget (a few computed posts per year).
    leerlingen: dict[int, int] = {}
    for begroting_id, grondslag in Begrotingspost.objects.filter(
        begroting__in=[b.pk for b in begrotingen], soort__in=AFDRACHTEN
    ).values_list("begroting_id", "grondslag"):
        aantal = grondslag.get("aantal") if isinstance(grondslag, dict) else None
        # A post without a count cannot be checked: it counts as one pupil.
        leerlingen[begroting_id] = leerlingen.get(begroting_id, 0) + (
            aantal if isinstance(aantal, int) and aantal >= 0 else 1
        )
    grens = _grens()
    uit: list[Jaarcijfers] = []
    for b in begrotingen:
        posten = totalen.get(b.pk, {})
        lasten = {str(s): posten.get(str(s), NUL) for s in LASTEN}
        lasten["afdrachten"] = sum((posten.get(str(s), NUL) for s in AFDRACHTEN), NUL)
        uit.append(
            Jaarcijfers(
                jaar=b.jaar,
                vastgesteld_op=b.vastgesteld_op,
                baten={str(s): posten.get(str(s), NUL) for s in BATEN},
                lasten=lasten,
                eigen_vermogen=b.eigen_vermogen,
                toelichting_reserve=b.toelichting_reserve,
                afdracht_leerlingen=leerlingen.get(b.pk, 0),
                grens=grens,
            )
        )
    return uit


def _plan_tekst(swv: Samenwerkingsverband) -> str:
    vandaag = timezone.localdate()
    plan = (
        plannen_queryset()
        .filter(
            samenwerkingsverband=swv,
            soort=Plansoort.ONDERSTEUNINGSPLAN,
            periode_van__lte=vandaag,
            periode_tot__gte=vandaag,
        )
        .order_by("-periode_van")
        .first()
    )
    if plan is None:
        return "Er loopt vandaag geen ondersteuningsplan."
    status = plan_status(plan, werkgebied_van(swv.pk))
    periode = f"{datumtekst(plan.periode_van)} tot en met {datumtekst(plan.periode_tot)}"
    if status.geldig:
        return (
            f"Het ondersteuningsplan ({periode}) heeft de instemming van de "
            "ondersteuningsplanraad (OPR). Er is overeenstemming met alle gemeenten (OOGO)."
        )
    return f"Het ondersteuningsplan ({periode}) is nog niet compleet. " + " ".join(status.ontbreekt)


def verantwoording(code: str, jaar: int | None = None) -> Verantwoording:
    """The public figures of one SWV (404 for an unknown code): the adopted budgets of the
    latest ``MAX_JAREN`` years side by side, one chosen year in detail (the latest when
    ``jaar`` is None or not adopted)."""
    genormaliseerd = normaliseer_swv_code(code)
    swv = (
        Samenwerkingsverband.objects.filter(code=genormaliseerd).first() if genormaliseerd else None
    )
    if swv is None:
        raise Http404("Dit samenwerkingsverband bestaat niet.")
    begrotingen = list(
        Begroting.objects.filter(gepubliceerd(), samenwerkingsverband=swv).order_by("-jaar")[
            :MAX_JAREN
        ]
    )
    begrotingen.reverse()
    jaren = _jaarcijfers(begrotingen)
    gekozen = next((j for j in jaren if j.jaar == jaar), None)
    jaar_onbekend = jaar is not None and gekozen is None
    if gekozen is None and jaren:
        gekozen = jaren[-1]
    scholen: list[Schoolbedrag] = []
    if gekozen is not None:
        begroting = next(b for b in begrotingen if b.jaar == gekozen.jaar)
        scholen = [
            Schoolbedrag(
                naam=r["vestiging__naam"], plaats=r["vestiging__plaats"], bedrag=r["totaal"]
            )
            for r in Begrotingspost.objects.filter(
                begroting=begroting,
                soort=Postsoort.TOEWIJZING_SCHOLEN,
                vestiging__isnull=False,
            )
            .values("vestiging_id", "vestiging__naam", "vestiging__plaats")
            .annotate(totaal=Sum("bedrag"))
            .order_by("vestiging__naam", "vestiging_id")
        ]
    return Verantwoording(
        swv=swv,
        jaren=jaren,
        gekozen=gekozen,
        scholen=scholen,
        plan_tekst=_plan_tekst(swv),
        jaar_onbekend=jaar_onbekend,
        grens=_grens(),
    )
