"""The signals report for the SWV board: counts of the steunpunt's contacts per theme,
channel, who, referral and quarter, and the signal texts. No names, no pupil links: the
report reads no pupil table, so it needs no access-log record.

Small cells are *not* suppressed: the report is for the SWV's own board, about its own
steunpunt, and counts contacts (not pupils) by theme; no cell names or points to a child
(no school, no date finer than a quarter, no pupil link). ``KLEINE_CEL_GRENS`` protects
aggregates that leave the organisation (the inspectorate, the public monitor); the
regional monitor that reads ``cijfers.aantallen`` must apply it there.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth, ExtractYear

from passend.core.kalender import kwartaal, kwartalen
from passend.organisaties.models import Samenwerkingsverband
from passend.steunpunt.models import Contact, Contactthema
from passend.steunpunt.rules import Doorverwijzing, Kanaal, Thema, Wie

#: The report lists at most this many signal texts (the newest); the total is shown.
SIGNALEN_MAX = 300


@dataclass(frozen=True)
class Telling:
    label: str
    aantal: int


@dataclass(frozen=True)
class Signaal:
    datum: date
    kwartaal: str
    themas: tuple[str, ...]
    tekst: str


@dataclass(frozen=True)
class Signalenrapport:
    samenwerkingsverband: Samenwerkingsverband
    van: date
    tot: date
    totaal: int
    anoniem: int
    per_thema: list[Telling]
    per_kanaal: list[Telling]
    per_wie: list[Telling]
    per_doorverwijzing: list[Telling]
    per_kwartaal: list[Telling]
    signalen: list[Signaal]
    signalen_totaal: int


def _tellingen(keuzes: list[tuple[str, str]], rijen: dict[str, int]) -> list[Telling]:
    return [Telling(label=str(label), aantal=rijen.get(waarde, 0)) for waarde, label in keuzes]


def signalenrapport(
    *, samenwerkingsverband: Samenwerkingsverband, van: date, tot: date
) -> Signalenrapport:
    """The report of one SWV and period, in a fixed number of queries (7)."""
    contacten = Contact.objects.filter(
        samenwerkingsverband=samenwerkingsverband, datum__gte=van, datum__lte=tot
    )

    def per(veld: str) -> dict[str, int]:
        return {
            rij[veld]: rij["aantal"]
            for rij in contacten.order_by().values(veld).annotate(aantal=Count("pk"))
        }

    kerngetallen = contacten.aggregate(
        totaal=Count("pk"), anoniem=Count("pk", filter=Q(leerling__isnull=True))
    )
    themas = {
        rij["thema"]: rij["aantal"]
        for rij in Contactthema.objects.filter(contact__in=contacten)
        .order_by()
        .values("thema")
        .annotate(aantal=Count("contact_id"))
    }
    per_kwartaal_rijen: dict[str, int] = {}
    for rij in (
        contacten.order_by()
        .annotate(jaar=ExtractYear("datum"), maand=ExtractMonth("datum"))
        .values("jaar", "maand")
        .annotate(aantal=Count("pk"))
    ):
        sleutel = kwartaal(date(rij["jaar"], rij["maand"], 1))
        per_kwartaal_rijen[sleutel] = per_kwartaal_rijen.get(sleutel, 0) + rij["aantal"]
    met_signaal = contacten.exclude(signaal="")
    signalen = [
        Signaal(
            datum=c.datum,
            kwartaal=f"{c.datum.year} K{(c.datum.month - 1) // 3 + 1}",
            themas=tuple(str(Thema(t.thema).label) for t in c.themas.all()),
            tekst=c.signaal,
        )
        for c in met_signaal.prefetch_related("themas")
        .only("datum", "signaal")
        .order_by("-datum", "-id")[:SIGNALEN_MAX]
    ]
    return Signalenrapport(
        samenwerkingsverband=samenwerkingsverband,
        van=van,
        tot=tot,
        totaal=kerngetallen["totaal"],
        anoniem=kerngetallen["anoniem"],
        per_thema=_tellingen(Thema.choices, themas),
        per_kanaal=_tellingen(Kanaal.choices, per("kanaal")),
        per_wie=_tellingen(Wie.choices, per("wie")),
        per_doorverwijzing=_tellingen(Doorverwijzing.choices, per("doorverwijzing")),
        per_kwartaal=[
            Telling(label=k, aantal=per_kwartaal_rijen.get(k, 0)) for k in kwartalen(van, tot)
        ],
        signalen=signalen,
        signalen_totaal=met_signaal.count(),
    )
