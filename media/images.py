"""Checking an uploaded image by its content and re-encoding it without its metadata.

Pillow decodes the whole image (so a truncated or crafted file fails here, not in a browser),
the EXIF orientation is applied to the pixels, and the picture is written anew with nothing
but its colour profile: GPS position, camera serial, comments and XMP stay behind. HEIC (from
iPhones) is accepted when pillow-heif is installed and stored as JPEG, which browsers show.
CPU-bound: callers run `process` in a worker thread.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import BinaryIO

from PIL import Image, ImageOps

try:
    from pillow_heif import register_heif_opener
except ImportError:  # pragma: no cover - HEIC support is optional
    HEIF = False
else:
    register_heif_opener()
    HEIF = True

THUMBNAIL_SIDE = 320
# The formats tried, and what each is stored as (MPO: the JPEG plugin's name for a JPEG with
# extra pictures, as phones write them).
OPENED = ["JPEG", "PNG", "WEBP", *(["HEIF"] if HEIF else [])]
OUTPUT = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "HEIF": "JPEG"}
CONTENT_TYPE = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
MODES = {
    "JPEG": ("RGB", "L"),
    "PNG": ("1", "L", "LA", "P", "RGB", "RGBA", "I;16"),
    "WEBP": ("RGB", "RGBA"),
}
SAVE_OPTIONS: dict[str, dict[str, object]] = {
    "JPEG": {"quality": 85},
    "PNG": {"compress_level": 4},
    "WEBP": {"quality": 85},
}
NOT_AN_IMAGE = "Not a JPEG, PNG or WebP image, or a damaged one"


class RefusedImage(Exception):
    """The file is not an image this service stores; the message says why, for the user."""


@dataclass(frozen=True, slots=True)
class Processed:
    content_type: str
    width: int
    height: int
    data: bytes
    thumbnail: bytes


def _megapixels(pixels: int) -> str:
    return f"{pixels / 1_000_000:g}"


def process(source: BinaryIO, max_pixels: int) -> Processed:
    """The re-encoded image and its thumbnail, or `RefusedImage`."""
    try:
        with Image.open(source, formats=OPENED) as image:
            if image.width * image.height > max_pixels:
                raise RefusedImage(
                    f"The image has {_megapixels(image.width * image.height)} megapixels; "
                    f"at most {_megapixels(max_pixels)} are allowed"
                )
            image.load()
            return _reencode(image, OUTPUT[image.format or ""])
    except RefusedImage:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise RefusedImage(
            f"The image declares more than {_megapixels(max_pixels)} megapixels"
        ) from None
    except Exception:  # whatever Pillow raises on a crafted or damaged file
        raise RefusedImage(NOT_AN_IMAGE) from None


def _reencode(image: Image.Image, output: str) -> Processed:
    rgb = image.mode in ("RGB", "RGBA")
    icc_profile = image.info.get("icc_profile")
    ImageOps.exif_transpose(image, in_place=True)
    if "transparency" in image.info:
        image = image.convert("RGBA")
    picture = _fit_mode(image, output)
    picture.info = {}  # every piece of metadata, including what Pillow would write back
    # A profile describes the source's colour space: kept only where the pixels stay in it.
    profile = icc_profile if rgb and picture.mode in ("RGB", "RGBA") else None
    small = picture if picture.mode in ("RGB", "RGBA", "L") else picture.convert("RGBA")
    thumbnail = _shrunk(_fit_mode(small, output), THUMBNAIL_SIDE)
    return Processed(
        content_type=CONTENT_TYPE[output],
        width=picture.width,
        height=picture.height,
        data=_encode(picture, output, profile),
        thumbnail=_encode(thumbnail, output, profile),
    )


def _shrunk(image: Image.Image, side: int) -> Image.Image:
    """At most `side` pixels on the longest side (a smaller image stays as it is)."""
    scale = side / max(image.width, image.height)
    if scale >= 1:
        return image
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _fit_mode(image: Image.Image, output: str) -> Image.Image:
    if image.mode in MODES[output]:
        return image
    alpha = "A" in image.getbands() and output != "JPEG"
    return image.convert("RGBA" if alpha else "RGB")


def _encode(image: Image.Image, output: str, icc_profile: object) -> bytes:
    buffer = io.BytesIO()
    options = dict(SAVE_OPTIONS[output])
    if isinstance(icc_profile, bytes):
        options["icc_profile"] = icc_profile
    image.save(buffer, format=output, **options)
    return buffer.getvalue()
