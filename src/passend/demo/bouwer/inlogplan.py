"""Planning who logs in to the demo: one person for every role, plus an API koppeling.

Every log-in has the same known password and a TOTP key derived from the seed and the
user name, so ``make demo`` always prints the same secrets for the same seed. These are
demo secrets: never load a demo region into a production database.
"""

import base64
import hashlib
from datetime import date

from faker import Faker

from passend.accounts.rules import Rolsoort
from passend.demo.bouwer.namen import slug
from passend.demo.bouwer.plan import InlogPlan, KoppelingPlan, LeerlingenPlan, OrganisatiePlan
from passend.demo.bouwer.regio import SWV_PO, SWV_VO
from passend.leerlingen.rules import leeftijd_op
from passend.organisaties.rules import Soort

WACHTWOORD = "Passend-demo-2026!"
LEERPLICHT_GEMEENTE = "9901"
LEERPLICHTAMBTENAAR = "leerplicht.lingebroek"
JEUGDHULP = "jeugdhulp.lingebroek"
STEUNPUNT_PO = "steunpunt.po"
KOPPELING_SCHOOL = "dezonnebloem"
KOPPELING_ROL = Rolsoort.SCHOOLLEIDER
LOGIN_LEERLING_VO_SCHOOL = "dedriestroom"

#: (user name, role, kind of organisation, key in the catalogue or official code).
PERSONEEL: tuple[tuple[str, str, str | None, str | None], ...] = (
    ("leraar.dezonnebloem", Rolsoort.LERAAR, "school", "dezonnebloem"),
    ("ib.dezonnebloem", Rolsoort.INTERN_BEGELEIDER, "school", "dezonnebloem"),
    ("schoolleider.dezonnebloem", Rolsoort.SCHOOLLEIDER, "school", "dezonnebloem"),
    ("ib.debrug", Rolsoort.INTERN_BEGELEIDER, "school", "debrug"),
    ("leraar.dedriestroom", Rolsoort.LERAAR, "school", "dedriestroom"),
    ("ib.dedriestroom", Rolsoort.INTERN_BEGELEIDER, "school", "dedriestroom"),
    ("schoolleider.dedriestroom", Rolsoort.SCHOOLLEIDER, "school", "dedriestroom"),
    ("bestuurder.openbaar", Rolsoort.BESTUURDER, "schoolbestuur", "openbaar"),
    ("loket.po", Rolsoort.LOKET, "samenwerkingsverband", SWV_PO.code),
    ("commissielid.po", Rolsoort.COMMISSIELID, "samenwerkingsverband", SWV_PO.code),
    ("deskundige.po", Rolsoort.DESKUNDIGE, "samenwerkingsverband", SWV_PO.code),
    ("directeur.po", Rolsoort.DIRECTEUR, "samenwerkingsverband", SWV_PO.code),
    ("privacy.po", Rolsoort.PRIVACY_OFFICER, "samenwerkingsverband", SWV_PO.code),
    ("beheer.po", Rolsoort.FUNCTIONEEL_BEHEERDER, "samenwerkingsverband", SWV_PO.code),
    ("loket.vo", Rolsoort.LOKET, "samenwerkingsverband", SWV_VO.code),
    (LEERPLICHTAMBTENAAR, Rolsoort.LEERPLICHTAMBTENAAR, "gemeente", LEERPLICHT_GEMEENTE),
    (JEUGDHULP, Rolsoort.JEUGDHULP, "gemeente", LEERPLICHT_GEMEENTE),
    (STEUNPUNT_PO, Rolsoort.STEUNPUNTMEDEWERKER, "samenwerkingsverband", SWV_PO.code),
    ("inspecteur", Rolsoort.INSPECTEUR, None, None),
    # The regional monitor (issue #7): who reads the KPI dashboard with small cells hidden.
    ("toezicht.po", Rolsoort.TOEZICHTHOUDER, "samenwerkingsverband", SWV_PO.code),
    ("opr.po", Rolsoort.OPR_LID, "samenwerkingsverband", SWV_PO.code),
    ("ministerie", Rolsoort.MINISTERIE, None, None),
    # Middelen (issue #8): the SWV's controller keeps the budget.
    ("controller.po", Rolsoort.FINANCIEEL_MEDEWERKER, "samenwerkingsverband", SWV_PO.code),
)


def totp_sleutel(seed: int, gebruikersnaam: str) -> str:
    """40 hex characters (20 bytes, the usual TOTP key size), fixed per seed and user."""
    return hashlib.sha256(f"passend-demo|{seed}|totp|{gebruikersnaam}".encode()).hexdigest()[:40]


def koppeling_token(seed: int) -> str:
    digest = hashlib.sha256(f"passend-demo|{seed}|koppeling".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def uniek(basis: str, bezet: set[str]) -> str:
    naam, teller = basis, 1
    while naam in bezet:
        teller += 1
        naam = f"{basis}{teller}"
    bezet.add(naam)
    return naam


def organisatiecode(
    organisaties: OrganisatiePlan, veld: str | None, sleutel: str | None
) -> tuple[str, str] | None:
    if veld is None or sleutel is None:
        return None
    if veld == "school":
        return veld, organisaties.school(sleutel).brin
    if veld == "schoolbestuur":
        return veld, organisaties.bestuur(sleutel).bevoegd_gezag_nummer
    return veld, sleutel


def personeel_plannen(seed: int, organisaties: OrganisatiePlan) -> list[InlogPlan]:
    fake = Faker("nl_NL")
    fake.seed_instance(f"{seed}|personeel")
    return [
        InlogPlan(
            gebruikersnaam=naam,
            voornaam=fake.first_name(),
            achternaam=fake.last_name(),
            rolsoort=rolsoort,
            organisatie=organisatiecode(organisaties, veld, sleutel),
            totp_sleutel_hex=totp_sleutel(seed, naam),
        )
        for naam, rolsoort, veld, sleutel in PERSONEEL
    ]


def ouders_met_inlog_kiezen(leerlingen: LeerlingenPlan, soort_van: dict[str, str]) -> list[int]:
    """Three parents with gezag: one with two children at different schools, one with a
    child in special education, one with a child at a bao. From different families."""
    kinderen_van: dict[int, list[int]] = {}
    for ouderschap in leerlingen.ouderschappen:
        if ouderschap.gezag:
            kinderen_van.setdefault(ouderschap.ouder, []).append(ouderschap.leerling)

    def school_van(kind: int) -> str:
        return leerlingen.leerlingen[kind].huidige_inschrijving.vestigingscode[:4]

    def soort_van_kind(kind: int) -> str:
        return soort_van[leerlingen.leerlingen[kind].huidige_inschrijving.vestigingscode]

    wensen = (
        lambda kinderen: len({school_van(k) for k in kinderen}) >= 2,
        lambda kinderen: any(
            soort_van_kind(k) in (Soort.SBO, Soort.SO, Soort.SO_VSO) for k in kinderen
        ),
        lambda kinderen: any(soort_van_kind(k) == Soort.BAO for k in kinderen),
    )
    gekozen: list[int] = []
    gezien: set[int] = set()
    for wens in wensen:
        for ouder, kinderen in kinderen_van.items():
            if not gezien.intersection(kinderen) and wens(kinderen):
                gekozen.append(ouder)
                gezien.update(kinderen)
                break
    return gekozen


def leerlingen_met_inlog_kiezen(
    leerlingen: LeerlingenPlan, organisaties: OrganisatiePlan, peildatum: date
) -> list[int]:
    """Two pupils of twelve or older: one at the vo school whose staff log in, one in
    praktijkonderwijs or (v)so."""
    brin_vo = organisaties.school(LOGIN_LEERLING_VO_SCHOOL).brin
    soort_van = {v.vestigingscode: v.soort for v in organisaties.vestigingen}
    wensen = (
        lambda code: code.startswith(brin_vo),
        lambda code: soort_van[code] in (Soort.PRO, Soort.VSO),
    )
    gekozen = []
    for wens in wensen:
        for index, leerling in enumerate(leerlingen.leerlingen):
            oud_genoeg = leeftijd_op(leerling.geboortedatum, peildatum) >= 13
            if (
                oud_genoeg
                and wens(leerling.huidige_inschrijving.vestigingscode)
                and index not in gekozen
            ):
                gekozen.append(index)
                break
    return gekozen


def prive_inloggers_plannen(
    seed: int,
    leerlingen: LeerlingenPlan,
    organisaties: OrganisatiePlan,
    peildatum: date,
    bezet: set[str],
) -> list[InlogPlan]:
    soort_van = {v.vestigingscode: v.soort for v in organisaties.vestigingen}
    inloggers = []
    for index in ouders_met_inlog_kiezen(leerlingen, soort_van):
        ouder = leerlingen.ouders[index]
        naam = uniek(f"ouder.{slug(ouder.achternaam)}", bezet)
        inloggers.append(
            InlogPlan(
                gebruikersnaam=naam,
                voornaam=ouder.voornaam,
                achternaam=ouder.achternaam,
                rolsoort=Rolsoort.OUDER,
                organisatie=None,
                totp_sleutel_hex=totp_sleutel(seed, naam),
                ouder=index,
            )
        )
    for index in leerlingen_met_inlog_kiezen(leerlingen, organisaties, peildatum):
        leerling = leerlingen.leerlingen[index]
        naam = uniek(f"leerling.{slug(leerling.roepnaam)}", bezet)
        inloggers.append(
            InlogPlan(
                gebruikersnaam=naam,
                voornaam=leerling.roepnaam,
                achternaam=f"{leerling.tussenvoegsel} {leerling.achternaam}".strip(),
                rolsoort=Rolsoort.LEERLING,
                organisatie=None,
                totp_sleutel_hex=totp_sleutel(seed, naam),
                leerling=index,
            )
        )
    return inloggers


def plan_inloggers(
    *, seed: int, organisaties: OrganisatiePlan, leerlingen: LeerlingenPlan, peildatum: date
) -> tuple[InlogPlan, ...]:
    personeel = personeel_plannen(seed, organisaties)
    bezet = {p.gebruikersnaam for p in personeel}
    return (*personeel, *prive_inloggers_plannen(seed, leerlingen, organisaties, peildatum, bezet))


def plan_koppeling(*, seed: int, organisaties: OrganisatiePlan) -> KoppelingPlan:
    school = organisaties.school(KOPPELING_SCHOOL)
    return KoppelingPlan(
        naam=f"Leerlingadministratie {school.naam}",
        gebruikersnaam=f"koppeling.{KOPPELING_SCHOOL}",
        rolsoort=KOPPELING_ROL,
        brin=school.brin,
        token=koppeling_token(seed),
    )
