"""The demo texts for the other areas of the start set."""

from passend.aanbod.rules import Faciliteit as F
from passend.demo.bouwer.aanbod.teksten.soorten import Gebiedsteksten

ANDERE_GEBIEDEN: dict[str, dict[str, Gebiedsteksten]] = {
    "gedrag-sociaal-emotioneel": {
        "po": Gebiedsteksten(
            basis=(
                "Wij werken in alle groepen met dezelfde afspraken en een methode voor "
                "sociale vaardigheden.",
                "Twee keer per jaar vragen wij hoe kinderen zich voelen in de groep.",
                "Bij pesten grijpen wij snel in, met een vast pestprotocol.",
                "Een kind dat even tot rust moet komen, kan naar een rustige plek buiten de klas.",
            ),
            extra=(
                "Met het samenwerkingsverband kan een gedragsspecialist meekijken in de groep "
                "en de leerkracht helpen.",
                "Kinderen kunnen meedoen aan een training voor sociale vaardigheden of tegen "
                "faalangst.",
                "Wij werken samen met het wijkteam als er thuis ook zorgen zijn.",
            ),
            expertise=(
                "Een gedragsspecialist en een vertrouwenspersoon.",
                "Een schoolmaatschappelijk werker (één ochtend per week) en de intern begeleider.",
            ),
            faciliteiten=(F.STILTERUIMTE, F.TIME_OUT_RUIMTE),
        ),
        "vo": Gebiedsteksten(
            basis=(
                "Elke klas heeft een mentor die de leerlingen goed kent.",
                "Wij hebben een coördinator tegen pesten en een vast pestprotocol.",
                "Leerlingen kunnen altijd bij de vertrouwenspersoon terecht.",
            ),
            extra=(
                "In de time-outruimte krijgt een leerling even rust en begeleiding. Daarna "
                "gaat de leerling terug naar de les.",
                "Met het samenwerkingsverband kan een leerling een tijd begeleid worden door "
                "een gedragscoach.",
                "De schoolmaatschappelijk werker en het jeugdteam werken samen met school en "
                "ouders.",
            ),
            expertise=(
                "Een zorgcoördinator, een vertrouwenspersoon en een jeugdverpleegkundige.",
                "Een schoolmaatschappelijk werker en een gedragsspecialist.",
            ),
            faciliteiten=(F.TIME_OUT_RUIMTE, F.STILTERUIMTE),
        ),
        "speciaal": Gebiedsteksten(
            basis=(
                "In elke groep zijn duidelijke regels en vaste gewoontes, zodat {kinderen} "
                "weten wat er komt.",
                "{Kinderen} leren elke week in kleine groepjes omgaan met boosheid, angst en "
                "ruzie.",
                "Er is altijd een volwassene die een {kind} kan opvangen als het niet goed gaat.",
            ),
            extra=(
                "Met de jeugdhulp op school kan een {kind} behandeling krijgen onder schooltijd.",
                "Samen met het samenwerkingsverband en de ouders maken wij een plan als een "
                "{kind} niet meer naar school durft.",
            ),
            expertise=(
                "Een gedragswetenschapper, een schoolmaatschappelijk werker en een "
                "jeugdhulpverlener op school.",
                "Leerkrachten met ervaring met autisme en ADHD.",
            ),
            faciliteiten=(F.TIME_OUT_RUIMTE, F.STILTERUIMTE, F.KLEINE_GROEPEN),
        ),
    },
    "taal-spraak": {
        "po": Gebiedsteksten(
            basis=(
                "Wij besteden elke dag aandacht aan nieuwe woorden, met plaatjes en voorwerpen.",
                "Kinderen die thuis een andere taal spreken, krijgen extra hulp bij het leren "
                "van Nederlands.",
                "De leerkracht let op kinderen die moeilijk praten of verstaan, en bespreekt "
                "dat met de ouders.",
            ),
            extra=(
                "Kinderen die net in Nederland zijn, kunnen een jaar naar de schakelklas.",
                "Een logopedist komt op school voor kinderen die dat nodig hebben (via de "
                "zorgverzekering).",
                "Met het samenwerkingsverband kan een specialist voor taal en spraak de "
                "leerkracht advies geven.",
            ),
            expertise=(
                "Een taalcoördinator en een leerkracht Nederlands als tweede taal.",
                "De intern begeleider werkt samen met een logopedist.",
            ),
            faciliteiten=(F.SCHAKELKLAS, F.THERAPIERUIMTE),
        ),
        "vo": Gebiedsteksten(
            basis=(
                "Leerlingen die Nederlands als tweede taal leren, krijgen extra taallessen.",
                "Docenten leggen moeilijke woorden bij alle vakken op dezelfde manier uit.",
            ),
            extra=(
                "Nieuwkomers kunnen eerst naar de internationale schakelklas.",
                "Met het samenwerkingsverband kan een leerling met een "
                "taalontwikkelingsstoornis begeleiding krijgen.",
            ),
            expertise=("Een taalcoördinator en een docent Nederlands als tweede taal.",),
            faciliteiten=(F.SCHAKELKLAS,),
        ),
        "speciaal": Gebiedsteksten(
            basis=(
                "Wij helpen {kinderen} met praten, ook met gebaren en pictogrammen.",
                "In de groep is veel aandacht voor nieuwe woorden en voor goed luisteren.",
            ),
            extra=(
                "Een logopedist werkt op school, ook in de groep.",
                "Met de ambulante begeleiding voor taal en spraak maken wij een plan voor uw "
                "{kind}.",
            ),
            expertise=(
                "Een logopedist en leerkrachten met kennis van taalontwikkelingsstoornissen.",
            ),
            faciliteiten=(F.THERAPIERUIMTE, F.KLEINE_GROEPEN),
        ),
    },
    "rekenen-dyscalculie": {
        "po": Gebiedsteksten(
            basis=(
                "Wij volgen het rekenen van elk kind. Een kind dat achterloopt, krijgt extra "
                "uitleg.",
                "Kinderen werken met materialen en tekeningen, zodat ze begrijpen wat ze doen.",
                "Kinderen met dyscalculie mogen een rekenkaart of rekenmachine gebruiken.",
            ),
            extra=(
                "Met het samenwerkingsverband kan een rekenspecialist meekijken en een plan maken.",
                "Wij kunnen een onderzoek naar dyscalculie aanvragen.",
            ),
            expertise=("Een rekencoördinator.", "Een rekenspecialist en de intern begeleider."),
            faciliteiten=(F.KLEINE_GROEPEN,),
        ),
        "vo": Gebiedsteksten(
            basis=(
                "In de brugklas krijgen leerlingen die moeite hebben met rekenen extra "
                "rekenlessen.",
                "Leerlingen met dyscalculie krijgen een dyscalculiepas met hulpmiddelen bij "
                "toetsen.",
            ),
            extra=("Een rekencoach begeleidt leerlingen een tijd in een klein groepje.",),
            expertise=("Een rekencoördinator en een remedial teacher.",),
            faciliteiten=(F.KLEINE_GROEPEN,),
        ),
        "speciaal": Gebiedsteksten(
            basis=(
                "{Kinderen} rekenen elke dag, met echte voorwerpen en met dingen uit het "
                "dagelijks leven, zoals geld en tijd.",
                "{Elk} {kind} heeft een eigen leerlijn voor rekenen.",
            ),
            extra=(
                "Met het samenwerkingsverband kan een orthopedagoog onderzoek doen naar "
                "dyscalculie.",
            ),
            expertise=("Een rekenspecialist en een orthopedagoog.",),
            faciliteiten=(F.KLEINE_GROEPEN,),
        ),
    },
    "motoriek-fysiek": {
        "po": Gebiedsteksten(
            basis=(
                "Kinderen bewegen elke dag, ook in de klas.",
                "De gymleraar let op kinderen die moeite hebben met bewegen en bespreekt dat "
                "met de ouders.",
                "Wij passen het schrijven aan als dat nodig is, bijvoorbeeld met een laptop.",
            ),
            extra=(
                "Een kinderfysiotherapeut kan op school behandelen (via de zorgverzekering).",
                "Met het samenwerkingsverband regelen wij aangepast meubilair of andere "
                "hulpmiddelen.",
            ),
            expertise=("Een vakleerkracht gym met kennis van motoriek.",),
            faciliteiten=(
                F.TOEGANKELIJK_GEBOUW,
                F.AANGEPAST_TOILET,
                F.AANGEPAST_MEUBILAIR,
                F.THERAPIERUIMTE,
            ),
        ),
        "vo": Gebiedsteksten(
            basis=(
                "Het gebouw heeft een lift en brede deuren.",
                "Leerlingen met een lichamelijke beperking krijgen als dat nodig is lessen op "
                "de begane grond.",
            ),
            extra=(
                "Met het samenwerkingsverband kan een ambulant begeleider voor lichamelijke "
                "beperkingen de leerling en de docenten helpen.",
                "Wij regelen in overleg extra tijd of een aangepaste plek bij toetsen.",
            ),
            expertise=("Een zorgcoördinator met ervaring met lichamelijke beperkingen.",),
            faciliteiten=(F.TOEGANKELIJK_GEBOUW, F.LIFT, F.AANGEPAST_TOILET),
        ),
        "speciaal": Gebiedsteksten(
            basis=(
                "De school is helemaal toegankelijk met een rolstoel.",
                "{Kinderen} krijgen elke dag bewegingsonderwijs op hun eigen niveau.",
                "Wij werken op school samen met fysiotherapeuten en ergotherapeuten.",
            ),
            extra=(
                "Een {kind} kan onder schooltijd fysiotherapie of ergotherapie krijgen.",
                "Met het samenwerkingsverband regelen wij hulpmiddelen en vervoer.",
            ),
            expertise=(
                "Een fysiotherapeut, een ergotherapeut en een verpleegkundige.",
                "Vakleerkrachten bewegingsonderwijs met ervaring in het speciaal onderwijs.",
            ),
            faciliteiten=(
                F.TOEGANKELIJK_GEBOUW,
                F.LIFT,
                F.AANGEPAST_TOILET,
                F.AANGEPAST_MEUBILAIR,
                F.THERAPIERUIMTE,
            ),
        ),
    },
    "medisch": {
        "po": Gebiedsteksten(
            basis=(
                "Wij maken met de ouders afspraken over medicijnen en zetten die op papier.",
                "Elke leerkracht weet wat te doen bij een allergie of epilepsie van een kind "
                "in de groep.",
            ),
            extra=(
                "Met de ouders en de jeugdverpleegkundige maken wij een plan voor een kind met "
                "een ziekte.",
                "Is een kind lang ziek? Dan helpt een consulent voor zieke leerlingen ons met "
                "lesstof voor thuis.",
            ),
            expertise=("Medewerkers met een BHV-diploma en kennis van kinderziekten.",),
            faciliteiten=(F.MEDISCHE_RUIMTE,),
        ),
        "vo": Gebiedsteksten(
            basis=(
                "Wij maken afspraken over medicijnen en over wat te doen bij een aanval of "
                "een allergie.",
                "Leerlingen die vaak ziek zijn, krijgen een aangepast rooster voor toetsen.",
            ),
            extra=(
                "Is een leerling lang ziek? Dan zorgen wij met een consulent voor zieke "
                "leerlingen voor lessen thuis of online.",
            ),
            expertise=("Een jeugdverpleegkundige (spreekuur op school) en bedrijfshulpverleners.",),
            faciliteiten=(F.MEDISCHE_RUIMTE,),
        ),
        "speciaal": Gebiedsteksten(
            basis=(
                "Er is een verpleegkundige op school voor medische handelingen.",
                "Wij maken met ouders en artsen een plan als een {kind} medische zorg nodig heeft.",
            ),
            extra=(
                "Met het samenwerkingsverband regelen wij extra zorg in de klas als dat nodig is.",
                "Een {kind} kan een aangepast rooster krijgen, bijvoorbeeld bij een "
                "behandeling in het ziekenhuis.",
            ),
            expertise=("Een verpleegkundige en een kinderarts die regelmatig op school komt.",),
            faciliteiten=(F.MEDISCHE_RUIMTE, F.AANGEPAST_TOILET),
        ),
    },
    "maatwerk-thuiszitters": {
        "po": Gebiedsteksten(
            basis=(
                "Als een kind niet meer naar school kan of wil, praten wij snel met de ouders.",
                "Wij houden bij hoe vaak een kind er niet is en zoeken samen naar een oplossing.",
            ),
            extra=(
                "Met het samenwerkingsverband maken wij een aangepast rooster of een plan om "
                "weer naar school te gaan.",
                "Een deel van de schooltijd kan tijdelijk thuis of op een andere plek zijn, "
                "als de leerplichtambtenaar akkoord is.",
            ),
            expertise=("De intern begeleider en de directeur, samen met de leerplichtambtenaar.",),
            faciliteiten=(F.STILTERUIMTE,),
        ),
        "vo": Gebiedsteksten(
            basis=(
                "De mentor belt dezelfde dag als een leerling er zonder bericht niet is.",
                "Bij veel verzuim maken wij een plan met de leerling, de ouders en de jeugdarts.",
            ),
            extra=(
                "Een leerling kan een tijd een aangepast rooster krijgen, met begeleiding om "
                "weer terug te komen.",
                "Met het samenwerkingsverband is er een plek voor leerlingen die een tijd niet "
                "in de eigen klas kunnen zijn (de rebound).",
            ),
            expertise=("Een verzuimcoördinator en een zorgcoördinator.",),
            faciliteiten=(F.STILTERUIMTE, F.KLEINE_GROEPEN),
        ),
        "speciaal": Gebiedsteksten(
            basis=(
                "Was een {kind} lang thuis? Dan bouwen wij de schooltijd stap voor stap op.",
                "Wij bellen dezelfde dag als een {kind} er niet is.",
            ),
            extra=(
                "Met het samenwerkingsverband, de jeugdhulp en de ouders maken wij een plan op "
                "maat, ook deels thuis of online.",
                "Een {kind} kan eerst in een kleine, rustige groep beginnen.",
            ),
            expertise=("Een orthopedagoog en een jeugdhulpverlener op school.",),
            faciliteiten=(F.KLEINE_GROEPEN, F.STILTERUIMTE),
        ),
    },
}
