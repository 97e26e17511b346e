import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { AssemblyRules } from '@/lib/assembly/rules';
import { moveFrom } from '@/lib/topics/lifecycle';
import type { MatterKind } from '@/lib/voting/count-matters';
import { VOTE_ANNOUNCED } from '@/lib/voting/lifecycle';
import { appendAudit } from '../audit/append';
import { type Tx, writeTransaction } from '../client';
import { notify } from '../notifications/notifications';
import { assemblies, assemblyFiles, topics } from '../schema';
import { moveTopic } from '../topics/move';
import { insertVote, registeredUnits } from '../voting/open';
import { audienceOfAssembly } from './audience';

export interface AnnouncedMatter {
  topicId: number;
  kind: MatterKind;
  item: number;
  question: string;
  /** A decision's agree/disagree/abstain or a choice's options with "abstain"; an election's come from its nominations. */
  options: { key: string; label: string }[];
  abstainLabel: string;
}

export interface Announcement {
  compoundId: number;
  announcedBy: number;
  title: string;
  materials: string;
  howToVote: string;
  ballotBox: string;
  objectionsUntil: number;
  startsAt: number;
  endsAt: number;
  rules: AssemblyRules;
  nonVotersFollowMajority: boolean;
  matters: AnnouncedMatter[];
  files: { file: string; mime: string; bytes: number; name: string }[];
}

export type AnnounceResult =
  | { ok: true; assemblyId: number }
  | { ok: false; error: string; field?: string; values?: Record<string, string | number> };

/** Thrown inside the transaction to undo everything it wrote and answer with a message. */
class Refusal extends Error {
  constructor(
    readonly key: string,
    readonly field?: string,
    readonly values?: Record<string, string | number>,
  ) {
    super(key);
  }
}

/** An election's candidates: the nominations the committee accepted on its topic, by name. */
function candidatesOf(tx: Tx, topicId: number) {
  return tx.all<{ key: string; label: string }>(sql`
    select 'c' || n.candidate_id as key, p.name as label from nominations n join people p on p.id = n.candidate_id
     where n.topic_id = ${topicId} and n.status = 'accepted' order by n.id`);
}

/**
 * Announces an owners' assembly in one transaction: the assembly and its notice, one vote per matter
 * (announced, electorate frozen now, so owners can object to their entry), each matter's topic moved to
 * "voting", the materials, the audit entries, and the notice to every owner of the compound (the app's
 * notification and, until they have voted, the top of their home page), to the branch, the committee
 * and the grid workers who deliver paper notices, and to the community (docs/domain/owners-assembly.md).
 * Refused as a whole when the compound has no registered units, a topic cannot go to a vote, or an
 * election has no accepted candidate.
 */
export function announceAssembly(a: Announcement, now: number): AnnounceResult {
  try {
    return writeTransaction((tx): AnnounceResult => {
      if (registeredUnits(tx, a.compoundId) === 0) throw new Refusal('noRegisteredUnits');
      const assemblyId = tx
        .insert(assemblies)
        .values({
          compoundId: a.compoundId,
          title: a.title,
          materials: a.materials,
          howToVote: a.howToVote,
          ballotBox: a.ballotBox,
          status: 'announced',
          announcedBy: a.announcedBy,
          announcedAt: now,
          objectionsUntil: a.objectionsUntil,
          startsAt: a.startsAt,
          endsAt: a.endsAt,
          noticeDays: a.rules.noticeDays,
          votingMinDays: a.rules.votingMinDays,
          maxProxies: a.rules.maxProxies,
          committeeAlternates: a.rules.committeeAlternates,
          handoverDays: a.rules.handoverDays,
          createdAt: now,
        })
        .returning({ id: assemblies.id })
        .get().id;
      const voteIds: number[] = [];
      a.matters.forEach((m, i) => {
        const field = `m${i + 1}_topicId`;
        const topic = tx
          .select({ status: topics.status })
          .from(topics)
          .where(and(eq(topics.id, m.topicId), eq(topics.compoundId, a.compoundId)))
          .get();
        if (!topic) throw new Refusal('notFound', field);
        const move = moveFrom('open_vote', topic.status);
        if (!move) throw new Refusal('wrongState', field);
        const options =
          m.kind === 'election'
            ? [...candidatesOf(tx, m.topicId), { key: 'abstain', label: m.abstainLabel }]
            : m.options;
        if (m.kind === 'election' && options.length < 2) throw new Refusal('noCandidates', field);
        const { voteId, electorate } = insertVote(
          tx,
          {
            compoundId: a.compoundId,
            topicId: m.topicId,
            kind: 'owners',
            question: m.question,
            matterItem: m.kind === 'election' ? 3 : m.item,
            choiceMode: m.kind === 'election' ? 'multiple' : 'single',
            secret: false,
            allowChange: false,
            buildingIds: null,
            nonVotersFollowMajority: m.kind === 'decision' && a.nonVotersFollowMajority,
            startsAt: a.startsAt,
            endsAt: a.endsAt,
            options,
            openedBy: a.announcedBy,
            assemblyId,
            matterKind: m.kind,
            seats: m.kind === 'election' ? a.rules.committeeSeats : null,
          },
          [],
          VOTE_ANNOUNCED,
          now,
        );
        if (electorate === 0) throw new Refusal('noRegisteredUnits');
        voteIds.push(voteId);
        const moved = moveTopic(
          tx,
          {
            compoundId: a.compoundId,
            topicId: m.topicId,
            actorId: a.announcedBy,
            move,
            data: { voteId, assemblyId, kind: 'owners', startsAt: a.startsAt },
          },
          now,
        );
        if (!moved) throw new Refusal('wrongState', field);
      });
      for (const f of a.files) {
        tx.insert(assemblyFiles)
          .values({
            compoundId: a.compoundId,
            assemblyId,
            kind: 'material',
            ...f,
            uploadedBy: a.announcedBy,
            createdAt: now,
          })
          .run();
      }
      const audience = audienceOfAssembly(tx, a.compoundId, voteIds[0] ?? 0);
      appendAudit(tx, {
        compoundId: a.compoundId,
        actorId: a.announcedBy,
        at: now,
        entity: 'assembly',
        entityId: assemblyId,
        action: 'announce_assembly',
        toState: 'announced',
        data: {
          title: a.title,
          voteIds,
          objectionsUntil: a.objectionsUntil,
          startsAt: a.startsAt,
          endsAt: a.endsAt,
          rules: a.rules,
          files: a.files.length,
          notified: { owners: audience.owners.length, community: audience.community.length },
        },
      });
      notify(
        tx,
        [...audience.owners, ...audience.officials, ...audience.community],
        { compoundId: a.compoundId, kind: 'assembly', actorId: a.announcedBy, assemblyId, detail: a.title },
        now,
      );
      return { ok: true, assemblyId };
    });
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, error: error.key, field: error.field, values: error.values };
    throw error;
  }
}
