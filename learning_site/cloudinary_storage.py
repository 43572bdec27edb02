"""Uploaded media on Cloudinary: a Django storage on the official `cloudinary` SDK.

STORAGES["default"] is this class when CLOUDINARY_URL is set (learning_site/settings/base.py); the SDK
reads CLOUDINARY_URL itself. OPTIONS, when given, go to every SDK call (cloud_name, api_key,
api_secret, upload_prefix, secure, cname, ...): the tests point them at a fake Cloudinary on 127.0.0.1.

A Django name maps to one Cloudinary asset, and back, with no lookup:
- the resource type comes from the extension: "image" for the images Wagtail takes, "video" for video
  and audio (Cloudinary files audio as video), "raw" for everything else. PDFs are raw: Cloudinary
  would take them as images, but new accounts refuse to deliver PDF and ZIP images by default;
- the public id is the name without its extension for images and videos (Cloudinary keeps the format
  apart and the URL puts it back), and the whole name for raw files, which keep their extension;
- names under `private_prefixes` (Wagtail's documents/, by default) are stored as "authenticated"
  assets, reachable only through signed URLs: gated lesson files must never be public by address. The
  site serves documents through Wagtail's serve view (WAGTAILDOCS_SERVE_METHOD = "serve_view"), which
  checks the viewer and reads the file through `open`; the signed URL `url` returns is never put on a
  page. Everything else (images and their renditions) is public, as /media/images/ is on disk.

Names are never overwritten: `exists` asks the Admin API, Django picks a free name, and the upload says
overwrite=False, so two uploads that raced for a name keep both files. Every failure raises
CloudinaryError (an OSError, as Django's storages raise: Wagtail then shows a missing image instead of
failing the page) with the operation, the name and Cloudinary's own words, and is logged.
"""

import functools
import logging
import posixpath
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import PurePosixPath

import cloudinary
import cloudinary.api
import cloudinary.exceptions
import cloudinary.uploader
import cloudinary.utils
from django.core.files import File
from django.core.files.storage import Storage
from django.utils.deconstruct import deconstructible

logger = logging.getLogger(__name__)

# The image formats Wagtail accepts (WAGTAILIMAGES_EXTENSIONS' default, with their other spellings).
IMAGE_EXTENSIONS = frozenset({"avif", "gif", "heic", "heif", "ico", "jpe", "jpeg", "jpg", "png", "svg", "webp"})
VIDEO_EXTENSIONS = frozenset({"3gp", "avi", "flv", "m4v", "mkv", "mov", "mp4", "mpeg", "mpg", "ogv", "webm", "wmv"})
AUDIO_EXTENSIONS = frozenset({"aac", "aiff", "flac", "m4a", "mp3", "oga", "ogg", "opus", "wav", "weba"})

# Bigger files go up in chunks of this size (the SDK's own default), below the Upload API's limit per request.
CHUNK_SIZE = 20_000_000
# Downloads are kept in memory up to this size, then spill to a temporary file.
SPOOL_BYTES = 10 * 1024 * 1024
NAME_RACE_ATTEMPTS = 5


class CloudinaryError(OSError):
    """Cloudinary refused or failed an operation; the message says which, on what, and why."""


@dataclass(frozen=True)
class Asset:
    """Where a Django file name lives on Cloudinary."""

    resource_type: str  # image, video or raw
    delivery_type: str  # upload (public) or authenticated (signed URLs only)
    public_id: str
    format: str  # the extension for images and videos; "" for raw files (it is in the public id)


@deconstructible(path="learning_site.cloudinary_storage.CloudinaryStorage")
class CloudinaryStorage(Storage):
    """Django's storage API over Cloudinary's Upload, Admin and delivery APIs."""

    def __init__(self, private_prefixes=("documents/",), timeout=120, chunk_size=CHUNK_SIZE, **sdk_options):
        self.private_prefixes = tuple(private_prefixes)
        self.timeout = timeout
        self.chunk_size = chunk_size
        self.sdk_options = sdk_options

    def asset(self, name):
        suffix = PurePosixPath(name).suffix
        extension = suffix[1:].lower()
        delivery_type = "authenticated" if name.startswith(self.private_prefixes) else "upload"
        if extension in IMAGE_EXTENSIONS:
            return Asset("image", delivery_type, name[: -len(suffix)], extension)
        if extension in VIDEO_EXTENSIONS | AUDIO_EXTENSIONS:
            return Asset("video", delivery_type, name[: -len(suffix)], extension)
        return Asset("raw", delivery_type, name, "")

    def _save(self, name, content):
        for _attempt in range(NAME_RACE_ATTEMPTS):
            asset = self.asset(name)
            result = self._upload(asset, name, content)
            if not result.get("existing"):
                # Cloudinary may have tidied the public id; the name must lead back to the same asset.
                return result["public_id"] + (f".{asset.format}" if asset.format else "")
            # Another upload took this public id after exists() said it was free; Cloudinary kept
            # theirs (overwrite=False), so this file needs another name, as Django would pick one.
            folder, filename = posixpath.split(name)
            stem, extension = posixpath.splitext(filename)
            name = self.get_available_name(posixpath.join(folder, self.get_alternative_name(stem, extension)))
        raise CloudinaryError(f"Cloudinary could not save {name!r}: every free name was taken meanwhile.")

    def _upload(self, asset, name, content):
        options = {
            **self.sdk_options,
            "resource_type": asset.resource_type,
            "type": asset.delivery_type,
            "public_id": asset.public_id,
            # The name is ours, exactly: no random suffix, and never another file's place.
            "use_filename": False,
            "unique_filename": False,
            "overwrite": False,
            "filename": PurePosixPath(name).name,
            "timeout": self.timeout,
        }
        content.seek(0)
        with cloudinary_errors("upload", name):
            if content.size > self.chunk_size:
                return cloudinary.uploader.upload_large(KeptOpen(content), chunk_size=self.chunk_size, **options)
            return cloudinary.uploader.upload(content.read(), **options)

    def exists(self, name):
        asset = self.asset(name)
        with cloudinary_errors("look up", name):
            try:
                cloudinary.api.resource(
                    asset.public_id,
                    resource_type=asset.resource_type,
                    type=asset.delivery_type,
                    timeout=self.timeout,
                    **self.sdk_options,
                )
            except cloudinary.exceptions.NotFound:
                return False
        return True

    def _open(self, name, mode="rb"):
        if "w" in mode or "a" in mode or "+" in mode:
            raise ValueError(f"Files on Cloudinary are read-only ({mode!r} asked for {name!r}); save a new file.")
        with cloudinary_errors("download", name):
            response = http().request("GET", self.url(name), preload_content=False, timeout=self.timeout)
        try:
            check_delivery(response, "download", name)
            # Not a `with`: the File returned owns it, and Django closes it.
            spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
            with cloudinary_errors("download", name):
                for chunk in response.stream(1024 * 1024):
                    spooled.write(chunk)
        finally:
            response.release_conn()
        spooled.seek(0)
        return File(spooled, name=name)

    def size(self, name):
        # A HEAD on the delivery URL, not the Admin API: documents are served through Django, and the
        # Admin API's hourly limit must not count every download.
        with cloudinary_errors("measure", name):
            response = http().request("HEAD", self.url(name), timeout=self.timeout)
        check_delivery(response, "measure", name)
        length = response.headers.get("Content-Length")
        if length is None:
            raise CloudinaryError(f"Cloudinary could not measure {name!r}: its answer had no Content-Length.")
        return int(length)

    def delete(self, name):
        asset = self.asset(name)
        with cloudinary_errors("delete", name):
            result = cloudinary.uploader.destroy(
                asset.public_id,
                resource_type=asset.resource_type,
                type=asset.delivery_type,
                invalidate=True,
                timeout=self.timeout,
                **self.sdk_options,
            )
        # "not found": already gone, which is what Django's storages accept for a delete.
        if result.get("result") not in {"ok", "not found"}:
            raise CloudinaryError(f"Cloudinary could not delete {name!r}: it answered {result!r}.")

    def url(self, name):
        asset = self.asset(name)
        options = {
            # Delivery over https unless the options or CLOUDINARY_URL say otherwise: the SDK's default is http.
            "secure": True if cloudinary.config().secure is None else cloudinary.config().secure,
            **self.sdk_options,
            "resource_type": asset.resource_type,
            "type": asset.delivery_type,
        }
        if asset.format:
            options["format"] = asset.format
        if asset.delivery_type == "authenticated":
            options["sign_url"] = True
        with cloudinary_errors("address", name):
            address, _unused = cloudinary.utils.cloudinary_url(asset.public_id, **options)
        return address


class KeptOpen:
    """Django's file for the SDK's chunked upload, which closes what it reads; Django still owns the file."""

    def __init__(self, file):
        self.file = file
        self.name = PurePosixPath(file.name or "upload").name

    def read(self, size=-1):
        return self.file.read(size)

    def seek(self, offset, whence=0):
        return self.file.seek(offset, whence)

    def tell(self):
        return self.file.tell()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@functools.cache
def http():
    """One connection pool for downloads, set up like the SDK's own (its CA bundle, its api_proxy)."""
    return cloudinary.utils.get_http_connector(cloudinary.config(), cloudinary.CERT_KWARGS)


def check_delivery(response, action, name):
    if response.status == 200:
        return
    # Cloudinary's delivery hosts put the reason in X-Cld-Error.
    reason = response.headers.get("X-Cld-Error") or f"HTTP {response.status}"
    message = f"Cloudinary could not {action} {name!r}: {reason} (HTTP {response.status})."
    logger.warning(message)
    if response.status == 404:
        raise FileNotFoundError(message)
    raise CloudinaryError(message)


@contextmanager
def cloudinary_errors(action, name):
    """Turn whatever the SDK raises into a CloudinaryError that says what failed on which file."""
    try:
        yield
    except CloudinaryError:
        raise
    # Broad on purpose: besides its own Error classes, the SDK raises bare Exception (an Admin API
    # status it does not know, a missing cloud name) and ValueError (missing credentials).
    except Exception as error:
        message = f"Cloudinary could not {action} {name!r}: {error}"
        logger.warning(message)
        raise CloudinaryError(message) from error
