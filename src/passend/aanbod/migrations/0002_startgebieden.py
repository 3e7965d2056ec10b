from django.db import migrations

from passend.aanbod.gebieden import startgebieden_laden


def gebieden_laden(apps, schema_editor):
    startgebieden_laden(apps.get_model("aanbod", "Ondersteuningsgebied"))


class Migration(migrations.Migration):
    dependencies = [("aanbod", "0001_initial")]

    operations = [migrations.RunPython(gebieden_laden, migrations.RunPython.noop)]
