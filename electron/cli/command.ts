import type { ParseArgsConfig } from 'node:util';
import type { ErrorCode } from '../../shared/errors';
import { errorData, type AppErrorData } from '../../shared/result';
import type { SchemaFlag } from './schema-flags';

export type CliOptions = NonNullable<ParseArgsConfig['options']>;
export type CliValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

/** Exit codes every command keeps: 0 ok, 1 refused input, 2 unreadable file or database, 3 internal error. */
export const EXIT = { ok: 0, refused: 1, unreadable: 2, internal: 3 } as const;

const UNREADABLE: ReadonlySet<string> = new Set<ErrorCode>(['DB_UNREADABLE', 'DB_TOO_NEW', 'DB_MIGRATION_FAILED', 'FILE_NOT_FOUND', 'FILE_UNREADABLE', 'FILE_UNSUPPORTED', 'FILE_TOO_LARGE', 'FILE_LIMIT', 'DB_DAMAGED', 'DB_INTEGRITY', 'RESTORE_FAILED']);
const INTERNAL: ReadonlySet<string> = new Set<ErrorCode>(['INTERNAL', 'INVALID_OUTPUT']);

export function exitCodeFor(error: AppErrorData): number {
  if (UNREADABLE.has(error.code)) return EXIT.unreadable;
  if (INTERNAL.has(error.code)) return EXIT.internal;
  return EXIT.refused;
}

export interface CliIO {
  json: boolean;
  /** Machine output (with --json) or a human line. */
  out(value: unknown, human?: string): void;
  /** A refusal: Chinese message with its code on stderr (and the JSON error on stdout with --json). */
  fail(error: AppErrorData, extra?: Record<string, unknown>): number;
  /** A line for people on stderr, with or without --json. */
  note(line: string): void;
}

export interface CliCommand {
  /** One or two words: `init`, `import fdi`. */
  name: string;
  summary: string;
  usage: string;
  options: CliOptions;
  /** The flags read from the method's input schema, described field by field in `<command> --help`. */
  schemaFlags?: readonly SchemaFlag[];
  run(values: CliValues, positionals: string[], io: CliIO): Promise<number>;
}

export function refuse(code: ErrorCode, detail?: string): AppErrorData {
  return errorData(code, detail);
}

export function requireString(values: CliValues, name: string): string | AppErrorData {
  const v = values[name];
  return typeof v === 'string' && v.length > 0 ? v : refuse('INVALID_INPUT', `缺少 --${name}`);
}

export function isError(value: unknown): value is AppErrorData {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/** `--header-rows 3-4` or `3,4`: the header rows of every file, by Excel row number. */
export function headerRowsOption(values: CliValues): number[] | undefined | AppErrorData {
  const text = values['header-rows'];
  if (typeof text !== 'string') return undefined;
  const range = text.match(/^(\d+)(?:\s*[-–]\s*(\d+))?$/);
  const rows = range ? Array.from({ length: Number(range[2] ?? range[1]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i) : text.split(',').map(Number);
  if (!rows.length || rows.length > 6 || rows.some((r) => !Number.isInteger(r) || r < 1)) return refuse('INVALID_INPUT', `--header-rows ${text}：应写作 3-4 或 3,4`);
  return rows;
}
