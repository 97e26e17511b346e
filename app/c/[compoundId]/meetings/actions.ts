'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import {
  findCompoundPeopleByMobile,
  getMeeting,
  listInvitable,
  recordMinutes,
  scheduleMeeting,
} from '@/db/meetings/meetings';
import { listDeliberatingTopics } from '@/db/topics/read';
import type { ActionResult } from '@/lib/actions/result';
import { fail, failField, formToObject, inCompound, invalid, isFailure } from '@/server/actions';
import { MOBILE_PATTERN } from '@/lib/auth/login-limit';
import { canManageMeetings, checkMeetingTime } from '@/lib/topics/rules';
import { meetingSchema, minutesSchema } from '@/lib/topics/validation';

async function secretary(compoundId: number) {
  const ctx = await inCompound(compoundId);
  if (isFailure(ctx)) return ctx;
  const denied = canManageMeetings(ctx.roles);
  return denied ? fail(denied) : ctx;
}

/** The secretary schedules a deliberation meeting (议事会) for topics under deliberation; invitees are told. */
export async function scheduleMeetingAction(
  compoundId: number,
  _prev: ActionResult<{ meetingId: number }> | null,
  form: FormData,
): Promise<ActionResult<{ meetingId: number }>> {
  const ctx = await secretary(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = meetingSchema.safeParse(formToObject(form, ['topicIds', 'inviteeIds']));
  if (!parsed.success) return invalid(parsed.error);
  const m = parsed.data;
  const open = new Set(listDeliberatingTopics(ctx.compound.id).map((t) => t.id));
  if (!m.topicIds.every((id) => open.has(id))) return failField('topicIds', 'wrongState');
  const invitable = new Set(listInvitable(ctx.compound).map((p) => p.id));
  if (!m.inviteeIds.every((id) => invitable.has(id))) return failField('inviteeIds', 'notFound');
  const mobiles = [...new Set(m.extraMobiles.split(/[\s,，;；]+/).filter(Boolean))];
  const bad = mobiles.find((x) => !MOBILE_PATTERN.test(x));
  if (bad) return failField('extraMobiles', 'meetingInvitee', { mobile: bad });
  const found = findCompoundPeopleByMobile(ctx.compound.id, mobiles);
  const missing = mobiles.find((x) => !found.some((f) => f.mobile === x));
  if (missing) return failField('extraMobiles', 'meetingInvitee', { mobile: missing });
  const tooEarly = checkMeetingTime(m.startsAt, Date.now());
  if (tooEarly) return failField('startsAt', tooEarly);
  const meetingId = scheduleMeeting(
    {
      compoundId: ctx.compound.id,
      actorId: ctx.actor.personId,
      title: m.title,
      startsAt: m.startsAt,
      place: m.place,
      topicIds: m.topicIds,
      inviteeIds: [...new Set([...m.inviteeIds, ...found.map((f) => f.id)])],
    },
    Date.now(),
  );
  for (const id of m.topicIds) revalidatePath(`/c/${ctx.compound.id}/topics/${id}`);
  revalidatePath(`/c/${ctx.compound.id}/meetings`);
  return { ok: true, data: { meetingId }, message: (await getTranslations('meetings'))('scheduled') };
}

/** After the meeting: who attended and the minutes, which then show on each of its topics. */
export async function recordMinutesAction(
  compoundId: number,
  _prev: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const ctx = await secretary(compoundId);
  if (isFailure(ctx)) return ctx;
  const parsed = minutesSchema.safeParse(formToObject(form, ['attendeeIds']));
  if (!parsed.success) return invalid(parsed.error);
  const meeting = getMeeting(ctx.compound.id, parsed.data.meetingId);
  if (!meeting) return fail('notFound');
  if (meeting.status === 'cancelled') return fail('wrongState');
  const invited = new Set(meeting.invitees.map((i) => i.id));
  if (!parsed.data.attendeeIds.every((id) => invited.has(id))) return failField('attendeeIds', 'notFound');
  recordMinutes(
    {
      compoundId: ctx.compound.id,
      meetingId: meeting.id,
      actorId: ctx.actor.personId,
      minutes: parsed.data.minutes,
      attendeeIds: parsed.data.attendeeIds,
      topicIds: meeting.agenda.map((a) => a.id),
    },
    Date.now(),
  );
  for (const a of meeting.agenda) revalidatePath(`/c/${ctx.compound.id}/topics/${a.id}`);
  revalidatePath(`/c/${ctx.compound.id}/meetings/${meeting.id}`);
  return { ok: true, data: null, message: (await getTranslations('meetings'))('recorded') };
}
