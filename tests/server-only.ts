// Vitest runs outside React's server environment; the real 'server-only' package would throw.
export {};
