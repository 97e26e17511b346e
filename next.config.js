// @ts-check
const path = require('node:path');
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules stay outside the server bundle.
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2'],
  outputFileTracingRoot: path.join(__dirname),
  turbopack: { root: path.join(__dirname) },
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: '40mb' },
  },
};

module.exports = withNextIntl(nextConfig);
