from django.apps import AppConfig


class DoelstellingenConfig(AppConfig):
    name = "passend.doelstellingen"
    label = "doelstellingen"
    verbose_name = "Doelstellingenmonitor"
