"""The support section of the schoolgids, written from a location's offer in plain Dutch
(B1). Pure: plain data in, plain text out; no ORM, no dates, no settings.

The text uses three simple marks that any schoolgids editor understands and that the
pages and the PDF show as headings and bullets: a line starting with ``## `` or ``### ``
is a heading, a line starting with ``- `` is a bullet, an empty line separates paragraphs
(``blokken`` reads them back). A ``\\`` before such a mark keeps the line plain text: the
texts the school typed into its offer are written that way (``letterlijk``), so a line of
theirs that happens to start with ``- `` or ``## `` never becomes a bullet or a heading.
"""

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Gebiedstekst:
    """What the offer says about one area (only areas the school described)."""

    naam: str
    landelijke_norm: bool
    basisondersteuning: str = ""
    extra_ondersteuning: str = ""
    expertise: str = ""
    #: The facilities' labels, as parents read them.
    faciliteiten: tuple[str, ...] = ()
    capaciteit: int | None = None


@dataclass(frozen=True)
class Schoolgidsgegevens:
    school: str
    #: The kind of school, as a label ("Basisonderwijs").
    soort: str
    schooljaar: str
    toelichting: str
    contact: str
    gebieden: tuple[Gebiedstekst, ...]
    #: The names of the location's samenwerkingsverbanden (a (v)so location can have two).
    samenwerkingsverbanden: tuple[str, ...]
    #: Where parents find the public guide (an address).
    gids_adres: str


#: The marks ``blokken`` reads as a heading or a bullet at the start of a line.
MARKERINGEN = ("### ", "## ", "- ", "* ")
#: Marks a line as plain text when it starts with it, before a mark (or before another).
LETTERLIJK = "\\"


def _is_letterlijk_nodig(regel: str) -> bool:
    """Would ``blokken`` read this line (without its leading spaces) as a mark, or drop a
    backslash from it? Then a ``\\`` goes before it."""
    while regel.startswith(LETTERLIJK):
        regel = regel[len(LETTERLIJK) :]
    return regel.startswith(MARKERINGEN)


def letterlijk(regel: str) -> str:
    """A line typed by the school, made safe: it shows as it was typed, never as a heading
    or a bullet (``blokken`` removes the ``\\`` again)."""
    kaal = regel.lstrip()
    return LETTERLIJK + kaal if _is_letterlijk_nodig(kaal) else regel


def _alinea(tekst: str) -> list[str]:
    """A text typed by the school, trimmed, as lines (empty lines kept between paragraphs),
    every line plain text."""
    return [letterlijk(regel.rstrip()) for regel in tekst.strip().splitlines()]


def _plaatsen(aantal: int) -> str:
    if aantal == 0:
        return "Er zijn geen plaatsen voor kinderen die dit nodig hebben."
    if aantal == 1:
        return "Er is 1 plaats voor kinderen die dit nodig hebben."
    return f"Er zijn {aantal} plaatsen voor kinderen die dit nodig hebben."


def _gebied(gebied: Gebiedstekst) -> list[str]:
    kop = gebied.naam + (" (landelijke norm)" if gebied.landelijke_norm else "")
    regels = ["", f"### {kop}"]
    delen = (
        ("Wat elk kind krijgt:", gebied.basisondersteuning),
        (
            "Wat wij extra kunnen bieden, samen met het samenwerkingsverband:",
            gebied.extra_ondersteuning,
        ),
        ("Deze deskundigen helpen op school:", gebied.expertise),
    )
    for inleiding, tekst in delen:
        if tekst.strip():
            regels += ["", inleiding, *_alinea(tekst)]
    if gebied.faciliteiten:
        regels += ["", "Wat er op school is:", *(f"- {label}" for label in gebied.faciliteiten)]
    if gebied.capaciteit is not None:
        regels += ["", _plaatsen(gebied.capaciteit)]
    return regels


def _opsomming(namen: list[str]) -> str:
    """'A', 'A en B', 'A, B en C'."""
    if len(namen) <= 1:
        return "".join(namen)
    return ", ".join(namen[:-1]) + " en " + namen[-1]


def schoolgidstekst(gegevens: Schoolgidsgegevens) -> str:
    """The support section of the schoolgids for one location and school year."""
    namen = [naam.strip() for naam in gegevens.samenwerkingsverbanden if naam.strip()]
    if len(namen) > 1:
        samen_met = f"onze samenwerkingsverbanden: {_opsomming(namen)}"
    elif namen:
        samen_met = f"ons samenwerkingsverband: {namen[0]}"
    else:
        samen_met = "het samenwerkingsverband"
    swv = _opsomming(namen) or "het samenwerkingsverband"
    regels = [
        f"## Ondersteuning op {gegevens.school}",
        "",
        f"Schooljaar {gegevens.schooljaar}. {gegevens.school} is een school voor "
        f"{gegevens.soort.lower()}.",
    ]
    if gegevens.toelichting.strip():
        regels += ["", *_alinea(gegevens.toelichting)]
    regels += [
        "",
        "Elk kind krijgt op onze school basisondersteuning. Dat is de hulp die wij aan alle "
        "kinderen geven. Heeft uw kind meer nodig? Dan zoeken wij samen met u naar extra "
        f"ondersteuning. Dat doen wij samen met {samen_met}.",
    ]
    if any(gebied.landelijke_norm for gebied in gegevens.gebieden):
        regels += [
            "",
            "Staat er (landelijke norm) achter een onderwerp? Dan gaat het om "
            "basisondersteuning die straks elke school in Nederland moet bieden.",
        ]
    if gegevens.gebieden:
        for gebied in gegevens.gebieden:
            regels += _gebied(gebied)
    else:
        regels += ["", "Wij beschrijven onze ondersteuning per onderwerp nog."]
    regels += ["", "### Vragen?", ""]
    if gegevens.contact.strip():
        regels += ["Heeft u vragen over ondersteuning? Neem dan contact op met:"]
        regels += _alinea(gegevens.contact)
    else:
        regels += ["Heeft u vragen over ondersteuning? Neem contact op met de school."]
    regels += [
        "",
        "Wilt u het aanbod van scholen in de regio bekijken en vergelijken, of zoekt u hulp "
        f"buiten school, zoals jeugdhulp? Kijk dan in de gids van {swv}: {gegevens.gids_adres}",
    ]
    return "\n".join(regels) + "\n"


#: Room the text takes besides what the school typed: the title, the fixed sentences, the
#: names of the school (at most 200 characters) and of its samenwerkingsverbanden (two of
#: at most 200), and the address of the guide.
VASTE_RUIMTE = 6000
#: Room per area besides its three texts: its heading (a name of at most 100 characters),
#: the lead-ins, every facility as a bullet and the number of places.
RUIMTE_PER_GEBIED = 1500


def maximale_lengte(*, aantal_gebieden: int, tekstlengte: int, contactlengte: int) -> int:
    """The longest text ``schoolgidstekst`` writes from an offer of ``aantal_gebieden``
    areas whose every text is at most ``tekstlengte`` long (the contact ``contactlengte``):
    a hand edit may be at least this long, so a text Passend wrote can always be saved.
    A typed text grows by at most a quarter plus one: one ``\\`` per line, and the
    shortest line that needs one ("- x") takes four characters with its line end."""

    def geschreven(lengte: int) -> int:
        return lengte + lengte // 4 + 1

    return (
        VASTE_RUIMTE
        + geschreven(tekstlengte)
        + geschreven(contactlengte)
        + aantal_gebieden * (3 * geschreven(tekstlengte) + RUIMTE_PER_GEBIED)
    )


# --- Reading the text back: headings, bullets and paragraphs -------------------------------

Soort = Literal["kop", "subkop", "lijst", "alinea"]


@dataclass(frozen=True)
class Blok:
    soort: Soort
    #: A heading's text, a list's items, or a paragraph's lines.
    regels: tuple[str, ...]


def blokken(tekst: str) -> list[Blok]:
    """The text as headings, bullet lists and paragraphs (for a page or a PDF; the caller
    escapes the text). A level is never skipped: a ``###`` heading before any ``##`` one
    is read as a ``##`` heading (the level right below the page's own heading). A line
    that starts with ``\\`` before a mark is plain text, without that ``\\``."""
    resultaat: list[Blok] = []
    lopend: list[str] = []
    lopend_soort: Soort | None = None
    kop_gezien = False

    def afsluiten() -> None:
        nonlocal lopend, lopend_soort
        if lopend_soort is not None and lopend:
            resultaat.append(Blok(lopend_soort, tuple(lopend)))
        lopend, lopend_soort = [], None

    for ruw in tekst.splitlines():
        regel = ruw.strip()
        if regel.startswith(LETTERLIJK) and _is_letterlijk_nodig(regel[len(LETTERLIJK) :]):
            if lopend_soort != "alinea":
                afsluiten()
                lopend_soort = "alinea"
            lopend.append(regel[len(LETTERLIJK) :])
        elif not regel:
            afsluiten()
        elif regel.startswith("### "):
            afsluiten()
            resultaat.append(Blok("subkop" if kop_gezien else "kop", (regel[4:].strip(),)))
            kop_gezien = True
        elif regel.startswith("## "):
            afsluiten()
            resultaat.append(Blok("kop", (regel[3:].strip(),)))
            kop_gezien = True
        elif regel.startswith(("- ", "* ")):
            if lopend_soort != "lijst":
                afsluiten()
                lopend_soort = "lijst"
            lopend.append(regel[2:].strip())
        else:
            if lopend_soort != "alinea":
                afsluiten()
                lopend_soort = "alinea"
            lopend.append(regel)
    afsluiten()
    return resultaat
