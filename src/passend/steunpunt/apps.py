from django.apps import AppConfig


class SteunpuntConfig(AppConfig):
    name = "passend.steunpunt"
    label = "steunpunt"
    verbose_name = "Ouder- en jeugdsteunpunt"
