import { findCompoundPlace } from '@/db/places/places';
import { findPhoto } from '@/db/topics/read';
import { parseId } from '@/server/auth/guards';
import { canViewCompound } from '@/lib/auth/permissions';
import { getActor } from '@/server/auth/session';
import { parseWidth } from '@/server/photo-sizes';
import { readPhoto, readPhotoSize } from '@/server/uploads';
import { otherMethods } from '@/lib/http';

export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404 });

/**
 * A topic photo, served only to people who belong to its compound; everyone else gets 404.
 * `?w=256` or `?w=1024`: the phone sizes (WebP), made on first request for photos uploaded before
 * they existed; without it, the photo as uploaded.
 */
export async function GET(req: Request, ctx: { params: Promise<{ photoId: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response('Unauthorized', { status: 401 });
  const id = parseId((await ctx.params).photoId);
  const photo = id ? findPhoto(id) : undefined;
  if (!photo) return notFound();
  const place = findCompoundPlace(photo.compoundId);
  if (!place || canViewCompound(actor, place)) return notFound();
  const width = parseWidth(new URL(req.url).searchParams.get('w'));
  const sized = width ? await readPhotoSize(photo.compoundId, photo.file, width) : null;
  const bytes = sized ?? (await readPhoto(photo.compoundId, photo.file));
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': sized ? 'image/webp' : photo.mime,
      'Cache-Control': 'private, max-age=86400',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    },
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET, HEAD');
