#!/usr/bin/env python3
"""Binary PPM (P6, what QEMU's screendump writes) reading and PNG writing, standard library only.

    python3 scripts/vm/ppm.py size FILE.ppm         prints "WIDTH HEIGHT"
    python3 scripts/vm/ppm.py png FILE.ppm OUT.png  converts
"""

import struct
import sys
import zlib


def read_ppm(path):
    """Returns (width, height, rgb bytes) of a P6 file with maxval 255."""
    with open(path, "rb") as f:
        data = f.read()
    # Header: magic, width, height, maxval as whitespace-separated tokens ('#' starts a
    # comment), then exactly one whitespace byte before the pixels.
    tokens = []
    pos = 0
    while len(tokens) < 4:
        while pos < len(data) and data[pos : pos + 1].isspace():
            pos += 1
        if data[pos : pos + 1] == b"#":
            while pos < len(data) and data[pos] != 0x0A:
                pos += 1
            continue
        start = pos
        while pos < len(data) and not data[pos : pos + 1].isspace():
            pos += 1
        if start == pos:
            raise ValueError(f"{path}: truncated PPM header")
        tokens.append(data[start:pos])
    pos += 1
    if tokens[0] != b"P6":
        raise ValueError(f"{path}: not a binary PPM (magic {tokens[0]!r})")
    width, height, maxval = (int(t) for t in tokens[1:])
    if maxval != 255:
        raise ValueError(f"{path}: maxval {maxval} is not supported")
    pixels = data[pos : pos + width * height * 3]
    if len(pixels) != width * height * 3:
        raise ValueError(f"{path}: {len(pixels)} bytes of pixels, expected {width * height * 3}")
    return width, height, pixels


def write_png(path, width, height, rgb):
    """Writes 8-bit RGB, no interlace, filter 0 on every row."""
    stride = width * 3
    raw = b"".join(b"\x00" + rgb[y * stride : (y + 1) * stride] for y in range(height))

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)))
        f.write(chunk(b"IDAT", zlib.compress(raw, 6)))
        f.write(chunk(b"IEND", b""))


def ppm_to_png(ppm_path, png_path):
    write_png(png_path, *read_ppm(ppm_path))


def main(argv):
    if len(argv) == 3 and argv[1] == "size":
        width, height, _ = read_ppm(argv[2])
        print(width, height)
    elif len(argv) == 4 and argv[1] == "png":
        ppm_to_png(argv[2], argv[3])
    else:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
