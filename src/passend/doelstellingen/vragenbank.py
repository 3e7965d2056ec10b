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
    # --- LEERLING ---
    Standaardvraag(
        "LL.D1.hulp",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.LEERLING,
        "Ik krijg op school de hulp die ik nodig heb.",
    ),
    Standaardvraag(
        "LL.D1.uitleg",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.LEERLING,
        "Als ik iets moeilijk vind, legt mijn leraar het op een andere manier uit.",
    ),
    Standaardvraag(
        "LL.D2.gehoord",
        D.LEERLING_GEHOORD,
        G.LEERLING,
        "Op school vragen ze wat ik nodig heb om goed te leren.",
    ),
    Standaardvraag(
        "LL.D2.luisteren",
        D.LEERLING_GEHOORD,
        G.LEERLING,
        "Op school luisteren ze naar mij.",
    ),
    Standaardvraag(
        "LL.D2.aanspreekpunt",
        D.LEERLING_GEHOORD,
        G.LEERLING,
        "Op school is er iemand bij wie ik terecht kan als er iets is.",
    ),
    Standaardvraag(
        "LL.D2.meebeslissen",
        D.LEERLING_GEHOORD,
        G.LEERLING,
        "Ik mag meepraten over de hulp die ik krijg.",
    ),
    Standaardvraag(
        "LL.D1.cijfer",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.LEERLING,
        "Welk rapportcijfer geef jij de hulp die je op school krijgt?",
        Schaal.CIJFER,
    ),
    # --- OUDER ---
    Standaardvraag(
        "OU.D1.passend",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.OUDER,
        "Mijn kind krijgt op school de ondersteuning die het nodig heeft.",
    ),
    Standaardvraag(
        "OU.D1.overstap",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.OUDER,
        "Bij een overstap naar een andere school ging de overdracht over mijn kind goed.",
    ),
    Standaardvraag(
        "OU.D2.kindgehoord",
        D.LEERLING_GEHOORD,
        G.OUDER,
        "De school vraagt mijn kind wat het zelf nodig heeft.",
    ),
    Standaardvraag(
        "OU.D4.gehoord",
        D.OUDER_PARTNER,
        G.OUDER,
        "De school neemt mijn inbreng over de ondersteuning van mijn kind serieus.",
    ),
    Standaardvraag(
        "OU.D4.informatie",
        D.OUDER_PARTNER,
        G.OUDER,
        "Ik kan makkelijk informatie vinden over de ondersteuning die scholen in de regio bieden.",
    ),
    Standaardvraag(
        "OU.D4.advies",
        D.OUDER_PARTNER,
        G.OUDER,
        "Ik weet waar ik terecht kan voor onafhankelijk advies over de ondersteuning van mijn kind.",
    ),
    Standaardvraag(
        "OU.D4.gesteund",
        D.OUDER_PARTNER,
        G.OUDER,
        "Ik voel mij door de school gesteund.",
    ),
    Standaardvraag(
        "OU.D5.jeugdhulp",
        D.DEKKEND_NETWERK,
        G.OUDER,
        "De school en de jeugdhulp werken goed samen voor mijn kind.",
    ),
    Standaardvraag(
        "OU.D5.plek",
        D.DEKKEND_NETWERK,
        G.OUDER,
        "Er was op tijd een passende plek op school voor mijn kind.",
    ),
    Standaardvraag(
        "OU.D4.cijfer",
        D.OUDER_PARTNER,
        G.OUDER,
        "Welk rapportcijfer geeft u de samenwerking met de school over de ondersteuning van uw kind?",
        Schaal.CIJFER,
    ),
    # --- LERAAR ---
    Standaardvraag(
        "LR.D1.passend",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.LERAAR,
        "Ik kan leerlingen met een ondersteuningsbehoefte de ondersteuning geven die zij nodig hebben.",
    ),
    Standaardvraag(
        "LR.D1.overleg",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.LERAAR,
        "Ik overleg met ouders en leerlingen over de ondersteuning die past.",
    ),
    Standaardvraag(
        "LR.D2.leerling",
        D.LEERLING_GEHOORD,
        G.LERAAR,
        "Ik betrek leerlingen bij besluiten over hun eigen ondersteuning.",
    ),
    Standaardvraag(
        "LR.D3.ondersteund",
        D.LERAAR_TOEGERUST,
        G.LERAAR,
        "Ik krijg genoeg ondersteuning bij het lesgeven aan leerlingen die extra hulp nodig hebben.",
    ),
    Standaardvraag(
        "LR.D3.professionalisering",
        D.LERAAR_TOEGERUST,
        G.LERAAR,
        "Ik krijg genoeg mogelijkheden om mij verder te ontwikkelen in het omgaan met verschillen.",
    ),
    Standaardvraag(
        "LR.D3.afspraken",
        D.LERAAR_TOEGERUST,
        G.LERAAR,
        "De afspraken over passend onderwijs op mijn school zijn mij duidelijk.",
    ),
    Standaardvraag(
        "LR.D3.belasting",
        D.LERAAR_TOEGERUST,
        G.LERAAR,
        "Het lesgeven aan leerlingen met extra ondersteuningsbehoeften is goed te doen naast mijn andere taken.",
    ),
    Standaardvraag(
        "LR.D7.registratie",
        D.ADMINISTRATIEVE_LAST,
        G.LERAAR,
        "De registratie rond leerlingen met extra ondersteuning kost mij niet te veel tijd.",
    ),
    Standaardvraag(
        "LR.D7.procedures",
        D.ADMINISTRATIEVE_LAST,
        G.LERAAR,
        "De procedures voor extra ondersteuning zijn eenvoudig.",
    ),
    Standaardvraag(
        "LR.D3.cijfer",
        D.LERAAR_TOEGERUST,
        G.LERAAR,
        "Welk rapportcijfer geeft u de ondersteuning die u als leraar krijgt?",
        Schaal.CIJFER,
    ),
    # --- IB_OC ---
    Standaardvraag(
        "IB.D1.passend",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.IB_OC,
        "Op onze school krijgen leerlingen de ondersteuning die zij nodig hebben.",
    ),
    Standaardvraag(
        "IB.D1.overdracht",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.IB_OC,
        "De overdracht van informatie bij een overstap tussen scholen verloopt goed.",
    ),
    Standaardvraag(
        "IB.D2.leerling",
        D.LEERLING_GEHOORD,
        G.IB_OC,
        "Leerlingen worden op onze school gehoord over hun ondersteuning.",
    ),
    Standaardvraag(
        "IB.D2.advies",
        D.LEERLING_GEHOORD,
        G.IB_OC,
        "De route naar onafhankelijk advies is voor leerlingen en ouders duidelijk.",
    ),
    Standaardvraag(
        "IB.D3.leraren",
        D.LERAAR_TOEGERUST,
        G.IB_OC,
        "Leraren op onze school zijn goed toegerust voor leerlingen met extra ondersteuningsbehoeften.",
    ),
    Standaardvraag(
        "IB.D3.swv",
        D.LERAAR_TOEGERUST,
        G.IB_OC,
        "Het samenwerkingsverband ondersteunt onze school goed bij passend onderwijs.",
    ),
    Standaardvraag(
        "IB.D4.ouders",
        D.OUDER_PARTNER,
        G.IB_OC,
        "Ouders worden op onze school als gelijkwaardige partner betrokken.",
    ),
    Standaardvraag(
        "IB.D4.informatie",
        D.OUDER_PARTNER,
        G.IB_OC,
        "Ouders krijgen duidelijke informatie over het ondersteuningsaanbod.",
    ),
    Standaardvraag(
        "IB.D5.aanbod",
        D.DEKKEND_NETWERK,
        G.IB_OC,
        "Het ondersteuningsaanbod in de regio is voor mij inzichtelijk.",
    ),
    Standaardvraag(
        "IB.D5.jeugdhulp",
        D.DEKKEND_NETWERK,
        G.IB_OC,
        "Onderwijs en jeugdhulp sluiten in onze regio goed op elkaar aan.",
    ),
    Standaardvraag(
        "IB.D6.verdeling",
        D.TRANSPARANTE_MIDDELEN,
        G.IB_OC,
        "De afspraken over de verdeling van de ondersteuningsmiddelen zijn mij duidelijk.",
    ),
    Standaardvraag(
        "IB.D7.nuttig",
        D.ADMINISTRATIEVE_LAST,
        G.IB_OC,
        "Mijn taken rond passend onderwijs zijn nuttig.",
    ),
    Standaardvraag(
        "IB.D7.tijd",
        D.ADMINISTRATIEVE_LAST,
        G.IB_OC,
        "Mijn taken rond passend onderwijs kosten niet meer tijd dan nodig.",
    ),
    Standaardvraag(
        "IB.D1.cijfer",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.IB_OC,
        "Welk rapportcijfer geeft u de ondersteuning op uw school?",
        Schaal.CIJFER,
    ),
    # --- SCHOOLLEIDER ---
    Standaardvraag(
        "SL.D1.passend",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.SCHOOLLEIDER,
        "Onze school kan de meeste leerlingen passende ondersteuning bieden.",
    ),
    Standaardvraag(
        "SL.D1.toelating",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.SCHOOLLEIDER,
        "De ondersteuningsbehoefte van de leerling is leidend bij de toelating op onze school.",
    ),
    Standaardvraag(
        "SL.D2.leerling",
        D.LEERLING_GEHOORD,
        G.SCHOOLLEIDER,
        "Het horen van leerlingen over hun ondersteuning is op onze school gewoon.",
    ),
    Standaardvraag(
        "SL.D3.houding",
        D.LERAAR_TOEGERUST,
        G.SCHOOLLEIDER,
        "Op onze school is een positieve houding tegenover passend onderwijs.",
    ),
    Standaardvraag(
        "SL.D3.faciliteiten",
        D.LERAAR_TOEGERUST,
        G.SCHOOLLEIDER,
        "Onze school heeft genoeg ondersteunende faciliteiten voor leraren.",
    ),
    Standaardvraag(
        "SL.D4.ouders",
        D.OUDER_PARTNER,
        G.SCHOOLLEIDER,
        "Onze school betrekt ouders als gelijkwaardige partner bij de ondersteuning.",
    ),
    Standaardvraag(
        "SL.D5.netwerk",
        D.DEKKEND_NETWERK,
        G.SCHOOLLEIDER,
        "In onze regio is voor elke leerling een passende plek.",
    ),
    Standaardvraag(
        "SL.D5.thuiszitters",
        D.DEKKEND_NETWERK,
        G.SCHOOLLEIDER,
        "Er zijn in onze regio goede mogelijkheden voor thuiszitters.",
    ),
    Standaardvraag(
        "SL.D6.verdeling",
        D.TRANSPARANTE_MIDDELEN,
        G.SCHOOLLEIDER,
        "De verdeling van de ondersteuningsmiddelen binnen het samenwerkingsverband is mij duidelijk.",
    ),
    Standaardvraag(
        "SL.D6.verantwoording",
        D.TRANSPARANTE_MIDDELEN,
        G.SCHOOLLEIDER,
        "Het is duidelijk hoe onze school de inzet van de ondersteuningsmiddelen verantwoordt.",
    ),
    Standaardvraag(
        "SL.D7.procedures",
        D.ADMINISTRATIEVE_LAST,
        G.SCHOOLLEIDER,
        "De procedures van het samenwerkingsverband zijn eenvoudig en efficiënt.",
    ),
    Standaardvraag(
        "SL.D7.last",
        D.ADMINISTRATIEVE_LAST,
        G.SCHOOLLEIDER,
        "De administratieve last van passend onderwijs is op onze school aanvaardbaar.",
    ),
    Standaardvraag(
        "SL.D3.cijfer",
        D.LERAAR_TOEGERUST,
        G.SCHOOLLEIDER,
        "Welk rapportcijfer geeft u de ondersteuning van het samenwerkingsverband aan uw school?",
        Schaal.CIJFER,
    ),
    # --- BESTUUR ---
    Standaardvraag(
        "BS.D1.passend",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.BESTUUR,
        "Onze scholen kunnen de meeste leerlingen passende ondersteuning bieden.",
    ),
    Standaardvraag(
        "BS.D3.professionalisering",
        D.LERAAR_TOEGERUST,
        G.BESTUUR,
        "Ons bestuur biedt leraren genoeg professionalisering op passend onderwijs.",
    ),
    Standaardvraag(
        "BS.D5.netwerk",
        D.DEKKEND_NETWERK,
        G.BESTUUR,
        "Het samenwerkingsverband heeft een dekkend netwerk van voorzieningen.",
    ),
    Standaardvraag(
        "BS.D5.samenwerking",
        D.DEKKEND_NETWERK,
        G.BESTUUR,
        "De schoolbesturen in de regio werken goed samen aan een dekkend netwerk.",
    ),
    Standaardvraag(
        "BS.D6.afspraken",
        D.TRANSPARANTE_MIDDELEN,
        G.BESTUUR,
        "De afspraken over de verdeling van de middelen binnen het samenwerkingsverband zijn duidelijk.",
    ),
    Standaardvraag(
        "BS.D6.doelen",
        D.TRANSPARANTE_MIDDELEN,
        G.BESTUUR,
        "Het is duidelijk welke doelen met de ondersteuningsmiddelen worden bereikt.",
    ),
    Standaardvraag(
        "BS.D6.toezicht",
        D.TRANSPARANTE_MIDDELEN,
        G.BESTUUR,
        "Er is onafhankelijk toezicht op de besteding van de ondersteuningsmiddelen.",
    ),
    Standaardvraag(
        "BS.D7.verantwoording",
        D.ADMINISTRATIEVE_LAST,
        G.BESTUUR,
        "De verantwoording over de ondersteuningsmiddelen kost niet meer tijd dan nodig.",
    ),
    Standaardvraag(
        "BS.D7.procedures",
        D.ADMINISTRATIEVE_LAST,
        G.BESTUUR,
        "De procedures van het samenwerkingsverband zijn eenvoudig.",
    ),
    Standaardvraag(
        "BS.D6.cijfer",
        D.TRANSPARANTE_MIDDELEN,
        G.BESTUUR,
        "Welk rapportcijfer geeft u de transparantie over de ondersteuningsmiddelen?",
        Schaal.CIJFER,
    ),
    # --- SWV_LEIDING ---
    Standaardvraag(
        "SW.D1.passend",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.SWV_LEIDING,
        "In onze regio krijgen leerlingen de ondersteuning die zij nodig hebben.",
    ),
    Standaardvraag(
        "SW.D1.toewijzing",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.SWV_LEIDING,
        "Bij de toewijzing van ondersteuning is de behoefte van de leerling leidend.",
    ),
    Standaardvraag(
        "SW.D2.leerling",
        D.LEERLING_GEHOORD,
        G.SWV_LEIDING,
        "Leerlingen worden gehoord bij besluiten van het samenwerkingsverband over hun ondersteuning.",
    ),
    Standaardvraag(
        "SW.D2.advies",
        D.LEERLING_GEHOORD,
        G.SWV_LEIDING,
        "De route naar onafhankelijk advies is in onze regio duidelijk.",
    ),
    Standaardvraag(
        "SW.D4.ouders",
        D.OUDER_PARTNER,
        G.SWV_LEIDING,
        "Ouders worden in onze regio als gelijkwaardige partner betrokken.",
    ),
    Standaardvraag(
        "SW.D4.informatie",
        D.OUDER_PARTNER,
        G.SWV_LEIDING,
        "Het ondersteuningsaanbod is voor ouders duidelijk en vindbaar.",
    ),
    Standaardvraag(
        "SW.D5.netwerk",
        D.DEKKEND_NETWERK,
        G.SWV_LEIDING,
        "Ons samenwerkingsverband heeft een dekkend netwerk van voorzieningen.",
    ),
    Standaardvraag(
        "SW.D5.jeugdhulp",
        D.DEKKEND_NETWERK,
        G.SWV_LEIDING,
        "Onderwijs en jeugdhulp sluiten in onze regio goed op elkaar aan.",
    ),
    Standaardvraag(
        "SW.D5.thuiszitters",
        D.DEKKEND_NETWERK,
        G.SWV_LEIDING,
        "Voor thuiszitters vinden wij in onze regio snel een passende plek.",
    ),
    Standaardvraag(
        "SW.D6.verdeling",
        D.TRANSPARANTE_MIDDELEN,
        G.SWV_LEIDING,
        "De afspraken over de verdeling van de middelen zijn voor alle betrokkenen duidelijk.",
    ),
    Standaardvraag(
        "SW.D6.verantwoording",
        D.TRANSPARANTE_MIDDELEN,
        G.SWV_LEIDING,
        "De scholen verantwoorden de inzet van de ondersteuningsmiddelen goed.",
    ),
    Standaardvraag(
        "SW.D6.toezicht",
        D.TRANSPARANTE_MIDDELEN,
        G.SWV_LEIDING,
        "Het interne toezicht op de besteding van de middelen is onafhankelijk geregeld.",
    ),
    Standaardvraag(
        "SW.D7.procedures",
        D.ADMINISTRATIEVE_LAST,
        G.SWV_LEIDING,
        "Onze procedures rond ondersteuning zijn eenvoudig en efficiënt ingericht.",
    ),
    Standaardvraag(
        "SW.D7.last",
        D.ADMINISTRATIEVE_LAST,
        G.SWV_LEIDING,
        "De administratieve last voor scholen is in onze regio aanvaardbaar.",
    ),
    Standaardvraag(
        "SW.D5.cijfer",
        D.DEKKEND_NETWERK,
        G.SWV_LEIDING,
        "Welk rapportcijfer geeft u het dekkende netwerk in uw regio?",
        Schaal.CIJFER,
    ),
    # --- SWV_MEDEWERKER ---
    Standaardvraag(
        "SM.D1.passend",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.SWV_MEDEWERKER,
        "De scholen die ik ondersteun bieden leerlingen passende ondersteuning.",
    ),
    Standaardvraag(
        "SM.D1.maatwerk",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.SWV_MEDEWERKER,
        "Ik kan maatwerk bieden als een leerling dat nodig heeft.",
    ),
    Standaardvraag(
        "SM.D2.leerling",
        D.LEERLING_GEHOORD,
        G.SWV_MEDEWERKER,
        "Ik betrek leerlingen bij gesprekken over hun ondersteuning.",
    ),
    Standaardvraag(
        "SM.D3.leraren",
        D.LERAAR_TOEGERUST,
        G.SWV_MEDEWERKER,
        "Mijn begeleiding helpt leraren bij leerlingen met extra ondersteuningsbehoeften.",
    ),
    Standaardvraag(
        "SM.D3.tijd",
        D.LERAAR_TOEGERUST,
        G.SWV_MEDEWERKER,
        "Ik heb genoeg tijd om leraren goed te begeleiden.",
    ),
    Standaardvraag(
        "SM.D4.ouders",
        D.OUDER_PARTNER,
        G.SWV_MEDEWERKER,
        "Ouders worden als gelijkwaardige partner betrokken bij de ondersteuning.",
    ),
    Standaardvraag(
        "SM.D4.advies",
        D.OUDER_PARTNER,
        G.SWV_MEDEWERKER,
        "Ouders weten waar zij terecht kunnen voor onafhankelijk advies.",
    ),
    Standaardvraag(
        "SM.D5.aanbod",
        D.DEKKEND_NETWERK,
        G.SWV_MEDEWERKER,
        "Het ondersteuningsaanbod in de regio is voor mij inzichtelijk.",
    ),
    Standaardvraag(
        "SM.D5.jeugdhulp",
        D.DEKKEND_NETWERK,
        G.SWV_MEDEWERKER,
        "De samenwerking met de jeugdhulp verloopt goed.",
    ),
    Standaardvraag(
        "SM.D7.registratie",
        D.ADMINISTRATIEVE_LAST,
        G.SWV_MEDEWERKER,
        "De registratie in mijn werk kost niet meer tijd dan nodig.",
    ),
    Standaardvraag(
        "SM.D7.procedures",
        D.ADMINISTRATIEVE_LAST,
        G.SWV_MEDEWERKER,
        "De procedures rond ondersteuning zijn eenvoudig.",
    ),
    Standaardvraag(
        "SM.D3.cijfer",
        D.LERAAR_TOEGERUST,
        G.SWV_MEDEWERKER,
        "Welk rapportcijfer geeft u de ondersteuning die u aan scholen kunt bieden?",
        Schaal.CIJFER,
    ),
    # --- GEMEENTE ---
    Standaardvraag(
        "GM.D1.passend",
        D.ONDERSTEUNINGSBEHOEFTE_LEIDEND,
        G.GEMEENTE,
        "Kinderen in onze gemeente krijgen op school de ondersteuning die zij nodig hebben.",
    ),
    Standaardvraag(
        "GM.D5.jeugdhulp",
        D.DEKKEND_NETWERK,
        G.GEMEENTE,
        "Onderwijs en jeugdhulp sluiten in onze gemeente goed op elkaar aan.",
    ),
    Standaardvraag(
        "GM.D5.thuiszitters",
        D.DEKKEND_NETWERK,
        G.GEMEENTE,
        "Voor thuiszitters wordt in onze regio snel een passende oplossing gevonden.",
    ),
    Standaardvraag(
        "GM.D5.oogo",
        D.DEKKEND_NETWERK,
        G.GEMEENTE,
        "Het op overeenstemming gericht overleg (OOGO) met het samenwerkingsverband verloopt goed.",
    ),
    Standaardvraag(
        "GM.D6.plan",
        D.TRANSPARANTE_MIDDELEN,
        G.GEMEENTE,
        "Het ondersteuningsplan van het samenwerkingsverband is voor ons duidelijk.",
    ),
    Standaardvraag(
        "GM.D6.middelen",
        D.TRANSPARANTE_MIDDELEN,
        G.GEMEENTE,
        "Het samenwerkingsverband is open over de besteding van de ondersteuningsmiddelen.",
    ),
    Standaardvraag(
        "GM.D7.afstemming",
        D.ADMINISTRATIEVE_LAST,
        G.GEMEENTE,
        "De afstemming met het samenwerkingsverband kost niet meer tijd dan nodig.",
    ),
    Standaardvraag(
        "GM.D5.cijfer",
        D.DEKKEND_NETWERK,
        G.GEMEENTE,
        "Welk rapportcijfer geeft u de samenwerking tussen onderwijs en jeugdhulp in uw regio?",
        Schaal.CIJFER,
    ),
)


def vragen_voor(respondentgroep: str) -> list[Standaardvraag]:
    """The standard items of one group, in the order of the goals."""
    return sorted(
        (v for v in STANDAARDVRAGEN if v.respondentgroep == respondentgroep),
        key=lambda v: v.doelstelling,
    )
