/**
 * Explanations of values found in Spanish text, written in Spanish: the same facts, cut-offs and sources as the
 * English, Spanish number style ("6,5 %", "126 mg/dl (7,0 mmol/l)"), Spanish pages beside the English-only sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CAVEATS, MEASURES, SCHEMES, SOURCES, describeLimits, explainValue, findValues } from '../../core/values';
import { GOALS, type SchemeId } from '../../core/values/data';
import { CAVEATS_ES, GOALS_ES, MEASURES_ES, SCHEMES_ES, SOURCES_ES } from '../../core/values/data-es';
import { WORDINGS } from '../../core/values/wording';
import { explainSent } from '../../core/values/remote';
import { isSpanishSourceUrl } from '../../core/glossary/validate-es';
import { inflesz } from '../../core/glossary/readability-es';
import { SPANISH_READING_LIMITS } from '../../core/glossary/reading-level-es';
import type { ValueExplanation } from '../../core/values/types';

function explain(text: string): ValueExplanation {
  const [m] = findValues(text, 'es');
  if (!m) throw new Error(`no value in ${JSON.stringify(text)}`);
  return explainValue(m, 'es');
}

describe('a Spanish explanation', () => {
  it('says it is Spanish, and an English one says nothing', () => {
    expect(explain('HbA1c de 7,2 %').lang).toBe('es');
    expect(explainValue(findValues('A1C 7.2%')[0]!).lang).toBeUndefined();
  });

  it('writes numbers and units the Spanish way: decimal commas, "7,2 %", mg/dl, mmol/l', () => {
    const a1c = explain('mi A1C es de 7,2 %');
    expect(a1c.title).toBe('HbA1c 7,2 %');
    expect(a1c.measureName).toBe('Hemoglobina glicosilada (HbA1c)');
    expect(a1c.conversions.map((c) => [c.label, c.value])).toEqual([
      ['En mmol/mol (IFCC)', '55 mmol/mol'],
      ['Glucosa promedio estimada', '160 mg/dl (8,9 mmol/l)'],
    ]);
    const glucose = explain('glucosa en ayunas de 126 mg/dl');
    expect(glucose.title).toBe('Glucosa en ayunas 126 mg/dl');
    expect(glucose.conversions.map((c) => c.value)).toEqual(['7,0 mmol/l']);
    expect(explain('glucosa en ayunas: 7,0 mmol/l').conversions.map((c) => c.value)).toEqual(['126 mg/dl']);
    expect(explain('IMC de 31,2').title).toBe('IMC 31,2 kg/m²');
  });

  it('gives the verdict in Spanish, for values, ranges and bounds', () => {
    const verdict = (t: string) => explain(t).ranges[0]?.verdict;
    expect(verdict('HbA1c de 7,2 %')).toBe('7,2 % está en el rango de diabetes.');
    expect(verdict('HbA1c del 6,5 %')).toBe('6,5 % está en el rango de diabetes.');
    expect(verdict('hemoglobina glicosilada: 5,9 %')).toBe('5,9 % está en el rango de prediabetes.');
    expect(verdict('glucosa en ayunas de 99 mg/dl')).toBe('99 mg/dl está en el rango normal.');
    expect(verdict('HbA1c de 5,7 a 6,4 %')).toBe('Todo el rango 5,7–6,4 % está en el rango de prediabetes.');
    expect(verdict('HbA1c de al menos 6,5 %')).toBe('Cualquier valor de al menos 6,5 % está en el rango de diabetes.');
    expect(verdict('HbA1c por debajo del 7 %')).toBe(
      'Los valores por debajo de 7 % abarcan más de un grupo: normal, prediabetes y diabetes.',
    );
    expect(verdict('IMC de 31,2')).toBe('31,2 kg/m² está en el grupo de obesidad (clase 1).');
    expect(verdict('glucemia de 50 mg/dl')).toBe('50 mg/dl está en el rango bajo de nivel 2 (grave).');
    expect(verdict('tiempo en rango del 75 %')).toBe('75 % supera el 70 %, así que cumple la meta.');
  });

  it('states every band’s limits in Spanish, with the English cut-offs', () => {
    expect(explain('HbA1c de 7,2 %').ranges[0]?.bands.map((b) => [b.label, b.limits, b.hit])).toEqual([
      ['Normal', 'menos de 5,7 %', false],
      ['Prediabetes', 'de 5,7 % a 6,4 %', false],
      ['Diabetes', '6,5 % o más', true],
    ]);
    expect(explain('glucosa en ayunas de 126 mg/dl').ranges[0]?.bands.map((b) => b.limits)).toEqual([
      'menos de 100 mg/dl',
      'de 100 a 125 mg/dl',
      '126 mg/dl o más',
    ]);
    expect(explain('glucosa en ayunas de 7,0 mmol/l').ranges[0]?.bands.map((b) => b.limits)).toEqual([
      'menos de 5,6 mmol/l',
      'de 5,6 a 6,9 mmol/l',
      '7,0 mmol/l o más',
    ]);
    expect(explain('tiempo en rango del 65 %').ranges[0]?.bands.map((b) => b.limits)).toEqual([
      'de 0 % a 70 %',
      'más de 70 %, hasta 100 %',
    ]);
  });

  it('lands on the same bands as the English, every band of every scheme in every unit', () => {
    const sameDigits = (s: string) => s.replace(/[^\d,.]/g, '').replace(/,/g, '.');
    for (const scheme of Object.values(SCHEMES)) {
      for (const band of scheme.bands) {
        for (const [unit, limits] of Object.entries(band.limits)) {
          const u = unit as keyof typeof band.limits;
          expect(sameDigits(describeLimits(limits, u, 'es')), `${scheme.id} ${band.id} ${unit}`).toBe(
            sameDigits(describeLimits(limits, u)),
          );
        }
      }
    }
  });

  it('says when the unit was assumed, in Spanish', () => {
    expect(explain('HbA1c de 7,2').unitNote).toMatch(/^No se escribió la unidad\. .*porcentaje/);
    expect(explain('HbA1c de 53').unitNote).toMatch(/mmol\/mol/);
    expect(explain('glucemia de 180').unitNote).toMatch(/mg\/dl/);
    expect(explain('glucemia de 7,8').unitNote).toMatch(/mmol\/l/);
    expect(explain('HbA1c de 7,2 %').unitNote).toBeUndefined();
  });

  it('carries the caveats and the goal in Spanish', () => {
    const x = explain('Mi HbA1c es de 7,2 % con metformina.');
    expect(x.goal?.text).toBe(GOALS_ES['ada-a1c'].text['%']);
    expect(x.goal?.text).toMatch(/por debajo del 7 % \(53 mmol\/mol\)/);
    expect(x.caveats).toContain(CAVEATS_ES.oneResult);
    expect(x.caveats).not.toContain(CAVEATS_ES.goals);
    expect(explain('HbA1c de 47 mmol/mol').caveats).toContain(CAVEATS_ES.crossing);
    expect(explain('IMC de 31').caveats).toContain(CAVEATS_ES.bmiScreening);
    expect(explain('Una HbA1c de 6,5 % o más sirve para el diagnóstico.').goal).toBeUndefined();
  });

  it('names whose ranges they are in Spanish', () => {
    const owners = ['HbA1c de 7 %', 'IMC de 31', 'tiempo en rango del 72 %'].map((t) => explain(t).ranges[0]?.owner);
    expect(owners).toEqual([
      'la Asociación Americana de la Diabetes (ADA)',
      'los Centros para el Control y la Prevención de Enfermedades (CDC)',
      'el Consenso Internacional sobre el Tiempo en Rango',
    ]);
  });
});

describe('the sources of a Spanish explanation', () => {
  it('puts a Spanish page before each English-only source, which stays cited and is marked as English', () => {
    const x = explain('HbA1c de 7,2 %');
    expect(x.sources.slice(0, 2)).toEqual([SOURCES_ES.diagnosis, { ...SOURCES.adaDiagnosis, lang: 'en' }]);
    expect(x.sources).toContainEqual(SOURCES_ES.a1c);
    // The English "about" page gives way to the Spanish one.
    expect(x.sources.map((s) => s.url)).not.toContain(SOURCES.niddkA1c.url);
    for (const s of x.sources) expect(s.lang === 'en' || isSpanishSourceUrl(s.url), s.url).toBe(true);
    expect(explain('glucemia de 50 mg/dl').sources[0]).toEqual(SOURCES_ES.hypoglycemia);
    expect(explain('IMC de 31').sources.slice(0, 2)).toEqual([SOURCES_ES.obesity, { ...SOURCES.cdcBmi, lang: 'en' }]);
    expect(explain('Mi HbA1c es de 7,2 % con metformina.').sources).toContainEqual(SOURCES_ES.levels);
  });

  it('cites only Spanish pages the Spanish glossary already cites (no URL is made up)', () => {
    const dir = join(import.meta.dirname, '..', '..', 'glossary', 'es');
    const cited = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    for (const s of Object.values(SOURCES_ES)) {
      expect(isSpanishSourceUrl(s.url), s.url).toBe(true);
      expect(cited, s.url).toContain(`"${s.url}"`);
    }
  });

  it('explains a value sent by a content script in the language it asks for, English otherwise', () => {
    const [m] = findValues('HbA1c de 53 mmol/mol', 'es');
    expect(explainSent(structuredClone(m), 'es')?.conversions[0]?.value).toBe('7,0 %');
    expect(explainSent(structuredClone(m))?.conversions[0]?.value).toBe('7.0%');
    expect(explainSent(structuredClone(m), 'fr')?.lang).toBeUndefined();
  });
});

describe('the Spanish text', () => {
  const bandTexts = (Object.keys(SCHEMES_ES) as SchemeId[]).flatMap((id) =>
    Object.values<{ label: string; phrase: string }>(SCHEMES_ES[id].bands).flatMap((b) => [b.label, b.phrase]),
  );
  const sentences = [
    ...Object.values(CAVEATS_ES),
    ...Object.values(MEASURES_ES).map((m) => m.about),
    ...Object.values(WORDINGS.es.unitNotes),
    ...Object.values(GOALS_ES).flatMap((g) => Object.values<string>(g.text)),
  ];

  it('has a Spanish version of every English sentence, each different from it', () => {
    for (const id of Object.keys(CAVEATS) as (keyof typeof CAVEATS)[]) expect(CAVEATS_ES[id]).not.toBe(CAVEATS[id]);
    for (const id of Object.keys(MEASURES) as (keyof typeof MEASURES)[])
      expect(MEASURES_ES[id].about).not.toBe(MEASURES[id].about);
    for (const id of Object.keys(GOALS) as (keyof typeof GOALS)[])
      expect(Object.keys(GOALS_ES[id].text)).toEqual(Object.keys(GOALS[id].text));
    for (const id of Object.keys(SCHEMES) as SchemeId[]) {
      const bands = SCHEMES[id].bands.map((b) => b.id);
      expect(Object.keys(SCHEMES_ES[id].bands).sort(), id).toEqual([...bands].sort());
    }
  });

  it('states the same numbers as the English, written with decimal commas', () => {
    const numbers = (t: string) =>
      (t.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace(',', '.')).sort((a, b) => a.localeCompare(b));
    for (const id of Object.keys(CAVEATS) as (keyof typeof CAVEATS)[])
      expect(numbers(CAVEATS_ES[id]), id).toEqual(numbers(CAVEATS[id]));
    for (const id of Object.keys(MEASURES) as (keyof typeof MEASURES)[])
      expect(numbers(MEASURES_ES[id].about), id).toEqual(numbers(MEASURES[id].about));
    for (const id of Object.keys(SCHEMES) as SchemeId[]) {
      expect(numbers(SCHEMES_ES[id].title), id).toEqual(numbers(SCHEMES[id].title));
      for (const band of SCHEMES[id].bands) {
        const text = (SCHEMES_ES[id].bands as Record<string, { label: string; phrase: string }>)[band.id];
        expect(numbers(`${text?.label} ${text?.phrase}`), `${id} ${band.id}`).toEqual(
          numbers(`${band.label} ${band.phrase}`),
        );
      }
    }
    for (const [unit, text] of Object.entries(GOALS['ada-a1c'].text))
      expect(numbers(GOALS_ES['ada-a1c'].text[unit as keyof (typeof GOALS_ES)['ada-a1c']['text']])).toEqual(
        numbers(text),
      );
    for (const t of [...sentences, ...bandTexts]) expect(t, t).not.toMatch(/\d\.\d/);
  });

  it('gives no advice about treatment or doses in any sentence shown', () => {
    for (const t of [...sentences, ...bandTexts, ...Object.values(SCHEMES_ES).map((s) => s.title)]) {
      expect(t).not.toMatch(
        /(?<![\p{L}])(?:dosis|tome|tomar|tómese|debe|debería|tiene que|tratamiento|medicamentos?|insulina|unidades de|coma más|coma menos|consulte)(?![\p{L}])/iu,
      );
    }
  });

  it('reads as plain Spanish: INFLESZ at the glossary’s limits, and short sentences', () => {
    const scores = sentences.map((t) => inflesz(t).inflesz).sort((a, b) => a - b);
    for (const t of sentences) expect(inflesz(t).inflesz, t).toBeGreaterThanOrEqual(SPANISH_READING_LIMITS.minScore);
    expect(scores[Math.floor(scores.length / 2)]).toBeGreaterThanOrEqual(SPANISH_READING_LIMITS.minMedian);
    for (const t of sentences)
      for (const sentence of t.split(/(?<=\.)\s+/))
        expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(28);
  });
});
