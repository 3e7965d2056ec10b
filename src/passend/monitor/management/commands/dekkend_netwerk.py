"""``manage.py dekkend_netwerk``: the placement optimiser on exported CSV files (ADR 0010)."""

import json
import math
from argparse import ArgumentParser, RawDescriptionHelpFormatter
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from passend.monitor.netwerk.bestanden import (
    Invoerfout,
    aggregeren,
    gebieden_zonder_plaatsen,
    leerlingen_lezen,
    locaties_lezen,
    per_leerling,
)
from passend.monitor.netwerk.model import TOEGESTANE_NIVEAUS, Instellingen
from passend.monitor.netwerk.oplosser import oplossen
from passend.monitor.netwerk.samenvatting import samenvatten

UITLEG = """\
Berekent de beste plaatsing van leerlingen met een ondersteuningsbehoefte (zo thuisnabij en
zo regulier mogelijk) en schrijft de toewijzing en een samenvatting als JSON.

Bestanden: UTF-8 (met of zonder BOM), gescheiden door ; of , met een kopregel.
  Leerlingen (een regel per leerling): id, lat, lon, sector (po/vo),
    niveau (extra/sbo/so voor po; extra/pro/vso voor vo), gebied (leeg: onbekend;
    hoofdletters tellen niet), regio (optioneel).
  Locaties (een regel per locatie): id, lat, lon, soort (bao/sbo/so/so_vso/vso/vo/pro),
    naam en regio (optioneel), en per plaatscel een kolom capaciteit_<niveau>_<gebied>,
    bijvoorbeeld capaciteit_sbo_leergedrag (aantal plaatsen, leeg is 0).
Uitvoer: {"samenvatting": ..., "toewijzingen": [{"leerling", "locatie", "niveau", "gebied",
  "afstand_km"}], "niet_geplaatst": [id, ...], "instellingen": {...}}.
Bij fouten in de invoer: een melding per regel en kolom, en er wordt niets geschreven.
Een gebied van een leerling zonder kolom met plaatsen geeft een waarschuwing.
Afstanden (--max-afstand, --straf-speciaal): 0 tot en met 1000 km.
Is de plaatsing niet bewezen de beste, dan stopt het commando met een fout en schrijft niets.
"""


#: The largest distance (km) an option may give: a guard against typing errors.
MAXIMALE_AFSTAND_KM = 1000.0


def _afstand(optie: str, waarde: float) -> float:
    """A distance in km: finite and from 0 to ``MAXIMALE_AFSTAND_KM`` (else ``CommandError``)."""
    if not math.isfinite(waarde):
        raise CommandError(f"{optie}: geef een eindig getal (km), geen '{waarde}'.")
    if waarde < 0:
        raise CommandError(f"{optie}: de afstand mag niet negatief zijn.")
    if waarde > MAXIMALE_AFSTAND_KM:
        raise CommandError(
            f"{optie}: de afstand mag niet groter zijn dan {MAXIMALE_AFSTAND_KM:g} km."
        )
    return waarde


#: (sector, niveau of the place) pairs that have a maximum distance.
PLAATS_SLEUTELS = frozenset(
    (sector, plaats) for (sector, _n), plaatsen in TOEGESTANE_NIVEAUS.items() for plaats in plaatsen
)


def _max_afstand(waarde: str) -> tuple[tuple[str, str], float]:
    sleutel, _, km = waarde.partition("=")
    sector, _, niveau = sleutel.partition(":")
    if (sector, niveau) not in PLAATS_SLEUTELS:
        raise CommandError(f"--max-afstand {waarde}: onbekende sector:niveau '{sleutel}'.")
    try:
        afstand = float(km)
    except ValueError as fout:
        raise CommandError(f"--max-afstand {waarde}: '{km}' is geen getal (km).") from fout
    return (sector, niveau), _afstand(f"--max-afstand {waarde}", afstand)


class Command(BaseCommand):
    help = UITLEG

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--leerlingen", required=True, type=Path, help="CSV met leerlingen")
        parser.add_argument("--locaties", required=True, type=Path, help="CSV met locaties")
        parser.add_argument("--uit", required=True, type=Path, help="JSON-bestand voor de uitkomst")
        parser.add_argument(
            "--max-afstand",
            action="append",
            default=[],
            metavar="SECTOR:NIVEAU=KM",
            help="maximale afstand per sector en niveau van de plaats, bv. po:sbo=15 (herhaalbaar; "
            "standaard uit DEKKEND_NETWERK_MAX_AFSTAND_KM)",
        )
        parser.add_argument(
            "--straf-speciaal",
            type=float,
            default=None,
            metavar="KM",
            help="strafafstand voor een plaats in het speciaal (basis)onderwijs "
            "(standaard DEKKEND_NETWERK_STRAF_SPECIAAL_KM)",
        )
        parser.add_argument(
            "--geen-toewijzingen",
            action="store_true",
            help="schrijf alleen de samenvatting, niet de toewijzing per leerling",
        )

    def handle(self, *args: Any, **opties: Any) -> None:
        instellingen_passend = settings.PASSEND
        max_afstand: dict[tuple[str, str], float] = {
            (sector, niveau): float(km)
            for sector, per_niveau in instellingen_passend["DEKKEND_NETWERK_MAX_AFSTAND_KM"].items()
            for niveau, km in per_niveau.items()
        }
        for waarde in opties["max_afstand"]:
            sleutel, km = _max_afstand(waarde)
            max_afstand[sleutel] = km
        straf = opties["straf_speciaal"]
        herkomst = f"--straf-speciaal {straf:g}" if straf is not None else ""
        if straf is None:
            straf = float(instellingen_passend["DEKKEND_NETWERK_STRAF_SPECIAAL_KM"])
            herkomst = "De instelling DEKKEND_NETWERK_STRAF_SPECIAAL_KM"
        straf = _afstand(herkomst, straf)
        instellingen = Instellingen(max_afstand_km=max_afstand, straf_speciaal_km=straf)
        try:
            leerlingen = leerlingen_lezen(opties["leerlingen"])
            locaties = locaties_lezen(opties["locaties"])
        except Invoerfout as fout:
            raise CommandError("De invoer klopt niet:\n" + "\n".join(fout.fouten)) from fout
        ontbrekend = sorted(f"{s}:{n}" for s, n in PLAATS_SLEUTELS - set(max_afstand))
        if ontbrekend:
            raise CommandError(f"Geen maximale afstand voor {', '.join(ontbrekend)}.")

        for gebied, aantal in gebieden_zonder_plaatsen(leerlingen, locaties).items():
            self.stderr.write(
                f"Let op: het gebied '{gebied}' van {aantal} leerling(en) komt in geen kolom "
                f"capaciteit_<niveau>_{gebied} met plaatsen in het locatiebestand voor; "
                "deze leerlingen kunnen niet geplaatst worden. Controleer de gebiedscode."
            )

        vraag, leden = aggregeren(leerlingen)

        uitgebreid = int(opties.get("verbosity", 1)) >= 2

        def voortgang(procent: int, tekst: str) -> None:
            if uitgebreid:
                self.stderr.write(f"{procent:3d}% {tekst}")

        uitkomst = oplossen(vraag, locaties, instellingen, voortgang)
        if not uitkomst.bewezen_optimaal:
            # A placement that is not proven best must not pass for the answer.
            raise CommandError(
                "De rekenmodule kon niet bewijzen dat de plaatsing de beste is; er is niets "
                "geschreven. Probeer het opnieuw of controleer de invoer."
            )
        toewijzingen, niet_geplaatst = per_leerling(uitkomst, leden)
        resultaat: dict[str, Any] = {
            "samenvatting": samenvatten(uitkomst, vraag, locaties),
            "niet_geplaatst": niet_geplaatst,
            "instellingen": {
                "max_afstand_km": {f"{s}:{n}": km for (s, n), km in sorted(max_afstand.items())},
                "straf_speciaal_km": straf,
            },
        }
        if not opties["geen_toewijzingen"]:
            resultaat["toewijzingen"] = toewijzingen
        try:
            opties["uit"].write_text(
                json.dumps(resultaat, ensure_ascii=False, indent=1), encoding="utf-8"
            )
        except OSError as fout:
            raise CommandError(f"Kan {opties['uit']} niet schrijven: {fout.strerror}.") from fout
        # Figures only: no pupil data in the output of the command itself.
        self.stdout.write(
            f"{uitkomst.aantal_geplaatst} van {uitkomst.aantal_vraag} leerlingen geplaatst "
            f"(doelwaarde {uitkomst.doelwaarde_m / 1000:.1f} km); uitkomst in {opties['uit']}."
        )
