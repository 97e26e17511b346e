import type { FollowThrough, TaskView } from '@/db/followthrough/read';
import type { FollowThroughAbilities } from '@/lib/followthrough/abilities';
import type { TopicStatus } from '@/lib/topics/lifecycle';
import { SpecForm } from '../../../../../_components/spec-form';
import { CARD, followText } from './follow-text';
import { rateAction } from './rating-actions';

/** Step 7: the rating period, the outcome once closed, the person's own rating, the form and every rating. */
export async function RatingSection(props: {
  compoundId: number;
  topic: { id: number; status: TopicStatus };
  task: TaskView;
  data: Pick<FollowThrough, 'ratings' | 'myStars'>;
  may: Pick<FollowThroughAbilities, 'rate'>;
}) {
  const { compoundId, topic, task, data, may } = props;
  if (topic.status !== 'rating' && topic.status !== 'closed' && data.ratings.length === 0) return null;
  const { t, when } = await followText();
  return (
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
      {may.rate && (
        <SpecForm
          action={rateAction.bind(null, compoundId)}
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
  );
}
