"""The vocabulary of the authorization matrix, shared by the core matrix and the apps' parts."""

from dataclasses import dataclass

from passend.accounts.rules import Rolsoort

R = Rolsoort

GROEPEN: dict[str, frozenset[str]] = {
    "leraar": frozenset({R.LERAAR}),
    "register": frozenset({R.INTERN_BEGELEIDER, R.SCHOOLLEIDER}),
    "school": frozenset({R.LERAAR, R.INTERN_BEGELEIDER, R.SCHOOLLEIDER}),
    "bestuurder": frozenset({R.BESTUURDER}),
    "swv_dossier": frozenset({R.LOKET, R.COMMISSIELID, R.DESKUNDIGE, R.DIRECTEUR}),
    "privacy_officer": frozenset({R.PRIVACY_OFFICER}),
    "functioneel_beheerder": frozenset({R.FUNCTIONEEL_BEHEERDER}),
    "financieel": frozenset({R.FINANCIEEL_MEDEWERKER}),
    "leerplichtambtenaar": frozenset({R.LEERPLICHTAMBTENAAR}),
    "jeugdhulp": frozenset({R.JEUGDHULP}),
    "gemeente": frozenset({R.LEERPLICHTAMBTENAAR, R.JEUGDHULP}),
    "steunpunt": frozenset({R.STEUNPUNTMEDEWERKER}),
    "inspecteur": frozenset({R.INSPECTEUR}),
    "ministerie": frozenset({R.MINISTERIE}),
    "landelijk": frozenset({R.INSPECTEUR, R.MINISTERIE}),
    "toezichthouder": frozenset({R.TOEZICHTHOUDER}),
    "opr_lid": frozenset({R.OPR_LID}),
    "ouder": frozenset({R.OUDER}),
    "leerling": frozenset({R.LEERLING}),
    "prive": frozenset({R.OUDER, R.LEERLING}),
    "alle_rollen": frozenset(Rolsoort.values),
}
ANONIEM = "anoniem"
OVERIGE = "overige"


@dataclass(frozen=True)
class Redirect:
    """A 302 to this named route (the query string is not compared)."""

    naar: str

    def __str__(self) -> str:
        return f"302→{self.naar}"


NAAR_LOGIN = Redirect("two_factor:login")
NAAR_MIJN_WERK = Redirect("accounts:mijn-werk")

Uitkomst = int | Redirect
#: Only the own organisation's object: allowed on the own one, hidden (404) on another.
EIGEN_200 = {"eigen": 200, "ander": 404}
#: Nobody's object is shown to this role.
NIETS = {"eigen": 404, "ander": 404}
#: Public data: the same for the own and another organisation's object.
OPENBAAR = {"eigen": 200, "ander": 200}

# Frequently used whole entries.
PUBLIEK = {ANONIEM: 200, "alle_rollen": 200}
INGELOGD = {ANONIEM: NAAR_LOGIN, "alle_rollen": 200}
API_INGELOGD = {ANONIEM: 401, "alle_rollen": 200}

#: One route's entry: METHOD → role or group → outcome.
Entry = dict[str, dict[str, object]]
