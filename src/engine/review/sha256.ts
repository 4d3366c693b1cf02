import { sha256 as nobleSha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";

/**
 * SHA-256 for every hash the product records (file bytes, bound values, sign-off chain, acknowledgement
 * rows), one code path for the pane and the CLI. It runs on @noble/hashes (audited, synchronous):
 * Web Crypto is async and absent in some Office webviews' non-secure contexts, and node:crypto is not
 * in the pane.
 */
export function sha256Bytes(data: Uint8Array): string {
  return bytesToHex(nobleSha256(data));
}

/** The platform's encoder where there is one (fast on the megabytes a year of daily sheets hashes). */
const encoder = typeof TextEncoder === "function" ? new TextEncoder() : null;

/**
 * UTF-8 of `text`. TextEncoder turns a lone surrogate into U+FFFD where the hand-written
 * path encodes it as three bytes, so text with any surrogate takes the hand path: a hash
 * recorded before stays the same. By hand also where TextEncoder is missing (older webviews).
 */
export function utf8(text: string): Uint8Array {
  if (encoder && !/[\uD800-\uDFFF]/.test(text)) return encoder.encode(text);
  return utf8ByHand(text);
}

function utf8ByHand(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

export function sha256(text: string): string {
  return sha256Bytes(utf8(text));
}

/** Text hashed by sha256Lines is encoded this many characters at a time, a whole line at least. */
const CHUNK_CHARS = 1 << 16;

/**
 * sha256(lines.join("\n")) without the joined text: the lines are encoded and hashed a chunk
 * at a time. A chunk ends only between lines, so a surrogate pair is never split and each chunk's
 * bytes are those utf8() gives it within the whole text: the hash is the same.
 */
export function sha256Lines(lines: Iterable<string>): string {
  const hash = nobleSha256.create();
  let chunk = "";
  let first = true;
  for (const line of lines) {
    chunk += first ? line : "\n" + line;
    first = false;
    if (chunk.length >= CHUNK_CHARS) {
      hash.update(utf8(chunk));
      chunk = "";
    }
  }
  if (chunk) hash.update(utf8(chunk));
  return bytesToHex(hash.digest());
}
