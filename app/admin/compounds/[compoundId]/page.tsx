import type { Metadata } from 'next';
import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getCompoundSettings, listCompanies, listRecentAudit } from '@/db/places/compounds';
import { listBuildings } from '@/db/places/places';
import { peekCompound, requireCompound } from '@/server/auth/guards';
import { canAdministerCompound } from '@/lib/auth/permissions';
import { UNIT_CSV_COLUMNS } from '@/lib/import/units-csv';
import { Breadcrumb } from '../../../_components/breadcrumb';
import { AssemblyRulesSection } from './assembly-rules-section';
import { BuildingForms } from './building-forms';
import { ImportForm } from './import-form';
import { ServicesForm } from './services-form';
import { SettingsForm } from './settings-form';

type Props = { params: Promise<{ compoundId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await peekCompound((await params).compoundId))?.name };
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id={id} className="mb-4 font-semibold text-lg">
        {title}
      </h2>
      {children}
    </section>
  );
}

export default async function AdminCompoundPage({ params }: Props) {
  const { compound } = await requireCompound((await params).compoundId, canAdministerCompound);
  const [t, format] = await Promise.all([getTranslations('admin'), getFormatter()]);
  const settings = getCompoundSettings(compound.id);
  const buildings = listBuildings(compound.id);
  const companies = listCompanies();
  const audit = listRecentAudit(compound.id, 15);
  if (!settings) return null;

  return (
    <div className="space-y-6">
      <Breadcrumb items={[{ href: '/admin', label: t('title') }, { label: compound.name }]} />
      <div className="flex flex-wrap items-baseline gap-3">
        <h1 className="font-bold text-2xl">{t('manageCompound', { name: compound.name })}</h1>
        <Link href={`/c/${compound.id}`} className="text-brand-700 underline">
          {t('open')}
        </Link>
        <Link href={`/c/${compound.id}/register`} className="text-brand-700 underline">
          {t('registerLink')}
        </Link>
      </div>

      <Section id="settings" title={t('settings')}>
        <SettingsForm compoundId={compound.id} values={settings} />
      </Section>

      <AssemblyRulesSection compoundId={compound.id} />

      <Section id="buildings" title={t('buildings', { count: buildings.length })}>
        <BuildingForms compoundId={compound.id} buildings={buildings} />
      </Section>

      <Section id="services" title={t('propertyCompanies')}>
        <ServicesForm compoundId={compound.id} companies={companies} serving={[...compound.companyIds]} />
      </Section>

      <Section id="import" title={t('importTitle')}>
        <p className="mb-2 text-stone-700">{t('importIntro')}</p>
        <details className="mb-4 rounded-lg bg-stone-50 p-3 text-sm">
          <summary className="cursor-pointer font-medium">{t('importColumns')}</summary>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {UNIT_CSV_COLUMNS.map((c) => (
              <li key={c.key}>
                <code>{[c.key, ...c.aliases].join(' / ')}</code>
                {c.required ? '' : ` ${t('optional')}`} — {t(`columnHelp.${c.key}`)}
              </li>
            ))}
          </ul>
          <a href="/templates/units-template.csv" download className="mt-2 inline-block text-brand-700 underline">
            {t('downloadTemplate')}
          </a>
        </details>
        <ImportForm compoundId={compound.id} />
      </Section>

      <Section id="audit" title={t('recentChanges')}>
        {audit.length === 0 ? (
          <p className="text-stone-600">{t('noChanges')}</p>
        ) : (
          <ol className="space-y-2 text-sm">
            {audit.map((a) => (
              <li key={a.id} className="flex flex-wrap gap-x-3">
                <time className="text-stone-600 tabular-nums" dateTime={new Date(a.at).toISOString()}>
                  {format.dateTime(new Date(a.at), { dateStyle: 'medium', timeStyle: 'short' })}
                </time>
                <span>{a.actorName ?? t('system')}</span>
                <span className="font-medium">{t(`auditActions.${a.action}` as 'auditActions.create')}</span>
              </li>
            ))}
          </ol>
        )}
      </Section>
    </div>
  );
}
