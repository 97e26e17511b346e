import type { TaskView, UpdateView } from '@/db/followthrough/read';
import type { FollowThroughAbilities } from '@/lib/followthrough/abilities';
import { lateDays } from '@/lib/followthrough/rules';
import type { TopicStatus } from '@/lib/topics/lifecycle';
import { PhotoGrid } from '../../../../../_components/photo-grid';
import { SpecForm } from '../../../../../_components/spec-form';
import { CARD, followText } from './follow-text';
import { acceptTaskAction, completeTaskAction, progressAction } from './task-actions';

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

/** Step 6: the task, who carries it out and by when, its progress and updates, and the responsible party's forms. */
export async function TaskSection(props: {
  compoundId: number;
  topic: { id: number; status: TopicStatus };
  task: TaskView;
  updates: readonly UpdateView[];
  may: Pick<FollowThroughAbilities, 'accept' | 'reportProgress' | 'complete'>;
  now: number;
}) {
  const { compoundId, topic, task, updates, may } = props;
  const { t, when, partyLabel } = await followText();
  const late = lateDays(topic.status, task.deadlineAt, task.overdueAt, props.now);
  const photoLabel = (n: number) => t('evidencePhoto', { n });
  return (
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
      {(topic.status === 'assigned' || topic.status === 'small_matter') && !may.accept && (
        <p className="text-stone-600">{t('awaitingAcceptance')}</p>
      )}
      {may.accept && (
        <SpecForm
          action={acceptTaskAction.bind(null, compoundId)}
          hidden={{ topicId: topic.id }}
          fields={[{ kind: 'textarea', name: 'note', label: t('acceptNote'), maxLength: 500, rows: 2 }]}
          submit={t('accept')}
        />
      )}
      {updates.length > 0 && (
        <ol aria-label={t('updates')} className="space-y-3 border-stone-200 border-l-2 pl-4">
          {updates.map((u) => (
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
      {(may.reportProgress || may.complete) && (
        <div className="grid gap-4 md:grid-cols-2">
          {may.reportProgress && (
            <details className="rounded-lg bg-stone-50 p-3 ring-1 ring-stone-200" open>
              <summary className="cursor-pointer font-medium">{t('postProgress')}</summary>
              <SpecForm
                action={progressAction.bind(null, compoundId)}
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
                  {
                    kind: 'file',
                    name: 'photos',
                    label: t('photos'),
                    hint: t('photosHint'),
                    texts: { choose: t('choosePhotos'), none: t('noPhotos'), chosen: t('photosChosen', { n: '{n}' }) },
                  },
                ]}
                submit={t('postProgress')}
              />
            </details>
          )}
          {may.complete && (
            <details className="rounded-lg bg-emerald-50 p-3 ring-1 ring-emerald-300">
              <summary className="cursor-pointer font-medium">{t('markDone')}</summary>
              <SpecForm
                action={completeTaskAction.bind(null, compoundId)}
                hidden={{ topicId: topic.id }}
                className="mt-2"
                fields={[
                  { kind: 'textarea', name: 'body', label: t('evidence'), maxLength: 1000 },
                  {
                    kind: 'file',
                    name: 'photos',
                    label: t('photos'),
                    hint: t('photosHint'),
                    texts: { choose: t('choosePhotos'), none: t('noPhotos'), chosen: t('photosChosen', { n: '{n}' }) },
                  },
                ]}
                submit={t('markDone')}
              />
            </details>
          )}
        </div>
      )}
    </article>
  );
}
