from django.apps import AppConfig


class OrganisatiesConfig(AppConfig):
    name = "passend.organisaties"
    label = "organisaties"
