import { AppError } from '../errors';
import type { FileFindings } from './findings';

const KIND_ZH = { district: '区县', platform: '园区' } as const;

/**
 * Why a commit is refused, if it is: a file already imported, names not set up that the run may not add, a file that
 * cannot be read as a return, rows with errors (unless a partial import was chosen), or nothing to import. The
 * problems carry every error and warning found, so the refusal says all of it at once.
 */
export function refusal(findings: readonly FileFindings[], allowPartial: boolean): AppError | null {
  const problems = findings.flatMap((f) => f.problems);
  const errors = problems.filter((p) => p.severity !== 'warning');
  const refuse = (message: string) => new AppError('IMPORT_REFUSED', message, problems);
  const already = findings.filter((f) => f.alreadyImported);
  if (already.length) {
    const lines = already.map((f) => `《${f.file}》已于第 ${f.alreadyImported!.batchId} 批导入`);
    return refuse(`${lines.join('；')}（可撤销该批后重新导入，或选择撤销并替换）`);
  }
  const unknown = [...new Map(findings.flatMap((f) => f.unknownPlaces.filter((u) => u.action === 'refuse')).map((u) => [`${u.kind}|${u.name}`, u])).values()];
  if (unknown.length) return refuse(`文件中有尚未登记的区县或园区：${unknown.map((u) => `${KIND_ZH[u.kind]}“${u.name}”`).join('、')}（确认后可随导入一并登记）`);
  if (findings.some((f) => f.fatal)) return refuse('文件无法按外资统计报表读取');
  const errorRows = findings.reduce((n, f) => n + f.counts.errorRows, 0);
  if (errorRows > 0 && !allowPartial) return refuse(`${errorRows} 行有错误（可选择只导入无误的行）`);
  const empty = findings.filter((f) => f.counts.cleanRows === 0);
  if (empty.length) return refuse(`${empty.map((f) => f.file).join('、')}没有可导入的行`);
  return errors.length && !allowPartial ? refuse('文件中有错误') : null;
}
