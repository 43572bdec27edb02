from django.db import migrations

EDITOR_GROUPS = ["Editors", "Moderators"]
QUIZ_ACTIONS = ["add", "change", "delete", "view", "publish"]


def let_editors_author_quizzes(apps, schema_editor):
    """Editors write quizzes as they write lessons: draft, preview, publish."""
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("quizzes")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    quiz_type, _ = ContentType.objects.get_or_create(app_label="quizzes", model="quiz")
    permissions = [
        # Wagtail adds "publish" for draft-state snippets only after migrations; make it now.
        Permission.objects.get_or_create(
            content_type=quiz_type, codename=f"{action}_quiz", defaults={"name": f"Can {action} quiz"}
        )[0]
        for action in QUIZ_ACTIONS
    ]
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.add(*permissions)


def take_quizzes_from_editors(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(content_type__app_label="quizzes", content_type__model="quiz")
    for group in Group.objects.filter(name__in=EDITOR_GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(let_editors_author_quizzes, take_quizzes_from_editors)]
