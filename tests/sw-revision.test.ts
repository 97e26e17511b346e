import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRevision } from '../server/sw-revision';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-sw-'));
const chunks = path.join(root, '.next', 'static', 'chunks');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('the service worker’s offline-page revision', () => {
  it('is the same when the worker is bundled again after the build compressed its files', () => {
    fs.mkdirSync(path.join(chunks, 'app'), { recursive: true });
    for (const f of ['0a1b2c.js', 'app/3d4e5f.js', '9f8e.css']) fs.writeFileSync(path.join(chunks, f), 'x');
    const atBuild = buildRevision(root);
    expect(buildRevision(root)).toBe(atBuild);
    for (const f of ['0a1b2c.js.br', 'app/3d4e5f.js.br', '9f8e.css.br']) fs.writeFileSync(path.join(chunks, f), 'x');
    expect(buildRevision(root)).toBe(atBuild);
  });

  it('changes with a new build’s scripts', () => {
    const before = buildRevision(root);
    fs.writeFileSync(path.join(chunks, '77aa.js'), 'x');
    expect(buildRevision(root)).not.toBe(before);
  });

  it('is fixed without build output (a development server)', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'yishi-sw-none-'));
    expect(buildRevision(empty)).toBe(buildRevision(empty));
    fs.rmSync(empty, { recursive: true, force: true });
  });
});
