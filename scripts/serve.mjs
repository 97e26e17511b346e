/**
 * Starts the production server: .next/yishi/serve.mjs, which `npm run build` bundles from
 * server/http/serve.ts (read that file for what the server does).
 *
 *   node scripts/serve.mjs [port] [host]      (PORT, HOST, WEB_CONCURRENCY from the environment too)
 */
import fs from 'node:fs';

const bundle = new URL('../.next/yishi/serve.mjs', import.meta.url);
if (!fs.existsSync(bundle)) {
  console.error(
    '[yishi] cannot start: .next/yishi/serve.mjs is missing. Run `npm run build` first (it builds the app and its server).',
  );
  process.exit(1);
}
await import(bundle.href);
