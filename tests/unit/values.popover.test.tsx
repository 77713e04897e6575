import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ValuePopover } from '../../components/ValuePopover';
import { SOURCES, explainValue, findValues, type ValueExplanation } from '../../core/values';

function explain(text: string): ValueExplanation {
  const [m] = findValues(text);
  if (!m) throw new Error(`no value in ${text}`);
  return explainValue(m);
}

function mount(explanation: ValueExplanation, takeFocus = false) {
  const root = document.createElement('div');
  document.body.append(root);
  const onClose = vi.fn();
  act(() => {
    render(<ValuePopover explanation={explanation} takeFocus={takeFocus} onClose={onClose} />, root);
  });
  return {
    root,
    onClose,
    unmount: () => {
      render(null, root);
      root.remove();
    },
  };
}

describe('ValuePopover', () => {
  it('is a dialog named by its heading and described by the verdict', () => {
    const { root, unmount } = mount(explain('My A1C is 7.2'));
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog).not.toBeNull();
    const heading = root.querySelector(`#${dialog.getAttribute('aria-labelledby')}`);
    expect(heading?.tagName).toBe('H2');
    expect(heading?.textContent).toBe('A1C 7.2%');
    expect(root.querySelector(`#${dialog.getAttribute('aria-describedby')}`)?.textContent).toBe(
      '7.2% is in the diabetes range.',
    );
    unmount();
  });

  it('shows the conversions, the inferred unit, the ranges with the hit band marked, and whose ranges they are', () => {
    const { root, unmount } = mount(explain('My A1C is 7.2'));
    const text = root.textContent ?? '';
    expect(text).toContain('55 mmol/mol');
    expect(text).toContain('160 mg/dL (8.9 mmol/L)');
    expect(root.querySelector('.note')?.textContent).toMatch(/No unit was written/);
    const hit = root.querySelectorAll('[aria-current="true"]');
    expect(hit).toHaveLength(1);
    expect(hit[0]?.textContent).toContain('Diabetes');
    expect(hit[0]?.textContent).toContain('6.5% or higher');
    expect(text).toContain('Ranges from the American Diabetes Association.');
    unmount();
  });

  it('links every source in a new tab without opener, and ends with the disclaimer', () => {
    const x = explain('fasting glucose 126 mg/dL');
    const { root, unmount } = mount(x);
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(x.sources.map((s) => s.url));
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(root.querySelector('.disclaimer')?.textContent).toBe('For education, not medical advice.');
    unmount();
  });

  it('closes from its button and on Escape', () => {
    const { root, onClose, unmount } = mount(explain('BMI 31'));
    act(() => (root.querySelector('button[aria-label="Close explanation"]') as HTMLButtonElement).click());
    expect(onClose).toHaveBeenCalledTimes(1);
    act(() => {
      root
        .querySelector('[role="dialog"]')!
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(onClose).toHaveBeenCalledTimes(2);
    unmount();
  });

  it('shows the first caveats, and the rest with what the measure is after "Read more"', () => {
    const x = explain('A1C 6.8%');
    const { root, unmount } = mount(x);
    expect(root.querySelectorAll('.caveats li')).toHaveLength(2);
    expect(root.textContent).not.toContain(x.about);
    act(() => (root.querySelector('button.link') as HTMLButtonElement).click());
    expect(root.querySelectorAll('.caveats li')).toHaveLength(x.caveats.length);
    expect(root.textContent).toContain(x.about);
    unmount();
  });

  it('takes focus when asked', () => {
    const { root, unmount } = mount(explain('TIR 72%'), true);
    expect(document.activeElement).toBe(root.querySelector('[role="dialog"]'));
    unmount();
  });

  it('renders every string as text, never as HTML', () => {
    const x: ValueExplanation = {
      ...explain('A1C 7%'),
      title: '<img src=x onerror=alert(1)>',
      caveats: ['<b>bold</b>'],
    };
    const { root, unmount } = mount(x);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.querySelector('h2')?.textContent).toBe('<img src=x onerror=alert(1)>');
    unmount();
  });

  it('shows the low levels for a low glucose without a diagnosis range', () => {
    const { root, unmount } = mount(explain('BG 50'));
    expect(root.querySelectorAll('section.range')).toHaveLength(1);
    expect(root.querySelector('h3')?.textContent).toBe('ADA levels of low blood sugar (hypoglycemia)');
    expect(root.querySelector('[aria-current="true"]')?.textContent).toContain('Level 2 low');
    unmount();
  });

  it('offers to stop highlighting on the site only when the host asks for it', () => {
    const bare = mount(explain('A1C 7%'));
    expect(bare.root.textContent).not.toContain('highlight on');
    bare.unmount();
    const root = document.createElement('div');
    const onDisableSite = vi.fn();
    act(() => {
      render(
        <ValuePopover
          explanation={explain('A1C 7%')}
          takeFocus={false}
          onClose={() => {}}
          site="example.org"
          onDisableSite={onDisableSite}
        />,
        root,
      );
    });
    const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Don’t highlight on example.org');
    act(() => button?.click());
    expect(onDisableSite).toHaveBeenCalledTimes(1);
    render(null, root);
  });

  it('shows the ADA goal as a line of its own, with its source, for an A1C written about someone’s care', () => {
    const x = explain('My A1C was 7% after six months on the new plan.');
    const { root, unmount } = mount(x);
    const goal = root.querySelector('.goal');
    expect(goal?.textContent).toBe(
      'For many adults with diabetes who are not pregnant, the ADA suggests an A1C goal below 7% (53 mmol/mol). Each person’s goal is set with their care team.',
    );
    // After the ranges it puts in context, before the caveats.
    const range = root.querySelector('section.range')!;
    expect(range.compareDocumentPosition(goal!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const source = [...root.querySelectorAll('.sources a')].find(
      (a) => a.getAttribute('href') === SOURCES.adaGlycemic.url,
    );
    expect(source?.textContent).toBe(
      'Source: Glycemic Goals and Hypoglycemia: Standards of Care in Diabetes—2025 (American Diabetes Association)',
    );
    unmount();
  });

  it('shows no goal for a value in a sentence about diagnosis', () => {
    const { root, unmount } = mount(explain('An A1C result of 6.5% or higher is one way to diagnose diabetes.'));
    expect(root.querySelector('.goal')).toBeNull();
    expect(root.textContent).not.toContain('goal below 7%');
    unmount();
  });

  it('labels its sources by title and publisher, without chapter numbers', () => {
    const { root, unmount } = mount(explain('A1C 7%'));
    const labels = [...root.querySelectorAll('.sources a')].map((a) => a.textContent);
    expect(labels).toContain(
      'Source: Diagnosis and Classification of Diabetes: Standards of Care in Diabetes—2025 (American Diabetes Association)',
    );
    expect(labels).toContain('Source: The A1C Test & Diabetes (NIDDK)');
    for (const l of labels) expect(l).not.toMatch(/^Source: \d+\.|\)\s*\(|\(\(/);
    unmount();
  });
});
