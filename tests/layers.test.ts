/**
 * The house's layer rules (docs/decisions/0016-layout.md), enforced rather than hoped for:
 *
 *   app/ ──▶ server/ ──▶ db/ ──▶ lib/
 *
 * - lib/ is pure: nothing from db/, server/, app/, Next, next-auth or next-intl's server side.
 * - db/ takes nothing from server/ or app/, and nothing from Next.
 * - server/ takes nothing from app/.
 * - A client component ('use client') takes nothing from db/ or server/: only what it is handed.
 * - Route folders do not reach into each other: a file in app/ imports from app/_components/, from
 *   its own folder and the folders above it (and their private `_folders`), never from a sibling route.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..');
const LAYERS = ['app', 'server', 'db', 'lib'] as const;
type Layer = (typeof LAYERS)[number];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(p);
    }
  };
  walk(path.join(ROOT, dir));
  return out;
}

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function specifiers(source: string): string[] {
  const found = new Set<string>();
  const patterns = [
    /\bfrom\s+['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
    /^\s*import\s+['"]([^'"]+)['"]/gm,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) if (m[1]) found.add(m[1]);
  return [...found];
}

/** The project-relative path a specifier points at, or null for a package. */
function resolve(fromFile: string, spec: string): string | null {
  if (spec.startsWith('@/')) return spec.slice(2);
  if (spec.startsWith('.')) return path.relative(ROOT, path.resolve(path.dirname(fromFile), spec));
  return null;
}

const layerOf = (rel: string): Layer | null => LAYERS.find((l) => rel === l || rel.startsWith(`${l}/`)) ?? null;

const NEXT_PACKAGES = /^(next|next\/.*|next-auth|next-auth\/.*|next-intl\/server|next-intl\/.*|react-dom\/server)$/;

interface Violation {
  file: string;
  imports: string;
  rule: string;
}

function violationsOf(file: string): Violation[] {
  const rel = path.relative(ROOT, file);
  const layer = layerOf(rel);
  if (!layer) return [];
  const source = fs.readFileSync(file, 'utf8');
  const isClient = /^\s*['"]use client['"]/.test(source);
  const out: Violation[] = [];
  for (const spec of specifiers(source)) {
    const target = resolve(file, spec);
    const to = target ? layerOf(target) : null;
    const bad = (rule: string) => out.push({ file: rel, imports: spec, rule });
    if (layer === 'lib') {
      if (to && to !== 'lib') bad('lib is pure: it imports only lib');
      if (!target && (NEXT_PACKAGES.test(spec) || spec === 'better-sqlite3' || spec.startsWith('drizzle-orm'))) {
        bad('lib is pure: no Next, next-auth, next-intl server, SQLite or drizzle');
      }
    }
    if (layer === 'db') {
      if (to === 'app' || to === 'server') bad('db imports only db and lib');
      if (!target && NEXT_PACKAGES.test(spec)) bad('db knows nothing of Next');
    }
    if (layer === 'server' && to === 'app') bad('server imports nothing from app');
    if (isClient && (to === 'db' || to === 'server')) bad("a 'use client' file imports nothing from db or server");
    if (layer === 'app' && to === 'app' && target) {
      const shared = target.startsWith('app/_components/') || target.includes('/_components/');
      const fromDir = path.dirname(rel);
      const toDir = path.dirname(target);
      const upOrSame = fromDir === toDir || fromDir.startsWith(`${toDir}/`);
      // A private folder (`_name`: never a route) belongs to the folder holding it, like its own files.
      const owner = path.basename(toDir).startsWith('_') ? path.dirname(toDir) : null;
      const ownPrivate = owner !== null && (fromDir === owner || fromDir.startsWith(`${owner}/`));
      if (!shared && !upOrSame && !ownPrivate) bad('route folders do not import each other');
    }
  }
  return out;
}

describe('layers', () => {
  const all = LAYERS.flatMap((l) => sourceFiles(l)).flatMap(violationsOf);

  it('finds the files it checks', () => {
    expect(sourceFiles('lib').length).toBeGreaterThan(20);
    expect(sourceFiles('app').length).toBeGreaterThan(20);
  });

  for (const rule of [
    'lib is pure: it imports only lib',
    'lib is pure: no Next, next-auth, next-intl server, SQLite or drizzle',
    'db imports only db and lib',
    'db knows nothing of Next',
    'server imports nothing from app',
    "a 'use client' file imports nothing from db or server",
    'route folders do not import each other',
  ]) {
    it(rule, () => {
      expect(all.filter((v) => v.rule === rule).map((v) => `${v.file} → ${v.imports}`)).toEqual([]);
    });
  }

  it("lets a route use its own private folder, never another route's", () => {
    const dir = path.join(ROOT, 'app', '__planted__');
    fs.mkdirSync(path.join(dir, 'child'), { recursive: true });
    const own = path.join(dir, 'page.tsx');
    const below = path.join(dir, 'child', 'page.tsx');
    const sibling = path.join(ROOT, 'app', '__planted_sibling__.tsx');
    fs.writeFileSync(own, "import { A } from './_parts/a';\n");
    fs.writeFileSync(below, "import { A } from '../_parts/a';\n");
    fs.writeFileSync(sibling, "import { A } from './__planted__/child/_parts/a';\n");
    try {
      expect(violationsOf(own)).toEqual([]);
      expect(violationsOf(below)).toEqual([]);
      expect(violationsOf(sibling).map((v) => v.rule)).toEqual(['route folders do not import each other']);
    } finally {
      fs.rmSync(dir, { recursive: true });
      fs.rmSync(sibling);
    }
  });

  it('catches what it should (a planted violation of each rule)', () => {
    const planted = path.join(ROOT, 'lib', '__planted__.ts');
    fs.writeFileSync(planted, "import { getDb } from '@/db/client';\nimport { notFound } from 'next/navigation';\n");
    try {
      expect(violationsOf(planted).map((v) => v.rule)).toEqual([
        'lib is pure: it imports only lib',
        'lib is pure: no Next, next-auth, next-intl server, SQLite or drizzle',
      ]);
    } finally {
      fs.rmSync(planted);
    }
  });
});
