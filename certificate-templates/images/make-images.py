#!/usr/bin/env python3
"""Draws the certificate templates' PNG images: python3 make-images.py (no packages needed).

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


def write_png(path, width, height, pixels):
    """pixels: list of rows, each a bytearray of RGBA."""
    raw = b"".join(b"\x00" + bytes(row) for row in pixels)
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(raw, 9))
    png += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


def render(path, width, height, layers, unit):
    """layers: (colour, sdf(x, y) in units) painted in order; unit: pixels per unit."""
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
    write_png(path, width, height, rows)
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


def diamond(cx, cy, size):
    return lambda x, y: (abs(x - cx) + abs(y - cy) - size) / math.sqrt(2)


def union(*shapes):
    return lambda x, y: min(shape(x, y) for shape in shapes)


def subtract(shape, cut):
    return lambda x, y: max(shape(x, y), -cut(x, y))


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
    render(os.path.join(HERE, "emblem.png"), 200, 200, layers, 100)


def corner():
    """A corner ornament for the top-left corner: a double L with a diamond and a dot; rotated for the others."""
    # Units: the image is 1 × 1, from (-0.5, -0.5) at the top left.
    o = -0.42
    shapes = union(
        segment(o, o, 0.48, o, 0.035), segment(o, o, o, 0.48, 0.035),
        segment(o + 0.11, o + 0.11, 0.30, o + 0.11, 0.018), segment(o + 0.11, o + 0.11, o + 0.11, 0.30, 0.018),
        diamond(o + 0.11, o + 0.11, 0.075),
    )
    dots = union(circle(0.40, o + 0.11, 0.022), circle(o + 0.11, 0.40, 0.022))
    inner = diamond(o + 0.11, o + 0.11, 0.03)
    layers = [(GOLD, shapes), (GOLD, dots), ((0xFF, 0xFD, 0xF7), inner)]
    render(os.path.join(HERE, "corner.png"), 120, 120, layers, 120)


def divider():
    """A thin ornamental rule: a line, fading diamonds and a centre diamond."""
    shapes = union(
        segment(-2.9, 0, -0.30, 0, 0.03), segment(0.30, 0, 2.9, 0, 0.03),
        diamond(0, 0, 0.17), diamond(-0.36, 0, 0.07), diamond(0.36, 0, 0.07),
    )
    layers = [(GOLD, shapes), ((0xFF, 0xFD, 0xF7), diamond(0, 0, 0.07))]
    render(os.path.join(HERE, "divider.png"), 600, 40, layers, 100)


def parenting_mark():
    """A coral heart with an adult and a child in white, ringed in teal."""
    layers = [
        (WHITE, circle(0, 0, 0.98)),
        (TEAL, ring(0, 0, 0.93, 0.08)),
        (CORAL, heart(0, -0.06, 0.84)),
        (WHITE, family(0, -0.06, 0.62)),
    ]
    render(os.path.join(HERE, "parenting-mark.png"), 200, 200, layers, 100)


def leaves():
    """A teal sprig for the parenting template's corners: a stem with leaves."""
    def leaf(cx, cy, angle, length, width):
        c, s = math.cos(angle), math.sin(angle)
        def sdf(x, y):
            # rotate into the leaf's frame: an almond made of two circles' intersection
            u = (x - cx) * c + (y - cy) * s
            v = -(x - cx) * s + (y - cy) * c
            r = (length ** 2 / 4 + width ** 2) / (2 * width)
            return max(math.hypot(u, v + r - width) - r, math.hypot(u, v - r + width) - r)
        return sdf
    stem = segment(-0.45, 0.40, 0.40, -0.40, 0.03)
    leaves_ = [leaf(-0.45 + t * 0.85 + side * 0.07, 0.40 - t * 0.80 + side * 0.07,
                    -math.pi / 4 + side * 0.9, 0.28 - t * 0.10, 0.06)
               for t in (0.2, 0.45, 0.7) for side in (-1, 1)]
    layers = [(TEAL, stem), (TEAL, union(*leaves_)), (CORAL, circle(0.40, -0.40, 0.05))]
    render(os.path.join(HERE, "sprig.png"), 120, 120, layers, 120)


if __name__ == "__main__":
    emblem()
    corner()
    divider()
    parenting_mark()
    leaves()
