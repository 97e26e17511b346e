import 'server-only';
import { sql } from 'drizzle-orm';
import type { TaskParty } from '@/lib/followthrough/rules';
import { getDb } from '../client';
import { voteStatusIs } from '../voting/status';

// What the topic page shows of follow-through, and what its decision form offers, in one statement.

/** A closed vote of the topic: its kind and stored result say what it decided (lib/voting/outcome.ts). */
export interface ClosedVoteView {
  id: number;
  question: string;
  kind: 'consultation' | 'council' | 'owners';
  result: string | null;
}

export interface DecisionView {
  id: number;
  voteId: number | null;
  voteQuestion: string | null;
  /** The verdict copied from the owners' decision it rests on ('passed'), null for other bases. */
  voteVerdict: 'passed' | null;
  body: string;
  minutes: string;
  party: TaskParty;
  companyId: number | null;
  companyName: string | null;
  deadlineAt: number;
  recordedAt: number;
  recorderName: string;
  publishedAt: number | null;
  noticeEndsAt: number | null;
}

export interface ObjectionView {
  id: number;
  decisionId: number;
  authorId: number;
  authorName: string;
  reason: string;
  createdAt: number;
  outcome: 'upheld' | 'dismissed' | null;
  answer: string | null;
  answererName: string | null;
  answeredAt: number | null;
}

export interface TaskView {
  id: number;
  party: TaskParty;
  companyId: number | null;
  companyName: string | null;
  deadlineAt: number;
  acceptedAt: number | null;
  acceptedByName: string | null;
  percent: number;
  doneAt: number | null;
  round: number;
  ratingEndsAt: number | null;
  overdueAt: number | null;
  closedAt: number | null;
  averageTenths: number | null;
}

export interface UpdateView {
  id: number;
  kind: 'accepted' | 'progress' | 'done';
  body: string;
  percent: number;
  createdAt: number;
  authorName: string;
  photoIds: number[];
}

export interface EscalationView {
  id: number;
  level: 'community' | 'street';
  reason: string;
  auto: boolean;
  raisedAt: number;
  raisedByName: string | null;
  state: 'open' | 'answered' | 'forwarded';
  answer: string | null;
  answeredAt: number | null;
  answererName: string | null;
}

export interface FollowThrough {
  decision: DecisionView | null;
  objections: ObjectionView[];
  task: TaskView | null;
  updates: UpdateView[];
  escalations: EscalationView[];
  ratings: { round: number; stars: number; comment: string }[];
  myStars: number | null;
  /** Closed votes of the topic a decision may rest on, newest first, with their stored results (as closedVotesOfTopic). */
  closedVotes: ClosedVoteView[];
  /** The property companies serving the topic's compound, which a decision may make responsible. */
  companies: { id: number; name: string }[];
}

/**
 * Everything the topic page shows about follow-through, in one statement (JSON built by SQLite),
 * so the page's query count does not grow with the number of updates, objections or ratings, and
 * its components read nothing themselves.
 */
export function getFollowThrough(topicId: number, readerId: number): FollowThrough {
  const row = getDb().get<Record<string, string | number | null>>(sql`
    select
      (select json_object('id', d.id, 'voteId', d.vote_id, 'voteQuestion', v.question, 'voteVerdict', d.vote_verdict, 'body', d.body,
              'minutes', d.minutes, 'party', d.party, 'companyId', d.company_id, 'companyName', pc.name,
              'deadlineAt', d.deadline_at, 'recordedAt', d.recorded_at, 'recorderName', p.name,
              'publishedAt', d.published_at, 'noticeEndsAt', d.notice_ends_at)
         from decisions d join people p on p.id = d.recorded_by
         left join votes v on v.id = d.vote_id
         left join property_companies pc on pc.id = d.company_id
        where d.topic_id = ${topicId} and d.withdrawn_at is null
        order by d.id desc limit 1) as decision,
      (select json_group_array(json_object('id', id, 'decisionId', decision_id, 'authorId', author_id,
              'authorName', authorName, 'reason', reason, 'createdAt', created_at, 'outcome', outcome,
              'answer', answer, 'answererName', answererName, 'answeredAt', answered_at))
         from (select o.*, a.name as authorName, b.name as answererName from objections o
                 join people a on a.id = o.author_id left join people b on b.id = o.answered_by
                where o.topic_id = ${topicId} order by o.id)) as objections,
      (select json_object('id', k.id, 'party', k.party, 'companyId', k.company_id, 'companyName', pc.name,
              'deadlineAt', k.deadline_at, 'acceptedAt', k.accepted_at, 'acceptedByName', p.name,
              'percent', k.percent, 'doneAt', k.done_at, 'round', k.round, 'ratingEndsAt', k.rating_ends_at,
              'overdueAt', k.overdue_at, 'closedAt', k.closed_at, 'averageTenths', k.average_tenths)
         from tasks k left join people p on p.id = k.accepted_by
         left join property_companies pc on pc.id = k.company_id
        where k.topic_id = ${topicId}) as task,
      (select json_group_array(json_object('id', id, 'kind', kind, 'body', body, 'percent', percent,
              'createdAt', created_at, 'authorName', authorName, 'photoIds', json(photoIds)))
         from (select u.*, p.name as authorName,
                      (select json_group_array(ph.id) from topic_photos ph where ph.update_id = u.id) as photoIds
                 from task_updates u join people p on p.id = u.author_id
                where u.topic_id = ${topicId} order by u.id)) as updates,
      (select json_group_array(json_object('id', id, 'level', level, 'reason', reason, 'auto', auto,
              'raisedAt', raised_at, 'raisedByName', raisedByName, 'state', state, 'answer', answer,
              'answeredAt', answered_at, 'answererName', answererName))
         from (select e.*, r.name as raisedByName, a.name as answererName from escalations e
                 left join people r on r.id = e.raised_by left join people a on a.id = e.answered_by
                where e.topic_id = ${topicId} order by e.id)) as escalations,
      (select json_group_array(json_object('round', round, 'stars', stars, 'comment', comment))
         from (select round, stars, comment from ratings where topic_id = ${topicId} order by round, created_at)) as ratings,
      (select stars from ratings r join tasks k on k.topic_id = r.topic_id and k.round = r.round
        where r.topic_id = ${topicId} and r.person_id = ${readerId}) as myStars,
      (select json_group_array(json_object('id', id, 'question', question, 'kind', kind, 'result', result))
         from (select id, question, kind, result from votes
                where topic_id = ${topicId} and ${voteStatusIs(sql`status`, 'closed')} order by id desc)) as closedVotes,
      (select json_group_array(json_object('id', pc.id, 'name', pc.name))
         from topics t join compound_services cs on cs.compound_id = t.compound_id
         join property_companies pc on pc.id = cs.company_id
        where t.id = ${topicId}) as companies`);
  const parse = <T>(v: string | number | null | undefined, empty: T): T =>
    typeof v === 'string' ? (JSON.parse(v) as T) : empty;
  const escalationRows = parse<(Omit<EscalationView, 'auto'> & { auto: number })[]>(row?.escalations, []);
  return {
    decision: parse<DecisionView | null>(row?.decision, null),
    objections: parse<ObjectionView[]>(row?.objections, []),
    task: parse<TaskView | null>(row?.task, null),
    updates: parse<UpdateView[]>(row?.updates, []),
    escalations: escalationRows.map((e) => ({ ...e, auto: Boolean(e.auto) })),
    ratings: parse<{ round: number; stars: number; comment: string }[]>(row?.ratings, []),
    myStars: typeof row?.myStars === 'number' ? row.myStars : null,
    closedVotes: parse<ClosedVoteView[]>(row?.closedVotes, []),
    companies: parse<{ id: number; name: string }[]>(row?.companies, []),
  };
}
