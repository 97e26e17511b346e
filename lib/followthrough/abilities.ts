import type { Roles } from '../auth/roles';
import { planMove, type TopicStatus } from '../topics/lifecycle';
import { canEscalate, canObject, canRate, canReportProgress, isResponsible } from './rules';

/**
 * What one person may do in a topic's follow-through (steps 5–7) at `now`: the topic page shows
 * exactly these controls. Built only from the rules the actions enforce (planMove for the
 * lifecycle's moves, rules.ts for the rest), so a control is shown if and only if its action would
 * let this person through at this moment.
 */
export interface FollowThroughAbilityInput {
  /** The person's roles in the topic's compound. */
  roles: Roles;
  /** The property companies the person works for (a property task names one). */
  companyIds: readonly number[];
  personId: number;
  topic: { status: TopicStatus };
  /** The current (not withdrawn) decision, if any. */
  decision: { id: number; noticeEndsAt: number | null } | null;
  task: { party: string; companyId: number | null; ratingEndsAt: number | null } | null;
  /** Every objection of the topic, of the current decision and of withdrawn ones. */
  objections: readonly { id: number; decisionId: number; authorId: number; outcome: string | null }[];
  /** The person's stars in the task's current round, or null if they have not rated it. */
  myStars: number | null;
  escalations: readonly { state: string }[];
  now: number;
}

export interface FollowThroughAbilities {
  /** Record the decision, or revise the draft before it is published. */
  decide: boolean;
  /** Publish the recorded decision for its notice period. */
  publish: boolean;
  /** Objections this person may answer now: the open ones on the current decision. */
  answerable: readonly number[];
  /** Lodge an objection; objectRefusal says why not (a key under `errors`), null when allowed. */
  object: boolean;
  objectRefusal: string | null;
  /** Accept the task as its responsible party. */
  accept: boolean;
  /** Post progress on the task (text, photos, percent). */
  reportProgress: boolean;
  /** Mark the task done with its evidence, which opens the rating period. */
  complete: boolean;
  /** Rate the work; rateRefusal says why not, null when allowed. */
  rate: boolean;
  rateRefusal: string | null;
  /** Send the matter up to the community; escalateRefusal says why not, null when allowed. */
  escalate: boolean;
  escalateRefusal: string | null;
}

export function followThroughAbilities(a: FollowThroughAbilityInput): FollowThroughAbilities {
  const { roles, topic, decision, task, now } = a;
  const status = topic.status;
  const open = (o: FollowThroughAbilityInput['objections'][number]) =>
    decision !== null && o.decisionId === decision.id && o.outcome === null;
  // Answering is the decider's move that may send the topic back (uphold); the action asks the same.
  const answers = planMove('uphold_objection', 'publicised', roles).ok;
  const myOpenObjection = a.objections.some((o) => open(o) && o.authorId === a.personId);
  const objectRefusal = canObject(
    roles,
    { status, noticeEndsAt: decision?.noticeEndsAt ?? null },
    myOpenObjection,
    now,
  );
  const responsible = task !== null && isResponsible(roles, a.companyIds, task);
  const reportProgress = task !== null && canReportProgress(roles, a.companyIds, topic, task) === null;
  const rateRefusal = canRate(roles, { status, ratingEndsAt: task?.ratingEndsAt ?? null }, a.myStars !== null, now);
  const escalateRefusal = canEscalate(
    roles,
    topic,
    a.escalations.some((e) => e.state === 'open'),
  );
  return {
    decide: planMove('record_decision', status, roles).ok,
    publish: planMove('publish_decision', status, roles).ok,
    answerable: answers ? a.objections.filter(open).map((o) => o.id) : [],
    object: objectRefusal === null,
    objectRefusal,
    accept: responsible && planMove('accept_task', status, roles).ok,
    reportProgress,
    complete: reportProgress && planMove('complete_task', status, roles).ok,
    rate: rateRefusal === null,
    rateRefusal,
    escalate: escalateRefusal === null,
    escalateRefusal,
  };
}
