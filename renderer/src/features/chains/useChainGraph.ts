import { useEffect, useMemo, useRef, useState } from 'react';
import type { ChainDetail } from '../../../../shared/api/chains';
import { layoutChain, lanesFor } from '../../../../shared/chains/layout';
import { analyseChain } from '../../../../shared/rules/gap';
import { useChainsStore } from '../../stores/chains';
import { chainLayoutEngine } from './layoutEngine';

/** The gap analysis of a chain by the shared rule, recomputed on every edit (the editor and meeting mode). */
export function useChainAnalysis(detail: ChainDetail | null) {
  return useMemo(
    () =>
      detail
        ? analyseChain({ segments: detail.segments, firms: detail.firms, targets: detail.targets, threshold: detail.chain.threshold, tiers: detail.chain.tiers })
        : null,
    [detail],
  );
}

const unplaced = (detail: ChainDetail) => detail.segments.filter((s) => s.x === null || s.y === null);

/**
 * What the editor draws from: the gap analysis and where each segment sits. A chain whose segments have no positions
 * yet (chains from templates and workbooks get theirs from the backend) is laid out once (elkjs, or a tree for large
 * stages) and the positions saved, so the next opening paints straight away.
 */
export function useChainGraph(detail: ChainDetail | null) {
  const analysis = useChainAnalysis(detail);
  const [laidOut, setLaidOut] = useState<number | null>(null);
  const running = useRef(false);
  useEffect(() => {
    if (!detail || running.current) return;
    const missing = unplaced(detail);
    if (missing.length === 0) {
      setLaidOut(detail.chain.id);
      return;
    }
    running.current = true;
    performance.mark('chain-layout-start');
    void layoutChain(chainLayoutEngine, detail.segments, detail.links, detail.chain.tiers)
      .then((layout) => {
        performance.mark('chain-layout-done');
        const positions = missing.map((s) => ({ id: s.id, ...layout.positions.get(s.id)! }));
        // drawn at once; should saving fail, the next opening just lays the chain out again
        useChainsStore.getState().edit([{ op: 'segments.move', positions }], '').catch((e: unknown) => console.warn('chain positions not saved', e));
      })
      .catch((e: unknown) => console.error('chain layout failed', e))
      .finally(() => {
        running.current = false;
        setLaidOut(detail.chain.id);
      });
  }, [detail]);

  const positions = useMemo(() => {
    const map = new Map<number, { x: number; y: number }>();
    for (const s of detail?.segments ?? []) if (s.x !== null && s.y !== null) map.set(s.id, { x: s.x, y: s.y });
    return map;
  }, [detail]);
  const lanes = useMemo(() => (detail ? lanesFor(detail.segments, positions, detail.chain.tiers) : { lanes: [], width: 0, height: 0 }), [detail, positions]);
  const ready = detail !== null && laidOut === detail.chain.id && unplaced(detail).length === 0;
  return { analysis, positions, lanes, ready };
}
