"""Checks of one row's values, shared by the CSV and the GeoJSON reader."""

from typing import Any

from passend.organisaties.importeren.resultaat import MAXIMALE_LENGTE, Importfout
from passend.organisaties.rules import BRIN, VESTIGINGSCODE, normaliseer_postcode


class _Rij:
    """Collects one row's values and its errors."""

    def __init__(self, rij: int, fouten: list[Importfout]) -> None:
        self.rij = rij
        self.fouten = fouten
        self.goed = True

    def fout(self, kolom: str, waarde: object, melding: str) -> None:
        self.goed = False
        self.fouten.append(
            Importfout(self.rij, kolom, "" if waarde is None else str(waarde), melding)
        )


def _lengtes_controleren(regel: _Rij, waarden: dict[str, Any], kolommen: dict[str, str]) -> None:
    for veld, maximum in MAXIMALE_LENGTE.items():
        waarde = waarden.get(veld)
        if isinstance(waarde, str) and len(waarde) > maximum:
            regel.fout(kolommen.get(veld, veld), waarde, f"Te lang: hoogstens {maximum} tekens.")


def _code_controleren(
    regel: _Rij, kolom: str, waarde: str, brin: str, brinkolom: str
) -> str | None:
    """A full 6-character vestigingscode, or None (error noted). '3' or '03' gets the BRIN."""
    code = waarde.strip().upper()
    if not code:
        regel.fout(kolom, waarde, "De vestigingscode ontbreekt.")
        return None
    if code.isdigit() and len(code) <= 2 and BRIN.match(brin):
        code = brin + code.zfill(2)
    if not VESTIGINGSCODE.match(code):
        regel.fout(
            kolom, waarde, "Een vestigingscode is het BRIN-nummer plus 2 cijfers, zoals 12AB00."
        )
        return None
    if brin and code[:4] != brin:
        regel.fout(brinkolom, brin, f"De vestigingscode {code} begint niet met dit BRIN-nummer.")
        return None
    return code


def _brin_controleren(regel: _Rij, kolom: str, waarde: str) -> str:
    brin = waarde.strip().upper()
    if brin and not BRIN.match(brin):
        regel.fout(kolom, waarde, "Een BRIN-nummer is 2 cijfers en 2 letters, zoals 12AB.")
    return brin


def _postcode_controleren(regel: _Rij, kolom: str, waarde: str) -> str | None:
    if not waarde.strip():
        regel.fout(kolom, waarde, "De postcode ontbreekt.")
        return None
    postcode = normaliseer_postcode(waarde)
    if postcode is None:
        regel.fout(
            kolom, waarde, "Dit is geen postcode. Gebruik 4 cijfers en 2 letters, zoals 5831 CR."
        )
    return postcode
