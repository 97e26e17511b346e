/**
 * Prints how many SQL statements each page runs. Start the server with YISHI_COUNT_SQL=1, then:
 *   npx tsx bench/sql-count.ts http://127.0.0.1:3000 13800000001 /c/1/topics /c/1/topics/1
 */
import { login } from './http-login';

async function count(base: string): Promise<number> {
  const res = await fetch(`${base}/api/debug/sql-count`);
  if (!res.ok) throw new Error('start the server with YISHI_COUNT_SQL=1');
  return ((await res.json()) as { count: number }).count;
}

async function main() {
  const [base = 'http://127.0.0.1:3000', mobile = '13800000001', ...paths] = process.argv.slice(2);
  const cookie = await login(base, mobile, process.env.BENCH_PASSWORD ?? 'yishi2026');
  for (const path of paths) {
    await fetch(`${base}${path}`, { headers: { cookie } }); // warm up (session touch, caches)
    const before = await count(base);
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    const after = await count(base);
    console.log(`${path}\t${res.status}\t${after - before} statements`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
