import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * `npm run lint` holds the layout's boundaries (eslint.config.js). These cases put a would-be file in each guarded
 * place and check the rule that must refuse it is the one that fires, and that the allowed import passes.
 */
const ROOT = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

async function rulesFired(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint boundaries', () => {
  it('the backend imports neither electron nor the renderer', async () => {
    expect(await rulesFired('electron/backend/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual(['no-restricted-imports']);
    expect(await rulesFired('electron/backend/x.ts', "import { api } from '../../renderer/src/api/client';\nexport const a = api;\n")).toEqual([
      'import-x/no-restricted-paths',
    ]);
  });

  it('the renderer never imports the backend', async () => {
    expect(await rulesFired('renderer/src/stores/x.ts', "import { createBackend } from '../../../electron/backend/create';\nexport const a = createBackend;\n")).toEqual([
      'import-x/no-restricted-paths',
    ]);
  });

  it('a feature reaches another only through components/ and stores/', async () => {
    const file = 'renderer/src/features/home/x.tsx';
    expect(await rulesFired(file, "import { projectMessages } from '../projects/messages';\nexport const a = projectMessages;\n")).toEqual([
      'import-x/no-restricted-paths',
    ]);
    expect(await rulesFired(file, "import { componentMessages } from '../../components/messages';\nexport const a = componentMessages;\n")).toEqual([]);
    expect(await rulesFired('renderer/src/components/x.tsx', "import { projectMessages } from '../features/projects/messages';\nexport const a = projectMessages;\n")).toEqual([
      'import-x/no-restricted-paths',
    ]);
  });

  it('hooks list what they use', async () => {
    const code = "import { useEffect } from 'react';\nexport function useX(n: number) {\n  useEffect(() => console.log(n), []);\n}\n";
    expect(await rulesFired('renderer/src/components/useX.ts', code)).toEqual(['react-hooks/exhaustive-deps']);
  });
});
