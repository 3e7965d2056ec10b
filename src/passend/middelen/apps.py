from django.apps import AppConfig


class MiddelenConfig(AppConfig):
    name = "passend.middelen"
    label = "middelen"
    verbose_name = "Middelen: begroting, reserves en ondersteuningsplan"
