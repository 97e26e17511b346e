import { createSerwistRoute } from '@serwist/turbopack';
import { buildRevision } from '@/server/sw-revision';

/**
 * Serves the service worker (/serwist/sw.js), bundled at build time from app/sw.ts with the list of
 * files to precache: the built scripts and styles, public/ (icons) and the offline page. Bundled
 * again in the running server after a revalidation, it must come out the same byte for byte
 * (server/sw-revision.ts).
 */
export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'app/sw.ts',
  useNativeEsbuild: true,
  esbuildOptions: { sourcemap: false },
  globIgnores: ['public/templates/**'],
  additionalPrecacheEntries: [{ url: '/~offline', revision: buildRevision() }],
});
