from django.apps import AppConfig


class GeschillenConfig(AppConfig):
    name = "passend.geschillen"
    label = "geschillen"
    verbose_name = "Onenigheid, geschillen en de Veilig Thuis-waarborg"
