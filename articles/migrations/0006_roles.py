"""The newsroom's roles as groups with their permissions (see docs/roles.md).

Safe to run again: groups are fetched or created and permissions only added, so
other apps (comments) may add their own permissions to the same groups.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ("add", "change", "delete", "view")

# Writers draft and submit for review; they never publish or correct, and
# cannot delete articles. They may add a tag or a quoted person they need
# while writing; editors curate both lists.
WRITERS = {
    "article": ("add", "change", "view"),
    "articleauthor": ALL,
    "section": ALL,
    "quote": ALL,
    "correction": ("view",),
    "topic": ("view",),
    "tag": ("add", "view"),
    "author": ("view",),
    "person": ("add", "view"),
    "image": ("add", "change", "view"),
}
EDITORS = {
    "article": ALL,
    "articleauthor": ALL,
    "section": ALL,
    "quote": ALL,
    "correction": ALL,
    "topic": ALL,
    "tag": ALL,
    "author": ALL,
    "person": ALL,
    "image": ALL,
}
EXTRA = {"Editors": ["publish_article"]}
ROLES = {"Writers": WRITERS, "Editors": EDITORS, "Moderators": {}}


def create_roles(apps, schema_editor):
    # Permissions are normally made after migrate finishes; the groups need
    # them now, on a fresh database too.
    app_config = apps.get_app_config("articles")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in ROLES.items():
        codenames = [
            f"{action}_{model}"
            for model, actions in grants.items()
            for action in actions
        ] + EXTRA.get(name, [])
        permissions = list(
            Permission.objects.filter(
                content_type__app_label="articles", codename__in=codenames
            )
        )
        missing = set(codenames) - {p.codename for p in permissions}
        if missing:
            raise RuntimeError(f"Unknown permissions for {name}: {sorted(missing)}")
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_article_workflow"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    # Going back leaves the groups: people may already belong to them.
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
