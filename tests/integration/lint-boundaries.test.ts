import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The import boundaries of DESIGN.md are lint errors; these cases prove the config enforces them.
const eslint = new ESLint({ cwd: process.cwd() });

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2)
    .map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    ['src/renderer/features/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['src/renderer/features/x.ts', "import fs from 'fs';\nexport const x = fs;\n"],
    ['src/renderer/features/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['src/renderer/features/x.ts', "import Database from 'better-sqlite3';\nexport const x = Database;\n"],
    [
      'src/renderer/features/x.ts',
      "import { createBackend } from '../../main/backend/backend';\nexport const x = createBackend;\n",
    ],
    ['src/shared/domain/x.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
    ['src/shared/domain/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/shared/domain/x.ts', "import { t } from '../../renderer/app/i18n/t';\nexport const x = t;\n"],
    ['src/main/db/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/main/backend/x.ts', "import { BrowserWindow } from 'electron';\nexport const x = BrowserWindow;\n"],
    ['src/central/x.ts', "import { Database } from '../main/db/connection';\nexport const x = Database;\n"],
  ])('%s: refuses %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['src/main/electron/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['src/preload/x.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n"],
    ['src/main/db/x.ts', "import { join } from 'node:path';\nexport const x = join;\n"],
    [
      'src/renderer/features/x.ts',
      "import { contract } from '../../shared/ipc/contract';\nexport const x = contract;\n",
    ],
  ])('%s: allows %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});

describe('UI text only from the i18n catalog', () => {
  async function literalErrors(code: string, filePath = 'src/renderer/features/x.tsx'): Promise<number> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').length;
  }

  it('refuses Dutch text written into a component, as content or as an accessible name', async () => {
    expect(await literalErrors('export const X = () => <p>Geen taken</p>;\n')).toBe(1);
    expect(await literalErrors('export const X = () => <button aria-label="Sluiten" />;\n')).toBe(1);
  });

  it('allows text from t(…), punctuation between parts, and literals in tests', async () => {
    const code = "import { t } from '../app/i18n/t';\nexport const X = () => <p>{t('app.name')} · 1</p>;\n";
    expect(await literalErrors(code)).toBe(0);
    expect(await literalErrors('export const X = () => <p>Geen taken</p>;\n', 'src/renderer/features/x.test.tsx')).toBe(
      0,
    );
  });
});

describe('strings at a boundary refuse U+0000', () => {
  async function stringErrors(filePath: string, code: string): Promise<number> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').length;
  }
  const raw = "import { z } from 'zod';\nexport const s = z.string();\n";

  it.each(['src/shared/api/x.ts', 'src/main/sync/x.ts', 'src/central/http/x.ts'])(
    '%s: refuses z.string()',
    async (f) => {
      expect(await stringErrors(f, raw)).toBe(1);
    },
  );

  it('allows text() and the helper itself', async () => {
    const code = "import { text } from '../validation/text';\nexport const s = text().max(5);\n";
    expect(await stringErrors('src/shared/api/x.ts', code)).toBe(0);
    expect(await stringErrors('src/shared/validation/text.ts', raw)).toBe(0);
  });
});
