import { getTranslations } from 'next-intl/server';
import type { listPendingPaper } from '@/db/voting/paper';
import type { listNonVoters, VoteView } from '@/db/voting/read';
import { choiceTextOf } from './choice-text';
import { ConfirmPaperBatchForm, ConfirmPaperButton, PaperBallotForm, PaperBatchForm } from './vote-forms';

/**
 * The owners' committee enters paper ballots for holders who have none — one at a time, or a stack at
 * once as a list — and confirms entries made by another member (never its own): only confirmed ones count.
 */
export async function PaperSection({
  compoundId,
  vote,
  nonVoters,
  pending,
  personId,
}: {
  compoundId: number;
  vote: VoteView;
  nonVoters: ReturnType<typeof listNonVoters>;
  pending: ReturnType<typeof listPendingPaper>;
  personId: number;
}) {
  const t = await getTranslations('votes');
  const choiceText = choiceTextOf(vote.options);
  const mine = pending.filter((b) => b.castBy !== personId);
  const sampleOption = vote.options.find((o) => o.key !== 'abstain')?.label ?? '';
  return (
    <section aria-labelledby="paper-h" className="space-y-4 rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="paper-h" className="font-semibold text-lg">
        {t('paperTitle')}
      </h2>
      <p className="text-sm text-stone-600">{t('paperHint')}</p>
      <PaperBallotForm
        compoundId={compoundId}
        voteId={vote.id}
        voters={nonVoters.map((v) => ({
          key: v.voterKey,
          label: `${v.place} ${v.name}`,
        }))}
        options={vote.options}
        mode={vote.choiceMode}
        maxMarks={vote.matterKind === 'election' ? vote.seats : null}
      />
      <details>
        <summary className="cursor-pointer font-medium text-brand-700">{t('paperBatchTitle')}</summary>
        <PaperBatchForm
          compoundId={compoundId}
          voteId={vote.id}
          example={`HH-001 ${nonVoters[0]?.place.split('、')[0] ?? '3号楼1单元301'} ${sampleOption}`}
        />
      </details>
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
                {b.castBy !== personId && (
                  <ConfirmPaperButton compoundId={compoundId} voteId={vote.id} voterKey={b.voterKey} name={b.name} />
                )}
              </li>
            ))}
          </ul>
          {mine.length > 1 && (
            <details className="mt-3">
              <summary className="cursor-pointer font-medium text-brand-700">{t('confirmBatchTitle')}</summary>
              <p className="my-2 text-sm text-stone-600">{t('confirmBatchHint')}</p>
              <ConfirmPaperBatchForm
                compoundId={compoundId}
                voteId={vote.id}
                ballots={mine.map((b) => ({
                  voterKey: b.voterKey,
                  label: t('paperBatchLine', {
                    serial: b.serial ?? '',
                    place: b.place,
                    name: b.name,
                    choice: choiceText(b.choice),
                  }),
                }))}
              />
            </details>
          )}
        </div>
      )}
    </section>
  );
}
