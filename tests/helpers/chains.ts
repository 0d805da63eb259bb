import type { ChainEdit, ChainEditsResult } from '../../shared/api/chains';
import { call } from './backend';
import type { Backend } from '../../electron/backend/create';

/** Applies edits to a chain through the contract, failing the test when they are refused. */
export function edit(backend: Backend, chainId: number, edits: ChainEdit[], label = ''): Promise<ChainEditsResult> {
  return call<ChainEditsResult>(backend, 'chains.applyEdits', { chainId, edits, label });
}

/** The one id an edit made (the new segment, firm, target, link). */
export async function added(backend: Backend, chainId: number, one: ChainEdit): Promise<number> {
  const result = await edit(backend, chainId, [one]);
  const id = result.applied[0]?.ids[0];
  if (id === undefined) throw new Error(`${one.op} made nothing`);
  return id;
}
