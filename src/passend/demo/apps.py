from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "passend.demo"
    label = "demo"
