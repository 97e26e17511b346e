/**
 * Bundles what the production server (scripts/serve.mjs) runs before Next's router into
 * .next/yishi/, after `next build`: the ballot endpoint (docs/decisions/0009), the rule that says
 * who the client is (docs/decisions/0014) and the guard against malformed requests
 * (docs/decisions/0015). Run by `npm run build`.
 * The bundle holds the same TypeScript the route handler runs; only the native SQLite driver
 * stays outside, and 'server-only' (a guard for React bundles) becomes an empty module.
 */
import { build } from 'esbuild';

await build({
  entryPoints: {
    'fast-path': 'server/voting/fast-path.ts',
    'client-address': 'server/http/pin-client-address.ts',
    'http-guard': 'server/http/guard.ts',
  },
  outdir: '.next/yishi',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3'],
  alias: { 'server-only': './scripts/empty-module.mjs' },
  // Bundled CommonJS packages call require(); an ES module has none of its own.
  banner: {
    js: "import { createRequire as yishiRequire } from 'node:module'; const require = yishiRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
console.log('[yishi] endpoints bundled into .next/yishi/');
