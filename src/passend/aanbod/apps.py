from django.apps import AppConfig


class AanbodConfig(AppConfig):
    name = "passend.aanbod"
    label = "aanbod"
    verbose_name = "Ondersteuningsaanbod"
