"""Reading the GeoJSON list of school locations (see the package docstring for the format)."""

import json
import math
import re
from typing import Any

from passend.organisaties.importeren.controles import (
    _brin_controleren,
    _code_controleren,
    _lengtes_controleren,
    _postcode_controleren,
    _Rij,
)
from passend.organisaties.importeren.dubbelen import _dubbele_samenvoegen, _tegenstrijdig
from passend.organisaties.importeren.namen import leesbare_naam
from passend.organisaties.importeren.resultaat import (
    Importfout,
    ImportMislukt,
    Vestigingsrecord,
    _bestandsfout,
)
from passend.organisaties.importeren.soorten import soort_van_type


def _geojson_lezen(bron: bytes) -> list[Vestigingsrecord]:
    try:
        data = json.loads(bron.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _bestandsfout("Een GeoJSON-bestand moet in UTF-8 zijn.") from None
    except json.JSONDecodeError as fout:
        melding = f"Dit is geen geldige JSON (regel {fout.lineno}): {fout.msg}."
        raise _bestandsfout(melding, rij=fout.lineno) from None
    if (
        not isinstance(data, dict)
        or data.get("type") != "FeatureCollection"
        or not isinstance(data.get("features"), list)
    ):
        raise _bestandsfout("Verwacht een GeoJSON FeatureCollection met features.", kolom="type")

    fouten: list[Importfout] = []
    records: list[Vestigingsrecord] = []
    for nummer, feature in enumerate(data["features"], start=1):
        regel = _Rij(nummer, fouten)
        record = _geojson_record(regel, feature)
        if record is not None and regel.goed:
            records.append(record)
    records, dubbel = _dubbele_samenvoegen(records)
    fouten.extend(dubbel)
    fouten.extend(_tegenstrijdig(records, {}))
    if fouten:
        raise ImportMislukt(sorted(fouten, key=lambda f: f.rij))
    return records


def _tekstwaarde(eigenschappen: dict[str, Any], naam: str) -> str | None:
    waarde = eigenschappen.get(naam)
    if waarde is None:
        return None
    return str(waarde).strip()


def _geojson_record(regel: _Rij, feature: Any) -> Vestigingsrecord | None:
    if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
        regel.fout("properties", "", "Deze feature heeft geen properties.")
        return None
    p: dict[str, Any] = feature["properties"]
    brin = _brin_controleren(regel, "brin_nummer", _tekstwaarde(p, "brin_nummer") or "")
    code = _code_controleren(
        regel, "vestigingscode", _tekstwaarde(p, "vestigingscode") or "", brin, "brin_nummer"
    )
    naam = _tekstwaarde(p, "naam") or ""
    if not naam:
        regel.fout("naam", "", "De naam van de vestiging ontbreekt.")
    soorttype = _tekstwaarde(p, "type") or ""
    soort_en_structuur = soort_van_type(soorttype)
    if soort_en_structuur is None:
        regel.fout(
            "type",
            soorttype,
            "Onbekende soort. Verwacht bijvoorbeeld basisschool, SBAO, SO, VSO, (V)SO, PRO of VBO/MAVO.",
        )
    postcode = _postcode_controleren(regel, "postcode", _tekstwaarde(p, "postcode") or "")
    huisnummer = _huisnummer(regel, p)
    leerlingen = _leerlingen(regel, p.get("leerlingen"))
    breedtegraad, lengtegraad = _punt(regel, feature.get("geometry"))
    gemeentenaam = leesbare_naam(_tekstwaarde(p, "gemeente") or "") or None
    plaats = _tekstwaarde(p, "plaats")
    velden: dict[str, Any] = {
        "naam": naam,
        "gemeentenaam": gemeentenaam,
        "denominatie": _tekstwaarde(p, "denominatie"),
        "straat": _tekstwaarde(p, "straat"),
        "huisnummer": huisnummer,
        "postcode": postcode,
        "plaats": leesbare_naam(plaats) if plaats is not None else None,
        "provincie": _tekstwaarde(p, "provincie"),
        "internetadres": _tekstwaarde(p, "internetadres"),
        "onderwijsstructuur": soort_en_structuur[1] if soort_en_structuur else "",
    }
    kolommen = {
        "gemeentenaam": "gemeente",
        "straat": "straat",
        "plaats": "plaats",
        "naam": "naam",
        "onderwijsstructuur": "type",
    }
    _lengtes_controleren(regel, velden, kolommen)
    if not regel.goed or code is None or soort_en_structuur is None:
        return None
    return Vestigingsrecord(
        rij=regel.rij,
        vestigingscode=code,
        brin=code[:4],
        soort=soort_en_structuur[0],
        breedtegraad=breedtegraad,
        lengtegraad=lengtegraad,
        leerlingenaantal=leerlingen,
        **velden,
    )


def _huisnummer(regel: _Rij, p: dict[str, Any]) -> str | None:
    """huisnummer 197 + huisletter 'B' + toevoeging '2' -> '197B-2' (the BAG's parts)."""
    nummer = p.get("huisnummer")
    if nummer is None:
        return None
    if isinstance(nummer, bool) or not re.fullmatch(r"\d{1,5}", str(nummer).strip()):
        regel.fout("huisnummer", nummer, "Een huisnummer is een geheel getal.")
        return None
    letter = _tekstwaarde(p, "huisletter") or ""
    toevoeging = _tekstwaarde(p, "huisnummertoevoeging") or ""
    return f"{str(nummer).strip()}{letter}" + (f"-{toevoeging}" if toevoeging else "")


def _leerlingen(regel: _Rij, waarde: Any) -> int | None:
    if waarde is None or (isinstance(waarde, str) and not waarde.strip()):
        return None
    geheel = (isinstance(waarde, int) and not isinstance(waarde, bool)) or (
        isinstance(waarde, float) and waarde.is_integer()
    )
    if isinstance(waarde, str) and re.fullmatch(r"-?\d+", waarde.strip()):
        geheel = True
    aantal = int(waarde) if geheel else None
    if aantal is None or aantal < 0:
        regel.fout("leerlingen", waarde, "Het aantal leerlingen is een geheel getal van 0 of meer.")
        return None
    return aantal


def _punt(regel: _Rij, geometrie: Any) -> tuple[float | None, float | None]:
    """GeoJSON Point [lon, lat] -> (breedtegraad, lengtegraad); no geometry -> (None, None)."""
    if geometrie is None:
        return None, None
    coordinaten = geometrie.get("coordinates") if isinstance(geometrie, dict) else None
    if (
        not isinstance(geometrie, dict)
        or geometrie.get("type") != "Point"
        or not isinstance(coordinaten, list)
        or len(coordinaten) < 2
        or not all(isinstance(c, int | float) and not isinstance(c, bool) for c in coordinaten[:2])
    ):
        regel.fout(
            "geometry",
            json.dumps(geometrie)[:80],
            'Verwacht een punt: {"type": "Point", "coordinates": [lengte, breedte]}.',
        )
        return None, None
    lengtegraad, breedtegraad = float(coordinaten[0]), float(coordinaten[1])
    if not (math.isfinite(breedtegraad) and -90 <= breedtegraad <= 90):
        regel.fout("geometry", breedtegraad, "De breedtegraad moet tussen -90 en 90 liggen.")
    if not (math.isfinite(lengtegraad) and -180 <= lengtegraad <= 180):
        regel.fout("geometry", lengtegraad, "De lengtegraad moet tussen -180 en 180 liggen.")
    return breedtegraad, lengtegraad
