"""Turn the one video URL an editor pastes into a provider, an id and a player to render."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlparse


class UnsupportedVideoURL(ValueError):
    """The URL is not a video we know how to play."""


@dataclass(frozen=True)
class VideoSource:
    provider: str  # vimeo, youtube, google_drive, cloudinary, mp4
    video_id: str
    embed_url: str
    # "iframe" players are embedded; "html5" sources go in a <video> element.
    player: str

    @property
    def provider_label(self):
        return PROVIDER_LABELS[self.provider]


PROVIDER_LABELS = {
    "vimeo": "Vimeo",
    "youtube": "YouTube",
    "google_drive": "Google Drive",
    "cloudinary": "Cloudinary",
    "mp4": "MP4 video",
}

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
VIMEO_ID = re.compile(r"^\d{6,12}$")
VIMEO_HASH = re.compile(r"^[0-9a-f]{6,20}$")
DRIVE_ID = re.compile(r"^[A-Za-z0-9_-]{10,}$")
CLOUDINARY_NAME = re.compile(r"^[A-Za-z0-9_-]+$")


def parse_video_url(url):
    """Return the VideoSource for `url`, or raise UnsupportedVideoURL saying what is wrong."""
    url = (url or "").strip()
    parsed = urlparse(url)
    if parsed.scheme not in {"http", "https"} or not parsed.netloc:
        raise UnsupportedVideoURL("Enter a full web address starting with https://.")
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    path_parts = [part for part in parsed.path.split("/") if part]
    query = parse_qs(parsed.query)

    if host in {"youtube.com", "youtube-nocookie.com", "youtu.be"}:
        return _youtube(host, path_parts, query)
    if host in {"vimeo.com", "player.vimeo.com"}:
        return _vimeo(path_parts, query)
    if host == "drive.google.com":
        return _google_drive(path_parts, query)
    if host == "res.cloudinary.com" or host == "player.cloudinary.com":
        return _cloudinary(url, host, path_parts, query)
    if parsed.path.lower().endswith(".mp4"):
        if parsed.scheme != "https":
            raise UnsupportedVideoURL("MP4 videos must be served over https://.")
        return VideoSource("mp4", parsed.path.rsplit("/", 1)[-1], url, "html5")
    raise UnsupportedVideoURL(
        "This is not a video address we can play. Use a Vimeo, YouTube, Google Drive "
        "or Cloudinary link, or a direct link to an .mp4 file."
    )


def _youtube(host, path_parts, query):
    video_id = None
    if host == "youtu.be" and path_parts:
        video_id = path_parts[0]
    elif path_parts[:1] == ["watch"] or not path_parts:
        video_id = (query.get("v") or [None])[0]
    elif len(path_parts) >= 2 and path_parts[0] in {"embed", "shorts", "live", "v"}:
        video_id = path_parts[1]
    if not video_id or not YOUTUBE_ID.match(video_id):
        raise UnsupportedVideoURL("This YouTube address has no valid video id (11 characters).")
    return VideoSource("youtube", video_id, f"https://www.youtube-nocookie.com/embed/{video_id}", "iframe")


def _vimeo(path_parts, query):
    numeric = [part for part in path_parts if VIMEO_ID.match(part)]
    if not numeric:
        raise UnsupportedVideoURL("This Vimeo address has no video number in it.")
    video_id = numeric[0]
    # Unlisted videos carry a privacy hash, either as ?h= or as the path part after the id.
    privacy_hash = (query.get("h") or [None])[0]
    following = path_parts[path_parts.index(video_id) + 1 :]
    if not privacy_hash and following and VIMEO_HASH.match(following[0]):
        privacy_hash = following[0]
    params = {"h": privacy_hash} if privacy_hash else {}
    suffix = f"?{urlencode(params)}" if params else ""
    return VideoSource("vimeo", video_id, f"https://player.vimeo.com/video/{video_id}{suffix}", "iframe")


def _google_drive(path_parts, query):
    file_id = None
    if len(path_parts) >= 3 and path_parts[:2] == ["file", "d"]:
        file_id = path_parts[2]
    elif path_parts and path_parts[0] in {"open", "uc"}:
        file_id = (query.get("id") or [None])[0]
    if not file_id or not DRIVE_ID.match(file_id):
        raise UnsupportedVideoURL("This Google Drive address has no file id in it.")
    return VideoSource("google_drive", file_id, f"https://drive.google.com/file/d/{file_id}/preview", "iframe")


def _cloudinary(url, host, path_parts, query):
    if host == "player.cloudinary.com":
        cloud = (query.get("cloud_name") or [""])[0]
        public_id = (query.get("public_id") or [""])[0]
        if not (CLOUDINARY_NAME.match(cloud) and public_id):
            raise UnsupportedVideoURL("This Cloudinary player address needs a cloud_name and a public_id.")
        embed = "https://player.cloudinary.com/embed/?" + urlencode({"cloud_name": cloud, "public_id": public_id})
        return VideoSource("cloudinary", public_id, embed, "iframe")
    if len(path_parts) < 4 or path_parts[1] != "video" or path_parts[2] != "upload":
        raise UnsupportedVideoURL(
            "Cloudinary links must point at a video: https://res.cloudinary.com/<cloud>/video/upload/…"
        )
    if not url.startswith("https://"):
        raise UnsupportedVideoURL("Cloudinary videos must be served over https://.")
    public_id = path_parts[-1].rsplit(".", 1)[0]
    return VideoSource("cloudinary", public_id, url, "html5")
