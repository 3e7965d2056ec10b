from django.apps import AppConfig


class LeerlingenConfig(AppConfig):
    name = "passend.leerlingen"
    label = "leerlingen"
