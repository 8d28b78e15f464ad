import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import en from './catalogs/en.json';

const SRC = join(import.meta.dirname, '..');
/** Attributes a person reads or hears; their text must come from the catalogs. */
const SPOKEN_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'label', 'aria-description', 'aria-roledescription', 'aria-valuetext']);
/** Words that are the same in every language: the product's name and file formats. */
const ALLOWED = new Set(['Quizbus', 'JSON', 'CSV']);
/** A message id passed as a prop (`title="title.join"`) is not text. */
const MESSAGE_IDS = new Set(Object.keys(en));
const LETTER = /\p{L}/u;

/** A string the code compares or passes as data (`phase === 'ended'`, `{ code: 'KICKED' }`), not text. */
function isCodeValue(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    return op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken;
  }
  return ts.isPropertyAssignment(parent) && parent.initializer === node;
}

/** Every piece of literal, lettered text in the JSX of one file, as "file:line text". */
function literalTexts(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, value: string) => {
    const trimmed = value.trim();
    if (LETTER.test(trimmed) && !ALLOWED.has(trimmed) && !MESSAGE_IDS.has(trimmed)) found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${trimmed}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const init = node.initializer;
      if (ts.isStringLiteral(init)) report(init, init.text);
      if (ts.isJsxExpression(init) && init.expression && (ts.isStringLiteral(init.expression) || ts.isNoSubstitutionTemplateLiteral(init.expression))) {
        report(init, init.expression.text);
      }
    }
    // Strings inside a JSX child expression: {'Done'}, {n === 1 ? 'answer' : 'answers'}, {`${n} left`}.
    if (ts.isJsxExpression(node) && node.expression && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const inside = (e: ts.Node) => {
        if (ts.isJsxElement(e) || ts.isJsxSelfClosingElement(e) || ts.isJsxFragment(e)) return; // visited on their own
        if (isCodeValue(e)) return;
        if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) report(e, e.text);
        if (ts.isTemplateExpression(e)) report(e, [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' '));
        ts.forEachChild(e, inside);
      };
      inside(node.expression);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('user-visible text', () => {
  it('no JSX in the client carries literal words: everything goes through the catalogs', () => {
    const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tsx') && !f.endsWith('.test.tsx'));
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap(literalTexts)).toEqual([]);
  });
});
