"""Pictures for the demo's photos, drawn with Pillow: real JPEG files, so they go through the
same checks, re-encoding and storage as a phone's upload."""

from __future__ import annotations

import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 960, 720


def _rgb(colour: str) -> tuple[int, int, int]:
    value = int(colour.lstrip("#"), 16)
    return value >> 16, (value >> 8) & 0xFF, value & 0xFF


def picture(caption: str, colours: tuple[str, str], seed: int) -> bytes:
    """A JPEG: a gradient between the two colours, a few soft blots and the caption."""
    top, bottom = _rgb(colours[0]), _rgb(colours[1])
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT):
        share = y / (HEIGHT - 1)
        shade = tuple(round(a + (b - a) * share) for a, b in zip(top, bottom, strict=True))
        draw.line([(0, y), (WIDTH, y)], fill=shade)
    chance = random.Random(seed)
    for _ in range(6):
        x, y, size = chance.randrange(WIDTH), chance.randrange(HEIGHT), chance.randrange(40, 160)
        draw.ellipse([x - size, y - size, x + size, y + size], outline=(255, 255, 255), width=3)
    font = ImageFont.load_default(size=44)
    draw.rectangle([0, HEIGHT - 90, WIDTH, HEIGHT], fill=(0, 0, 0))
    draw.text((32, HEIGHT - 70), caption, fill=(255, 255, 255), font=font)
    out = BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()
