"""The default disagreement route (DOMAIN.md §2.6: seen in practice; measure 10 promises an
official one). Stored as data (``Routestap`` without an SWV) by migration 0002, so an
installation or an SWV can change it without a release. Texts are plain language (B1)."""

from typing import Any

from passend.geschillen.rules import Stapsoort

STANDAARDROUTE: tuple[dict[str, str], ...] = (
    {
        "code": "gesprek-school",
        "soort": Stapsoort.GESPREK_SCHOOL,
        "naam": "Praat met de school",
        "uitleg": (
            "Maak een afspraak met de leraar, de intern begeleider of de directeur. Zeg wat u "
            "zorgen maakt en wat u wilt. Vraag of de school opschrijft wat u samen afspreekt."
        ),
        "wie": "De leraar, de intern begeleider of de directeur van de school",
        "termijn": "",
    },
    {
        "code": "schoolbestuur",
        "soort": Stapsoort.SCHOOLBESTUUR,
        "naam": "Praat met het schoolbestuur",
        "uitleg": (
            "Komt u er met de school niet uit? Neem dan contact op met het bestuur van de "
            "school. Het bestuur is verantwoordelijk voor de school en beslist over toelaten."
        ),
        "wie": "Het bestuur van de school",
        "termijn": "",
    },
    {
        "code": "swv-overleg",
        "soort": Stapsoort.SWV_OVERLEG,
        "naam": "Overleg met het samenwerkingsverband",
        "uitleg": (
            "Het samenwerkingsverband kan een gesprek organiseren met u, de school en anderen "
            "die helpen, zoals jeugdhulp. Samen zoeken jullie een oplossing."
        ),
        "wie": "Het loket van het samenwerkingsverband",
        "termijn": "",
    },
    {
        "code": "steunpunt-consulent",
        "soort": Stapsoort.STEUNPUNT,
        "naam": "Vraag het steunpunt of een onderwijsconsulent",
        "uitleg": (
            "Het ouder- en jeugdsteunpunt is onafhankelijk. Het geeft u informatie en steunt "
            "u. Een onderwijsconsulent is ook onafhankelijk en helpt u en de school om samen "
            "een oplossing te vinden, ook als uw kind langer dan 4 weken thuis zit."
        ),
        "wie": "Het ouder- en jeugdsteunpunt of de onderwijsconsulenten",
        "termijn": "",
    },
    {
        "code": "geschillencommissie",
        "soort": Stapsoort.GESCHILLENCOMMISSIE,
        "naam": "Leg het voor aan de geschillencommissie",
        "uitleg": (
            "Gaat het over toelaten, van school sturen of het OPP? Dan kunt u naar de "
            "Geschillencommissie Passend Onderwijs (GPO). Gaat het over een TLV? Maak dan "
            "bezwaar bij het samenwerkingsverband; dat vraagt advies aan de Landelijke "
            "Bezwaaradviescommissie TLV (LBT)."
        ),
        "wie": "De GPO, of bij een TLV het samenwerkingsverband en de LBT",
        "termijn": (
            "Dien uw verzoek in binnen 6 weken na het besluit. Het bestuur reageert binnen 2 "
            "weken. De commissie geeft binnen 10 weken haar oordeel. De vakanties tellen mee."
        ),
    },
    {
        "code": "rechter",
        "soort": Stapsoort.RECHTER,
        "naam": "Ga naar de rechter",
        "uitleg": (
            "Bent u het ook daarna niet eens? Dan kunt u naar de rechter. Een advocaat of het "
            "Juridisch Loket kan u helpen."
        ),
        "wie": "De rechter",
        "termijn": "",
    },
)


def standaardroute_laden(routestap_model: Any) -> None:
    """Store the default route (idempotent: existing codes are left as they are)."""
    for volgorde, stap in enumerate(STANDAARDROUTE, start=1):
        routestap_model.objects.get_or_create(
            samenwerkingsverband=None,
            code=stap["code"],
            defaults={**stap, "volgorde": volgorde},
        )
