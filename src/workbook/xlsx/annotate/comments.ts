/** The comments part (notes): new comments appended, our text added to a cell's existing one, our author once. */
import { NOTE_AUTHOR, commentXml, textElement, xmlText, xstring } from "../ooxml";
import { decodeEntities } from "../xml";
import { WorkbookFileError } from "../zip";
import { attr, binToUtf8, eachTag, Edits, setAttr, utf8ToBin, type Tag } from "./tags";

export interface Note {
  row: number;
  col: number;
  ref: string;
  text: string;
}

export function patchComments(xml: string, part: string, notes: Note[]): string {
  const edits = new Edits();
  let depth = 0;
  let p = "";
  const authors: string[] = [];
  let authorsTag: Tag | null = null;
  let authorsClose = -1;
  let authorStart = -1;
  let listTag: Tag | null = null;
  let listClose = -1;
  let rootOpenEnd = -1;
  const comments = new Map<
    string,
    {
      textTag: Tag | null;
      textClose: number;
      t: Tag | null;
      tClose: number;
      lastRunEnd: number;
      phoneticAt: number;
    }
  >();
  let current: ReturnType<typeof comments.get> | undefined;

  eachTag(xml, part, (t) => {
    if (t.close) {
      depth--;
      if (depth === 1 && t.local === "authors") authorsClose = t.start;
      else if (depth === 1 && t.local === "commentList") listClose = t.start;
      else if (depth === 2 && t.local === "author" && authorStart >= 0) {
        authors.push(decodeEntities(binToUtf8(xml.slice(authorStart, t.start))));
        authorStart = -1;
      } else if (depth === 2 && t.local === "comment") current = undefined;
      else if (depth === 3 && current && t.local === "text") current.textClose = t.start;
      else if (depth === 4 && current && t.local === "t" && current.t) current.tClose = t.start;
      else if (depth === 4 && current && t.local === "r") current.lastRunEnd = t.end;
      return;
    }
    if (depth === 0) {
      p = t.prefix;
      rootOpenEnd = t.end;
    } else if (depth === 1 && t.local === "authors") authorsTag = t;
    else if (depth === 1 && t.local === "commentList") listTag = t;
    else if (depth === 2 && t.local === "author") {
      if (t.self) authors.push("");
      else authorStart = t.end;
    } else if (depth === 2 && t.local === "comment") {
      const ref = (attr(xml.slice(t.start, t.end), "ref") ?? "").replace(/\$/g, "").toUpperCase();
      current = undefined;
      if (!comments.has(ref)) {
        current = {
          textTag: null,
          textClose: -1,
          t: null,
          tClose: -1,
          lastRunEnd: -1,
          phoneticAt: -1,
        };
        comments.set(ref, current);
      }
    } else if (depth === 3 && current && t.local === "text") current.textTag = t;
    else if (depth === 4 && current && t.local === "t" && !current.t) current.t = t;
    else if (
      depth === 4 &&
      current &&
      (t.local === "rPh" || t.local === "phoneticPr") &&
      current.phoneticAt < 0
    )
      current.phoneticAt = t.start;
    else if (depth === 4 && current && t.local === "r" && t.self) current.lastRunEnd = t.end;
    if (!t.self) depth++;
  });
  if (rootOpenEnd < 0) throw new WorkbookFileError("corrupt workbook: a comments part is empty");

  // Our author.
  let authorId = authors.indexOf(NOTE_AUTHOR);
  const newComments: string[] = [];
  const ensureAuthor = () => {
    if (authorId >= 0) return;
    authorId = authors.length;
    authors.push(NOTE_AUTHOR);
    const el = `<${p}author>${xmlText(NOTE_AUTHOR)}</${p}author>`;
    const a = authorsTag as Tag | null;
    if (a && !a.self && authorsClose >= 0) edits.insert(authorsClose, el);
    else if (a) edits.add(a.start, a.end, `<${p}authors>${el}</${p}authors>`);
    else edits.insert(rootOpenEnd, `<${p}authors>${el}</${p}authors>`);
  };

  for (const note of notes) {
    const c = comments.get(note.ref);
    if (!c || !c.textTag) {
      ensureAuthor();
      newComments.push(utf8ToBin(commentXml(note.ref, authorId, note.text, p)));
      continue;
    }
    if (c.t) {
      const tTag = xml.slice(c.t.start, c.t.end);
      const preserve = setAttr(tTag, "xml:space", "preserve");
      if (c.t.self)
        edits.add(
          c.t.start,
          c.t.end,
          `${preserve.slice(0, -2).replace(/\s+$/, "")}>${utf8ToBin(xmlText(xstring(note.text)))}</${c.t.qname}>`
        );
      else {
        const hasText = c.tClose > c.t.end;
        edits.add(c.t.start, c.t.end, preserve);
        edits.insert(c.tClose, utf8ToBin(xmlText(xstring((hasText ? "\n" : "") + note.text))));
      }
    } else if (c.lastRunEnd >= 0) {
      edits.insert(c.lastRunEnd, utf8ToBin(`<${p}r>${textElement(`\n${note.text}`, p)}</${p}r>`));
    } else if (c.textTag.self) {
      edits.add(
        c.textTag.start,
        c.textTag.end,
        utf8ToBin(`<${p}text>${textElement(note.text, p)}</${p}text>`)
      );
    } else {
      edits.insert(
        c.phoneticAt >= 0 ? c.phoneticAt : c.textClose,
        utf8ToBin(textElement(note.text, p))
      );
    }
  }

  if (newComments.length) {
    const l = listTag as Tag | null;
    if (l && !l.self && listClose >= 0) edits.insert(listClose, newComments.join(""));
    else if (l)
      edits.add(l.start, l.end, `<${p}commentList>${newComments.join("")}</${p}commentList>`);
    else throw new WorkbookFileError("corrupt workbook: a comments part has no <commentList>");
  }
  return edits.apply(xml);
}
