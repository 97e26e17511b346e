'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { announceAssembly } from '@/db/assembly/announce';
import { closeAssembly } from '@/db/assembly/moves';
import { everyoneVoted } from '@/db/assembly/read';
import { assemblyRulesOf } from '@/db/assembly/rules';
import { getTopic } from '@/db/topics/read';
import type { ActionResult } from '@/lib/actions/result';
import { canAnnounceAssembly, canCloseAssembly, checkSchedule } from '@/lib/assembly/rules';
import { announceSchema } from '@/lib/assembly/validation';
import { planMove } from '@/lib/topics/lifecycle';
import { checkDocuments, MAX_MATERIALS } from '@/lib/uploads/documents';
import { assemblyContext } from '@/server/assembly/context';
import { removeDocuments, storeDocuments } from '@/server/assembly/documents';
import { fail, failField, fieldOf, formToObject, inCompound, invalid, isFailure } from '@/server/actions';
import { readUploads } from '@/server/uploads';

type Result<T = null> = ActionResult<T>;

const STANDARD = ['agree', 'disagree', 'abstain'] as const;

/**
 * The owners' committee announces an assembly: its notice, one or more matters, materials, how to
 * vote and the schedule the compound's rules allow (notice period, voting period, objection deadline).
 * The electorate is frozen now so owners can object to their entry; every owner is told.
 */
export async function announceAssemblyAction(
  compoundId: number,
  _prev: Result<{ assemblyId: number }> | null,
  form: FormData,
): Promise<Result<{ assemblyId: number }>> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const denied = canAnnounceAssembly(ctx.roles);
  if (denied) return fail(denied);
  const parsed = announceSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const a = parsed.data;
  const settings = assemblyRulesOf(ctx.compound.id);
  if (!settings) return fail('notFound');
  const now = Date.now();
  const problems = checkSchedule({ announcedAt: now, ...a }, settings.rules);
  if (problems.length > 0) {
    const te = await getTranslations('errors');
    const fieldErrors = Object.fromEntries(problems.map((p) => [p.field, te(p.key as 'notFound', p.values)] as const));
    return { ok: false, code: problems[0]?.key, message: Object.values(fieldErrors).join(' '), fieldErrors };
  }
  for (const m of a.matters) {
    const topic = getTopic(ctx.compound.id, m.topicId);
    if (!topic) return failField(`m${m.row}_topicId`, 'notFound');
    if (!planMove('open_vote', topic.status, ctx.roles).ok) return failField(`m${m.row}_topicId`, 'wrongState');
  }
  const uploads = await readUploads(form, 'files', MAX_MATERIALS);
  const problem = checkDocuments(uploads, MAX_MATERIALS);
  if (problem) return failField('files', `document.${problem.problem}`, { name: problem.name, max: MAX_MATERIALS });
  const tv = await getTranslations('votes');
  const stored = await storeDocuments(ctx.compound.id, uploads);
  const result = announceAssembly(
    {
      compoundId: ctx.compound.id,
      announcedBy: ctx.actor.personId,
      title: a.title,
      materials: a.materials,
      howToVote: a.howToVote,
      ballotBox: a.ballotBox,
      objectionsUntil: a.objectionsUntil,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      rules: settings.rules,
      nonVotersFollowMajority: settings.nonVotersFollowMajority,
      matters: a.matters.map((m) => ({
        topicId: m.topicId,
        kind: m.kind,
        item: m.item,
        question: m.question,
        abstainLabel: tv('choices.abstain'),
        options:
          m.kind === 'choice'
            ? [
                ...m.options.map((label, i) => ({ key: `o${i + 1}`, label })),
                { key: 'abstain', label: tv('choices.abstain') },
              ]
            : STANDARD.map((key) => ({ key, label: tv(`choices.${key}`) })),
      })),
      files: stored,
    },
    now,
  );
  if (!result.ok) {
    await removeDocuments(
      ctx.compound.id,
      stored.map((s) => s.file),
    );
    return result.field ? failField(result.field, result.error, result.values) : fail(result.error, result.values);
  }
  revalidatePath(`/c/${ctx.compound.id}/assemblies`);
  revalidatePath('/');
  for (const m of a.matters) revalidatePath(`/c/${ctx.compound.id}/topics/${m.topicId}`);
  const t = await getTranslations('assembly');
  return { ok: true, data: { assemblyId: result.assemblyId }, message: t('announced') };
}

/**
 * The committee closes an open assembly after its end time, or before it only when every eligible
 * voter has voted on every matter; all matters are counted at once (the clock does the same at the end).
 */
export async function closeAssemblyAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await assemblyContext(compoundId, fieldOf(form, 'assemblyId'));
  if (isFailure(ctx)) return ctx;
  const now = Date.now();
  const denied = canCloseAssembly(ctx.roles, ctx.assembly, now, everyoneVoted(ctx.assembly.id));
  if (denied) return fail(denied);
  if (!closeAssembly(ctx.compound.id, ctx.assembly.id, ctx.actor.personId, now)) return fail('voteClosed');
  revalidatePath(`/c/${ctx.compound.id}/assemblies/${ctx.assembly.id}`);
  revalidatePath(`/c/${ctx.compound.id}/board`);
  return { ok: true, data: null, message: (await getTranslations('assembly'))('closed') };
}
