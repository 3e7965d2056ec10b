"""The standard items of the doelstellingenmonitor, per respondent group and goal.

A new wave copies the items of each group into its ``Vraag`` rows (a snapshot); items keep
their ``code`` across waves, so results are compared by code. Pupils get child-friendly
(B1) words. The texts follow the themes of the ministry's monitor (DOMAIN.md §2.9; the
third progress report, ../shared/seeds/).
"""

from dataclasses import dataclass

from passend.doelstellingen.rules import Doelstelling, Respondentgroep, Schaal

D = Doelstelling
G = Respondentgroep


@dataclass(frozen=True)
class Standaardvraag:
    code: str
    doelstelling: int
    respondentgroep: str
    tekst: str
    schaal: str = Schaal.EENS_ONEENS


STANDAARDVRAGEN: tuple[Standaardvraag, ...] = (
    Standaardvraag(
        "LL.D2.gehoord",
        D.LEERLING_GEHOORD,
        G.LEERLING,
        "Op school vragen ze wat ik nodig heb om goed te leren.",
    ),
    Standaardvraag(
        "OU.D4.gehoord",
        D.OUDER_PARTNER,
        G.OUDER,
        "De school neemt mijn inbreng over de ondersteuning van mijn kind serieus.",
    ),
    Standaardvraag(
        "LR.D3.ondersteund",
        D.LERAAR_TOEGERUST,
        G.LERAAR,
        "Ik krijg genoeg ondersteuning bij het lesgeven aan leerlingen die extra hulp nodig hebben.",
    ),
)


def vragen_voor(respondentgroep: str) -> list[Standaardvraag]:
    """The standard items of one group, in the order of the goals."""
    return sorted(
        (v for v in STANDAARDVRAGEN if v.respondentgroep == respondentgroep),
        key=lambda v: v.doelstelling,
    )
