import { createHash } from 'node:crypto';
import type { FdiImportResult, FdiPreview } from '../../shared/api/fdiImport';
import type { JobState } from '../../shared/api/jobs';
import type { Backend } from '../../electron/backend/create';
import { call, tempBackend } from './backend';
import { FIXTURE_PLATFORMS, type FixtureRecord } from './fdi-fixtures';

/** A backend with the districts and platforms the fixtures name. */
export async function fdiBackend(options: { demo?: boolean } = {}) {
  const backend = await tempBackend(options);
  for (const name of ['江北区', '江南区']) await call(backend, 'settings.saveDistrict', { name });
  for (const [name, type] of FIXTURE_PLATFORMS) await call(backend, 'settings.savePlatform', { name, type });
  return backend;
}

export function register(backend: Backend, file: string): string {
  return backend.ctx.files.register(file).fileId;
}

export async function previewFile(backend: Backend, file: string, options: Record<string, unknown> = {}): Promise<FdiPreview> {
  const { jobId } = await call<{ jobId: string }>(backend, 'fdiImport.preview', { fileId: register(backend, file), ...options });
  const state = await backend.ctx.jobs.wait(jobId);
  if (state.status !== 'done') throw new Error(`preview ${state.status}: ${JSON.stringify(state.error)}`);
  return state.result as FdiPreview;
}

/** Runs a commit job and returns its final state (done, or failed with the refusal). */
export async function commitJob(backend: Backend, input: Record<string, unknown>): Promise<JobState> {
  const { jobId } = await call<{ jobId: string }>(backend, 'fdiImport.commit', input);
  return backend.ctx.jobs.wait(jobId);
}

export async function importFile(backend: Backend, file: string, options: Record<string, unknown> = {}): Promise<FdiImportResult> {
  const state = await commitJob(backend, { fileId: register(backend, file), ...options });
  if (state.status !== 'done') throw new Error(`commit ${state.status}: ${JSON.stringify(state.error).slice(0, 2000)}`);
  return state.result as FdiImportResult;
}

/** The records of a batch as the fixtures describe them, in file order. */
export function storedRecords(backend: Backend, batchId: number): FixtureRecord['expected'][] {
  return backend.ctx.db
    .prepare(
      `SELECT r.enterprise_name AS name, r.uscc, r.country_code AS countryCode, r.industry_code AS industryCode, r.mode,
         r.contracted_fdi AS contractedFdi, r.actual_fdi AS actualFdi, r.period, p.name AS platform
       FROM fdi_record r LEFT JOIN platform p ON p.id = r.platform_id WHERE r.batch_id = ? ORDER BY r.source_row`,
    )
    .all(batchId) as FixtureRecord['expected'][];
}

const DATA_TABLES = ['enterprise', 'fdi_record', 'import_batch', 'import_batch_enterprise', 'audit_log', 'district', 'platform'];

/** Row counts and a checksum of every data table, to show a refused import left the database as it was. */
export function fingerprint(backend: Backend): { counts: Record<string, number>; sha256: string } {
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const table of DATA_TABLES) {
    const rows = backend.ctx.db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
    counts[table] = rows.length;
    hash.update(JSON.stringify(rows));
  }
  return { counts, sha256: hash.digest('hex') };
}
