from django.apps import AppConfig


class MonitorConfig(AppConfig):
    name = "passend.monitor"
    label = "monitor"
    verbose_name = "Regionale monitor en dekkend netwerk"
