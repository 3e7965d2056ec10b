"""What-if changes of a dekkend netwerk analysis, applied to the supply (pure, no database).

A what-if is a list of changes (``monitor.rules.Wijzigingssoort``), each a JSON object::

    {"soort": "capaciteit",         "vestiging": code, "niveau": n, "gebied": g, "capaciteit": int ≥ 0}
    {"soort": "gebied_toevoegen",   "vestiging": code, "niveau": n, "gebied": g, "capaciteit": int > 0}
    {"soort": "gebied_verwijderen", "vestiging": code, "niveau": n, "gebied": g}
    {"soort": "sluiten",            "vestiging": code}
    {"soort": "openen", "naam": str, "soort": location soort, "bij_vestiging": code,
                        "plaatsen": [{"niveau": n, "gebied": g, "capaciteit": int > 0}]}

Changes apply in order to the list of ``Locatie`` (the current supply):

- ``capaciteit`` sets the places of a (niveau, gebied) the location already offers (0 keeps
  the offer without places); ``gebied_toevoegen`` adds a (niveau, gebied) it does not offer
  yet; ``gebied_verwijderen`` removes one it offers. The niveau must fit the location's
  soort (a regular location offers ``extra``; an sbo location ``sbo``; ...);
- ``sluiten`` removes the location; later changes may not name it;
- ``openen`` adds a location of the given soort at the address of an existing member
  location (``bij_vestiging``, which may itself be closed in the same what-if), with id
  ``nieuw-1``, ``nieuw-2``, ... in the order they are opened; later changes may name it by
  that id.

``toepassen`` checks every change and raises ``OngeldigeWijzigingen`` with one Dutch
message per problem, each naming the change's number ("Wijziging 2: ..."), so nothing runs
on a half-valid what-if.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

from passend.monitor.netwerk.model import Locatie
from passend.monitor.netwerk.vraag import NIVEAU_LABELS, NIVEAUS_VAN_SECTOR, NIVEAUS_VAN_SOORT
from passend.monitor.rules import Wijzigingssoort
from passend.organisaties.rules import SECTOREN_VAN_SOORT, Sector

W = Wijzigingssoort

#: The most places one change may state (a guard against typing errors).
MAXIMALE_CAPACITEIT = 100_000
#: The most changes one what-if may hold.
MAXIMAAL_AANTAL_WIJZIGINGEN = 200
MAXIMALE_NAAMLENGTE = 200


class OngeldigeWijzigingen(ValueError):
    """The changes cannot be applied: ``meldingen`` says why, per change."""

    def __init__(self, meldingen: list[str]) -> None:
        super().__init__("; ".join(meldingen))
        self.meldingen = meldingen


def _tekst(waarde: Any) -> str | None:
    return waarde.strip() if isinstance(waarde, str) and waarde.strip() else None


def _aantal(waarde: Any, *, minimum: int) -> int | None:
    if isinstance(waarde, bool) or not isinstance(waarde, int):
        return None
    return waarde if minimum <= waarde <= MAXIMALE_CAPACITEIT else None


def toepassen(
    locaties: Sequence[Locatie],
    wijzigingen: Any,
    *,
    gebieden: Mapping[str, str],
    zonder_coordinaten: Iterable[str] = (),
    nummer_vanaf: int = 1,
    nieuw_vanaf: int = 1,
    adressen: Sequence[Locatie] | None = None,
    sector: str | None = None,
) -> list[Locatie]:
    """The supply after the changes (see the module docstring), or ``OngeldigeWijzigingen``.

    ``gebieden``: the known gebied codes → names; ``zonder_coordinaten``: member locations
    that cannot take part (they have no coordinates); ``nummer_vanaf``: the number of the
    first change in messages; ``nieuw_vanaf``: the number of the first opened location;
    ``adressen``: the locations a new one may stand beside (default ``locaties``; the
    service passes the supply before any change, so a location closed by the basis still
    serves as an address); ``sector``: the SWV's sector ('po'/'vo'): a niveau of the other
    sector, or a new location of a soort that does not belong to the sector, is refused
    (the SWV's supply holds only its own sector's places). ``None`` (exported data) checks
    only that the niveau fits the location's soort.
    """
    if not isinstance(wijzigingen, list):
        raise OngeldigeWijzigingen(["Geef de wijzigingen als een lijst."])
    if len(wijzigingen) > MAXIMAAL_AANTAL_WIJZIGINGEN:
        raise OngeldigeWijzigingen(
            [f"Geef ten hoogste {MAXIMAAL_AANTAL_WIJZIGINGEN} wijzigingen tegelijk."]
        )
    huidig: dict[str, Locatie] = {loc.id: loc for loc in locaties}
    adressen_: dict[str, Locatie] = {loc.id: loc for loc in (adressen or locaties)}
    adressen_.update(huidig)
    gesloten: dict[str, int] = {}
    zonder = set(zonder_coordinaten)
    meldingen: list[str] = []
    nieuw = nieuw_vanaf

    for nummer, wijziging in enumerate(wijzigingen, start=nummer_vanaf):
        fouten: list[str] = []

        def fout(tekst: str, _fouten: list[str] = fouten) -> None:
            _fouten.append(tekst)

        if not isinstance(wijziging, dict):
            meldingen.append(f"Wijziging {nummer}: geef een wijziging als object.")
            continue
        soort = wijziging.get("soort")
        if soort not in W.values:
            meldingen.append(
                f"Wijziging {nummer}: onbekende soort wijziging; kies uit "
                + ", ".join(W.values)
                + "."
            )
            continue

        if soort == W.OPENEN:
            naam = _tekst(wijziging.get("naam"))
            locatiesoort = wijziging.get("soort_locatie", wijziging.get("locatiesoort"))
            # The contract names the new location's kind "soort" next to the change's own
            # "soort": accept it under "soort_locatie"/"locatiesoort", and fall back to the
            # location the new one stands beside.
            bij = wijziging.get("bij_vestiging")
            if naam is None:
                fout("geef de nieuwe locatie een naam.")
            elif len(naam) > MAXIMALE_NAAMLENGTE:
                fout(f"de naam is te lang (ten hoogste {MAXIMALE_NAAMLENGTE} tekens).")
            plek = adressen_.get(bij) if isinstance(bij, str) else None
            if plek is None:
                fout(_onbekende_vestiging(bij, zonder, "bij_vestiging"))
            if locatiesoort is None and plek is not None:
                locatiesoort = plek.soort
            if not isinstance(locatiesoort, str) or locatiesoort not in NIVEAUS_VAN_SOORT:
                fout("kies een bestaande soort school voor de nieuwe locatie.")
                locatiesoort = None
            elif sector is not None and sector.upper() not in SECTOREN_VAN_SOORT.get(
                locatiesoort, ()
            ):
                fout(
                    f"een locatie van soort {locatiesoort} hoort niet bij de sector van uw "
                    f"samenwerkingsverband ({_sectornaam(sector)}); kies uit "
                    f"{', '.join(_soorten_van(sector))}."
                )
                locatiesoort = None
            plaatsen = wijziging.get("plaatsen")
            capaciteit: dict[tuple[str, str], int] = {}
            if not isinstance(plaatsen, list) or not plaatsen:
                fout("geef de plaatsen van de nieuwe locatie (niveau, gebied en aantal).")
                plaatsen = []
            for plaats in plaatsen:
                if not isinstance(plaats, dict):
                    fout("geef elke plaats als object met niveau, gebied en capaciteit.")
                    continue
                cel = _cel(plaats, locatiesoort, gebieden, fout, sector)
                aantal = _aantal(plaats.get("capaciteit"), minimum=1)
                if aantal is None:
                    fout(f"geef een aantal plaatsen van 1 tot en met {MAXIMALE_CAPACITEIT}.")
                if cel is not None and cel in capaciteit:
                    fout("noem elke combinatie van niveau en gebied maar één keer.")
                elif cel is not None and aantal is not None:
                    capaciteit[cel] = aantal
            if not fouten and plek is not None and naam is not None and locatiesoort:
                nieuw_id = f"nieuw-{nieuw}"
                nieuw += 1
                huidig[nieuw_id] = Locatie(
                    id=nieuw_id,
                    breedtegraad=plek.breedtegraad,
                    lengtegraad=plek.lengtegraad,
                    soort=locatiesoort,
                    capaciteit=capaciteit,
                    naam=naam,
                    regio=plek.regio,
                )
                adressen_[nieuw_id] = huidig[nieuw_id]
        else:
            code = wijziging.get("vestiging")
            loc = huidig.get(code) if isinstance(code, str) else None
            if loc is None:
                if isinstance(code, str) and code in gesloten:
                    fout(f"deze vestiging is in wijziging {gesloten[code]} al gesloten.")
                elif isinstance(code, str) and code in adressen_:
                    fout("deze vestiging is in de analyse waarop u voortbouwt al gesloten.")
                else:
                    fout(_onbekende_vestiging(code, zonder, "vestiging"))
            elif soort == W.SLUITEN:
                del huidig[loc.id]
                gesloten[loc.id] = nummer
            else:
                cel = _cel(wijziging, loc.soort, gebieden, fout, sector)
                if cel is not None:
                    biedt = cel in loc.capaciteit
                    label = f"{cel[0]} in gebied {gebieden.get(cel[1], cel[1])}"
                    nieuwe = dict(loc.capaciteit)
                    if soort == W.CAPACITEIT:
                        aantal = _aantal(wijziging.get("capaciteit"), minimum=0)
                        if not biedt:
                            fout(
                                f"deze vestiging biedt nog geen plaatsen voor {label}; "
                                "voeg dat eerst toe."
                            )
                        elif aantal is None:
                            fout(
                                f"geef een aantal plaatsen van 0 tot en met {MAXIMALE_CAPACITEIT}."
                            )
                        else:
                            nieuwe[cel] = aantal
                    elif soort == W.GEBIED_TOEVOEGEN:
                        aantal = _aantal(wijziging.get("capaciteit"), minimum=1)
                        if biedt:
                            fout(
                                f"deze vestiging biedt al plaatsen voor {label}; "
                                "wijzig daar het aantal plaatsen."
                            )
                        elif aantal is None:
                            fout(
                                f"geef een aantal plaatsen van 1 tot en met {MAXIMALE_CAPACITEIT}."
                            )
                        else:
                            nieuwe[cel] = aantal
                    elif soort == W.GEBIED_VERWIJDEREN:
                        if not biedt:
                            fout(f"deze vestiging biedt geen plaatsen voor {label}.")
                        else:
                            del nieuwe[cel]
                    if not fouten:
                        huidig[loc.id] = replace(loc, capaciteit=nieuwe)
        meldingen.extend(f"Wijziging {nummer}: {tekst}" for tekst in fouten)
    if meldingen:
        raise OngeldigeWijzigingen(meldingen)
    return list(huidig.values())


def _onbekende_vestiging(code: Any, zonder: set[str], veld: str) -> str:
    if not isinstance(code, str) or not code:
        return f"kies een vestiging ('{veld}')."
    if code in zonder:
        return "deze vestiging heeft geen bekende ligging (coördinaten) en telt niet mee."
    return "deze vestiging hoort niet bij uw samenwerkingsverband."


def _sectornaam(sector: str) -> str:
    return str(dict(Sector.choices).get(sector.upper(), sector)).lower()


def _soorten_van(sector: str) -> list[str]:
    """The location soorten that belong to the sector (as in ``organisaties.rules``)."""
    return [soort for soort, sectoren in SECTOREN_VAN_SOORT.items() if sector.upper() in sectoren]


def _cel(
    gegevens: Mapping[str, Any],
    locatiesoort: str | None,
    gebieden: Mapping[str, str],
    fout: Any,
    sector: str | None = None,
) -> tuple[str, str] | None:
    """(niveau, gebied) of a change or a place, checked against the SWV's sector and the
    location's soort."""
    niveau = gegevens.get("niveau")
    gebied = gegevens.get("gebied")
    goed = True
    # JSON may hold any value here (a list, an object, a number): test the type before
    # looking the value up, so a bad value gives a message instead of a TypeError.
    if not isinstance(niveau, str) or niveau not in NIVEAU_LABELS:
        fout("kies een niveau: " + ", ".join(NIVEAU_LABELS) + ".")
        goed = False
    elif sector is not None and niveau not in NIVEAUS_VAN_SECTOR[sector]:
        fout(
            f"het niveau {niveau} hoort niet bij de sector van uw samenwerkingsverband "
            f"({_sectornaam(sector)}); kies uit {', '.join(NIVEAUS_VAN_SECTOR[sector])}."
        )
        goed = False
    elif locatiesoort is not None and niveau not in NIVEAUS_VAN_SOORT.get(locatiesoort, ()):
        fout(
            f"een locatie van soort {locatiesoort} biedt geen plaatsen voor {niveau}; "
            f"kies uit {', '.join(NIVEAUS_VAN_SOORT.get(locatiesoort, ()))}."
        )
        goed = False
    if not isinstance(gebied, str) or gebied not in gebieden:
        fout("kies een bestaand ondersteuningsgebied.")
        goed = False
    return (str(niveau), str(gebied)) if goed else None


def aantal_geopend(wijzigingen: Sequence[Any]) -> int:
    """How many locations these (valid) changes open: the next id continues after them."""
    return sum(1 for w in wijzigingen if isinstance(w, dict) and w.get("soort") == W.OPENEN)
