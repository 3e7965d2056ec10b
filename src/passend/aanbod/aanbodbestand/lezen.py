"""Reading the file: every row, every problem per row and column."""

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from passend.aanbod.aanbodbestand.kolommen import (
    KOLOMMEN,
    LIJSTSCHEIDING,
    MAX_CAPACITEIT,
    MAX_CONTACT,
    MAX_TEKST,
    MAXIMAAL_REGELS,
    PER_VESTIGING,
    SCHEIDINGSTEKEN,
    TEKSTKOLOMMEN,
    VERPLICHT,
    Aanbodregel,
    Bestandsfout,
    Keuzelijst,
)
from passend.aanbod.rules import schooljaar_geldig
from passend.core.csvbestand import formule_ontschermen, tekst_van
from passend.organisaties.rules import VESTIGINGSCODE


def _kopnaam(naam: str) -> str:
    return "_".join(naam.strip().lstrip("\ufeff").casefold().replace("-", " ").split())


@dataclass
class Leesresultaat:
    """What ``bestand_lezen`` found: the rows without an error, every problem, the location
    named on each row (when it is a well-formed code, also on rows with another error) and
    the locations and school years with a row that has an error."""

    regels: list[Aanbodregel] = field(default_factory=list)
    fouten: list[Bestandsfout] = field(default_factory=list)
    codes: dict[int, str] = field(default_factory=dict)
    onvolledig: set[tuple[str, str]] = field(default_factory=set)

    @property
    def bestandsfout(self) -> bool:
        """A problem with the file as a whole or its header: the rows were not read."""
        return any(f.regel <= 1 for f in self.fouten)


@dataclass
class _Context:
    gebieden: Keuzelijst
    faciliteiten: Keuzelijst
    schooljaren: Sequence[str]
    resultaat: Leesresultaat

    @property
    def fouten(self) -> list[Bestandsfout]:
        return self.resultaat.fouten


def _kop_lezen(kop: list[str], fouten: list[Bestandsfout]) -> dict[str, int] | None:
    bekend = set(KOLOMMEN)
    posities: dict[str, int] = {}
    for index, ruw in enumerate(kop):
        naam = _kopnaam(ruw)
        if not naam:
            continue
        if naam not in bekend:
            fouten.append(
                Bestandsfout(
                    1,
                    ruw.strip(),
                    f"'{ruw.strip()}' is geen bekende kolom. Gebruik: {', '.join(KOLOMMEN)}.",
                )
            )
        elif naam in posities:
            fouten.append(Bestandsfout(1, naam, "deze kolom staat twee keer in de kopregel."))
        else:
            posities[naam] = index
    ontbrekend = [naam for naam in VERPLICHT if naam not in posities]
    if ontbrekend:
        fouten.append(
            Bestandsfout(
                1,
                "",
                f"de kopregel mist de kolom{'men' if len(ontbrekend) > 1 else ''} "
                f"{', '.join(ontbrekend)}. Verplicht zijn: {', '.join(VERPLICHT)}.",
            )
        )
    return None if fouten else posities


def _tekst(regel: int, kolom: str, waarde: str, maximum: int, ctx: _Context) -> str:
    waarde = formule_ontschermen(waarde.strip()).strip()
    if len(waarde) > maximum:
        ctx.fouten.append(
            Bestandsfout(
                regel, kolom, f"de tekst is {len(waarde)} tekens; het mogen er {maximum} zijn."
            )
        )
    return waarde


def _regel_lezen(regel: int, cellen: dict[str, str], ctx: _Context) -> Aanbodregel | None:
    fouten_voor = len(ctx.fouten)
    code = cellen["vestigingscode"].strip().upper()
    if VESTIGINGSCODE.match(code):
        ctx.resultaat.codes[regel] = code
    else:
        ctx.fouten.append(
            Bestandsfout(
                regel,
                "vestigingscode",
                f"'{cellen['vestigingscode'].strip()}' is geen vestigingscode. Een "
                "vestigingscode is het BRIN-nummer plus 2 cijfers, zoals 12AB00.",
            )
        )
    schooljaar = cellen["schooljaar"].strip()
    if not schooljaar_geldig(schooljaar):
        ctx.fouten.append(
            Bestandsfout(
                regel,
                "schooljaar",
                f"'{schooljaar}' is geen schooljaar. Schrijf het als "
                f"{ctx.schooljaren[0] if ctx.schooljaren else '2026-2027'}.",
            )
        )
    elif schooljaar not in ctx.schooljaren:
        ctx.fouten.append(
            Bestandsfout(
                regel,
                "schooljaar",
                f"het aanbod van {schooljaar} kunt u niet inlezen. Kies "
                f"{' of '.join(ctx.schooljaren)}.",
            )
        )
    gebied_invoer = cellen["gebied"].strip()
    gebied = ctx.gebieden.zoek(gebied_invoer)
    if gebied is None:
        melding = (
            f"'{gebied_invoer}' is geen bekend gebied."
            if gebied_invoer
            else "vul het gebied in (de code of de naam)."
        )
        ctx.fouten.append(
            Bestandsfout(
                regel,
                "gebied",
                f"{melding} Kies uit (code of naam): {ctx.gebieden.opsomming()}.",
            )
        )
    teksten = {
        kolom: _tekst(regel, kolom, cellen[kolom], MAX_TEKST, ctx) for kolom in TEKSTKOLOMMEN
    }
    if not any(teksten.values()):
        ctx.fouten.append(
            Bestandsfout(
                regel,
                "basisondersteuning",
                "er staat niets over dit gebied. Vul basisondersteuning, extra_ondersteuning "
                "of expertise in, of laat de regel weg.",
            )
        )
    faciliteiten: list[str] = []
    for deel in cellen["faciliteiten"].split(LIJSTSCHEIDING):
        if not deel.strip():
            continue
        faciliteit = ctx.faciliteiten.zoek(deel)
        if faciliteit is None:
            ctx.fouten.append(
                Bestandsfout(
                    regel,
                    "faciliteiten",
                    f"'{deel.strip()}' is geen bekende faciliteit. Kies uit (code of "
                    f"omschrijving, gescheiden door |): {ctx.faciliteiten.opsomming()}.",
                )
            )
        elif faciliteit not in faciliteiten:
            faciliteiten.append(faciliteit)
    capaciteit: int | None = None
    ruwe_capaciteit = cellen["capaciteit"].strip()
    if ruwe_capaciteit:
        if ruwe_capaciteit.isascii() and ruwe_capaciteit.isdigit():
            capaciteit = int(ruwe_capaciteit)
            if capaciteit > MAX_CAPACITEIT:
                ctx.fouten.append(
                    Bestandsfout(
                        regel,
                        "capaciteit",
                        f"{capaciteit} plaatsen is te veel; het kunnen er hoogstens "
                        f"{MAX_CAPACITEIT} zijn.",
                    )
                )
        else:
            ctx.fouten.append(
                Bestandsfout(
                    regel,
                    "capaciteit",
                    f"'{ruwe_capaciteit}' is geen aantal plaatsen. Schrijf een heel getal, "
                    "zoals 120, of laat het leeg.",
                )
            )
    toelichting = (
        _tekst(regel, "toelichting", cellen["toelichting"], MAX_TEKST, ctx)
        if "toelichting" in cellen
        else None
    )
    contact = (
        _tekst(regel, "contact", cellen["contact"], MAX_CONTACT, ctx)
        if "contact" in cellen
        else None
    )
    if len(ctx.fouten) > fouten_voor or gebied is None:
        ctx.resultaat.onvolledig.add((code, schooljaar))
        return None
    return Aanbodregel(
        regel=regel,
        vestigingscode=code,
        schooljaar=schooljaar,
        gebied=gebied,
        faciliteiten=tuple(faciliteiten),
        capaciteit=capaciteit,
        toelichting=toelichting,
        contact=contact,
        vestigingsnaam=cellen.get("vestigingsnaam", "").strip(),
        **teksten,
    )


def _samenhang_controleren(regels: Sequence[Aanbodregel], fouten: list[Bestandsfout]) -> None:
    """An area once per location and school year; one toelichting and contact each."""
    gezien: dict[tuple[str, str, str], int] = {}
    per_vestiging: dict[tuple[str, str, str], tuple[str, int]] = {}
    for r in regels:
        sleutel = (r.vestigingscode, r.schooljaar, r.gebied)
        if sleutel in gezien:
            fouten.append(
                Bestandsfout(
                    r.regel,
                    "gebied",
                    f"dit gebied staat voor {r.vestigingscode} in {r.schooljaar} al op regel "
                    f"{gezien[sleutel]}. Zet elk gebied één keer in het bestand.",
                )
            )
        else:
            gezien[sleutel] = r.regel
        for kolom in PER_VESTIGING:
            waarde = getattr(r, kolom)
            if not waarde:
                continue
            eerder = per_vestiging.setdefault(
                (r.vestigingscode, r.schooljaar, kolom), (waarde, r.regel)
            )
            if eerder[0] != waarde:
                fouten.append(
                    Bestandsfout(
                        r.regel,
                        kolom,
                        f"dit verschilt van regel {eerder[1]}. Een vestiging heeft per "
                        f"schooljaar één {kolom}: zet op elke regel dezelfde tekst, of laat "
                        "de cel leeg.",
                    )
                )


def _csv_fout(fout: csv.Error, regel: int) -> str:
    """What went wrong reading the file, in Dutch (the csv module speaks English)."""
    if "field larger than field limit" in str(fout):
        return (
            f"regel {regel} is niet gelezen: de cel is te lang. Een tekst mag hoogstens "
            f'{MAX_TEKST} tekens hebben. Staat er een aanhalingsteken (") te veel, zodat '
            "een cel doorloopt tot ver in het bestand?"
        )
    return (
        f"regel {regel} is niet gelezen: de regel is geen geldige CSV. Controleer de "
        "aanhalingstekens (\") en puntkomma's op deze regel."
    )


def bestand_lezen(
    bron: bytes,
    *,
    gebieden: Mapping[str, str],
    faciliteiten: Mapping[str, str],
    schooljaren: Sequence[str],
) -> Leesresultaat:
    """Every row of the file, and every problem in it (per row and column). ``gebieden``
    and ``faciliteiten`` map the known codes to their names; ``schooljaren`` are the school
    years that may be imported. Rows with an error are left out of ``regels``."""
    resultaat = Leesresultaat()
    fouten = resultaat.fouten
    tekst = tekst_van(bron)
    if tekst is None or "\x00" in tekst:
        fouten.append(
            Bestandsfout(
                0,
                "",
                "dit is geen CSV-bestand in UTF-8 of windows-1252. Is het een Excel-bestand? "
                "Kies dan in Excel 'Opslaan als' en 'CSV (gescheiden door lijstscheidingsteken)'.",
            )
        )
        return resultaat
    # A file saved more than once by some editors starts with several byte-order marks.
    tekst = tekst.lstrip("\ufeff")
    if not tekst.replace("\ufeff", "").strip():
        fouten.append(Bestandsfout(0, "", "het bestand is leeg."))
        return resultaat
    eerste_regel = next(iter(tekst.splitlines()), "")
    if SCHEIDINGSTEKEN not in eerste_regel:
        fouten.append(
            Bestandsfout(
                1,
                "",
                "de kopregel heeft geen puntkomma's. Sla het bestand op als CSV met puntkomma's "
                "(;) als scheidingsteken.",
            )
        )
        return resultaat
    lezer = csv.reader(io.StringIO(tekst, newline=""), delimiter=SCHEIDINGSTEKEN)
    ctx = _Context(Keuzelijst(gebieden), Keuzelijst(faciliteiten), schooljaren, resultaat)
    try:
        kop = next(lezer)
        posities = _kop_lezen(kop, fouten)
        if posities is None:
            return resultaat
        for regelnummer, cellen in enumerate(lezer, start=2):
            if not any(cel.strip() for cel in cellen):
                continue
            if regelnummer - 1 > MAXIMAAL_REGELS:
                fouten.append(
                    Bestandsfout(
                        0,
                        "",
                        f"het bestand heeft meer dan {MAXIMAAL_REGELS} regels. Splits het "
                        "in kleinere bestanden.",
                    )
                )
                return resultaat
            if len(cellen) > len(kop) and not any(c.strip() for c in cellen[len(kop) :]):
                cellen = cellen[: len(kop)]
            if len(cellen) != len(kop):
                fouten.append(
                    Bestandsfout(
                        regelnummer,
                        "",
                        f"deze regel heeft {len(cellen)} kolommen en de kopregel {len(kop)}. "
                        "Staat er een puntkomma te veel of te weinig? Zet een tekst met een "
                        "puntkomma tussen aanhalingstekens.",
                    )
                )
                continue
            waarden = {naam: cellen[index] for naam, index in posities.items()}
            regel = _regel_lezen(regelnummer, waarden, ctx)
            if regel is not None:
                resultaat.regels.append(regel)
    except csv.Error as fout:
        fouten.append(Bestandsfout(0, "", _csv_fout(fout, lezer.line_num)))
        return resultaat
    if not resultaat.regels and not fouten:
        fouten.append(Bestandsfout(0, "", "het bestand heeft geen regels onder de kopregel."))
    _samenhang_controleren(resultaat.regels, fouten)
    return resultaat


def per_vestiging(regels: Iterable[Aanbodregel]) -> dict[tuple[str, str], list[Aanbodregel]]:
    """The rows grouped per (vestigingscode, schooljaar), in file order."""
    groepen: dict[tuple[str, str], list[Aanbodregel]] = {}
    for regel in regels:
        groepen.setdefault(regel.sleutel, []).append(regel)
    return groepen


def gedeelde_waarde(regels: Sequence[Aanbodregel], kolom: str) -> str | None:
    """The location's ``toelichting`` or ``contact`` in these rows: None when the file has no
    such column, else the first non-empty value (the rows agree; see the checks)."""
    waarden = [getattr(r, kolom) for r in regels]
    if all(w is None for w in waarden):
        return None
    return next((w for w in waarden if w), "")
