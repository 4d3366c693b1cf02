import { sha256, sha256Bytes, sha256Lines, utf8 } from "./sha256";

// FIPS 180-4 examples and the NIST long-message vector (csrc.nist.gov, "SHA256.pdf" and the SHAVS short/long messages).
describe("sha256", () => {
  test("the standard vectors", () => {
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    );
    expect(sha256Bytes(new Uint8Array(1_000_000).fill(0x61))).toBe(
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
    );
  });

  test("text is hashed as UTF-8, astral characters as four bytes", () => {
    // "é" is C3 A9 and "𝄞" is F0 9D 84 9E; the same digests as hashing those bytes.
    expect(sha256("é𝄞")).toBe(sha256Bytes(Uint8Array.from([0xc3, 0xa9, 0xf0, 0x9d, 0x84, 0x9e])));
    expect(sha256("é𝄞")).not.toBe(sha256Bytes(Uint8Array.from([0xe9])));
  });

  test("a lone surrogate keeps the three bytes recorded hashes were made with", () => {
    // A cell can hold half a surrogate pair; TextEncoder would write EF BF BD (U+FFFD) instead.
    expect([...utf8("a\uD800b")]).toEqual([0x61, 0xed, 0xa0, 0x80, 0x62]);
    expect([...utf8("\uDC00")]).toEqual([0xed, 0xb0, 0x80]);
  });

  test("well-formed text encodes the same on the fast path as by hand", () => {
    const text = "Seg 1\t'Q4 ''20'!$E$6\t\"Café – 𝄞 北京\"\n".repeat(50);
    expect([...utf8(text)]).toEqual([...Buffer.from(text, "utf8")]);
  });
});

describe("sha256Lines", () => {
  const join = (lines: string[]) => sha256(lines.join("\n"));

  test("is the hash of the lines joined by newlines, across chunk boundaries and surrogates", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = ["FOCUS_7010", "'Seg 1'!$E$6", "1443907046", "é", "😀", "\uD800", "\uDC00", ""];
    const lines = Array.from({ length: 12000 }, () =>
      Array.from(
        { length: 1 + Math.floor(random() * 6) },
        () => pieces[Math.floor(random() * pieces.length)]
      ).join("\t")
    );
    expect(lines.join("\n").length).toBeGreaterThan(3 * (1 << 16));
    expect(sha256Lines(lines)).toBe(join(lines));
    // a lone surrogate only in the last chunk, and none at all
    const plain = lines.map((l) => l.replace(/[\uD800-\uDFFF]/g, "x"));
    expect(sha256Lines([...plain, "\uD800"])).toBe(join([...plain, "\uD800"]));
    expect(sha256Lines(plain)).toBe(join(plain));
  });

  test("no lines and one empty line are the empty text", () => {
    expect(sha256Lines([])).toBe(sha256(""));
    expect(sha256Lines([""])).toBe(sha256(""));
    expect(sha256Lines(["", ""])).toBe(sha256("\n"));
  });
});
