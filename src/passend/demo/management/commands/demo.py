"""``manage.py demo``: build the synthetic demo region and print its log-ins."""

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import IntegrityError

from passend.demo.bouwer import AANTAL_LEERLINGEN, SEED, bouw_demo_regio, inlogtabel


class Command(BaseCommand):
    help = (
        "Bouwt een synthetische demoregio (twee samenwerkingsverbanden, scholen, leerlingen, "
        "ouders en een log-in voor elke rol) en toont de log-ins. Doet niets als de regio er "
        "al is, behalve de log-ins opnieuw tonen."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=SEED, help=f"standaard {SEED}")
        parser.add_argument(
            "--logins", type=Path, help="schrijf de log-ins ook als JSON naar dit bestand"
        )
        parser.add_argument(
            "--leerlingen",
            type=int,
            default=AANTAL_LEERLINGEN,
            help=f"aantal leerlingen (standaard {AANTAL_LEERLINGEN})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            self.stderr.write(
                "Let op: DEBUG staat uit. De demo-log-ins hebben een bekend wachtwoord en "
                "bekende TOTP-geheimen; gebruik de demo nooit in productie."
            )
        try:
            resultaat = bouw_demo_regio(
                seed=options["seed"], stdout=self.stdout, aantal_leerlingen=options["leerlingen"]
            )
        except (ValidationError, IntegrityError) as fout:
            # E.g. a user name of the demo is taken already; the transaction left nothing behind.
            raise CommandError(
                f"De demoregio kon niet worden gebouwd; er is niets opgeslagen: {fout}"
            ) from fout
        if resultaat.al_aanwezig:
            self.stdout.write("De demoregio is er al; er is niets toegevoegd.")
        else:
            aantallen = ", ".join(f"{n} {soort}" for soort, n in resultaat.aantallen.items())
            self.stdout.write(
                self.style.SUCCESS(f"Demoregio gebouwd in {resultaat.seconden:.1f} s: {aantallen}.")
            )
        for waarschuwing in resultaat.waarschuwingen:
            self.stderr.write(waarschuwing)
        self.stdout.write("")
        self.stdout.write(inlogtabel(resultaat.inloggegevens))
        self.stdout.write("")
        self.stdout.write(
            "Log in met gebruikersnaam en wachtwoord; de tweede stap vraagt de code uit een "
            "authenticator-app (voeg het TOTP-geheim toe) of de code hierboven (30 s geldig)."
        )
        if options["logins"]:
            pad: Path = options["logins"]
            pad.write_text(
                json.dumps(
                    [r.als_json() for r in resultaat.inloggegevens], indent=2, ensure_ascii=False
                )
                + "\n",
                encoding="utf-8",
            )
            self.stdout.write(f"Log-ins geschreven naar {pad}.")
