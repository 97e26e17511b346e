/**
 * npm run bench:phone — what a resident's phone sees: Lighthouse (mobile preset: a mid-range phone
 * on slow 4G, simulated) driving Debian's Chromium, logged in as 刘建国 (an owner of 合和大院), on the
 * home page, the compound, its topic list, a topic with six photos, a vote and the notice board.
 *
 * Needs a build (npm run build). Starts the production server on a fresh demo database of its own
 * (bench/data/phone), adds what the demo lacks — a topic with six phone-camera photos (stored by the
 * upload path, sizes included) and an open owners' decision — logs in through next-auth, then runs
 * Lighthouse BENCH_PHONE_RUNS (3) times per page. Writes bench/results/phone-<date>.json and .md.
 *
 * Options: BENCH_PHONE_RUNS (3), BENCH_PHONE_PORT (3440), CHROMIUM_PATH (/usr/bin/chromium).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { login } from './http-login';

const DATA = path.resolve('bench/data/phone');
const PORT = Number(process.env.BENCH_PHONE_PORT ?? 3440);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 3);
const CHROME = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RESIDENT = '13800000004';

interface PageResult {
  name: string;
  url: string;
  performance: number[];
  lcpMs: number[];
  fcpMs: number[];
  tbtMs: number[];
  cls: number[];
  totalKb: number[];
  scriptKb: number[];
  imageKb: number[];
  legacyJsKb: number[];
  bfcache: string[];
}

async function waitForHealth() {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}

/** A phone-camera photo: 4000×3000 with gradients and grain, as a 2–4 MB JPEG. */
async function cameraPhoto(seed: number): Promise<Buffer> {
  const sharp = (await import('sharp')).default;
  const width = 4000;
  const height = 3000;
  const pixels = Buffer.alloc(width * height * 3);
  let x = seed * 7919;
  for (let i = 0; i < pixels.length; i += 3) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const p = i / 3;
    const grain = (x >> 16) % 24;
    pixels[i] = ((p % width) / 16 + seed * 40 + grain) & 255;
    pixels[i + 1] = (Math.floor(p / width) / 12 + grain) & 255;
    pixels[i + 2] = (((p % width) + Math.floor(p / width)) / 28 + grain) & 255;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toBuffer();
}

/** What the demo lacks for this: a topic with six photos, and an open owners' decision. */
async function prepare() {
  process.env.DATABASE_PATH = path.join(DATA, 'yishi.db');
  process.env.DATA_DIR = DATA;
  const { getDb } = await import('../db/client');
  const { storePhotos } = await import('../server/uploads');
  const { openVote } = await import('../db/voting/open');
  const db = getDb().$client;
  const compound = db.prepare(`select id from compounds where name = '合和大院'`).get() as { id: number };
  const author = db.prepare(`select id from people where mobile = ?`).get(RESIDENT) as { id: number };
  const chair = db.prepare(`select id from people where mobile = '13800000002'`).get() as { id: number };
  const topic = (title: string, description: string) =>
    Number(
      db
        .prepare(`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at, reviewed_at)
                  values (?, ?, ?, ?, 'repairs', 'deliberating', ?, ?, ?)`)
        .run(compound.id, author.id, title, description, Date.now(), Date.now(), Date.now()).lastInsertRowid,
    );
  const withPhotos = topic(
    '3号楼屋顶漏水，顶楼住户墙面发霉',
    '连续下雨后3号楼2单元顶楼漏水，六张照片是各户的情况，请物业尽快维修屋面防水。',
  );
  const photos = await Promise.all([1, 2, 3, 4, 5, 6].map(cameraPhoto));
  const stored = await storePhotos(compound.id, photos);
  for (const p of stored) {
    db.prepare(
      `insert into topic_photos (compound_id, topic_id, file, mime, bytes, created_at) values (?, ?, ?, ?, ?, ?)`,
    ).run(compound.id, withPhotos, p.file, p.mime, p.bytes, Date.now());
  }
  const voted = topic('是否使用维修资金更换屋面防水', '请业主对使用维修资金更换3号楼屋面防水进行表决。');
  const now = Date.now();
  const voteId = openVote(
    {
      compoundId: compound.id,
      topicId: voted,
      kind: 'owners',
      question: '是否同意使用维修资金更换3号楼屋面防水？',
      matterItem: 5,
      choiceMode: 'single',
      secret: false,
      allowChange: false,
      buildingIds: null,
      nonVotersFollowMajority: false,
      startsAt: now - 60_000,
      endsAt: now + 7 * 86_400_000,
      options: [
        { key: 'agree', label: '同意' },
        { key: 'disagree', label: '不同意' },
        { key: 'abstain', label: '弃权' },
      ],
      openedBy: chair.id,
    },
    [],
    now,
  );
  if (voteId === null) throw new Error('could not open the vote');
  const originalKb = Math.round(stored.reduce((n, p) => n + p.bytes, 0) / 1024);
  return { compoundId: compound.id, topicId: withPhotos, voteId, originalKb };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const range = (xs: number[], digits = 0) => {
  const f = (x: number) => x.toFixed(digits);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return lo === hi ? f(lo) : `${f(lo)}–${f(hi)}`;
};

async function audit(pages: { name: string; url: string }[], cookie: string): Promise<PageResult[]> {
  const lighthouse = (await import('lighthouse')).default;
  const { launch } = await import('chrome-launcher');
  const out: PageResult[] = pages.map((p) => ({
    ...p,
    performance: [],
    lcpMs: [],
    fcpMs: [],
    tbtMs: [],
    cls: [],
    totalKb: [],
    scriptKb: [],
    imageKb: [],
    legacyJsKb: [],
    bfcache: [],
  }));
  for (let run = 0; run < RUNS; run++) {
    for (const page of out) {
      const chrome = await launch({
        chromePath: CHROME,
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
      });
      try {
        const result = await lighthouse(`${BASE}${page.url}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
          extraHeaders: { Cookie: cookie },
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`no Lighthouse result for ${page.url}`);
        if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(`${BASE}${page.url}`).pathname) {
          throw new Error(`${page.url} ended at ${lhr.finalDisplayedUrl} (not logged in?)`);
        }
        const a = lhr.audits;
        const resources = (
          a['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] }
        )?.items;
        const kb = (type: string) =>
          Math.round((resources?.find((r) => r.resourceType === type)?.transferSize ?? 0) / 1024);
        page.performance.push(Math.round((lhr.categories.performance?.score ?? 0) * 100));
        page.lcpMs.push(a['largest-contentful-paint']?.numericValue ?? 0);
        page.fcpMs.push(a['first-contentful-paint']?.numericValue ?? 0);
        page.tbtMs.push(a['total-blocking-time']?.numericValue ?? 0);
        page.cls.push(a['cumulative-layout-shift']?.numericValue ?? 0);
        page.totalKb.push(kb('total'));
        page.scriptKb.push(kb('script'));
        page.imageKb.push(kb('image'));
        page.legacyJsKb.push(
          Math.round(
            ((a['legacy-javascript']?.details as { overallSavingsBytes?: number })?.overallSavingsBytes ?? 0) / 1024,
          ),
        );
        page.bfcache.push(a['bf-cache']?.score === 1 ? 'yes' : a['bf-cache'] ? 'no' : '—');
        process.stdout.write(
          `${page.name}\trun ${run + 1}\tperformance ${page.performance.at(-1)}\tLCP ${Math.round(page.lcpMs.at(-1) ?? 0)} ms\t${page.totalKb.at(-1)} KB (JS ${page.scriptKb.at(-1)} KB)\n`,
        );
      } finally {
        chrome.kill();
      }
    }
  }
  return out;
}

function table(results: PageResult[]) {
  const lines = [
    '| page | performance | LCP s | FCP s | TBT ms | CLS | transfer KB | JS KB | images KB | legacy JS KB | back/forward cache |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.name} | ${median(r.performance)} (${range(r.performance)}) | ${(median(r.lcpMs) / 1000).toFixed(1)} (${range(
        r.lcpMs.map((x) => x / 1000),
        1,
      )}) | ${(median(r.fcpMs) / 1000).toFixed(1)} | ${Math.round(median(r.tbtMs))} | ${median(r.cls).toFixed(3)} | ${median(r.totalKb)} | ${median(r.scriptKb)} | ${median(r.imageKb)} | ${median(r.legacyJsKb)} | ${[...new Set(r.bfcache)].join('/')} |`,
    );
  }
  return lines.join('\n');
}

async function main() {
  if (!fs.existsSync('.next/BUILD_ID') || !fs.existsSync('.next/yishi/serve.mjs')) {
    throw new Error('no build: run npm run build first');
  }
  fs.rmSync(DATA, { recursive: true, force: true });
  fs.mkdirSync(DATA, { recursive: true });
  const env = {
    ...process.env,
    DATA_DIR: DATA,
    DATABASE_PATH: path.join(DATA, 'yishi.db'),
    SEED_DEMO: '1',
    NEXT_TELEMETRY_DISABLED: '1',
    WEB_CONCURRENCY: process.env.WEB_CONCURRENCY ?? '2',
  };
  const server = spawn('node', ['scripts/serve.mjs', String(PORT), '127.0.0.1'], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  try {
    await waitForHealth();
    const made = await prepare();
    const cookie = await login(BASE, RESIDENT, 'yishi2026');
    const c = made.compoundId;
    const pages = [
      { name: 'home', url: '/' },
      { name: 'compound', url: `/c/${c}` },
      { name: 'topic list', url: `/c/${c}/topics` },
      { name: 'topic with six photos', url: `/c/${c}/topics/${made.topicId}` },
      { name: 'vote (open owners’ decision)', url: `/c/${c}/votes/${made.voteId}` },
      { name: 'notice board', url: `/c/${c}/board` },
    ];
    // A server that has been running: each page rendered a few times before it is measured.
    for (const page of pages) {
      for (let i = 0; i < 3; i++) await (await fetch(`${BASE}${page.url}`, { headers: { cookie } })).text();
    }
    const results = await audit(pages, cookie);
    const md = table(results);
    console.log(`\n${md}\n`);
    const date = new Date().toISOString().slice(0, 10);
    fs.mkdirSync('bench/results', { recursive: true });
    const report = {
      date: new Date().toISOString(),
      lighthouse: '12.8.2, mobile preset (simulated slow 4G, 4× CPU slowdown), performance category',
      runsPerPage: RUNS,
      resident: RESIDENT,
      photos: { count: 6, originalsKb: made.originalKb },
      results,
    };
    fs.writeFileSync(`bench/results/phone-${date}.json`, `${JSON.stringify(report, null, 2)}\n`);
    fs.writeFileSync(
      `bench/results/phone-${date}.md`,
      `# Phone benchmark ${date}\n\nLighthouse 12.8.2, mobile preset (a mid-range phone on slow 4G, simulated; 4× CPU slowdown), Debian's Chromium, logged in as a resident (${RESIDENT}); ${RUNS} runs per page, median (range). The topic's six photos were uploaded as ${made.originalKb} KB of camera JPEGs.\n\n${md}\n`,
    );
    console.log(`written bench/results/phone-${date}.json and .md`);
  } finally {
    process.kill(-(server.pid ?? 0), 'SIGTERM');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
