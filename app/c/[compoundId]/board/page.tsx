import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { latestAnchor } from '@/db/audit/anchors';
import { noticeBoard, recentlyCompleted } from '@/db/dashboard/board';
import { closedVoteTurnouts, openVoteTurnouts } from '@/db/dashboard/turnout';
import { peekCompound, requireCompound } from '@/server/auth/guards';
import { percent } from '@/lib/dashboard/numbers';
import { DAY_MS, daysLeft } from '@/lib/dashboard/period';
import { OfflineCopy } from '../../../_components/offline-copy';
import { PrintButton } from '../../../_components/print-button';
import { ReadAloud } from '../../../_components/read-aloud';
import { AnchorSection } from './anchor-section';
import { CompletedSection } from './completed-section';
import { AssembliesSection } from './assemblies-section';

type Props = { params: Promise<{ compoundId: string }> };

/** Results stay on the board this long after their vote closes. */
const RESULTS_DAYS = 30;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const compound = await peekCompound((await params).compoundId);
  const t = await getTranslations('board');
  return { title: compound ? t('title', { name: compound.name }) : t('titlePlain') };
}

function Progress({ pct, label }: { pct: number; label: string }) {
  return (
    <div>
      <p className="mb-1 text-sm tabular-nums">{label}</p>
      <div aria-hidden className="h-3 rounded-full bg-stone-200 print:border print:border-stone-500">
        <div className="h-3 rounded-full bg-brand-700" style={{ width: `${Math.min(100, pct)}%` }} />
      </div>
    </div>
  );
}

/**
 * The compound's notice board (公示栏): what is current, for every member to read or print — open
 * votes with turnout, recent results, decisions open to objection and work being carried out, and
 * the fingerprint of the compound's audit trail as last published.
 */
export default async function NoticeBoardPage({ params }: Props) {
  const { compound } = await requireCompound((await params).compoundId);
  const now = Date.now();
  const [t, format] = await Promise.all([getTranslations('board'), getFormatter()]);
  const open = openVoteTurnouts(compound.id);
  const results = closedVoteTurnouts(
    { level: 'compound', id: compound.id },
    { from: now - RESULTS_DAYS * DAY_MS, to: now + 1 },
    10,
  );
  const items = noticeBoard(compound.id);
  const completed = recentlyCompleted(compound.id, now - RESULTS_DAYS * DAY_MS);
  const anchor = latestAnchor(compound.id);
  const notices = items.filter((i) => i.kind === 'notice');
  const tasks = items.filter((i) => i.kind === 'task');
  const when = (ms: number) => format.dateTime(ms, { dateStyle: 'medium', timeStyle: 'short' });
  const day = (ms: number) => format.dateTime(ms, { dateStyle: 'long' });
  const section = 'rounded-xl bg-white p-5 ring-1 ring-stone-200 print:break-inside-avoid print:ring-stone-400';
  const topicLink = (id: number, title: string) => (
    <Link
      href={`/c/${compound.id}/topics/${id}`}
      className="inline-flex min-h-11 items-center font-semibold text-lg underline underline-offset-4"
    >
      {title}
    </Link>
  );

  return (
    <div id="board" className="print-page space-y-5">
      <OfflineCopy name={t('title', { name: compound.name })} />
      <header className="flex flex-wrap items-end gap-3">
        <div>
          <p className="text-sm text-stone-600">
            {compound.streetName} · {compound.communityName}
          </p>
          <h1 className="font-bold text-2xl">{t('title', { name: compound.name })}</h1>
          <p className="text-sm text-stone-600">{t('asOf', { date: when(now) })}</p>
        </div>
        <div className="no-print ml-auto flex flex-wrap gap-2">
          <Link href={`/c/${compound.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t('back')}
          </Link>
          <ReadAloud target="board" />
          <PrintButton label={t('print')} />
        </div>
      </header>

      <AssembliesSection compoundId={compound.id} now={now} className={section} />

      <section aria-labelledby="b-votes" className={section}>
        <h2 id="b-votes" className="mb-3 font-semibold text-xl">
          {t('openVotes', { n: open.length })}
        </h2>
        {open.length === 0 ? (
          <p className="text-stone-600">{t('noOpenVotes')}</p>
        ) : (
          <ul className="space-y-4" data-testid="board-open-votes">
            {open.map((v) => {
              const head = percent(v.voted, v.electorate) ?? 0;
              const area = v.totalAreaCenti ? (percent(v.votedAreaCenti ?? 0, v.totalAreaCenti) ?? 0) : null;
              return (
                <li key={v.id}>
                  <Link
                    href={`/c/${compound.id}/votes/${v.id}`}
                    className="inline-flex min-h-11 items-center font-semibold text-lg underline underline-offset-4"
                  >
                    {v.question}
                  </Link>
                  <p className="mb-1 text-sm text-stone-600">{t('voteEnds', { date: when(v.endsAt) })}</p>
                  <Progress
                    pct={head}
                    label={t('turnoutHead', { voted: v.voted, electorate: v.electorate, pct: head })}
                  />
                  {area !== null && <Progress pct={area} label={t('turnoutArea', { pct: area })} />}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="b-notice" className={section}>
        <h2 id="b-notice" className="mb-3 font-semibold text-xl">
          {t('notices', { n: notices.length })}
        </h2>
        {notices.length === 0 ? (
          <p className="text-stone-600">{t('noNotices')}</p>
        ) : (
          <ul className="space-y-4" data-testid="board-notices">
            {notices.map((n) => {
              const left = daysLeft(n.noticeEndsAt ?? now, now);
              return (
                <li key={n.topicId}>
                  {topicLink(n.topicId, n.title)}
                  <p className="mt-1">{n.body}</p>
                  <p className="mt-1 text-sm">
                    <span className="font-semibold text-brand-700">
                      {left > 0 ? t('daysLeft', { n: left }) : t('noticeEnding')}
                    </span>
                    {n.noticeEndsAt !== null && ` · ${t('noticeEnds', { date: when(n.noticeEndsAt) })}`}
                    {n.openObjections > 0 && ` · ${t('objections', { n: n.openObjections })}`}
                  </p>
                  <p className="no-print text-sm text-stone-600">{t('howToObject')}</p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="b-tasks" className={section}>
        <h2 id="b-tasks" className="mb-3 font-semibold text-xl">
          {t('tasks', { n: tasks.length })}
        </h2>
        {tasks.length === 0 ? (
          <p className="text-stone-600">{t('noTasks')}</p>
        ) : (
          <ul className="space-y-4" data-testid="board-tasks">
            {tasks.map((k) => {
              const late = k.overdue === 1;
              return (
                <li key={k.topicId}>
                  {topicLink(k.topicId, k.title)}
                  <p className={`text-sm ${late ? 'font-semibold text-brand-700' : 'text-stone-600'}`}>
                    {k.deadlineAt !== null &&
                      (late ? t('overdueSince', { date: day(k.deadlineAt) }) : t('due', { date: day(k.deadlineAt) }))}
                  </p>
                  <Progress pct={k.percent ?? 0} label={t('percent', { n: k.percent ?? 0 })} />
                  {k.lastUpdate && <p className="mt-1 text-sm text-stone-700">{t('latest', { text: k.lastUpdate })}</p>}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <CompletedSection compoundId={compound.id} rows={completed} days={RESULTS_DAYS} className={section} />

      <section aria-labelledby="b-results" className={section}>
        <h2 id="b-results" className="mb-3 font-semibold text-xl">
          {t('results', { days: RESULTS_DAYS })}
        </h2>
        {results.length === 0 ? (
          <p className="text-stone-600">{t('noResults')}</p>
        ) : (
          <ul className="space-y-3" data-testid="board-results">
            {results.map((v) => (
              <li key={v.id}>
                <Link
                  href={`/c/${compound.id}/votes/${v.id}`}
                  className="inline-flex min-h-11 items-center font-semibold underline underline-offset-4"
                >
                  {v.question}
                </Link>
                <p className="text-sm">
                  <span className={v.passed === false ? 'font-semibold text-brand-700' : 'font-semibold'}>
                    {v.passed === null ? t('closed') : v.passed ? t('passed') : t('failed')}
                  </span>
                  {' · '}
                  {t('turnoutHead', {
                    voted: v.voted,
                    electorate: v.electorate,
                    pct: percent(v.voted, v.electorate) ?? 0,
                  })}
                  {v.closedAt !== null && ` · ${t('closedOn', { date: day(v.closedAt) })}`}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <AnchorSection compound={compound} anchor={anchor} className={section} />
    </div>
  );
}
