#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-NN.png): a deep-green rounded square with a white check mark.
 *
 * Node built-ins only: shapes are signed-distance functions, each pixel's coverage is taken from
 * the distance (a one-pixel linear ramp, which is anti-aliasing without supersampling), and the
 * PNG chunks (IHDR, IDAT via zlib, IEND, CRC-32) are written by hand. Output is deterministic, so
 * re-running the script on an unchanged design gives byte-identical files.
 *
 *   node scripts/make-icons.js            # writes assets/icon-{16,32,64,80,128}.png
 *   node scripts/make-icons.js out/dir    # somewhere else
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const GREEN = [0x0b, 0x5d, 0x37]; // deep green, dark enough for white to read at 16 px
const WHITE = [0xff, 0xff, 0xff];

// ---- geometry, in units of the icon's side (0..1) -------------------------------------------

/** Signed distance to a rounded rectangle centred at (cx, cy) with half-sizes (hw, hh), corner radius r. */
function roundedRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - (hw - r);
  const qy = Math.abs(y - cy) - (hh - r);
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.hypot(ox, oy) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance to the segment a-b. */
function segment(x, y, ax, ay, bx, by) {
  const px = x - ax;
  const py = y - ay;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy);
}

// The check mark: a short stroke down-right, then a long one up-right, round caps and join.
const CHECK = [
  [0.28, 0.53],
  [0.44, 0.69],
  [0.74, 0.35],
];

function checkDistance(x, y, halfWidth) {
  let d = Infinity;
  for (let i = 0; i + 1 < CHECK.length; i++) {
    const [ax, ay] = CHECK[i];
    const [bx, by] = CHECK[i + 1];
    d = Math.min(d, segment(x, y, ax, ay, bx, by));
  }
  return d - halfWidth;
}

/** Coverage of a shape at a pixel, given its signed distance in pixels (negative inside). */
function coverage(distancePx) {
  return Math.max(0, Math.min(1, 0.5 - distancePx));
}

// ---- rendering ----------------------------------------------------------------------------

/** RGBA pixels, not premultiplied, row-major. */
function render(size) {
  const px = Buffer.alloc(size * size * 4);
  // Small icons get a thicker stroke (relative to the side) so the mark survives at 16 px.
  const half = size <= 16 ? 0.075 : size <= 32 ? 0.065 : 0.06;
  const radius = 0.2;
  // A 16-px icon uses the whole square; larger ones keep a hairline margin so the corners are not clipped.
  const inset = size <= 16 ? 0 : 0.5 / size;
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const x = (i + 0.5) / size;
      const y = (j + 0.5) / size;
      const bg = coverage(roundedRect(x, y, 0.5, 0.5, 0.5 - inset, 0.5 - inset, radius) * size);
      const mark = Math.min(bg, coverage(checkDistance(x, y, half) * size));
      // Colour: white over green in proportion to the mark's share of the square's coverage;
      // alpha: the square's coverage (soft edge at the rounded corners).
      const t = bg > 0 ? mark / bg : 0;
      const o = (j * size + i) * 4;
      for (let c = 0; c < 3; c++)
        px[o + c] = bg > 0 ? Math.round(GREEN[c] * (1 - t) + WHITE[c] * t) : 0;
      px[o + 3] = Math.round(bg * 255);
    }
  }
  return px;
}

// ---- PNG encoding -------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); // width
  ihdr.writeUInt32BE(size, 4); // height
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  // Each scanline starts with its filter type; 0 (None) is plenty for icons this small.
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, render(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { render, encodePng, crc32, SIZES };
