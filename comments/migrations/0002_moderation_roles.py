"""Comment permissions for the Moderators and Editors groups.

Groups are fetched or created and permissions only added, so this works
whether or not the articles roles migration has run first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATE = [
    "view_comment",
    "change_comment",
    "moderate_comment",
    "view_moderationrecord",
]
ROLES = {"Moderators": MODERATE, "Editors": MODERATE}


def grant(apps, schema_editor):
    # Permissions are normally made after migrate finishes; they are needed now.
    app_config = apps.get_app_config("comments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in ROLES.items():
        permissions = list(
            Permission.objects.filter(
                content_type__app_label="comments", codename__in=codenames
            )
        )
        missing = set(codenames) - {p.codename for p in permissions}
        if missing:
            raise RuntimeError(f"Unknown permissions for {name}: {sorted(missing)}")
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # Going back leaves the groups and grants: people may rely on them.
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
