/**
 * The Firefox build passes `web-ext lint` with no errors, no notices, and no warnings but the ones the README
 * explains: UNSAFE_VAR_ASSIGNMENT at Preact's own `dangerouslySetInnerHTML` support, which TermLens never uses.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FIREFOX_BUILD } from '../../harness/browser';

const ROOT = resolve(import.meta.dirname, '..', '..');

interface LintMessage {
  code: string;
  file: string;
  line?: number;
  column?: number;
  message: string;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('Firefox build', () => {
  it('passes web-ext lint with only the explained warnings', () => {
    let out: string;
    try {
      out = execFileSync(
        join(ROOT, 'node_modules', '.bin', 'web-ext'),
        ['lint', '--source-dir', FIREFOX_BUILD, '--output', 'json'],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        },
      );
    } catch (e) {
      // web-ext exits non-zero when there are errors; the JSON report is still on stdout.
      out = (e as { stdout: string }).stdout;
    }
    const report = JSON.parse(out) as { errors: LintMessage[]; notices: LintMessage[]; warnings: LintMessage[] };
    expect(report.errors).toEqual([]);
    expect(report.notices).toEqual([]);
    for (const w of report.warnings) {
      expect(w.code, w.message).toBe('UNSAFE_VAR_ASSIGNMENT');
      const line = readFileSync(join(FIREFOX_BUILD, w.file), 'utf8').split('\n')[(w.line ?? 1) - 1] ?? '';
      const around = line.slice(Math.max(0, (w.column ?? 0) - 200), (w.column ?? 0) + 200);
      expect(around, `${w.file}:${w.line}:${w.column}`).toMatch(/\.__html/); // Preact's dangerouslySetInnerHTML path
    }
  }, 120_000);

  it('TermLens’s own code never assigns HTML', () => {
    for (const dir of ['components', 'entrypoints', 'core', 'utils']) {
      for (const file of sources(join(ROOT, dir))) {
        expect(readFileSync(file, 'utf8'), file).not.toMatch(
          /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write/,
        );
      }
    }
  });
});
