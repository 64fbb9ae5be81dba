// @ts-check
/**
 * A local ESLint rule that keeps the direction of the layers (docs/architecture.md):
 *
 *   src/shared      → shared only
 *   src/main/core   → core, shared, and data under resources/
 *   src/main (shell, entry) → main, core, shared
 *   src/preload     → preload, shared
 *   src/renderer    → renderer, shared
 *
 * Each relative import (static, dynamic, `require`, `export … from`) is resolved against the
 * importing file and its layer looked up; package and `node:` imports are left to the platform
 * rules (no-restricted-imports). Resolving paths, rather than matching the import text, means a
 * climb of any depth (`../../../main/…`) is seen for what it is.
 */
import { dirname, relative, resolve, sep } from 'node:path';

/** The layer a repository-relative path belongs to, or null outside the layered tree. */
export function layerOf(/** @type {string} */ path) {
  const p = path.split(sep).join('/');
  if (p.startsWith('src/shared/')) return 'shared';
  if (p.startsWith('src/main/core/')) return 'core';
  if (p.startsWith('src/main/')) return 'main';
  if (p.startsWith('src/preload/')) return 'preload';
  if (p.startsWith('src/renderer/')) return 'renderer';
  if (p.startsWith('resources/')) return 'resources';
  if (p.startsWith('tests/')) return 'tests';
  if (p.startsWith('scripts/')) return 'scripts';
  return null;
}

/** Which layers each layer may import from. */
export const ALLOWED = {
  shared: ['shared'],
  core: ['core', 'shared', 'resources'],
  main: ['main', 'core', 'shared'],
  preload: ['preload', 'shared'],
  renderer: ['renderer', 'shared'],
};

const WHY = {
  shared: 'src/shared is shared by every layer: it imports nothing of the app.',
  core: 'src/main/core runs without Electron, behind the contract: it imports only src/shared (and data in resources/).',
  main: 'The Electron main process imports its own modules, the core and src/shared only.',
  preload: 'The preload is a dumb bridge: it imports only src/shared.',
  renderer: 'The renderer reaches the core only through the bridge: it imports only src/shared.',
};

/** @type {import('eslint').Rule.RuleModule} */
const direction = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps the direction of the layers: each layer imports only the layers below it.' },
    schema: [],
    messages: { forbidden: '{{from}} may not import {{to}} ({{target}}). {{why}}' },
  },
  create(context) {
    const root = context.cwd;
    const file = relative(root, context.filename);
    const from = layerOf(file);
    if (from === null || !(from in ALLOWED)) return {};
    const allowed = ALLOWED[/** @type {keyof typeof ALLOWED} */ (from)];
    /** @param {import('estree').Node} node @param {unknown} source */
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = relative(root, resolve(dirname(context.filename), source));
      const to = layerOf(target) ?? 'outside the source tree';
      if (allowed.includes(to)) return;
      context.report({
        node,
        messageId: 'forbidden',
        data: { from, to, target: target.split(sep).join('/'), why: WHY[/** @type {keyof typeof WHY} */ (from)] },
      });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
      CallExpression: (node) => {
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'require' &&
          node.arguments[0]?.type === 'Literal'
        ) {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};

export default { meta: { name: 'citizen-audit-layers' }, rules: { direction } };
