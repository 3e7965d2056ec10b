"""The sociale kaart of the two demo SWVs, written by their loket through
``services.sociale_kaart``: an ouder- en jeugdsteunpunt, jeugdhulp, a wijkteam per
municipality of the werkgebied, logopedie and fysiotherapie, the SWV's expertise centre and
leerplicht.

Every organisation is invented, like the region. Websites and e-mail addresses are under
``example.nl``; telephone numbers use the 0345 area code with a subscriber number that
starts with 0, which the Dutch numbering plan never hands out, so no real line is reached.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypedDict

from passend.aanbod.models import Ondersteuningsgebied, Voorziening
from passend.aanbod.models import Voorzieningsoort as S
from passend.aanbod.services.sociale_kaart import Voorzieningsinvoer, voorziening_toevoegen
from passend.demo.bouwer.aanbod.actoren import Demoactoren
from passend.demo.bouwer.namen import slug
from passend.demo.bouwer.regio import SWV_PO, SWV_VO
from passend.organisaties.models import Samenwerkingsverband

WERKDAGEN = "Maandag tot en met vrijdag van 8.30 tot 17.00 uur"


@dataclass(frozen=True)
class Kaartregel:
    soort: str
    naam: str
    wat: str
    voor_wie: str
    telefoon: str = ""
    email: str = ""
    website: str = ""
    adres: str = ""
    openingstijden: str = ""
    gebieden: tuple[str, ...] = ()
    #: Only for the municipality with this code (a wijkteam); empty: the whole werkgebied.
    gemeente: str = ""


class Web(TypedDict):
    email: str
    website: str


def _web(naam: str) -> Web:
    """An invented organisation's e-mail address and website, under example.nl."""
    return {"email": f"info@{naam}.example.nl", "website": f"https://www.{naam}.example.nl"}


#: The wijkteam of each demo municipality (by gemeentecode); another municipality in a
#: werkgebied gets a plain "Wijkteam <naam>".
WIJKTEAMS: dict[str, tuple[str, str, str]] = {
    "9901": ("Wijkteam Lingebroek", "Kerkstraat 2, 4141 AB Lingebroek", "0345 099 301"),
    "9902": ("Sociaal Team Waaldijk", "Marktplein 5, 4161 BE Waaldijk", "0345 099 302"),
    "9903": (
        "Centrum voor Jeugd en Gezin Oosterlinge",
        "Dorpsstraat 41, 4171 CG Oosterlinge",
        "0345 099 303",
    ),
}


def _wijkteam(code: str, gemeentenaam: str, *, jongeren: bool) -> Kaartregel:
    naam, adres, telefoon = WIJKTEAMS.get(code, (f"Wijkteam {gemeentenaam}", "", "0345 099 399"))
    return Kaartregel(
        S.WIJKTEAM,
        naam,
        "Eén plek voor vragen over opvoeden, opgroeien, geld, wonen en zorg. Het wijkteam "
        "kijkt samen met u wat nodig is en regelt jeugdhulp als dat moet."
        + (" Ook jongerenwerkers zijn er te vinden." if jongeren else ""),
        f"Alle inwoners van de gemeente {gemeentenaam}, ook kinderen en jongeren.",
        telefoon=telefoon,
        adres=adres,
        openingstijden=WERKDAGEN,
        gemeente=code,
        **_web(slug(naam)),
    )


LOGOPEDIE = Kaartregel(
    S.ZORG,
    "Logopediepraktijk Hoogwaarde",
    "Logopedie bij problemen met praten, taal, stem, slikken en stotteren. Behandeling in de "
    "praktijk of op school.",
    "Kinderen en jongeren. De zorgverzekering betaalt; een verwijzing is niet nodig.",
    telefoon="0345 099 401",
    adres="Vermeerstraat 8, 4147 AK Hoogwaarde",
    openingstijden="Maandag tot en met vrijdag, op afspraak",
    gebieden=("taal-spraak",),
    **_web("logopedie-hoogwaarde"),
)

PO: tuple[Kaartregel, ...] = (
    Kaartregel(
        S.STEUNPUNT,
        "Ouder- en Jeugdsteunpunt Lingebroek",
        "Gratis en onafhankelijk advies over passend onderwijs. Wij luisteren naar uw vraag, "
        "leggen uit hoe het werkt en gaan als u wilt mee naar een gesprek op school.",
        "Ouders en verzorgers van kinderen in het basisonderwijs en het speciaal "
        "(basis)onderwijs, en de kinderen zelf.",
        telefoon="0345 099 100",
        adres="Stationsweg 12, 4141 CK Lingebroek",
        openingstijden="Maandag tot en met donderdag van 9.00 tot 16.30 uur; woensdagavond "
        "van 19.00 tot 21.00 uur alleen telefonisch",
        **_web("ojs-lingebroek"),
    ),
    Kaartregel(
        S.JEUGDHULP,
        "Jeugdhulpteam Linge en Waal",
        "Hulp bij opvoeden en opgroeien: gesprekken met ouders en kind, begeleiding thuis en "
        "op school, en trainingen voor kinderen.",
        "Kinderen van 0 tot 18 jaar en hun ouders. U kunt zelf bellen voor een eerste gesprek.",
        telefoon="0345 099 110",
        openingstijden=WERKDAGEN,
        gebieden=("gedrag-sociaal-emotioneel", "maatwerk-thuiszitters"),
        **_web("jeugdhulp-lingeenwaal"),
    ),
    Kaartregel(
        S.JEUGDHULP,
        "Kinderpraktijk De Wilgenhof",
        "Onderzoek en behandeling bij angst, somberheid, ADHD en autisme, door psychologen en "
        "orthopedagogen.",
        "Kinderen van 4 tot 13 jaar, met een verwijzing van de huisarts, de jeugdarts of het "
        "wijkteam.",
        telefoon="0345 099 111",
        adres="Lindelaan 30, 4162 EN Waaldijk",
        gebieden=("gedrag-sociaal-emotioneel", "leergedrag"),
        **_web("kinderpraktijk-dewilgenhof"),
    ),
    LOGOPEDIE,
    Kaartregel(
        S.ZORG,
        "Kinderfysiotherapie Asperdijk",
        "Hulp bij bewegen, schrijven, evenwicht en houding. De therapeut komt ook op school.",
        "Kinderen van 0 tot 18 jaar. De zorgverzekering betaalt.",
        telefoon="0345 099 402",
        adres="Sportlaan 3, 4145 RT Asperdijk",
        gebieden=("motoriek-fysiek",),
        **_web("kinderfysio-asperdijk"),
    ),
    Kaartregel(
        S.ZORG,
        "Dyslexiezorg De Letterboom",
        "Onderzoek en behandeling bij ernstige dyslexie. De gemeente betaalt als de school "
        "heeft laten zien dat extra hulp niet genoeg was.",
        "Kinderen van 7 tot 13 jaar, aangemeld door de school.",
        telefoon="0345 099 403",
        gebieden=("lezen-spellen-dyslexie",),
        **_web("letterboom"),
    ),
    Kaartregel(
        S.ONDERWIJS,
        "Expertisecentrum Onderwijs Lingebroek",
        "Ambulant begeleiders en orthopedagogen van het samenwerkingsverband. Zij kijken mee "
        "in de klas, geven advies en begeleiden leerlingen die meer nodig hebben.",
        "Scholen in het samenwerkingsverband. Ouders vragen hulp via de school.",
        telefoon="0345 099 500",
        adres="Stationsweg 12, 4141 CK Lingebroek",
        openingstijden=WERKDAGEN,
        **_web("expertise-passendprimair-lingebroek"),
    ),
    Kaartregel(
        S.GEMEENTE,
        "Leerplicht Lingebroek, Waaldijk en Oosterlinge",
        "De leerplichtambtenaar let erop dat elk kind naar school gaat, en zoekt samen met u "
        "en de school naar een oplossing als dat niet lukt. Ook voor verlof en vrijstelling.",
        "Ouders, scholen en kinderen van 5 tot 18 jaar in de drie gemeenten.",
        telefoon="0345 099 600",
        adres="Postbus 9901, 4140 AA Lingebroek",
        openingstijden=WERKDAGEN,
        gebieden=("maatwerk-thuiszitters",),
        **_web("leerplicht-lingebroek"),
    ),
)

VO: tuple[Kaartregel, ...] = (
    Kaartregel(
        S.STEUNPUNT,
        "Ouder- en Jongerensteunpunt VO Lingebroek",
        "Gratis en onafhankelijk advies over passend onderwijs in het voortgezet onderwijs. "
        "Wij denken mee, leggen uit wat de regels zijn en gaan mee naar school als u dat wilt.",
        "Ouders en verzorgers van leerlingen in het voortgezet (speciaal) onderwijs en het "
        "praktijkonderwijs, en de jongeren zelf.",
        telefoon="0345 099 200",
        adres="Havenstraat 7, 4161 GH Waaldijk",
        openingstijden="Maandag, dinsdag en donderdag van 9.00 tot 17.00 uur; vrijdag van "
        "9.00 tot 12.00 uur",
        **_web("ojs-vo-lingebroek"),
    ),
    Kaartregel(
        S.JEUGDHULP,
        "Jongerenhulp Linge en Waal",
        "Begeleiding voor jongeren en hun ouders bij problemen thuis, op school of met "
        "vrienden. Ook trainingen om sterker in je schoenen te staan.",
        "Jongeren van 12 tot 23 jaar en hun ouders. Bellen of mailen kan zonder verwijzing.",
        telefoon="0345 099 210",
        openingstijden=WERKDAGEN,
        gebieden=("gedrag-sociaal-emotioneel", "maatwerk-thuiszitters"),
        **_web("jongerenhulp-lingeenwaal"),
    ),
    Kaartregel(
        S.JEUGDHULP,
        "Jeugd-GGZ Lingebroek",
        "Behandeling bij angst, somberheid, eetproblemen, ADHD en autisme.",
        "Jongeren tot 18 jaar, met een verwijzing van de huisarts, de jeugdarts of het wijkteam.",
        telefoon="0345 099 211",
        adres="Rembrandtlaan 14, 4142 LM Lingebroek",
        gebieden=("gedrag-sociaal-emotioneel",),
        **_web("jeugdggz-lingebroek"),
    ),
    LOGOPEDIE,
    Kaartregel(
        S.ZORG,
        "Fysiotherapie Meerdijk",
        "Fysiotherapie en ergotherapie, ook voor jongeren met een lichamelijke beperking: "
        "oefenen, hulpmiddelen en advies aan de school.",
        "Jongeren van 12 tot 18 jaar. De zorgverzekering betaalt.",
        telefoon="0345 099 404",
        adres="Polderweg 21, 4175 BP Meerdijk",
        gebieden=("motoriek-fysiek",),
        **_web("fysio-meerdijk"),
    ),
    Kaartregel(
        S.ONDERWIJS,
        "Expertisecentrum VO Lingebroek",
        "Ambulant begeleiders, de reboundvoorziening en onderwijs-zorgarrangementen van het "
        "samenwerkingsverband, voor leerlingen die (even) meer nodig hebben dan hun school "
        "kan bieden.",
        "Scholen in het samenwerkingsverband. Ouders en leerlingen vragen hulp via de "
        "zorgcoördinator van de school.",
        telefoon="0345 099 510",
        adres="Havenstraat 7, 4161 GH Waaldijk",
        openingstijden=WERKDAGEN,
        **_web("expertise-vo-lingebroek"),
    ),
    Kaartregel(
        S.GEMEENTE,
        "Leerplicht en RMC Lingebroek, Waaldijk en Oosterlinge",
        "De leerplichtambtenaar en de RMC-consulent helpen jongeren die niet naar school "
        "gaan of geen diploma hebben, terug naar school of naar werk.",
        "Jongeren tot 23 jaar, hun ouders en scholen in de drie gemeenten.",
        telefoon="0345 099 600",
        adres="Postbus 9901, 4140 AA Lingebroek",
        openingstijden=WERKDAGEN,
        gebieden=("maatwerk-thuiszitters",),
        **_web("leerplicht-lingebroek"),
    ),
)

KAARTEN = {SWV_PO.code: (PO, False), SWV_VO.code: (VO, True)}


def kaart_van(swv: Samenwerkingsverband) -> list[Kaartregel]:
    """The entries of one demo SWV's kaart: its list, with a wijkteam for every municipality
    of its werkgebied after the jeugdhulp."""
    regels, jongeren = KAARTEN[swv.code]
    wijkteams = [
        _wijkteam(g.code or "", g.naam, jongeren=jongeren) for g in swv.werkgebied.order_by("code")
    ]
    plek = next(i for i, r in enumerate(regels) if r.soort == S.ZORG)
    return [*regels[:plek], *wijkteams, *regels[plek:]]


def sociale_kaart_schrijven(*, actoren: Demoactoren, meld: Callable[[str], None]) -> int:
    """Both demo SWVs' kaart; an SWV that has one already is left alone. Returns how many
    entries were added."""
    gebied_ids = dict(Ondersteuningsgebied.objects.values_list("code", "pk"))
    aantal = 0
    for swv in Samenwerkingsverband.objects.filter(code__in=KAARTEN).order_by("code"):
        if Voorziening.objects.filter(samenwerkingsverband=swv).exists():
            continue
        actor = actoren.kaartbeheerders.get(swv.pk)
        if actor is None:
            meld(f"  sociale kaart van {swv.naam} overgeslagen: geen loket-log-in")
            continue
        gemeenten = dict(swv.werkgebied.values_list("code", "pk"))
        for regel in kaart_van(swv):
            voorziening_toevoegen(
                actor=actor,
                invoer=Voorzieningsinvoer(
                    soort=regel.soort,
                    naam=regel.naam,
                    wat=regel.wat,
                    voor_wie=regel.voor_wie,
                    telefoon=regel.telefoon,
                    email=regel.email,
                    website=regel.website,
                    adres=regel.adres,
                    openingstijden=regel.openingstijden,
                    gemeente_ids=[gemeenten[regel.gemeente]] if regel.gemeente else [],
                    gebied_ids=[gebied_ids[c] for c in regel.gebieden if c in gebied_ids],
                ),
            )
            aantal += 1
    return aantal
