import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Breadcrumb } from '@/app/_components/breadcrumb';
import { topicsForAssembly } from '@/db/assembly/read';
import { assemblyRulesOf } from '@/db/assembly/rules';
import { canAnnounceAssembly, DAY_MS } from '@/lib/assembly/rules';
import { shanghaiMinute } from '@/lib/time';
import { parseId, requireCompound } from '@/server/auth/guards';
import { AnnounceForm } from './announce-form';

type Props = { params: Promise<{ compoundId: string }>; searchParams: Promise<{ topic?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('assembly'))('announce') };
}

const HOUR = 3_600_000;

/**
 * The owners' committee calls an assembly: the form starts from the compound's rules (notice period,
 * voting period, committee size, proxy limit), with the earliest lawful dates filled in.
 */
export default async function NewAssemblyPage({ params, searchParams }: Props) {
  const { compound, roles } = await requireCompound((await params).compoundId);
  if (canAnnounceAssembly(roles)) notFound();
  const settings = assemblyRulesOf(compound.id);
  if (!settings) notFound();
  const t = await getTranslations('assembly');
  const { rules } = settings;
  const now = Date.now();
  // Whole hours, with an hour to spare, so the default still meets the rules when the form is sent.
  const start = Math.ceil((now + rules.noticeDays * DAY_MS + HOUR) / HOUR) * HOUR;
  const defaults = {
    objectionsUntil: shanghaiMinute(start - 3 * DAY_MS),
    startsAt: shanghaiMinute(start),
    endsAt: shanghaiMinute(start + rules.votingMinDays * DAY_MS),
  };
  const topicId = parseId((await searchParams).topic);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Breadcrumb
        items={[
          { href: `/c/${compound.id}`, label: compound.name },
          { href: `/c/${compound.id}/assemblies`, label: t('title') },
          { label: t('announce') },
        ]}
      />
      <h1 className="font-bold text-2xl">{t('announce')}</h1>
      <p className="rounded-lg bg-amber-50 p-3 text-amber-900">
        {t('rulesSummary', {
          notice: rules.noticeDays,
          voting: rules.votingMinDays,
          seats: rules.committeeSeats,
          proxies: rules.maxProxies,
        })}
      </p>
      <AnnounceForm
        compoundId={compound.id}
        topics={topicsForAssembly(compound.id)}
        initialTopic={topicId}
        defaults={defaults}
        seats={rules.committeeSeats}
      />
    </div>
  );
}
