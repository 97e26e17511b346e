import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getFollowThrough } from '@/db/followthrough/read';
import { getTopic } from '@/db/topics/read';
import { getVote } from '@/db/voting/read';
import { parseId, requireCompound } from '@/server/auth/guards';
import { outcomeOf, parseResult } from '@/lib/voting/outcome';
import { PrintButton } from '../../../../../_components/print-button';

type Props = { params: Promise<{ compoundId: string; topicId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('follow'))('noticeTitle') };
}

/**
 * The decision notice (决议公示) as an A4 page to print and post on the compound's notice board:
 * the decision, the count it rests on, who carries it out by when, the notice period, the minutes.
 */
export default async function NoticePage({ params }: Props) {
  const p = await params;
  const { compound, actor } = await requireCompound(p.compoundId);
  const id = parseId(p.topicId);
  const topic = id ? getTopic(compound.id, id) : undefined;
  if (!topic) notFound();
  const { decision } = getFollowThrough(topic.id, actor.personId);
  if (!decision) notFound();
  const [t, tv, format] = await Promise.all([getTranslations('follow'), getTranslations('votes'), getFormatter()]);
  const vote = decision.voteId !== null ? getVote(compound.id, decision.voteId) : undefined;
  // Generated from the stored result, never from the decision's text: the verdict printed is the count's.
  const result = parseResult(vote?.result ?? null);
  const outcome = outcomeOf(result);
  const verdict = outcome === 'passed' ? t('passed') : t('notPassed');
  const day = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'long' });
  const party =
    decision.party === 'property' && decision.companyName ? decision.companyName : t(`parties.${decision.party}`);
  return (
    <div className="print-page mx-auto max-w-[210mm] space-y-4 bg-white p-6 ring-1 ring-stone-200 print:ring-0 sm:p-10">
      <div className="no-print flex flex-wrap gap-2">
        <Link href={`/c/${compound.id}/topics/${topic.id}`} className="text-brand-700 underline">
          ← {t('backToTopic')}
        </Link>
        <span className="ml-auto">
          <PrintButton label={t('print')} />
        </span>
      </div>
      <header className="border-stone-800 border-b-2 pb-3 text-center">
        <p className="text-lg">{compound.name}</p>
        <h1 className="font-bold text-3xl tracking-widest">{t('noticeTitle')}</h1>
      </header>
      <h2 className="font-semibold text-xl">{topic.title}</h2>
      <section>
        <h3 className="font-semibold">{t('decision')}</h3>
        <p className="whitespace-pre-wrap text-lg leading-relaxed">{decision.body}</p>
      </section>
      {vote && (
        <section>
          <h3 className="font-semibold">{t('restsOnVote')}</h3>
          <p>{tv('labelValue', { label: tv(`kinds.${vote.kind}`), value: vote.question })}</p>
          {result?.owners ? (
            <p>
              {result.units && result.units.agree !== null
                ? t('ownersResultUnits', {
                    owners: result.owners.participating.owners,
                    units: result.units.participating,
                    totalOwners: result.owners.total.owners,
                    totalUnits: result.units.total,
                    area: result.owners.participating.area,
                    totalArea: result.owners.total.area,
                    agreeOwners: result.owners.agree.owners,
                    agreeUnits: result.units.agree,
                    agreeArea: result.owners.agree.area,
                    verdict,
                  })
                : t('ownersResult', {
                    owners: result.owners.participating.owners,
                    totalOwners: result.owners.total.owners,
                    area: result.owners.participating.area,
                    totalArea: result.owners.total.area,
                    agreeOwners: result.owners.agree.owners,
                    agreeArea: result.owners.agree.area,
                    verdict,
                  })}
            </p>
          ) : result?.choice || result?.election ? (
            <p>
              {t('matterResult', {
                owners: (result.choice ?? result.election)?.participating.owners ?? 0,
                units: result.units?.participating ?? 0,
                totalOwners: (result.choice ?? result.election)?.total.owners ?? 0,
                totalUnits: result.units?.total ?? 0,
                verdict,
              })}
            </p>
          ) : (
            result && (
              <p>
                {t('tallyResult', {
                  voted: result.voted,
                  electorate: result.electorate,
                  tally: result.tally.map((x) => `${x.label} ${x.votes}`).join(tv('listSeparator')),
                })}
              </p>
            )
          )}
        </section>
      )}
      <table className="w-full border-collapse text-left">
        <tbody>
          <tr className="border-stone-300 border-y">
            <th scope="row" className="w-1/3 py-2 font-medium">
              {t('responsible')}
            </th>
            <td>{party}</td>
          </tr>
          <tr className="border-stone-300 border-b">
            <th scope="row" className="py-2 font-medium">
              {t('deadline')}
            </th>
            <td>{day(decision.deadlineAt)}</td>
          </tr>
          <tr className="border-stone-300 border-b">
            <th scope="row" className="py-2 font-medium">
              {t('noticePeriod')}
            </th>
            <td>
              {decision.publishedAt !== null && decision.noticeEndsAt !== null
                ? `${day(decision.publishedAt)} — ${day(decision.noticeEndsAt)}`
                : t('notYetPublished')}
            </td>
          </tr>
        </tbody>
      </table>
      {decision.minutes && (
        <section>
          <h3 className="font-semibold">{t('minutes')}</h3>
          <p className="whitespace-pre-wrap">{decision.minutes}</p>
        </section>
      )}
      <p>{t('noticeObjectHint')}</p>
      <footer className="pt-8 text-right">
        <p>{t('noticeIssuers', { compound: compound.name })}</p>
        <p>{day(decision.publishedAt ?? decision.recordedAt)}</p>
      </footer>
    </div>
  );
}
