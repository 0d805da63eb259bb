import type { FdiPreview, PlaceChoice } from '../../../../../shared/api/fdiImport';
import type { PlatformType } from '../../../../../shared/domain/platform';

/** The person's answer per unknown name, by `kind|name`. */
export type PlaceChoices = Record<string, { matchId: number | null; type: PlatformType | null }>;

export const placeKey = (p: { kind: string; name: string }) => `${p.kind}|${p.name}`;

/** What the preview proposes: a confident match taken, everything else new with the type its name suggests. */
export function proposedChoices(preview: FdiPreview): PlaceChoices {
  return Object.fromEntries(
    preview.unknownPlaces.map((u) => [placeKey(u), { matchId: u.proposal?.confident ? u.proposal.id : null, type: u.kind === 'platform' ? (u.type as PlatformType) : null }]),
  );
}

/** The choices as a commit takes them. */
export function placesInput(preview: FdiPreview, choices: PlaceChoices): PlaceChoice[] {
  return preview.unknownPlaces.map((u) => {
    const c = choices[placeKey(u)];
    return { kind: u.kind, name: u.name, matchId: c?.matchId ?? null, type: u.kind === 'platform' ? (c?.type ?? null) : null };
  });
}
