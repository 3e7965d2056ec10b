"""The access log is append-only in the database too.

PostgreSQL (production): row triggers refuse UPDATE and DELETE on both tables.
SQLite (development, demo): a trigger refuses UPDATE; DELETE is refused by the model and
its queryset (Django's test flush deletes rows on SQLite, so a trigger would block tests).
"""

from django.db import migrations

TABELLEN = ["core_toegangsregel", "core_toegangsregelleerling"]


def maak_triggers(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE OR REPLACE FUNCTION passend_alleen_toevoegen() RETURNS trigger AS $$ "
                "BEGIN RAISE EXCEPTION 'Het toegangslog is alleen-toevoegen (%)', TG_OP; END; "
                "$$ LANGUAGE plpgsql"
            )
            for tabel in TABELLEN:
                cursor.execute(
                    f"CREATE TRIGGER {tabel}_alleen_toevoegen BEFORE UPDATE OR DELETE ON {tabel} "
                    "FOR EACH ROW EXECUTE FUNCTION passend_alleen_toevoegen()"
                )
        elif connection.vendor == "sqlite":
            for tabel in TABELLEN:
                cursor.execute(
                    f"CREATE TRIGGER {tabel}_geen_update BEFORE UPDATE ON {tabel} "
                    "BEGIN SELECT RAISE(ABORT, 'Het toegangslog is alleen-toevoegen'); END"
                )


def verwijder_triggers(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for tabel in TABELLEN:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {tabel}_alleen_toevoegen ON {tabel}")
            elif connection.vendor == "sqlite":
                cursor.execute(f"DROP TRIGGER IF EXISTS {tabel}_geen_update")


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(maak_triggers, verwijder_triggers)]
