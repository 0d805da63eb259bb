import { layoutChain } from '../../../shared/chains/layout';
import { nodeLayoutEngine } from './elk';
import type { Db } from '../db/open';
import { chainTiers, listLinks, listSegments, readChainRow } from './queries';

/**
 * Lays out, with elkjs, the segments of a chain that have no position yet, and saves where they went. Run after a
 * chain is made from a template or imported, so that the editor opens it without laying it out (elkjs on a large
 * chain takes seconds on a slow PC). Positions are how the map looks, not data: they are saved without an audit entry.
 */
export async function layoutMissingPositions(db: Db, chainId: number): Promise<number> {
  const segments = listSegments(db, chainId);
  if (!segments.some((s) => s.x === null || s.y === null)) return 0;
  const layout = await layoutChain(nodeLayoutEngine(), segments, listLinks(db, chainId), chainTiers(readChainRow(db, chainId)));
  const update = db.prepare('UPDATE segment SET position_x = ?, position_y = ? WHERE id = ? AND position_x IS NULL');
  let n = 0;
  db.transaction(() => {
    for (const s of segments) {
      if (s.x !== null && s.y !== null) continue;
      const p = layout.positions.get(s.id)!;
      n += update.run(p.x, p.y, s.id).changes;
    }
  })();
  return n;
}
