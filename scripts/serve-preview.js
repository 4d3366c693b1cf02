#!/usr/bin/env node
/**
 * Serves the built preview (dist-preview/) on 127.0.0.1 only, with no dependencies.
 *
 *   node scripts/serve-preview.js [--port N]    # default 3100 (or $PORT); a free port when taken
 *
 * Prints "FOCUS preview: http://127.0.0.1:<port>/" on stdout once it listens; stops on Ctrl+C.
 */
const fs = require("fs");
const http = require("http");
const path = require("path");

const ROOT = path.resolve(__dirname, "..", "dist-preview");
const HOST = "127.0.0.1";
const DEFAULT_PORT = 3100;

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The file a URL path names inside ROOT ("/" is index.html), or null when it would leave ROOT. */
function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const file = path.resolve(ROOT, "." + path.posix.normalize("/" + decoded));
  if (file !== ROOT && !file.startsWith(ROOT + path.sep)) return null;
  return file === ROOT || decoded.endsWith("/") ? path.join(file, "index.html") : file;
}

function send(res, status, text) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(text);
}

function handle(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    return send(res, 405, "Method not allowed\n");
  }
  const file = fileFor(new URL(req.url, `http://${HOST}`).pathname);
  if (!file) return send(res, 400, "Bad path\n");
  fs.stat(file, (err, stat) => {
    if (err || !stat.isFile()) return send(res, 404, "Not found\n");
    res.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": stat.size,
      // A rebuilt preview must show at once: no stale bundle from the browser's cache.
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
    if (req.method === "HEAD") return res.end();
    fs.createReadStream(file).pipe(res);
  });
}

function requestedPort(argv, env) {
  const i = argv.indexOf("--port");
  const text = i >= 0 ? argv[i + 1] : env.PORT;
  if (text === undefined) return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a number from 0 to 65535, not "${text}"`);
  }
  return port;
}

/** Listen on `port`; when it is taken, on any free port instead. */
function listen(server, port) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      if (err.code === "EADDRINUSE" && port !== 0) {
        server.removeListener("error", onError);
        resolve(listen(server, 0));
      } else reject(err);
    };
    server.once("error", onError);
    server.listen(port, HOST, () => {
      server.removeListener("error", onError);
      resolve(server.address().port);
    });
  });
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, "index.html"))) {
    console.error("dist-preview/ is not built: run npx webpack --config webpack.preview.js first");
    process.exit(1);
  }
  const server = http.createServer(handle);
  const port = await listen(server, requestedPort(process.argv.slice(2), process.env));
  console.log(`FOCUS preview: http://${HOST}:${port}/`);
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err) => {
  console.error(`serve-preview: ${err.message}`);
  process.exit(1);
});
