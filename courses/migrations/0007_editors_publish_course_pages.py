from django.db import migrations


def let_editors_publish(apps, schema_editor):
    """Editors publish what they write, lessons as quizzes: the school's editors are its authors.
    (Wagtail's default Editors group may only submit pages to the Moderators.)"""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    root = Page.objects.filter(depth=1).first()
    editors = Group.objects.filter(name="Editors").first()
    if root is None or editors is None:
        return
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    publish, _ = Permission.objects.get_or_create(
        content_type=page_type, codename="publish_page", defaults={"name": "Publish any page"}
    )
    GroupPagePermission.objects.get_or_create(group=editors, page=root, permission=publish)


def take_publishing_from_editors(apps, schema_editor):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(
        group__name="Editors", page__depth=1, permission__codename="publish_page"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0006_sanitise_rich_text"),
        ("wagtailcore", "0086_populate_grouppagepermission_permission"),
    ]

    operations = [migrations.RunPython(let_editors_publish, take_publishing_from_editors)]
