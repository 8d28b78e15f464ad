import { parse, type Token } from '@messageformat/parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LOCALES, SOURCE_LOCALE } from './locales.ts';

const SRC = join(import.meta.dirname, '..');
const catalogPath = (code: string) => join(import.meta.dirname, 'catalogs', `${code}.json`);
const readCatalog = (code: string) => JSON.parse(readFileSync(catalogPath(code), 'utf8')) as Record<string, string>;
const english = readCatalog(SOURCE_LOCALE);

/** Every placeholder of a message with how it is used: "count:plural", "name:argument". */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'argument') found.add(`${token.arg}:argument`);
      if (token.type === 'function') found.add(`${token.arg}:${token.key}`);
      if (token.type === 'plural' || token.type === 'select' || token.type === 'selectordinal') {
        found.add(`${token.arg}:${token.type}`);
        for (const c of token.cases) walk(c.tokens);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

/** The plural messages' case keys, to check each covers its language's categories. */
function pluralCases(message: string): Array<{ type: 'plural' | 'selectordinal'; keys: string[] }> {
  const out: Array<{ type: 'plural' | 'selectordinal'; keys: string[] }> = [];
  const walk = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'plural' || token.type === 'selectordinal') out.push({ type: token.type, keys: token.cases.map((c) => c.key) });
      if (token.type === 'plural' || token.type === 'select' || token.type === 'selectordinal') for (const c of token.cases) walk(c.tokens);
    }
  };
  walk(parse(message));
  return out;
}

/**
 * The plural categories the whole numbers a screen counts (0 to 10,000) fall in: Arabic needs
 * all six, Polish one/few/many, French one/other ("many" is for millions, never counted here).
 */
function reachedCategories(locale: string, type: Intl.PluralRuleType): string[] {
  const rules = new Intl.PluralRules(locale, { type });
  const reached = new Set<string>();
  for (let n = 0; n <= 10_000; n += 1) reached.add(rules.select(n));
  return [...reached];
}

/** Every string literal in the client's source (not tests, not the catalogs themselves). */
function sourceStringLiterals(): Set<string> {
  const literals = new Set<string>();
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(join(SRC, file), 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.add(node.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return literals;
}

describe('message catalogs', () => {
  it('every catalog file is a shipped locale, and every shipped locale has one', () => {
    const files = readdirSync(join(import.meta.dirname, 'catalogs')).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual(LOCALES.map((l) => l.code).sort());
  });

  it('every English message is used by the client', () => {
    const used = sourceStringLiterals();
    expect(Object.keys(english).filter((key) => !used.has(key))).toEqual([]);
  });

  for (const { code } of LOCALES) {
    describe(code, () => {
      const catalog = readCatalog(code);

      it('has every key of English and no other', () => {
        expect(Object.keys(english).filter((k) => !(k in catalog))).toEqual([]);
        expect(Object.keys(catalog).filter((k) => !(k in english))).toEqual([]);
      });

      it("uses the same ICU placeholders as English in every message", () => {
        const differing = Object.keys(english).filter((key) => {
          const translated = catalog[key];
          return translated === undefined || translated.trim() === '' || placeholders(translated).join() !== placeholders(english[key] ?? '').join();
        });
        expect(differing).toEqual([]);
      });

      it("gives every plural the forms its language needs for whole numbers (Intl.PluralRules)", () => {
        const cardinal = reachedCategories(code, 'cardinal');
        const ordinal = reachedCategories(code, 'ordinal');
        const lacking = Object.entries(catalog).flatMap(([key, message]) =>
          pluralCases(message).flatMap(({ type, keys }) => {
            const needed = type === 'plural' ? cardinal : ordinal;
            const missing = needed.filter((category) => !keys.includes(category));
            return missing.length > 0 ? [`${key}: ${type} lacks ${missing.join(', ')}`] : [];
          }),
        );
        expect(lacking).toEqual([]);
      });
    });
  }
});
