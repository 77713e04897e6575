import { describe, expect, it } from 'vitest';
import { inflesz, infleszBand, spanishSyllables } from '../../core/glossary/readability-es';
import { attachSpanish, isSpanishSourceUrl } from '../../core/glossary/validate-es';
import type { GlossaryEntry, LocalizedText } from '../../core/glossary/types';
import { spanishPluralVariants, spanishWordPlural } from '../../core/text/plurals-es';
import { spanishArticleVariants } from '../../core/text/articles-es';
import { clearLanguage, declaredLanguage, languageEvidence, PageLanguage } from '../../core/language/detect';
import { splitByLanguage } from '../../core/session/languages';
import { compileMatcher } from '../../core/matcher';
import { PageSession } from '../../core/session';
import { createNameFinder } from '../../core/context/names';
import { loadGlossaryFromDisk } from '../../tools/load-glossary';
import { entry } from '../fixtures/matcher/inline-glossary';
import { BlockScanner } from '../../page/scan';

function es(term: string, aliases: LocalizedText['aliases'] = [], more: Partial<LocalizedText> = {}): LocalizedText {
  return {
    term,
    aliases,
    summary: `${term}.`,
    definition: `${term}. Otra frase.`,
    sources: [{ title: 'Diabetes (MedlinePlus en español)', url: 'https://medlineplus.gov/spanish/diabetes.html' }],
    lastReviewed: '2026-12-02',
    ...more,
  };
}

describe('Spanish readability (INFLESZ)', () => {
  it('counts syllables by vowel nuclei: diphthongs join, hiatus and accents split, y is a vowel only at the end', () => {
    const cases: [string, number][] = [
      ['diabetes', 3],
      ['hipoglucemia', 5],
      ['día', 2],
      ['guía', 2],
      ['aorta', 3],
      ['leer', 2],
      ['cuidado', 3],
      ['ciudad', 2],
      ['proteína', 4],
      ['hay', 1],
      ['ayuno', 3],
      ['y', 1],
      ['A1C', 3],
      ['126', 1],
    ];
    for (const [word, n] of cases) expect([word, spanishSyllables(word)]).toEqual([word, n]);
  });

  it('scores short plain sentences as easy and long learned ones as hard, on the INFLESZ bands', () => {
    const easy = inflesz('El azúcar sube. La insulina lo baja. Así el cuerpo tiene energía.');
    const hard = inflesz(
      'La hiperinsulinemia compensatoria característica de la resistencia periférica a la insulina precede habitualmente al deterioro progresivo de la función secretora pancreática y a la aparición de hiperglucemia clínicamente significativa.',
    );
    expect(easy.inflesz).toBeGreaterThan(65);
    expect(infleszBand(easy.inflesz)).toBe('bastante fácil');
    expect(hard.inflesz).toBeLessThan(40);
    expect(infleszBand(hard.inflesz)).toBe('muy difícil');
    expect(infleszBand(60)).toBe('normal');
    expect(infleszBand(70)).toBe('bastante fácil');
  });
});

describe('the Spanish glossary validator', () => {
  const english = [entry('hba1c', 'HbA1c'), entry('metformin', 'Metformin')];
  const file = (data: unknown) => [{ file: 'glossary/es/test.json', data }];

  it('accepts only Spanish pages of the allowed sites as sources', () => {
    expect(isSpanishSourceUrl('https://medlineplus.gov/spanish/diabetes.html')).toBe(true);
    expect(isSpanishSourceUrl('https://medlineplus.gov/spanish/druginfo/meds/a696005-es.html')).toBe(true);
    expect(
      isSpanishSourceUrl(
        'https://www.niddk.nih.gov/health-information/informacion-de-la-salud/diabetes/informacion-general',
      ),
    ).toBe(true);
    expect(isSpanishSourceUrl('https://www.cdc.gov/diabetes/es/about/tipos-de-insulina.html')).toBe(true);
    expect(isSpanishSourceUrl('https://www.paho.org/es/temas/diabetes')).toBe(true);
    expect(isSpanishSourceUrl('https://medlineplus.gov/diabetes.html')).toBe(false);
    expect(isSpanishSourceUrl('https://example.org/es/diabetes')).toBe(false);
    expect(isSpanishSourceUrl('http://medlineplus.gov/spanish/diabetes.html')).toBe(false);
  });

  it('fails an entry without a Spanish version, naming it, and attaches the text of those that have one', () => {
    const problems: string[] = [];
    const out = attachSpanish(english, file([{ id: 'hba1c', ...es('Hemoglobina glicosilada', ['HbA1c']) }]), problems);
    expect(problems).toEqual(['entry "metformin": has no Spanish version (add it to glossary/es/condition.json)']);
    expect(out.find((e) => e.id === 'hba1c')?.es?.term).toBe('Hemoglobina glicosilada');
  });

  it('holds Spanish to the English rules, naming the entry and the field', () => {
    const problems: string[] = [];
    attachSpanish(
      english,
      file([
        { id: 'hba1c', ...es('Hemoglobina glicosilada'), summary: 'Dos frases. En el resumen.', category: 'test' },
        {
          id: 'metformin',
          ...es('Metformina'),
          sources: [{ title: 'x', url: 'https://medlineplus.gov/druginfo/x.html' }],
        },
        { id: 'nope', ...es('Nada') },
      ]),
      problems,
    );
    expect(problems).toEqual([
      'Spanish entry "hba1c" (glossary/es/test.json[0]): field "summary" must be exactly one sentence ending in . ! or ?',
      'Spanish entry "hba1c" (glossary/es/test.json[0]): unknown field(s) category (category, related and topicOnly come from the English entry)',
      'Spanish entry "metformin" (glossary/es/test.json[1]): field "sources"[0]: "https://medlineplus.gov/druginfo/x.html" is not a Spanish-language page (MedlinePlus /spanish/, NIDDK informacion-de-la-salud, CDC, WHO or PAHO /es/) on an allowed site',
      'Spanish entry "nope" (glossary/es/test.json[2]): field "id" is not the id of an English entry',
    ]);
  });

  it('refuses one Spanish wording in two entries, accents folded', () => {
    const problems: string[] = [];
    attachSpanish(
      english,
      file([
        { id: 'hba1c', ...es('Hemoglobina glicosilada', ['glucémica']) },
        { id: 'metformin', ...es('Metformina', ['glucemica']) },
      ]),
      problems,
    );
    expect(problems).toEqual([
      'Spanish entry "metformin": field "aliases" has "glucemica", which Spanish entry "hba1c" already uses (both read as "glucemica")',
    ]);
  });
});

describe('Spanish plurals', () => {
  it('makes the plural of a word by its ending', () => {
    expect(['bomba', 'inhibidor', 'nariz', 'análisis', 'diabetes', 'ley'].map(spanishWordPlural)).toEqual([
      'bombas',
      'inhibidores',
      'narices',
      'análisis',
      'diabetes',
      'leyes',
    ]);
  });

  it('puts the plural on the head phrase, before "de", which the matcher’s suffixes cannot reach', () => {
    expect(spanishPluralVariants('bomba de insulina')).toEqual(['bombas de insulina']);
    expect(spanishPluralVariants('monitor continuo de glucosa')).toEqual([
      'monitores continuos de glucosa',
      'monitores continuo de glucosa',
    ]);
    expect(spanishPluralVariants('agonista del receptor de glp1')).toEqual(['agonistas del receptor de glp1']);
    expect(spanishPluralVariants('hemoglobina glicosilada')).toEqual([
      'hemoglobinas glicosiladas',
      'hemoglobinas glicosilada',
    ]);
    // A Greek letter or a noun in apposition does not agree: "células beta pancreáticas", "células madre".
    expect(spanishPluralVariants('celula beta pancreatica')).toEqual([
      'celulas beta pancreaticas',
      'celulas beta pancreatica',
    ]);
    expect(spanishPluralVariants('celula madre')).toEqual(['celulas madres', 'celulas madre']);
    // The scanner's own -s/-es suffixes take these:
    expect(spanishPluralVariants('cetona')).toEqual([]);
    expect(spanishPluralVariants('analisis de orina')).toEqual([]);
    expect(spanishPluralVariants('nariz')).toEqual(['narices']);
  });

  it('adds or drops the article after a preposition, one place at a time', () => {
    expect(spanishArticleVariants('zona de inyeccion')).toEqual(['zona de la inyeccion']);
    expect(spanishArticleVariants('nivel de azucar en sangre')).toEqual([
      'nivel de la azucar en sangre',
      'nivel del azucar en sangre',
      'nivel de azucar en la sangre',
      'nivel de azucar en el sangre',
    ]);
    expect(spanishArticleVariants('tiempo en rango')).toEqual(['tiempo en el rango']);
    expect(spanishArticleVariants('azucar en la sangre')).toEqual(['azucar en sangre']);
    expect(spanishArticleVariants('agonista del receptor de glp1')).toEqual(['agonista de receptor de glp1']);
    expect(spanishArticleVariants('insulina de comidas')).toEqual(['insulina de las comidas']);
    // Never before a number, never at either end of the phrase.
    expect(spanishArticleVariants('diabetes de tipo 2')).toEqual(['diabetes del tipo 2']);
    expect(spanishArticleVariants('error de 2')).toEqual([]);
    expect(spanishArticleVariants('de glucosa')).toEqual([]);
    expect(spanishArticleVariants('glucemia')).toEqual([]);
  });

  it('matches a glossary phrase with or without its article, and keeps a notWhen phrase a stop in every form', () => {
    const matcher = compileMatcher(
      [
        {
          ...entry('injection-site', 'Injection site'),
          es: es('Zona de inyección', [], { notWhen: ['error tipo 1'] }),
        },
        { ...entry('type-1-diabetes', 'Type 1 diabetes'), es: es('Diabetes tipo 1', ['tipo 1']) },
      ],
      'es',
    );
    expect(matcher.findMatches('Cambie la zona de la inyección.').map((m) => m.text)).toEqual(['zona de la inyección']);
    // The plural of a stop phrase is a stop too, not a mark of the entry that listed it.
    expect(matcher.findMatches('Hubo errores tipo 1 en el análisis.')).toEqual([]);
  });
});

describe('which language a block is in', () => {
  it('reads function words, and calls a language only on clear evidence', () => {
    expect(clearLanguage(languageEvidence('La insulina es una hormona que ayuda a las células del cuerpo.'))).toBe(
      'es',
    );
    expect(clearLanguage(languageEvidence('Insulin is a hormone that helps the cells of the body.'))).toBe('en');
    expect(clearLanguage(languageEvidence('Diabetes tipo 2'))).toBeUndefined();
    expect(declaredLanguage('es-MX')).toBe('es');
    expect(declaredLanguage('en-US')).toBe('en');
    expect(declaredLanguage('fr')).toBe('en');
    expect(declaredLanguage('')).toBeUndefined();
  });

  it('gives a short block the page’s language and a clear block its own', () => {
    const page = new PageLanguage('es');
    expect(page.of('Diabetes tipo 2')).toBe('es');
    expect(page.of('Insulin is a hormone that helps the cells of the body use sugar.')).toBe('en');
    const undeclared = new PageLanguage(undefined);
    undeclared.of('La diabetes es una enfermedad en la que el azúcar de la sangre está alta.');
    expect(undeclared.of('Metformina')).toBe('es');
  });

  it('lets plenty of Spanish overrule a template’s lang="en"', () => {
    const page = new PageLanguage('en');
    expect(page.of('Hemoglobina A1c')).toBe('en');
    for (let i = 0; i < 4; i++)
      page.of('La diabetes es una enfermedad en la que el azúcar de la sangre está muy alta.');
    expect(page.of('Hemoglobina A1c')).toBe('es');
  });

  it('cuts a batch into its languages’ blocks, each mapped back to the batch', () => {
    const parts = splitByLanguage(
      [
        'La insulina es una hormona que ayuda a las células.',
        '\u0000',
        'Insulin is a hormone that helps the cells of the body.',
        '\u0000',
        'La metformina es un medicamento para la diabetes tipo 2.',
      ],
      new PageLanguage('es'),
    );
    expect(parts.map((p) => [p.lang, p.origin])).toEqual([
      ['es', [0, 3, 4]],
      ['en', [2]],
    ]);
  });
});

describe('a page session with Spanish blocks', () => {
  const glossary: GlossaryEntry[] = [
    {
      ...entry('insulin-pump', 'Insulin pump', ['pump']),
      es: es('Bomba de insulina', [{ text: 'bomba', topicOnly: true }]),
    },
    { ...entry('metformin', 'Metformin'), es: es('Metformina') },
    { ...entry('type-2-diabetes', 'Type 2 diabetes'), es: es('Diabetes tipo 2', ['diabetes mellitus tipo 2']) },
    { ...entry('hypoglycemia', 'Hypoglycemia'), es: es('Hipoglucemia', ['hipoglicemia']) },
    {
      ...entry('chronic-kidney-disease', 'Chronic kidney disease', [{ text: 'CKD', matchCase: true }]),
      es: es('Enfermedad renal crónica', [{ text: 'ERC', matchCase: true }]),
    },
  ];
  const english = compileMatcher(glossary);
  const spanish = compileMatcher(glossary, 'es');
  const byId = new Map(glossary.map((e) => [e.id, e]));
  const session = (lang?: string) =>
    new PageSession(
      { matcher: english, spanish: () => spanish, termOf: (id) => byId.get(id), knownNames: [] },
      { values: false, hiddenCategories: [], ...(lang ? { lang } : {}) },
    );

  it('marks Spanish wordings in Spanish blocks, plurals and accents included, and says so on the mark', () => {
    const answer = session('es').read([
      {
        id: 1,
        segments: [
          'Las bombas de insulina y la metformina tratan la diabetes mellitus tipo 2; la hipoglicémia es un riesgo.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId, m.lang])).toEqual([
      ['bombas de insulina', 'insulin-pump', 'es'],
      ['metformina', 'metformin', 'es'],
      ['diabetes mellitus tipo 2', 'type-2-diabetes', 'es'],
      ['hipoglicémia', 'hypoglycemia', 'es'],
    ]);
  });

  it('reads an English paragraph on a Spanish page in English, in its place in the batch', () => {
    const answer = session('es').read([
      {
        id: 1,
        segments: [
          'La metformina es el medicamento que más se usa para la diabetes tipo 2.',
          '\u0000',
          'Metformin is the medicine most used for type 2 diabetes in the world.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.lang ?? 'en', m.start.segment])).toEqual([
      ['metformina', 'es', 0],
      ['diabetes tipo 2', 'es', 0],
      ['Metformin', 'en', 2],
      ['type 2 diabetes', 'en', 2],
    ]);
  });

  it('keeps a Spanish short form the page defines by its Spanish long form', () => {
    const answer = session('es').read([
      {
        id: 1,
        segments: ['La enfermedad renal crónica (ERC) es común en la diabetes tipo 2. La ERC avanza sin síntomas.'],
      },
    ]);
    expect(answer.marks.map((m) => m.text)).toEqual(['enfermedad renal crónica', 'ERC', 'diabetes tipo 2', 'ERC']);
  });

  it('does not read English wordings in Spanish text, nor Spanish ones in English', () => {
    const spanishPage = session('es').read([
      { id: 1, segments: ['Una bomba de agua para la casa no es una bomba de insulina ni una metformina.'] },
    ]);
    expect(spanishPage.marks.every((m) => m.lang === 'es')).toBe(true);
    const englishPage = session('en').read([
      { id: 1, segments: ['Metformina is not an English word, and the bomba de insulina is not one either.'] },
    ]);
    expect(englishPage.marks.map((m) => m.text)).toEqual([]);
  });
});

describe('languages the page’s markup declares', () => {
  it('puts blocks under another declared language into batches of their own, and nothing more on a plain page', () => {
    document.body.innerHTML =
      '<p>La insulina baja el azúcar.</p><p lang="en">Insulin</p><div lang="en-GB"><p>Metformin</p></div><p>Metformina</p>';
    const scanner = new BlockScanner(document.body);
    while (!scanner.step(() => false));
    expect(scanner.scanned.batches.map((b) => [b.lang, b.segments.filter((t) => t !== '\u0000')])).toEqual([
      [undefined, ['La insulina baja el azúcar.']],
      ['en', ['Insulin']],
      ['en-GB', ['Metformin']],
      [undefined, ['Metformina']],
    ]);
    document.body.innerHTML = '<p>Uno.</p><p>Dos.</p>';
    const plain = new BlockScanner(document.body);
    while (!plain.step(() => false));
    expect(plain.scanned.batches).toHaveLength(1);
  });

  it('reads a short block in the language its markup declares, without it voting for the page', () => {
    const page = new PageLanguage('es');
    expect(page.of('Insulin', 'en')).toBe('en');
    expect(page.of('Insulina')).toBe('es');
    expect(splitByLanguage(['Insulin pump'], page, 'en')).toEqual([
      { lang: 'en', segments: ['Insulin pump'], origin: null },
    ]);
  });
});

describe('Spanish names', () => {
  it('leaves a term inside a Spanish organisation’s name bare', () => {
    const names = createNameFinder([]);
    const text = 'Según la Asociación Americana de la Diabetes, la Diabetes tipo 2 es común.';
    const first = text.indexOf('Diabetes');
    expect(names.isInsideName(text, first, first + 'Diabetes'.length)).toBe(true);
    const day = 'El Día Mundial de la Diabetes es en noviembre.';
    expect(names.isInsideName(day, day.indexOf('Diabetes'), day.indexOf('Diabetes') + 8)).toBe(true);
    const second = text.indexOf('Diabetes tipo');
    expect(names.isInsideName(text, second, second + 'Diabetes tipo 2'.length)).toBe(false);
  });
});

describe('the real Spanish glossary on real sentences', () => {
  const glossary = loadGlossaryFromDisk();
  const byId = new Map(glossary.map((e) => [e.id, e]));
  const english = compileMatcher(glossary);
  const spanish = compileMatcher(glossary, 'es');
  const session = (lang = 'es') =>
    new PageSession(
      { matcher: english, spanish: () => spanish, termOf: (id) => byId.get(id), knownNames: [] },
      { values: false, hiddenCategories: [], lang },
    );

  it('reads a medicine’s English name quoted on a Spanish page, as Spanish news quote it', () => {
    const answer = session().read([
      { id: 1, segments: ['Lilly espera que se apruebe en México su versión de tirzepatide, llamada Zepbound.'] },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId, m.lang])).toEqual([
      ['tirzepatide', 'tirzepatide', 'es'],
      ['Zepbound', 'tirzepatide', 'es'],
    ]);
  });

  it('takes a title that names a condition as saying what the page is about, and topic-only words as saying nothing', () => {
    // A Salvadoran page on sweeteners that names diabetes once in its text, and a car-charging shop.
    const text = [
      {
        id: 1,
        segments: [
          'Son más de 346 millones de diabéticos. Algunos edulcorantes, como la sucralosa, son mejores opciones.',
        ],
      },
    ];
    const read = (title: string) =>
      new PageSession(
        { matcher: english, spanish: () => spanish, termOf: (id) => byId.get(id), knownNames: [] },
        { values: false, hiddenCategories: [], lang: 'es', title },
      ).read(text);
    expect(read('Edulcorantes para diabéticos - Vida Sana').marks.map((m) => m.text)).toEqual([
      'diabéticos',
      'edulcorantes',
      'sucralosa',
    ]);
    expect(read('Edulcorantes: guía de compra').marks.map((m) => m.text)).toEqual(['diabéticos']);
    expect(read('Cargador tipo 2 con sensor y bomba').onTopic).toBe(false);
    expect(read('Asociación de Diabetes de El Salvador').onTopic).toBe(false);
  });

  it('marks an English short form the page says is English as the Spanish term it stands for', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'Se hacía con dispositivos de autocontrol de glucosa en sangre (SMBG, por sus siglas en inglés). Hoy el SMBG ' +
            'convive con el MCG.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['autocontrol de glucosa en sangre', 'self-monitoring-of-blood-glucose'],
      ['SMBG', 'self-monitoring-of-blood-glucose'],
      ['SMBG', 'self-monitoring-of-blood-glucose'],
      ['MCG', 'continuous-glucose-monitor'],
    ]);
  });

  it('leaves bare an English short form of a name, wherever the page uses it', () => {
    // A Nicaraguan news page, as written: the organisation's name ends with a term of ours.
    const answer = session().read([
      {
        id: 1,
        segments: [
          'Un estudio de la Federación Internacional de Diabetes (IDF, por sus siglas en inglés) prevé más casos. ' +
            'La IDF estima que la diabetes tipo 2 crece.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => m.text)).toEqual(['diabetes tipo 2']);
  });

  it('leaves bare a brand that names its company’s branch', () => {
    // A Spanish health news site on a recall, as written.
    const answer = session().read([
      {
        id: 1,
        segments: [
          'Las bombas de insulina de la empresa Medtronic Iberia podrían fallar. Si usa una bomba Medtronic, revísela.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => m.text)).toEqual(['bombas de insulina', 'bomba Medtronic']);
  });

  it('leaves bare a word of two meanings quoted in a comparison, and an ATC group’s name', () => {
    // A Chilean eye clinic's page and a Spanish leaflet site, as written.
    const answer = session().read([
      {
        id: 1,
        segments: [
          'La retinopatía diabética daña la retina, que funciona como el “sensor” que captura las imágenes. ' +
            'Cambie el sensor de glucosa. Lantus se usa en enfermedades de tracto alimentario y metabolismo.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => m.text)).toEqual(['retinopatía diabética', 'retina', 'sensor de glucosa', 'Lantus']);
  });

  it('gives a longer term the words a phrase ending in "de" shares with it', () => {
    // Mexico's official gazette, a standard's title as written; the longer phrase would hide "Mellitus".
    const answer = session().read([
      { id: 1, segments: ['tratamiento y control de la Diabetes Mellitus. La administración de insulina rápida.'] },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['Diabetes Mellitus', 'diabetes-mellitus'],
      ['insulina rápida', 'rapid-acting-insulin'],
    ]);
  });

  it('leaves the body’s sodium of an SGLT2 leaflet and a law’s name bare', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'La dapagliflozina hace que el azúcar en la sangre (glucosa), la sal (sodio) y el agua salgan por la orina. ' +
            'Con el Reglamento de la Ley de Diabetes, el seguro cubre la insulina. Reduzca el sodio de su dieta.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => m.text)).toEqual([
      'dapagliflozina',
      'azúcar en la sangre',
      'glucosa',
      'insulina',
      'sodio',
    ]);
  });

  it('reads metabolic syndrome’s "síndrome X" and type 1’s antibodies, not fragile X or a monoclonal antibody', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'El síndrome X, o síndrome de insulinorresistencia, no es el síndrome X frágil. En la diabetes tipo 1 se ' +
            'buscan anticuerpos en la sangre; el teplizumab es un anticuerpo monoclonal. Vea a su podólogo.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['síndrome X', 'metabolic-syndrome'],
      ['síndrome de insulinorresistencia', 'metabolic-syndrome'],
      ['diabetes tipo 1', 'type-1-diabetes'],
      ['anticuerpos', 'islet-autoantibodies'],
      ['teplizumab', 'teplizumab'],
      ['podólogo', 'podiatrist'],
    ]);
  });

  it('reads a screening stand’s glucose checks as blood glucose, and a page’s metabolic health', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'La campaña ofrece controles de glucemia gratis. El control de glucosa cuida la salud metabólica de las ' +
            'personas con diabetes tipo 2.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['controles de glucemia', 'blood-glucose'],
      ['control de glucosa', 'glycemic-control'],
      ['salud metabólica', 'metabolic-health'],
      ['diabetes tipo 2', 'type-2-diabetes'],
    ]);
  });

  it('reads glucose spikes on a diabetes page, but not an insulin’s action peaks or the Picos de Europa', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'La avena ayuda a evitar picos y descensos del azúcar en la sangre en la diabetes tipo 2. Una insulina ' +
            'con picos de acción marcados no es como las de hoy. Fuimos a los Picos de Europa.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['picos', 'postprandial-glucose'],
      ['azúcar en la sangre', 'blood-glucose'],
      ['diabetes tipo 2', 'type-2-diabetes'],
      ['insulina', 'insulin'],
    ]);
  });

  it('reads the risk factors of a diabetes page, but not a survey named after them', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'Según la Encuesta Nacional de Factores de Riesgo, crece la diabetes tipo 2. Los factores de riesgo son ' +
            'el sobrepeso y la edad.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['diabetes tipo 2', 'type-2-diabetes'],
      ['factores de riesgo', 'diabetes-risk-factors'],
      ['sobrepeso', 'overweight'],
    ]);
  });

  it('reads fasting before a test, Spain’s long and short glucose curves, and leaves breakfast alone', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'Para la curva larga de glucosa hay que ir en ayunas; la curva corta no lo pide. Después del desayuno, la ' +
            'diabetes gestacional se controla con insulina.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['curva larga de glucosa', 'oral-glucose-tolerance-test'],
      ['en ayunas', 'fasting'],
      ['curva corta', 'glucose-challenge-test'],
      ['diabetes gestacional', 'gestational-diabetes'],
      ['insulina', 'insulin'],
    ]);
  });

  it('leaves a writer’s pen bare on a diabetes page, and reads poor circulation and oral medicines there', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'Nunca me había atrevido a coger una pluma. Con diabetes tipo 2, los trastornos circulatorios dañan los ' +
            'pies; tomo medicación oral y uso la pluma de insulina por la noche.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['diabetes tipo 2', 'type-2-diabetes'],
      ['trastornos circulatorios', 'peripheral-artery-disease'],
      ['medicación oral', 'diabetes-medicines'],
      ['pluma de insulina', 'insulin-pen'],
    ]);
  });

  it('explains the liver on a Spanish diabetes page but not a recipe’s liver and onions, and only searches it in English', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'La metformina hace que el hígado suelte menos glucosa; el hígado graso es común en la diabetes tipo 2. ' +
            'De cena, hígado encebollado.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['metformina', 'metformin'],
      ['hígado', 'liver'],
      ['glucosa', 'glucose'],
      ['hígado graso', 'masld'],
      ['diabetes tipo 2', 'type-2-diabetes'],
    ]);
    const english = session('en').read([
      {
        id: 1,
        segments: ['Metformin lowers the glucose your liver releases in type 2 diabetes. Chicken liver is cheap.'],
      },
    ]);
    // English readers' annotations leave the liver unmarked: search-only there.
    expect(english.marks.map((m) => m.text)).toEqual(['Metformin', 'glucose', 'type 2 diabetes']);
  });

  it('tells one medicine alone from MODY’s many Spanish names, and reads a Chilean fasting glucose', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'La empagliflozina se usa en monoterapia cuando la metformina no es apropiada. La diabetes MODY (Maturity ' +
            'Onset Diabetes of the Young) es una diabetes juvenil monogénica. En el síndrome metabólico hay alteración ' +
            'de la glicemia de ayunas; la glicemia de ayunas normal es menor de 100.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['empagliflozina', 'empagliflozin'],
      ['monoterapia', 'monotherapy'],
      ['metformina', 'metformin'],
      ['diabetes MODY', 'mody'],
      ['Maturity Onset Diabetes of the Young', 'mody'],
      ['diabetes juvenil monogénica', 'mody'],
      ['síndrome metabólico', 'metabolic-syndrome'],
      ['alteración de la glicemia de ayunas', 'impaired-fasting-glucose'],
      ['glicemia de ayunas', 'fasting-plasma-glucose'],
    ]);
  });

  it('leaves one medicine alone unmarked off a diabetes page', () => {
    const answer = session().read([
      {
        id: 1,
        segments: ['El antibiótico se da en monoterapia a los pacientes con neumonía leve durante cinco días.'],
      },
    ]);
    expect(answer.marks.map((m) => m.text)).toEqual([]);
  });

  it('explains blindness, blood vessels and the eye doctor on a retinopathy page, and only searches them in English', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'Con diabetes tipo 2, la glucosa alta y la presión arterial alta dañan los ojos. La retinopatía diabética ' +
            'daña los vasos sanguíneos de la retina y es una causa de ceguera. Visite al oftalmólogo una vez al año.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['diabetes tipo 2', 'type-2-diabetes'],
      ['glucosa alta', 'hyperglycemia'],
      ['presión arterial alta', 'hypertension'],
      ['retinopatía diabética', 'diabetic-retinopathy'],
      ['vasos sanguíneos', 'blood-vessels'],
      ['retina', 'retina'],
      ['ceguera', 'blindness'],
      ['oftalmólogo', 'ophthalmologist'],
    ]);
    // English readers' annotations leave blindness and blood vessels unmarked (two pages, one page).
    const english = session('en').read([
      {
        id: 1,
        segments: [
          'With type 2 diabetes, high glucose and high blood pressure harm the eyes. Diabetic retinopathy harms the ' +
            'blood vessels of the retina and can cause blindness; see an eye doctor.',
        ],
      },
    ]);
    expect(english.marks.map((m) => m.text)).toEqual([
      'type 2 diabetes',
      'high glucose',
      'high blood pressure',
      'Diabetic retinopathy',
      'retina',
      'eye doctor',
    ]);
  });

  it('leaves a leaflet’s excipients bare, and gives a term the words after "con" it shares with it', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'Cada comprimido contiene: Glibenclamida 5 mg. Excipientes (Lactosa, Celulosa Microcristalina y Almidón ' +
            'Glicolato de Sodio). Los demás componentes (excipientes) son: sacarosa, almidón de maíz. Siga el ' +
            'tratamiento con insulinas de acción rápida y evite la hipoglucemia.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['Glibenclamida', 'glyburide'],
      ['insulinas de acción rápida', 'rapid-acting-insulin'],
      ['hipoglucemia', 'hypoglycemia'],
    ]);
  });

  it('leaves the works a page cites bare, in its reference list or by author and year, and reads the rest', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'La metformina baja la glucemia.\u0000National Institute of Diabetes and Digestive and Kidney Disease. ' +
            'Type 2 Diabetes. Disponible en: https://www.niddk.nih.gov/health-information/diabetes. Consultado el 3 ' +
            'de mayo de 2023.\u0000Cleveland Clinic. «Hypoglycemia». Consultado el 12 de octubre de 2024.\u0000' +
            'La insulina glargina está disponible en: https://example.org y en farmacias. Se detecta a tiempo ' +
            '(GPC Diabetes, 2020; OMS Diabetes, 2023), con la prueba de A1C (hemoglobina glucosilada, cada año).',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['metformina', 'metformin'],
      ['glucemia', 'blood-glucose'],
      ['insulina glargina', 'insulin-glargine'],
      ['prueba de A1C', 'hba1c'],
      ['hemoglobina glucosilada', 'hba1c'],
    ]);
  });

  it('leaves bare a reference list’s “Author, Title, year” entries, a quoted manual’s title and a quote’s signature', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'Mida su glucosa con tiras reactivas.\u0000“Controlarse no es gastar más.”\u0000— Diabetes Responsable\u0000' +
            'La tabla fue extraída del manual: “Uso adecuado de las tiras reactivas de glucosa en sangre en pacientes ' +
            'con diabetes mellitus.”, de 2019.\u0000Ministerio de Salud de El Salvador, Manual práctico de autocontrol ' +
            'para personas con diabetes, 2023.\u0000—Diabetes tipo 2, dijo el médico; la insulina llegó el 12 de marzo, ' +
            '2023.\u0000La diabetes tipo 1 empezó en 2020. La hipoglucemia, el sueño, 2021.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['glucosa', 'glucose'],
      ['tiras reactivas', 'test-strip'],
      ['Diabetes tipo 2', 'type-2-diabetes'],
      ['insulina', 'insulin'],
      ['diabetes tipo 1', 'type-1-diabetes'],
      ['hipoglucemia', 'hypoglycemia'],
    ]);
  });

  it('leaves bare a head’s name without a connector, a breadcrumb trail, the day of diabetes and the test’s drink', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'Inicio > Endocrinología y Nutrición > Retinopatía diabética\u0000No forman parte de la Fundación Diabetes ' +
            'Uruguay. El día de la diabetes recuerda a Banting, que descubrió la insulina. Se mide la glucosa después ' +
            'de tomar una bebida azucarada; en el Centro la diabetes tipo 1 se trata.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['insulina', 'insulin'],
      ['glucosa', 'glucose'],
      ['diabetes tipo 1', 'type-1-diabetes'],
    ]);
  });

  it('leaves a strip’s enzyme bare, and reads glucagon’s nasal spray and the kidney’s medicines by their short forms', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'La enzima glucosa oxidasa de las tiras reacciona con la glucosa. En la diabetes tipo 1, el glucagón se da ' +
            'por inyección o aerosol nasal; para el riñón, bloqueantes de los receptores de angiotensina II [BRAII].',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['glucosa', 'glucose'],
      ['diabetes tipo 1', 'type-1-diabetes'],
      ['glucagón', 'glucagon'],
      ['inyección', 'subcutaneous-injection'],
      ['aerosol nasal', 'emergency-glucagon'],
      ['bloqueantes de los receptores de angiotensina II', 'arbs'],
      ['BRAII', 'arbs'],
    ]);
  });

  it('leaves bare a web address written without its scheme, and reads uric acid but not a drop of blood', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'Escribe para diabetes.sansun.org y msal.gob.ar. La diabetes tipo 2 y la hiperuricemia van juntas; una gota de ' +
            'sangre basta para la glucemia.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['diabetes tipo 2', 'type-2-diabetes'],
      ['hiperuricemia', 'uric-acid'],
      ['glucemia', 'blood-glucose'],
    ]);
  });

  it('reads a severe low in the blood whole, a cyclist’s old glucose intolerance and a secondary diabetes', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'Cuando su niño sufre un severo bajón de glucosa en la sangre, use el glucagón. Los intolerantes ' +
            'hidrocarbonados y la diabetes secundaria también cuentan; la medición capilar sigue siendo útil.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['bajón de glucosa en la sangre', 'hypoglycemia'],
      ['glucagón', 'glucagon'],
      ['intolerantes hidrocarbonados', 'impaired-glucose-tolerance'],
      ['diabetes secundaria', 'diabetes-mellitus'],
      ['medición capilar', 'self-monitoring-of-blood-glucose'],
    ]);
  });

  it('reads a newborn’s low blood sugar, also as a parents’ site misspells it', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'La hipoglucemina neonatal es común en bebés de madres con diabetes; la hipoglucemia neonatal se trata ' +
            'con leche o glucosa.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['hipoglucemina neonatal', 'hypoglycemia'],
      ['diabetes', 'diabetes-mellitus'],
      ['hipoglucemia neonatal', 'hypoglycemia'],
      ['glucosa', 'glucose'],
    ]);
  });

  it('leaves a thesis’s TFG bare and reads the kidney’s, and a body-fat index', () => {
    const answer = session().read([
      {
        id: 1,
        segments: [
          'La diabetes tipo 1 y la insulina. Publica TFG cuadrado 1200 x 1200. Terminé el TFG de la carrera. ' +
            'La TFG baja cuando la diabetes daña el riñón; mida el índice de grasa corporal.',
        ],
      },
    ]);
    expect(answer.marks.map((m) => [m.text, m.entryId])).toEqual([
      ['diabetes tipo 1', 'type-1-diabetes'],
      ['insulina', 'insulin'],
      ['TFG', 'egfr'],
      ['diabetes', 'diabetes-mellitus'],
      ['índice de grasa corporal', 'adipose-tissue'],
    ]);
  });
});
