from django.conf import settings
from django.db import migrations, models


def mark_replayed_orders(apps, schema_editor):
    """Before the constraint: a bundle order recorded more than once keeps its first purchase; the
    later copies keep their rows (and their access) with the order id marked as a duplicate."""
    BundlePurchase = apps.get_model("access", "BundlePurchase")
    seen = set()
    for purchase in BundlePurchase.objects.exclude(purchase_id="").order_by("purchase_date", "pk"):
        key = (purchase.bundle_id, purchase.purchase_id)
        if key in seen:
            original = purchase.purchase_id
            purchase.purchase_id = f"{original[:80]} (duplicate {purchase.pk})"
            purchase.notes = "\n".join(filter(None, [purchase.notes, f"Order {original} was recorded twice."]))
            purchase.save(update_fields=["purchase_id", "notes"])
        seen.add(key)


class Migration(migrations.Migration):

    dependencies = [
        ("access", "0004_access_managers_group"),
        ("courses", "0005_video_duration_and_learner_records"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(mark_replayed_orders, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="bundlepurchase",
            constraint=models.UniqueConstraint(
                condition=models.Q(("purchase_id", ""), _negated=True),
                fields=("bundle", "purchase_id"),
                name="one_purchase_per_bundle_order",
            ),
        ),
    ]
