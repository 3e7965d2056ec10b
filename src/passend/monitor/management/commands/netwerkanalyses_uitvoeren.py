"""Run the queued dekkend netwerk analyses: the worker, and the recovery of lost runs.

The web process runs an analysis in a background thread; when that thread dies (a restart,
a crash) the analysis stays BEZIG or WACHTRIJ. Run this command from cron (or with
``--blijven`` as a worker): it first puts analyses that are BEZIG for longer than
``--vastgelopen-na`` minutes back in the queue, then runs the queue. Each analysis is
claimed with a guarded update, so a thread and a worker never run the same one twice.
"""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from passend.monitor.services.netwerk import vastgelopen_terugzetten, wachtrij_uitvoeren


class Command(BaseCommand):
    help = "Voer de netwerkanalyses in de wachtrij uit en zet vastgelopen analyses terug."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--vastgelopen-na",
            type=int,
            default=30,
            help="Minuten waarna een analyse die 'bezig' is opnieuw in de wachtrij gaat "
            "(standaard 30).",
        )
        parser.add_argument(
            "--maximaal", type=int, default=None, help="Ten hoogste zoveel analyses uitvoeren."
        )
        parser.add_argument(
            "--blijven",
            action="store_true",
            help="Blijf draaien en kijk elke --wachttijd seconden of er werk is.",
        )
        parser.add_argument("--wachttijd", type=int, default=10)

    def handle(self, *args: Any, **opties: Any) -> None:
        if opties["vastgelopen_na"] < 1:
            raise CommandError("--vastgelopen-na moet minstens 1 minuut zijn.")
        if opties["maximaal"] is not None and opties["maximaal"] < 1:
            raise CommandError("--maximaal moet minstens 1 zijn (laat de optie weg voor alles).")
        if opties["wachttijd"] < 1:
            raise CommandError("--wachttijd moet minstens 1 seconde zijn.")
        while True:
            teruggezet = vastgelopen_terugzetten(minuten=opties["vastgelopen_na"])
            uitgevoerd = wachtrij_uitvoeren(maximaal=opties["maximaal"])
            if teruggezet or uitgevoerd or not opties["blijven"]:
                self.stdout.write(
                    f"{teruggezet} vastgelopen analyse(s) teruggezet, "
                    f"{uitgevoerd} analyse(s) uitgevoerd."
                )
            if not opties["blijven"]:
                return
            time.sleep(opties["wachttijd"])
