"""What the start page ("mijn werk") shows for each role."""

from importlib import import_module
from typing import Any

from django.urls import reverse
from django.utils import timezone

from passend.accounts.rules import (
    ALLEEN_AGGREGATEN,
    GEMEENTEROLLEN,
    SCHOOLROLLEN,
    SWV_FINANCIELE_ROLLEN,
    SWV_MONITORROLLEN,
    Rolsoort,
)
from passend.core.aggregaten import kleine_cel_grens, onderdruk
from passend.core.models import Actie
from passend.core.toegangslog import toegang_vastleggen
from passend.leerlingen.permissions import SWV_DOSSIERROLLEN, beleid
from passend.leerlingen.selectors import (
    aantallen_per_swv_en_soort,
    kinderen_van,
    leerlingen_zichtbaar_voor,
    met_aantal_leerlingen,
)
from passend.ondersteuning.permissions import beleid as opp_beleid
from passend.ondersteuning.selectors import huidige_opps, opps_met_signalen
from passend.organisaties.rules import Soort
from passend.organisaties.selectors import (
    besturen_in_swv,
    scholen_van_bestuur,
    soorten_in_swv,
    vestigingen_van_school,
)

#: Apps whose selectors offer ``mijn_werk(actor=, peildatum=)``: counts and links, no pupil data.
WERKVOORRAAD = (
    "passend.zorgplicht.selectors",
    "passend.arrangementen.selectors",
    "passend.toelaatbaarheid.selectors",
    "passend.aanbod.selectors.werk",
    "passend.steunpunt.selectors.werk",
    "passend.verzuim.selectors.werk",
    "passend.middelen.selectors.begroting",
    "passend.middelen.selectors.plannen",
)


def werkvoorraad(*, actor: Any, peildatum: Any) -> list[dict[str, Any]]:
    """What asks for the actor's attention in the processes (registrations, requests)."""
    items: list[dict[str, Any]] = []
    for module in WERKVOORRAAD:
        items.extend(import_module(module).mijn_werk(actor=actor, peildatum=peildatum))
    return items


#: The processes each role works in, as links on the start page: (label, route name).
_SCHOOL = (
    ("Aanmeldingen en zorgplicht", "zorgplicht:overzicht"),
    ("Arrangementen", "arrangementen:overzicht"),
    ("Toelaatbaarheidsverklaringen (TLV's)", "toelaatbaarheid:overzicht"),
    ("Ondersteuningsaanbod en schoolgids", "aanbod:overzicht"),
    ("Onenigheid met ouders", "geschillen:overzicht"),
    ("Verzuim en thuiszitters", "verzuim:overzicht"),
)
#: The support offer of the SWV's region (aanbod).
_SWV_AANBOD = (
    ("Ondersteuningsaanbod in de regio", "aanbod:regio-overzicht"),
    ("Wachtlijsten sbo, so en vso", "aanbod:regio-wachtlijsten"),
)
_SOCIALE_KAART = (("Sociale kaart", "aanbod:kaart-lijst"),)
_AANBOD_INLEZEN = (("Aanbod inlezen en uitvoeren (CSV)", "aanbod:regio-importeren"),)
_SWV = (
    ("Lopende termijnen van aanmeldingen", "zorgplicht:termijnen"),
    ("Werkvoorraad arrangementen", "arrangementen:werkvoorraad"),
    ("Toelaatbaarheidsverklaringen (TLV's)", "toelaatbaarheid:overzicht"),
    ("TLV's die binnenkort eindigen", "toelaatbaarheid:eindigt-binnenkort"),
    ("Grensverkeer", "toelaatbaarheid:grensverkeer"),
    ("Rapportage TLV's", "toelaatbaarheid:rapportage"),
    ("Onenigheden bij het SWV", "geschillen:overzicht"),
    ("Route bij onenigheid", "geschillen:route"),
    ("Verzuim en thuiszitters", "verzuim:overzicht"),
)
#: Reports of verzuim and the Leerplichttelling (SWV loket and directeur, leerplicht).
_VERZUIM_RAPPORTAGE = (
    ("Rapportage verzuim en thuiszitters", "verzuim:rapportage"),
    ("Leerplichttelling (CSV)", "verzuim:leerplichttelling"),
)
#: The regional monitor (issue 7): the SWV's figures, every SWV side by side, the analyses.
_MONITOR = (("Regionale monitor", "monitor:dashboard"),)
_MONITOR_LANDELIJK = (("Alle samenwerkingsverbanden (monitor)", "monitor:landelijk"),)
_NETWERK = (("Dekkend netwerk", "monitor:netwerk"),)
_DOELSTELLINGEN = (("Doelstellingenmonitor", "doelstellingen:overzicht"),)
_METING_KLAARZETTEN = (("Nieuwe meting klaarzetten", "doelstellingen:meting-nieuw"),)
_MIDDELEN = (
    ("Begrotingen en reserves", "middelen:begrotingen"),
    ("Ondersteuningsplan en meerjarenbegroting", "middelen:plannen"),
)

PROCESSEN: dict[str, tuple[tuple[str, str], ...]] = {
    Rolsoort.INTERN_BEGELEIDER: _SCHOOL,
    Rolsoort.SCHOOLLEIDER: _SCHOOL,
    Rolsoort.BESTUURDER: (
        ("Lopende termijnen van aanmeldingen", "zorgplicht:termijnen"),
        ("Arrangementen", "arrangementen:overzicht"),
        ("Toelaatbaarheidsverklaringen (TLV's)", "toelaatbaarheid:overzicht"),
        ("Ondersteuningsaanbod van uw scholen", "aanbod:overzicht"),
        ("Onenigheid met ouders", "geschillen:overzicht"),
        ("Verzuim en thuiszitters", "verzuim:overzicht"),
    ),
    Rolsoort.LOKET: (
        *_SWV,
        *_VERZUIM_RAPPORTAGE,
        ("Deskundigen van het SWV", "toelaatbaarheid:deskundigen"),
        *_SWV_AANBOD,
        *_SOCIALE_KAART,
    ),
    Rolsoort.COMMISSIELID: (*_SWV, *_SWV_AANBOD),
    Rolsoort.DIRECTEUR: (
        *_SWV,
        *_VERZUIM_RAPPORTAGE,
        ("Veilig Thuis-meldingen in de regio (aantallen)", "geschillen:veilig-thuis-cijfers"),
        ("Deskundigen van het SWV", "toelaatbaarheid:deskundigen"),
        ("Regeling TLV's", "toelaatbaarheid:regeling"),
        *_SWV_AANBOD,
        *_SOCIALE_KAART,
        *_AANBOD_INLEZEN,
        ("Signalen van het steunpunt", "steunpunt:signalen"),
        *_MONITOR,
        *_NETWERK,
        *_DOELSTELLINGEN,
        *_METING_KLAARZETTEN,
        *_MIDDELEN,
    ),
    Rolsoort.DESKUNDIGE: (
        ("Werkvoorraad arrangementen", "arrangementen:werkvoorraad"),
        ("Toelaatbaarheidsverklaringen (TLV's)", "toelaatbaarheid:overzicht"),
    ),
    Rolsoort.FUNCTIONEEL_BEHEERDER: (
        ("Deskundigen van het SWV", "toelaatbaarheid:deskundigen"),
        ("Regeling TLV's", "toelaatbaarheid:regeling"),
        *_SWV_AANBOD,
        *_SOCIALE_KAART,
        *_AANBOD_INLEZEN,
        ("Route bij onenigheid", "geschillen:route"),
        *_MONITOR,
        *_NETWERK,
        *_DOELSTELLINGEN,
        *_METING_KLAARZETTEN,
        *_MIDDELEN,
    ),
    Rolsoort.FINANCIEEL_MEDEWERKER: (
        *_MIDDELEN,
        ("Openbare verantwoording van de middelen", "verantwoording:overzicht"),
    ),
    Rolsoort.TOEZICHTHOUDER: (*_MONITOR, *_DOELSTELLINGEN, *_MIDDELEN),
    Rolsoort.OPR_LID: (*_MONITOR, *_DOELSTELLINGEN, *_MIDDELEN),
    Rolsoort.INSPECTEUR: (*_MONITOR_LANDELIJK, *_DOELSTELLINGEN),
    Rolsoort.MINISTERIE: (*_MONITOR_LANDELIJK, *_DOELSTELLINGEN, *_METING_KLAARZETTEN),
    Rolsoort.OUDER: (
        ("Meld uw kind aan bij een school", "zorgplicht:aanmelden"),
        ("Uw aanmeldingen", "zorgplicht:portaal"),
        ("Arrangementen voor uw kind", "arrangementen:portaal"),
        ("Scholen en hun ondersteuning vergelijken", "gids:zoeken"),
        ("Hulp in de regio", "gids:hulp"),
        ("Onenigheid met school", "geschillen:portaal"),
        ("Toestemming voor het steunpunt", "steunpunt:toestemming"),
    ),
    Rolsoort.LEERPLICHTAMBTENAAR: (
        ("Verzuim en thuiszitters", "verzuim:overzicht"),
        ("Absoluut verzuim melden", "verzuim:melden"),
        *_VERZUIM_RAPPORTAGE,
    ),
    Rolsoort.JEUGDHULP: (("Verzuim en thuiszitters", "verzuim:overzicht"),),
    Rolsoort.STEUNPUNTMEDEWERKER: (
        ("Contacten van het steunpunt", "steunpunt:contacten"),
        ("Contact vastleggen", "steunpunt:contact-nieuw"),
        ("Signalen voor het bestuur", "steunpunt:signalen"),
        ("Alle steunpunten (openbaar)", "steunpunten:overzicht"),
    ),
}


def startpagina_voor(*, actor: Any, route: str) -> dict[str, Any]:
    peildatum = timezone.localdate()
    return {
        **_startpagina(actor=actor, route=route, peildatum=peildatum),
        "werk": werkvoorraad(actor=actor, peildatum=peildatum),
        "processen": [
            {"label": label, "url": reverse(naam)}
            for label, naam in PROCESSEN.get(actor.rolsoort, ())
        ],
    }


def _startpagina(*, actor: Any, route: str, peildatum: Any) -> dict[str, Any]:
    rolsoort = actor.rolsoort
    if rolsoort in SCHOOLROLLEN:
        vestigingen = list(
            met_aantal_leerlingen(
                vestigingen_van_school(school=actor.rol.school),
                pad="inschrijvingen",
                peildatum=peildatum,
            )
        )
        return {
            "sjabloon": "school",
            "mag_opp_opstellen": opp_beleid.mag(actor, "starten"),
            "opp_aandacht": _opp_aandacht(actor, peildatum),
            "school": actor.rol.school,
            "vestigingen": vestigingen,
            "totaal": sum(v.aantal_leerlingen for v in vestigingen),
            "mag_inschrijven": beleid.mag(actor, "inschrijven"),
        }
    if rolsoort == Rolsoort.BESTUURDER:
        scholen = list(
            met_aantal_leerlingen(
                scholen_van_bestuur(bestuur=actor.rol.schoolbestuur),
                pad="vestigingen__inschrijvingen",
                peildatum=peildatum,
            )
        )
        return {"sjabloon": "bestuur", "bestuur": actor.rol.schoolbestuur, "scholen": scholen}
    if rolsoort in SWV_DOSSIERROLLEN or rolsoort in {
        Rolsoort.PRIVACY_OFFICER,
        Rolsoort.FUNCTIONEEL_BEHEERDER,
        *SWV_MONITORROLLEN,
        *SWV_FINANCIELE_ROLLEN,
    }:
        swv = actor.rol.samenwerkingsverband
        soorten = soorten_in_swv(samenwerkingsverband=swv, peildatum=peildatum)
        labels = dict(Soort.choices)
        return {
            "sjabloon": "swv",
            "swv": swv,
            "soorten": [{"label": labels[str(r["soort"])], "aantal": r["aantal"]} for r in soorten],
            "aantal_vestigingen": sum(r["aantal"] for r in soorten),
            "aantal_besturen": besturen_in_swv(
                samenwerkingsverband=swv, peildatum=peildatum
            ).count(),
            "aantal_dossiers": (
                leerlingen_zichtbaar_voor(actor=actor).count()
                if rolsoort in SWV_DOSSIERROLLEN
                else None
            ),
            "is_privacy_officer": rolsoort == Rolsoort.PRIVACY_OFFICER,
            "is_beheerder": rolsoort == Rolsoort.FUNCTIONEEL_BEHEERDER,
        }
    if rolsoort == Rolsoort.STEUNPUNTMEDEWERKER:
        # The steunpunt sees no pupil files: its contacts and signals are in its own app.
        return {"sjabloon": "steunpunt", "swv": actor.rol.samenwerkingsverband}
    if rolsoort in GEMEENTEROLLEN:
        return {
            "sjabloon": "leerplicht",
            "gemeente": actor.rol.gemeente,
            "aantal_dossiers": leerlingen_zichtbaar_voor(actor=actor).count(),
        }
    if rolsoort in ALLEEN_AGGREGATEN:
        return {"sjabloon": "inspectie", **_inspectie_tabel(peildatum)}
    # Parents and pupils: their own children / their own file, logged as a read.
    kinderen = list(kinderen_van(actor=actor))
    toegang_vastleggen(
        actor=actor,
        actie=Actie.LEZEN,
        object_type="startpagina",
        leerling_sleutels=[k.sleutel for k in kinderen],
        toegestaan=True,
        reden="eigen kinderen op de startpagina"
        if rolsoort == Rolsoort.OUDER
        else "eigen gegevens",
        route=route,
    )
    plannen = huidige_opps(actor=actor, leerling_ids=[k.pk for k in kinderen])
    return {
        "sjabloon": "ouder" if rolsoort == Rolsoort.OUDER else "leerling",
        "kinderen": [{"kind": kind, "opp": plannen.get(kind.pk)} for kind in kinderen],
    }


def _opp_aandacht(actor: Any, peildatum: Any) -> dict[str, int] | None:
    """The reminder on the school's start page: OPPs overdue or due for evaluation soon."""
    if not opp_beleid.mag(actor, "starten"):
        return None
    rijen = opps_met_signalen(actor=actor, vandaag=peildatum)
    return {
        "te_laat": sum(1 for r in rijen if r["te_laat_vastgesteld"] or r["evaluatie_te_laat"]),
        "binnenkort": sum(1 for r in rijen if r["evaluatie_binnenkort"]),
    }


def _inspectie_tabel(peildatum: Any) -> dict[str, Any]:
    grens = kleine_cel_grens()
    soorten = [s for s, _ in Soort.choices]
    rijen: dict[str, dict[str, Any]] = {}
    for rij in aantallen_per_swv_en_soort(peildatum=peildatum):
        code = rij["vestiging__lidmaatschappen__samenwerkingsverband__code"]
        regel = rijen.setdefault(
            code,
            {
                "code": code,
                "naam": rij["vestiging__lidmaatschappen__samenwerkingsverband__naam"],
                "cellen": {},
            },
        )
        regel["cellen"][rij["vestiging__soort"]] = rij["aantal"]
    tabel = [
        {**regel, "cellen": [onderdruk(regel["cellen"].get(s, 0), grens) for s in soorten]}
        for regel in rijen.values()
    ]
    return {"tabel": tabel, "soorten": [label for _, label in Soort.choices], "grens": grens}
