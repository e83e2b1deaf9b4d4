#!/usr/bin/env python3
"""Draws the Teams app icons with the standard library only (no Pillow needed).

color.png   192x192: a white drop with "B12" on the clinic's teal, the symbol about 96 px tall inside 48 px padding.
outline.png  32x32:  the same drop in white on a fully transparent background, no padding.

Run from anywhere: python3 appPackage/make-icons.py  (writes next to this script). The PNGs are committed;
run it again only to change the artwork.
"""
import os
import struct
import zlib

TEAL = (15, 118, 110)
WHITE = (255, 255, 255)

# 5x7 glyphs for the label.
GLYPHS = {
    "B": ["11110", "10001", "10001", "11110", "10001", "10001", "11110"],
    "1": ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
    "2": ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
}


def in_drop(x, y, cx, top, radius):
    """A drop: a circle whose top is pulled up into a point at (cx, top)."""
    cy = top + 2.1 * radius
    if (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2:
        return True
    if top <= y <= cy:
        # The two tangents from the tip to the circle bound the upper part.
        t = (y - top) / (cy - top)
        half_width = t * radius * 0.94
        return abs(x - cx) <= half_width
    return False


def coverage(test, px, py, samples=4):
    hits = 0
    for sy in range(samples):
        for sx in range(samples):
            if test(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples):
                hits += 1
    return hits / (samples * samples)


def label_mask(text, scale, left, top):
    cells = set()
    for index, char in enumerate(text):
        glyph = GLYPHS[char]
        for row, bits in enumerate(glyph):
            for col, bit in enumerate(bits):
                if bit == "1":
                    cells.add((left + (index * 6 + col) * scale, top + row * scale))
    return lambda x, y: any(cx <= x < cx + scale and cy <= y < cy + scale for cx, cy in cells)


def write_png(path, width, height, pixel):
    rows = bytearray()
    for y in range(height):
        rows.append(0)
        for x in range(width):
            rows.extend(pixel(x, y))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(rows), 9))
    png += chunk(b"IEND", b"")
    with open(path, "wb") as handle:
        handle.write(png)


def blend(a, b, t):
    return tuple(round(a[i] * (1 - t) + b[i] * t) for i in range(3))


def color_icon(path):
    size = 192
    drop = lambda x, y: in_drop(x, y, cx=96, top=48, radius=34)
    scale = 3
    label_width = (3 * 6 - 1) * scale
    label = label_mask("B12", scale, left=96 - label_width // 2, top=112)

    def pixel(x, y):
        d = coverage(drop, x, y)
        l = coverage(label, x, y, samples=1)
        rgb = blend(TEAL, WHITE, d)
        rgb = blend(rgb, TEAL, l)
        return bytes((*rgb, 255))

    write_png(path, size, size, pixel)


def outline_icon(path):
    size = 32
    drop = lambda x, y: in_drop(x, y, cx=16, top=0.5, radius=9.8)

    def pixel(x, y):
        alpha = round(255 * coverage(drop, x, y, samples=6))
        return bytes((255, 255, 255, alpha))

    write_png(path, size, size, pixel)


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    color_icon(os.path.join(here, "color.png"))
    outline_icon(os.path.join(here, "outline.png"))
    print("wrote color.png (192x192) and outline.png (32x32)")
