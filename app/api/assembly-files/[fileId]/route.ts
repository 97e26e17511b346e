import { findAssemblyFile } from '@/db/assembly/read';
import { findCompoundPlace } from '@/db/places/places';
import { canViewCompound, rolesIn } from '@/lib/auth/permissions';
import { COMMITTEE, hasAny } from '@/lib/auth/roles';
import { otherMethods } from '@/lib/http';
import { readDocument } from '@/server/assembly/documents';
import { parseId } from '@/server/auth/guards';
import { getActor } from '@/server/auth/session';

export const dynamic = 'force-dynamic';

const notFound = () => new Response('Not found', { status: 404 });

/**
 * An assembly's file: its materials to every member of its compound; a signed proxy authorisation only
 * to the owners' committee, who check it, and to the two people it names. Everyone else: 404.
 */
export async function GET(_req: Request, ctx: { params: Promise<{ fileId: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response('Unauthorized', { status: 401 });
  const id = parseId((await ctx.params).fileId);
  const f = id ? findAssemblyFile(id) : undefined;
  if (!f) return notFound();
  const place = findCompoundPlace(f.compoundId);
  if (!place || canViewCompound(actor, place)) return notFound();
  if (f.kind === 'proxy') {
    const mine = actor.personId === f.grantorId || actor.personId === f.agentId;
    if (!mine && !hasAny(rolesIn(actor, place), COMMITTEE)) return notFound();
  }
  const bytes = await readDocument(f.compoundId, f.file);
  if (!bytes) return notFound();
  const pdf = f.mime === 'application/pdf';
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': f.mime,
      // A PDF is downloaded rather than shown inside the site; a photo is shown.
      'Content-Disposition': `${pdf ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(f.name)}`,
      'Cache-Control': 'private, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'",
    },
  });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods('GET, HEAD');
