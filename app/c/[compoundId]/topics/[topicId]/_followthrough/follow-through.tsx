import type { FollowThrough as Data } from '@/db/followthrough/read';
import { type Actor, companyIdsOf } from '@/lib/auth/permissions';
import type { Role } from '@/lib/auth/roles';
import { followThroughAbilities } from '@/lib/followthrough/abilities';
import { planMove, type TopicStatus } from '@/lib/topics/lifecycle';
import { DecisionSection, RecordDecision } from './decision-section';
import { EscalationSection } from './escalation-section';
import { followText } from './follow-text';
import { ObjectionsSection } from './objections-section';
import { RatingSection } from './rating-section';
import { TaskSection } from './task-section';

/**
 * Steps 5–7 on the topic page: the decision and its notice period with objections, the task with
 * its progress, the rating, and escalations with their answers; each section with the forms the
 * viewer may use (lib/followthrough/abilities.ts). Everything it shows arrives in `data`.
 */
export async function FollowThrough(props: {
  compound: { id: number; companyIds: readonly number[] };
  topic: { id: number; status: TopicStatus };
  actor: Actor;
  roles: ReadonlySet<Role>;
  data: Data;
}) {
  const { compound, topic, actor, roles, data } = props;
  const now = Date.now();
  const { decision, task } = data;
  const may = followThroughAbilities({
    roles,
    companyIds: companyIdsOf(actor),
    personId: actor.personId,
    topic,
    decision,
    task,
    objections: data.objections,
    myStars: data.myStars,
    escalations: data.escalations,
    now,
  });
  const notPassed = planMove('record_not_passed', topic.status, roles).ok;
  const nothing =
    !decision &&
    !task &&
    data.escalations.length === 0 &&
    !may.decide &&
    !notPassed &&
    !may.escalate &&
    data.objections.length === 0;
  if (nothing) return null;
  const { t } = await followText();
  return (
    <section aria-labelledby="follow-h" className="space-y-4">
      <h2 id="follow-h" className="font-semibold text-xl">
        {t('title')}
      </h2>
      <DecisionSection compoundId={compound.id} topic={topic} decision={decision} may={may} now={now} />
      <RecordDecision compound={compound} topic={topic} data={data} may={may} roles={roles} now={now} />
      <ObjectionsSection compoundId={compound.id} topicId={topic.id} objections={data.objections} may={may} />
      {task && (
        <TaskSection compoundId={compound.id} topic={topic} task={task} updates={data.updates} may={may} now={now} />
      )}
      {task && <RatingSection compoundId={compound.id} topic={topic} task={task} data={data} may={may} />}
      <EscalationSection compoundId={compound.id} topicId={topic.id} escalations={data.escalations} may={may} />
    </section>
  );
}
