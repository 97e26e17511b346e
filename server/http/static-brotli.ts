/**
 * Next's own files (/_next/static: scripts, styles), sent brotli-compressed to browsers that take
 * it: `npm run build` writes a `.br` beside each (scripts/build-server.mjs), since Next itself only
 * gzips. Brotli at its highest level takes the scripts every page needs from ~136 KB to ~117 KB —
 * what a phone on mobile data downloads before a page works (docs/decisions/0019-performance.md).
 * Only files the build wrote are served, read once; everything else goes to Next as before.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=UTF-8',
  '.css': 'text/css; charset=UTF-8',
};

/** URL path → its compressed bytes, for every `.br` the build wrote under .next/static. */
function compressedFiles(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  try {
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.br')) continue;
      const file = path.join(entry.parentPath, entry.name);
      const url = `/_next/static/${path.relative(root, file).slice(0, -3).split(path.sep).join('/')}`;
      out.set(url, fs.readFileSync(file));
    }
  } catch {
    // No build output here (tests, `next dev`): nothing is served from this.
  }
  return out;
}

/** Per root (one in the server; tests use their own). */
const roots = new Map<string, Map<string, Buffer>>();

/** True when the request was answered with a brotli file; otherwise Next serves it. */
export function serveBrotli(req: IncomingMessage, res: ServerResponse, root = path.resolve('.next/static')): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (!/\bbr\b/.test(String(req.headers['accept-encoding'] ?? ''))) return false;
  const url = (req.url ?? '').split('?')[0] ?? '';
  if (!url.startsWith('/_next/static/')) return false;
  let files = roots.get(root);
  if (!files) {
    files = compressedFiles(root);
    roots.set(root, files);
  }
  const body = files.get(url);
  const type = TYPES[path.extname(url)];
  if (!body || !type) return false;
  res.writeHead(200, {
    'content-type': type,
    'content-encoding': 'br',
    'content-length': body.length,
    'cache-control': 'public, max-age=31536000, immutable',
    vary: 'Accept-Encoding',
    'x-content-type-options': 'nosniff',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
