/**
 * Bundles the production server (server/http/serve.ts: its workers, Next's handler and what runs
 * before Next's router — the client's address, the guard, the ballot fast path) with esbuild into
 * .next/yishi/serve.mjs, after `next build`. Run by `npm run build`; scripts/serve.mjs starts it.
 * One entry and no route paths here: what the server answers itself is decided in its own code.
 * Next itself and the native SQLite driver stay outside the bundle (Next's own files serve the
 * pages), and 'server-only' (a guard for React bundles) becomes an empty module.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib, { brotliCompressSync } from 'node:zlib';
import { build } from 'esbuild';

const OUT = '.next/yishi';

/** `next` is loaded from node_modules as `next start` would; its internal files may be bundled. */
const nextOutside = {
  name: 'next-outside',
  setup(b) {
    b.onResolve({ filter: /^next$/ }, () => ({ path: 'next', external: true }));
  },
};

// Nothing left from an earlier layout of the bundle (fast-path.mjs, http-guard.mjs …).
fs.rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: { serve: 'server/http/serve.ts' },
  outdir: OUT,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // The worker's code is a chunk of its own, loaded by workers only (the primary stays small).
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  plugins: [nextOutside],
  alias: { 'server-only': './scripts/empty-module.mjs' },
  // Bundled CommonJS packages call require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as yishiRequire } from 'node:module'; const require = yishiRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
console.log(`[yishi] production server bundled into ${OUT}/serve.mjs`);

// Next's scripts and styles, compressed once at the highest brotli level: the production server
// sends these to browsers that take brotli (server/http/static-brotli.ts); Next itself only gzips.
const STATIC = '.next/static';
let compressed = 0;
for (const entry of fs.readdirSync(STATIC, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(js|css)$/.test(entry.name)) continue;
  const file = path.join(entry.parentPath, entry.name);
  const body = fs.readFileSync(file);
  fs.writeFileSync(`${file}.br`, brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  compressed++;
}
console.log(`[yishi] ${compressed} static files brotli-compressed`);
