import ELK from 'elkjs/lib/elk.bundled.js';
import type { LayoutEngine } from '../../../shared/chains/layout';

let elk: InstanceType<typeof ELK> | null = null;

/** elkjs in-process: the backend lays chains out after a template or import, and for the CLI's pictures. */
export function nodeLayoutEngine(): LayoutEngine {
  elk ??= new ELK();
  return elk;
}
