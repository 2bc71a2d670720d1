// src/core is framework-free: no React, no Astro, no page. This test reads every
// module in it and fails on an import of React or Astro, or on any use of the
// page globals (window, document, localStorage …) — whether imported, named
// directly or reached through globalThis.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const CORE = join(__dirname, '../../../src/core');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(?:ts|tsx|mts|js|mjs)$/.test(name) ? [path] : [];
  });
}

const FORBIDDEN_IMPORT = /^(?:react|react-dom|preact|astro|@astrojs\/|astro:)/;
const PAGE_GLOBALS = new Set(['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'location', 'HTMLElement']);

/** What in one source file crosses the boundary: imports of a framework, and the page globals it touches. */
function crossings(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (FORBIDDEN_IMPORT.test(node.moduleSpecifier.text)) found.push(`imports ${node.moduleSpecifier.text}`);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (arg && ts.isStringLiteral(arg) && FORBIDDEN_IMPORT.test(arg.text)) found.push(`imports ${arg.text}`);
    } else if (ts.isIdentifier(node) && PAGE_GLOBALS.has(node.text)) {
      // A property name (x.window) or an object key is not the global, unless reached through globalThis.
      const parent = node.parent;
      const isMemberName = ts.isPropertyAccessExpression(parent) && parent.name === node;
      const viaGlobal = isMemberName && ts.isIdentifier(parent.expression) && parent.expression.text === 'globalThis';
      const isKey = (ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent)) && parent.name === node;
      if (viaGlobal || (!isMemberName && !isKey)) found.push(`uses ${node.text}`);
    } else if (ts.isElementAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'globalThis') {
      const arg = node.argumentExpression;
      if (ts.isStringLiteral(arg) && PAGE_GLOBALS.has(arg.text)) found.push(`uses ${arg.text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('the src/core boundary', () => {
  const files = sources(CORE);

  it('finds the core modules to check', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files.map((f) => ({ file: relative(CORE, f), path: f })))('$file imports no framework and touches no page global', ({ path }) => {
    expect(crossings(path, readFileSync(path, 'utf8'))).toEqual([]);
  });

  // The checker itself must be able to fail: each row is a file it has to reject.
  it.each([
    { what: 'an import of React', text: "import { useState } from 'react';" },
    { what: 'a type import from Astro', text: "import type { AstroGlobal } from 'astro';" },
    { what: 'an astro: module', text: "import { getCollection } from 'astro:content';" },
    { what: 'a dynamic import of react-dom', text: "const m = await import('react-dom');" },
    { what: 'window', text: 'export const w = window.innerWidth;' },
    { what: 'document', text: "export const t = () => document.title;" },
    { what: 'localStorage through globalThis', text: "export const v = globalThis.localStorage.getItem('x');" },
    { what: 'document by element access on globalThis', text: "export const d = globalThis['document'];" },
  ])('rejects $what', ({ text }) => {
    expect(crossings('probe.ts', text)).not.toEqual([]);
  });

  it.each([
    { what: 'a property named window', text: 'export const o = { window: 1 }; export const w = o.window;' },
    { what: 'the word in a comment or string', text: "// window and document\nexport const s = 'document';" },
    { what: 'fetch passed in', text: 'export const f = (fetch: typeof globalThis.fetch) => fetch;' },
  ])('accepts $what', ({ text }) => {
    expect(crossings('probe.ts', text)).toEqual([]);
  });
});
