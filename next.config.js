// @ts-check
const path = require('node:path');
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules stay outside the server bundle.
  // esbuild bundles the service worker at build time (app/serwist/[path]/route.ts).
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', 'esbuild', 'esbuild-wasm'],
  outputFileTracingRoot: path.join(__dirname),
  turbopack: { root: path.join(__dirname) },
  poweredByHeader: false,
  // Headers for pages and static files; the page CSP with its nonce comes from proxy.ts. API routes
  // set their own (lib/http.ts), which keeps the ballot route's per-request work small.
  async headers() {
    return [
      {
        source: '/((?!api/).*)',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
      {
        // A new service worker must reach phones at once, not after a year in some cache.
        source: '/serwist/:path*',
        headers: [{ key: 'Cache-Control', value: 'no-cache' }],
      },
    ];
  },
  experimental: {
    serverActions: { bodySizeLimit: '40mb' },
  },
};

module.exports = withNextIntl(nextConfig);
