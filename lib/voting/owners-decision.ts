import { type AreaParseError, formatArea, MAX_UNIT_AREA_CENTI, parseArea } from '../area';
import { KeyIndex } from './key-index';

export type OwnersDecisionChoice = 'agree' | 'disagree' | 'abstain';

export interface OwnersDecisionInput {
  matter: 'ordinary' | 'special'; // special = Art. 278 items 6, 7, 8
  units: { unitId: string; holderId: string; area: string }[]; // area in m², e.g. "87.35"
  ballots: { holderId: string; choice: OwnersDecisionChoice }[];
}

export interface OwnersDecisionResult {
  total: { area: string; owners: number }; // every holder in the electorate
  participating: { area: string; owners: number }; // holders who cast any ballot
  agree: { area: string; owners: number };
  quorumMet: boolean; // participation test, on area and head count
  agreementMet: boolean; // agreement test for the matter, on area and head count
  passed: boolean;
}

/** A required share `num/den` of a whole; `inclusive` says whether reaching it exactly is enough. */
export interface Threshold {
  num: number;
  den: number;
  inclusive: boolean;
}

/**
 * Civil Code Art. 278 para. 2 sets the fractions; Art. 1259 decides the boundaries: "以上" (at least) includes the
 * number itself, "过半数" (more than half) does not, so exactly 1/2 fails while exactly 2/3 or 3/4 passes.
 */
export const thresholds = {
  quorum: { num: 2, den: 3, inclusive: true },
  special: { num: 3, den: 4, inclusive: true },
  ordinary: { num: 1, den: 2, inclusive: false },
} as const satisfies Record<'quorum' | OwnersDecisionInput['matter'], Threshold>;

/**
 * Whether `part` reaches `threshold` of `whole` (both non-negative integers: hundredths of m² or heads), by
 * cross-multiplication. BigInt because an area sum near 2^53 hundredths times 4 would leave the range where Number
 * is exact.
 */
export function meetsThreshold(part: number, whole: number, threshold: Threshold): boolean {
  const lhs = BigInt(part) * BigInt(threshold.den);
  const rhs = BigInt(whole) * BigInt(threshold.num);
  return threshold.inclusive ? lhs >= rhs : lhs > rhs;
}

const AREA_ERROR_TEXT: Record<AreaParseError, string> = {
  empty: 'is empty',
  format: `is not an area in m² from 0.01 to ${formatArea(MAX_UNIT_AREA_CENTI)}, written like "87.35"`,
  decimals: 'has more than two decimals',
  not_positive: 'is not positive',
};

/**
 * Reads the canonical register form "87.35" (1–7 digits, a point, 2 digits) without regular expressions, which
 * would cost a third of a million-unit count. Returns -1 for anything else, including zero and out-of-range values,
 * so that parseArea stays the one authority on what an area is and on every rejection.
 */
function canonicalCenti(text: string): number {
  const n = text.length;
  if (n < 4 || n > 10 || text.charCodeAt(n - 3) !== 46 /* '.' */) return -1;
  let centi = 0;
  for (let i = 0; i < n; i++) {
    if (i === n - 3) continue;
    const digit = text.charCodeAt(i) - 48; /* '0' */
    if (digit < 0 || digit > 9) return -1;
    centi = centi * 10 + digit;
  }
  return centi > 0 && centi <= MAX_UNIT_AREA_CENTI ? centi : -1;
}

/** What an owners' count adds up: hundredths of m² and heads. */
export interface OwnersSums {
  totalCenti: number;
  totalOwners: number;
  participatingCenti: number;
  participatingOwners: number;
  agreeCenti: number;
  agreeOwners: number;
}

/** Ballot choices as the numbers the count works on. */
export const CHOICE_CODE = { agree: 0, disagree: 1, abstain: 2 } as const satisfies Record<
  OwnersDecisionChoice,
  number
>;

/** The electorate as holders numbered 0 … ids.length-1 in order of first appearance. */
export interface HolderAreas<K> {
  /** Holder id → number. */
  index: KeyIndex<K>;
  /** Number → holder id. */
  ids: K[];
  /** Each holder's units' areas added, in hundredths of m². */
  centi: Float64Array;
  totalCenti: number;
}

/**
 * SPC interpretation Arts. 8–9: the unit of counting is the holder. A buyer of several units, the developer with
 * its unsold or undelivered units, and the co-owners of one unit each count as one owner with their areas added.
 * Shared by `countOwnersDecision` (ids and areas as strings, the contract) and the stored-vote count
 * (lib/voting/count.ts, numbers, so nothing is turned into a string and back); `centiOf` reads and checks a
 * unit's area, `name` writes an id into an error. Sums are Numbers of hundredths, exact while the grand total
 * stays a safe integer (checked here). Sums are kept in a typed array, not one object per holder, to keep a
 * million-unit count clear of garbage-collection pauses; there are never more holders than units. Ids are
 * looked up in KeyIndex tables sized for the units (a Map of a million fresh strings costs twice the count).
 */
export function holderAreas<K, U extends { unitId: K; holderId: K }>(
  units: readonly U[],
  centiOf: (unit: U) => number,
  name: (id: K) => string,
): HolderAreas<K> {
  if (units.length === 0) {
    throw new Error('Empty electorate: a decision needs at least one unit');
  }
  const index = new KeyIndex<K>(units.length);
  const ids: K[] = [];
  const centi = new Float64Array(units.length);
  const unitIds = new KeyIndex<K>(units.length);
  let totalCenti = 0;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u] as U;
    // One table operation instead of get + set: this loop runs once per unit of the compound.
    const knownUnits = unitIds.size;
    unitIds.set(unit.unitId, u);
    if (unitIds.size === knownUnits) {
      throw new Error(`Duplicate unit ${name(unit.unitId)}: each unit may appear only once`);
    }
    const area = centiOf(unit);
    let h = index.get(unit.holderId);
    if (h === undefined) {
      h = ids.length;
      index.set(unit.holderId, h);
      ids.push(unit.holderId);
    }
    centi[h] = (centi[h] as number) + area;
    totalCenti += area;
  }
  // Every partial sum is below the total, so a safe total means every sum was exact.
  if (!Number.isSafeInteger(totalCenti)) {
    throw new Error('Total exclusive area is too large to count exactly');
  }
  return { index, ids, centi, totalCenti };
}

/**
 * The count itself, on the holders and ballots given as the voting holder's number and its choice code.
 * `name` writes a holder's id into the error for a second ballot.
 */
export function sumBallots<K>(
  holders: HolderAreas<K>,
  ballotHolder: Int32Array,
  ballotChoice: Uint8Array,
  name: (id: K) => string,
): OwnersSums {
  const { centi: holderCenti, totalCenti } = holders;
  // Abstaining is taking part (Art. 278 counts participating owners), so every ballot counts toward participation
  // and only 'agree' toward agreement. Owners who did not vote are not counted with anyone.
  const voted = new Uint8Array(holders.ids.length);
  let participatingCenti = 0;
  let agreeCenti = 0;
  let agreeOwners = 0;
  for (let i = 0; i < ballotHolder.length; i++) {
    const h = ballotHolder[i] as number;
    if (voted[h] === 1) {
      // Co-owners and multi-unit holders vote with one voice (SPC interpretation Arts. 8–9).
      throw new Error(`Holder ${name(holders.ids[h] as K)} cast more than one ballot`);
    }
    voted[h] = 1;
    const centi = holderCenti[h] as number;
    participatingCenti += centi;
    if (ballotChoice[i] === CHOICE_CODE.agree) {
      agreeCenti += centi;
      agreeOwners += 1;
    }
  }
  return {
    totalCenti,
    totalOwners: holders.ids.length,
    participatingCenti,
    participatingOwners: ballotHolder.length,
    agreeCenti,
    agreeOwners,
  };
}

/** The tests of Art. 278 on what was added up, and the figures as the contract gives them. */
export function verdictOf(matter: OwnersDecisionInput['matter'], sums: OwnersSums): OwnersDecisionResult {
  const { totalCenti, totalOwners, participatingCenti, participatingOwners, agreeCenti, agreeOwners } = sums;
  // Civil Code Art. 278 para. 2: at least 2/3 of the area and at least 2/3 of the owners took part.
  const quorumMet =
    meetsThreshold(participatingCenti, totalCenti, thresholds.quorum) &&
    meetsThreshold(participatingOwners, totalOwners, thresholds.quorum);

  // Art. 278 para. 2: special matters need 3/4, all others more than half, of the participating area and owners.
  // With nobody taking part there is no agreement: 0 >= 3/4 of 0 would otherwise count as met.
  const agreementThreshold = thresholds[matter];
  const agreementMet =
    participatingOwners > 0 &&
    meetsThreshold(agreeCenti, participatingCenti, agreementThreshold) &&
    meetsThreshold(agreeOwners, participatingOwners, agreementThreshold);

  return {
    total: { area: formatArea(totalCenti), owners: totalOwners },
    participating: { area: formatArea(participatingCenti), owners: participatingOwners },
    agree: { area: formatArea(agreeCenti), owners: agreeOwners },
    quorumMet,
    agreementMet,
    passed: quorumMet && agreementMet,
  };
}

/** How the string contract writes an id into an error: quoted, so that "" and " 1" stay visible. */
export const nameOf = (id: string): string => JSON.stringify(id);

/**
 * The electorate of the string contract (units with areas like "87.35") as holders. Shared by
 * `countOwnersDecision` and the assembly counts beside it (election.ts, choice.ts), so that every matter reads
 * areas and rejects them with the same words.
 */
export function holdersOfUnits(units: readonly OwnersDecisionInput['units'][number][]): HolderAreas<string> {
  return holderAreas(
    units,
    (unit) => {
      if (typeof unit.area !== 'string') {
        throw new Error(`Unit ${nameOf(unit.unitId)}: area must be a string such as "87.35"`);
      }
      const centi = canonicalCenti(unit.area);
      if (centi >= 0) return centi;
      const parsed = parseArea(unit.area);
      if (!parsed.ok) {
        throw new Error(
          `Unit ${nameOf(unit.unitId)}: area ${JSON.stringify(unit.area)} ${AREA_ERROR_TEXT[parsed.error]}`,
        );
      }
      return parsed.centi;
    },
    nameOf,
  );
}

/**
 * Numbers the things a ballot may mark (a choice's options, an election's candidates) by id;
 * `what` names them in the error for an id listed twice ("Option", "Candidate").
 */
export function indexByIds(items: readonly { id: string }[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  items.forEach(({ id }, i) => {
    if (index.has(id)) throw new Error(`${what} ${nameOf(id)} is listed twice`);
    index.set(id, i);
  });
  return index;
}

/** The number of the holder casting a ballot; a ballot from someone who holds no unit cannot be counted. */
export function holderOf(holders: HolderAreas<string>, holderId: string): number {
  const h = holders.index.get(holderId);
  if (h === undefined) {
    throw new Error(`Ballot of holder ${nameOf(holderId)}: this holder holds no unit`);
  }
  return h;
}

/**
 * Counts an owners' joint decision (业主共同决定) under Civil Code Art. 278 and the Supreme People's Court
 * interpretation on building ownership, Arts. 8–9, as restated in docs/domain/voting-rules.md.
 *
 * Throws on any input it cannot count faithfully, because a decision counted wrongly can be voided by a court.
 */
export function countOwnersDecision(input: OwnersDecisionInput): OwnersDecisionResult {
  const { matter, units, ballots } = input;
  if (matter !== 'ordinary' && matter !== 'special') {
    throw new Error(`Unknown matter ${JSON.stringify(matter)}: expected 'ordinary' or 'special'`);
  }
  const holders = holdersOfUnits(units);
  const ballotHolder = new Int32Array(ballots.length);
  const ballotChoice = new Uint8Array(ballots.length);
  for (let i = 0; i < ballots.length; i++) {
    const { holderId, choice } = ballots[i] as OwnersDecisionInput['ballots'][number];
    if (choice !== 'agree' && choice !== 'disagree' && choice !== 'abstain') {
      throw new Error(`Ballot of holder ${JSON.stringify(holderId)}: unknown choice ${JSON.stringify(choice)}`);
    }
    ballotHolder[i] = holderOf(holders, holderId);
    ballotChoice[i] = CHOICE_CODE[choice];
  }
  return verdictOf(matter, sumBallots(holders, ballotHolder, ballotChoice, nameOf));
}
