"""Turn the one video URL an editor pastes into a provider, an id and a player to render."""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, quote, urlencode, urlparse


class UnsupportedVideoURL(ValueError):
    """The URL is not a video we know how to play."""


@dataclass(frozen=True)
class VideoSource:
    provider: str  # vimeo, youtube, google_drive, cloudinary, mp4
    video_id: str
    embed_url: str
    # "iframe" players are embedded; "html5" sources go in a <video> element.
    player: str
    poster_url: str = ""  # a still shown before playing, where the provider gives one

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
CLOUDINARY_VERSION = re.compile(r"^v\d+$")
# One step of a Cloudinary transformation: a parameter Cloudinary's URLs use, "_", a value (w_640, so_2.5).
CLOUDINARY_TRANSFORMATION = re.compile(
    r"^(?:a|ac|af|ar|b|bo|br|c|co|cs|d|dl|dn|dpr|du|e|eo|f|fl|fn|fps|g|h|if|ki|l|o|p|pg|q|r|so|sp|t|u|vc|vs|w|x|y|z"
    r"|\$[a-z0-9_]+)_[^/]+$"
)


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
        return _cloudinary_player(cloud, public_id)
    if not url.startswith("https://"):
        raise UnsupportedVideoURL("Cloudinary videos must be served over https://.")
    cloud, asset_path = (path_parts[0], path_parts[1:]) if path_parts else ("", [])
    if asset_path[:2] != ["video", "upload"]:
        raise UnsupportedVideoURL(
            "Cloudinary links must point at an uploaded video: https://res.cloudinary.com/<cloud>/video/upload/…"
        )
    if not CLOUDINARY_NAME.match(cloud):
        raise UnsupportedVideoURL("This Cloudinary address has no valid cloud name after res.cloudinary.com/.")
    public_id = _cloudinary_public_id(asset_path[2:])
    if not public_id:
        raise UnsupportedVideoURL("This Cloudinary address names no video after /video/upload/.")
    # The file itself plays in a <video> element, whose progress the lesson tracks (Cloudinary's
    # iframe player reports none), with Cloudinary's first frame as its poster.
    return VideoSource("cloudinary", public_id, url, "html5", poster_url=_cloudinary_poster(cloud, public_id))


def _cloudinary_public_id(parts):
    """The public id in a delivery URL's path after /video/upload/: [transformations/][v123/]<public_id>.<ext>."""
    while parts and all(CLOUDINARY_TRANSFORMATION.match(step) for step in parts[0].split(",")):
        parts = parts[1:]
    if parts and CLOUDINARY_VERSION.match(parts[0]):
        parts = parts[1:]
    if not parts:
        return ""
    *folders, filename = parts
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    return "/".join([*folders, stem]) if stem else ""


def _cloudinary_poster(cloud, public_id):
    return f"https://res.cloudinary.com/{cloud}/video/upload/so_0/{quote(public_id)}.jpg"  # the first frame


def _cloudinary_player(cloud, public_id):
    """Cloudinary's own player (for a player link), which plays any format and shows the poster."""
    embed = "https://player.cloudinary.com/embed/?" + urlencode({"cloud_name": cloud, "public_id": public_id})
    return VideoSource("cloudinary", public_id, embed, "iframe", poster_url=_cloudinary_poster(cloud, public_id))
