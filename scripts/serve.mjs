// A small static file server for the built site (dist/), used by the
// end-to-end tests and the benchmark. Unlike `astro preview` it can run beside
// other instances (Astro allows one preview server per project) and serves
// exactly the files a static host would: index.html for directories, the 404
// page with status 404, correct MIME types, no caching.
//   node scripts/serve.mjs [--port 4329] [--host 127.0.0.1] [--dir dist]
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const args = Object.fromEntries(
  process.argv
    .slice(2)
    .reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const port = Number(args.port ?? process.env.PORT ?? 4329);
const host = args.host ?? '127.0.0.1';
const root = resolve(args.dir ?? 'dist');
const base = (process.env.BASE ?? '/').replace(/\/?$/, '/');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
  '.wasm': 'application/wasm',
};

function fileFor(pathname) {
  if (!pathname.startsWith(base)) return undefined;
  const rel = normalize(decodeURIComponent(pathname.slice(base.length))).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, rel);
  if (!file.startsWith(root)) return undefined;
  try {
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    return statSync(file).isFile() ? file : undefined;
  } catch {
    return undefined;
  }
}

function send(res, status, file) {
  res.writeHead(status, {
    'content-type': types[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(res);
}

createServer((req, res) => {
  let pathname;
  try {
    pathname = new URL(req.url ?? '/', 'http://x').pathname;
  } catch {
    res.writeHead(400).end();
    return;
  }
  const file = fileFor(pathname);
  if (file) return send(res, 200, file);
  // A directory without its trailing slash: redirect like a static host does.
  if (!pathname.endsWith('/') && fileFor(`${pathname}/`)) {
    res.writeHead(301, { location: `${pathname}/` }).end();
    return;
  }
  const notFound = join(root, '404.html');
  try {
    statSync(notFound);
    send(res, 404, notFound);
  } catch {
    res.writeHead(404).end('Not found');
  }
}).listen(port, host, () => console.log(`Serving ${root} at http://${host}:${port}${base}`));
