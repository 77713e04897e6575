/** The value card for a value found in Spanish text: Spanish explanation, Spanish labels, marked lang="es". */
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ValuePopover } from '../../components/ValuePopover';
import { announcement } from '../../components/card/CardApp';
import { SOURCES, explainValue, findValues, type ValueExplanation } from '../../core/values';
import { SOURCES_ES } from '../../core/values/data-es';

function explain(text: string, lang: 'en' | 'es' = 'es'): ValueExplanation {
  const [m] = findValues(text, lang);
  if (!m) throw new Error(`no value in ${text}`);
  return explainValue(m, lang);
}

function mount(explanation: ValueExplanation, site?: string) {
  const root = document.createElement('div');
  document.body.append(root);
  const onClose = vi.fn();
  const onDisableSite = vi.fn();
  act(() => {
    render(
      <ValuePopover
        explanation={explanation}
        takeFocus={false}
        onClose={onClose}
        site={site}
        onDisableSite={site ? onDisableSite : undefined}
      />,
      root,
    );
  });
  return {
    root,
    onClose,
    onDisableSite,
    unmount: () => {
      render(null, root);
      root.remove();
    },
  };
}

describe('the Spanish value card', () => {
  it('is a dialog in Spanish, named by its heading and described by the Spanish verdict', () => {
    const { root, unmount } = mount(explain('mi A1C es de 7,2 %'));
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('lang')).toBe('es');
    expect(root.querySelector(`#${dialog.getAttribute('aria-labelledby')}`)?.textContent).toBe('HbA1c 7,2 %');
    expect(root.querySelector(`#${dialog.getAttribute('aria-describedby')}`)?.textContent).toBe(
      '7,2 % está en el rango de diabetes.',
    );
    expect(root.querySelector('.category')?.textContent).toBe('Hemoglobina glicosilada (HbA1c)');
    unmount();
  });

  it('labels everything of its own in Spanish: close, ranges, this value, read more, disclaimer, site', () => {
    const { root, onClose, onDisableSite, unmount } = mount(explain('HbA1c de 7,2 %'), 'ejemplo.es');
    const text = root.textContent ?? '';
    expect(text).toContain('55 mmol/mol');
    expect(text).toContain('Glucosa promedio estimada');
    expect(text).toContain('160 mg/dl (8,9 mmol/l)');
    expect(text).toContain('Rangos de la Asociación Americana de la Diabetes (ADA).');
    expect(root.querySelector('[aria-current="true"]')?.textContent).toBe('Diabetes6,5 % o más (este valor)');
    expect(root.querySelector('.disclaimer')?.textContent).toBe('Con fines educativos, no es consejo médico.');
    for (const english of ['Read more', 'Ranges from', 'this value', 'Source:', 'Don’t highlight', 'For education'])
      expect(text).not.toContain(english);
    const readMore = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Leer más');
    act(() => readMore?.click());
    expect(root.textContent).toContain('La HbA1c es un análisis de sangre');
    act(() => (root.querySelector('button[aria-label="Cerrar la explicación"]') as HTMLButtonElement).click());
    expect(onClose).toHaveBeenCalledTimes(1);
    const disable = [...root.querySelectorAll('button')].find((b) => b.textContent === 'No resaltar en ejemplo.es');
    act(() => disable?.click());
    expect(onDisableSite).toHaveBeenCalledTimes(1);
    unmount();
  });

  it('joins "de" and "el" as Spanish does when naming whose ranges they are', () => {
    const { root, unmount } = mount(explain('tiempo en rango del 72 %'));
    expect(root.querySelector('.owner')?.textContent).toBe(
      'Rangos del Consenso Internacional sobre el Tiempo en Rango.',
    );
    unmount();
  });

  it('lists the Spanish pages first, and says which sources are in English', () => {
    const x = explain('glucosa en ayunas de 126 mg/dl');
    const { root, unmount } = mount(x);
    const links = [...root.querySelectorAll('.sources a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(x.sources.map((s) => s.url));
    expect(links[0]?.getAttribute('href')).toBe(SOURCES_ES.diagnosis.url);
    expect(links[0]?.textContent).toBe('Fuente: Pruebas y diagnóstico de la diabetes (NIDDK)');
    expect(links[0]?.hasAttribute('hreflang')).toBe(false);
    const ada = links.find((a) => a.getAttribute('href') === SOURCES.adaDiagnosis.url);
    expect(ada?.getAttribute('hreflang')).toBe('en');
    expect(ada?.querySelector('span')?.getAttribute('lang')).toBe('en');
    expect(ada?.textContent).toBe(
      'Fuente: Diagnosis and Classification of Diabetes: Standards of Care in Diabetes—2025 (American Diabetes Association) (en inglés)',
    );
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
    unmount();
  });

  it('announces itself in Spanish', () => {
    const explanation = explain('IMC de 31,2');
    expect(announcement({ kind: 'value', explanation })).toBe(
      'Explicación abierta: IMC 31,2 kg/m². 31,2 kg/m² está en el grupo de obesidad (clase 1).',
    );
  });
});

describe('the English value card is as before', () => {
  it('has no language of its own, English labels, and no language marks on its sources', () => {
    const { root, unmount } = mount(explain('A1C 7.2%', 'en'));
    expect(root.querySelector('[role="dialog"]')?.hasAttribute('lang')).toBe(false);
    expect(root.querySelector('button[aria-label="Close explanation"]')).not.toBeNull();
    expect(root.querySelector('[aria-current="true"]')?.textContent).toBe('Diabetes6.5% or higher (this value)');
    for (const a of root.querySelectorAll('.sources a')) {
      expect(a.hasAttribute('hreflang')).toBe(false);
      expect(a.textContent).toMatch(/^Source: /);
      expect(a.textContent).not.toMatch(/in English/);
    }
    unmount();
  });
});
