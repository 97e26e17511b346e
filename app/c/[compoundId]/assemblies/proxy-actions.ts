'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import {
  agentByMobile,
  findProxy,
  grantProxy,
  holderOfKey,
  holderState,
  moveProxy,
  proxyUsed,
} from '@/db/assembly/proxies';
import type { ActionResult } from '@/lib/actions/result';
import { canGrantProxy, canReviewProxy, canWithdrawProxy, checkAgent } from '@/lib/assembly/rules';
import { grantProxySchema, proxyIdSchema, reviewProxySchema } from '@/lib/assembly/validation';
import { checkDocuments } from '@/lib/uploads/documents';
import { assemblyContext } from '@/server/assembly/context';
import { removeDocuments, storeDocuments } from '@/server/assembly/documents';
import { fail, failField, fieldOf, formToObject, inCompound, invalid, isFailure } from '@/server/actions';
import { readUploads } from '@/server/uploads';

type Result = ActionResult;

/**
 * A holder's voter authorises an agent for this assembly with the signed authorisation (a photo or a
 * PDF): another person with an account, holding fewer than the compound's maximum of proxies.
 */
export async function grantProxyAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await assemblyContext(compoundId, fieldOf(form, 'assemblyId'));
  if (isFailure(ctx)) return ctx;
  const parsed = grantProxySchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const g = parsed.data;
  const holder = holderOfKey(ctx.assembly.id, g.voterKey);
  // Only the holder's own voter may authorise anyone to vote for it.
  if (!holder || holder.personId !== ctx.actor.personId) return failField('voterKey', 'notEligible');
  const now = Date.now();
  const refused = canGrantProxy(ctx.assembly, holderState(ctx.assembly.id, g.voterKey), now);
  if (refused) return fail(refused);
  const agentDenied = checkAgent(
    agentByMobile(ctx.assembly.id, g.agentMobile),
    ctx.actor.personId,
    ctx.assembly.maxProxies,
  );
  if (agentDenied) return failField('agentMobile', agentDenied, { max: ctx.assembly.maxProxies });
  const uploads = await readUploads(form, 'document', 1);
  if (uploads.length === 0) return failField('document', 'documentRequired');
  const problem = checkDocuments(uploads, 1);
  if (problem) return failField('document', `document.${problem.problem}`, { name: problem.name, max: 1 });
  const agent = agentByMobile(ctx.assembly.id, g.agentMobile);
  if (!agent) return failField('agentMobile', 'agentNotFound');
  const [stored] = await storeDocuments(ctx.compound.id, uploads);
  if (!stored) return failField('document', 'documentRequired');
  const outcome = grantProxy(
    {
      compoundId: ctx.compound.id,
      assemblyId: ctx.assembly.id,
      voterKey: g.voterKey,
      holderId: holder.holderId,
      grantorId: ctx.actor.personId,
      agentId: agent.personId,
      maxProxies: ctx.assembly.maxProxies,
      file: stored,
    },
    now,
  );
  if (outcome !== 'granted') {
    await removeDocuments(ctx.compound.id, [stored.file]);
    return outcome === 'agentFull'
      ? failField('agentMobile', outcome, { max: ctx.assembly.maxProxies })
      : fail(outcome);
  }
  revalidatePath(`/c/${ctx.compound.id}/assemblies/${ctx.assembly.id}`);
  return { ok: true, data: null, message: (await getTranslations('assembly'))('proxyGranted') };
}

/** A committee member checks the document, another confirms it (then the agent may vote), or either rejects it. */
export async function reviewProxyAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = reviewProxySchema.safeParse(formToObject(form));
  if (!parsed.success) return invalid(parsed.error);
  const proxy = findProxy(ctx.compound.id, parsed.data.proxyId);
  if (!proxy) return fail('notFound');
  const denied = canReviewProxy(ctx.roles, proxy, parsed.data.step, ctx.actor.personId);
  if (denied) return fail(denied);
  const moved = moveProxy(
    {
      compoundId: ctx.compound.id,
      proxyId: proxy.id,
      actorId: ctx.actor.personId,
      step: parsed.data.step,
      reason: parsed.data.reason || null,
    },
    Date.now(),
  );
  if (!moved) return fail('proxyNotPending');
  revalidatePath(`/c/${ctx.compound.id}/assemblies/${proxy.assemblyId}`);
  return { ok: true, data: null, message: (await getTranslations('assembly'))(`proxyDone.${parsed.data.step}`) };
}

/** The holder's voter withdraws the authorisation, until the agent has voted with it. */
export async function withdrawProxyAction(compoundId: number, _prev: Result | null, form: FormData): Promise<Result> {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = proxyIdSchema.safeParse(formToObject(form));
  if (!parsed.success) return fail('notFound');
  const proxy = findProxy(ctx.compound.id, parsed.data.proxyId);
  if (!proxy) return fail('notFound');
  const denied = canWithdrawProxy(proxy, ctx.actor.personId, proxyUsed(proxy.id));
  if (denied) return fail(denied);
  if (
    !moveProxy(
      { compoundId: ctx.compound.id, proxyId: proxy.id, actorId: ctx.actor.personId, step: 'withdraw', reason: null },
      Date.now(),
    )
  ) {
    return fail('proxyUsed');
  }
  revalidatePath(`/c/${ctx.compound.id}/assemblies/${proxy.assemblyId}`);
  return { ok: true, data: null, message: (await getTranslations('assembly'))('proxyWithdrawn') };
}
