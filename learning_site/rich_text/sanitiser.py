"""The sanitiser: HTML in, what the rich text editor with the given features would store out.

A first pass parses the HTML into a balanced tree, drops elements whose content is never meant to
be read and unwraps or drops references it could not store; Wagtail's own converter then runs with
handlers that copy ids without querying; if it still fails, the words are kept as plain paragraphs.
"""

import functools
import html
import json
import logging
import re
import threading
from html.parser import HTMLParser

from django.utils.encoding import force_str
from wagtail.rich_text import RichText
from wagtail.rich_text import features as feature_registry
from wagtail.whitelist import check_url

logger = logging.getLogger(__name__)

# Elements whose content is code, styling or a fallback for something else, never text to read.
DROPPED_WITH_CONTENT = frozenset(
    {
        "applet",
        "audio",
        "canvas",
        "frame",
        "frameset",
        "head",
        "iframe",
        "noembed",
        "noframes",
        "noscript",
        "object",
        "script",
        "select",
        "style",
        "template",
        "textarea",
        "title",
        "video",
        "xmp",
    }
)
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)
# Where the fallback starts a new paragraph.
BLOCK_ELEMENTS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
# Blocks of text for the converter: one inside another, or inside bold text or a link, breaks it.
TEXT_BLOCKS = frozenset({"blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "li", "p"})
INLINE_ELEMENTS = frozenset({"a", "b", "code", "em", "i", "kbd", "mark", "s", "strong", "sub", "sup", "u"})
# The converter writes a style nested in itself once per level (`<b><strong>` gives `<b><b>`), so a
# style already open is unwrapped; with lists kept to a sane depth the converter's output then
# stays far below MAX_DEPTH and a second pass reads it whole.
STYLE_NAMES = {"strong": "b", "em": "i"}
MAX_LIST_DEPTH = 10
# Marks where an unwrapped text block stood; control characters are removed from the input first.
BREAK = "\x01"
EDGE_BREAKS_RE = re.compile(r"^[ \t\n\r\f]*\x01[ \t\n\r\f\x01]*|[ \t\n\r\f\x01]*\x01[ \t\n\r\f]*$")
LINE_BREAK_RE = re.compile(r"[ \t\n\r\f]*\x01[ \t\n\r\f\x01]*")
NAME_RE = re.compile(r"^[a-z][a-z0-9_.:-]*$")
# Control characters other than tab, newline and carriage return: PostgreSQL refuses NUL, and
# none of them is text a reader sees.
CONTROL_CHARACTERS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
WHITESPACE_RE = re.compile(r"\s+")
BLOCK_KEY_ATTRIBUTE = "data-block-key"
MAX_ID = 2**31 - 1  # Wagtail's page, image and document ids are 32-bit integers
# Deeper nesting is flattened, so that walking the tree cannot exhaust Python's recursion limit.
MAX_DEPTH = 100


def sanitise_rich_text(source, features=None):
    """`source` (HTML or a RichText) as the rich text editor with `features` would store it.

    `features` None means Wagtail's default features, as for a RichTextField or RichTextBlock
    declared without them. Empty or content-free input gives "".
    """
    if source is None:
        return None
    text = CONTROL_CHARACTERS_RE.sub("", force_str(source.source if isinstance(source, RichText) else source))
    if not text.strip():
        return ""
    features = tuple(feature_registry.get_default_features() if features is None else features)
    tree = _parse(text)
    preparer = _Preparer(features)
    prepared = preparer.html(tree)
    if not prepared.strip():
        return ""
    try:
        return _round_trip(prepared, features, keep_block_keys=preparer.saw_block_keys)
    except Exception:
        # Structures the converter cannot represent (a list item outside a list, a paragraph
        # inside bold text): keep every word, lose the formatting.
        logger.warning("Rich text kept as plain paragraphs: the editor's converter refused it.", exc_info=True)
        paragraphs = _paragraphs(tree)
        if not paragraphs:
            return ""
        plain = "".join(f"<p>{html.escape(words, quote=False)}</p>" for words in paragraphs)
        return _round_trip(plain, features, keep_block_keys=False)


# The first pass: a balanced tree, dangerous elements and unusable references removed ---------


class _Element:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag, attrs):
        self.tag, self.attrs, self.children = tag, attrs, []


class _TreeBuilder(HTMLParser):
    """Builds a tree the way a forgiving reader would: stray end tags are ignored, an end tag
    closes whatever is still open inside it, and everything open at the end is closed."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Element(None, {})
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        if len(self.open) > MAX_DEPTH and tag not in DROPPED_WITH_CONTENT:
            return  # the content stays, in the enclosing element; dropped elements are never walked
        element = _Element(tag, {name: value or "" for name, value in attrs if NAME_RE.match(name)})
        self.open[-1].children.append(element)
        if tag not in VOID_ELEMENTS:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        depth = len(self.open)
        self.handle_starttag(tag, attrs)
        del self.open[depth:]

    def handle_endtag(self, tag):
        for depth in range(len(self.open) - 1, 0, -1):
            if self.open[depth].tag == tag:
                del self.open[depth:]
                return

    def handle_data(self, data):
        self.open[-1].children.append(data)


def _parse(text):
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


class _Preparer:
    """Writes the tree back as HTML the converter can read: references it could store, and no text
    block inside another (a paragraph in a list item or in bold text is unwrapped, its neighbours
    kept apart by a line break)."""

    def __init__(self, features):
        from wagtail.images.formats import get_image_formats  # imports image models: not at load time

        self.features = features
        self.image_formats = {image_format.name for image_format in get_image_formats()}
        self.inside_link = False
        self.saw_block_keys = False
        self.open_styles = set()
        self.list_depth = 0

    def html(self, tree):
        prepared = "".join(self.node(child, False, False, False) for child in tree.children)
        return LINE_BREAK_RE.sub("<br/>", prepared)

    def node(self, node, in_text_block, in_inline, in_list):
        if isinstance(node, str):
            return html.escape(node, quote=False)
        tag = node.tag
        if tag in DROPPED_WITH_CONTENT or not NAME_RE.match(tag):
            return ""
        self.saw_block_keys = self.saw_block_keys or BLOCK_KEY_ATTRIBUTE in node.attrs
        if tag == "embed":
            return f"<embed{_attributes(node.attrs)}/>" if self.embed_is_usable(node.attrs) else ""
        if tag in VOID_ELEMENTS:
            return f"<{tag}/>" if tag == "br" or (tag == "hr" and "hr" in self.features) else ""
        if tag == "a":
            return self.link(node, in_text_block, in_list)
        if tag in ("ul", "ol"):
            if self.list_depth >= MAX_LIST_DEPTH:
                return self.children(node, in_text_block, in_inline, False)
            self.list_depth += 1
            try:
                return self.element(tag, node, False, in_inline, True)
            finally:
                self.list_depth -= 1
        if tag == "li" and in_list and not in_inline:
            return self.element(tag, node, True, False, False)
        if tag in TEXT_BLOCKS:
            if in_text_block or in_inline:
                return f"{BREAK}{self.children(node, in_text_block, in_inline, False)}{BREAK}"
            return self.element("p" if tag == "li" else tag, node, True, False, False)
        if tag in INLINE_ELEMENTS:
            style = STYLE_NAMES.get(tag, tag)
            if style in self.open_styles:
                return self.children(node, in_text_block, True, in_list)
            self.open_styles.add(style)
            try:
                return self.element(tag, node, in_text_block, True, in_list)
            finally:
                self.open_styles.discard(style)
        return self.element(tag, node, in_text_block, in_inline, in_list)

    def children(self, node, in_text_block, in_inline, in_list):
        return "".join(self.node(child, in_text_block, in_inline, in_list) for child in node.children)

    def element(self, tag, node, in_text_block, in_inline, in_list, attrs=None):
        inner = EDGE_BREAKS_RE.sub("", self.children(node, in_text_block, in_inline, in_list))
        return f"<{tag}{_attributes(node.attrs if attrs is None else attrs)}>{inner}</{tag}>"

    def link(self, node, in_text_block, in_list):
        # A link the converter would keep without an address (or a link inside a link) is
        # unwrapped here, so that a second pass has nothing left to remove.
        if self.inside_link or not self.link_is_usable(node.attrs):
            return self.children(node, in_text_block, True, in_list)
        attrs = dict(node.attrs)
        if "href" not in attrs:
            attrs["id"] = str(int(attrs["id"]))
        self.inside_link = True
        try:
            return self.element("a", node, in_text_block, True, in_list, attrs)
        finally:
            self.inside_link = False

    def link_is_usable(self, attrs):
        if "href" in attrs:
            return check_url(attrs["href"]) is not None
        return attrs.get("linktype") in ("page", "document") and _valid_id(attrs.get("id"))

    def embed_is_usable(self, attrs):
        embedtype = attrs.get("embedtype")
        if embedtype == "image" and "image" in self.features:
            return _valid_id(attrs.get("id")) and attrs.get("format") in self.image_formats
        if embedtype == "media" and "embed" in self.features:
            return re.match(r"^https?://", attrs.get("url", ""), re.IGNORECASE) is not None
        return False


def _valid_id(value):
    return bool(value) and value.isascii() and value.isdigit() and 0 < int(value) <= MAX_ID


def _attributes(attrs):
    return "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in attrs.items())


def _paragraphs(tree):
    """The words of the tree, a paragraph per block element, for when the converter fails."""
    paragraphs, words = [], []

    def flush():
        text = WHITESPACE_RE.sub(" ", "".join(words)).strip()
        if text:
            paragraphs.append(text)
        words.clear()

    def walk(node):
        if isinstance(node, str):
            words.append(node)
            return
        if node.tag in DROPPED_WITH_CONTENT:
            return
        is_block = node.tag in BLOCK_ELEMENTS
        if is_block:
            flush()
        for child in node.children:
            walk(child)
        if is_block:
            flush()

    walk(tree)
    flush()
    return paragraphs


# The second pass: Wagtail's own converter, without database or network look-ups -------------


class UnstableRichText(ValueError):
    """The converter kept changing its own output."""


def _round_trip(prepared, features, *, keep_block_keys):
    """The converter's output, converted again until it no longer changes.

    A few shapes come out different from a second pass (a line break inside a link, a style
    holding only a space), so what is stored is the converter's fixed point: saving it again
    changes nothing. Clean text reaches it on the first comparison.
    """
    result = _convert(prepared, features, keep_block_keys)
    for _attempt in range(3):
        again = _convert(result, features, keep_block_keys)
        if again == result:
            return result
        result = again
    raise UnstableRichText(result)


_converters = threading.local()  # the parser inside a converter keeps state while it runs


def _convert(prepared, features, keep_block_keys):
    """One round trip through the editor's converter.

    The editor keeps each block's key in `data-block-key`, so that a block stays the same block from
    one save to the next, and so does this when the text came with keys. Text written without them
    (an import, a script) stays without: the converter would invent random ones, and the same file
    imported twice would differ.
    """
    cache = getattr(_converters, "by_features", None)
    if cache is None:
        cache = _converters.by_features = {}
    converter = cache.get(features)
    if converter is None:
        from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

        converter = ContentstateConverter(list(features))
        converter.html_to_contentstate_handler = _storage_parser_class()(list(features))
        cache[features] = converter
    content_state = json.loads(converter.from_database_format(prepared))
    if not keep_block_keys:
        for block in content_state["blocks"]:
            block["key"] = None  # the exporter leaves out attributes without a value
    return converter.exporter.render(content_state)


@functools.cache
def _storage_parser_class():
    """Wagtail's HTML-to-contentstate parser with look-up-free handlers for references.

    The look-ups in Wagtail's handlers only fill in what the editor displays (a page's URL, an
    image's thumbnail, an embed's title, fetched from the provider); what gets stored depends on
    the ids and addresses alone. Built on first use: the converter modules load models on import.
    """
    from wagtail.admin.rich_text.converters.contentstate_models import Entity
    from wagtail.admin.rich_text.converters.html_to_contentstate import (
        HtmlToContentStateHandler,
        PageLinkElementHandler,
    )
    from wagtail.documents.rich_text.contentstate import DocumentLinkElementHandler
    from wagtail.embeds.rich_text.contentstate import MediaEmbedElementHandler
    from wagtail.images.rich_text.contentstate import ImageElementHandler

    class PageLinkByIdHandler(PageLinkElementHandler):
        def get_attribute_data(self, attrs):
            return {"id": int(attrs["id"])}

    class DocumentLinkByIdHandler(DocumentLinkElementHandler):
        def get_attribute_data(self, attrs):
            return {"id": int(attrs["id"])}

    class ImageByIdHandler(ImageElementHandler):
        def create_entity(self, name, attrs, state, contentstate):
            data = {"id": attrs["id"], "alt": attrs.get("alt"), "format": attrs["format"]}
            return Entity("IMAGE", "IMMUTABLE", data)

    class MediaEmbedByUrlHandler(MediaEmbedElementHandler):
        def create_entity(self, name, attrs, state, contentstate):
            return Entity("EMBED", "IMMUTABLE", {"url": attrs["url"]})

    def without_look_ups(handler):
        if isinstance(handler, PageLinkElementHandler):
            return PageLinkByIdHandler(handler.entity_type)
        if isinstance(handler, DocumentLinkElementHandler):
            return DocumentLinkByIdHandler(handler.entity_type)
        if isinstance(handler, ImageElementHandler):
            return ImageByIdHandler()
        if isinstance(handler, MediaEmbedElementHandler):
            return MediaEmbedByUrlHandler()
        return handler

    class StorageParser(HtmlToContentStateHandler):
        def __init__(self, features):
            super().__init__(features)
            for rules in self.element_handlers.element_rules.values():
                rules[:] = [(precedence, check, without_look_ups(handler)) for precedence, check, handler in rules]

    return StorageParser
