from django.apps import AppConfig


class VerzuimConfig(AppConfig):
    name = "passend.verzuim"
    label = "verzuim"
    verbose_name = "Verzuim en thuiszitters"
