import { appendPendingAnchors } from '@/db/audit/anchor-file';
import { anchorChangedChains } from '@/db/audit/anchors';
import { autoEscalate, endNotice, endRating, listDueTimers, markOverdue } from '@/db/followthrough/timers';
import { listDueHandovers, runHandover } from '@/db/assembly/handover';
import { listDueAssemblies, moveDueAssembly } from '@/db/assembly/moves';
import { closeVote, listDueVotes } from '@/db/voting/close';
import { listVotesClosingSoon, noticeVoteClosing } from '@/db/voting/closing';
import { endDueTenancies } from '@/db/households/tenancy';
import { applyAllDueTransfers } from '@/db/households/transfers';
import { dueMoves } from '@/lib/followthrough/rules';
import { shanghaiDay } from '@/lib/time';

export interface TickReport {
  closedVotes: number;
  /** Votes whose non-voters were told it closes within a day. */
  closingNotices: number;
  /** Owners' assemblies opened at their start time, closed at their end time; committees that took office. */
  openedAssemblies: number;
  closedAssemblies: number;
  handovers: number;
  noticesEnded: number;
  overdue: number;
  escalated: number;
  ratingsClosed: number;
  reopened: number;
  /** Chains anchored by the daily round. */
  anchored: number;
  /** Changes of owner whose date came, and tenancies whose move-out date came (db/households). */
  transfersApplied: number;
  movedOut: number;
  /** Moves that failed (each in its own transaction, so nothing of them was written); the rest went on. */
  failed: string[];
}

/**
 * One due move: a failure (a bug, or data that cannot be counted) is logged and reported, and the
 * clock goes on with the next — one bad vote must not keep every other vote open and every other
 * notice period running.
 */
function isolated(report: TickReport, what: string, move: () => void): void {
  try {
    move();
  } catch (error) {
    report.failed.push(what);
    console.error(`[yishi] clock: ${what} failed`, error);
  }
}

/** The Shanghai day of this process's last daily anchoring round: one round at start, then one a day. */
let anchoredOn: string | null = null;

/**
 * Time-based moves that must happen whether or not anyone visits a page: owners' assemblies open at
 * their start time and close at their end time, an elected committee takes office on its date; votes
 * close at their end time; notice periods end; tasks go overdue and escalate by themselves; rating periods end. Runs
 * every `intervalMs` in the server process and once at start, so a restart catches up on anything
 * that fell due while it was down. Each move is its own compare-and-set transaction, so a move made
 * by hand meanwhile (or by a second process) is never made twice. `onlyTopic` limits the
 * follow-through timers to one topic (npm run clock), and then leaves the anchors alone: a rehearsal
 * must not publish a chain's head under a date that has not come.
 */
export function tick(now: number, opts: { votes?: boolean; onlyTopic?: number | null } = {}): TickReport {
  const report: TickReport = {
    closedVotes: 0,
    closingNotices: 0,
    openedAssemblies: 0,
    closedAssemblies: 0,
    handovers: 0,
    noticesEnded: 0,
    overdue: 0,
    escalated: 0,
    ratingsClosed: 0,
    reopened: 0,
    anchored: 0,
    transfersApplied: 0,
    movedOut: 0,
    failed: [],
  };
  if ((opts.onlyTopic ?? null) === null) {
    isolated(report, 'transfers', () => {
      report.transfersApplied = applyAllDueTransfers(now);
    });
    isolated(report, 'move-outs', () => {
      report.movedOut = endDueTenancies(now);
    });
  }
  if (opts.votes ?? true) {
    // An assembly opens when its notice period is over and closes, all its matters at once, at its end.
    for (const a of listDueAssemblies(now)) {
      isolated(report, `assembly ${a.id}`, () => {
        const moved = moveDueAssembly(a, now);
        if (moved.opened) report.openedAssemblies++;
        if (moved.closed) report.closedAssemblies++;
      });
    }
    for (const h of listDueHandovers(now)) {
      isolated(report, `committee handover ${h.id}`, () => {
        if (runHandover(h.id, now)) report.handovers++;
      });
    }
    for (const v of listDueVotes(now)) {
      isolated(report, `vote ${v.id}`, () => {
        if (closeVote(v.compoundId, v.id, null, now)) report.closedVotes++;
      });
    }
    for (const v of listVotesClosingSoon(now)) {
      isolated(report, `closing notice of vote ${v.id}`, () => {
        noticeVoteClosing(v.compoundId, v.id, now);
        report.closingNotices++;
      });
    }
  }
  for (const t of listDueTimers(now, opts.onlyTopic ?? null)) {
    const moves = dueMoves({ ...t, hasOpenEscalation: Boolean(t.hasOpenEscalation) }, now);
    for (const move of moves) {
      isolated(report, `topic ${t.topicId} (${move})`, () => {
        if (move === 'end_notice' && endNotice(t.compoundId, t.topicId, now)) report.noticesEnded++;
        if (move === 'mark_overdue' && markOverdue(t.compoundId, t.topicId, now)) report.overdue++;
        if (move === 'auto_escalate' && autoEscalate(t.compoundId, t.topicId, t.escalateAfterDays, now)) {
          report.escalated++;
        }
        if (move === 'end_rating') {
          const outcome = endRating(t.compoundId, t.topicId, now);
          if (outcome === 'closed') report.ratingsClosed++;
          if (outcome === 'reopened') report.reopened++;
        }
      });
    }
  }
  if ((opts.onlyTopic ?? null) === null) {
    // Every chain whose head moved since it was last anchored is anchored once a day (and at start,
    // catching up on a day spent down); the anchor file then gets any line a crash kept from it.
    const day = shanghaiDay(now);
    if (day !== anchoredOn) {
      report.anchored = anchorChangedChains(now);
      anchoredOn = day;
    }
    appendPendingAnchors();
  }
  return report;
}

export function startClock(intervalMs = 30_000): void {
  const run = () => {
    try {
      tick(Date.now());
    } catch (error) {
      console.error('[yishi] clock tick failed', error);
    }
  };
  run();
  setInterval(run, intervalMs).unref();
}
