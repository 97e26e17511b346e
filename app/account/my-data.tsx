import { getFormatter, getTranslations } from 'next-intl/server';
import { myBallots, myUnits } from '@/db/households/home';
import { correctionsOf, privacyOf, viewsOf } from '@/db/households/privacy';
import { CorrectionForm } from './correction-form';

/** The person's past ballots with their receipts: kept after they sell or move out. */
export async function MyBallots({ personId }: { personId: number }) {
  const [t, format] = await Promise.all([getTranslations('myHome'), getFormatter()]);
  const ballots = myBallots(personId);
  if (ballots.length === 0) return null;
  return (
    <section aria-labelledby="my-ballots" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="my-ballots" className="mb-1 font-semibold text-lg">
        {t('ballots')}
      </h2>
      <p className="mb-3 text-sm text-stone-600">{t('ballotsHint')}</p>
      <ul className="divide-y divide-stone-200">
        {ballots.map((b) => (
          <li key={b.voteId} className="py-2">
            <p className="font-medium">{b.question}</p>
            <p className="text-sm text-stone-600">
              {b.compoundName} ·{' '}
              {format.dateTime(new Date(b.endsAt), { dateStyle: 'medium', timeZone: 'Asia/Shanghai' })} ·{' '}
              {b.receipt ? t('receipt', { code: b.receipt }) : t('noBallot')}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** 个人信息: the notice accepted, the download, who looked at the person's details, corrections. */
export async function MyData({ personId }: { personId: number }) {
  const [t, tp, format] = await Promise.all([getTranslations('myHome'), getTranslations('privacy'), getFormatter()]);
  const privacy = privacyOf(personId);
  const views = viewsOf(personId);
  const corrections = correctionsOf(personId);
  const units = myUnits(personId).map((u) => ({ unitId: u.unitId, label: `${u.compoundName} ${u.label}` }));
  const when = (ms: number) =>
    format.dateTime(new Date(ms), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  return (
    <section aria-labelledby="my-data" className="space-y-4 rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="my-data" className="font-semibold text-lg">
        {t('data')}
      </h2>
      <p className="text-stone-700">
        {privacy?.acceptedAt ? tp('accepted', { date: when(privacy.acceptedAt) }) : t('privacyNotYet')}{' '}
        <a href="/privacy" className="text-brand-700 underline">
          {tp('title')}
        </a>
      </p>
      <p className="flex flex-wrap gap-3">
        <a href="/api/me/data?format=json" className="text-brand-700 underline" download>
          {t('downloadJson')}
        </a>
        <a href="/api/me/data?format=csv" className="text-brand-700 underline" download>
          {t('downloadCsv')}
        </a>
      </p>
      <div>
        <h3 className="mb-1 font-semibold">{t('views')}</h3>
        {views.length === 0 ? (
          <p className="text-stone-600 text-sm">{t('viewsNone')}</p>
        ) : (
          <ul className="text-sm text-stone-700">
            {views.map((v) => (
              <li key={`${v.at}-${v.viewer}`}>{t('viewedBy', { name: v.viewer, when: when(v.at) })}</li>
            ))}
          </ul>
        )}
      </div>
      <div>
        <h3 className="mb-1 font-semibold">{t('corrections')}</h3>
        {corrections.length > 0 && (
          <ul className="mb-3 space-y-1 text-sm">
            {corrections.map((c) => (
              <li key={c.id}>
                <span className="font-medium">{t(`topics.${c.topic}`)}</span>：{c.body} —{' '}
                {c.status === 'answered' ? t('answered', { answer: c.answer ?? '' }) : t('waiting')}
              </li>
            ))}
          </ul>
        )}
        <CorrectionForm units={units} />
      </div>
    </section>
  );
}
