"""StreamField content in a course file, read and written from the blocks' own definitions.

A lesson body or a quiz's questions are written as a list of `{"type": <block name>, <field>: ...}`;
nested lists and structs follow the block tree. Nothing here lists a block's fields by hand, so a field
added to a block travels with the course the day it is added. Files (documents, images) become
`{"title", "file"}` references next to the course file.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText


class FileReference:
    """A document or image the file names; stored (or reused) only when the course is written."""

    def __init__(self, kind, path, title):
        self.kind, self.path, self.title = kind, path, title


# Writing a file ---------------------------------------------------------------------------------


def stream_data(stream_value, file_reference):
    """A StreamValue as course-file data."""
    items = []
    for child in stream_value:
        value = value_data(child.block, child.value, file_reference)
        fields = value if isinstance(value, dict) else {"value": value}
        items.append({"type": child.block_type, **fields})
    return items


def value_data(block, value, file_reference):
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child in block.child_blocks.items():
            item = value_data(child, value.get(name), file_reference)
            if item not in (None, "", []):
                data[name] = item
        return data
    if isinstance(block, blocks.ListBlock):
        return [value_data(block.child_block, item, file_reference) for item in value or []]
    if isinstance(block, blocks.StreamBlock):
        return stream_data(value, file_reference)
    if isinstance(block, DocumentChooserBlock | ImageChooserBlock):
        return file_reference(value) if value else None
    if isinstance(value, RichText):
        return value.source
    return block.get_prep_value(value)


# Reading a file ---------------------------------------------------------------------------------


def raw_stream(importer, place, items, stream_block):
    """Course-file data as the StreamField's raw JSON (files still as FileReferences); fails naming the
    place of the first problem. The blocks' own validation runs when the course is written."""
    if not isinstance(items, list):
        importer.fail(place, "expected a list of blocks.")
    raw = []
    for index, item in enumerate(items):
        item_place = f"{place}[{index}]"
        block_type = item.get("type") if isinstance(item, dict) else None
        if block_type not in stream_block.child_blocks:
            importer.fail(item_place, f"each block needs a type: one of {', '.join(stream_block.child_blocks)}.")
        child = stream_block.child_blocks[block_type]
        fields = {key: value for key, value in item.items() if key != "type"}
        if not isinstance(child, blocks.StructBlock):
            fields = fields.get("value")
        raw.append({"type": block_type, "value": raw_value(importer, item_place, child, fields)})
    return raw


def raw_value(importer, place, block, data):
    if isinstance(block, blocks.StructBlock):
        if not isinstance(data, dict):
            importer.fail(place, "expected a mapping of fields.")
        unknown = set(data) - set(block.child_blocks)
        if unknown:
            importer.fail(
                place,
                f"unknown field(s) {', '.join(sorted(unknown))} for a {block.name or 'block'}; "
                f"known: {', '.join(block.child_blocks)}.",
            )
        return {
            name: raw_value(importer, f"{place}.{name}", child, data[name])
            for name, child in block.child_blocks.items()
            if data.get(name) is not None
        }
    if isinstance(block, blocks.ListBlock):
        if not isinstance(data, list):
            importer.fail(place, "expected a list.")
        return [raw_value(importer, f"{place}[{index}]", block.child_block, item) for index, item in enumerate(data)]
    if isinstance(block, blocks.StreamBlock):
        return raw_stream(importer, place, data, block)
    if isinstance(block, DocumentChooserBlock | ImageChooserBlock):
        kind = "document" if isinstance(block, DocumentChooserBlock) else "image"
        return FileReference(kind, *importer.local_file(place, data))
    if isinstance(data, dict | list):
        importer.fail(place, f"expected a single value, got a {type(data).__name__}.")
    return data


def store_files(raw, store):
    """Replace every FileReference in raw stream data by the id `store(reference)` returns."""
    if isinstance(raw, FileReference):
        return store(raw)
    if isinstance(raw, list):
        return [store_files(item, store) for item in raw]
    if isinstance(raw, dict):
        return {key: store_files(value, store) for key, value in raw.items()}
    return raw
