"""The demo texts for the three areas of the landelijke norm basisondersteuning."""

from passend.aanbod.rules import Faciliteit as F
from passend.demo.bouwer.aanbod.teksten.soorten import Gebiedsteksten

NORMGEBIEDEN: dict[str, dict[str, Gebiedsteksten]] = {
    "lezen-spellen-dyslexie": {
        "po": Gebiedsteksten(
            basis=(
                "Wij volgen het lezen en spellen van elk kind met toetsen en door goed te "
                "kijken in de groep.",
                "Een kind dat achterloopt, krijgt drie keer per week extra uitleg in een klein "
                "groepje.",
                "Kinderen oefenen elke dag met lezen, ook met een leesmaatje uit een hogere groep.",
                "Kinderen met dyslexie mogen een voorleesprogramma gebruiken en krijgen meer "
                "tijd bij toetsen.",
            ),
            extra=(
                "Is extra hulp niet genoeg? Dan vragen wij samen met u een onderzoek naar "
                "dyslexie aan. De gemeente betaalt de behandeling als het om ernstige dyslexie "
                "gaat.",
                "Een leesspecialist van het samenwerkingsverband kan de leerkracht advies geven "
                "en een tijd met uw kind oefenen.",
                "Wij kunnen bij het samenwerkingsverband extra begeleiding bij lezen aanvragen: "
                "twee keer per week, buiten de groep.",
            ),
            expertise=(
                "Een leesspecialist en de intern begeleider.",
                "Twee leerkrachten met een opleiding over dyslexie en leesproblemen.",
                "De intern begeleider heeft een opleiding over dyslexie gevolgd.",
            ),
            faciliteiten=(F.KLEINE_GROEPEN, F.STILTERUIMTE),
        ),
        "vo": Gebiedsteksten(
            basis=(
                "Leerlingen met dyslexie krijgen een dyslexiepas: meer tijd bij toetsen, "
                "toetsen in een grotere letter en voorleessoftware.",
                "In de brugklas maken alle leerlingen een toets voor lezen en spellen. Wie "
                "uitvalt, krijgt een training.",
                "De mentor bespreekt met de leerling welke hulpmiddelen helpen en zet dat in "
                "het dossier, zodat alle docenten het weten.",
                "Leerlingen kunnen na de les naar het leesuur voor extra oefening.",
            ),
            extra=(
                "Met het samenwerkingsverband kan een leerling met ernstige dyslexie een tijd "
                "begeleiding krijgen van een remedial teacher.",
                "Leerlingen die thuis niet goed kunnen oefenen, krijgen in overleg extra "
                "begeleiding op school.",
            ),
            expertise=(
                "Een dyslexiecoach en een remedial teacher.",
                "Een taalcoördinator en docenten die goed met voorleessoftware kunnen werken.",
            ),
            faciliteiten=(F.STILTERUIMTE,),
        ),
        "speciaal": Gebiedsteksten(
            basis=(
                "{Elk} {kind} leest elke dag in een kleine groep, op het eigen niveau.",
                "Wij werken met een vaste aanpak voor lezen en spellen: stap voor stap en met "
                "veel herhaling.",
                "{Kinderen} met dyslexie werken met voorleessoftware en krijgen hun toetsen in "
                "een aangepaste vorm.",
                "Wij maken voor {elk} {kind} een plan voor lezen en bespreken dat twee keer per "
                "jaar met u.",
            ),
            extra=(
                "Een orthopedagoog kan onderzoek doen als wij dyslexie vermoeden.",
                "Met het samenwerkingsverband regelen wij intensieve begeleiding bij lezen, "
                "ook voor {kinderen} die nog bijna niet lezen.",
            ),
            expertise=(
                "Een orthopedagoog, een logopedist en een leesspecialist.",
                "Leerkrachten met een opleiding voor speciaal onderwijs en een dyslexiespecialist.",
            ),
            faciliteiten=(F.KLEINE_GROEPEN, F.STILTERUIMTE),
        ),
    },
    "hoogbegaafdheid": {
        "po": Gebiedsteksten(
            basis=(
                "Kinderen die snel leren, krijgen minder herhaling en meer uitdagend werk in "
                "de groep.",
                "Wij kijken bij elk kind of het werk te makkelijk is en passen het dan aan.",
                "Kinderen mogen aan een eigen project werken als het gewone werk af is.",
            ),
            extra=(
                "Eén ochtend per week gaat een groepje naar de plusklas, samen met kinderen "
                "van andere scholen.",
                "Met het samenwerkingsverband kan een specialist meedenken als een kind thuis "
                "of op school vastloopt.",
                "In overleg kan een kind een groep overslaan of sneller door de lesstof gaan.",
            ),
            expertise=(
                "Een specialist hoogbegaafdheid.",
                "Een leerkracht met een opleiding over begaafdheid, die ook andere leerkrachten "
                "helpt.",
            ),
            faciliteiten=(F.PLUSKLAS,),
        ),
        "vo": Gebiedsteksten(
            basis=(
                "Leerlingen die meer aankunnen, mogen lessen overslaan en in die tijd aan "
                "verdieping werken.",
                "Er is een plusprogramma met extra vakken, zoals filosofie of Spaans.",
                "De mentor bespreekt met de leerling en de ouders hoe de leerling uitgedaagd "
                "blijft.",
            ),
            extra=(
                "Leerlingen kunnen een vak op een hoger niveau volgen of eerder examen doen.",
                "Leerlingen die vastlopen, krijgen begeleiding bij plannen en leren, samen met "
                "het samenwerkingsverband.",
            ),
            expertise=(
                "Een coördinator voor begaafde leerlingen.",
                "Een coach voor begaafde leerlingen en docenten die extra uitdagende lesstof "
                "maken.",
            ),
            faciliteiten=(F.PLUSKLAS,),
        ),
        "speciaal": Gebiedsteksten(
            basis=(
                "Wij kijken ook naar wat een {kind} goed kan. {Kinderen} die snel leren, "
                "krijgen uitdagend werk op hun niveau.",
                "Wie in één vak sterk is, mag dat vak in een andere groep volgen.",
            ),
            extra=(
                "Met het samenwerkingsverband zoeken wij een plek in een plusgroep als dat past.",
            ),
            expertise=(
                "Een orthopedagoog met ervaring met begaafde {kinderen} die ook extra "
                "ondersteuning nodig hebben.",
                "De intern begeleider.",
            ),
            faciliteiten=(F.KLEINE_GROEPEN,),
        ),
    },
    "leergedrag": {
        "po": Gebiedsteksten(
            basis=(
                "In elke groep leren kinderen plannen met een dagtaak en een weektaak.",
                "De leerkracht geeft korte uitleg en komt daarna langs bij kinderen die hulp "
                "nodig hebben.",
                "Kinderen die moeite hebben met opletten, krijgen een vaste plek, een "
                "time-timer of een koptelefoon.",
                "Wij leren kinderen hoe ze aan het werk gaan en volhouden, met duidelijke "
                "stappen op het bord.",
            ),
            extra=(
                "Een onderwijsassistent kan een paar uur per week helpen in de groep.",
                "Een ambulant begeleider van het samenwerkingsverband kan de leerkracht helpen "
                "met een aanpak voor uw kind.",
            ),
            expertise=(
                "Een intern begeleider en een gedragsspecialist.",
                "Een leerkracht met een opleiding over leren leren.",
            ),
            faciliteiten=(F.STILTERUIMTE, F.KLEINE_GROEPEN),
        ),
        "vo": Gebiedsteksten(
            basis=(
                "In de brugklas krijgen alle leerlingen les in plannen en leren.",
                "De mentor helpt de leerling met een planner en bespreekt elke week hoe het gaat.",
                "Leerlingen kunnen in het huiswerkuur op school hun huiswerk maken, met een "
                "docent erbij.",
            ),
            extra=(
                "Een studiecoach begeleidt leerlingen die vastlopen: een tijd lang één keer "
                "per week.",
                "Met het samenwerkingsverband kan een leerling een tijd in de "
                "reboundvoorziening werken aan plannen, leren en volhouden.",
            ),
            expertise=(
                "Studiecoaches en een zorgcoördinator.",
                "Een ondersteuningscoördinator en mentoren met een training in coachen.",
            ),
            faciliteiten=(F.STILTERUIMTE,),
        ),
        "speciaal": Gebiedsteksten(
            basis=(
                "Elke dag heeft dezelfde vaste opbouw, met een dagplanning met plaatjes.",
                "{Kinderen} werken in kleine groepen, met korte opdrachten en veel afwisseling.",
                "Wij leren {kinderen} stap voor stap zelfstandig werken, met een eigen werkplek "
                "als dat helpt.",
            ),
            extra=(
                "Een {kind} kan een tijd één-op-één begeleiding krijgen van een "
                "onderwijsassistent.",
                "Met het samenwerkingsverband zetten wij extra begeleiding in bij de overstap "
                "naar een andere school.",
            ),
            expertise=(
                "Een orthopedagoog, een intern begeleider en in elke groep een onderwijsassistent.",
                "Leerkrachten met een master speciaal onderwijs.",
            ),
            faciliteiten=(F.KLEINE_GROEPEN, F.STILTERUIMTE),
        ),
    },
}
