import fs from 'node:fs';
import { expect, it } from 'vitest';
import { APP_VERSION } from '../../electron/backend/version';

it('APP_VERSION is the version in package.json', () => {
  const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect(APP_VERSION).toBe(pkg.version);
});
