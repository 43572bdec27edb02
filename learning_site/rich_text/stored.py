"""Sanitising rich text already stored: page rows and revisions, for data migrations."""

import json

from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField

from .sanitiser import sanitise_rich_text


def sanitise_stream_data(block, data):
    """StreamField data in its stored (JSON) form, with every rich text block's HTML sanitised.

    Works on the raw data, so nothing else in the stream is loaded, converted or changed.
    """
    if isinstance(block, blocks.RichTextBlock):
        return sanitise_rich_text(data, block.features) if isinstance(data, str) else data
    if isinstance(block, blocks.BaseStreamBlock) and isinstance(data, list):
        for item in data:
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                item["value"] = sanitise_stream_data(block.child_blocks[item["type"]], item.get("value"))
        return data
    if isinstance(block, blocks.BaseStructBlock) and isinstance(data, dict):
        for name, child in block.child_blocks.items():
            if name in data:
                data[name] = sanitise_stream_data(child, data[name])
        return data
    if isinstance(block, blocks.ListBlock) and isinstance(data, list):
        for index, item in enumerate(data):
            if isinstance(item, dict) and item.get("type") == "item" and "id" in item and "value" in item:
                item["value"] = sanitise_stream_data(block.child_block, item["value"])
            else:
                data[index] = sanitise_stream_data(block.child_block, item)
        return data
    return data


def sanitise_stored_pages(apps, model_labels):
    """Sanitise the rich text of every row and every revision of the given page models.

    For data migrations: `apps` is the migration's app registry, `model_labels` like
    "courses.LessonPage". Only rich text changes, and only rows and revisions where it did are written.
    """
    content_type_model = apps.get_model("contenttypes", "ContentType")
    revision_model = apps.get_model("wagtailcore", "Revision")
    for label in model_labels:
        model = apps.get_model(label)
        fields = [
            field
            for field in model._meta.get_fields()
            if field.concrete and field.model is model and isinstance(field, RichTextField | StreamField)
        ]
        if not fields:
            continue
        for row in model.objects.values("pk", *[field.attname for field in fields]).iterator():
            changes = _changes(fields, row)
            if changes:
                model.objects.filter(pk=row["pk"]).update(**changes)
        content_types = content_type_model.objects.filter(app_label=model._meta.app_label, model=model._meta.model_name)
        for revision in revision_model.objects.filter(content_type__in=content_types).only("pk", "content").iterator():
            changes = _changes(fields, revision.content)
            if changes:
                revision_model.objects.filter(pk=revision.pk).update(content={**revision.content, **changes})


def _changes(fields, stored_values):
    """{field name: sanitised value} for each field whose stored value `sanitise_rich_text` changes."""
    changes = {}
    for field in fields:
        if field.attname in stored_values:
            cleaned = _sanitised(field, stored_values[field.attname])
            if cleaned is not None:
                changes[field.attname] = cleaned
    return changes


def _sanitised(field, stored):
    """`stored` with its rich text sanitised, in the same form; None when nothing changes."""
    if not isinstance(field, StreamField):
        cleaned = sanitise_rich_text(stored, field.features)
        return None if cleaned == stored else cleaned
    # A row holds a StreamValue, read here as its raw data so that nothing else is loaded or
    # converted; a revision holds the stream as JSON text inside its JSON.
    as_text = isinstance(stored, str)
    if isinstance(stored, StreamValue):
        raw = list(stored.raw_data)
    elif as_text:
        try:
            raw = json.loads(stored) if stored else []
        except ValueError:
            return None  # text from before the field was a StreamField; Wagtail shows it as empty
    else:
        raw = stored or []
    original = json.dumps(raw)
    cleaned = sanitise_stream_data(field.stream_block, json.loads(original))
    if json.dumps(cleaned) == original:
        return None
    return json.dumps(cleaned) if as_text else cleaned
