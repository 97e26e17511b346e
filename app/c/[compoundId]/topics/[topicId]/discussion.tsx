import Link from 'next/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import type { CommentRow } from '@/db/discussion/discussion';
import type { Role } from '@/lib/auth/roles';
import { canModerate, seesHiddenText } from '@/lib/topics/rules';
import { RoleBadgeList } from '../../../../_components/badges';
import { RelativeTimeText } from '../../../../_components/relative-time';
import { CommentForm, CommentTools } from './comment-forms';

/** A comment with its author's roles in the compound, for the badges. */
export type ThreadComment = CommentRow & { roles: Role[] };

interface ThreadContext {
  compoundId: number;
  topicId: number;
  open: boolean;
  viewerId: number;
  viewerRoles: ReadonlySet<Role>;
  moderator: boolean;
  t: Awaited<ReturnType<typeof getTranslations<'topics'>>>;
  tRoles: Awaited<ReturnType<typeof getTranslations<'roles'>>>;
  format: Awaited<ReturnType<typeof getFormatter>>;
  justNow: string;
}

/**
 * One comment. Synchronous, with the thread's translators: a page shows up to a few hundred comments,
 * and an async component each cost more than rendering them (docs/decisions/0019-performance.md).
 */
function CommentItem({ c, reply, ctx }: { c: ThreadComment; reply: boolean; ctx: ThreadContext }) {
  const { t, format, moderator } = ctx;
  const hidden = c.hiddenAt !== null;
  const showText = !hidden || seesHiddenText(ctx.viewerRoles, c, ctx.viewerId);
  return (
    <article aria-label={c.authorName} className={`rounded-lg p-3 ${hidden ? 'bg-stone-100' : 'bg-stone-50'}`}>
      <header className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{c.authorName}</span>
        <RoleBadgeList t={ctx.tRoles} roles={c.roles} partyMember={c.partyMember} />
        <RelativeTimeText at={c.createdAt} format={format} justNow={ctx.justNow} className="text-sm text-stone-600" />
      </header>
      {hidden && !showText && <p className="mt-1 text-stone-500 italic">{t('hiddenPlaceholder')}</p>}
      {showText && <p className={`mt-1 whitespace-pre-wrap ${hidden ? 'text-stone-500' : ''}`}>{c.body}</p>}
      {hidden && showText && c.authorId === ctx.viewerId && (
        <p role="note" className="mt-1 text-brand-800 text-sm">
          {t('hiddenForAuthor', { reason: c.hiddenReason ?? '' })}
        </p>
      )}
      {hidden && showText && c.authorId !== ctx.viewerId && (
        <p className="mt-1 text-sm text-stone-600">{t('hiddenForModerator', { reason: c.hiddenReason ?? '' })}</p>
      )}
      {moderator && !hidden && c.reportCount > 0 && (
        <p className="mt-1 text-brand-800 text-sm">{t('reports', { count: c.reportCount })}</p>
      )}
      <CommentTools
        compoundId={ctx.compoundId}
        topicId={ctx.topicId}
        commentId={c.id}
        authorName={c.authorName}
        canReply={ctx.open && !reply}
        canReport={!hidden && c.authorId !== ctx.viewerId && !c.reported}
        reported={c.reported}
        canHide={moderator && !hidden}
      />
    </article>
  );
}

/**
 * The thread, replies one level deep. A hidden comment's text is rendered only for its author and
 * the moderators; everyone else gets a placeholder, so the text never reaches their browser.
 */
export async function Discussion(props: {
  compoundId: number;
  topicId: number;
  open: boolean;
  viewerId: number;
  viewerRoles: Role[];
  comments: ThreadComment[];
  /** Comments in the whole thread, and which page of threads this is. */
  total: number;
  page: number;
  pages: number;
}) {
  const [t, tRoles, format, tApp] = await Promise.all([
    getTranslations('topics'),
    getTranslations('roles'),
    getFormatter(),
    getTranslations('app'),
  ]);
  const viewerRoles = new Set(props.viewerRoles);
  const ctx: ThreadContext = {
    ...props,
    viewerRoles,
    moderator: canModerate(viewerRoles) === null,
    t,
    tRoles,
    format,
    justNow: tApp('justNow'),
  };
  const top = props.comments.filter((c) => c.parentId === null);
  const replies = new Map<number, ThreadComment[]>();
  for (const c of props.comments) {
    if (c.parentId === null) continue;
    replies.set(c.parentId, [...(replies.get(c.parentId) ?? []), c]);
  }
  return (
    <section aria-labelledby="discussion-h" className="rounded-xl bg-white p-5 ring-1 ring-stone-200">
      <h2 id="discussion-h" className="mb-3 font-semibold text-lg">
        {t('discussion')} <span className="font-normal text-stone-500">({props.total})</span>
      </h2>
      {!props.open && <p className="mb-3 text-stone-600">{t('discussionClosed')}</p>}
      {top.length === 0 && props.open && <p className="mb-3 text-stone-600">{t('noComments')}</p>}
      <ol className="space-y-3">
        {top.map((c) => (
          <li key={c.id}>
            <CommentItem c={c} reply={false} ctx={ctx} />
            {(replies.get(c.id) ?? []).length > 0 && (
              <ol className="mt-2 ml-4 space-y-2 border-stone-200 border-l-2 pl-3 sm:ml-8">
                {(replies.get(c.id) ?? []).map((r) => (
                  <li key={r.id}>
                    <CommentItem c={r} reply ctx={ctx} />
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
      {props.pages > 1 && (
        <nav
          aria-label={t('commentPage', { page: props.page, pages: props.pages })}
          className="mt-3 flex items-center gap-3 text-sm"
        >
          {props.page > 1 && (
            <Link href={`?cpage=${props.page - 1}#discussion-h`} className="text-brand-700 underline">
              {t('olderComments')}
            </Link>
          )}
          <span className="text-stone-600">{t('commentPage', { page: props.page, pages: props.pages })}</span>
          {props.page < props.pages && (
            <Link href={`?cpage=${props.page + 1}#discussion-h`} className="text-brand-700 underline">
              {t('newerComments')}
            </Link>
          )}
        </nav>
      )}
      {props.open && <CommentForm compoundId={props.compoundId} topicId={props.topicId} />}
    </section>
  );
}
