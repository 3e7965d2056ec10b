"""The soort of a location, from DUO's values (SOORT PRIMAIR ONDERWIJS, ONDERWIJSSTRUCTUUR)
and the GeoJSON's ``type``."""

import re

from passend.organisaties.rules import Soort


def _sleutel(waarde: str) -> str:
    """'  (v) so ' -> '(V)SO'; 'so / vso' -> 'SO/VSO': upper case, no spaces around / ( )."""
    waarde = re.sub(r"\s+", " ", waarde.strip().upper())
    return re.sub(r"\s*([/()\-])\s*", r"\1", waarde)


#: Values of DUO's column SOORT PRIMAIR ONDERWIJS (list "alle vestigingen sbo, so en vso"):
#: DUO writes SBAO, SO, VSO and (V)SO; the other spellings are accepted as well.
SOORT_PRIMAIR_ONDERWIJS: dict[str, str] = {
    **dict.fromkeys(("BAO", "BASISONDERWIJS", "BASISSCHOOL"), Soort.BAO),
    **dict.fromkeys(("SBAO", "SBO", "SPECIAAL BASISONDERWIJS"), Soort.SBO),
    **dict.fromkeys(("SO", "SPECIAAL ONDERWIJS"), Soort.SO),
    **dict.fromkeys(("VSO", "SVO", "VOORTGEZET SPECIAAL ONDERWIJS"), Soort.VSO),
    **dict.fromkeys(
        ("(V)SO", "V(SO)", "SO/VSO", "SO-VSO", "SO_VSO", "SO EN VSO", "SO,VSO", "SO, VSO"),
        Soort.SO_VSO,
    ),
    "(VOORTGEZET) SPECIAAL ONDERWIJS": Soort.SO_VSO,
}

#: The parts of DUO's ONDERWIJSSTRUCTUUR (VO), joined by '/': e.g. VBO/MAVO/HAVO/VWO.
VO_ONDERDELEN = frozenset({"VBO", "VMBO", "MAVO", "HAVO", "VWO", "PRO", "BRUGJAAR", "LWOO"})


def soort_primair_onderwijs(waarde: str) -> str | None:
    """DUO's SOORT PRIMAIR ONDERWIJS ('SBAO', '(V)SO', ...) -> soort; None when unknown."""
    return SOORT_PRIMAIR_ONDERWIJS.get(_sleutel(waarde))


def soort_van_onderwijsstructuur(waarde: str) -> tuple[str, str] | None:
    """DUO's ONDERWIJSSTRUCTUUR -> (soort, onderwijsstructuur); None when unknown.

    'PRO' alone is praktijkonderwijs; every other structure ('VBO/MAVO', 'BRUGJAAR',
    'VBO/MAVO/PRO') is voortgezet onderwijs and keeps its structure.
    """
    structuur = _sleutel(waarde)
    if structuur == "PRO":
        return Soort.PRO, ""
    onderdelen = structuur.split("/")
    if not structuur or not all(deel in VO_ONDERDELEN for deel in onderdelen):
        return None
    return Soort.VO, structuur


def soort_van_type(waarde: str) -> tuple[str, str] | None:
    """The GeoJSON's ``type`` -> (soort, onderwijsstructuur); None when unknown.

    basisschool -> bao, SBAO -> sbo, SO -> so, VSO -> vso, (V)SO -> so_vso, PRO -> pro,
    VO structures (VBO/MAVO, HAVO/VWO, BRUGJAAR, ...) -> vo with the structure kept.
    """
    soort = soort_primair_onderwijs(waarde)
    if soort is not None:
        return soort, ""
    return soort_van_onderwijsstructuur(waarde)
