/**
 * npm run clock -- [--at <ISO time> | --advance-days <n>] [--topic <id>]
 *
 * Runs the platform's clock once: votes due to close, notice periods that ended, tasks gone
 * overdue or due to escalate, rating periods that ended. The server does this every 30 seconds by
 * itself; this is for operators (e.g. a cron job while the server is down for maintenance) and for
 * rehearsals: `--at` / `--advance-days` run it as if it were that time, and `--topic` limits the
 * follow-through timers to one topic (votes are then left to the server's own clock).
 */
import { tick } from '../server/clock';

const DAY = 86_400_000;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): number {
  const at = arg('--at');
  const advance = arg('--advance-days');
  const topic = arg('--topic');
  let now = Date.now();
  if (at !== undefined) now = Date.parse(at);
  if (advance !== undefined) now += Number(advance) * DAY;
  const onlyTopic = topic === undefined ? null : Number(topic);
  if (!Number.isFinite(now) || (onlyTopic !== null && !(Number.isSafeInteger(onlyTopic) && onlyTopic > 0))) {
    console.error('usage: npm run clock -- [--at <ISO time> | --advance-days <n>] [--topic <id>]');
    return 2;
  }
  const report = tick(now, { votes: onlyTopic === null, onlyTopic });
  console.log(`clock at ${new Date(now).toISOString()}: ${JSON.stringify(report)}`);
  return 0;
}

process.exitCode = main();
