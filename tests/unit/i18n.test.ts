import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../renderer/src/i18n/catalogue';

describe('the message catalogue', () => {
  it.each(Object.entries(CATALOGUE))('%s: en-US has exactly the keys of zh-CN, none empty', (_name, part) => {
    expect(Object.keys(part['en-US']).sort()).toEqual(Object.keys(part['zh-CN']).sort());
    for (const locale of ['zh-CN', 'en-US'] as const) {
      for (const [key, text] of Object.entries(part[locale])) expect(text.trim(), `${locale} ${key}`).not.toBe('');
    }
  });

  it('lists every messages file of the renderer', () => {
    const features = path.resolve(import.meta.dirname, '../../renderer/src/features');
    const files = fs
      .readdirSync(features, { recursive: true, encoding: 'utf8' })
      .filter((f) => /messages\.ts$/.test(f));
    const source = fs.readFileSync(path.resolve(features, '../i18n/catalogue.ts'), 'utf8');
    for (const f of files) expect(source, `${f} is not in catalogue.ts`).toContain(`../features/${f.replace(/\\/g, '/').replace(/\.ts$/, '')}`);
  });
});
