/**
 * npm run bench:scaling — how each hot path's cost grows with the district: the app under the same
 * load at BENCH_SCALE 0.25, 0.5, 1 and 2 (2: 300,000 homes, 100,000 topics, a million comments),
 * p95 and req/s per path and scale. A page whose reads use their indexes stays flat; one that reads
 * a compound's or district's rows per request grows with them.
 *
 * Generates each district into bench/data/scale-<s> (seed BENCH_SEED) unless it is there, or uses
 * bench/data/district for the scale it was generated at. Needs a build. Writes
 * bench/results/scaling-<date>.json and .md. Options: BENCH_SCALES (0.25,0.5,1,2), BENCH_SECONDS (8),
 * BENCH_CONNECTIONS (50), BENCH_PORT.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freshCopy, measure, readManifest, type Result, WORKERS } from './harness';
import { addViewers, paths } from './paths';

const SCALES = (process.env.BENCH_SCALES ?? '0.25,0.5,1,2').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

function dataFor(scale: number): string {
  const district = path.resolve('bench/data/district');
  if (fs.existsSync(path.join(district, 'manifest.json')) && readManifest(district).scale === scale) return district;
  const dir = path.resolve(`bench/data/scale-${scale}`);
  if (!fs.existsSync(path.join(dir, 'manifest.json'))) {
    execFileSync('node', ['--conditions=react-server', '--import', 'tsx', 'bench/data-gen.ts'], {
      stdio: 'inherit',
      env: { ...process.env, BENCH_SCALE: String(scale), BENCH_DATA_DIR: dir },
    });
  }
  return dir;
}

async function main() {
  if (!fs.existsSync('.next/BUILD_ID') || !fs.existsSync('.next/yishi/serve.mjs')) {
    throw new Error('no build: run npm run build first');
  }
  const byScale: { scale: number; counts: Record<string, number>; results: Record<string, Result> }[] = [];
  let names: string[] = [];
  for (const scale of SCALES) {
    const dir = dataFor(scale);
    const manifest = readManifest(dir);
    let viewers: { sid: string; personId: number }[] = [];
    const prepare = (file: string) => {
      viewers = addViewers(file, manifest);
    };
    freshCopy(dir, prepare);
    const specs = (await paths(manifest, viewers)).filter((s) => !s.name.endsWith('10 connections'));
    names = specs.map((s) => s.name);
    console.log(`── scale ${scale}: ${manifest.counts.units} units, ${manifest.counts.topics} topics`);
    byScale.push({
      scale,
      counts: manifest.counts,
      results: await measure('next', dir, specs, SECONDS, CONNECTIONS, prepare),
    });
  }
  const head = byScale.map((s) => `${s.scale}× (${(s.counts.units ?? 0).toLocaleString('en')} homes)`);
  const lines = [
    `| path | ${head.map((h) => `p95 ms at ${h}`).join(' | ')} | ${head.map((h) => `req/s at ${h}`).join(' | ')} |`,
    `|---|${byScale.map(() => '---:').join('|')}|${byScale.map(() => '---:').join('|')}|`,
  ];
  for (const name of names) {
    const p95 = byScale.map((s) => s.results[name]?.p95 ?? '—');
    const rps = byScale.map((s) => s.results[name]?.requestsPerSecond ?? '—');
    lines.push(`| ${name} | ${p95.join(' | ')} | ${rps.join(' | ')} |`);
  }
  const md = lines.join('\n');
  console.log(`\n${md}\n`);
  const date = new Date().toISOString().slice(0, 10);
  fs.mkdirSync('bench/results', { recursive: true });
  fs.writeFileSync(
    `bench/results/scaling-${date}.json`,
    `${JSON.stringify({ date: new Date().toISOString(), secondsPerPath: SECONDS, connections: CONNECTIONS, appWorkers: WORKERS, byScale }, null, 2)}\n`,
  );
  fs.writeFileSync(
    `bench/results/scaling-${date}.md`,
    `# Scaling ${date}\n\nThe app on ${WORKERS} workers, ${CONNECTIONS} connections (dashboards 10 viewers), ${SECONDS} s per path, each path on a fresh copy of its district.\n\n${md}\n`,
  );
  console.log(`written bench/results/scaling-${date}.json and .md`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
