"""Abstract illustrations for the demo content, drawn with Pillow.

Drawn, not shipped as files, so the repository carries no binary media and the
demo needs neither fonts nor network. Each picture is seeded by its name: the
same name always gives the same bytes, so a rerun can be compared and cached.
"""

import io
import math
import random
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 900
RGB = tuple[int, int, int]

# Two gradient ends and an accent per style, picked to read as one family.
PALETTES: dict[str, tuple[RGB, RGB, RGB]] = {
    "network": ((32, 18, 77), (18, 92, 140), (140, 220, 255)),
    "clouds": ((120, 180, 235), (236, 244, 252), (255, 255, 255)),
    "shield": ((6, 40, 38), (16, 110, 96), (120, 240, 200)),
    "bars": ((120, 30, 40), (238, 150, 60), (255, 230, 190)),
    "devices": ((30, 30, 40), (90, 60, 140), (240, 200, 255)),
    "racks": ((10, 16, 28), (28, 52, 84), (90, 255, 160)),
}


def _gradient(start: RGB, end: RGB, *, angle: float) -> Image.Image:
    # linear_gradient is computed in C. Rotating a square as wide as the
    # picture's diagonal, then cropping, keeps the corners free of fill.
    side = math.ceil(math.hypot(WIDTH, HEIGHT))
    mask = Image.linear_gradient("L").resize((side, side)).rotate(angle)
    left, top = (side - WIDTH) // 2, (side - HEIGHT) // 2
    mask = mask.crop((left, top, left + WIDTH, top + HEIGHT))
    return Image.composite(
        Image.new("RGB", (WIDTH, HEIGHT), end),
        Image.new("RGB", (WIDTH, HEIGHT), start),
        mask,
    )


def _rgba(colour: RGB, alpha: int) -> tuple[int, int, int, int]:
    return (*colour, alpha)


def _network(draw: ImageDraw.ImageDraw, rng: random.Random, accent: RGB) -> None:
    nodes = [
        (rng.randint(60, WIDTH - 60), rng.randint(60, HEIGHT - 60)) for _ in range(38)
    ]
    for x, y in nodes:
        near = sorted(nodes, key=lambda n: math.dist(n, (x, y)))[1:4]
        for nx, ny in near:
            draw.line((x, y, nx, ny), fill=_rgba(accent, 70), width=3)
    for x, y in nodes:
        r = rng.randint(6, 18)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_rgba(accent, 200))


def _clouds(draw: ImageDraw.ImageDraw, rng: random.Random, accent: RGB) -> None:
    for _ in range(7):
        cx, cy = rng.randint(0, WIDTH), rng.randint(HEIGHT // 4, HEIGHT)
        for _ in range(6):
            r = rng.randint(70, 170)
            x, y = cx + rng.randint(-180, 180), cy + rng.randint(-50, 50)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=_rgba(accent, 90))


def _shield(draw: ImageDraw.ImageDraw, rng: random.Random, accent: RGB) -> None:
    for x in range(0, WIDTH, 80):
        draw.line((x, 0, x, HEIGHT), fill=_rgba(accent, 25), width=1)
    for y in range(0, HEIGHT, 80):
        draw.line((0, y, WIDTH, y), fill=_rgba(accent, 25), width=1)
    cx, cy = WIDTH // 2 + rng.randint(-200, 200), HEIGHT // 2
    for ring in range(1, 9):
        r = ring * 55
        draw.ellipse(
            (cx - r, cy - r, cx + r, cy + r),
            outline=_rgba(accent, 160 - ring * 15),
            width=4,
        )
    draw.regular_polygon((cx, cy, 48), n_sides=6, fill=_rgba(accent, 220))


def _bars(draw: ImageDraw.ImageDraw, rng: random.Random, accent: RGB) -> None:
    count, gap = 14, 24
    width = (WIDTH - 200 - gap * (count - 1)) // count
    level = HEIGHT * 0.55
    for i in range(count):
        level = min(HEIGHT - 120, max(120, level + rng.randint(-90, 70)))
        x = 100 + i * (width + gap)
        draw.rectangle((x, int(level), x + width, HEIGHT - 80), fill=_rgba(accent, 150))
    draw.line(
        (80, HEIGHT - 80, WIDTH - 80, HEIGHT - 80), fill=_rgba(accent, 230), width=5
    )


def _devices(draw: ImageDraw.ImageDraw, rng: random.Random, accent: RGB) -> None:
    for _ in range(6):
        w = rng.randint(150, 260)
        h = int(w * rng.uniform(1.8, 2.1))
        x, y = rng.randint(-40, WIDTH - w + 40), rng.randint(-80, HEIGHT - h + 80)
        draw.rounded_rectangle(
            (x, y, x + w, y + h),
            radius=w // 7,
            fill=_rgba(accent, 60),
            outline=_rgba(accent, 200),
            width=5,
        )
        draw.rounded_rectangle(
            (x + 14, y + 30, x + w - 14, y + h - 30),
            radius=w // 12,
            fill=_rgba(accent, 45),
        )


def _racks(draw: ImageDraw.ImageDraw, rng: random.Random, accent: RGB) -> None:
    for column in range(7):
        x = 90 + column * 215
        draw.rectangle(
            (x, 110, x + 170, HEIGHT - 110),
            fill=(0, 0, 0, 110),
            outline=_rgba(accent, 90),
            width=2,
        )
        for y in range(140, HEIGHT - 140, 34):
            draw.rectangle((x + 16, y, x + 154, y + 20), fill=(255, 255, 255, 22))
            if rng.random() < 0.6:
                draw.ellipse((x + 130, y + 5, x + 140, y + 15), fill=_rgba(accent, 230))


PAINTERS = {
    "network": _network,
    "clouds": _clouds,
    "shield": _shield,
    "bars": _bars,
    "devices": _devices,
    "racks": _racks,
}


@lru_cache(maxsize=16)
def draw_illustration(style: str, seed: str) -> bytes:
    """A 1600×900 JPEG for `style`; the same arguments always give the same bytes."""
    rng = random.Random(seed)
    start, end, accent = PALETTES[style]
    angle = rng.choice([0, 30, 60, 90, 120, 150])
    picture = _gradient(start, end, angle=angle).convert("RGBA")

    # A blurred glow under crisp shapes gives depth without any texture files.
    glow = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    glow_draw = ImageDraw.Draw(glow)
    for _ in range(3):
        r = rng.randint(180, 340)
        x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
        glow_draw.ellipse((x - r, y - r, x + r, y + r), fill=_rgba(accent, 70))
    picture = Image.alpha_composite(picture, glow.filter(ImageFilter.GaussianBlur(90)))

    shapes = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    PAINTERS[style](ImageDraw.Draw(shapes), rng, accent)
    picture = Image.alpha_composite(picture, shapes)

    buffer = io.BytesIO()
    picture.convert("RGB").save(
        buffer, format="JPEG", quality=85, optimize=True, progressive=True
    )
    return buffer.getvalue()
