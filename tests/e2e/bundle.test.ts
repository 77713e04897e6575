/**
 * The scripts that run in the reader's page (the gate in every frame, the content script where the gate found
 * terms) carry no explanation text: every byte of theirs is loaded into the page's frames, and what TermLens says
 * about a term or a number is built in the background and shown in the card, the extension's own page. Nothing but
 * a build keeps it that way (one import of `glossary/` or `core/values/data.ts` in `entrypoints/content/` would
 * pull it all in), so this test reads the build.
 *
 * The sentences are taken from the sources, not listed here: every glossary entry's summary, definition and why it
 * matters, and every string in `core/values/data.ts`, `core/values/data-es.ts` and `core/values/wording.ts` (the
 * explanations' words, English and Spanish). They are looked for in the same builds' background and card, so a change
 * in how the bundler writes strings fails this test instead of passing it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadGlossaryFromDisk } from '../../tools/load-glossary';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BUILD = join(ROOT, '.output', 'chrome-mv3');
/** Sources whose strings are explanations, held by the background (and shown by the card) only. */
const VALUE_SOURCES = ['core/values/data.ts', 'core/values/data-es.ts', 'core/values/wording.ts'];
/** Shorter pieces, or pieces of fewer words, could be something else (a class name, a URL, a label). */
const MIN_LENGTH = 30;
const MIN_WORDS = 4;
/**
 * What a bundler writes unchanged inside any string literal, template or JSON it emits: quotes, backslashes, `$`,
 * braces and anything beyond ASCII may come out escaped, and `<` is escaped in `</script`.
 */
const VERBATIM_RUN = /[A-Za-z0-9 .,;:!?()%+=/&*#@[\]>~^|_-]+/g;

/** The pieces of `text` that any bundle holding it holds verbatim, long and wordy enough to be telling. */
function tellingPieces(text: string): string[] {
  return (text.match(VERBATIM_RUN) ?? [])
    .map((run) => run.trim())
    .filter((run) => run.length > MIN_LENGTH && run.split(/\s+/).length >= MIN_WORDS);
}

/** Every string literal and template piece of a TypeScript file, as the program sees it (escapes decoded). */
function stringsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) out.push(node.head.text, ...node.templateSpans.map((s) => s.literal.text));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

interface PieceSet {
  from: string;
  pieces: string[];
  /** What gave no piece at all, so would go unchecked: glossary entries by id, or the file itself. */
  unchecked: string[];
}

function explanationPieces(): PieceSet[] {
  const entries = loadGlossaryFromDisk().map((e) => ({
    id: e.id,
    pieces: [e.summary, e.definition, e.whyItMatters ?? '', e.es?.summary ?? '', e.es?.definition ?? ''].flatMap(
      tellingPieces,
    ),
  }));
  const glossary: PieceSet = {
    from: 'glossary/entries and glossary/es',
    pieces: [...new Set(entries.flatMap((e) => e.pieces))],
    unchecked: entries.filter((e) => e.pieces.length === 0).map((e) => e.id),
  };
  const values = VALUE_SOURCES.map((file): PieceSet => {
    const pieces = [...new Set(stringsOf(file).flatMap(tellingPieces))];
    return { from: file, pieces, unchecked: pieces.length ? [] : [file] };
  });
  return [glossary, ...values];
}

function built(path: string): string {
  const file = join(BUILD, path);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return readFileSync(file, 'utf8');
}

interface Manifest {
  background: { service_worker: string };
  content_scripts: { js: string[] }[];
}

interface Bundles {
  /** The gate and the content script, by file. */
  page: Record<string, string>;
  background: string;
  /** The card page's scripts, by file. */
  card: Record<string, string>;
}

/** The page's scripts and the extension's own, found the way the browser finds them. */
function bundles(): Bundles {
  const manifest = JSON.parse(built('manifest.json')) as Manifest;
  const gates = manifest.content_scripts.flatMap((c) => c.js);
  // The content script is not declared: the background injects it, as an unlisted script at the build's root.
  const content = ['content.js', 'content-scripts/content.js'].filter((f) => existsSync(join(BUILD, f)));
  const cardScripts = [...built('card.html').matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const read = (files: string[]) => Object.fromEntries(files.map((f) => [f, built(f)]));
  return {
    page: read([...gates, ...content]),
    background: built(manifest.background.service_worker),
    card: read(cardScripts),
  };
}

describe('bundles', () => {
  const { page, background, card } = bundles();
  const sets = explanationPieces();

  it('reads the gate, the content script the background injects, and the card', () => {
    const contentScripts = Object.keys(page).filter((f) => f.endsWith('content.js'));
    expect(contentScripts).toHaveLength(1);
    expect(background).toContain(`/${contentScripts[0] ?? ''}`);
    expect(Object.keys(page).length).toBeGreaterThanOrEqual(2);
    expect(Object.keys(card).some((f) => f.includes('card'))).toBe(true);
  });

  for (const { from, pieces, unchecked } of sets) {
    it(`takes sentences from all of ${from}`, () => {
      expect(unchecked).toEqual([]);
      expect(pieces.length).toBeGreaterThan(0);
    });

    it(`finds the sentences of ${from} in the background or the card (so the test can fail)`, () => {
      const everything = [background, ...Object.values(card)].join('\n');
      const missing = pieces.filter((p) => !everything.includes(p));
      expect(missing).toEqual([]);
    });

    it(`keeps the sentences of ${from} out of the page's scripts`, () => {
      for (const [file, code] of Object.entries(page)) {
        const leaked = pieces.filter((p) => code.includes(p));
        expect(leaked, file).toEqual([]);
      }
    });
  }
});
