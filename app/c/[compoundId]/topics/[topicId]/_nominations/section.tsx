import { getTranslations } from 'next-intl/server';
import { listNominations, nominationCall } from '@/db/assembly/nominations';
import { COMMITTEE, hasAny, type Roles } from '@/lib/auth/roles';
import { canNominate, canOpenNominations } from '@/lib/assembly/rules';
import { SpecForm } from '../../../../../_components/spec-form';
import { answerNominationAction, nominateAction, openNominationsAction } from './actions';

/**
 * Nominations for an owners' committee election (业委会选举): the committee opens them on a topic; owners
 * nominate themselves or another owner; the committee accepts those who meet the conditions (owner of the
 * compound, the district's checks) or declines with a reason. The accepted ones are the candidate list the
 * assembly's notice publishes.
 */
export async function NominationsSection(props: {
  compoundId: number;
  topic: { id: number; status: string };
  roles: Roles;
  personId: number;
}) {
  const { compoundId, topic, roles, personId } = props;
  const call = nominationCall(topic.id);
  const committee = hasAny(roles, COMMITTEE);
  if (!call) {
    if (canOpenNominations(roles, topic.status)) return null;
    const t = await getTranslations('assembly.nominations');
    return (
      <section aria-labelledby="nominations-h" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <h2 id="nominations-h" className="mb-2 font-semibold text-lg">
          {t('title')}
        </h2>
        <p className="mb-3 text-sm text-stone-600">{t('openHint')}</p>
        <SpecForm
          action={openNominationsAction.bind(null, compoundId)}
          hidden={{ topicId: topic.id }}
          fields={[]}
          variant="secondary"
          submit={t('open')}
        />
      </section>
    );
  }
  const t = await getTranslations('assembly.nominations');
  const list = listNominations(topic.id, committee, personId);
  const mayNominate = canNominate(roles, { open: true }, topic.status) === null;
  const answering = committee && topic.status === 'deliberating';
  return (
    <section aria-labelledby="nominations-h" className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="nominations-h" className="font-semibold text-lg">
        {t('title')}
      </h2>
      <p className="text-sm text-stone-600">{topic.status === 'deliberating' ? t('rules') : t('closed')}</p>
      {list.length === 0 ? (
        <p className="text-stone-600">{t('none')}</p>
      ) : (
        <ul className="space-y-2">
          {list.map((n) => (
            <li key={n.id} className="space-y-1 rounded-lg bg-stone-50 p-3 ring-1 ring-stone-200">
              <p className="font-medium">
                {t('candidateLine', { name: n.candidateName, place: n.place ?? '' })}
                <span className="ml-2 text-sm">· {t(`statuses.${n.status}`)}</span>
              </p>
              <p className="text-sm text-stone-600">{t('nominatedBy', { name: n.nominatorName })}</p>
              {n.statement && <p className="whitespace-pre-wrap text-sm">{n.statement}</p>}
              {n.reason && <p className="text-sm">{t('reason', { reason: n.reason })}</p>}
              {answering && n.status === 'pending' && (
                <SpecForm
                  action={answerNominationAction.bind(null, compoundId)}
                  hidden={{ nominationId: n.id }}
                  submit={t('answer')}
                  fields={[
                    {
                      kind: 'radio',
                      name: 'outcome',
                      label: t('outcome'),
                      defaultValue: 'accepted',
                      options: [
                        { value: 'accepted', label: t('accept') },
                        { value: 'rejected', label: t('decline') },
                      ],
                      reveals: { eligible: ['accepted'], reason: ['rejected'] },
                    },
                    {
                      kind: 'radio',
                      name: 'eligible',
                      label: t('eligible'),
                      options: [{ value: 'on', label: t('eligibleYes') }],
                    },
                    { kind: 'textarea', name: 'reason', label: t('declineReason'), maxLength: 300, rows: 2 },
                  ]}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {mayNominate && (
        <div className="grid gap-3 sm:grid-cols-2">
          <SpecForm
            action={nominateAction.bind(null, compoundId)}
            hidden={{ topicId: topic.id }}
            fields={[{ kind: 'textarea', name: 'statement', label: t('statement'), maxLength: 300, rows: 2 }]}
            submit={t('self')}
          />
          <SpecForm
            action={nominateAction.bind(null, compoundId)}
            hidden={{ topicId: topic.id }}
            fields={[
              { kind: 'text', name: 'mobile', label: t('otherMobile'), hint: t('otherHint'), maxLength: 11 },
              { kind: 'textarea', name: 'statement', label: t('statementOther'), maxLength: 300, rows: 2 },
            ]}
            variant="secondary"
            submit={t('other')}
          />
        </div>
      )}
    </section>
  );
}
