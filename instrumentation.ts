/**
 * Runs once when the server starts: applies committed migrations, then seeds the demo district
 * into an empty database (unless SEED_DEMO=0). Skipped while `next build` collects pages.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDb } = await import('./db/client');
  const { migrateDatabase } = await import('./db/migrate');
  // A bad SMS configuration stops the server now rather than at the first sign-in.
  const { smsSender } = await import('./server/sms/instance');
  const sms = smsSender();
  if (sms) console.log(`[yishi] sign-in by SMS is on (driver: ${sms.driver})`);
  const db = getDb();
  migrateDatabase(db);
  const seed = (process.env.SEED_DEMO ?? '1').toLowerCase();
  if (!['0', 'false', 'no'].includes(seed)) {
    const { seedDemo } = await import('./db/seed');
    if (seedDemo(db, { year: true })) {
      const { seedDemoLetters } = await import('./server/activation/demo-letters');
      try {
        seedDemoLetters(Date.now());
      } catch (error) {
        // The demo's letters are a nicety: the district is seeded and the server must start without them.
        console.error('[yishi] demo activation letters not seeded', error);
      }
      console.log('[yishi] demo district seeded; see README for the demo logins');
    }
  }
  // With several workers (server/http/primary.ts) only the first runs the clock; its moves are
  // compare-and-set anyway, so a second clock could never move anything twice.
  if ((process.env.YISHI_WORKER ?? '1') === '1') {
    const { startClock } = await import('./server/clock');
    startClock();
    // Pushes to phones go out from the same worker, a few seconds after the change that caused them.
    const { startPushSender } = await import('./server/push/deliver');
    startPushSender();
  }
}
