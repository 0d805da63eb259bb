import type { ChainDetail } from '../api/chains';
import { SEGMENT_STATUSES, tierLabel, type SegmentStatus } from '../domain/chain';
import type { ChainGapAnalysis } from '../rules/gap';
import { shortCompanyName } from './text';

/**
 * What the chain poster says (产业链招商图谱, as bureaus hang them on walls), before anything is placed: one column per
 * stage (上游 / 中游 / 下游), in each a card per top-level segment holding its sub-segments, and for every segment its
 * status, its 链主 and key local firms by name and the firms to attract with their country. Wording comes from
 * `PosterLabels` (Chinese by default: the exports are Chinese documents; the screen passes its locale's).
 */

export interface PosterLabels {
  tier(tier: string): string;
  status(status: SegmentStatus): string;
  leaders: string;
  backbone: string;
  supporting: string;
  targets: string;
  /** “N 家” for a count of firms. */
  firmCount(count: number): string;
  /** “等 N 家” after the names shown. */
  andMore(count: number): string;
  /** The list separator between names. */
  separator: string;
  /** Between the parts of one line (firms by role). */
  partSeparator: string;
  /** A stage without segments. */
  emptyTier: string;
  /** 缺 N · 弱 N · 强 N under a stage's name (its leaf segments, as 完整度 counts them). */
  tierCounts(counts: Record<SegmentStatus, number>): string;
}

export const ZH_POSTER_LABELS: PosterLabels = {
  tier: tierLabel,
  status: (s) => SEGMENT_STATUSES[s],
  leaders: '链主',
  backbone: '骨干',
  supporting: '配套',
  targets: '招商目标',
  firmCount: (n) => `${n} 家`,
  andMore: (n) => `等 ${n} 家`,
  separator: '、',
  partSeparator: '；',
  emptyTier: '（暂无环节）',
  tierCounts: (c) => `缺 ${c.missing} · 弱 ${c.weak} · 强 ${c.strong}`,
};

export interface PosterItem {
  segmentId: number;
  name: string;
  status: SegmentStatus;
  overridden: boolean;
  isLeaf: boolean;
  /** 0 for a card's own segment, 1 for its sub-segments, 2 for theirs… */
  depth: number;
  /** Local firms by role, already worded (empty when none). */
  firms: string;
  /** Targets with their country, already worded (empty when none). */
  targets: string;
}

export interface PosterCard {
  head: PosterItem;
  items: PosterItem[];
}

export interface PosterColumn {
  tier: string;
  label: string;
  /** Leaf statuses in this stage, worded. */
  counts: string;
  cards: PosterCard[];
}

export interface PosterContent {
  columns: PosterColumn[];
  /** Supply links between segments (the picture draws those that run between columns). */
  links: Array<{ fromId: number; toId: number }>;
}

/** Names shown before “等 N 家”. */
const NAMES_SHOWN = 2;

function names(list: string[], labels: PosterLabels, shown = NAMES_SHOWN): string {
  const head = list.slice(0, shown).join(labels.separator);
  return list.length > shown ? `${head} ${labels.andMore(list.length)}` : head;
}

export function posterContent(
  detail: ChainDetail,
  analysis: ChainGapAnalysis,
  options: { labels?: PosterLabels; countryName?: (code: string) => string } = {},
): PosterContent {
  const labels = options.labels ?? ZH_POSTER_LABELS;
  const countryName = options.countryName ?? ((code: string) => code);
  const gapOf = new Map(analysis.segments.map((g) => [g.segmentId, g]));
  const byId = new Map(detail.segments.map((s) => [s.id, s]));
  const children = new Map<number, number[]>();
  for (const s of detail.segments) if (s.parentId !== null && byId.has(s.parentId) && s.parentId !== s.id) children.set(s.parentId, [...(children.get(s.parentId) ?? []), s.id]);

  const firmsOf = new Map<number, ChainDetail['firms']>();
  for (const f of detail.firms) firmsOf.set(f.segmentId, [...(firmsOf.get(f.segmentId) ?? []), f]);
  const targetsOf = new Map<number, ChainDetail['targets']>();
  for (const t of detail.targets) targetsOf.set(t.segmentId, [...(targetsOf.get(t.segmentId) ?? []), t]);

  const firmsText = (id: number): string => {
    const firms = firmsOf.get(id) ?? [];
    const by = (role: string) => firms.filter((f) => f.role === role).map((f) => shortCompanyName(f.companyName));
    const [leaders, backbone, supporting] = [by('leader'), by('backbone'), by('supporting')];
    const parts: string[] = [];
    if (leaders.length) parts.push(`${labels.leaders} ${names(leaders, labels, leaders.length)}`);
    if (backbone.length) parts.push(`${labels.backbone} ${names(backbone, labels)}`);
    // supporting firms by name only when nothing weightier is there to name
    if (supporting.length) parts.push(`${labels.supporting} ${parts.length ? labels.firmCount(supporting.length) : names(supporting, labels)}`);
    return parts.join(labels.partSeparator);
  };
  const targetsText = (id: number): string => {
    const targets = (targetsOf.get(id) ?? []).map((t) => {
      const name = shortCompanyName(t.company);
      const country = t.countryCode ? countryName(t.countryCode) : '';
      // 新科先进封装（新加坡）is not followed by （新加坡）again, nor 博瑞传感技术（香港）by （中国香港）
      return country && !name.includes(country.replace(/^中国/, '')) ? `${name}（${country}）` : name;
    });
    return targets.length ? `${labels.targets} ${names(targets, labels)}` : '';
  };
  const item = (id: number, depth: number): PosterItem => {
    const s = byId.get(id)!;
    const g = gapOf.get(id)!;
    return { segmentId: id, name: s.name, status: g.status, overridden: g.overridden, isLeaf: g.isLeaf, depth, firms: firmsText(id), targets: targetsText(id) };
  };

  // a card per segment that starts a tree in its stage: no parent, or a parent placed in another stage
  const known = new Set(detail.chain.tiers);
  const tiers = [...detail.chain.tiers, ...new Set(detail.segments.map((s) => s.tier).filter((t) => !known.has(t)))];
  const columns: PosterColumn[] = tiers.map((tier) => {
    const inTier = detail.segments.filter((s) => s.tier === tier);
    const roots = inTier.filter((s) => s.parentId === null || byId.get(s.parentId)?.tier !== tier || s.parentId === s.id);
    const seen = new Set<number>();
    const card = (root: ChainDetail['segments'][number]): PosterCard => {
      const items: PosterItem[] = [];
      seen.add(root.id);
      const visit = (id: number, depth: number) => {
        for (const c of children.get(id) ?? []) {
          if (seen.has(c) || byId.get(c)!.tier !== tier) continue;
          seen.add(c);
          items.push(item(c, depth));
          visit(c, depth + 1);
        }
      };
      visit(root.id, 1);
      return { head: item(root.id, 0), items };
    };
    const cards = roots.map(card);
    // segments caught in a parent cycle (bad data) reach no root: each gets a card rather than going missing
    for (const s of inTier) if (!seen.has(s.id)) cards.push(card(s));
    const counts: Record<SegmentStatus, number> = { strong: 0, weak: 0, missing: 0 };
    for (const s of detail.segments) if (s.tier === tier && gapOf.get(s.id)?.isLeaf) counts[gapOf.get(s.id)!.status] += 1;
    return { tier, label: labels.tier(tier), counts: labels.tierCounts(counts), cards };
  });
  return { columns, links: detail.links.map((l) => ({ fromId: l.fromId, toId: l.toId })) };
}
