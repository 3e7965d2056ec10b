"""Dutch names: splitting off the tussenvoegsel, readable log-in names, name lists."""

import re
import unicodedata


def splits_achternaam(naam: str) -> tuple[str, str]:
    """'van der Ploeg' -> ('van der', 'Ploeg'); 'Goyaerts van Waderle' stays whole."""
    woorden = naam.split()
    i = 0
    while i < len(woorden) - 1 and (woorden[i][:1].islower() or woorden[i].startswith("'")):
        i += 1
    return " ".join(woorden[:i]), " ".join(woorden[i:])


def slug(tekst: str) -> str:
    """'Van der Ploeg' -> 'vanderploeg'; 'Mozaïek' -> 'mozaiek'."""
    ascii_tekst = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_tekst.lower())


def namenlijst(tekst: str) -> tuple[str, ...]:
    """'Kerkstraat, Dorpsstraat, ...' -> a tuple of names (for long catalogues)."""
    return tuple(naam.strip() for naam in tekst.split(",") if naam.strip())
