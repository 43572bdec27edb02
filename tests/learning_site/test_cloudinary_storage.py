"""Uploaded media on Cloudinary: the storage through Django's API against a fake Cloudinary on 127.0.0.1
(tests/fake_cloudinary.py), Wagtail images, renditions and documents on it, and when it is chosen."""

import importlib.util
import io
from pathlib import Path

import pytest
import urllib3
import wagtail_factories
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, StorageHandler
from PIL import Image
from wagtail.documents import get_document_model

from courses.factories import course_tree
from learning_site.cloudinary_storage import CloudinaryError, CloudinaryStorage
from learning_site.settings.base import media_storage_setting
from tests.fake_cloudinary import FakeCloudinary

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def fake_cloudinary():
    with FakeCloudinary() as fake:
        yield fake


@pytest.fixture
def storage(fake_cloudinary):
    return CloudinaryStorage(**fake_cloudinary.storage_options())


@pytest.fixture
def media_on_cloudinary(settings, fake_cloudinary):
    """The site's default storage is Cloudinary (the fake), as with CLOUDINARY_URL set."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "learning_site.cloudinary_storage.CloudinaryStorage",
            "OPTIONS": fake_cloudinary.storage_options(),
        },
    }
    return fake_cloudinary


def png(width=160, height=90):
    data = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(data, "PNG")
    return data.getvalue()


def test_a_saved_file_reads_back_through_the_storage_api(storage, fake_cloudinary):
    name = storage.save("original_images/cat.png", ContentFile(png(), name="cat.png"))

    assert name == "original_images/cat.png"
    assert storage.exists(name)
    assert storage.open(name).read() == png()
    assert storage.size(name) == len(png())
    assert storage.url(name) == f"{fake_cloudinary.url}/test-cloud/image/upload/v1/original_images/cat.png"


@pytest.mark.parametrize(
    ("name", "resource_type", "public_id"),
    [
        ("original_images/cat.jpg", "image", "original_images/cat"),
        ("images/cat.fill-64x36.webp", "image", "images/cat.fill-64x36"),
        ("media/lecture.mp4", "video", "media/lecture"),
        ("media/lecture.mp3", "video", "media/lecture"),  # Cloudinary files audio as video
        ("media/slides.pdf", "raw", "media/slides.pdf"),  # raw public ids keep their extension
        ("media/data.csv", "raw", "media/data.csv"),
        ("media/bundle.zip", "raw", "media/bundle.zip"),
    ],
)
def test_each_file_is_stored_as_the_resource_type_cloudinary_expects(
    storage, fake_cloudinary, name, resource_type, public_id
):
    stored = storage.save(name, ContentFile(b"bytes of " + name.encode()))

    assert stored == name
    assert fake_cloudinary.stored(resource_type, public_id) == b"bytes of " + name.encode()
    assert storage.open(stored).read() == b"bytes of " + name.encode()


def test_a_taken_name_gets_another_and_both_files_are_kept(storage):
    first = storage.save("original_images/cat.jpg", ContentFile(b"first"))
    second = storage.save("original_images/cat.jpg", ContentFile(b"second"))
    # cat.png would be the same Cloudinary asset as cat.jpg (images are stored without their extension).
    third = storage.save("original_images/cat.png", ContentFile(b"third"))

    assert len({first, second, third}) == 3
    assert [storage.open(name).read() for name in (first, second, third)] == [b"first", b"second", b"third"]


def test_a_name_taken_between_the_lookup_and_the_upload_is_never_overwritten(storage, fake_cloudinary):
    first = storage.save("documents/notes.txt", ContentFile(b"first"))
    fake_cloudinary.stale_lookups = True  # exists() now says every name is free

    second = storage.save("documents/notes.txt", ContentFile(b"second"))

    assert second != first
    assert (storage.open(first).read(), storage.open(second).read()) == (b"first", b"second")


def test_a_deleted_file_is_gone_and_deleting_it_again_is_no_error(storage):
    name = storage.save("media/data.csv", ContentFile(b"a,b\n"))

    storage.delete(name)
    storage.delete(name)

    assert not storage.exists(name)
    with pytest.raises(FileNotFoundError, match="media/data.csv"):
        storage.open(name)


def test_documents_are_only_reachable_through_signed_addresses(storage, fake_cloudinary):
    name = storage.save("documents/answers.pdf", ContentFile(b"%PDF-1.4 answers"))
    unsigned = f"{fake_cloudinary.url}/test-cloud/raw/authenticated/v1/documents/answers.pdf"

    assert fake_cloudinary.stored("raw", "documents/answers.pdf", delivery_type="authenticated")
    assert fake_cloudinary.stored("raw", "documents/answers.pdf") is None  # nothing public
    assert storage.open(name).read() == b"%PDF-1.4 answers"
    assert urllib3.request("GET", unsigned).status == 401
    with pytest.raises(CloudinaryError, match="HTTP 401"):
        CloudinaryStorage(**{**fake_cloudinary.storage_options(), "api_secret": "guess"}).open(name)


def test_a_file_larger_than_a_chunk_goes_up_in_chunks(fake_cloudinary):
    storage = CloudinaryStorage(chunk_size=1000, **fake_cloudinary.storage_options())
    video = bytes(range(256)) * 10

    name = storage.save("media/lecture.mp4", ContentFile(video))

    uploads = [path for method, path in fake_cloudinary.requests if path == "/v1_1/test-cloud/video/upload"]
    assert len(uploads) == 3
    assert storage.open(name).read() == video


def test_wrong_credentials_are_a_clear_error_naming_the_file(fake_cloudinary):
    storage = CloudinaryStorage(**{**fake_cloudinary.storage_options(), "api_secret": "wrong"})

    with pytest.raises(CloudinaryError, match=r"Cloudinary could not look up 'original_images/cat.png'.*401"):
        storage.save("original_images/cat.png", ContentFile(png()))


def test_a_failed_upload_is_a_clear_error_naming_the_file(storage, fake_cloudinary):
    fake_cloudinary.outage, fake_cloudinary.outage_methods = (500, "General Error"), {"POST"}

    with pytest.raises(CloudinaryError, match=r"Cloudinary could not upload 'documents/guide.txt': General Error"):
        storage.save("documents/guide.txt", ContentFile(b"guide"))


def test_a_failed_download_is_a_clear_error_naming_the_file(storage, fake_cloudinary):
    name = storage.save("original_images/cat.png", ContentFile(png()))
    fake_cloudinary.outage, fake_cloudinary.outage_methods = (500, "Internal error"), {"GET"}

    with pytest.raises(CloudinaryError, match=r"Cloudinary could not download 'original_images/cat.png'.*500"):
        storage.open(name)


@pytest.mark.django_db
def test_a_wagtail_image_rendition_is_made_from_and_stored_on_cloudinary(media_on_cloudinary):
    image = wagtail_factories.ImageFactory(file=ContentFile(png(160, 90), name="cover.png"))

    rendition = image.get_rendition("fill-64x36")

    assert media_on_cloudinary.stored("image", image.file.name.removesuffix(".png")) == png(160, 90)
    assert rendition.url.startswith(f"{media_on_cloudinary.url}/test-cloud/image/upload/v1/images/")
    stored = media_on_cloudinary.stored("image", rendition.file.name.rsplit(".", 1)[0])
    assert Image.open(io.BytesIO(stored)).size == (64, 36)


@pytest.mark.django_db
def test_a_course_thumbnail_is_shown_as_a_rendition_on_cloudinary(client, media_on_cloudinary):
    thumbnail = wagtail_factories.ImageFactory(file=ContentFile(png(1280, 720), name="course.png"))
    course, _modules, _lessons = course_tree(thumbnail=thumbnail)

    html = client.get(course.url).content.decode()

    rendition = thumbnail.get_rendition("fill-640x360")
    assert f'src="{rendition.url}"' in html
    assert rendition.url.startswith(f"{media_on_cloudinary.url}/test-cloud/image/upload/v1/images/")
    assert "original_images" not in html


@pytest.mark.django_db
def test_a_wagtail_document_is_stored_on_cloudinary_and_served_by_the_site(client, media_on_cloudinary):
    document = get_document_model()(title="Checklist")
    document.file.save("checklist.txt", ContentFile(b"1. Test early\n"))

    response = client.get(document.url)

    assert media_on_cloudinary.stored("raw", document.file.name, delivery_type="authenticated") == b"1. Test early\n"
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"1. Test early\n"
    assert response["Content-Length"] == str(len(b"1. Test early\n"))


def test_media_go_to_cloudinary_when_cloudinary_url_is_set(monkeypatch):
    monkeypatch.setenv("CLOUDINARY_URL", "cloudinary://key:secret@school-cloud")

    storages = StorageHandler({"default": media_storage_setting()})

    assert isinstance(storages["default"], CloudinaryStorage)


def test_media_stay_on_disk_without_cloudinary_url(monkeypatch):
    monkeypatch.delenv("CLOUDINARY_URL", raising=False)

    storages = StorageHandler({"default": media_storage_setting()})

    assert type(storages["default"]) is FileSystemStorage


def test_a_malformed_cloudinary_url_stops_the_site_with_the_expected_shape(monkeypatch):
    monkeypatch.setenv("CLOUDINARY_URL", "https://school-cloud.example.com")

    with pytest.raises(ImproperlyConfigured, match="cloudinary://<api_key>:<api_secret>@<cloud_name>"):
        media_storage_setting()


def settings_with(monkeypatch, cloudinary_url):
    """learning_site/settings/base.py as a deployment with this CLOUDINARY_URL (or none) would load it."""
    if cloudinary_url:
        monkeypatch.setenv("CLOUDINARY_URL", cloudinary_url)
    else:
        monkeypatch.delenv("CLOUDINARY_URL", raising=False)
    spec = importlib.util.spec_from_file_location("base_settings_under_test", ROOT / "learning_site/settings/base.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_pages_may_show_cloudinary_images_and_posters(monkeypatch):
    media_on = settings_with(monkeypatch, "cloudinary://key:secret@school-cloud")
    media_off = settings_with(monkeypatch, None)

    # Posters of Cloudinary videos appear whatever the storage; images stored there too.
    assert "https://res.cloudinary.com" in media_on.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
    assert "https://res.cloudinary.com" in media_off.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]
    assert "https:" in media_on.ADMIN_CONTENT_SECURITY_POLICY["img-src"]  # the admin takes any https image
