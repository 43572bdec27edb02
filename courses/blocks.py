"""The blocks a lesson body is made of; each one decides for itself whether the viewer may see it."""

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from access.models import Audience
from learning_site.rich_text import SanitisedRichTextBlock

from .video import UnsupportedVideoURL, parse_video_url

RESOURCE_TYPES = [
    ("pdf", "PDF"),
    ("video", "Video"),
    ("audio", "Audio"),
    ("image", "Image"),
    ("zip", "ZIP archive"),
    ("link", "Link"),
    ("tool", "Tool"),
    ("dataset", "Dataset"),
    ("template", "Template"),
    ("interactive", "Interactive"),
]

CODE_LANGUAGES = [
    ("text", "Plain text"),
    ("python", "Python"),
    ("javascript", "JavaScript"),
    ("typescript", "TypeScript"),
    ("java", "Java"),
    ("csharp", "C#"),
    ("bash", "Shell"),
    ("sql", "SQL"),
    ("json", "JSON"),
    ("yaml", "YAML"),
    ("gherkin", "Gherkin"),
    ("html", "HTML"),
    ("css", "CSS"),
]


class AudienceBlock(blocks.ChoiceBlock):
    """Who may see the block; narrower than the lesson's own access level only when it matters."""

    def __init__(self, **kwargs):
        super().__init__(
            choices=Audience.choices,
            default=Audience.GUEST,
            search_index=False,
            help_text="Who may see this block. Viewers outside it see a locked notice, never the content.",
            **kwargs,
        )


class AudienceGatedBlock(blocks.StructBlock):
    """A StructBlock that renders a locked notice instead of itself for viewers outside its audience.

    The viewer's tier comes from the parent context as `viewer_tier`; without it the viewer is a
    guest, so a template that forgets to pass it shows less, never more.
    """

    audience = AudienceBlock()

    def is_visible_to(self, value, tier):
        return Audience(tier).includes(value.get("audience") or Audience.GUEST)

    def render(self, value, context=None):
        tier = (context or {}).get("viewer_tier", Audience.GUEST)
        if not self.is_visible_to(value, tier):
            return mark_safe(  # noqa: S308 - a project template with autoescaping on
                render_to_string(
                    "blocks/locked_block.html",
                    {
                        "audience": Audience(value.get("audience")),
                        "block_label": self.meta.label or self.name,
                        "request": (context or {}).get("request"),
                        "page": (context or {}).get("page"),
                    },
                )
            )
        return super().render(value, context)

    def searchable_text_for(self, value, tier):
        return self.get_searchable_content(value) if self.is_visible_to(value, tier) else []


class TieredTextBlock(AudienceGatedBlock):
    """Rich text shown only to its audience."""

    text = SanitisedRichTextBlock(
        features=["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "code", "blockquote"]
    )

    class Meta:
        icon = "doc-full"
        label = "Text"
        template = "blocks/tiered_text_block.html"
        description = "Lesson text for one audience: guests, registered users or enrolled students."
        preview_value = {"audience": "guest", "text": "<p>Testing shows the presence of defects.</p>"}


class VideoBlock(AudienceGatedBlock):
    """A video from Vimeo, YouTube, Google Drive, Cloudinary or a plain .mp4 address."""

    url = blocks.URLBlock(
        help_text="Paste the video's address: Vimeo, YouTube, Google Drive, Cloudinary or an .mp4 file."
    )
    title = blocks.CharBlock(required=False, help_text="Shown to screen readers and under the player.")
    duration_seconds = blocks.IntegerBlock(
        required=False,
        min_value=1,
        help_text="The video's length in seconds; progress reports beyond it are refused. Empty: the lesson's.",
    )

    class Meta:
        icon = "media"
        label = "Video"
        template = "blocks/video_block.html"
        description = "A video player; the provider is recognised from the address."
        preview_value = {"audience": "guest", "url": "https://vimeo.com/76979871", "title": "Demo"}

    def clean(self, value):
        value = super().clean(value)
        try:
            parse_video_url(value.get("url"))
        except UnsupportedVideoURL as error:
            raise StructBlockValidationError(block_errors={"url": ValidationError(str(error))}) from error
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        try:
            context["video"] = parse_video_url(value.get("url"))
        except UnsupportedVideoURL:
            # Saved before validation existed, or edited in the database: show nothing broken.
            context["video"] = None
        return context


class ResourceBlock(AudienceGatedBlock):
    """A downloadable file or an external link, for its audience only."""

    title = blocks.CharBlock()
    resource_type = blocks.ChoiceBlock(choices=RESOURCE_TYPES, default="pdf", search_index=False)
    description = blocks.TextBlock(required=False)
    document = DocumentChooserBlock(required=False, help_text="A file from the document library.")
    url = blocks.URLBlock(required=False, help_text="Or an external address, instead of a file.")

    class Meta:
        icon = "download"
        label = "Resource"
        template = "blocks/resource_block.html"
        description = "A downloadable document or an external link."
        preview_value = {
            "audience": "guest",
            "title": "Test case template",
            "resource_type": "template",
            "url": "https://example.com/template.csv",
        }

    def clean(self, value):
        value = super().clean(value)
        has_document, has_url = bool(value.get("document")), bool(value.get("url"))
        if has_document == has_url:
            message = (
                "Choose a document or enter an address, not both."
                if has_document
                else ("Choose a document or enter an address.")
            )
            raise StructBlockValidationError(block_errors={"url": ValidationError(message)})
        return value


class CalloutBlock(AudienceGatedBlock):
    """A highlighted note: a tip, a warning, an analogy."""

    style = blocks.ChoiceBlock(
        choices=[("info", "Note"), ("tip", "Tip"), ("warning", "Warning"), ("analogy", "Analogy")],
        default="info",
        search_index=False,
    )
    title = blocks.CharBlock(required=False)
    body = SanitisedRichTextBlock(features=["bold", "italic", "link", "code", "ul", "ol"])

    class Meta:
        icon = "warning"
        label = "Callout"
        template = "blocks/callout_block.html"
        description = "A highlighted note, tip, warning or analogy."
        preview_value = {"audience": "guest", "style": "tip", "title": "Tip", "body": "<p>Test early.</p>"}


class CodeBlock(AudienceGatedBlock):
    """A code sample, always shown as text, never run or interpreted as HTML."""

    language = blocks.ChoiceBlock(choices=CODE_LANGUAGES, default="python", search_index=False)
    caption = blocks.CharBlock(required=False)
    code = blocks.TextBlock()

    class Meta:
        icon = "code"
        label = "Code"
        template = "blocks/code_block.html"
        description = "A code sample with its language."
        preview_value = {"audience": "guest", "language": "python", "code": "assert add(2, 2) == 4"}


class LessonImageBlock(AudienceGatedBlock):
    """An image with alternative text and an optional caption."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        required=False, help_text="Describe the image for screen readers. Defaults to the image title."
    )
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        label = "Image"
        template = "blocks/image_block.html"
        description = "An image with a caption."


class LessonStreamBlock(blocks.StreamBlock):
    """Everything a lesson body may hold."""

    text = TieredTextBlock()
    video = VideoBlock()
    resource = ResourceBlock()
    callout = CalloutBlock()
    code = CodeBlock()
    image = LessonImageBlock()

    def searchable_text_for(self, stream_value, tier):
        """The words of every block `tier` may see, for the tier-aware search index."""
        texts = []
        for child in stream_value:
            texts.extend(child.block.searchable_text_for(child.value, tier))
        return texts

    def documents_visible_to(self, stream_value, tier):
        return [
            child.value["document"]
            for child in stream_value
            if child.block_type == "resource"
            and child.value.get("document")
            and child.block.is_visible_to(child.value, tier)
        ]
