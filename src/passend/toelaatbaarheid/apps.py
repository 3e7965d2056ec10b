from django.apps import AppConfig


class ToelaatbaarheidConfig(AppConfig):
    name = "passend.toelaatbaarheid"
    label = "toelaatbaarheid"
    verbose_name = "Toelaatbaarheidsverklaringen"
