"""Pure rules about roles: which roles exist, in which kind of organisation they are held."""

from django.db import models


class OrganisatieType(models.TextChoices):
    SCHOOL = "school", "School"
    BESTUUR = "schoolbestuur", "Schoolbestuur"
    SWV = "samenwerkingsverband", "Samenwerkingsverband"
    GEMEENTE = "gemeente", "Gemeente"
    LANDELIJK = "landelijk", "Landelijk"
    PRIVE = "prive", "Privé"


class Rolsoort(models.TextChoices):
    LERAAR = "leraar", "Leraar"
    INTERN_BEGELEIDER = "intern_begeleider", "Intern begeleider / ondersteuningscoördinator"
    SCHOOLLEIDER = "schoolleider", "Schoolleider"
    BESTUURDER = "bestuurder", "Bestuurder"
    LOKET = "loket", "Loket / consulent"
    COMMISSIELID = "commissielid", "Lid commissie van toewijzing"
    DESKUNDIGE = "deskundige", "Deskundige"
    DIRECTEUR = "directeur", "Directeur-bestuurder"
    PRIVACY_OFFICER = "privacy_officer", "Privacy officer"
    FUNCTIONEEL_BEHEERDER = "functioneel_beheerder", "Functioneel beheerder"
    FINANCIEEL_MEDEWERKER = "financieel_medewerker", "Controller / financieel medewerker"
    LEERPLICHTAMBTENAAR = "leerplichtambtenaar", "Leerplichtambtenaar"
    JEUGDHULP = "jeugdhulp", "Jeugdhulp (gemeente)"
    STEUNPUNTMEDEWERKER = "steunpuntmedewerker", "Medewerker ouder- en jeugdsteunpunt"
    TOEZICHTHOUDER = "toezichthouder", "Bestuurslid / toezichthouder samenwerkingsverband"
    OPR_LID = "opr_lid", "Lid ondersteuningsplanraad"
    INSPECTEUR = "inspecteur", "Inspecteur"
    MINISTERIE = "ministerie", "Beleidsmedewerker ministerie van OCW"
    OUDER = "ouder", "Ouder / verzorger"
    LEERLING = "leerling", "Leerling"


#: In which kind of organisation each role is held.
ORGANISATIE_VAN_ROL: dict[str, str] = {
    Rolsoort.LERAAR: OrganisatieType.SCHOOL,
    Rolsoort.INTERN_BEGELEIDER: OrganisatieType.SCHOOL,
    Rolsoort.SCHOOLLEIDER: OrganisatieType.SCHOOL,
    Rolsoort.BESTUURDER: OrganisatieType.BESTUUR,
    Rolsoort.LOKET: OrganisatieType.SWV,
    Rolsoort.COMMISSIELID: OrganisatieType.SWV,
    Rolsoort.DESKUNDIGE: OrganisatieType.SWV,
    Rolsoort.DIRECTEUR: OrganisatieType.SWV,
    Rolsoort.PRIVACY_OFFICER: OrganisatieType.SWV,
    Rolsoort.FUNCTIONEEL_BEHEERDER: OrganisatieType.SWV,
    # The SWV's controller keeps its budget (middelen); never a pupil file.
    Rolsoort.FINANCIEEL_MEDEWERKER: OrganisatieType.SWV,
    Rolsoort.LEERPLICHTAMBTENAAR: OrganisatieType.GEMEENTE,
    Rolsoort.JEUGDHULP: OrganisatieType.GEMEENTE,
    # The steunpunt is independent, but every SWV has one (from 1-1-2025): its workers hold
    # their role in that SWV. They are not SWV staff for pupil files (see the policies).
    Rolsoort.STEUNPUNTMEDEWERKER: OrganisatieType.SWV,
    # The SWV's board (or supervisory board) and its ondersteuningsplanraad read the
    # region's figures (the monitor), never a pupil file.
    Rolsoort.TOEZICHTHOUDER: OrganisatieType.SWV,
    Rolsoort.OPR_LID: OrganisatieType.SWV,
    Rolsoort.INSPECTEUR: OrganisatieType.LANDELIJK,
    Rolsoort.MINISTERIE: OrganisatieType.LANDELIJK,
    Rolsoort.OUDER: OrganisatieType.PRIVE,
    Rolsoort.LEERLING: OrganisatieType.PRIVE,
}

SCHOOLROLLEN = frozenset({Rolsoort.LERAAR, Rolsoort.INTERN_BEGELEIDER, Rolsoort.SCHOOLLEIDER})
SWV_ROLLEN = frozenset(r for r, org in ORGANISATIE_VAN_ROL.items() if org == OrganisatieType.SWV)
#: Roles of the municipality: they see only the verzuim cases they are a partner in.
GEMEENTEROLLEN = frozenset({Rolsoort.LEERPLICHTAMBTENAAR, Rolsoort.JEUGDHULP})
#: Roles that see only aggregates, never a pupil.
ALLEEN_AGGREGATEN = frozenset({Rolsoort.INSPECTEUR, Rolsoort.MINISTERIE})
#: Roles of an SWV that read only the region's figures (the monitor), never a pupil.
SWV_MONITORROLLEN = frozenset({Rolsoort.TOEZICHTHOUDER, Rolsoort.OPR_LID})
#: Roles of an SWV that edit its budget (middelen): the finance roles.
SWV_FINANCIELE_ROLLEN = frozenset({Rolsoort.FINANCIEEL_MEDEWERKER})
#: Roles of private persons (B1 language, no organisation).
PRIVEROLLEN = frozenset({Rolsoort.OUDER, Rolsoort.LEERLING})


def organisatieveld(rolsoort: str) -> str | None:
    """The field of Rol that must be set for this role (None: no organisation)."""
    velden: dict[str, str] = {
        OrganisatieType.SCHOOL: "school",
        OrganisatieType.BESTUUR: "schoolbestuur",
        OrganisatieType.SWV: "samenwerkingsverband",
        OrganisatieType.GEMEENTE: "gemeente",
    }
    return velden.get(ORGANISATIE_VAN_ROL[rolsoort])


def twee_factor_verplicht(rolsoort: str) -> bool:
    """TOTP is required for all staff; for parents and pupils too, for now (DigiD later)."""
    return True
