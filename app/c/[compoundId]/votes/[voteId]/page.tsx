import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import {
  closeVote,
  getVote,
  listNonVoters,
  listPendingPaper,
  countReceipts,
  findReceipt,
  listReceipts,
  liveTally,
  myVoterRows,
  voteTurnout,
} from '@/db/voting/votes';
import { formatArea } from '@/lib/area';
import { parseId, requireCompound } from '@/server/auth/guards';
import type { VoteResult } from '@/lib/voting/count';
import { canCloseVote, canEnterPaper, canSeeNonVoters, isVoteOpen } from '@/lib/voting/rules';
import { Bar } from './bars';
import { BallotForm, CloseVoteButton, ConfirmPaperButton, PaperBallotForm, PrintButton } from './vote-forms';
import { OwnersResult, TallyResult } from './results';

type Props = {
  params: Promise<{ compoundId: string; voteId: string }>;
  searchParams: Promise<{ receipt?: string | string[] }>;
};

/** Up to this many receipt codes are listed on the page; beyond it, look one up or download them all. */
const INLINE_RECEIPTS = 200;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('votes'))('title') };
}

export default async function VotePage({ params, searchParams }: Props) {
  const p = await params;
  const { actor, compound, roles } = await requireCompound(p.compoundId);
  const id = parseId(p.voteId);
  let vote = id ? getVote(compound.id, id) : undefined;
  if (!vote) notFound();
  const now = Date.now();
  // The clock closes votes in the background; a visit after the end closes it at once.
  if (vote.status === 'open' && now >= vote.endsAt) {
    closeVote(compound.id, vote.id, null, now);
    vote = getVote(compound.id, vote.id) ?? vote;
  }
  const [t, format] = await Promise.all([getTranslations('votes'), getFormatter()]);
  const closed = vote.status === 'closed';
  const open = isVoteOpen(vote, now);
  const turnout = voteTurnout(vote.id);
  const mine = myVoterRows(vote.id, actor.personId);
  const showLive = !closed && !vote.secret;
  const live = showLive ? liveTally(vote.id) : [];
  const paper = canEnterPaper(roles, vote) === null;
  const pending = paper ? listPendingPaper(vote.id) : [];
  const nonVoters = !closed && canSeeNonVoters(roles, vote.kind) === null ? listNonVoters(vote.id) : null;
  const result = closed && vote.result ? (JSON.parse(vote.result) as VoteResult) : null;
  const receiptCount = closed ? countReceipts(vote.id) : 0;
  const receipts = closed && receiptCount <= INLINE_RECEIPTS ? listReceipts(vote.id) : [];
  const asked = (await searchParams).receipt;
  const lookup = typeof asked === 'string' ? asked.trim().toUpperCase().slice(0, 20) : '';
  const found = closed && lookup ? findReceipt(vote.id, lookup) : undefined;
  const optionLabel = new Map(vote.options.map((o) => [o.key, o.label]));
  const choiceText = (json: string) => (JSON.parse(json) as string[]).map((k) => optionLabel.get(k) ?? k).join('、');
  const when = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'long', timeStyle: 'short' });

  return (
    <div className="space-y-5">
      <nav aria-label={t('title')} className="no-print text-sm text-stone-600">
        <Link href={`/c/${compound.id}`} className="underline">
          {compound.name}
        </Link>{' '}
        /{' '}
        <Link href={`/c/${compound.id}/topics/${vote.topicId}`} className="underline">
          {t('backToTopic')}
        </Link>
      </nav>

      <section className="space-y-2 rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <p className="flex flex-wrap gap-2 text-sm">
          <span className="rounded-full bg-brand-50 px-2.5 py-0.5 text-brand-800">{t(`kinds.${vote.kind}`)}</span>
          <span className="rounded-full bg-stone-100 px-2.5 py-0.5">
            {closed ? t('statusClosed') : open ? t('statusOpen') : t('statusPending')}
          </span>
          {vote.secret && <span className="rounded-full bg-stone-100 px-2.5 py-0.5">{t('secretBadge')}</span>}
          {vote.matterItem && (
            <span className="rounded-full bg-stone-100 px-2.5 py-0.5">
              {t(`matters.${vote.matterItem as 1}`)}（
              {t(`matterKinds.${vote.matterItem >= 6 && vote.matterItem <= 8 ? 'special' : 'ordinary'}`)}）
            </span>
          )}
        </p>
        <h1 className="font-bold text-2xl leading-snug">{vote.question}</h1>
        <p className="text-stone-600">{t('window', { start: when(vote.startsAt), end: when(vote.endsAt) })}</p>
      </section>

      <section aria-labelledby="turnout-h" className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="turnout-h" className="font-semibold text-lg">
          {t('turnout')}
        </h2>
        <Bar
          label={t('turnoutHeads', { voted: turnout.voted, total: turnout.voters })}
          part={turnout.voted}
          whole={turnout.voters}
          marks={vote.kind === 'owners' ? [{ at: 2 / 3, label: '2/3' }] : []}
        />
        {vote.kind === 'owners' && (
          <Bar
            label={t('turnoutArea', {
              voted: formatArea(turnout.votedArea ?? 0),
              total: formatArea(turnout.totalArea ?? 0),
            })}
            part={turnout.votedArea ?? 0}
            whole={turnout.totalArea ?? 0}
            marks={[{ at: 2 / 3, label: '2/3' }]}
          />
        )}
        {turnout.pending > 0 && (
          <p className="text-sm text-stone-600">{t('pendingPaper', { count: turnout.pending })}</p>
        )}
        {showLive && (
          <div className="space-y-2 pt-2">
            <h3 className="font-medium">{t('liveTally')}</h3>
            {vote.options.map((o) => (
              <Bar
                key={o.key}
                label={`${o.label}：${live.find((l) => l.key === o.key)?.n ?? 0}`}
                part={live.find((l) => l.key === o.key)?.n ?? 0}
                whole={Math.max(1, turnout.voted)}
              />
            ))}
          </div>
        )}
        {!closed && vote.secret && <p className="text-stone-600">{t('secretUntilClose')}</p>}
      </section>

      {mine.length > 0 && (
        <section aria-labelledby="my-h" className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-brand-600">
          <h2 id="my-h" className="font-semibold text-lg">
            {t('myBallot')}
          </h2>
          {mine.map((m) => (
            <div key={m.voterKey} className="space-y-2">
              {m.voterKey.startsWith('h:') && (
                <p className="text-stone-700">{t('votingFor', { name: m.name, place: m.place })}</p>
              )}
              {m.choice && (
                <p className="rounded-lg bg-emerald-50 p-3 text-emerald-900">
                  {m.channel === 'paper' ? t('paperOnFile') : t('yourChoice', { choice: choiceText(m.choice) })}
                  {m.channel === 'online' && (
                    <>
                      <br />
                      {t('receipt')}：<strong className="font-mono tracking-wider">{m.receiptCode}</strong>
                    </>
                  )}
                </p>
              )}
              {open && (!m.choice || (vote.allowChange && m.channel === 'online')) && (
                <BallotForm
                  compoundId={compound.id}
                  voteId={vote.id}
                  voterKey={m.voterKey}
                  options={vote.options}
                  mode={vote.choiceMode}
                  change={Boolean(m.choice)}
                />
              )}
            </div>
          ))}
        </section>
      )}

      {paper && !closed && (
        <section aria-labelledby="paper-h" className="space-y-4 rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <h2 id="paper-h" className="font-semibold text-lg">
            {t('paperTitle')}
          </h2>
          <p className="text-sm text-stone-600">{t('paperHint')}</p>
          <PaperBallotForm
            compoundId={compound.id}
            voteId={vote.id}
            voters={(nonVoters ?? listNonVoters(vote.id)).map((v) => ({
              key: v.voterKey,
              label: `${v.place} ${v.name}`,
            }))}
            options={vote.options}
          />
          {pending.length > 0 && (
            <div>
              <h3 className="mb-2 font-medium">{t('pendingTitle')}</h3>
              <ul className="divide-y divide-stone-200">
                {pending.map((b) => (
                  <li key={b.voterKey} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2">
                    <span>
                      {b.place} {b.name}
                    </span>
                    <span className="text-sm text-stone-600">
                      {t('paperLine', { serial: b.serial ?? '', choice: choiceText(b.choice), by: b.enteredBy })}
                    </span>
                    {b.castBy !== actor.personId && (
                      <ConfirmPaperButton
                        compoundId={compound.id}
                        voteId={vote.id}
                        voterKey={b.voterKey}
                        name={b.name}
                      />
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}

      {nonVoters && (
        <section aria-labelledby="nonvoters-h" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <h2 id="nonvoters-h" className="mb-1 font-semibold text-lg">
            {t('nonVoters', { count: nonVoters.length })}
          </h2>
          <p className="mb-2 text-sm text-stone-600">{t('nonVotersHint')}</p>
          <ul className="grid gap-1 sm:grid-cols-2">
            {nonVoters.map((v) => (
              <li key={v.voterKey}>
                {v.place} · {v.name}
              </li>
            ))}
          </ul>
        </section>
      )}

      {!closed && canCloseVote(roles, vote, Number.MAX_SAFE_INTEGER) === null && (
        <section className="no-print rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <CloseVoteButton compoundId={compound.id} voteId={vote.id} ended={now >= vote.endsAt} />
        </section>
      )}

      {result && (
        <section
          aria-labelledby="result-h"
          className="space-y-4 rounded-xl bg-white p-5 ring-1 ring-stone-200 print:ring-0"
        >
          <div className="flex flex-wrap items-center gap-3">
            <h2 id="result-h" className="font-semibold text-xl">
              {t('result')}
            </h2>
            <div className="no-print ml-auto">
              <PrintButton />
            </div>
          </div>
          <p className="text-sm text-stone-600">{t('closedAt', { at: vote.closedAt ? when(vote.closedAt) : '' })}</p>
          {result.owners ? <OwnersResult result={result} /> : <TallyResult result={result} />}
          <div className="space-y-2 text-sm">
            <form method="get" className="flex flex-wrap items-end gap-2">
              <label className="block">
                <span className="mb-1 block font-medium">{t('checkReceipt')}</span>
                <input
                  name="receipt"
                  defaultValue={lookup}
                  placeholder="ABCD-1234"
                  maxLength={20}
                  className="min-h-11 rounded-lg border border-stone-300 bg-white px-3 font-mono uppercase"
                />
              </label>
              <button type="submit" className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 font-medium">
                {t('check')}
              </button>
            </form>
            {lookup && (
              <p
                role="status"
                className={`rounded-md px-3 py-2 ${found ? 'bg-emerald-50 text-emerald-900' : 'bg-brand-50 text-brand-800'}`}
              >
                {found
                  ? t('receiptCounted', { code: found.receiptCode, choice: choiceText(found.choice) })
                  : t('receiptNotFound', { code: lookup })}
              </p>
            )}
            <a href={`/api/compounds/${compound.id}/votes/${vote.id}/receipts`} className="text-brand-700 underline">
              {t('downloadReceipts', { count: receiptCount })}
            </a>
          </div>
          {receipts.length > 0 && (
            <details className="text-sm">
              <summary className="cursor-pointer text-brand-700">{t('receipts', { count: receipts.length })}</summary>
              <p className="my-2 text-stone-600">{t('receiptsHint')}</p>
              <ul className="grid grid-cols-2 gap-1 font-mono sm:grid-cols-4">
                {receipts.map((r) => (
                  <li key={r.receiptCode}>
                    {r.receiptCode} {choiceText(r.choice)}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <p className="break-all text-stone-500 text-xs">{t('resultHash', { hash: vote.resultHash ?? '' })}</p>
        </section>
      )}
    </div>
  );
}
