"""Moodle's [html] and [markdown] question text as plain text: our questions are plain text."""

import html
import re


def tidy_lines(text):
    """Spaces collapsed within each line, at most one empty line in a row, nothing at the ends."""
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# A tag runs to its > or, if unclosed, to the next <; a comment to its --> or the end. Both stop at
# the first place they can, so reading any input takes time in proportion to its length (Python
# 3.11's html.parser can take minutes, or raise, on malformed markup).
HTML_TOKEN = re.compile(r"<!--.*?(?:-->|\Z)|<[a-zA-Z/!?][^<>]*>?", re.DOTALL)
HTML_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")
HTML_BLOCKS = {
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "ol", "p", "pre", "section", "table", "tr", "ul",
}  # fmt: skip
HTML_HIDDEN = {"script", "style", "template"}


def html_data(text):
    """Text between tags as shown: entities decoded, white space collapsed (tags decide line breaks)."""
    return re.sub(r"\s+", " ", html.unescape(text))


def html_to_text(markup):
    """(plain text, number of images left out): tags dropped, entities decoded, paragraphs and line breaks kept."""
    parts, images, hidden, position = [], 0, None, 0
    for token in HTML_TOKEN.finditer(markup):
        if hidden is None:
            parts.append(html_data(markup[position : token.start()]))
        position = token.end()
        tag = HTML_TAG_NAME.match(token.group())
        if not tag:
            continue  # a comment, doctype or processing instruction
        name, closing = tag.group(1).lower(), token.group().startswith("</")
        if hidden is not None:
            hidden = None if closing and name == hidden else hidden
        elif name in HTML_HIDDEN and not closing:
            hidden = name
        elif name == "br":
            parts.append("\n")
        elif name == "li" and not closing:
            parts.append("\n- ")
        elif name in {"td", "th"}:
            parts.append(" ")
        elif name == "img" and not closing:
            images += 1
        elif name in HTML_BLOCKS:
            parts.append("\n\n")
    if hidden is None:
        parts.append(html_data(markup[position:]))
    return tidy_lines("".join(parts)), images


# Each pattern stops at the next bracket, asterisk or line end, so a long line cannot make it backtrack.
MARKDOWN_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\s]*\)")
MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]+)\]\(([^()\s]+)\)")
MARKDOWN_STRONG = re.compile(r"\*\*(?=[^\s*])([^*\n]+)(?<=\S)\*\*")
MARKDOWN_CODE = re.compile(r"`([^`\n]+)`")


def markdown_to_text(text):
    """(plain text, number of images left out): Markdown reads well as text once links and emphasis are undone.

    Single * and _ are left alone: in quiz text they are more often arithmetic or identifiers than emphasis.
    """
    images = len(MARKDOWN_IMAGE.findall(text))
    text = MARKDOWN_IMAGE.sub("", text)
    text = MARKDOWN_LINK.sub(r"\1 (\2)", text)
    text = MARKDOWN_STRONG.sub(r"\1", text)
    text = MARKDOWN_CODE.sub(r"\1", text)
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.MULTILINE)
    return tidy_lines(text), images
