import { describe, expect, it } from 'vitest';
import { matchedBlocks } from './scan-helpers';
import { BlockScanner } from '../../page/scan';
import { compileMatcher } from '../../core/matcher';
import { entry } from '../fixtures/matcher/inline-glossary';

const matcher = compileMatcher([
  entry('insulin-resistance', 'Insulin resistance'),
  entry('type-2-diabetes', 'Type 2 diabetes'),
  entry('hba1c', 'HbA1c'),
  entry('metformin', 'Metformin'),
]);

/** The terms found under <body>, as their surface text, in document order. */
function found(html: string): string[] {
  document.body.innerHTML = html;
  const scanner = new BlockScanner(document.body);
  while (!scanner.step(() => false));
  return matchedBlocks(scanner.scanned.batches, matcher).flatMap((b) => b.matches.map((m) => m.text));
}

describe('BlockScanner', () => {
  it('finds terms split across inline markup and text nodes', () => {
    expect(found('<p>Your HbA<sub>1c</sub> and <b>insulin</b> resistance.</p>')).toEqual([
      'HbA1c',
      'insulin resistance',
    ]);
  });

  it('reads a line break as a separator, not as the end of a block', () => {
    expect(found('<p>Living with type 2<br>diabetes.</p>')).toEqual(['type 2\ndiabetes']);
  });

  it('never stitches a term together across block boundaries', () => {
    expect(found('<div>insulin<p>resistance</p></div>')).toEqual([]);
    expect(found('<ul><li>insulin</li><li>resistance</li></ul>')).toEqual([]);
    expect(found('<table><tr><td>insulin</td><td>resistance</td></tr></table>')).toEqual([]);
  });

  it('skips what is not prose for reading', () => {
    const skipped = [
      '<script>var metformin = 1;</script>',
      '<style>.metformin{}</style>',
      '<textarea>metformin</textarea>',
      '<div contenteditable="true">metformin</div>',
      '<div hidden>metformin</div>',
      '<div aria-hidden="true">metformin</div>',
      '<nav>metformin</nav>',
      '<div role="navigation">metformin</div>',
      '<code>metformin</code>',
      '<button>metformin</button>',
      '<select><option>metformin</option></select>',
    ];
    for (const html of skipped) expect(found(`<p>x</p>${html}`), html).toEqual([]);
    expect(found('<div contenteditable="false">metformin</div>')).toEqual(['metformin']);
  });

  it('does not join words across a skipped element', () => {
    expect(found('<p>insulin<button>x</button> resistance</p>')).toEqual([]);
  });

  it('resumes exactly where it paused, however small the slices', () => {
    const html =
      '<article>' + '<p>Metformin lowers HbA<sub>1c</sub> in type 2 diabetes.</p>'.repeat(300) + '</article>';
    document.body.innerHTML = html;
    const scanner = new BlockScanner(document.body);
    let calls = 0;
    // A deadline that fires on every check forces a pause every 64 nodes.
    while (!scanner.step(() => true)) calls++;
    expect(calls).toBeGreaterThan(3);
    expect(matchedBlocks(scanner.scanned.batches, matcher).flatMap((b) => b.matches).length).toBe(900);
  });
});
