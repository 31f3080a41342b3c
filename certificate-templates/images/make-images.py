#!/usr/bin/env python3
"""Draws the certificate templates' PNG logos: python3 make-images.py (no packages needed).

The logos are small on purpose: every certificate's own PDF embeds and compresses its
images again, and a 200-pixel logo costs more than the rest of the page. Frames, corner
dots and rules are drawn as vectors by the templates instead.

Every shape is a signed distance field, so edges are smooth without supersampling.
Colours match the templates: navy #1F3A5F and gold #B08D3C for participation,
teal #1B6F6A and coral #D9734E for parenting.
"""
import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

NAVY = (0x1F, 0x3A, 0x5F)
GOLD = (0xB0, 0x8D, 0x3C)
TEAL = (0x1B, 0x6F, 0x6A)
CORAL = (0xD9, 0x73, 0x4E)
WHITE = (0xFF, 0xFF, 0xFF)


def write_png(path, width, height, pixels, opaque=False):
    """pixels: list of rows, each a bytearray of RGBA; an opaque image is written as RGB, without alpha."""
    if opaque:
        pixels = [bytes(b for i, b in enumerate(row) if i % 4 != 3) for row in pixels]
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2 if opaque else 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9))
    png += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def render(path, width, height, layers, unit, background=None):
    """layers: (colour, sdf(x, y) in units) painted in order; unit: pixels per unit.

    With a background colour the image is opaque: PDFs then need no soft mask for it, which
    makes each certificate's own PDF faster to write. It must match the page it sits on."""
    if background:
        layers = [(background, lambda x, y: -1.0)] + layers
    rows = []
    for j in range(height):
        row = bytearray(width * 4)
        y = (j + 0.5 - height / 2) / unit
        for i in range(width):
            x = (i + 0.5 - width / 2) / unit
            r = g = b = a = 0.0
            for colour, sdf in layers:
                coverage = min(1.0, max(0.0, 0.5 - sdf(x, y) * unit))
                if coverage <= 0:
                    continue
                # "over" compositing, premultiplied
                r = colour[0] * coverage + r * (1 - coverage)
                g = colour[1] * coverage + g * (1 - coverage)
                b = colour[2] * coverage + b * (1 - coverage)
                a = coverage + a * (1 - coverage)
            if a > 0:
                row[i * 4:i * 4 + 4] = bytes((round(r / a), round(g / a), round(b / a), round(a * 255)))
        rows.append(row)
    write_png(path, width, height, rows, opaque=background is not None)
    print(f"{path}: {os.path.getsize(path)} bytes")


# Shapes -----------------------------------------------------------------

def circle(cx, cy, radius):
    return lambda x, y: math.hypot(x - cx, y - cy) - radius


def ring(cx, cy, radius, width):
    return lambda x, y: abs(math.hypot(x - cx, y - cy) - radius) - width / 2


def segment(ax, ay, bx, by, width):
    def sdf(x, y):
        px, py = x - ax, y - ay
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, (px * dx + py * dy) / (dx * dx + dy * dy)))
        return math.hypot(px - dx * t, py - dy * t) - width / 2
    return sdf


def ellipse_top(cx, cy, rx, ry):
    """The upper half of an ellipse, cut flat at cy: a body under a head."""
    def sdf(x, y):
        # approximate distance to an ellipse by scaling; good enough for soft shapes this size
        k = math.hypot((x - cx) / rx, (y - cy) / ry)
        d = (k - 1) * min(rx, ry)
        return max(d, y - cy)
    return sdf


def union(*shapes):
    return lambda x, y: min(shape(x, y) for shape in shapes)


def heart(cx, cy, size):
    """Inigo Quilez's heart, tip at the bottom, about 2 × size wide."""
    def sdf(x, y):
        px = abs(x - cx) / size
        py = (cy - y) / size + 0.55  # y grows downwards in the image
        if py + px > 1.0:
            d = math.hypot(px - 0.25, py - 0.75) - math.sqrt(2) / 4
        else:
            d1 = (px - 0.0) ** 2 + (py - 1.0) ** 2
            m = 0.5 * max(px + py, 0.0)
            d2 = (px - m) ** 2 + (py - m) ** 2
            d = math.sqrt(min(d1, d2)) * (1 if px - py > 0 else -1)
        return d * size
    return sdf


def star(cx, cy, points, outer, inner):
    """A star polygon, as the distance to its outline, negative inside."""
    vertices = []
    for k in range(points * 2):
        angle = -math.pi / 2 + k * math.pi / points
        radius = outer if k % 2 == 0 else inner
        vertices.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    def sdf(x, y):
        d = float("inf")
        inside = False
        n = len(vertices)
        for k in range(n):
            ax, ay = vertices[k]
            bx, by = vertices[(k + 1) % n]
            ex, ey = bx - ax, by - ay
            wx, wy = x - ax, y - ay
            t = max(0.0, min(1.0, (wx * ex + wy * ey) / (ex * ex + ey * ey)))
            d = min(d, math.hypot(wx - ex * t, wy - ey * t))
            if (ay > y) != (by > y) and x < ax + (y - ay) * ex / ey:
                inside = not inside
        return -d if inside else d
    return sdf


# Images -----------------------------------------------------------------

def family(cx, cy, scale):
    """An adult and a child side by side: heads and shoulders."""
    adult = union(circle(cx - 0.17 * scale, cy - 0.20 * scale, 0.11 * scale),
                  ellipse_top(cx - 0.17 * scale, cy + 0.22 * scale, 0.21 * scale, 0.26 * scale))
    child = union(circle(cx + 0.17 * scale, cy - 0.05 * scale, 0.085 * scale),
                  ellipse_top(cx + 0.17 * scale, cy + 0.22 * scale, 0.15 * scale, 0.18 * scale))
    return union(adult, child)


def emblem():
    """A seal: navy and gold rings, a shelter's roof over an adult and a child, and eight small stars."""
    stars = [star(0.80 * math.cos(k * math.pi / 4 - math.pi / 2), 0.80 * math.sin(k * math.pi / 4 - math.pi / 2), 5, 0.055, 0.022)
             for k in range(8)]
    roof = union(segment(-0.50, 0.02, 0.0, -0.46, 0.075), segment(0.0, -0.46, 0.50, 0.02, 0.075))
    ground = segment(-0.48, 0.44, 0.48, 0.44, 0.04)
    layers = [
        (WHITE, circle(0, 0, 0.98)),
        (NAVY, ring(0, 0, 0.94, 0.07)),
        (GOLD, ring(0, 0, 0.66, 0.025)),
        (GOLD, union(*stars)),
        (GOLD, roof),
        (NAVY, family(0, 0.12, 0.95)),
        (NAVY, ground),
    ]
    render(os.path.join(HERE, "emblem.png"), 84, 84, layers, 42, background=(0xFF, 0xFD, 0xF7))






def parenting_mark():
    """A coral heart with an adult and a child in white, ringed in teal."""
    layers = [
        (WHITE, circle(0, 0, 0.98)),
        (TEAL, ring(0, 0, 0.93, 0.08)),
        (CORAL, heart(0, -0.06, 0.84)),
        (WHITE, family(0, -0.06, 0.62)),
    ]
    render(os.path.join(HERE, "parenting-mark.png"), 96, 96, layers, 48, background=(0xFF, 0xFE, 0xFA))




if __name__ == "__main__":
    emblem()
    parenting_mark()
