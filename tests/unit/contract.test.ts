import { describe, expect, it } from 'vitest';
import { contract, isMethodName } from '../../shared/api';
import { ERROR_MESSAGES, isErrorCode } from '../../shared/errors';
import { errorData } from '../../shared/result';
import { handlers } from '../../electron/backend/api';

const HAN = /[\u4e00-\u9fff]/;

describe('the contract and the handlers', () => {
  it('every method of the contract has a handler, and every handler a method', () => {
    const methods = Object.keys(contract).sort();
    const handled = Object.keys(handlers).sort();
    expect(handled).toEqual(methods);
    for (const name of methods) expect(typeof (handlers as Record<string, unknown>)[name]).toBe('function');
  });

  it('method names are area.verb, each with a Chinese summary and zod schemas', () => {
    for (const [name, spec] of Object.entries(contract)) {
      // area.verb; an area may be camelCase (fdiImport, as its issue names it)
      expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z]+$/);
      expect(spec.summary).toMatch(HAN);
      expect(typeof spec.input.safeParse).toBe('function');
      expect(typeof spec.output.safeParse).toBe('function');
    }
  });

  it('isMethodName knows only the contract’s own names', () => {
    expect(isMethodName('system.info')).toBe(true);
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) expect(isMethodName(name)).toBe(false);
  });
});

describe('error codes', () => {
  it('every code is UPPER_SNAKE English with a Chinese message', () => {
    for (const [code, message] of Object.entries(ERROR_MESSAGES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(message).toMatch(HAN);
    }
  });

  it('codes the rules and the backend return are all known', () => {
    for (const code of ['PERIOD_INVALID', 'AMOUNT_INVALID', 'AMOUNT_NEGATIVE', 'USCC_INVALID', 'USCC_ORG_CODE_WARNING', 'JOB_CANCELLED', 'DB_TOO_NEW']) {
      expect(isErrorCode(code)).toBe(true);
    }
    expect(isErrorCode('NOPE')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });

  it('errorData adds the detail after the Chinese message and keeps problems only when there are some', () => {
    expect(errorData('NOT_FOUND')).toEqual({ code: 'NOT_FOUND', message: ERROR_MESSAGES.NOT_FOUND });
    expect(errorData('NOT_FOUND', '区县 3')).toEqual({ code: 'NOT_FOUND', message: `${ERROR_MESSAGES.NOT_FOUND}：区县 3` });
    expect(errorData('INVALID_INPUT', undefined, [])).not.toHaveProperty('problems');
    const problems = [{ code: 'X', message: '错', severity: 'error' as const }];
    expect(errorData('INVALID_INPUT', undefined, problems).problems).toEqual(problems);
  });
});
