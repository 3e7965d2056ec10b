from django.apps import AppConfig


class OndersteuningConfig(AppConfig):
    name = "passend.ondersteuning"
    label = "ondersteuning"
    verbose_name = "Ondersteuning (OPP)"
