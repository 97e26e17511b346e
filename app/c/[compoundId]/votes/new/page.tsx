import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { listBuildings } from '@/db/places/places';
import { getTopic } from '@/db/topics/read';
import { parseId, requireCompound } from '@/server/auth/guards';
import { planMove } from '@/lib/topics/lifecycle';
import { canOpenVote, type VoteKind } from '@/lib/voting/rules';
import { Breadcrumb } from '../../../../_components/breadcrumb';
import { OpenVoteForm } from './open-vote-form';

type Props = { params: Promise<{ compoundId: string }>; searchParams: Promise<{ topic?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('votes'))('open') };
}

export default async function NewVotePage({ params, searchParams }: Props) {
  const { compound, roles } = await requireCompound((await params).compoundId);
  const topicId = parseId((await searchParams).topic);
  const topic = topicId ? getTopic(compound.id, topicId) : undefined;
  if (!topic || !planMove('open_vote', topic.status, roles).ok) notFound();
  const kinds = (['consultation', 'council', 'owners'] as VoteKind[]).filter((k) => canOpenVote(roles, k) === null);
  if (kinds.length === 0) notFound();
  const t = await getTranslations('votes');
  const buildings = listBuildings(compound.id).map((b) => ({ id: b.id, name: b.name }));
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <Breadcrumb items={[{ href: `/c/${compound.id}/topics/${topic.id}`, label: topic.title }]} />
      <h1 className="font-bold text-2xl">{t('open')}</h1>
      <OpenVoteForm
        compoundId={compound.id}
        topicId={topic.id}
        topicTitle={topic.title}
        kinds={kinds}
        buildings={buildings}
      />
    </div>
  );
}
