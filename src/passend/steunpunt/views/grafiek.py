"""The charts of the signals report: server-side SVG bars (``core.grafiek``), each with
the same figures as a table on the page."""

from typing import Any

from passend.core.grafiek import Staaf, staafgrafiek
from passend.steunpunt.selectors.signalen import Signalenrapport, Telling


def _grafiek(tellingen: list[Telling], totaal: int, titel: str, sleutel: str) -> Any:
    return staafgrafiek(
        staven=[Staaf(naam=t.label, waarden=(t.aantal,)) for t in tellingen],
        reeksnamen=["Contacten"],
        maximum=totaal,
        titel=titel,
        omschrijving=f"{titel}: "
        + ", ".join(f"{t.label} {t.aantal} van {totaal}" for t in tellingen)
        + ". De tabel eronder toont dezelfde cijfers.",
        sleutel=sleutel,
    )


def grafieken(rapport: Signalenrapport) -> dict[str, Any]:
    if rapport.totaal == 0:
        return {}
    return {
        "thema": _grafiek(
            rapport.per_thema, rapport.totaal, "Contacten per thema", "grafiek-thema"
        ),
        "kwartaal": _grafiek(
            rapport.per_kwartaal, rapport.totaal, "Contacten per kwartaal", "grafiek-kwartaal"
        ),
    }
