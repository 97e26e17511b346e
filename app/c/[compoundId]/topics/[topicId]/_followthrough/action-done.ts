import 'server-only';
import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { ActionResult } from '@/lib/actions/result';

export type FollowThroughDone =
  | 'decisionRecorded'
  | 'notPassedRecorded'
  | 'decisionPublished'
  | 'objectionLodged'
  | 'objectionAnswered'
  | 'taskAccepted'
  | 'progressPosted'
  | 'taskCompleted'
  | 'rated'
  | 'escalated';

/** A follow-through action succeeded: the topic and the list show it, and the person is told so. */
export async function done(compoundId: number, topicId: number, key: FollowThroughDone): Promise<ActionResult> {
  revalidatePath(`/c/${compoundId}/topics/${topicId}`);
  revalidatePath(`/c/${compoundId}/topics`);
  return { ok: true, data: null, message: (await getTranslations('follow'))(key) };
}
