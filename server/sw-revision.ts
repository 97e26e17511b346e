import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The offline page's precache revision in the service worker (app/serwist/[path]/route.ts): the
 * build's script and style names (content-hashed), so it changes with every build and only then.
 * The worker is prerendered at build time, but a `revalidatePath` of the root layout makes the next
 * request bundle it again in the running server: with a revision that differed (it was `Date.now()`),
 * every open browser then installed a "new" worker, which claimed their pages mid-navigation — the
 * browser stories' rare minute-long page loads.
 */
export function buildRevision(root: string = process.cwd()): string {
  const chunks = path.join(/*turbopackIgnore: true*/ root, '.next', 'static', 'chunks');
  let names: string[] = [];
  try {
    // Only what the build emits: the production build adds a brotli copy (.br) of each file afterwards.
    names = fs
      .readdirSync(chunks, { recursive: true })
      .map(String)
      .filter((name) => /\.(js|css)$/.test(name))
      .sort();
  } catch {
    // No build output (a development server): any fixed revision will do.
  }
  return createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 16);
}
