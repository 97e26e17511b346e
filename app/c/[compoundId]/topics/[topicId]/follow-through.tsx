import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { closedVotesOfTopic } from '@/db/followthrough/decisions';
import type { FollowThrough as Data } from '@/db/followthrough/read';
import { scopeNames } from '@/db/places/places';
import { type Actor, companyIdsOf } from '@/lib/auth/permissions';
import { DECIDERS, hasAny, type Role } from '@/lib/auth/roles';
import {
  canEscalate,
  canObject,
  canRate,
  canReportProgress,
  DAY_MS,
  isResponsible,
  lateDays,
  TASK_PARTIES,
} from '@/lib/followthrough/rules';
import { shanghaiMinute } from '@/lib/time';
import { planMove, type TopicStatus } from '@/lib/topics/lifecycle';
import { buttonClass } from '../../../../_components/button';
import { PhotoGrid } from '../../../../_components/photo-grid';
import { type FieldSpec, SpecForm } from '../../../../_components/spec-form';
import {
  acceptTaskAction,
  answerObjectionAction,
  completeTaskAction,
  escalateAction,
  objectAction,
  progressAction,
  publishDecisionAction,
  rateAction,
  recordDecisionAction,
} from './followthrough-actions';

const CARD = 'rounded-xl bg-white p-5 ring-1 ring-stone-200';

function Progress({ percent, label }: { percent: number; label: string }) {
  return (
    <div className="flex items-center gap-3">
      <div
        role="progressbar"
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-label={label}
        className="h-3 flex-1 overflow-hidden rounded-full bg-stone-200"
      >
        <div className="h-3 bg-emerald-600" style={{ width: `${percent}%` }} />
      </div>
      <span className="font-medium tabular-nums">{percent}%</span>
    </div>
  );
}

/**
 * Steps 5–7 on the topic page: the decision and its notice period with objections, the task with
 * its progress, the rating, and escalations with their answers; each with the forms the viewer may use.
 */
export async function FollowThrough(props: {
  compound: { id: number; companyIds: readonly number[] };
  topic: { id: number; status: TopicStatus };
  actor: Actor;
  roles: ReadonlySet<Role>;
  data: Data;
}) {
  const { compound, topic, actor, roles, data } = props;
  const [t, format] = await Promise.all([getTranslations('follow'), getFormatter()]);
  const now = Date.now();
  const when = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'medium', timeStyle: 'short' });
  const companies = companyIdsOf(actor);
  const { decision, task } = data;
  const canDecide = planMove('record_decision', topic.status, roles).ok;
  const canPublish = planMove('publish_decision', topic.status, roles).ok;
  const isDecider = hasAny(roles, DECIDERS);
  const currentObjections = decision ? data.objections.filter((o) => o.decisionId === decision.id) : [];
  const myOpenObjection = currentObjections.some((o) => o.authorId === actor.personId && o.outcome === null);
  const objectDenied = canObject(
    roles,
    { status: topic.status, noticeEndsAt: decision?.noticeEndsAt ?? null },
    myOpenObjection,
    now,
  );
  const late = task ? lateDays(topic.status, task.deadlineAt, task.overdueAt, now) : null;
  const responsible = task ? isResponsible(roles, companies, task) : false;
  const canAccept = responsible && planMove('accept_task', topic.status, roles).ok;
  const canUpdate = task ? canReportProgress(roles, companies, topic, task) === null : false;
  const rateDenied = canRate(
    roles,
    { status: topic.status, ratingEndsAt: task?.ratingEndsAt ?? null },
    data.myStars !== null,
    now,
  );
  const openEscalation = data.escalations.some((e) => e.state === 'open');
  const canSendUp = canEscalate(roles, topic, openEscalation) === null;
  const partyLabel = (party: string, companyName: string | null) =>
    party === 'property' && companyName ? companyName : t(`parties.${party as 'property'}`);
  const photoLabel = (n: number) => t('evidencePhoto', { n });

  const nothing =
    !decision && !task && data.escalations.length === 0 && !canDecide && !canSendUp && data.objections.length === 0;
  if (nothing) return null;

  let decisionFields: FieldSpec[] = [];
  if (canDecide) {
    const votes = closedVotesOfTopic(topic.id);
    const names = scopeNames([], [], [], [...compound.companyIds]).companies;
    const draft = topic.status === 'decided' ? decision : null;
    decisionFields = [
      { kind: 'textarea', name: 'body', label: t('decisionBody'), maxLength: 2000, rows: 4, defaultValue: draft?.body },
      {
        kind: 'select',
        name: 'voteId',
        label: t('restsOnVote'),
        defaultValue: String(draft?.voteId ?? votes[0]?.id ?? ''),
        options: [{ value: '', label: t('noVote') }, ...votes.map((v) => ({ value: String(v.id), label: v.question }))],
      },
      {
        kind: 'textarea',
        name: 'minutes',
        label: t('minutes'),
        hint: t('minutesHint'),
        maxLength: 5000,
        rows: 4,
        defaultValue: draft?.minutes,
      },
      {
        kind: 'select',
        name: 'party',
        label: t('responsible'),
        defaultValue: draft?.party ?? 'property',
        options: TASK_PARTIES.map((p) => ({ value: p, label: t(`parties.${p}`) })),
        reveals: { companyId: ['property'] },
      },
      {
        kind: 'select',
        name: 'companyId',
        label: t('company'),
        defaultValue: String(draft?.companyId ?? compound.companyIds[0] ?? ''),
        options: compound.companyIds.map((id) => ({ value: String(id), label: names.get(id) ?? String(id) })),
      },
      {
        kind: 'datetime',
        name: 'deadline',
        label: t('deadline'),
        defaultValue: draft ? shanghaiMinute(draft.deadlineAt) : shanghaiMinute(now + 30 * DAY_MS),
      },
    ];
  }

  return (
    <section aria-labelledby="follow-h" className="space-y-4">
      <h2 id="follow-h" className="font-semibold text-xl">
        {t('title')}
      </h2>

      {decision && (
        <article aria-labelledby="decision-h" className={`${CARD} space-y-2`}>
          <div className="flex flex-wrap items-center gap-2">
            <h3 id="decision-h" className="font-semibold text-lg">
              {t('decision')}
            </h3>
            <Link
              href={`/c/${compound.id}/topics/${topic.id}/notice`}
              className={buttonClass('secondary', 'ml-auto no-print')}
            >
              {t('printNotice')}
            </Link>
          </div>
          <p className="whitespace-pre-wrap text-lg">{decision.body}</p>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            {decision.voteId !== null && (
              <>
                <dt className="text-stone-600">{t('restsOnVote')}</dt>
                <dd>
                  <Link href={`/c/${compound.id}/votes/${decision.voteId}`} className="text-brand-700 underline">
                    {decision.voteQuestion}
                  </Link>
                </dd>
              </>
            )}
            <dt className="text-stone-600">{t('responsible')}</dt>
            <dd>{partyLabel(decision.party, decision.companyName)}</dd>
            <dt className="text-stone-600">{t('deadline')}</dt>
            <dd>{when(decision.deadlineAt)}</dd>
            <dt className="text-stone-600">{t('recordedBy')}</dt>
            <dd>
              {decision.recorderName} · {when(decision.recordedAt)}
            </dd>
          </dl>
          {decision.minutes && (
            <details>
              <summary className="cursor-pointer font-medium">{t('minutes')}</summary>
              <p className="mt-1 whitespace-pre-wrap">{decision.minutes}</p>
            </details>
          )}
          {decision.noticeEndsAt !== null && topic.status === 'publicised' && (
            <p className="rounded-lg bg-sky-50 p-3 text-sky-900">
              {now < decision.noticeEndsAt
                ? t('noticeUntil', {
                    time: when(decision.noticeEndsAt),
                    days: Math.ceil((decision.noticeEndsAt - now) / DAY_MS),
                  })
                : t('noticeOverPending')}
            </p>
          )}
          {topic.status === 'decided' && <p className="rounded-lg bg-amber-50 p-3 text-amber-900">{t('draftHint')}</p>}
          {canPublish && (
            <SpecForm
              action={publishDecisionAction.bind(null, compound.id)}
              hidden={{ topicId: topic.id }}
              fields={[]}
              submit={t('publish')}
            />
          )}
        </article>
      )}

      {canDecide && (
        <details className={`${CARD} bg-amber-50 ring-amber-300`} open={topic.status !== 'decided'}>
          <summary className="cursor-pointer font-semibold text-lg">
            {topic.status === 'decided' ? t('reviseDecision') : t('recordDecision')}
          </summary>
          <SpecForm
            action={recordDecisionAction.bind(null, compound.id)}
            hidden={{ topicId: topic.id }}
            fields={decisionFields}
            submit={t('saveDecision')}
            resetOnSuccess={false}
            className="mt-3"
          />
        </details>
      )}

      {(data.objections.length > 0 || objectDenied === null) && (
        <section aria-labelledby="objections-h" className={`${CARD} space-y-3`}>
          <h3 id="objections-h" className="font-semibold text-lg">
            {t('objections')}
          </h3>
          {data.objections.length === 0 && <p className="text-stone-600">{t('noObjections')}</p>}
          <ul className="space-y-3">
            {data.objections.map((o) => (
              <li key={o.id} className="rounded-lg bg-stone-50 p-3">
                <p className="text-sm text-stone-600">
                  {o.authorName} · {when(o.createdAt)}
                </p>
                <p className="whitespace-pre-wrap">{o.reason}</p>
                {o.outcome === null ? (
                  <p className="mt-1 text-amber-800 text-sm">{t('objectionWaiting')}</p>
                ) : (
                  <p className="mt-2 rounded-md bg-white p-2 ring-1 ring-stone-200">
                    <span className="font-medium">
                      {o.outcome === 'upheld' ? t('upheld') : t('dismissed')}（{o.answererName}）：
                    </span>
                    {o.answer}
                  </p>
                )}
                {o.outcome === null && isDecider && decision && o.decisionId === decision.id && (
                  <SpecForm
                    action={answerObjectionAction.bind(null, compound.id)}
                    hidden={{ objectionId: o.id }}
                    className="mt-2"
                    fields={[
                      {
                        kind: 'radio',
                        name: 'outcome',
                        label: t('answerObjection'),
                        options: [
                          { value: 'dismissed', label: t('dismiss') },
                          { value: 'upheld', label: t('uphold') },
                        ],
                      },
                      { kind: 'textarea', name: 'answer', label: t('answerReason'), maxLength: 500 },
                    ]}
                    submit={t('sendAnswer')}
                  />
                )}
              </li>
            ))}
          </ul>
          {objectDenied === null && (
            <SpecForm
              action={objectAction.bind(null, compound.id)}
              hidden={{ topicId: topic.id }}
              fields={[{ kind: 'textarea', name: 'reason', label: t('objectionReason'), maxLength: 500 }]}
              submit={t('object')}
              variant="secondary"
            />
          )}
        </section>
      )}

      {task && (
        <article aria-labelledby="task-h" className={`${CARD} space-y-3`}>
          <div className="flex flex-wrap items-center gap-2">
            <h3 id="task-h" className="font-semibold text-lg">
              {t('task')}
            </h3>
            {late !== null && (
              <span className="rounded-full bg-brand-700 px-2.5 py-0.5 font-medium text-sm text-white">
                {t('overdueDays', { days: late })}
              </span>
            )}
          </div>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="text-stone-600">{t('responsible')}</dt>
            <dd>{partyLabel(task.party, task.companyName)}</dd>
            <dt className="text-stone-600">{t('deadline')}</dt>
            <dd>{when(task.deadlineAt)}</dd>
            {task.acceptedAt !== null && (
              <>
                <dt className="text-stone-600">{t('acceptedBy')}</dt>
                <dd>
                  {task.acceptedByName} · {when(task.acceptedAt)}
                </dd>
              </>
            )}
            {task.round > 1 && (
              <>
                <dt className="text-stone-600">{t('round')}</dt>
                <dd>{t('roundN', { n: task.round })}</dd>
              </>
            )}
          </dl>
          <Progress percent={task.percent} label={t('progress')} />
          {(topic.status === 'assigned' || topic.status === 'small_matter') && !canAccept && (
            <p className="text-stone-600">{t('awaitingAcceptance')}</p>
          )}
          {canAccept && (
            <SpecForm
              action={acceptTaskAction.bind(null, compound.id)}
              hidden={{ topicId: topic.id }}
              fields={[{ kind: 'textarea', name: 'note', label: t('acceptNote'), maxLength: 500, rows: 2 }]}
              submit={t('accept')}
            />
          )}
          {data.updates.length > 0 && (
            <ol aria-label={t('updates')} className="space-y-3 border-stone-200 border-l-2 pl-4">
              {data.updates.map((u) => (
                <li key={u.id}>
                  <p className="text-sm text-stone-600">
                    {t(`updateKinds.${u.kind}`)} · {u.authorName} · {when(u.createdAt)} · {u.percent}%
                  </p>
                  {u.body && <p className="whitespace-pre-wrap">{u.body}</p>}
                  <div className="mt-2">
                    <PhotoGrid ids={u.photoIds} alt={photoLabel} />
                  </div>
                </li>
              ))}
            </ol>
          )}
          {canUpdate && (
            <div className="grid gap-4 md:grid-cols-2">
              <details className="rounded-lg bg-stone-50 p-3 ring-1 ring-stone-200" open>
                <summary className="cursor-pointer font-medium">{t('postProgress')}</summary>
                <SpecForm
                  action={progressAction.bind(null, compound.id)}
                  hidden={{ topicId: topic.id }}
                  className="mt-2"
                  fields={[
                    {
                      kind: 'number',
                      name: 'percent',
                      label: t('percent'),
                      min: 0,
                      max: 100,
                      defaultValue: String(task.percent),
                    },
                    { kind: 'textarea', name: 'body', label: t('progressBody'), maxLength: 1000 },
                    { kind: 'file', name: 'photos', label: t('photos'), hint: t('photosHint') },
                  ]}
                  submit={t('postProgress')}
                />
              </details>
              <details className="rounded-lg bg-emerald-50 p-3 ring-1 ring-emerald-300">
                <summary className="cursor-pointer font-medium">{t('markDone')}</summary>
                <SpecForm
                  action={completeTaskAction.bind(null, compound.id)}
                  hidden={{ topicId: topic.id }}
                  className="mt-2"
                  fields={[
                    { kind: 'textarea', name: 'body', label: t('evidence'), maxLength: 1000 },
                    { kind: 'file', name: 'photos', label: t('photos'), hint: t('photosHint') },
                  ]}
                  submit={t('markDone')}
                />
              </details>
            </div>
          )}
        </article>
      )}

      {task && (topic.status === 'rating' || topic.status === 'closed' || data.ratings.length > 0) && (
        <section aria-labelledby="rating-h" className={`${CARD} space-y-3`}>
          <h3 id="rating-h" className="font-semibold text-lg">
            {t('rating')}
          </h3>
          {topic.status === 'rating' && task.ratingEndsAt !== null && (
            <p className="text-stone-700">{t('ratingUntil', { time: when(task.ratingEndsAt) })}</p>
          )}
          {topic.status === 'closed' && (
            <p className="rounded-lg bg-emerald-50 p-3 font-medium text-emerald-900">
              {task.averageTenths === null
                ? t('closedNoRatings')
                : t('closedWithAverage', { average: (task.averageTenths / 10).toFixed(1) })}
            </p>
          )}
          {data.myStars !== null && <p>{t('youRated', { stars: data.myStars })}</p>}
          {rateDenied === null && (
            <SpecForm
              action={rateAction.bind(null, compound.id)}
              hidden={{ topicId: topic.id }}
              fields={[
                {
                  kind: 'radio',
                  name: 'stars',
                  label: t('stars'),
                  options: [5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t('starsN', { n }) })),
                },
                { kind: 'textarea', name: 'comment', label: t('ratingComment'), maxLength: 300, rows: 2 },
              ]}
              submit={t('rate')}
            />
          )}
          {data.ratings.length > 0 && (
            <ul aria-label={t('ratingsList')} className="space-y-1 text-sm">
              {data.ratings.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: ratings are anonymous and never reorder
                <li key={i} className="rounded bg-stone-50 px-3 py-1">
                  <span aria-hidden>
                    {'★'.repeat(r.stars)}
                    {'☆'.repeat(5 - r.stars)}
                  </span>
                  <span className="sr-only">{t('starsN', { n: r.stars })}</span>
                  {task.round > 1 && <span className="ml-2 text-stone-600">{t('roundN', { n: r.round })}</span>}
                  {r.comment && <span className="ml-2">{r.comment}</span>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {(data.escalations.length > 0 || canSendUp) && (
        <section aria-labelledby="escalations-h" className={`${CARD} space-y-3`}>
          <h3 id="escalations-h" className="font-semibold text-lg">
            {t('escalations')}
          </h3>
          <ul className="space-y-3">
            {data.escalations.map((e) => (
              <li key={e.id} className="rounded-lg bg-stone-50 p-3">
                <p className="text-sm text-stone-600">
                  {t(`levels.${e.level}`)} · {e.auto ? t('auto') : e.raisedByName} · {when(e.raisedAt)}
                </p>
                <p className="whitespace-pre-wrap">{e.auto ? t('autoReason', { days: e.reason }) : e.reason}</p>
                {e.state === 'open' && <p className="mt-1 text-amber-800 text-sm">{t('escalationWaiting')}</p>}
                {e.state !== 'open' && e.answer && (
                  <p className="mt-2 rounded-md bg-white p-2 ring-1 ring-stone-200">
                    <span className="font-medium">
                      {e.state === 'forwarded'
                        ? t('forwardedBy', { name: e.answererName ?? '' })
                        : t('answeredBy', { name: e.answererName ?? '' })}
                      {e.answeredAt !== null && ` · ${when(e.answeredAt)}`}：
                    </span>
                    {e.answer}
                  </p>
                )}
              </li>
            ))}
          </ul>
          {canSendUp && (
            <details>
              <summary className="cursor-pointer font-medium text-brand-700">{t('escalate')}</summary>
              <SpecForm
                action={escalateAction.bind(null, compound.id)}
                hidden={{ topicId: topic.id }}
                className="mt-2"
                fields={[{ kind: 'textarea', name: 'reason', label: t('escalationReason'), maxLength: 500 }]}
                submit={t('escalate')}
                variant="danger"
              />
            </details>
          )}
        </section>
      )}
    </section>
  );
}
