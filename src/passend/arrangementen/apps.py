from django.apps import AppConfig


class ArrangementenConfig(AppConfig):
    name = "passend.arrangementen"
    label = "arrangementen"
    verbose_name = "Arrangementen"
