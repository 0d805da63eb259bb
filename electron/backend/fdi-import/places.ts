/**
 * The 区县 and 园区 a run's files name, known or not. A name the bureau has not set up does not block: a preview lists
 * it once (with its proposed match or inferred type) for the person to confirm; a commit takes the person's choice,
 * or with `addUnknown` the confident match or a new place — registered by the check worker in the import's own
 * transaction — and without either refuses the rows that use it, naming it once. New places get negative ids here
 * (the parse worker has no database), which the check worker maps to the rows it inserts.
 */
import type { PlatformType } from '../../../shared/domain/platform';
import { cityNames, districtKey, inferDistrictType, inferPlatformType, proposeMatch, type DistrictType, type PlaceKind, type Proposal } from './name-match';
import type { FdiResolvers, ResolverData } from './resolve';

/** A person's answer for an unknown name: another name of a known place, or a new place (of this type). */
export interface PlaceChoice {
  kind: PlaceKind;
  name: string;
  matchId: number | null;
  type?: PlatformType | null;
}

export interface PlacePolicy {
  stage: 'preview' | 'commit';
  addUnknown: boolean;
  choices: readonly PlaceChoice[];
}

/** A place to register before the records that use it are written. */
export interface NewPlace {
  kind: PlaceKind;
  tempId: number;
  name: string;
  /** A platform's type; null for a district. */
  type: PlatformType | null;
  /** A district's division code, when the bureau's area has a division of that name. */
  code: string | null;
  /** A platform's district (possibly another new place's negative id). */
  districtId: number | null;
}

/** An unknown name as one file used it. */
export interface UnknownPlace {
  kind: PlaceKind;
  name: string;
  /** Rows that name it (for a file-level district: the file's data rows). */
  rows: number;
  firstRow: number | null;
  proposal: Proposal | null;
  type: PlatformType | DistrictType;
  /** What the import does with it: waits for the person (preview), adds it, takes the match, or refuses its rows. */
  action: 'pending' | 'add' | 'match' | 'refuse';
  /** The place it was taken as (a new place's negative id until committed). */
  id: number | null;
}

/** An unknown name taken as another name of a known place. */
export interface MatchedPlace {
  kind: PlaceKind;
  name: string;
  id: number;
  to: string;
}

export interface Place {
  id: number;
  name: string;
  districtId: number | null;
}

interface Entry {
  place: Place | null;
  unknown: Omit<UnknownPlace, 'rows' | 'firstRow'> | null;
}

const squash = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

export class PlaceBook {
  private readonly cache: Record<PlaceKind, Map<string, Entry>> = { district: new Map(), platform: new Map() };
  private readonly byKey: Record<PlaceKind, Map<string, Entry>> = { district: new Map(), platform: new Map() };
  private readonly choices = new Map<string, PlaceChoice>();
  private readonly cities: string[];
  private nextTemp = -1;
  private queued: NewPlace[] = [];
  private readonly matches: MatchedPlace[] = [];
  /** Uses of unknown names in the current file. */
  private uses = new Map<Entry, { rows: number; firstRow: number | null }>();

  constructor(
    private readonly resolvers: FdiResolvers,
    private readonly data: ResolverData,
    private readonly policy: PlacePolicy,
  ) {
    for (const c of policy.choices) this.choices.set(`${c.kind}|${squash(c.name)}`, c);
    this.cities = cityNames(data.jurisdiction.name);
  }

  /** The bureau's own city names (not district names). */
  get ownNames(): readonly string[] {
    return this.cities;
  }

  district(text: string, row: number | null): Place | null {
    return this.lookUp('district', text, row, null);
  }

  /** `districtId`: the file's district, which a new platform is placed in. */
  platform(text: string, row: number | null, districtId: number | null): Place | null {
    return this.lookUp('platform', text, row, districtId);
  }

  private lookUp(kind: PlaceKind, text: string, row: number | null, districtId: number | null): Place | null {
    let entry = this.cache[kind].get(text);
    if (!entry) {
      entry = this.resolve(kind, text, districtId);
      this.cache[kind].set(text, entry);
    }
    if (entry.unknown) {
      const use = this.uses.get(entry);
      if (use) use.rows++;
      else this.uses.set(entry, { rows: 1, firstRow: row });
    }
    return entry.place;
  }

  private resolve(kind: PlaceKind, text: string, districtId: number | null): Entry {
    const known: { id: number; name: string; districtId?: number | null } | null = kind === 'district' ? this.resolvers.district(text) : this.resolvers.platform(text);
    if (known) return { place: { id: known.id, name: known.name, districtId: known.districtId ?? null }, unknown: null };
    const key = squash(text);
    // `江海经开区` and `江海 经开区` are one unknown name
    const same = this.byKey[kind].get(key);
    if (same) return same;
    const entry = this.unknown(kind, key, districtId);
    this.byKey[kind].set(key, entry);
    return entry;
  }

  private unknown(kind: PlaceKind, name: string, districtId: number | null): Entry {
    const list: ReadonlyArray<{ id: number; name: string; districtId?: number | null }> = kind === 'district' ? this.data.districts : this.data.platforms;
    const proposal = proposeMatch(kind, name, list, this.cities);
    const type = kind === 'platform' ? inferPlatformType(name) : inferDistrictType(name);
    const choice = this.choices.get(`${kind}|${name}`);
    const { stage, addUnknown } = this.policy;
    const match = (id: number, action: UnknownPlace['action']): Entry => {
      const target = list.find((k) => k.id === id)!;
      if (stage === 'commit') this.matches.push({ kind, name, id, to: target.name });
      const place = { id, name: target.name, districtId: target.districtId ?? null };
      return { place, unknown: { kind, name, proposal, type, action, id } };
    };
    if (choice?.matchId != null && list.some((k) => k.id === choice.matchId)) return match(choice.matchId, 'match');
    if (stage === 'commit' && !choice && addUnknown && proposal?.confident) return match(proposal.id, 'match');
    if (stage === 'commit' && !choice && !addUnknown) return { place: null, unknown: { kind, name, proposal, type, action: 'refuse', id: null } };
    const tempId = this.nextTemp--;
    const chosenType = kind === 'platform' ? (choice?.type ?? (type as PlatformType)) : null;
    const code = kind === 'district' ? (this.data.jurisdiction.divisions.find((d) => districtKey(d.name) === districtKey(name))?.code ?? null) : null;
    this.queued.push({ kind, tempId, name, type: chosenType, code, districtId: kind === 'platform' ? districtId : null });
    return {
      place: { id: tempId, name, districtId: kind === 'platform' ? districtId : null },
      unknown: { kind, name, proposal, type: chosenType ?? type, action: stage === 'preview' ? 'pending' : 'add', id: tempId },
    };
  }

  /** New places to register before the next records are written (in the order they were first seen). */
  takeNew(): NewPlace[] {
    const out = this.queued;
    this.queued = [];
    return out;
  }

  /** Names taken as another name of a known place (to remember as aliases once committed). */
  get matched(): readonly MatchedPlace[] {
    return this.matches;
  }

  /** The unknown names the current file used, and starts counting for the next file. */
  endFile(): UnknownPlace[] {
    const out = [...this.uses].map(([entry, use]) => ({ ...entry.unknown!, ...use }));
    this.uses = new Map();
    return out;
  }
}
