"""Issue an API token to an application acting with one role: koppeling_aanmaken NAAM --rol ID."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from passend.accounts.models import Rol
from passend.accounts.selectors import actieve_rollen
from passend.accounts.services import koppeling_aanmaken


class Command(BaseCommand):
    help = "Maak een koppeling (API-token) aan voor een applicatie met één rol."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "naam", help="Naam van de applicatie, bijvoorbeeld 'ParnasSys De Regenboog'"
        )
        parser.add_argument(
            "--rol", type=int, required=True, help="Id van de rol waarmee de koppeling werkt"
        )

    def handle(self, *args: Any, **opties: Any) -> None:
        rol = Rol.objects.select_related("gebruiker").filter(pk=opties["rol"]).first()
        if rol is None:
            raise CommandError(f"Rol {opties['rol']} bestaat niet.")
        if (
            not actieve_rollen(gebruiker=rol.gebruiker, peildatum=timezone.localdate())
            .filter(pk=rol.pk)
            .exists()
        ):
            raise CommandError(f"Rol {rol.pk} is niet (meer) geldig.")
        koppeling, token = koppeling_aanmaken(naam=opties["naam"], rol=rol)
        self.stdout.write(f"Koppeling '{koppeling.naam}' werkt als {rol}.")
        self.stdout.write("Token (wordt maar één keer getoond; alleen de hash wordt bewaard):")
        self.stdout.write(token)
