import Link from 'next/link';
import type { AssemblyRow } from '@/db/assembly/read';
import { buttonClass } from '../../../../../_components/button';
import { SpecForm } from '../../../../../_components/spec-form';
import { closeAssemblyAction } from '../../actions';
import { assemblyText, CARD } from './text';

/**
 * The organisers' tools: the printable delivery list for door-to-door paper notices, the notice board,
 * and the close — after the end time, or earlier only when every eligible voter has voted.
 */
export async function OrganiseSection({
  compoundId,
  assembly,
  delivery,
  close,
}: {
  compoundId: number;
  assembly: AssemblyRow;
  delivery: boolean;
  /** null: may close now; 'hidden': not an organiser or not open; otherwise why not yet. */
  close: string | null;
}) {
  const { t } = await assemblyText();
  if (!delivery && close === 'hidden') return null;
  return (
    <section aria-labelledby="organise-h" className={`${CARD} no-print space-y-3`}>
      <h2 id="organise-h" className="font-semibold text-xl">
        {t('organise')}
      </h2>
      <div className="flex flex-wrap gap-2">
        {delivery && (
          <Link href={`/c/${compoundId}/assemblies/${assembly.id}/delivery`} className={buttonClass('secondary')}>
            {t('deliveryList')}
          </Link>
        )}
        <Link href={`/c/${compoundId}/board`} className={buttonClass('secondary')}>
          {t('boardLink')}
        </Link>
      </div>
      {close !== 'hidden' && (
        <div className="space-y-2">
          <p className="text-sm text-stone-600">{close === null ? t('closeNow') : t('closeWhen')}</p>
          {close === null && (
            <SpecForm
              action={closeAssemblyAction.bind(null, compoundId)}
              hidden={{ assemblyId: assembly.id }}
              fields={[]}
              variant="danger"
              submit={t('close')}
            />
          )}
        </div>
      )}
    </section>
  );
}
