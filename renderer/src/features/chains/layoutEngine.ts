import ELK from 'elkjs/lib/elk-api.js';
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';
import { LARGE_LANE, laneGraph, type LayoutEngine, type LayoutSegment } from '../../../../shared/chains/layout';

/**
 * elkjs for the editor, in a Web Worker as elkjs recommends for big graphs, so the window never freezes while a chain
 * is laid out. elkjs is compiled Java: cold, a 500-segment chain takes it most of a second, warm a third of that. So
 * the worker starts with the app and warms itself on made-up lanes, one lane at a time until the first real layout,
 * so a chain opened meanwhile waits for at most one of them. Where workers can't run (a policy, a
 * file:// quirk) elkjs runs in the page instead.
 */

/** Made-up lanes laid out to warm elkjs: about what one opening of a large chain takes. */
const WARM_UP_ROUNDS = 4;

let engine: Promise<LayoutEngine> | null = null;

/** Starts the worker (idempotent); the editor awaits the same engine later. */
export function layoutEngine(): Promise<LayoutEngine> {
  engine ??= startWorker().catch(inPage);
  return engine;
}

/**
 * The engine to lay chains out with: it waits for the worker only when a lane goes to elkjs at all (large lanes are
 * laid out as trees, shared/chains/layout.ts), so a large chain's first opening never waits on a cold elkjs.
 */
export const chainLayoutEngine: LayoutEngine = { layout: async (graph) => (await layoutEngine()).layout(graph) };

async function startWorker(): Promise<LayoutEngine> {
  const worker = new Worker(elkWorkerUrl);
  const failed = new Promise<never>((_, reject) => worker.addEventListener('error', (e) => reject(new Error(`elkjs worker: ${e.message}`))));
  failed.catch(() => undefined); // observed by each layout; a failure while idle must not be an unhandled rejection
  const elk = new ELK({ workerFactory: () => worker });
  let used = false;
  const run: LayoutEngine['layout'] = (graph) => Promise.race([elk.layout(graph), failed]);
  // the first call proves the worker runs (else elkjs in the page); the rest stop at the first real layout, so they
  // never compete with it or with drawing its result
  await run(warmUpLane());
  void (async () => {
    for (let i = 1; i < WARM_UP_ROUNDS && !used; i++) await run(warmUpLane()).catch(() => undefined);
  })();
  return {
    layout(graph) {
      used = true;
      return run(graph);
    },
  };
}

async function inPage(): Promise<LayoutEngine> {
  const { default: Bundled } = await import('elkjs/lib/elk.bundled.js');
  return new Bundled();
}

/** A made-up lane (a tree with a few supply links) as large as elkjs is given. */
function warmUpLane() {
  const lane: LayoutSegment[] = Array.from({ length: LARGE_LANE }, (_, i) => ({ id: i, parentId: i === 0 ? null : Math.floor((i - 1) / 4), tier: 'warm-up', x: null, y: null }));
  return laneGraph(lane, [{ fromId: 3, toId: 90 }, { fromId: 12, toId: 60 }, { fromId: 40, toId: 110 }]);
}
