import 'server-only';
import { getAssembly } from '@/db/assembly/read';
import { assemblyIdSchema } from '@/lib/assembly/validation';
import { fail, inCompound, isFailure } from '@/server/actions';

/** The actor, the compound and an assembly of that compound; another compound's assembly is "not found". */
export async function assemblyContext(compoundId: unknown, assemblyId: unknown) {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = assemblyIdSchema.safeParse({ assemblyId });
  const assembly = parsed.success ? getAssembly(ctx.compound.id, parsed.data.assemblyId) : undefined;
  if (!assembly) return fail('notFound');
  return { ...ctx, assembly };
}
