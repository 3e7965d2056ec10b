"""Checks across rows: repeated vestigingscodes (found, or merged in the GeoJSON) and
contradictions between rows."""

from collections.abc import Iterable
from dataclasses import fields, replace

from passend.organisaties.importeren.resultaat import Importfout, Vestigingsrecord


def _dubbele_vinden(records: Iterable[Vestigingsrecord], kolom: str) -> list[Importfout]:
    """Every repeated vestigingscode, naming the row where it first appeared."""
    eerste: dict[str, int] = {}
    fouten = []
    for record in records:
        if record.vestigingscode in eerste:
            fouten.append(
                Importfout(
                    record.rij,
                    kolom,
                    record.vestigingscode,
                    f"Deze vestigingscode staat ook in rij {eerste[record.vestigingscode]}.",
                )
            )
        else:
            eerste[record.vestigingscode] = record.rij
    return fouten


#: What may differ between two GeoJSON features of one location (the geocoding's address).
ADRESPUNT = frozenset({"rij", "samengevoegd", "huisnummer", "breedtegraad", "lengtegraad"})


def _dubbele_samenvoegen(
    records: list[Vestigingsrecord],
) -> tuple[list[Vestigingsrecord], list[Importfout]]:
    """The GeoJSON repeats some locations once per BAG address of their building (e.g.
    Velddreef 322 and 326): same code, same data, another house number and point. Those
    rows are merged into the first one. A repeated code with other data is an error."""
    eerste: dict[str, int] = {}
    uitkomst: list[Vestigingsrecord] = []
    fouten = []
    for record in records:
        index = eerste.get(record.vestigingscode)
        if index is None:
            eerste[record.vestigingscode] = len(uitkomst)
            uitkomst.append(record)
            continue
        origineel = uitkomst[index]
        anders = [
            f.name
            for f in fields(Vestigingsrecord)
            if f.name not in ADRESPUNT and getattr(record, f.name) != getattr(origineel, f.name)
        ]
        if anders:
            fouten.append(
                Importfout(
                    record.rij,
                    "vestigingscode",
                    record.vestigingscode,
                    f"Deze vestigingscode staat ook in rij {origineel.rij}, met andere gegevens ({', '.join(anders)}).",
                )
            )
        else:
            uitkomst[index] = replace(origineel, samengevoegd=(*origineel.samengevoegd, record.rij))
    return uitkomst, fouten


#: (key, value, label) checks: one instelling has one bevoegd gezag and one name, one
#: bevoegd gezag one name, one gemeentenummer one name.
_EENDUIDIG = (
    (
        "brin",
        "bevoegd_gezag_nummer",
        "bevoegd_gezag_nummer",
        "Deze instelling heeft in rij {rij} een ander bevoegd gezag ({andere}).",
    ),
    (
        "brin",
        "instellingsnaam",
        "instellingsnaam",
        "Deze instelling heeft in rij {rij} een andere naam ({andere}).",
    ),
    (
        "bevoegd_gezag_nummer",
        "bevoegd_gezag_naam",
        "bevoegd_gezag_naam",
        "Dit bevoegd gezag heeft in rij {rij} een andere naam ({andere}).",
    ),
    (
        "gemeentecode",
        "gemeentenaam",
        "gemeentenaam",
        "Dit gemeentenummer heeft in rij {rij} een andere naam ({andere}).",
    ),
    (
        "gemeentenaam",
        "gemeentecode",
        "gemeentecode",
        "Deze gemeente heeft in rij {rij} een ander nummer ({andere}).",
    ),
)


def _tegenstrijdig(records: list[Vestigingsrecord], kolom: dict[str, str]) -> list[Importfout]:
    fouten = []
    for sleutel, veld, kolomveld, melding in _EENDUIDIG:
        gezien: dict[str, tuple[str, int]] = {}
        for record in records:
            k, v = getattr(record, sleutel), getattr(record, veld)
            if not k or v is None:
                continue
            if k not in gezien:
                gezien[k] = (v, record.rij)
            elif gezien[k][0] != v:
                fouten.append(
                    Importfout(
                        record.rij,
                        kolom.get(kolomveld, kolomveld),
                        v,
                        melding.format(rij=gezien[k][1], andere=gezien[k][0]),
                    )
                )
    return fouten
