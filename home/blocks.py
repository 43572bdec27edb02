"""Sections of the landing page."""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from learning_site.rich_text import SanitisedRichTextBlock


class LinkBlock(blocks.StructBlock):
    """A button: a label and either a page of the site or an address."""

    label = blocks.CharBlock()
    page = blocks.PageChooserBlock(required=False)
    url = blocks.CharBlock(required=False, help_text="Used when no page is chosen, e.g. /register/.")

    class Meta:
        icon = "link"


class HeroBlock(blocks.StructBlock):
    """The big opening statement with a call to action."""

    heading = blocks.CharBlock()
    subheading = blocks.TextBlock(required=False)
    image = ImageChooserBlock(required=False)
    primary_action = LinkBlock(required=False)
    secondary_action = LinkBlock(required=False)

    class Meta:
        icon = "title"
        template = "home/blocks/hero_block.html"
        description = "Opening heading, text and buttons."


class HighlightBlock(blocks.StructBlock):
    """One short selling point."""

    title = blocks.CharBlock()
    text = blocks.TextBlock()


class HighlightsBlock(blocks.StructBlock):
    """A row of short selling points."""

    heading = blocks.CharBlock(required=False)
    items = blocks.ListBlock(HighlightBlock())

    class Meta:
        icon = "list-ul"
        template = "home/blocks/highlights_block.html"
        description = "Three or four short selling points."


class AboutBlock(blocks.StructBlock):
    """A heading and a few paragraphs about the school."""

    heading = blocks.CharBlock()
    text = SanitisedRichTextBlock(features=["bold", "italic", "link", "ul"])

    class Meta:
        icon = "doc-full"
        template = "home/blocks/about_block.html"
        description = "Who we are and why we teach."


class StepBlock(blocks.StructBlock):
    """One step of how the site works."""

    title = blocks.CharBlock()
    text = blocks.TextBlock()


class HowItWorksBlock(blocks.StructBlock):
    """Numbered steps from sign-up to certificate."""

    heading = blocks.CharBlock()
    steps = blocks.ListBlock(StepBlock())

    class Meta:
        icon = "list-ol"
        template = "home/blocks/how_it_works_block.html"
        description = "Numbered steps."


class CallToActionBlock(blocks.StructBlock):
    """A closing invitation with one button."""

    heading = blocks.CharBlock()
    text = blocks.TextBlock(required=False)
    action = LinkBlock()

    class Meta:
        icon = "pick"
        template = "home/blocks/call_to_action_block.html"
        description = "A closing heading and button."


class HomeStreamBlock(blocks.StreamBlock):
    hero = HeroBlock()
    highlights = HighlightsBlock()
    about = AboutBlock()
    how_it_works = HowItWorksBlock()
    call_to_action = CallToActionBlock()
