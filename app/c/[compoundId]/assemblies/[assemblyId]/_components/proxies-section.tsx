import type { listProxies, myHolders } from '@/db/assembly/proxies';
import type { AssemblyRow } from '@/db/assembly/read';
import { COMMITTEE, hasAny, type Roles } from '@/lib/auth/roles';
import { canReviewProxy, canWithdrawProxy } from '@/lib/assembly/rules';
import { SpecForm } from '../../../../../_components/spec-form';
import { grantProxyAction, reviewProxyAction, withdrawProxyAction } from '../../proxy-actions';
import { assemblyText, CARD } from './text';

/**
 * Proxies (委托): a holder's voter hands in a signed authorisation naming an agent; one committee
 * member checks it and another confirms it before the agent may vote; the holder may withdraw it until
 * the agent has voted. The committee sees all, others the ones they gave or hold.
 */
export async function ProxiesSection({
  compoundId,
  assembly,
  holders,
  proxies,
  roles,
  personId,
  now,
}: {
  compoundId: number;
  assembly: AssemblyRow;
  holders: ReturnType<typeof myHolders>;
  proxies: ReturnType<typeof listProxies>;
  roles: Roles;
  personId: number;
  now: number;
}) {
  const { t, when } = await assemblyText();
  const committee = hasAny(roles, COMMITTEE);
  const open = assembly.status !== 'closed' && now < assembly.endsAt;
  const active = new Set(
    proxies.filter((p) => ['submitted', 'checked', 'effective'].includes(p.status)).map((p) => p.voterKey),
  );
  const grantable = open ? holders.filter((h) => !active.has(h.voterKey)) : [];
  if (proxies.length === 0 && grantable.length === 0 && !committee) return null;
  return (
    <section aria-labelledby="proxies-h" className={`${CARD} space-y-3`}>
      <h2 id="proxies-h" className="font-semibold text-xl">
        {t('proxies')}
      </h2>
      <p className="text-sm text-stone-600">{t('proxyRule', { max: assembly.maxProxies })}</p>
      {grantable.length > 0 && (
        <details className="rounded-lg bg-stone-50 p-3 ring-1 ring-stone-200">
          <summary className="cursor-pointer font-medium">{t('grantTitle')}</summary>
          <SpecForm
            action={grantProxyAction.bind(null, compoundId)}
            hidden={{ assemblyId: assembly.id }}
            submit={t('grantSubmit')}
            className="mt-3"
            fields={[
              {
                kind: 'select',
                name: 'voterKey',
                label: t('grantFor'),
                defaultValue: grantable[0]?.voterKey ?? '',
                options: grantable.map((h) => ({
                  value: h.voterKey,
                  label: t('withDetail', { name: h.name, detail: h.place }),
                })),
              },
              { kind: 'text', name: 'agentMobile', label: t('agentMobile'), hint: t('agentMobileHint'), maxLength: 11 },
              {
                kind: 'file',
                name: 'document',
                label: t('proxyDocument'),
                hint: t('proxyDocumentHint'),
                accept: 'application/pdf,image/jpeg,image/png,image/webp',
                multiple: false,
                texts: { choose: t('chooseFile'), none: t('noFile'), chosen: t('fileChosen') },
              },
            ]}
          />
        </details>
      )}
      {proxies.length === 0 ? (
        committee && <p className="text-stone-600">{t('noProxies')}</p>
      ) : (
        <ul className="space-y-3">
          {proxies.map((p) => {
            const state = { status: p.status, grantorId: p.grantorId, checkedBy: p.checkedBy };
            const steps = (['check', 'confirm'] as const).filter(
              (s) => canReviewProxy(roles, state, s, personId) === null,
            );
            const mayReject = open && canReviewProxy(roles, state, 'reject', personId) === null;
            const mayWithdraw = open && canWithdrawProxy(state, personId, Boolean(p.used)) === null;
            return (
              <li key={p.id} className="space-y-2 rounded-lg bg-stone-50 p-3 ring-1 ring-stone-200">
                <p className="font-medium">
                  {t('proxyLine', { holder: p.holderName, place: p.place, agent: p.agentName })}
                </p>
                <p className="text-sm">
                  <span className="font-semibold">{t(`proxyStatuses.${p.status}`)}</span>
                  {p.used ? ` · ${t('proxyUsed')}` : ''}
                  {p.checkerName && ` · ${t('checkedBy', { name: p.checkerName })}`}
                  {p.confirmerName && ` · ${t('confirmedBy', { name: p.confirmerName })}`}
                  {p.reason && ` · ${p.reason}`}
                </p>
                <p className="text-sm text-stone-600">
                  {t('grantedBy', { name: p.grantorName, date: when(p.createdAt) })} ·{' '}
                  <a href={`/api/assembly-files/${p.fileId}`} className="text-brand-700 underline">
                    {t('viewDocument')}
                  </a>
                </p>
                <div className="flex flex-wrap gap-2">
                  {open &&
                    steps.map((s) => (
                      <SpecForm
                        key={s}
                        action={reviewProxyAction.bind(null, compoundId)}
                        hidden={{ proxyId: p.id, step: s }}
                        fields={[]}
                        submit={t(`proxySteps.${s}`, { name: p.holderName })}
                      />
                    ))}
                  {mayWithdraw && (
                    <SpecForm
                      action={withdrawProxyAction.bind(null, compoundId)}
                      hidden={{ proxyId: p.id }}
                      fields={[]}
                      variant="danger"
                      submit={t('withdraw')}
                    />
                  )}
                </div>
                {mayReject && (
                  <details>
                    <summary className="cursor-pointer text-brand-700 text-sm">{t('rejectTitle')}</summary>
                    <SpecForm
                      action={reviewProxyAction.bind(null, compoundId)}
                      hidden={{ proxyId: p.id, step: 'reject' }}
                      fields={[{ kind: 'textarea', name: 'reason', label: t('rejectReason'), maxLength: 300, rows: 2 }]}
                      variant="danger"
                      submit={t('reject')}
                      className="mt-2"
                    />
                  </details>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
