import { scanXml } from "./events";
import { decodeEntities, decodeExcelEscapes, escapeXml } from "./text";
import { Tok, XmlError, XmlTokenizer } from "./tokenizer";

/** Every token as a short string: what the tokenizer saw, in order. */
function tokens(xml: string, options?: { doctype?: "reject" | "skip" }): string[] {
  const t = new XmlTokenizer(xml, options);
  const out: string[] = [];
  for (let k = t.next(); k !== Tok.End; k = t.next()) {
    switch (k) {
      case Tok.Open:
        out.push(
          `<${t.name()}${t
            .qualifiedAttrs()
            .map(([n, v]) => ` ${n}=${JSON.stringify(v)}`)
            .join("")}${t.selfClosing ? "/" : ""}>`
        );
        break;
      case Tok.Close:
        out.push(`</${t.name()}>`);
        break;
      case Tok.Text:
        out.push(`text ${JSON.stringify(t.text())}`);
        break;
      case Tok.CData:
        out.push(`cdata ${JSON.stringify(t.text())}`);
        break;
      case Tok.Comment:
        out.push(`comment ${JSON.stringify(t.text())}`);
        break;
      case Tok.Instruction:
        out.push(`pi ${JSON.stringify(t.text())}`);
        break;
      case Tok.Doctype:
        out.push(`doctype ${JSON.stringify(t.text())}`);
        break;
    }
  }
  return out;
}

describe("XmlTokenizer", () => {
  test("start, end and self-closing tags, text between them", () => {
    expect(tokens('<a><b x="1"/>hi<c></c></a>')).toEqual([
      "<a>",
      '<b x="1"/>',
      'text "hi"',
      "<c>",
      "</c>",
      "</a>",
    ]);
  });

  test("entities and character references are decoded in text and attribute values", () => {
    expect(
      tokens('<a v="&lt;&amp;&gt;&quot;&apos;&#65;&#x42;">&lt;b&gt; &amp; &#x1F600; &unknown;</a>')
    ).toEqual([`<a v="<&>\\"'AB">`, `text "<b> & \u{1F600} &unknown;"`, "</a>"]);
    expect(decodeEntities("&#0; &#x110000;")).toBe(" ");
  });

  test("CDATA is text as it stands, markup and entities included", () => {
    expect(tokens("<a><![CDATA[<b>&amp;]]]></a>")).toEqual(["<a>", 'cdata "<b>&amp;]"', "</a>"]);
  });

  test("comments and processing instructions are tokens of their own, and tags inside them are not tags", () => {
    expect(tokens('<?xml version="1.0"?><a><!-- <b x="1"> --><?pi <c>?></a>')).toEqual([
      'pi "xml version=\\"1.0\\""',
      "<a>",
      'comment " <b x=\\"1\\"> "',
      'pi "pi <c>"',
      "</a>",
    ]);
  });

  test("attribute values in either quote, with the other quote and > inside, spaces around =", () => {
    expect(tokens(`<a one="it's > 1" two = 'say "hi"'\n\tthree="">`)).toEqual([
      `<a one="it's > 1" two="say \\"hi\\"" three="">`,
    ]);
  });

  test("namespaces: prefixes, local names, declarations apart from attributes", () => {
    const t = new XmlTokenizer(
      '<x:worksheet xmlns="urn:d" xmlns:x="urn:x" xmlns:r="urn:r" r:id="rId1" x:r="B2" r="A1"/>'
    );
    expect(t.next()).toBe(Tok.Open);
    expect([t.name(), t.local(), t.prefix()]).toEqual(["x:worksheet", "worksheet", "x:"]);
    expect(t.is("worksheet")).toBe(true);
    expect(t.is("work")).toBe(false);
    expect(t.attrs()).toEqual({ id: "rId1", r: "A1" });
    expect(t.attr("r")).toBe("A1"); // the last of x:r and r, as in the object
    expect(t.attrQ("x:r")).toBe("B2");
    expect(t.attrQ("xmlns:r")).toBe("urn:r");
    expect(t.attr("x")).toBeUndefined(); // xmlns:x is a declaration, not an attribute
    expect([...t.namespaces()]).toEqual([
      ["", "urn:d"],
      ["x", "urn:x"],
      ["r", "urn:r"],
    ]);
    expect(t.selfClosing).toBe(true);
    expect(t.next()).toBe(Tok.End);
  });

  test("positions: the tag from < to past >, attribute values inside their quotes, text", () => {
    const xml = '<r><c r="B2" s="3">7</c></r>';
    const t = new XmlTokenizer(xml);
    t.next();
    t.next();
    expect(xml.slice(t.start, t.end)).toBe('<c r="B2" s="3">');
    const v = t.attrValueRange("s")!;
    expect(xml.slice(v.start, v.end)).toBe("3");
    const a = t.attrRange("r")!;
    expect(xml.slice(a.start, a.end)).toBe('r="B2"');
    expect(t.attrValueRange("t")).toBeNull();
    expect(t.next()).toBe(Tok.Text);
    expect(xml.slice(t.textStart, t.textEnd)).toBe("7");
    expect(t.next()).toBe(Tok.Close);
    expect(xml.slice(t.start, t.end)).toBe("</c>");
  });

  test("a DOCTYPE is refused unless asked to skip it, and its subset is never expanded", () => {
    const lol = '<!DOCTYPE lol [<!ENTITY a "a>a"><!ENTITY b "&a;&a;">]><lol>&b;</lol>';
    expect(() => tokens(lol)).toThrow(/DTDs are not accepted/);
    expect(tokens(lol, { doctype: "skip" })).toEqual([
      'doctype "DOCTYPE lol [<!ENTITY a \\"a>a\\"><!ENTITY b \\"&a;&a;\\">]"',
      "<lol>",
      'text "&b;"',
      "</lol>",
    ]);
  });

  test.each([
    ["<a", /unterminated tag at offset 0/],
    ['<a x="1', /unterminated attribute value/],
    ["<a><!-- never closed", /unterminated comment at offset 3/],
    ["<a><![CDATA[ never closed", /unterminated CDATA section/],
    ["<?xml never closed", /unterminated processing instruction/],
    ["<a></a", /unterminated end tag/],
    ["<a x=1>", /the value of x is not quoted/],
    ["<a x>", /attribute x has no value/],
    ['<a ="1">', /an attribute with no name/],
    ["a < b", /no element name/],
    ["<a / >", /a \/ not followed by >/],
    ["</a b>", /malformed end tag/],
    ["<!DOCTYPE never closed", /DTDs are not accepted/],
  ])("malformed %j gives a clear XmlError", (xml, message) => {
    let error: unknown;
    try {
      tokens(xml, xml.startsWith("<!DOCTYPE") ? undefined : { doctype: "skip" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(XmlError);
    expect((error as Error).message).toMatch(message);
    expect((error as XmlError).offset).toBeGreaterThanOrEqual(0);
  });

  test("any string at all ends in tokens or an XmlError, never a hang or another error", () => {
    const pieces = [
      "<",
      ">",
      "/",
      "a",
      "x:b",
      " ",
      "=",
      '"',
      "'",
      "!",
      "?",
      "-",
      "[",
      "]",
      "CDATA",
      "&",
      ";",
      "amp",
      "\n",
    ];
    let seed = 14;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 3000; n++) {
      let xml = "";
      for (let i = 0; i < 1 + random() * 30; i++)
        xml += pieces[Math.floor(random() * pieces.length)];
      try {
        const t = new XmlTokenizer(xml, { doctype: "skip" });
        let steps = 0;
        for (let k = t.next(); k !== Tok.End; k = t.next()) {
          expect(t.end).toBeGreaterThan(t.start);
          if (++steps > xml.length) throw new Error(`no progress on ${JSON.stringify(xml)}`);
          if (k === Tok.Open) t.attrs();
          else if (k === Tok.Text) t.text();
        }
      } catch (e) {
        if (!(e instanceof XmlError)) throw e;
      }
    }
  });

  test("lineAt counts lines for messages", () => {
    const t = new XmlTokenizer("<a>\n<b>\n\n<c/>");
    expect(t.lineAt(0)).toBe(1);
    expect(t.lineAt(4)).toBe(2);
    expect(t.lineAt(10)).toBe(4);
  });
});

describe("scanXml (events over the tokenizer)", () => {
  test("local names, attributes by local name, a close after a self-closing tag, CDATA as text", () => {
    const seen: string[] = [];
    scanXml('<x:a xmlns:x="u" x:k="v"><b/>t&amp;<![CDATA[<c>]]></x:a>', {
      open: (name, attrs, self) => seen.push(`open ${name} ${JSON.stringify(attrs)} ${self}`),
      close: (name) => seen.push(`close ${name}`),
      text: (text) => seen.push(`text ${text}`),
    });
    expect(seen).toEqual([
      'open a {"k":"v"} false',
      "open b {} true",
      "close b",
      "text t&",
      "text <c>",
      "close a",
    ]);
  });
});

describe("text helpers", () => {
  test("escapeXml escapes markup and drops characters XML cannot carry", () => {
    expect(escapeXml('a<b>&"c"\u0001\uffff')).toBe("a&lt;b&gt;&amp;&quot;c&quot;");
  });

  test("decodeExcelEscapes reads _xHHHH_", () => {
    expect(decodeExcelEscapes("a_x000D_b_x005F_x0041_")).toBe("a\rb_x0041_");
  });
});
