from django.db import migrations

from passend.aanbod.gebieden import STARTGEBIEDEN


def gebieden_laden(apps, schema_editor):
    Ondersteuningsgebied = apps.get_model("aanbod", "Ondersteuningsgebied")
    for gebied in STARTGEBIEDEN:
        Ondersteuningsgebied.objects.update_or_create(
            code=gebied.code,
            defaults={
                "naam": gebied.naam,
                "uitleg": gebied.uitleg,
                "landelijke_norm": gebied.landelijke_norm,
                "volgorde": gebied.volgorde,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("aanbod", "0001_initial")]

    operations = [migrations.RunPython(gebieden_laden, migrations.RunPython.noop)]
