"""Other apps use the geschillen app through its package API (``passend.geschillen.selectors``,
``passend.geschillen.services``), never through a submodule, so the app can reorganise its
modules freely. The demo builder and tests are left out: they build history step by step."""

import ast
from pathlib import Path

import passend

BRON = Path(passend.__file__).parent
PAKKETTEN = ("passend.geschillen.selectors", "passend.geschillen.services")


def _submodule_imports(pad: Path) -> list[str]:
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    gevonden = []
    for knoop in ast.walk(boom):
        namen = []
        if isinstance(knoop, ast.ImportFrom) and knoop.module:
            namen = [knoop.module]
        elif isinstance(knoop, ast.Import):
            namen = [alias.name for alias in knoop.names]
        gevonden += [naam for naam in namen if any(naam.startswith(f"{p}.") for p in PAKKETTEN)]
    return gevonden


def test_andere_apps_gebruiken_de_pakket_api_van_geschillen():
    overtredingen = {
        str(pad.relative_to(BRON)): imports
        for pad in sorted(BRON.rglob("*.py"))
        if pad.relative_to(BRON).parts[0] not in {"geschillen", "demo"}
        and "tests" not in pad.relative_to(BRON).parts
        and (imports := _submodule_imports(pad))
    }
    assert overtredingen == {}
