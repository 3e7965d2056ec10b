from django.apps import AppConfig


class ZorgplichtConfig(AppConfig):
    name = "passend.zorgplicht"
    label = "zorgplicht"
    verbose_name = "Aanmelding en zorgplicht"
