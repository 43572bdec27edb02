from django.db import migrations

GROUP_NAME = "Access managers"
MODEL_PERMISSIONS = {
    "courseaccess": ["view", "manage_course_access"],
    "accessevent": ["view"],
    "bundle": ["add", "change", "view"],
    "bundlepurchase": ["view"],
    "cohort": ["add", "change", "view"],
    "cohortmember": ["view"],
    "learningpath": ["add", "change", "view"],
}


def create_access_managers(apps, schema_editor):
    """The only group (besides superusers) that may grant and revoke course access."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    for model, actions in MODEL_PERMISSIONS.items():
        for action in actions:
            codename = action if action.startswith("manage_") else f"{action}_{model}"
            group.permissions.add(Permission.objects.get(content_type__app_label="access", codename=codename))
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))


def remove_access_managers(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("access", "0003_access_sources_and_audit_trail"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_access_managers, remove_access_managers)]
