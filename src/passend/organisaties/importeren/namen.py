"""Readable place and municipality names from DUO's capitals."""

import re

#: Municipality names DUO abbreviates or writes without diacritics.
BIJZONDERE_NAMEN = {
    **dict.fromkeys(("BERGEN NH", "BERGEN (NH)", "BERGEN (NH.)"), "Bergen (NH.)"),
    **dict.fromkeys(("BERGEN LB", "BERGEN L", "BERGEN (L)", "BERGEN (L.)"), "Bergen (L.)"),
    **dict.fromkeys(
        (
            "NUENEN CA",
            "NUENEN C A",
            "NUENEN GERWEN EN NEDERWETTEN",
            "NUENEN, GERWEN EN NEDERWETTEN",
        ),
        "Nuenen, Gerwen en Nederwetten",
    ),
    **dict.fromkeys(("SUDWEST-FRYSLAN", "SÚDWEST-FRYSLÂN"), "Súdwest-Fryslân"),
    **dict.fromkeys(("NOARDEAST-FRYSLAN", "NOARDEAST-FRYSLÂN"), "Noardeast-Fryslân"),
}
KLEINE_WOORDEN = frozenset(
    {"aan", "bij", "de", "den", "der", "en", "het", "in", "op", "onder", "over", "te", "ter", "van"}
)


def _woord(woord: str, eerste: bool) -> str:
    laag = woord.lower()
    if laag in KLEINE_WOORDEN and not eerste:
        return laag
    if laag.startswith("ij"):
        return "IJ" + laag[2:]
    return laag[:1].upper() + laag[1:]


def leesbare_naam(naam: str) -> str:
    """'S GRAVENHAGE' -> "'s-Gravenhage", 'CAPELLE AAN DEN IJSSEL' -> 'Capelle aan den IJssel'.

    DUO writes place and municipality names in capitals; names that are not all capitals
    are kept as they are. The same input always gives the same output, so a re-import finds
    the same municipality again.
    """
    naam = re.sub(r"\s+", " ", naam.strip())
    if not naam or naam != naam.upper():
        return naam
    if naam in BIJZONDERE_NAMEN:
        return BIJZONDERE_NAMEN[naam]
    voorvoegsel = ""
    match = re.match(r"^'?([ST])([ -])(.+)$", naam)
    if match and (naam.startswith("'") or match.group(1) == "S"):
        # 's-Gravenhage, 's Gravenmoer, 't Harde: DUO drops the apostrophe ("S GRAVENHAGE").
        teken = "-" if match.group(1) == "S" and not naam.startswith("'") else match.group(2)
        voorvoegsel = f"'{match.group(1).lower()}{teken}"
        naam = match.group(3)
    woorden = []
    for i, woord in enumerate(naam.split(" ")):
        delen = woord.split("-")
        woorden.append(
            "-".join(_woord(deel, eerste=(i == 0 or j > 0)) for j, deel in enumerate(delen))
        )
    resultaat = " ".join(woorden)
    if voorvoegsel:
        resultaat = resultaat[:1].upper() + resultaat[1:]
    return voorvoegsel + resultaat
