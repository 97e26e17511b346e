import { getTranslations } from 'next-intl/server';
import type { VoteResult } from '@/lib/voting/count';
import { meetsThreshold, thresholds } from '@/lib/voting/owners-decision';
import { Bar } from './bars';

/** "87.35" → 8735: the kernel writes exactly two decimals, so this is exact. */
const centi = (s: string) => Number(s.replace('.', ''));

/** An owners' decision: each legal test with the numbers behind it, in plain words, then the verdict. */
export async function OwnersResult({
  result,
  options = [],
}: {
  result: VoteResult;
  options?: readonly { key: string; label: string }[];
}) {
  const [t, tv] = await Promise.all([getTranslations('votes.owners'), getTranslations('votes')]);
  const o = result.owners;
  if (!o) return null;
  const special = o.matter === 'special';
  const agreeRule = special ? thresholds.special : thresholds.ordinary;
  const tests = [
    {
      name: t('quorumArea'),
      ok: meetsThreshold(centi(o.participating.area), centi(o.total.area), thresholds.quorum),
      detail: t('ofTotalArea', { part: o.participating.area, whole: o.total.area, need: '2/3' }),
      part: centi(o.participating.area),
      whole: centi(o.total.area),
      at: 2 / 3,
      mark: '2/3',
    },
    {
      name: t('quorumHeads'),
      ok: meetsThreshold(o.participating.owners, o.total.owners, thresholds.quorum),
      detail: t('ofTotalOwners', { part: o.participating.owners, whole: o.total.owners, need: '2/3' }),
      part: o.participating.owners,
      whole: o.total.owners,
      at: 2 / 3,
      mark: '2/3',
    },
    {
      name: t('agreeArea'),
      ok: o.participating.owners > 0 && meetsThreshold(centi(o.agree.area), centi(o.participating.area), agreeRule),
      detail: t('ofParticipatingArea', {
        part: o.agree.area,
        whole: o.participating.area,
        need: special ? t('atLeast34') : t('moreThanHalf'),
      }),
      part: centi(o.agree.area),
      whole: centi(o.participating.area),
      at: special ? 3 / 4 : 1 / 2,
      mark: special ? '3/4' : '1/2',
    },
    {
      name: t('agreeHeads'),
      ok: o.participating.owners > 0 && meetsThreshold(o.agree.owners, o.participating.owners, agreeRule),
      detail: t('ofParticipatingOwners', {
        part: o.agree.owners,
        whole: o.participating.owners,
        need: special ? t('atLeast34') : t('moreThanHalf'),
      }),
      part: o.agree.owners,
      whole: o.participating.owners,
      at: special ? 3 / 4 : 1 / 2,
      mark: special ? '3/4' : '1/2',
    },
  ];
  return (
    <div className="space-y-4">
      <p
        className={`rounded-lg p-4 font-semibold text-lg ${o.passed ? 'bg-emerald-50 text-emerald-900' : 'bg-brand-50 text-brand-800'}`}
        role="status"
      >
        {o.passed ? `✓ ${t('passed')}` : `✕ ${t('failed')}`}
      </p>
      <p className="text-stone-700">{t(special ? 'ruleSpecial' : 'ruleOrdinary')}</p>
      <ul className="space-y-4">
        {tests.map((x) => (
          <li key={x.name} aria-label={x.name}>
            <p className="font-medium">
              {x.ok ? '✓' : '✕'} {tv('labelValue', { label: x.name, value: x.ok ? t('met') : t('notMet') })}
            </p>
            <p className="mb-1 text-sm text-stone-700">{x.detail}</p>
            <Bar label={x.name} part={x.part} whole={x.whole} marks={[{ at: x.at, label: x.mark }]} />
          </li>
        ))}
      </ul>
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left font-medium">{t('figures')}</caption>
        <thead>
          <tr className="border-stone-300 border-b">
            <th className="py-1" />
            <th className="py-1 text-right">{t('owners')}</th>
            <th className="py-1 text-right">{t('area')}</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {(['total', 'participating', 'agree'] as const).map((k) => (
            <tr key={k} className="border-stone-200 border-b">
              <th className="py-1 font-normal">{t(k)}</th>
              <td className="py-1 text-right">{o[k].owners}</td>
              <td className="py-1 text-right">{o[k].area}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.tally.length > 0 && <TallyResult result={result} options={options} />}
      {o.nonVoters && (
        <p className="rounded-lg bg-amber-50 p-3 text-amber-900 text-sm">
          {o.nonVoters.followed
            ? t('nonVotersApplied', {
                count: o.nonVoters.added,
                side: t(o.nonVoters.followed === 'agree' ? 'sideAgree' : 'sideDisagree'),
                strict: o.nonVoters.strict.passed ? t('passed') : t('failed'),
              })
            : t('nonVotersTie')}
        </p>
      )}
    </div>
  );
}

/** Head-count tally of any vote, one bar per option, labelled in the reader's language (`options`). */
export async function TallyResult({
  result,
  options = [],
}: {
  result: VoteResult;
  options?: readonly { key: string; label: string }[];
}) {
  const t = await getTranslations('votes');
  const labels = new Map(options.map((o) => [o.key, o.label]));
  return (
    <div className="space-y-2">
      <p className="text-stone-700">{t('votedOf', { voted: result.voted, total: result.electorate })}</p>
      {result.tally.map((o) => (
        <Bar
          key={o.key}
          label={t('labelValue', { label: labels.get(o.key) ?? o.label, value: o.votes })}
          part={o.votes}
          whole={Math.max(1, result.voted)}
        />
      ))}
    </div>
  );
}

/**
 * An election's or a choice's figures: participation on both measures with the 2/3 mark, then each
 * candidate's or option's agreeing area and owners, with the line it had to cross drawn.
 */
export async function MatterFigures({
  result,
  options,
}: {
  result: VoteResult;
  options: readonly { key: string; label: string }[];
}) {
  const [t, tv] = await Promise.all([getTranslations('votes.owners'), getTranslations('votes')]);
  const figures = result.election ?? result.choice;
  if (!figures) return null;
  const rows = result.election?.candidates ?? result.choice?.options ?? [];
  const label = (key: string) => options.find((o) => o.key === key)?.label ?? key;
  const special = result.choice?.matter === 'special';
  const line = special ? { at: 3 / 4, label: '3/4' } : { at: 1 / 2, label: '1/2' };
  return (
    <div className="space-y-4">
      <Bar
        label={t('quorumHeads')}
        part={figures.participating.owners}
        whole={figures.total.owners}
        marks={[{ at: 2 / 3, label: '2/3' }]}
      />
      <Bar
        label={t('quorumArea')}
        part={centi(figures.participating.area)}
        whole={centi(figures.total.area)}
        marks={[{ at: 2 / 3, label: '2/3' }]}
      />
      <table className="w-full text-left text-sm">
        <caption className="mb-1 text-left font-medium">{t('figures')}</caption>
        <thead>
          <tr className="border-stone-300 border-b">
            <th className="py-1">{result.election ? tv('candidate') : tv('option')}</th>
            <th className="py-1 text-right">{t('agreeHeads')}</th>
            <th className="py-1 text-right">{t('agreeArea')}</th>
          </tr>
        </thead>
        <tbody className="tabular-nums">
          {rows.map((r) => (
            <tr key={r.id} className="border-stone-200 border-b">
              <th className="py-1 font-normal">{label(r.id)}</th>
              <td className="py-1 text-right">{r.agree.owners}</td>
              <td className="py-1 text-right">{r.agree.area}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.map((r) => (
        <Bar
          key={r.id}
          label={tv('labelValue', { label: label(r.id), value: `${r.agree.owners} / ${figures.participating.owners}` })}
          part={r.agree.owners}
          whole={figures.participating.owners}
          marks={[line]}
        />
      ))}
    </div>
  );
}
