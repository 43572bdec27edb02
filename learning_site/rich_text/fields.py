"""The fields and block that store sanitised rich text, whichever road it came by."""

from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import RichText

from .sanitiser import sanitise_rich_text


class SanitisedRichTextBlock(blocks.RichTextBlock):
    """A RichTextBlock whose stored HTML is what its editor's features allow, whoever wrote it."""

    def get_prep_value(self, value):
        cleaned = sanitise_rich_text(super().get_prep_value(value), self.features)
        # Keep the value in memory in step with what is stored, as SanitisedRichTextField does:
        # the row and the revision written from one page then hold the same text, block keys included.
        if isinstance(value, RichText):
            value.source = cleaned
        return cleaned


class SanitisedRichTextField(RichTextField):
    """A RichTextField whose stored HTML is what its editor's features allow, whoever wrote it.

    `pre_save` is where both the row (Model.save) and a revision (modelcluster's serialisation,
    which calls `pre_save` and then reads the attribute) take the value, so both are covered.
    """

    def pre_save(self, model_instance, add):
        value = sanitise_rich_text(getattr(model_instance, self.attname), self.features)
        setattr(model_instance, self.attname, value)
        return value


class SanitisedStreamField(StreamField):
    """A StreamField whose children all go through their own block's `get_prep_value`.

    StreamValue passes on children it never loaded (raw data assigned by an importer or a script,
    or read lazily from the database) without asking their block, so SanitisedRichTextBlock alone
    would store whatever such a child holds. Loading every child first closes that road, for the
    row and for revisions alike (both serialise through `get_prep_value`).
    """

    def get_prep_value(self, value):
        if isinstance(value, StreamValue):
            list(value)
        return super().get_prep_value(value)
