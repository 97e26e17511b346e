import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Breadcrumb } from '@/app/_components/breadcrumb';
import { getFormatter, getTranslations } from 'next-intl/server';
import { cache } from 'react';
import { listCommentPage } from '@/db/discussion/discussion';
import { getTopic, listMergeTargets, topicSideData, rolesOfPeople, topicTimeline } from '@/db/topics/read';
import { parseId, peekCompound, requireCompound } from '@/server/auth/guards';
import { getActor } from '@/server/auth/session';
import { availableMoves, isReviewAction, planMove } from '@/lib/topics/lifecycle';
import { canAnnounceAssembly } from '@/lib/assembly/rules';
import { canOpenVote } from '@/lib/voting/rules';
import { getFollowThrough } from '@/db/followthrough/read';
import { markTopicRead } from '@/db/notifications/notifications';
import { canComment, canCosign, partiesFor } from '@/lib/topics/rules';
import { PhotoGrid } from '../../../../_components/photo-grid';
import { StatusBadge } from '../../../../_components/status-badge';
import { Discussion } from './discussion';
import { FollowThrough } from './_followthrough/follow-through';
import { Positions } from './positions';
import { ReviewForm } from './review-form';
import { NominationsSection } from './_nominations/section';
import { Timeline } from './timeline';
import { VotesCard } from './votes-card';
import { TopicButtons } from './topic-buttons';

type Props = {
  params: Promise<{ compoundId: string; topicId: string }>;
  searchParams: Promise<{ cpage?: string | string[] }>;
};

/** Once per request: the page and its metadata read the same row. */
const topicOf = cache(getTopic);

async function load(params: Props['params']) {
  const p = await params;
  const ctx = await requireCompound(p.compoundId);
  const id = parseId(p.topicId);
  const topic = id ? topicOf(ctx.compound.id, id, ctx.actor.personId) : undefined;
  if (!topic) notFound();
  return { ...ctx, topic };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const p = await params;
  const [compound, actor] = await Promise.all([peekCompound(p.compoundId), getActor()]);
  const id = parseId(p.topicId);
  return { title: compound && actor && id ? topicOf(compound.id, id, actor.personId)?.title : undefined };
}

export default async function TopicPage({ params, searchParams }: Props) {
  const { actor, compound, roles, topic } = await load(params);
  // Opening a topic reads what was said about it: its notices (a reply, a new status) leave the
  // unread count and My work.
  markTopicRead(actor.personId, topic.id, Date.now());
  const [t, format] = await Promise.all([getTranslations('topics'), getFormatter()]);
  const asked = (await searchParams).cpage;
  const cpage = typeof asked === 'string' && /^\d{1,6}$/.test(asked) ? Number(asked) : null;
  const thread = listCommentPage(topic.id, actor.personId, cpage);
  const comments = thread.comments;
  const speakers = rolesOfPeople(compound, [...new Set([topic.authorId, ...comments.map((c) => c.authorId)])]);
  const { positions, meetings, votes: topicVotes } = topicSideData(topic.id);
  const openable = planMove('open_vote', topic.status, roles).ok;
  const canOpen = openable && (['consultation', 'council'] as const).some((k) => canOpenVote(roles, k) === null);
  const canCallAssembly = openable && canAnnounceAssembly(roles) === null;
  const timeline = topicTimeline(topic.id);
  const follow = getFollowThrough(topic.id, actor.personId);
  const moves = availableMoves(topic.status, roles);
  const mergeTargets = moves.some((m) => m.action === 'merge') ? listMergeTargets(compound.id, topic.id) : [];
  const cosignDenied = canCosign(roles, topic, actor.personId, topic.cosigned);
  const base = `/c/${compound.id}/topics`;

  return (
    <div className="space-y-5">
      <Breadcrumb
        items={[
          { href: `/c/${compound.id}`, label: compound.name },
          { href: base, label: t('title') },
        ]}
      />

      <article className="space-y-3 rounded-xl bg-white p-5 ring-1 ring-stone-200">
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={topic.status} />
          <span className="text-sm text-stone-600">{t(`categories.${topic.category}`)}</span>
          <span className="text-sm text-stone-600">· {topic.buildingName ?? t('wholeCompound')}</span>
        </div>
        <h1 className="font-bold text-2xl leading-snug">{topic.title}</h1>
        <p className="text-sm text-stone-600">
          {t('by', { name: topic.authorName })} ·{' '}
          <time dateTime={new Date(topic.createdAt).toISOString()}>
            {format.dateTime(new Date(topic.createdAt), { dateStyle: 'long', timeStyle: 'short' })}
          </time>
        </p>
        <p className="whitespace-pre-wrap">{topic.description}</p>
        <PhotoGrid ids={topic.photoIds} label={t('photosLabel')} alt={(n) => t('photoAlt', { n })} />
        {topic.status === 'rejected' && topic.statusReason && (
          <p className="rounded-lg bg-stone-100 p-3">{t('rejectedBecause', { reason: topic.statusReason })}</p>
        )}
        {topic.status === 'merged' && topic.mergedIntoId && (
          <p className="rounded-lg bg-stone-100 p-3">
            {t('mergedInto')}{' '}
            <Link href={`${base}/${topic.mergedIntoId}`} className="text-brand-700 underline">
              {topic.mergedIntoTitle}
            </Link>
          </p>
        )}
        {topic.status === 'small_matter' && (
          <p className="rounded-lg bg-emerald-50 p-3 text-emerald-900">
            {t('routedTo', { company: topic.routedCompanyName ?? '' })}
          </p>
        )}
        <TopicButtons
          compoundId={compound.id}
          topicId={topic.id}
          cosignCount={topic.cosignCount}
          cosigned={topic.cosigned}
          following={topic.following}
          canCosign={cosignDenied === null}
        />
      </article>

      {moves.length > 0 && (
        <ReviewForm
          compoundId={compound.id}
          topicId={topic.id}
          actions={moves.map((m) => m.action).filter(isReviewAction)}
          mergeTargets={mergeTargets}
        />
      )}

      {topic.status !== 'raised' && topic.status !== 'rejected' && topic.status !== 'merged' && (
        <Positions
          compoundId={compound.id}
          topicId={topic.id}
          positions={positions}
          myParties={canComment(roles, topic) === null ? partiesFor(roles) : []}
        />
      )}

      {(topicVotes.length > 0 || canOpen || canCallAssembly) && (
        <VotesCard
          compoundId={compound.id}
          topicId={topic.id}
          votes={topicVotes}
          canOpen={canOpen}
          canCallAssembly={canCallAssembly}
        />
      )}

      <NominationsSection compoundId={compound.id} topic={topic} roles={roles} personId={actor.personId} />

      <FollowThrough compound={compound} topic={topic} actor={actor} roles={roles} data={follow} />

      {meetings.length > 0 && (
        <section aria-labelledby="meetings-h" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
          <h2 id="meetings-h" className="mb-3 font-semibold text-lg">
            {t('meetings')}
          </h2>
          <ul className="space-y-3">
            {meetings.map((m) => (
              <li key={m.id} className="rounded-lg bg-stone-50 p-3">
                <Link href={`/c/${compound.id}/meetings/${m.id}`} className="font-medium text-brand-700 underline">
                  {m.title}
                </Link>
                <p className="text-sm text-stone-600">
                  {t('scheduledFor', {
                    time: format.dateTime(new Date(m.startsAt), { dateStyle: 'long', timeStyle: 'short' }),
                    place: m.place,
                  })}
                </p>
                {m.minutes && (
                  <>
                    <h3 className="mt-2 font-medium">{t('minutes')}</h3>
                    <p className="whitespace-pre-wrap">{m.minutes}</p>
                    {m.attendeeNames && (
                      <p className="text-sm text-stone-600">{t('attendees', { names: m.attendeeNames })}</p>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <Discussion
        compoundId={compound.id}
        topicId={topic.id}
        open={canComment(roles, topic) === null}
        viewerId={actor.personId}
        viewerRoles={[...roles]}
        total={topic.commentCount}
        page={thread.page}
        pages={thread.pages}
        comments={comments.map((c) => ({ ...c, roles: [...(speakers.get(c.authorId) ?? [])] }))}
      />

      <Timeline entries={timeline} />
    </div>
  );
}
