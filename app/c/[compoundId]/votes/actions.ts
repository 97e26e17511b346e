'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { buildingNames } from '@/db/places/register';
import { getTopic } from '@/db/topics/read';
import { findBallot, findVoter } from '@/db/voting/ballots';
import { closeVote } from '@/db/voting/close';
import { openVote } from '@/db/voting/open';
import { confirmPaperBallot, enterPaperBallot } from '@/db/voting/paper';
import { voteTurnout } from '@/db/voting/read';
import type { ActionResult } from '@/lib/actions/result';
import { fail, failField, fieldOf, formToObject, inCompound, invalid, isFailure } from '@/server/actions';
import { planMove } from '@/lib/topics/lifecycle';
import { canCloseVote, canConfirmPaper, canEnterPaper, canOpenVote, checkChoice } from '@/lib/voting/rules';
import { confirmPaperSchema, openVoteSchema, paperSchema } from '@/lib/voting/validation';
import { submitBallot } from '@/server/voting/cast-ballot/in-next';
import { voteContext } from '@/server/voting/vote-context';

const STANDARD = ['agree', 'disagree', 'abstain'] as const;

function revalidateVote(compoundId: number, voteId: number, topicId: number) {
  revalidatePath(`/c/${compoundId}/votes/${voteId}`);
  revalidatePath(`/c/${compoundId}/topics/${topicId}`);
}

/** Opens a consultation or a council vote on a topic under deliberation (owners' decisions go through an assembly). */
export async function openVoteAction(
  compoundId: number,
  _prev: ActionResult<{ voteId: number }> | null,
  form: FormData,
): Promise<ActionResult<{ voteId: number }>> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = openVoteSchema.safeParse(formToObject(form, ['buildingIds']));
  if (!parsed.success) return invalid(parsed.error);
  const v = parsed.data;
  const denied = canOpenVote(ctx.roles, v.kind);
  if (denied) return failField('kind', denied);
  // An owners' decision is called as an owners' assembly, with its notice period (docs/decisions/0017).
  if (v.kind === 'owners') return failField('kind', 'ownersViaAssembly');
  const topic = getTopic(ctx.compound.id, v.topicId);
  if (!topic) return fail('notFound');
  const plan = planMove('open_vote', topic.status, ctx.roles);
  if (!plan.ok) return fail(plan.reason === 'wrong_state' ? 'wrongState' : 'cannotOpenVote');
  const now = Date.now();
  if (v.endsAt <= now) return failField('endsAt', 'voteEndPast');
  const known = new Set(buildingNames(ctx.compound.id).map((b) => b.id));
  if (!v.buildingIds.every((b) => known.has(b))) return failField('buildingIds', 'notFound');
  const t = await getTranslations('votes');
  const options = v.customLines.length
    ? v.customLines.map((label, i) => ({ key: `o${i + 1}`, label }))
    : STANDARD.map((key) => ({ key, label: t(`choices.${key}`) }));
  const voteId = openVote(
    {
      compoundId: ctx.compound.id,
      topicId: topic.id,
      kind: v.kind,
      question: v.question,
      matterItem: null,
      choiceMode: v.customLines.length ? v.choiceMode : 'single',
      secret: v.secret,
      allowChange: v.allowChange,
      buildingIds: v.kind === 'consultation' && v.buildingIds.length ? v.buildingIds : null,
      nonVotersFollowMajority: false,
      startsAt: Math.max(v.startsAt, now - 60_000),
      endsAt: v.endsAt,
      options,
      openedBy: ctx.actor.personId,
    },
    ctx.compound.companyIds,
    now,
  );
  if (voteId === null) return fail('wrongState');
  revalidateVote(ctx.compound.id, voteId, topic.id);
  return { ok: true, data: { voteId }, message: t('opened') };
}

/** An eligible person casts the ballot of a voter they stand for (themselves, or their holder). */
export async function castBallotAction(
  compoundId: number,
  _prev: ActionResult<{ receiptCode: string }> | null,
  form: FormData,
): Promise<ActionResult<{ receiptCode: string }>> {
  const result = await submitBallot(compoundId, formToObject(form, ['choice']));
  if (!result.ok) return result;
  revalidatePath(`/c/${compoundId}/votes/${String(fieldOf(form, 'voteId'))}`);
  const { receiptCode, changed } = result.data;
  const t = await getTranslations('votes');
  return { ok: true, data: { receiptCode }, message: t(changed ? 'changed' : 'cast', { code: receiptCode }) };
}

/** The owners' committee enters a paper ballot with its serial number; it counts once confirmed by another member. */
export async function enterPaperAction(
  compoundId: number,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const ctx = await voteContext(compoundId, fieldOf(form, 'voteId'));
  if (isFailure(ctx)) return ctx;
  const denied = canEnterPaper(ctx.roles, ctx.vote);
  if (denied) return fail(denied);
  const parsed = paperSchema.safeParse(formToObject(form, ['choice']));
  if (!parsed.success) return invalid(parsed.error);
  const voter = findVoter(ctx.vote.id, parsed.data.voterKey);
  if (!voter) return failField('voterKey', 'notEligible');
  const checked = checkChoice(
    parsed.data.choice,
    ctx.vote.options,
    ctx.vote.choiceMode,
    ctx.vote.matterKind === 'election' ? ctx.vote.seats : null,
  );
  if (!checked.ok) return failField('choice', checked.error);
  const entered = enterPaperBallot(
    {
      compoundId: ctx.compound.id,
      voteId: ctx.vote.id,
      voterKey: voter.voterKey,
      choice: checked.keys,
      serial: parsed.data.serial,
      personId: ctx.actor.personId,
    },
    Date.now(),
  );
  if (!entered) return failField('voterKey', 'holderHasBallot');
  revalidatePath(`/c/${ctx.compound.id}/votes/${ctx.vote.id}`);
  return { ok: true, data: null, message: (await getTranslations('votes'))('paperEntered', { name: voter.name }) };
}

export async function confirmPaperAction(
  compoundId: number,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const ctx = await voteContext(compoundId, fieldOf(form, 'voteId'));
  if (isFailure(ctx)) return ctx;
  const parsed = confirmPaperSchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const ballot = findBallot(ctx.vote.id, parsed.data.voterKey);
  if (!ballot) return fail('notFound');
  if (ballot.channel !== 'paper') return fail('notFound');
  const denied = canConfirmPaper(ctx.roles, ctx.vote, ballot, ctx.actor.personId);
  if (denied) return fail(denied);
  const ok = confirmPaperBallot(
    { compoundId: ctx.compound.id, voteId: ctx.vote.id, voterKey: parsed.data.voterKey, personId: ctx.actor.personId },
    Date.now(),
  );
  if (!ok) return fail('alreadyConfirmed');
  revalidatePath(`/c/${ctx.compound.id}/votes/${ctx.vote.id}`);
  return { ok: true, data: null, message: (await getTranslations('votes'))('paperConfirmed') };
}

/**
 * The organiser closes a vote after its end time, or before it when every eligible voter has voted;
 * the result is computed once and stored.
 */
export async function closeVoteAction(
  compoundId: number,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const ctx = await voteContext(compoundId, fieldOf(form, 'voteId'));
  if (isFailure(ctx)) return ctx;
  // An assembly's matters close together, with their assembly.
  if (ctx.vote.assemblyId) return fail('closeViaAssembly');
  const now = Date.now();
  const turnout = voteTurnout(ctx.vote.id);
  const denied = canCloseVote(ctx.roles, ctx.vote, now, turnout.voters > 0 && turnout.voted === turnout.voters);
  if (denied) return fail(denied);
  if (!closeVote(ctx.compound.id, ctx.vote.id, ctx.actor.personId, now)) return fail('voteClosed');
  revalidateVote(ctx.compound.id, ctx.vote.id, ctx.vote.topicId);
  return { ok: true, data: null, message: (await getTranslations('votes'))('closed') };
}
