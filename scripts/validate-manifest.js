#!/usr/bin/env node
/**
 * Offline checks of manifest.xml (Microsoft's online validator is not called).
 *
 *   node scripts/validate-manifest.js [--no-xsd] [manifest.xml]
 *
 * Checks, each printed as PASS, FAIL or SKIPPED:
 *   xsd        xmllint against the add-in manifest XSDs. Schema dir: $FOCUS_MANIFEST_SCHEMA, else
 *              ../shared/manifest-schema relative to the repo root. Missing xmllint or schemas is a
 *              FAIL unless --no-xsd is given (then SKIPPED).
 *   resids     every resid used is defined in <Resources>, every one defined is used, each of the
 *              right kind (image, URL, short or long string), short strings <= 125 characters and
 *              long strings <= 250.
 *   urls       every URL is https and shares one origin; for localhost, the port is
 *              webpack.config.js's devServer port; where dist/ exists, each URL's file is in it.
 *   functions  the custom-functions namespace is FOCUS; every id in functions.json (dist/functions.json,
 *              else generated from the source by custom-functions-metadata, offline) is an exported
 *              @customfunction in src/functions/functions.ts, and the other way round.
 *   commands   every ExecuteFunction FunctionName is registered with Office.actions.associate in
 *              src/commands/commands.ts.
 *   icons      every icon the manifest names exists in assets/ with the pixel size it is used at
 *              (read from the PNG's IHDR).
 * Exit status 1 on any FAIL.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const NO_XSD = args.includes("--no-xsd");
const MANIFEST = path.resolve(
  args.find((a) => !a.startsWith("--")) || path.join(ROOT, "manifest.xml")
);
const FUNCTIONS_TS = path.join(ROOT, "src", "functions", "functions.ts");
const COMMANDS_TS = path.join(ROOT, "src", "commands", "commands.ts");
const DIST = path.join(ROOT, "dist");

// ---- the manifest as a tree, from the project's XML tokenizer (built into lib/ by tsc -p tsconfig.cli.json) ----

function loadTokenizer() {
  try {
    return require(path.join(ROOT, "lib", "src", "workbook", "xlsx", "xml"));
  } catch {
    console.error("validate-manifest: lib/ is not built; run: npx tsc -p tsconfig.cli.json");
    process.exit(1);
  }
}

/** Parses XML into { name, attrs, children, text, line }. Throws on malformed input, naming the line. */
function parseXml(xml) {
  const { Tok, XmlError, XmlTokenizer } = loadTokenizer();
  const root = { name: "#document", attrs: {}, children: [], text: "", line: 1 };
  const stack = [root];
  const t = new XmlTokenizer(xml, { doctype: "skip" });
  let line = 1;
  let counted = 0;
  const lineAt = (pos) => {
    for (let i = xml.indexOf("\n", counted); i >= 0 && i < pos; i = xml.indexOf("\n", i + 1))
      line++;
    counted = pos;
    return line;
  };
  try {
    for (let k = t.next(); k !== Tok.End; k = t.next()) {
      const top = stack[stack.length - 1];
      if (k === Tok.Text || k === Tok.CData) top.text += t.text();
      else if (k === Tok.Open) {
        const el = {
          name: t.name(),
          attrs: Object.fromEntries(t.qualifiedAttrs()),
          children: [],
          text: "",
          line: lineAt(t.start),
        };
        top.children.push(el);
        if (!t.selfClosing) stack.push(el);
      } else if (k === Tok.Close) {
        const name = t.name();
        if (top === root || top.name !== name) {
          throw new Error(
            `</${name}> at line ${lineAt(t.start)} does not close <${top === root ? "?" : top.name}>`
          );
        }
        stack.pop();
      }
    }
  } catch (e) {
    if (e instanceof XmlError)
      throw new Error(`${e.message.replace(/ at offset \d+$/, "")} at line ${t.lineAt(e.offset)}`);
    throw e;
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  return root;
}

const localName = (el) => el.name.replace(/^.*:/, "");

function* walk(el, ancestors = []) {
  yield [el, ancestors];
  for (const c of el.children) yield* walk(c, [...ancestors, el]);
}

// ---- reporting --------------------------------------------------------------------------------

let failed = false;
function report(name, status, details = []) {
  if (status === "FAIL") failed = true;
  console.log(`${status.padEnd(7)} ${name}`);
  for (const d of details) console.log(`        ${d}`);
}

// ---- PNG size ---------------------------------------------------------------------------------

function pngSize(file) {
  const buf = fs.readFileSync(file);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (
    buf.length < 24 ||
    !buf.subarray(0, 8).equals(sig) ||
    buf.toString("ascii", 12, 16) !== "IHDR"
  )
    return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

// ---- webpack dev-server port ------------------------------------------------------------------

function devServerPort() {
  const file = path.join(ROOT, "webpack.config.js");
  try {
    const exported = require(file);
    const config =
      typeof exported === "function" ? exported({}, { mode: "development" }) : exported;
    const port = config && config.devServer && config.devServer.port;
    if (port) return Number(port);
  } catch {
    // Fall through to reading the text (e.g. node_modules not installed).
  }
  const m =
    /port:\s*(\d+)/.exec(fs.readFileSync(file, "utf8")) ||
    /DEV_PORT\s*=\s*(\d+)/.exec(fs.readFileSync(file, "utf8"));
  return m ? Number(m[1]) : null;
}

// ---- @customfunction declarations in functions.ts ---------------------------------------------

/** [{ id, functionName, exported, line }] for each function whose JSDoc has @customfunction. */
function declaredCustomFunctions(source) {
  const out = [];
  // A JSDoc block (which cannot contain "*/") right before a function declaration.
  const re =
    /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(export\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)/g;
  for (const m of source.matchAll(re)) {
    // The tag opens a JSDoc line: "* @customfunction [id] [name]".
    const tag = /^[ \t]*\*?[ \t]*@customfunction\b[ \t]*([^\s*]+)?/m.exec(m[1]);
    if (!tag) continue;
    out.push({
      id: (tag[1] || m[3]).toUpperCase(),
      functionName: m[3],
      exported: Boolean(m[2]),
      line: source.slice(0, m.index).split("\n").length,
    });
  }
  return out;
}

/** functions.json: dist's if present, else generated from the source (custom-functions-metadata, offline). */
async function functionsJson() {
  const built = path.join(DIST, "functions.json");
  if (fs.existsSync(built))
    return { from: path.relative(ROOT, built), json: JSON.parse(fs.readFileSync(built, "utf8")) };
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const result = await generateCustomFunctionsMetadata([FUNCTIONS_TS], true);
  if (result.errors && result.errors.length) throw new Error(result.errors.join("; "));
  return {
    from: "generated from src/functions/functions.ts",
    json: JSON.parse(result.metadataJson),
  };
}

// ---- the checks -------------------------------------------------------------------------------

function checkXsd() {
  const name = "xsd: manifest valid against the add-in manifest XSDs (xmllint)";
  if (NO_XSD) return report(name, "SKIPPED", ["--no-xsd given"]);
  const dir = process.env.FOCUS_MANIFEST_SCHEMA
    ? path.resolve(process.env.FOCUS_MANIFEST_SCHEMA)
    : path.resolve(ROOT, "..", "shared", "manifest-schema");
  const xsd = path.join(dir, "OfficeAppManifestV1_1.xsd");
  if (!fs.existsSync(xsd)) {
    return report(name, "FAIL", [
      `no schema at ${xsd} (set FOCUS_MANIFEST_SCHEMA, or pass --no-xsd to skip)`,
    ]);
  }
  const r = spawnSync("xmllint", ["--noout", "--schema", xsd, MANIFEST], { encoding: "utf8" });
  if (r.error) {
    return report(name, "FAIL", [
      `cannot run xmllint (${r.error.code || r.error.message}); install libxml2-utils or pass --no-xsd`,
    ]);
  }
  const lines = `${r.stderr || ""}${r.stdout || ""}`.trim().split("\n").filter(Boolean);
  report(
    name,
    r.status === 0 ? "PASS" : "FAIL",
    r.status === 0 ? [`schema: ${path.relative(ROOT, xsd)}`] : lines
  );
}

/** Resource kinds by element name under <Resources>. */
const RESOURCE_KINDS = { Image: "image", Url: "url" };

function resources(doc) {
  const defined = new Map(); // id -> { kind, value, line }
  const problems = [];
  for (const [el, anc] of walk(doc)) {
    if (!anc.some((a) => localName(a) === "Resources") || el.attrs.id === undefined) continue;
    const parent = localName(anc[anc.length - 1]);
    const kind =
      RESOURCE_KINDS[localName(el)] ||
      (parent === "ShortStrings" ? "short" : parent === "LongStrings" ? "long" : null);
    if (!kind) continue;
    if (defined.has(el.attrs.id))
      problems.push(`resource ${el.attrs.id} defined twice (line ${el.line})`);
    defined.set(el.attrs.id, { kind, value: el.attrs.DefaultValue, line: el.line });
  }
  return { defined, problems };
}

/** The kind of resource a resid must name, from where it is used. */
function expectedKind(el, anc) {
  const name = localName(el);
  const parent = anc.length ? localName(anc[anc.length - 1]) : "";
  if (name === "Image") return "image";
  if (["SourceLocation", "Runtime", "FunctionFile", "LearnMoreUrl"].includes(name)) return "url";
  if (name === "Description") return "long";
  if (name === "Title" && parent === "Supertip") return "short";
  if (["Label", "Title", "Namespace"].includes(name)) return "short";
  return null;
}

function checkResids(doc) {
  const { defined, problems } = resources(doc);
  const used = new Set();
  for (const [el, anc] of walk(doc)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    used.add(resid);
    const def = defined.get(resid);
    if (!def) {
      problems.push(
        `<${el.name} resid="${resid}"> (line ${el.line}) is not defined in <Resources>`
      );
      continue;
    }
    const want = expectedKind(el, anc);
    if (want && def.kind !== want)
      problems.push(
        `<${el.name} resid="${resid}"> (line ${el.line}) needs a ${want} resource, found a ${def.kind}`
      );
  }
  for (const [id, def] of defined) {
    if (!used.has(id)) problems.push(`resource ${id} (line ${def.line}) is defined but never used`);
    if (def.kind === "short" && (def.value || "").length > 125)
      problems.push(`short string ${id} is over 125 characters`);
    if (def.kind === "long" && (def.value || "").length > 250)
      problems.push(`long string ${id} is over 250 characters`);
  }
  report(
    "resids: every resid defined, every resource used, kinds match",
    problems.length ? "FAIL" : "PASS",
    problems.length ? problems : [`${used.size} resources`]
  );
}

function manifestUrls(doc) {
  const urls = [];
  for (const [el] of walk(doc)) {
    for (const [attr, value] of Object.entries(el.attrs)) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !attr.startsWith("xmlns"))
        urls.push({ url: value, where: `<${el.name}> line ${el.line}` });
    }
    // <AppDomain> lists other origins on purpose, so it is not held to the one-origin rule.
    if (
      localName(el) !== "AppDomain" &&
      el.children.length === 0 &&
      /^\s*https?:\/\//i.test(el.text)
    ) {
      urls.push({ url: el.text.trim(), where: `<${el.name}> line ${el.line}` });
    }
  }
  return urls;
}

function checkUrls(doc) {
  const problems = [];
  const notes = [];
  const urls = manifestUrls(doc);
  const origins = new Set();
  for (const { url, where } of urls) {
    let u;
    try {
      u = new URL(url);
    } catch {
      problems.push(`${where}: not a URL: ${url}`);
      continue;
    }
    if (u.protocol !== "https:") problems.push(`${where}: not https: ${url}`);
    origins.add(u.origin);
  }
  if (origins.size > 1)
    problems.push(`URLs span ${origins.size} origins: ${[...origins].join(", ")}`);
  const [origin] = origins;
  if (origin) {
    const u = new URL(origin);
    notes.push(`${urls.length} URLs, origin ${origin}`);
    if (u.hostname === "localhost") {
      const port = devServerPort();
      const urlPort = Number(u.port || 443);
      if (port === null) problems.push("cannot find devServer.port in webpack.config.js");
      else if (port !== urlPort)
        problems.push(`manifest uses localhost:${urlPort}, webpack devServer listens on ${port}`);
      else notes.push(`matches webpack devServer port ${port}`);
      if (fs.existsSync(DIST)) {
        for (const { url, where } of urls) {
          const rel = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, "");
          if (rel && !fs.existsSync(path.join(DIST, rel)))
            problems.push(`${where}: ${url} is not in dist/ (stale build?)`);
        }
        if (!problems.length) notes.push("every URL's file is in dist/");
      }
    }
  }
  report(
    "urls: one https origin, dev-server port, files built",
    problems.length ? "FAIL" : "PASS",
    problems.length ? problems : notes
  );
}

async function checkFunctions(doc) {
  const name = "functions: namespace FOCUS, functions.json ids = exported @customfunction";
  const problems = [];
  const notes = [];
  const { defined } = resources(doc);
  const nsEls = [...walk(doc)].filter(([el]) => localName(el) === "Namespace").map(([el]) => el);
  if (nsEls.length !== 1) problems.push(`expected one <Namespace>, found ${nsEls.length}`);
  for (const el of nsEls) {
    const value = (defined.get(el.attrs.resid) || {}).value;
    if (value !== "FOCUS") problems.push(`namespace is ${JSON.stringify(value)}, expected "FOCUS"`);
    else notes.push("namespace FOCUS");
  }
  const declared = declaredCustomFunctions(fs.readFileSync(FUNCTIONS_TS, "utf8"));
  for (const d of declared) {
    if (!d.exported)
      problems.push(
        `${d.functionName} (functions.ts line ${d.line}) has @customfunction but is not exported`
      );
  }
  let meta;
  try {
    meta = await functionsJson();
  } catch (e) {
    problems.push(`functions.json: ${e.message}`);
  }
  if (meta) {
    const ids = (meta.json.functions || []).map((f) => f.id);
    const byId = new Map(declared.map((d) => [d.id, d]));
    const seen = new Set();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`functions.json lists ${id} twice`);
      seen.add(id);
      const d = byId.get(id);
      if (!d)
        problems.push(
          `functions.json has ${id}, which is not an @customfunction in functions.ts (stale build?)`
        );
      else if (!d.exported)
        problems.push(`functions.json has ${id}, but ${d.functionName} is not exported`);
    }
    for (const d of declared)
      if (!seen.has(d.id))
        problems.push(
          `@customfunction ${d.functionName} (${d.id}) is missing from functions.json (stale build?)`
        );
    notes.push(
      `${ids.length} functions (${meta.from}): ${ids.map((id) => `FOCUS.${id}`).join(", ")}`
    );
  }
  report(name, problems.length ? "FAIL" : "PASS", problems.length ? problems : notes);
}

function checkCommands(doc) {
  const names = [...walk(doc)]
    .filter(([el]) => localName(el) === "FunctionName")
    .map(([el]) => el.text.trim());
  if (!names.length)
    return report("commands: ExecuteFunction names registered", "SKIPPED", [
      "no ExecuteFunction in the manifest",
    ]);
  const source = fs.existsSync(COMMANDS_TS) ? fs.readFileSync(COMMANDS_TS, "utf8") : "";
  const registered = new Set(
    [...source.matchAll(/Office\.actions\.associate\(\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1])
  );
  const problems = names
    .filter((n) => !registered.has(n))
    .map(
      (n) =>
        `FunctionName ${n} is not registered with Office.actions.associate in src/commands/commands.ts`
    );
  report(
    "commands: ExecuteFunction names registered",
    problems.length ? "FAIL" : "PASS",
    problems.length ? problems : [`${names.join(", ")}`]
  );
}

function checkIcons(doc) {
  const problems = [];
  const { defined } = resources(doc);
  const wanted = []; // { url, size, where }
  for (const [el] of walk(doc)) {
    const n = localName(el);
    if (n === "IconUrl") wanted.push({ url: el.attrs.DefaultValue, size: 32, where: "IconUrl" });
    if (n === "HighResolutionIconUrl")
      wanted.push({ url: el.attrs.DefaultValue, size: 64, where: "HighResolutionIconUrl" });
    if (n === "Image" && el.attrs.resid && el.attrs.size) {
      const def = defined.get(el.attrs.resid);
      if (def)
        wanted.push({
          url: def.value,
          size: Number(el.attrs.size),
          where: `${el.attrs.resid} (used at ${el.attrs.size} px, line ${el.line})`,
        });
    }
  }
  const checked = new Set();
  for (const w of wanted) {
    const key = `${w.url}@${w.size}`;
    if (checked.has(key)) continue;
    checked.add(key);
    let rel;
    try {
      rel = decodeURIComponent(new URL(w.url).pathname).replace(/^\/+/, "");
    } catch {
      problems.push(`${w.where}: not a URL: ${w.url}`);
      continue;
    }
    if (!rel.startsWith("assets/")) {
      problems.push(`${w.where}: ${w.url} is not under assets/`);
      continue;
    }
    const file = path.join(ROOT, rel);
    if (!fs.existsSync(file)) {
      problems.push(`${w.where}: ${rel} does not exist`);
      continue;
    }
    const size = pngSize(file);
    if (!size) problems.push(`${w.where}: ${rel} is not a PNG`);
    else if (size.width !== w.size || size.height !== w.size)
      problems.push(
        `${w.where}: ${rel} is ${size.width}x${size.height}, expected ${w.size}x${w.size}`
      );
  }
  report(
    "icons: files in assets/ with the right pixel size",
    problems.length ? "FAIL" : "PASS",
    problems.length ? problems : [`${checked.size} icon uses`]
  );
}

async function main() {
  console.log(`Checking ${path.relative(process.cwd(), MANIFEST) || MANIFEST}`);
  let doc;
  try {
    doc = parseXml(fs.readFileSync(MANIFEST, "utf8"));
    report("xml: well-formed", "PASS");
  } catch (e) {
    report("xml: well-formed", "FAIL", [e.message]);
    process.exit(1);
  }
  checkXsd();
  checkResids(doc);
  checkUrls(doc);
  await checkFunctions(doc);
  checkCommands(doc);
  checkIcons(doc);
  console.log(failed ? "Manifest check FAILED" : "Manifest check passed");
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
