"""Each lesson block: validation in the editor, and what it renders."""

import pytest
from django.core.files.base import ContentFile
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model

from access.models import Audience
from courses.blocks import CalloutBlock, CodeBlock, ResourceBlock, TieredTextBlock, VideoBlock
from courses.video import UnsupportedVideoURL, parse_video_url


@pytest.mark.parametrize(
    ("url", "provider", "video_id", "embed_url"),
    [
        ("https://vimeo.com/76979871", "vimeo", "76979871", "https://player.vimeo.com/video/76979871"),
        (
            "https://player.vimeo.com/video/76979871?h=abc123def",
            "vimeo",
            "76979871",
            "https://player.vimeo.com/video/76979871?h=abc123def",
        ),
        (
            "https://vimeo.com/76979871/abc123def",
            "vimeo",
            "76979871",
            "https://player.vimeo.com/video/76979871?h=abc123def",
        ),
        (
            "https://www.youtube.com/watch?v=M7lc1UVf-VE",
            "youtube",
            "M7lc1UVf-VE",
            "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE",
        ),
        (
            "https://youtu.be/M7lc1UVf-VE?t=42",
            "youtube",
            "M7lc1UVf-VE",
            "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE",
        ),
        (
            "https://www.youtube.com/shorts/M7lc1UVf-VE",
            "youtube",
            "M7lc1UVf-VE",
            "https://www.youtube-nocookie.com/embed/M7lc1UVf-VE",
        ),
        (
            "https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/view?usp=sharing",
            "google_drive",
            "1AbCdEfGhIjKlMnOp",
            "https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/preview",
        ),
        (
            "https://drive.google.com/open?id=1AbCdEfGhIjKlMnOp",
            "google_drive",
            "1AbCdEfGhIjKlMnOp",
            "https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/preview",
        ),
        (
            "https://res.cloudinary.com/demo/video/upload/v1/lessons/intro.mp4",
            "cloudinary",
            "lessons/intro",
            "https://res.cloudinary.com/demo/video/upload/v1/lessons/intro.mp4",
        ),
        (
            "https://player.cloudinary.com/embed/?cloud_name=demo&public_id=lessons/intro",
            "cloudinary",
            "lessons/intro",
            "https://player.cloudinary.com/embed/?cloud_name=demo&public_id=lessons%2Fintro",
        ),
        (
            "https://cdn.example.com/videos/lesson-1.mp4",
            "mp4",
            "lesson-1.mp4",
            "https://cdn.example.com/videos/lesson-1.mp4",
        ),
    ],
)
def test_video_url_is_parsed_into_provider_id_and_player(url, provider, video_id, embed_url):
    video = parse_video_url(url)
    assert (video.provider, video.video_id, video.embed_url) == (provider, video_id, embed_url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/not-a-video",
        "https://www.youtube.com/watch?v=short",
        "https://vimeo.com/channels/staffpicks",
        "https://drive.google.com/drive/folders",
        "https://res.cloudinary.com/demo/image/upload/cat.jpg",
        "http://cdn.example.com/insecure.mp4",
        "javascript:alert(1)//.mp4",
        "",
    ],
)
def test_unplayable_video_url_is_refused_with_a_reason(url):
    with pytest.raises(UnsupportedVideoURL) as error:
        parse_video_url(url)
    assert str(error.value)


def test_video_block_with_a_bad_url_is_an_editor_error_on_the_url_field():
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"audience": "guest", "url": "https://example.com/page", "title": ""}))
    assert "url" in error.value.block_errors
    assert "not a video address" in error.value.block_errors["url"].messages[0]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://vimeo.com/76979871",
            '<iframe data-video-provider="vimeo" src="https://player.vimeo.com/video/76979871"',
        ),
        (
            "https://youtu.be/M7lc1UVf-VE",
            '<iframe data-video-provider="youtube" src="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE?enablejsapi=1"',
        ),
        (
            "https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/view",
            'src="https://drive.google.com/file/d/1AbCdEfGhIjKlMnOp/preview"',
        ),
        (
            "https://res.cloudinary.com/demo/video/upload/intro.mp4",
            '<video data-video-provider="cloudinary" controls preload="metadata" src="https://res.cloudinary.com',
        ),
        (
            "https://cdn.example.com/a.mp4",
            '<video data-video-provider="mp4" controls preload="metadata" src="https://cdn.example.com/a.mp4"',
        ),
    ],
)
def test_video_block_renders_the_right_player(url, expected):
    block = VideoBlock()
    html = block.render(block.to_python({"audience": "guest", "url": url, "title": "Intro"}), {"viewer_tier": "guest"})
    assert expected in html


def test_video_block_saved_with_a_bad_url_renders_nothing_broken():
    block = VideoBlock()
    html = block.render(block.to_python({"audience": "guest", "url": "https://example.com/x", "title": ""}), {})
    assert "<iframe" not in html
    assert "<video" not in html


def test_tiered_text_renders_for_its_audience_and_above():
    block = TieredTextBlock()
    value = block.to_python({"audience": "registered", "text": "<p>Members only words</p>"})
    assert "Members only words" in block.render(value, {"viewer_tier": Audience.REGISTERED})
    assert "Members only words" in block.render(value, {"viewer_tier": Audience.ENROLLED})


def test_tiered_text_without_a_viewer_tier_renders_as_for_a_guest():
    block = TieredTextBlock()
    value = block.to_python({"audience": "registered", "text": "<p>Members only words</p>"})
    html = block.render(value)
    assert "Members only words" not in html
    assert "for registered users" in html


def test_locked_enrolled_block_offers_access_not_login_to_a_registered_user():
    block = CalloutBlock()
    value = block.to_python({"audience": "enrolled", "style": "tip", "title": "Secret tip", "body": "<p>x</p>"})
    html = block.render(value, {"viewer_tier": Audience.REGISTERED})
    assert "Secret tip" not in html
    assert "for enrolled students" in html


def test_code_block_escapes_html():
    block = CodeBlock()
    value = block.to_python({"audience": "guest", "language": "html", "code": "<script>alert('x')</script>"})
    html = block.render(value, {"viewer_tier": "guest"})
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html
    assert 'class="language-html"' in html


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            {"title": "Guide", "resource_type": "pdf", "url": "", "document": None},
            "Choose a document or enter an address.",
        ),
        (
            {"title": "Guide", "resource_type": "pdf", "url": "https://example.com/g.pdf", "document": "doc"},
            "Choose a document or enter an address, not both.",
        ),
    ],
)
@pytest.mark.django_db
def test_resource_needs_exactly_one_of_document_or_url(value, message):
    if value["document"] == "doc":
        document = get_document_model()(title="Guide")
        document.file.save("guide.txt", ContentFile(b"guide"))
        value = {**value, "document": document.pk}
    block = ResourceBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"audience": "guest", "description": "", **value}))
    assert error.value.block_errors["url"].messages == [message]


def test_external_resource_link_opens_safely():
    block = ResourceBlock()
    value = block.to_python(
        {
            "audience": "guest",
            "title": "Syllabus",
            "resource_type": "link",
            "url": "https://example.com/s",
            "document": None,
        }
    )
    html = block.render(value, {"viewer_tier": "guest"})
    assert 'href="https://example.com/s"' in html
    assert 'rel="noopener noreferrer"' in html


@pytest.mark.django_db
def test_image_block_renders_a_rendition_with_alt_text():
    import wagtail_factories

    from courses.blocks import LessonImageBlock

    image = wagtail_factories.ImageFactory(title="Test pyramid")
    block = LessonImageBlock()
    value = block.to_python({"audience": "guest", "image": image.pk, "alt_text": "", "caption": "The pyramid"})
    html = block.render(value, {"viewer_tier": "guest"})
    assert 'alt="Test pyramid"' in html
    assert "<figcaption>The pyramid</figcaption>" in html


def test_callout_renders_its_style_and_title():
    block = CalloutBlock()
    value = block.to_python({"audience": "guest", "style": "warning", "title": "Careful", "body": "<p>Body</p>"})
    html = block.render(value, {"viewer_tier": "guest"})
    assert 'class="callout callout-warning"' in html
    assert "<h3>Careful</h3>" in html
