"""manage.py import_vestigingen FILE [--swv CODE] [--peildatum YYYY-MM-DD]

Reads DUO's list of locations (CSV) or the GeoJSON set into organisaties. All or nothing:
with one bad row nothing is saved, every bad row is printed and the command fails.
"""

from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from passend.organisaties.importeren import ImportMislukt
from passend.organisaties.models import Samenwerkingsverband
from passend.organisaties.rules import Soort, normaliseer_swv_code
from passend.organisaties.services import vestigingen_importeren


def _datum(waarde: str) -> date:
    try:
        return date.fromisoformat(waarde)
    except ValueError:
        raise CommandError(
            f"Geen datum: {waarde!r}. Gebruik JJJJ-MM-DD, zoals 2025-08-01."
        ) from None


class Command(BaseCommand):
    help = "Lees de vestigingenlijst van DUO (CSV) of een GeoJSON-bestand in."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("bestand", help="DUO-CSV (puntkomma-gescheiden) of GeoJSON")
        parser.add_argument(
            "--swv", help="koppel vestigingen van deze sector aan dit SWV, bv. PO2401"
        )
        parser.add_argument("--peildatum", type=_datum, help="JJJJ-MM-DD; standaard vandaag")

    def handle(self, *args: Any, **opties: Any) -> None:
        pad = Path(opties["bestand"])
        if not pad.is_file():
            raise CommandError(f"Bestand niet gevonden: {pad}")
        samenwerkingsverband = None
        if opties["swv"]:
            code = normaliseer_swv_code(opties["swv"]) or opties["swv"]
            samenwerkingsverband = Samenwerkingsverband.objects.filter(code=code).first()
            if samenwerkingsverband is None:
                raise CommandError(f"Samenwerkingsverband {opties['swv']} bestaat niet.")
        peildatum = opties["peildatum"] or timezone.localdate()
        try:
            resultaat = vestigingen_importeren(
                bron=pad.read_bytes(),
                bestandsnaam=pad.name,
                samenwerkingsverband=samenwerkingsverband,
                peildatum=peildatum,
            )
        except ImportMislukt as mislukt:
            for fout in mislukt.fouten:
                self.stderr.write(
                    f"rij {fout.rij}, kolom {fout.kolom or '-'}, waarde {fout.waarde!r}: {fout.melding}"
                )
            raise CommandError(
                f"Niets ingelezen: {len(mislukt.fouten)} fout(en) in {pad.name}. Er is niets opgeslagen."
            ) from None

        r = resultaat
        regels = [
            f"{pad.name}: {r.gelezen} rijen gelezen, {r.vestigingen} vestigingen.",
            f"Nieuw: {r.nieuw}, gewijzigd: {r.gewijzigd}, ongewijzigd: {r.ongewijzigd}.",
        ]
        if r.samengevoegd:
            regels.append(
                f"Samengevoegd: {r.samengevoegd} rijen met dezelfde vestigingscode op een buuradres."
            )
        regels.append(
            "Per soort: " + ", ".join(f"{Soort(s).label} {n}" for s, n in r.per_soort.items())
        )
        regels.append(
            f"Nieuw: {r.gemeenten_nieuw} gemeenten, {r.besturen_nieuw} besturen, {r.scholen_nieuw} scholen;"
            f" {r.bestuurswissels} bestuurswissel(s)."
        )
        if samenwerkingsverband is not None:
            regels.append(f"Gekoppeld aan {samenwerkingsverband.code}: {r.gekoppeld} vestigingen.")
        regels.append(f"Klaar in {r.seconden:.1f} s ({r.rijen_per_seconde} rijen per seconde).")
        for regel in regels:
            self.stdout.write(regel)
