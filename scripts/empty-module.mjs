// Stands in for 'server-only' outside React's server bundles (scripts/build-server.mjs).
export {};
