from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "passend.core"
    label = "core"
    verbose_name = "Kern"
