import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

const directives = (policy: string) =>
  new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d] as const));

describe('the renderer CSP', () => {
  it('index.html carries the same policy as the header (minus what a <meta> cannot say)', () => {
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
    expect(meta).toBeDefined();
    const header = directives(CONTENT_SECURITY_POLICY);
    const inMeta = directives(meta!);
    // frame-ancestors is ignored in a <meta> policy, so only the header has it
    for (const [name, text] of header) if (name !== 'frame-ancestors') expect(inMeta.get(name), name).toBe(text);
    for (const name of inMeta.keys()) expect(header.has(name), name).toBe(true);
  });

  it('loads nothing from the network and allows no eval', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|unsafe-eval|\*/);
  });
});
