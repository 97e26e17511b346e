/**
 * Photos at phone sizes (server/photo-sizes.ts, app/api/photos): made when a photo is stored, made
 * on first request for a photo stored before sizes existed, WebP without the camera's metadata, and
 * the photo as uploaded when no size is asked for or none can be made.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { actAs, personId, setupDatabase, teardownDatabase } from './harness';

vi.mock('next/headers', () => import('./mocks/next-headers'));
vi.mock('@/server/auth/session', () => import('./mocks/session'));

const { storePhotos } = await import('@/server/uploads');
const { sizedName } = await import('@/server/photo-sizes');
const photoRoute = await import('@/app/api/photos/[photoId]/route');

let compoundId = 0;
let topicId = 0;
let dir = '';

/** A camera-like JPEG, 1600×1200, with EXIF. */
const camera = () =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 90, g: 140, b: 200 } } })
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Make: 'PhoneCam', Model: 'X1' } })
    .toBuffer();

function register(file: string, mime: string, bytes: number): number {
  const db = (globalThis as unknown as { yishiDb: import('@/db/client').Db }).yishiDb.$client;
  return Number(
    db
      .prepare(
        `insert into topic_photos (compound_id, topic_id, file, mime, bytes, created_at) values (?, ?, ?, ?, ?, ?)`,
      )
      .run(compoundId, topicId, file, mime, bytes, Date.now()).lastInsertRowid,
  );
}

async function get(id: number, query = '') {
  const res = await photoRoute.GET(new Request(`http://x/api/photos/${id}${query}`), {
    params: Promise.resolve({ photoId: String(id) }),
  });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(() => {
  const db = setupDatabase();
  const row = db.$client.prepare(`select id from compounds where name = '合和大院'`).get() as { id: number };
  compoundId = row.id;
  topicId = Number(
    db.$client
      .prepare(`insert into topics (compound_id, author_id, title, description, category, status, created_at, activity_at)
                values (?, ?, '屋顶漏水', '', 'repairs', 'raised', ?, ?)`)
      .run(compoundId, personId('13800000004'), Date.now(), Date.now()).lastInsertRowid,
  );
  dir = path.join(process.env.DATA_DIR ?? '', 'uploads', String(compoundId));
  actAs(personId('13800000004'));
});

afterAll(() => teardownDatabase());

describe('photo sizes', () => {
  it('are made when a photo is stored: a 256 px square and a 1024 px view, WebP, without EXIF', async () => {
    const [stored] = await storePhotos(compoundId, [await camera()]);
    if (!stored) throw new Error('not stored');
    const id = register(stored.file, stored.mime, stored.bytes);
    const thumb = await get(id, '?w=256');
    expect(thumb.type).toBe('image/webp');
    const t = await sharp(thumb.body).metadata();
    expect([t.format, t.width, t.height, t.exif]).toEqual(['webp', 256, 256, undefined]);
    const view = await sharp((await get(id, '?w=1024')).body).metadata();
    expect([view.width, view.height]).toEqual([1024, 768]);
    const original = await get(id);
    expect(original.type).toBe('image/jpeg');
    expect(original.body.length).toBe(stored.bytes);
  });

  it('are made on first request for a photo stored before sizes existed', async () => {
    const [stored] = await storePhotos(compoundId, [await camera()]);
    if (!stored) throw new Error('not stored');
    for (const w of [256, 1024] as const) fs.rmSync(path.join(dir, sizedName(stored.file, w)));
    const id = register(stored.file, stored.mime, stored.bytes);
    expect(fs.existsSync(path.join(dir, sizedName(stored.file, 256)))).toBe(false);
    const thumb = await get(id, '?w=256');
    expect(thumb.type).toBe('image/webp');
    expect(fs.existsSync(path.join(dir, sizedName(stored.file, 256)))).toBe(true);
    expect(fs.existsSync(path.join(dir, sizedName(stored.file, 1024)))).toBe(true);
  });

  it('fall back to the photo as uploaded when they cannot be made, or when no known size is asked', async () => {
    // A file that starts like a PNG but is not one: stored (the upload checks the first bytes), never sized.
    const broken = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
    const [stored] = await storePhotos(compoundId, [broken]);
    if (!stored) throw new Error('not stored');
    const id = register(stored.file, stored.mime, stored.bytes);
    const asked = await get(id, '?w=256');
    expect([asked.status, asked.type, asked.body.length]).toEqual([200, 'image/png', broken.length]);
    expect((await get(id, '?w=999')).type).toBe('image/png');
  });
});
