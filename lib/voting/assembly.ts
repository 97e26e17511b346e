import { formatArea } from '../area';
import { type ChoiceInput, type ChoiceResult, countChoice } from './choice';
import { countElection, type ElectionInput, type ElectionResult, type OwnersFigures } from './election';
import { type Art278Item, isArt278Item, matterOf } from './matters';
import {
  countOwnersDecision,
  holdersOfUnits,
  nameOf,
  type OwnersDecisionInput,
  type OwnersDecisionResult,
} from './owners-decision';

/**
 * One owners' assembly (业主大会) announcement carrying several matters (docs/domain/owners-assembly.md: "each matter is
 * counted on its own"), all over the same frozen electorate.
 *
 * Contract:
 * - `units`: the frozen electorate, as in `countOwnersDecision`; the same for every matter.
 * - `matters`: at least one, ids distinct, each with its own ballots, whose shape depends on its kind:
 *   - 'decision': a yes/no matter under an Art. 278 item (1–9), ballots agree / disagree / abstain, counted by
 *     `countOwnersDecision` as `matterOf(item)` (items 6–8 special, the rest ordinary);
 *   - 'election': the owners' committee, always item 3 (ordinary), counted by `countElection`;
 *   - 'choice': one of several options under an Art. 278 item, counted by `countChoice` as `matterOf(item)`.
 *
 * Participation is per matter: a matter's participants are the holders who cast a ballot on that matter. An
 * owner may answer one matter of a written ballot and leave another blank, and Art. 278 tests each decision's
 * own participation, so a matter can fail its quorum while another on the same announcement meets it. A holder
 * who wants to take part in a matter without agreeing abstains on it (an abstain ballot, an election ballot
 * without marks, a choice of null).
 *
 * Throws when the electorate, a matter, or a ballot cannot be counted; an error within a matter is prefixed with
 * the matter's id. Results follow the order of `matters`.
 */
export type AssemblyMatter =
  | { id: string; kind: 'decision'; item: Art278Item; ballots: OwnersDecisionInput['ballots'] }
  | {
      id: string;
      kind: 'election';
      seats: ElectionInput['seats'];
      candidates: ElectionInput['candidates'];
      ballots: ElectionInput['ballots'];
    }
  | { id: string; kind: 'choice'; item: Art278Item; options: ChoiceInput['options']; ballots: ChoiceInput['ballots'] };

export interface AssemblyInput {
  units: OwnersDecisionInput['units'];
  matters: AssemblyMatter[];
}

type Matter = OwnersDecisionInput['matter'];

export type AssemblyMatterResult =
  | { id: string; kind: 'decision'; item: Art278Item; matter: Matter; result: OwnersDecisionResult }
  | { id: string; kind: 'election'; item: 3; matter: 'ordinary'; result: ElectionResult }
  | { id: string; kind: 'choice'; item: Art278Item; matter: Matter; result: ChoiceResult };

export interface AssemblyResult {
  total: OwnersFigures;
  matters: AssemblyMatterResult[];
}

/** Civil Code Art. 278 para. 1 item 3: electing or replacing the owners' committee. */
const ELECTION_ITEM = 3 as const;

function itemOf(m: { item: number }): Art278Item {
  if (!isArt278Item(m.item)) {
    throw new Error(`item ${JSON.stringify(m.item)} is not an Art. 278 item (1–9)`);
  }
  return m.item;
}

function countMatter(units: AssemblyInput['units'], m: AssemblyMatter): AssemblyMatterResult {
  const { id } = m;
  switch (m.kind) {
    case 'decision': {
      const item = itemOf(m);
      const matter = matterOf(item);
      return { id, kind: 'decision', item, matter, result: countOwnersDecision({ matter, units, ballots: m.ballots }) };
    }
    case 'election': {
      const result = countElection({ seats: m.seats, units, candidates: m.candidates, ballots: m.ballots });
      // Item 3 is ordinary (matters.test.ts); countElection applies the ordinary test to each candidate.
      return { id, kind: 'election', item: ELECTION_ITEM, matter: 'ordinary', result };
    }
    case 'choice': {
      const item = itemOf(m);
      const matter = matterOf(item);
      const result = countChoice({ matter, units, options: m.options, ballots: m.ballots });
      return { id, kind: 'choice', item, matter, result };
    }
    default: {
      const kind = (m as { kind: unknown }).kind;
      throw new Error(`unknown kind ${JSON.stringify(kind)}`);
    }
  }
}

export function countAssembly(input: AssemblyInput): AssemblyResult {
  const { units, matters } = input;
  // The electorate is read first, so that a bad unit is reported as such and not as a fault of the first matter.
  const holders = holdersOfUnits(units);
  if (matters.length === 0) throw new Error('An assembly needs at least one matter');
  const ids = new Set<string>();
  for (const { id } of matters) {
    if (ids.has(id)) throw new Error(`Matter ${nameOf(id)} is listed twice`);
    ids.add(id);
  }
  const results = matters.map((m) => {
    try {
      return countMatter(units, m);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`Matter ${nameOf(m.id)}: ${message}`, { cause: error });
    }
  });
  return {
    total: { area: formatArea(holders.totalCenti), owners: holders.ids.length },
    matters: results,
  };
}
