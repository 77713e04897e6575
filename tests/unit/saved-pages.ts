/**
 * The saved real pages the page-level unit tests read (the corpus, the annotated real pages and their held-out
 * sets), and how they read one: into happy-dom's document, then block by block as the content script does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BatchText } from '../../core/session';
import { BlockScanner } from '../../page/scan';

const DIRS = [
  process.env.TERMLENS_CORPUS ?? resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'pages'),
  resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'real'),
  ...['real', 'real-check', 'real-final', 'real-holdout', 'real-unseen'].map((d) =>
    resolve(import.meta.dirname, '..', 'fixtures', d),
  ),
];

/** Every saved page's path; without ../shared (a checkout on its own), only the project's own. */
export const SAVED_PAGES: readonly string[] = DIRS.flatMap((dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .map((f) => join(dir, f))
    : [],
);

/** Puts a saved page's body in the document, without its scripts and styles (happy-dom does not run them). */
export function loadSavedPage(file: string): HTMLElement {
  document.body.innerHTML = new DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html').body.innerHTML;
  for (const el of document.body.querySelectorAll('script, style')) el.remove();
  return document.body;
}

/** `root`'s blocks as the content script sends them, numbered in document order. */
export function batchesOf(root: HTMLElement): BatchText[] {
  const scanner = new BlockScanner(root);
  while (!scanner.step(() => false));
  return scanner.scanned.batches.map((b, i) => ({ id: i, segments: b.segments }));
}
