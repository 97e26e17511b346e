/**
 * @deprecated Import from the file of the concern: db/voting/{open,read,ballots,paper,close,receipts}.ts.
 * Kept only for importers outside the voting refactor (app/c/[compoundId]/topics/[topicId]/notice/page.tsx,
 * owned by the follow-through refactor); delete it once they import from db/voting/read.ts.
 */
export { type CastOutcome, castBallot, findBallot, findVoter } from './ballots';
export { closeVote, countInputOf, hashResult, listDueVotes } from './close';
export { type NewVote, openVote } from './open';
export { confirmPaperBallot, enterPaperBallot, listPendingPaper } from './paper';
export { getVote, listNonVoters, liveTally, myVoterRows, voteTurnout } from './read';
export { countReceipts, findReceipt, listReceipts } from './receipts';
