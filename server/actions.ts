import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { z } from 'zod';
import { getActor } from './auth/session';
import type { CompoundSummary } from '@/db/places/places';
import { compoundInScope } from './auth/guards';
import { type Actor, rolesIn } from '../lib/auth/permissions';
import type { Role } from '../lib/auth/roles';
import { getTopic } from '@/db/topics/read';
import { topicIdSchema } from '../lib/topics/validation';
import { VALIDATION_KEY_SET } from '../lib/validation/messages';
import { type ActionResult, fieldErrorsOf } from '../lib/actions/result';

export type Failure = Extract<ActionResult, { ok: false }>;

/** Bad input: a message for the form and one per field, translated. */
export async function invalid(error: z.ZodError): Promise<Failure> {
  const t = await getTranslations('validation');
  return {
    ok: false,
    code: 'invalid',
    message: t('fixFields'),
    fieldErrors: fieldErrorsOf(error, (k, v) => t(k as 'invalid', v), VALIDATION_KEY_SET),
  };
}

/** A refusal or a rule broken: a translated message from the `errors` namespace. */
export async function fail(key: string, values?: Record<string, string | number>): Promise<Failure> {
  const t = await getTranslations('errors');
  return { ok: false, code: key, message: t(key as 'notFound', values) };
}

/**
 * The first step of every action: who is asking. Actions never trust a role or an id sent by
 * the client; they re-derive everything from the session.
 */
export async function actorOrFail(): Promise<{ actor: Actor } | { failure: Failure }> {
  const actor = await getActor();
  return actor ? { actor } : { failure: await fail('signedOut') };
}

/**
 * An action's arguments are whatever the client sent, whatever their declared types (React decodes
 * them from the request body): a "form" that is not a FormData reads as an empty one, which
 * validation then refuses like a blank form.
 */
export function formOf(form: unknown): FormData {
  return form instanceof FormData ? form : new FormData();
}

/** One field of a form (see formOf), or null. */
export function fieldOf(form: unknown, name: string): FormDataEntryValue | null {
  return formOf(form).get(name);
}

/** FormData as a plain object; repeated keys (checkbox groups) become arrays. */
export function formToObject(form: unknown, arrays: readonly string[] = []): Record<string, unknown> {
  const data = formOf(form);
  const out: Record<string, unknown> = {};
  for (const key of new Set(data.keys())) {
    const all = data.getAll(key).filter((v) => typeof v === 'string');
    out[key] = arrays.includes(key) ? all : all[0];
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}

/** A rule broken by one field: the message shows both above the form and beside the field. */
export async function failField(field: string, key: string, values?: Record<string, string | number>) {
  const f = await fail(key, values);
  return { ...f, fieldErrors: { [field]: f.message } } satisfies Failure;
}

export interface CompoundContext {
  actor: Actor;
  compound: CompoundSummary;
  roles: Set<Role>;
}

/**
 * Who is asking, in which compound, with which roles there. A compound the actor does not
 * belong to is "not found", whatever the id.
 */
export async function inCompound(compoundId: unknown): Promise<CompoundContext | Failure> {
  const who = await actorOrFail();
  if ('failure' in who) return who.failure;
  const compound = compoundInScope(who.actor, compoundId);
  if (!compound) return fail('notFound');
  return { actor: who.actor, compound, roles: rolesIn(who.actor, compound) };
}

/** The actor, the compound and the topic `topicId` names; a topic of another compound is "not found". */
export async function topicInCompound(compoundId: unknown, topicId: unknown) {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = topicIdSchema.safeParse({ topicId });
  if (!parsed.success) return fail('notFound');
  const topic = getTopic(ctx.compound.id, parsed.data.topicId, ctx.actor.personId);
  if (!topic) return fail('notFound');
  return { ...ctx, topic };
}

export function isFailure<T extends object>(value: T | Failure): value is Failure {
  return 'ok' in value && value.ok === false;
}
