import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportCheck } from '../../shared/api/projects';
import { startHttpServer } from '../../electron/http/server';
import { runCli } from '../../electron/cli/run';
import { call, tempBackend, tempDir } from '../helpers/backend';
import { fdiBackend, previewFile } from '../helpers/fdi-backend';
import { makeRecords, writeReturnXlsx } from '../helpers/fdi-fixtures';
import { MESSY_ROWS, writeMessyProjectList } from '../helpers/project-fixtures';

/** Values no record holds: typos, unit mistakes, broken cells. Each is a row problem, an input error — never stored. */
describe('implausible values', () => {
  it('an FDI return: amounts over 1e8 万美元, a 400-digit number and years outside 1979..next year are row errors', async () => {
    const backend = await fdiBackend();
    const records = makeRecords(6, { seed: 3 });
    const nextYear = new Date().getFullYear() + 1;
    records[0]!.cells.actual = 1e308;
    records[1]!.cells.contracted = '9'.repeat(400);
    records[2]!.cells.actual = 200_000_000;
    records[3]!.cells.date = '1970-05-01';
    records[4]!.cells.date = `${nextYear + 1}-01-15`;
    const file = await writeReturnXlsx(path.join(tempDir(), '江北区.xlsx'), records, { title: '江北区外资到资情况' });
    const preview = await previewFile(backend, file, { district: '江北区' });
    const byRow = preview.problems.filter((p) => p.severity === 'error').map((p) => [p.column, p.code, p.message]);
    expect(byRow).toEqual([
      ['实际使用外资', 'AMOUNT_OUT_OF_RANGE', '金额超出合理范围：超过 100000000 万美元，请检查单位'],
      ['合同外资', 'AMOUNT_OUT_OF_RANGE', '金额超出合理范围：超过 100000000 万美元，请检查单位'],
      ['实际使用外资', 'AMOUNT_OUT_OF_RANGE', '金额超出合理范围：超过 100000000 万美元，请检查单位'],
      ['到资日期', 'PERIOD_OUT_OF_RANGE', `日期超出合理范围：年份应在 1979–${nextYear} 之间`],
      ['到资日期', 'PERIOD_OUT_OF_RANGE', `日期超出合理范围：年份应在 1979–${nextYear} 之间`],
    ]);
    expect(preview.counts.cleanRows).toBe(1);
  });

  it('a project list or enterprise register: an implausible amount or date is an error, nothing is written', async () => {
    const backend = await tempBackend({ demo: true });
    const file = path.join(tempDir(), '项目.xlsx');
    await writeMessyProjectList(file, MESSY_ROWS, { index: 1, cells: { total: 5e12, signed: '1975-01-01' } });
    const { fileId } = backend.ctx.files.register(file);
    const { jobId } = await call(backend, 'projects.importCheck', { fileId });
    const check = (await backend.ctx.jobs.wait(jobId)).result as ImportCheck;
    const errors = check.problems.filter((p) => p.severity === 'error').map((p) => p.code);
    expect(errors.sort()).toEqual(['AMOUNT_OUT_OF_RANGE', 'PERIOD_OUT_OF_RANGE']);
  });

  it('targets set --value 1e308 is refused as input: exit 1 in the CLI, 422 over HTTP', async () => {
    const file = path.join(tempDir(), 't.db');
    const io = { stdout: () => undefined, stderr: (t: string) => void (stderr += t) };
    let stderr = '';
    expect(await runCli(['init', '--db', file, '--empty'], io)).toBe(0);
    expect(await runCli(['targets', 'set', '--db', file, '--year', '2026', '--indicator', 'actualFdi', '--value', '1e308'], io)).toBe(1);
    expect(stderr).toMatch(/^错误 \[INVALID_INPUT\]：.*value.*目标不能超过 100000000/m);

    const backend = await tempBackend();
    const server = await startHttpServer(backend);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/api/dashboard.setTarget`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ year: 2026, indicator: 'actualFdi', value: 1e308 }),
      });
      expect(res.status).toBe(422);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
      expect(await call(backend, 'dashboard.targets', { year: 2026 })).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
