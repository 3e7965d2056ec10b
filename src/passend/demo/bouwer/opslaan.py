"""Writing a demo plan to the database.

This is seeding, not a business process: the organisations (a few dozen rows) are
validated with ``full_clean`` and the bulk (pupils, parents, enrolments, ouderschappen,
involvements) goes in with ``bulk_create`` in batches, because thousands of service calls
would take minutes. The people who log in, their roles, TOTP devices and the koppeling
go through the accounts services, like every other account. The caller holds the
transaction.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from django.contrib.auth.hashers import make_password
from django.db.models import Model

from passend.accounts.models import Gebruiker, Koppeling
from passend.accounts.services import (
    gebruiker_aanmaken,
    koppeling_aanmaken,
    rol_toekennen,
    totp_apparaat_toevoegen,
)
from passend.demo.bouwer.inlogplan import WACHTWOORD
from passend.demo.bouwer.leerlingplan import gemeente_van_postcode
from passend.demo.bouwer.plan import DemoPlan, InlogPlan, OrganisatiePlan, VestigingPlan
from passend.demo.bouwer.regio import PROVINCIE, ROLLEN_VAN, SWV_PO, SWV_VO
from passend.leerlingen.models import Betrokkenheid, Inschrijving, Leerling, Ouderschap
from passend.organisaties.models import (
    BestuurLidmaatschap,
    Gemeente,
    Samenwerkingsverband,
    School,
    Schoolbestuur,
    SwvLidmaatschap,
    Vestiging,
)

BATCH = 1000
M = TypeVar("M", bound=Model)


@dataclass
class Organisaties:
    """The saved organisations, by official code."""

    gemeenten: dict[str, Gemeente]
    samenwerkingsverbanden: dict[str, Samenwerkingsverband]
    besturen: dict[str, Schoolbestuur]
    scholen: dict[str, School]
    vestigingen: dict[str, Vestiging]

    def van(self, veld: str, code: str) -> Model:
        per_veld: dict[str, Mapping[str, Model]] = {
            "school": self.scholen,
            "schoolbestuur": self.besturen,
            "samenwerkingsverband": self.samenwerkingsverbanden,
            "gemeente": self.gemeenten,
        }
        return per_veld[veld][code]


def gevalideerd_opslaan(model: type[M], objecten: Iterable[M]) -> list[M]:
    """A few dozen organisation rows: each one validated, then inserted together."""
    lijst = list(objecten)
    for obj in lijst:
        obj.full_clean()
    return model._default_manager.bulk_create(lijst, batch_size=BATCH)


def organisaties_opslaan(plan: OrganisatiePlan) -> Organisaties:
    gemeenten = gevalideerd_opslaan(
        Gemeente, [Gemeente(code=g.code, naam=g.naam) for g in plan.gemeenten]
    )
    swvs = gevalideerd_opslaan(
        Samenwerkingsverband,
        [
            Samenwerkingsverband(code=s.code, naam=s.naam, sector=s.sector)
            for s in plan.samenwerkingsverbanden
        ],
    )
    # The demo region is one area: its municipalities are the home region of both its SWVs
    # (the neighbouring SWV of the plan has no municipality in the demo).
    for swv in swvs:
        if swv.code in (SWV_PO.code, SWV_VO.code):
            swv.werkgebied.set(gemeenten)
    besturen = gevalideerd_opslaan(
        Schoolbestuur,
        [
            Schoolbestuur(bevoegd_gezag_nummer=b.bevoegd_gezag_nummer, naam=b.naam)
            for b in plan.besturen
        ],
    )
    org = Organisaties(
        gemeenten={str(g.code): g for g in gemeenten},
        samenwerkingsverbanden={s.code: s for s in swvs},
        besturen={b.bevoegd_gezag_nummer: b for b in besturen},
        scholen={},
        vestigingen={},
    )
    scholen = gevalideerd_opslaan(
        School,
        [
            School(brin=s.brin, naam=s.naam, bestuur=org.besturen[s.huidig_bestuur])
            for s in plan.scholen
        ],
    )
    org.scholen = {s.brin: s for s in scholen}
    gevalideerd_opslaan(
        BestuurLidmaatschap,
        [
            BestuurLidmaatschap(
                school=org.scholen[s.brin],
                bestuur=org.besturen[p.bevoegd_gezag_nummer],
                van=p.van,
                tot=p.tot,
            )
            for s in plan.scholen
            for p in s.besturen
        ],
    )
    org.vestigingen = {
        v.vestigingscode: v
        for v in gevalideerd_opslaan(Vestiging, [vestiging_van(v, org) for v in plan.vestigingen])
    }
    gevalideerd_opslaan(
        SwvLidmaatschap,
        [
            SwvLidmaatschap(
                vestiging=org.vestigingen[lid.vestigingscode],
                samenwerkingsverband=org.samenwerkingsverbanden[lid.swv_code],
                sector=org.samenwerkingsverbanden[lid.swv_code].sector,
                van=lid.van,
                tot=lid.tot,
            )
            for lid in plan.lidmaatschappen
        ],
    )
    return org


def vestiging_van(v: VestigingPlan, org: Organisaties) -> Vestiging:
    return Vestiging(
        school=org.scholen[v.brin],
        vestigingscode=v.vestigingscode,
        naam=v.naam,
        soort=v.soort,
        onderwijsstructuur=v.onderwijsstructuur,
        denominatie=v.denominatie,
        straat=v.straat,
        huisnummer=v.huisnummer,
        postcode=v.postcode,
        plaats=v.plaats,
        gemeente=org.gemeenten[v.gemeente_code],
        provincie=PROVINCIE,
        breedtegraad=v.breedtegraad,
        lengtegraad=v.lengtegraad,
        leerlingenaantal=v.leerlingenaantal,
    )


def inlogger_opslaan(inlogger: InlogPlan, org: Organisaties) -> Gebruiker:
    """A person with the demo password, a confirmed TOTP device and one running role."""
    gebruiker = gebruiker_aanmaken(
        gebruikersnaam=inlogger.gebruikersnaam,
        voornaam=inlogger.voornaam,
        achternaam=inlogger.achternaam,
        wachtwoord=WACHTWOORD,
    )
    totp_apparaat_toevoegen(gebruiker=gebruiker, sleutel_hex=inlogger.totp_sleutel_hex)
    organisatie = org.van(*inlogger.organisatie) if inlogger.organisatie else None
    rol_toekennen(
        gebruiker=gebruiker, rolsoort=inlogger.rolsoort, organisatie=organisatie, van=ROLLEN_VAN
    )
    return gebruiker


def ouders_opslaan(plan: DemoPlan, inloggers: dict[int, Gebruiker]) -> list[Gebruiker]:
    """All parents, by plan index: those with a log-in exist already, the rest cannot log in."""
    nieuw = [
        Gebruiker(
            username=ouder.gebruikersnaam,
            first_name=ouder.voornaam,
            last_name=ouder.achternaam,
            email=ouder.email,
            password=make_password(None),
        )
        for index, ouder in enumerate(plan.leerlingen.ouders)
        if index not in inloggers
    ]
    opgeslagen = iter(Gebruiker.objects.bulk_create(nieuw, batch_size=BATCH))
    return [
        inloggers[index] if index in inloggers else next(opgeslagen)
        for index in range(len(plan.leerlingen.ouders))
    ]


def leerlingen_opslaan(
    plan: DemoPlan, org: Organisaties, inloggers: dict[int, Gebruiker]
) -> list[Leerling]:
    leerlingen = Leerling.objects.bulk_create(
        [
            Leerling(
                sleutel=leerling.sleutel,
                voornamen=leerling.voornamen,
                roepnaam=leerling.roepnaam,
                tussenvoegsel=leerling.tussenvoegsel,
                achternaam=leerling.achternaam,
                geboortedatum=leerling.geboortedatum,
                postcode=leerling.postcode,
                woongemeente=org.gemeenten[gemeente_van_postcode(leerling.postcode)],
                gebruiker=inloggers.get(index),
            )
            for index, leerling in enumerate(plan.leerlingen.leerlingen)
        ],
        batch_size=BATCH,
    )
    Inschrijving.objects.bulk_create(
        (
            Inschrijving(
                leerling=leerling, vestiging=org.vestigingen[i.vestigingscode], van=i.van, tot=i.tot
            )
            for leerling, lp in zip(leerlingen, plan.leerlingen.leerlingen, strict=True)
            for i in lp.inschrijvingen
        ),
        batch_size=BATCH,
    )
    return leerlingen


def gezinnen_opslaan(plan: DemoPlan, leerlingen: list[Leerling], ouders: list[Gebruiker]) -> None:
    Ouderschap.objects.bulk_create(
        (
            Ouderschap(
                ouder=ouders[o.ouder],
                leerling=leerlingen[o.leerling],
                relatie=o.relatie,
                gezag=o.gezag,
            )
            for o in plan.leerlingen.ouderschappen
        ),
        batch_size=BATCH,
    )


def betrokkenheden_opslaan(plan: DemoPlan, org: Organisaties, leerlingen: list[Leerling]) -> None:
    gebruikers = {
        g.username: g
        for g in Gebruiker.objects.filter(
            username__in={
                b.gebruikersnaam for b in plan.leerlingen.betrokkenheden if b.gebruikersnaam
            }
        )
    }
    Betrokkenheid.objects.bulk_create(
        (
            Betrokkenheid(
                leerling=leerlingen[b.leerling],
                samenwerkingsverband=org.samenwerkingsverbanden[b.swv_code] if b.swv_code else None,
                gebruiker=gebruikers[b.gebruikersnaam] if b.gebruikersnaam else None,
                grond=b.grond,
                van=b.van,
            )
            for b in plan.leerlingen.betrokkenheden
        ),
        batch_size=BATCH,
    )


def koppeling_opslaan(plan: DemoPlan, org: Organisaties) -> Koppeling:
    """A technical user (no password, no log-in) holds the school role the token acts with."""
    koppeling = plan.koppeling
    gebruiker = gebruiker_aanmaken(
        gebruikersnaam=koppeling.gebruikersnaam, voornaam="Koppeling", achternaam=koppeling.naam
    )
    rol = rol_toekennen(
        gebruiker=gebruiker,
        rolsoort=koppeling.rolsoort,
        organisatie=org.scholen[koppeling.brin],
        van=ROLLEN_VAN,
    )
    opgeslagen, _ = koppeling_aanmaken(naam=koppeling.naam, rol=rol, token=koppeling.token)
    return opgeslagen


def plan_opslaan(plan: DemoPlan, schrijf: Any = None) -> dict[str, int]:
    """Write the whole plan; returns the number of rows per kind. Call inside a transaction."""
    meld = schrijf or (lambda tekst: None)
    org = organisaties_opslaan(plan.organisaties)
    meld(f"  {len(org.vestigingen)} vestigingen van {len(org.scholen)} scholen opgeslagen")
    gebruikers = {i.gebruikersnaam: inlogger_opslaan(i, org) for i in plan.inloggers}
    meld(f"  {len(gebruikers)} log-ins met rol en TOTP-apparaat opgeslagen")
    ouder_inlog = {
        i.ouder: gebruikers[i.gebruikersnaam] for i in plan.inloggers if i.ouder is not None
    }
    leerling_inlog = {
        i.leerling: gebruikers[i.gebruikersnaam] for i in plan.inloggers if i.leerling is not None
    }
    ouders = ouders_opslaan(plan, ouder_inlog)
    leerlingen = leerlingen_opslaan(plan, org, leerling_inlog)
    gezinnen_opslaan(plan, leerlingen, ouders)
    meld(f"  {len(leerlingen)} leerlingen en {len(ouders)} ouders opgeslagen")
    betrokkenheden_opslaan(plan, org, leerlingen)
    koppeling_opslaan(plan, org)
    return {
        "vestigingen": len(org.vestigingen),
        "leerlingen": len(leerlingen),
        "inschrijvingen": sum(len(lp.inschrijvingen) for lp in plan.leerlingen.leerlingen),
        "ouders": len(ouders),
        "ouderschappen": len(plan.leerlingen.ouderschappen),
        "betrokkenheden": len(plan.leerlingen.betrokkenheden),
        "inlogs": len(gebruikers),
    }
