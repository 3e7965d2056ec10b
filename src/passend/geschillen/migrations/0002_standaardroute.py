from django.db import migrations


def laden(apps, schema_editor):
    from passend.geschillen.route import standaardroute_laden

    standaardroute_laden(apps.get_model("geschillen", "Routestap"))


class Migration(migrations.Migration):
    dependencies = [("geschillen", "0001_initial")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
