"""Rich text is reduced to what its editor's features allow before it is stored, whoever wrote it.

Wagtail's page editor stores what its Draftail converter produces: HTML turned into Draft.js
content state with the field's features and back. That round trip drops every tag, attribute and
URL scheme the features do not allow, so it is the definition of "allowed" used here. Rich text
that arrives by any other road (`import_course`, AI drafts, scripts assigning a StreamField) takes
the same round trip when it is stored, through `SanitisedRichTextField.pre_save` (the page row
and, via modelcluster, every revision) and `SanitisedRichTextBlock.get_prep_value` (StreamFields,
which must be `SanitisedStreamField`s so that children assigned as raw data reach their block).

The converter alone is not enough for text that never came from the editor: it shows the inside
of `<script>` and `<style>` as words, crashes on ids that are not numbers and on some malformed
structures, and looks up pages and images (and fetches oEmbed data) for every reference. So a
first pass parses the HTML into a balanced tree, drops elements whose content is never meant to
be read, and unwraps or drops references it could not store; the converter then runs with
handlers that copy ids without querying; and if it still fails, the words are kept as plain
paragraphs. The result is a fixed point: sanitising it again changes nothing, block keys included.
"""

from .fields import SanitisedRichTextBlock, SanitisedRichTextField, SanitisedStreamField
from .sanitiser import sanitise_rich_text
from .stored import sanitise_stored_pages, sanitise_stream_data

__all__ = [
    "SanitisedRichTextBlock",
    "SanitisedRichTextField",
    "SanitisedStreamField",
    "sanitise_rich_text",
    "sanitise_stored_pages",
    "sanitise_stream_data",
]
