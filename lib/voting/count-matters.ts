import { formatArea } from '../area';
import { type ChoiceResult, countChoice } from './choice';
import type { CountInput } from './count';
import { countElection, type ElectionResult } from './election';
import { isArt278Item, matterOf } from './matters';

/**
 * The matters of an owners' assembly (docs/domain/owners-assembly.md) as stored votes: a yes/no
 * decision, a committee election (lib/voting/election.ts) or a choice among options such as property
 * companies (lib/voting/choice.ts), each counted on its own over the vote's frozen electorate.
 */
export const MATTER_KINDS = ['decision', 'election', 'choice'] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];

/** The option that stands for "none of them": it takes part without agreeing (lib/voting/rules.ts ABSTAIN_KEY). */
const ABSTAIN = 'abstain';

/**
 * What an assembly matter's stored result adds to a vote's: the units behind the holders (a notice says
 * "9 owners (11 units)": Art. 278 counts owners, residents think in flats), how many holders voted
 * through an authorised agent, and an election's or a choice's count.
 */
export interface AssemblyFigures {
  units: { total: number; participating: number; agree: number | null };
  byProxy: number;
  election: ElectionResult & { seats: number };
  choice: ChoiceResult & { matter: 'ordinary' | 'special'; matterItem: number };
}

/**
 * Units of the frozen electorate, of the holders who took part, and of those whose ballot named
 * `agreeKey` (null: the matter has no single "agree", as in an election).
 */
export function assemblyFiguresOf(
  input: CountInput,
  agreeKey: string | null,
): Pick<AssemblyFigures, 'units' | 'byProxy'> {
  const unitsOf = new Map<number, number>();
  for (const u of input.units) unitsOf.set(u.holderId, (unitsOf.get(u.holderId) ?? 0) + 1);
  const holderOf = new Map(input.voters.map((v) => [v.voterKey, v.holderId]));
  let participating = 0;
  let agree = 0;
  let byProxy = 0;
  for (const b of input.ballots) {
    const holder = holderOf.get(b.voterKey);
    const n = holder === null || holder === undefined ? 0 : (unitsOf.get(holder) ?? 0);
    participating += n;
    if (agreeKey !== null && b.choice.length === 1 && b.choice[0] === agreeKey) agree += n;
    if (b.byProxy) byProxy++;
  }
  return {
    units: { total: input.units.length, participating, agree: agreeKey === null ? null : agree },
    byProxy,
  };
}

/** The frozen electorate in the kernels' string contract: ids as strings, areas as "87.35". */
function unitsAsStrings(input: CountInput) {
  return input.units.map((u) => ({
    unitId: String(u.unitId),
    holderId: String(u.holderId),
    area: formatArea(u.areaCenti),
  }));
}

/** Each counted ballot as its holder (a string id) and the option keys it names, "abstain" dropped. */
function ballotsOf(input: CountInput): { holderId: string; keys: string[] }[] {
  const holderOf = new Map(input.voters.map((v) => [v.voterKey, v.holderId]));
  return input.ballots.map((b) => {
    const holder = holderOf.get(b.voterKey);
    if (holder === undefined) throw new Error(`ballot from ${b.voterKey}, who is not in the electorate`);
    if (holder === null) throw new Error(`ballot from ${b.voterKey} has no holder`);
    if (b.choice.includes(ABSTAIN) && b.choice.length > 1) {
      throw new Error(`ballot from ${b.voterKey} abstains and names an option`);
    }
    return { holderId: String(holder), keys: b.choice.filter((k) => k !== ABSTAIN) };
  });
}

/**
 * An election (item 3, ordinary: each candidate must pass the ordinary test on their own, ranked by
 * agreeing area then heads, ties reported and not elected) or a choice (one option at most can pass;
 * if none does, none is chosen). The kernels throw on anything they cannot count faithfully.
 */
export function countAssemblyMatter(
  input: CountInput,
  kind: 'election' | 'choice',
): Pick<AssemblyFigures, 'units' | 'byProxy'> & Partial<Pick<AssemblyFigures, 'election' | 'choice'>> {
  const units = unitsAsStrings(input);
  const ballots = ballotsOf(input);
  const candidates = input.options.filter((o) => o.key !== ABSTAIN).map((o) => ({ id: o.key }));
  const figures = assemblyFiguresOf(input, null);
  if (kind === 'election') {
    const seats = input.seats ?? 0;
    const election = countElection({
      seats,
      units,
      candidates,
      ballots: ballots.map((b) => ({ holderId: b.holderId, marks: b.keys })),
    });
    return { ...figures, election: { ...election, seats } };
  }
  const item = input.matterItem;
  if (item === null || !isArt278Item(item)) throw new Error('a choice needs its Art. 278 item (1–9)');
  const matter = matterOf(item);
  const choice = countChoice({
    matter,
    units,
    options: candidates,
    ballots: ballots.map((b) => {
      if (b.keys.length > 1) throw new Error(`ballot of holder ${b.holderId} names more than one option`);
      return { holderId: b.holderId, option: b.keys[0] ?? null };
    }),
  });
  return { ...figures, choice: { ...choice, matter, matterItem: item } };
}
