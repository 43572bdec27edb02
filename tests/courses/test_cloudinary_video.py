"""A lesson video from Cloudinary: a video file plays in a tracked <video> with Cloudinary's poster, and a
player link in Cloudinary's own player."""

import html
from urllib.parse import parse_qs, urlsplit

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError

from courses.blocks import VideoBlock
from courses.factories import course_tree

pytestmark = pytest.mark.django_db

PLAYER = "https://player.cloudinary.com/embed/"
POSTER = "https://res.cloudinary.com/school-cloud/video/upload/so_0/lessons/intro.jpg"


def lesson_with_video(url):
    video = {"type": "video", "value": {"audience": "guest", "url": url, "title": "Intro"}}
    _course, _modules, (lesson,) = course_tree(lessons=[{"title": "Watch", "body": [video]}])
    return lesson


def player_query(page_html):
    """The query of the Cloudinary player frame on the page, as {name: value}."""
    start = page_html.index('<iframe data-video-provider="cloudinary" src="') + len(
        '<iframe data-video-provider="cloudinary" src="'
    )
    src = html.unescape(page_html[start : page_html.index('"', start)])
    assert src.startswith(PLAYER)
    return {name: values[0] for name, values in parse_qs(urlsplit(src).query).items()}


@pytest.mark.parametrize(
    "url",
    [
        "https://res.cloudinary.com/school-cloud/video/upload/v1712345678/lessons/intro.mp4",
        "https://res.cloudinary.com/school-cloud/video/upload/c_fill,w_640/so_2/v3/lessons/intro.webm",
        "https://res.cloudinary.com/school-cloud/video/upload/lessons/intro.mov",
    ],
)
def test_a_cloudinary_video_file_plays_in_a_tracked_video_element_with_its_poster(client, url):
    lesson = lesson_with_video(url)

    page = client.get(lesson.url).content.decode()

    assert f'<video data-video-provider="cloudinary" controls preload="metadata" src="{url}" poster="{POSTER}"' in page
    assert "<iframe" not in page


def test_a_cloudinary_player_link_plays_in_cloudinarys_player_with_its_poster(client):
    lesson = lesson_with_video("https://player.cloudinary.com/embed/?cloud_name=school-cloud&public_id=lessons/intro")

    page = client.get(lesson.url).content.decode()

    assert player_query(page) == {"cloud_name": "school-cloud", "public_id": "lessons/intro", "source[poster]": POSTER}
    assert "<video" not in page


def test_the_lesson_page_policy_lets_cloudinarys_player_in(client):
    lesson = lesson_with_video("https://player.cloudinary.com/embed/?cloud_name=school-cloud&public_id=lessons/intro")

    policy = client.get(lesson.url)["Content-Security-Policy"]

    frame_sources = next(part.split()[1:] for part in policy.split(";") if part.split()[:1] == ["frame-src"])
    assert "https://player.cloudinary.com" in frame_sources


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://res.cloudinary.com/school-cloud/image/upload/v1/cat.jpg", "must point at an uploaded video"),
        ("https://res.cloudinary.com/school-cloud/video/private/v1/intro.mp4", "must point at an uploaded video"),
        ("https://res.cloudinary.com/school-cloud/video/upload/v1/", "names no video"),
        ("https://res.cloudinary.com/school-cloud/video/upload/c_fill,w_640/", "names no video"),
        ("https://res.cloudinary.com/", "must point at an uploaded video"),
        ("https://res.cloudinary.com/school%20cloud/video/upload/intro.mp4", "no valid cloud name"),
        ("http://res.cloudinary.com/school-cloud/video/upload/intro.mp4", "served over https://"),
        ("https://player.cloudinary.com/embed/?cloud_name=school-cloud", "needs a cloud_name and a public_id"),
    ],
)
def test_a_malformed_cloudinary_address_is_refused_in_the_editor_with_the_reason(url, reason):
    block = VideoBlock()

    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"audience": "guest", "url": url, "title": ""}))

    assert reason in error.value.block_errors["url"].messages[0]
