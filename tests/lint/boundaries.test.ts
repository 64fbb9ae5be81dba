/**
 * Proves that the architecture's boundaries (eslint.config.js) are enforced: each forbidden
 * import is reported, and each allowed one is not.
 *
 * Most cases lint code under the path of a file that does not exist. Type-aware linting refuses
 * files outside a tsconfig program, so those cases use the project's real configuration with type
 * information switched off (`disableTypeChecked`); the boundary rules themselves are untouched.
 * One case runs the full type-aware configuration on a real file, to prove the rules hold there
 * too.
 */
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const cwd = process.cwd();
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax', 'layers/direction']);

const virtualEslint = new ESLint({
  cwd,
  overrideConfig: [tseslint.configs.disableTypeChecked as Linter.Config],
});
const fullEslint = new ESLint({ cwd });

async function boundaryErrors(
  code: string,
  filePath: string,
  eslint: ESLint = virtualEslint,
): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  // A parse or configuration failure would hide the boundary rules: make it fail loudly.
  const fatal = result.messages.filter((m) => m.fatal === true || m.ruleId === null);
  expect(fatal, `fatal messages for ${filePath}`).toEqual([]);
  return result.messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId) && m.severity === 2);
}

describe('src/shared stays pure', () => {
  it('may not import electron', async () => {
    const errors = await boundaryErrors(
      "import { app } from 'electron';\nexport const a = app;\n",
      'src/shared/api/x.ts',
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/src\/shared/);
  });

  it('may not import electron types either', async () => {
    const code = "import type { App } from 'electron';\nexport type A = App;\n";
    expect(await boundaryErrors(code, 'src/shared/domain/x.ts')).toHaveLength(1);
  });

  it.each(['node:fs', 'fs', 'path', 'node:crypto', 'fs/promises'])('may not import %s', async (mod) => {
    const code = `import * as m from '${mod}';\nexport const a = m;\n`;
    expect(await boundaryErrors(code, 'src/shared/domain/x.ts')).toHaveLength(1);
  });

  it('may not require or dynamically import platform modules', async () => {
    expect(await boundaryErrors("export const fs: unknown = require('fs');\n", 'src/shared/x.ts')).toHaveLength(1);
    expect(await boundaryErrors("export const p = import('node:path');\n", 'src/shared/x.ts')).toHaveLength(1);
  });

  it('reports nothing for a clean shared file', async () => {
    const code = [
      "import { z } from 'zod';",
      "import { IPC_PREFIX } from './bridge';",
      'export const Named = z.object({ name: z.string() });',
      'export const prefix = IPC_PREFIX;',
      '',
    ].join('\n');
    expect(await boundaryErrors(code, 'src/shared/api/clean.ts')).toEqual([]);
  });
});

describe('src/main/core never imports electron', () => {
  it('reports an electron import', async () => {
    const code = "import { app } from 'electron';\nexport const a = app;\n";
    expect(await boundaryErrors(code, 'src/main/core/x.ts')).toHaveLength(1);
    expect(await boundaryErrors(code, 'src/main/core/services/deep/y.ts')).toHaveLength(1);
  });

  it('allows Node built-ins (the core runs in Node)', async () => {
    const code = "import { join } from 'node:path';\nexport const j = join;\n";
    expect(await boundaryErrors(code, 'src/main/core/x.ts')).toEqual([]);
  });
});

describe('src/renderer talks to the core only through the bridge', () => {
  it.each([
    ['src/renderer/x.tsx', '../main/core/index'],
    ['src/renderer/pages/audits/List.tsx', '../../../main/core'],
    ['src/renderer/x.tsx', '../main/shell/window'],
  ])('%s may not import %s', async (filePath, specifier) => {
    const code = `import * as m from '${specifier}';\nexport const a = m;\n`;
    const errors = await boundaryErrors(code, filePath);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/bridge/);
  });

  it.each(['electron', 'node:fs', 'os'])('may not import %s', async (mod) => {
    const code = `import * as m from '${mod}';\nexport const a = m;\n`;
    expect(await boundaryErrors(code, 'src/renderer/x.tsx')).toHaveLength(1);
  });

  it('may import shared code and its own modules', async () => {
    const code = [
      "import { BRIDGE_KEY } from '../shared/api/bridge';",
      "import { Page } from './components/Page';",
      'export const a = [BRIDGE_KEY, Page];',
      '',
    ].join('\n');
    expect(await boundaryErrors(code, 'src/renderer/x.tsx')).toEqual([]);
  });
});

describe('only src/main/shell/ipc.ts touches ipcMain', () => {
  const importIpcMain = "import { ipcMain } from 'electron';\nexport const i = ipcMain;\n";

  it('reports ipcMain in window.ts', async () => {
    const errors = await boundaryErrors(importIpcMain, 'src/main/shell/window.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/ipc\.ts/);
  });

  it('reports ipcMain reached through a default import', async () => {
    const code = "import electron from 'electron';\nexport const i = electron.ipcMain;\n";
    expect(await boundaryErrors(code, 'src/main/index.ts')).toHaveLength(1);
  });

  it('reports ipcMain in the preload', async () => {
    expect(await boundaryErrors(importIpcMain, 'src/preload/index.ts')).toHaveLength(1);
  });

  it('still lets shell modules import the rest of electron', async () => {
    const code = "import { BrowserWindow } from 'electron';\nexport const b = BrowserWindow;\n";
    expect(await boundaryErrors(code, 'src/main/shell/window.ts')).toEqual([]);
  });

  it('allows ipcMain in ipc.ts', async () => {
    expect(await boundaryErrors(importIpcMain, 'src/main/shell/ipc.ts')).toEqual([]);
  });

  it('holds with the full type-aware configuration on the real files', async () => {
    const inWindow = await boundaryErrors(importIpcMain, 'src/main/shell/window.ts', fullEslint);
    expect(inWindow).toHaveLength(1);
    expect(await boundaryErrors(importIpcMain, 'src/main/shell/ipc.ts', fullEslint)).toEqual([]);
  });
});

describe('the layers only import downwards (layers/direction)', () => {
  const importOf = (specifier: string) => `import * as m from '${specifier}';\nexport const a = m;\n`;
  const forbidden: [string, string, RegExp][] = [
    ['src/shared/api/x.ts', '../../main/core/index', /it imports nothing of the app/],
    ['src/shared/domain/x.ts', '../../renderer/api/client', /src\/shared/],
    ['src/shared/x.ts', '../preload/index', /src\/shared/],
    ['src/shared/exchange/x.ts', '../../../resources/templates/local_police.json', /src\/shared/],
    ['src/shared/x.ts', '../../tests/harness/server', /src\/shared/],
    ['src/main/core/x.ts', '../shell/ipc', /imports only src\/shared/],
    ['src/main/core/services/x.ts', '../../index', /imports only src\/shared/],
    ['src/main/core/x.ts', '../../renderer/app/App', /imports only src\/shared/],
    ['src/main/core/x.ts', '../../preload/index', /imports only src\/shared/],
    ['src/main/core/x.ts', '../../../tests/harness/server', /imports only src\/shared/],
    ['src/main/shell/x.ts', '../../renderer/app/App', /main process imports/],
    ['src/main/index.ts', '../preload/index', /main process imports/],
    ['src/preload/x.ts', '../main/core/index', /preload is a dumb bridge/],
    ['src/preload/x.ts', '../renderer/api/client', /preload is a dumb bridge/],
    ['src/renderer/x.tsx', '../preload/index', /through the bridge/],
    ['src/renderer/screens/deep/x.tsx', '../../../main/shell/window', /through the bridge/],
  ];
  it.each(forbidden)('%s may not import %s', async (filePath, specifier, message) => {
    const errors = await boundaryErrors(importOf(specifier), filePath);
    expect(errors.map((e) => e.ruleId)).toContain('layers/direction');
    expect(errors.find((e) => e.ruleId === 'layers/direction')?.message).toMatch(message);
  });

  it('sees re-exports, dynamic imports and require', async () => {
    expect(await boundaryErrors("export * from '../../main/core/index';\n", 'src/shared/api/x.ts')).toHaveLength(1);
    expect(await boundaryErrors("export { a } from '../renderer/x';\n", 'src/preload/x.ts')).toHaveLength(1);
    expect(await boundaryErrors("export const p = import('../../main/core/index');\n", 'src/shared/x.ts')).toHaveLength(
      1,
    );
    const required = await boundaryErrors("export const r: unknown = require('../shell/ipc');\n", 'src/main/core/x.ts');
    expect(required.map((e) => e.ruleId)).toContain('layers/direction');
  });

  const allowed: [string, string][] = [
    ['src/shared/api/x.ts', '../domain/common'],
    ['src/main/core/services/x.ts', '../../../shared/api/contract'],
    ['src/main/core/seed/x.ts', '../../../../resources/demo/demo.json'],
    ['src/main/core/x.ts', './db/open'],
    ['src/main/shell/x.ts', '../core/index'],
    ['src/main/index.ts', './shell/ipc'],
    ['src/preload/x.ts', '../shared/api/bridge'],
    ['src/renderer/screens/x.tsx', '../../shared/domain/audit'],
    ['src/renderer/screens/x.tsx', '../components/DataTable'],
  ];
  it.each(allowed)('%s may import %s', async (filePath, specifier) => {
    expect(await boundaryErrors(importOf(specifier), filePath)).toEqual([]);
  });

  it('holds on the real tree with the full configuration', async () => {
    const errors = await boundaryErrors(importOf('../../renderer/app/App'), 'src/main/core/index.ts', fullEslint);
    expect(errors.map((e) => e.ruleId)).toContain('layers/direction');
  });
});
