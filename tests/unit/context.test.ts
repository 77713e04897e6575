/**
 * Context rules on real sentences from the development set (../shared/corpus/real): names, abbreviations a page
 * defines itself, the topic signal, and case-exact aliases at the start of a sentence.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PageContext,
  bestLongForm,
  createNameFinder,
  findAbbreviationDefinitions,
  TopicSignal,
  topicOnlyByEntry,
  TOPIC_MIN_ENTRIES,
  TOPIC_SHORT_CHARS,
} from '../../core/context';
import { compileMatcher, type Match } from '../../core/matcher';
import { loadGlossaryFromDisk } from '../../tools/load-glossary';
import names from '../../glossary/names.json';

const glossary = loadGlossaryFromDisk();
const matcher = compileMatcher(glossary);
const byId = new Map(glossary.map((e) => [e.id, e]));

function context(): PageContext {
  return new PageContext({
    knownNames: names.names,
    termOf: (id) => byId.get(id),
    matchesIn: (text) => matcher.findMatches(text),
  });
}

/** What a page with these blocks would mark (topic-only matches only once the page is on topic), in order. */
function marked(blocks: string[], ctx = context()): string[] {
  const kept: Match[] = [];
  for (const text of blocks) kept.push(...ctx.refine(text, matcher.findMatches(text)));
  return kept.filter((m) => ctx.allows(m)).map((m) => m.text);
}

describe('names', () => {
  const finder = createNameFinder(names.names);
  const inside = (text: string, word: string) => {
    const at = text.indexOf(word);
    return finder.isInsideName(text, at, at + word.length);
  };

  it('finds a term inside an organisation name, before its head word', () => {
    const s =
      'Pivotal data for the system were presented at the American Diabetes Association 82nd Scientific Sessions in 2022';
    expect(inside(s, 'Diabetes')).toBe(true);
  });

  it('finds terms inside a long Spanish name that lists what it covers, commas included', () => {
    const s =
      'Con base en la Estrategia Nacional y Estatal para la Prevención y el Control del Sobrepeso, la Obesidad y la ' +
      'Diabetes, la institución de salud detalla los síntomas.';
    expect(inside(s, 'Sobrepeso')).toBe(true);
    expect(inside(s, 'Obesidad')).toBe(true);
    expect(inside(s, 'Diabetes')).toBe(true);
    // A comma in prose still ends the chain.
    expect(inside('Tiene Diabetes, la Obesidad vino después.', 'Obesidad')).toBe(false);
  });

  it('finds a term inside a title quoted after a colon', () => {
    const s =
      'Chile tiene la mayor tasa de diabetes en América del Sur, según el Compendio: El Desafío de la Diabetes en Chile.';
    expect(inside(s, 'Diabetes')).toBe(true);
    expect(inside('Recuerde lo más importante: la Diabetes tipo 2 se puede prevenir.', 'Diabetes tipo 2')).toBe(false);
    expect(inside('Factores de riesgo: Obesidad, Hipertensión Arterial y sedentarismo.', 'Hipertensión Arterial')).toBe(
      false,
    );
  });

  it('finds a term inside a report’s name', () => {
    expect(
      inside('La advertencia surge del Atlas Internacional de Diabetes 2025, que también revela…', 'Diabetes'),
    ).toBe(true);
    expect(inside('The IDF Diabetes Atlas counts 589 million adults with diabetes.', 'Diabetes')).toBe(true);
    expect(inside('El hospital ha convertido a su Unidad de Diabetes en la más completa.', 'Diabetes')).toBe(true);
    const campaign = 'En noviembre se desarrolla la Campaña Latinoamericana de Prevención del Pie Diabético.';
    expect(inside(campaign, 'Pie Diabético')).toBe(true);
  });

  it('reads a name written in capitals, and a clinic’s outpatient service, as names', () => {
    // An Argentine town's notice and a Chilean hospital's news, as written.
    expect(inside('14 DE NOVIEMBRE, DÍA MUNDIAL DE LA DIABETES', 'DIABETES')).toBe(true);
    expect(inside('THE AMERICAN DIABETES ASSOCIATION RECOMMENDS', 'DIABETES')).toBe(true);
    const clinic = 'asumió la jefatura del Policlínico de Endocrinología y Diabetes Infantil, liderando un equipo.';
    expect(inside(clinic, 'Endocrinología')).toBe(true);
    expect(inside(clinic, 'Diabetes Infantil')).toBe(true);
    const table =
      'Durante la Mesa Técnica de Disponibilidad de Insulinas y otros Hipoglicemiantes, realizada el pasado 3 de julio';
    expect(inside(table, 'Insulinas')).toBe(true);
    expect(inside(table, 'Hipoglicemiantes')).toBe(true);
    // A Mexican patient's blog, a Spanish podiatrist's page and a meter's manual, as written.
    const clinicName = 'Me atendieron en la Clínica Especializada en el Manejo de la Diabetes, dejándome callada.';
    expect(inside(clinicName, 'Manejo de la Diabetes')).toBe(true);
    expect(inside('Según el Consenso Internacional sobre Pie Diabético: «El pie', 'Pie Diabético')).toBe(true);
    const strips = 'la estructura de las tiras reactivas GlucoMen® areo Sensor y GlucoMen® areo β-Ketone Sensor.';
    expect(inside(strips, 'Sensor')).toBe(true);
    expect(inside(strips.replace(' y GlucoMen', ' y Gluco'), 'Sensor')).toBe(true);
    expect(inside('Usa GlucoMen®. Sensor nuevo cada 14 días.', 'Sensor')).toBe(false);
    expect(inside('La Clínica en la que trabajo trata la Diabetes Tipo 2 cada día.', 'Diabetes Tipo 2')).toBe(false);
    // An Argentine hospital's news: a unit's name after a lowercase head, its capitals as written.
    const teams = 'Los equipos de Diabetes y Embarazo y del Hospital de Día Pediátrico planificaron acciones.';
    expect(inside(teams, 'Diabetes')).toBe(true);
    expect(inside('La administración de Insulina es diaria.', 'Insulina')).toBe(false);
    expect(inside('Voy a la unidad de diabetes del hospital.', 'diabetes')).toBe(false);
    // A Mexican report: a programme's name set right after a lowercase "programa".
    expect(inside('se emprendió el programa Diabetes sin límites, con el propósito de', 'Diabetes')).toBe(true);
    // Costa Rica's social security: a survey's name, its capitals after the lowercase head.
    const survey = 'de acuerdo con la última encuesta de Factores de Riesgo Cardiovascular, cerca un 13%';
    expect(inside(survey, 'Riesgo Cardiovascular')).toBe(true);
    expect(inside('El estudio de la Diabetes es largo.', 'Diabetes')).toBe(false);
    // A patients' organisation's page on school: a course said to be online, then its name in capitals.
    const course = 'visitando las páginas del curso virtual Diabetes y Escuelas. Para acceder';
    expect(inside(course, 'Diabetes')).toBe(true);
    expect(inside('Este curso explica la Diabetes tipo 1 a los maestros.', 'Diabetes tipo 1')).toBe(false);
    // A tool's name, as a heading on a page about low blood sugar in older adults.
    expect(inside('Evaluador de Riesgo de Hipoglucemia por Medicamentos', 'Hipoglucemia')).toBe(true);
    // A forum's name after its lowercase head, and a family school's in quotes, as two Spanish news sites wrote them.
    const forum = 'se reunieron en el foro Detección de Hipoglucemias con FreeStyle® Libre, una visión de 360º.';
    expect(inside(forum, 'Hipoglucemias')).toBe(true);
    const school = 'vinculados al programa a través de las “Escuelas familiares de Diabetes Tipo 1”, completando';
    expect(inside(school, 'Diabetes Tipo 1')).toBe(true);
    // A byline's credentials after the writer's name, not after a place.
    expect(inside('Nina Ghamrawi, MS, RD, CDE', 'CDE')).toBe(true);
    expect(inside('Written by Jane O. Smith, RN, CDCES', 'CDCES')).toBe(true);
    expect(inside('En Estados Unidos, CDE era el título.', 'CDE')).toBe(false);
    expect(inside('Pregunte a su CDE por la A1C.', 'CDE')).toBe(false);
    // A cry is a slogan; a term quoted after "denominado" with its other name first is the term.
    expect(inside('Al grito de “Ojo con la diabetes», Arriola inauguró el evento.', 'diabetes')).toBe(true);
    // A slogan named after its quote, as a Uruguayan blog wrote one; the term alone in quotes is still the term.
    expect(inside('"Vida saludable y diabetes" es el lema elegido en todo el mundo.', 'diabetes')).toBe(true);
    expect(inside('“Diabetes and well-being” is the theme this year.', 'Diabetes')).toBe(true);
    expect(inside('Se habla de “diabetes”, es el tema de hoy.', 'diabetes')).toBe(false);
    // A slogan whose lead names the campaign first, as an Argentine paper wrote it.
    expect(inside('El lema de la campaña fue “Si eres diabético, vigilá tu vista”, basado en', 'diabético')).toBe(true);
    const pen = 'Ese día introdujimos el denominado “lápiz o pluma de insulina”, mecanismo cuyas ventajas';
    expect(inside(pen, 'pluma de insulina')).toBe(false);
    // A heading in capitals without a head is no name; a Spanish head after the term is prose.
    expect(inside('CÓMO VIVIR CON DIABETES TIPO 2', 'DIABETES TIPO 2')).toBe(false);
    expect(inside('Consejos para la Diabetes en el Día a Día', 'Diabetes')).toBe(false);
  });

  it('finds a lowercase term right after a head inside its sentence, and terms in a quoted title', () => {
    // A Nicaraguan clinic's page and a Peruvian news report, as written.
    const atlas = 'difundidos hoy en la novena edición del Atlas de la diabetes de la FID, señalan que';
    expect(inside(atlas, 'diabetes')).toBe(true);
    expect(inside('Se celebra el Día mundial de la diabetes cada noviembre.', 'diabetes')).toBe(true);
    // A Honduran radio's report: the name's capitals raise its connector, not its term.
    expect(inside('Este 14 de noviembre es el Día Mundial Contra la diabetes.', 'diabetes')).toBe(true);
    expect(inside('Luchamos Contra la diabetes cada día.', 'diabetes')).toBe(false);
    // Paraguayan and Honduran news: the Day's name in capitals, and opening a heading with its adjective.
    expect(inside('En el Día Mundial Contra la Diabetes, la doctora instó a la ciudadanía.', 'Diabetes')).toBe(true);
    expect(inside('Día mundial de la diabetes: 1.5 millones de hondureños afectados', 'diabetes')).toBe(true);
    // A unit named after its specialty names the specialty, which the reader may want explained.
    expect(inside('La jefa del servicio de Endocrinología destacó los encuentros.', 'Endocrinología')).toBe(false);
    // Not when the name goes on past it: an Argentine province's clinic, as written.
    const clinic = 'a cargo del consultorio de Podología y Prevención del Pie Diabético en el servicio de Diabetes';
    expect(inside(clinic, 'Podología')).toBe(true);
    // A Seville hospital's unit and the region's plan; a Honduran centre named after the people it serves.
    expect(inside('amplía el horario de su hospital de día de Diabetes potenciando la atención', 'Diabetes')).toBe(
      true,
    );
    expect(inside('recogidos en las estrategias del Plan Integral de Diabetes de Andalucía.', 'Diabetes')).toBe(true);
    expect(inside('lo que se consumen en el centro del diabético, dijo.', 'diabético')).toBe(true);
    expect(inside('el hospital que abastece al centro de diabéticos envió poco.', 'diabéticos')).toBe(true);
    expect(inside('En el centro de salud atienden a los diabéticos.', 'diabéticos')).toBe(false);
    expect(inside('Su hospital de día atiende la diabetes.', 'diabetes')).toBe(false);
    // Paraguay's social security and an Argentine province's news: "a" inside a name, a head's lowercase adjective.
    expect(inside('y la Red Integral de Atención a la Diabetes, se propone a las empresas', 'Diabetes')).toBe(true);
    expect(inside('y la responsable del Programa provincial de Diabetes, Patricia Pasayo.', 'Diabetes')).toBe(true);
    expect(inside('Le dijo a la Diabetes que se fuera.', 'Diabetes')).toBe(false);
    expect(inside('El control anual de Diabetes es gratis.', 'Diabetes')).toBe(false);
    // Ecuadorian TV and Colombian radio: a campaign's theme quoted in English, an event's quoted name after its head.
    const theme = 'La campaña global de la IDF destaca “Diabetes and well-being” con foco en salud.';
    expect(inside(theme, 'Diabetes')).toBe(true);
    const event = 'realizará la jornada número 29 de “En Antioquia no más ciegos por diabetes”, una iniciativa';
    expect(inside(event, 'diabetes')).toBe(true);
    expect(inside('La popularidad de esta "inyección mágica" creció.', 'inyección')).toBe(true);
    expect(inside('Estos “sensores” fallan a veces.', 'sensores')).toBe(false);
    expect(inside('Ella dijo: “la diabetes no me detiene” y sonrió.', 'diabetes')).toBe(false);
    // Honduras's diabetes institute: a head in lower case before the name's capitals, a capital head without its accent.
    expect(inside('El Instituto conmemoró el día Mundial de la Diabetes, su propósito', 'Diabetes')).toBe(true);
    expect(inside('la fecha 14 de Noviembre como DIA NACIONAL DE LA DIABETES, sin suspensión', 'DIABETES')).toBe(true);
    expect(inside('Cada día de Diabetes cuenta.', 'Diabetes')).toBe(false);
    // An Argentine blog's credit line: a magazine's name, its term in lower case.
    expect(inside('Fuente: Revista diabetes.', 'diabetes')).toBe(true);
    expect(inside('Lea la revista diabetes hoy.', 'diabetes')).toBe(false);
    // A job title in capitals and its specialism; a drug catalogue's group label.
    const podiatrist = 'está a cargo de la Podóloga especializada en Pie Diabético, Gabriela Ramírez.';
    expect(inside(podiatrist, 'Podóloga')).toBe(true);
    expect(inside(podiatrist, 'Pie Diabético')).toBe(true);
    expect(inside('La podóloga especializada en pie diabético la revisa.', 'pie diabético')).toBe(false);
    // A byline: a person's job title with its field, then their unit, which runs into the hospital's name.
    const byline =
      'Rosa Yelmo Enfermera Educadora Terapéutica en diabetes. Unidad de diabetes pediátrica Hospital Universitario ' +
      'Ramón y Cajal.';
    expect(inside(byline, 'Enfermera Educadora')).toBe(true);
    expect(inside(byline, 'diabetes.')).toBe(true);
    expect(inside(byline, 'diabetes pediátrica')).toBe(true);
    // Prose: a sentence's first word is no title, a unit that stops is a heading, a lowercase hospital is prose.
    expect(inside('Expertos en diabetes recomiendan caminar.', 'diabetes')).toBe(false);
    expect(inside('La enfermera educadora en diabetes la revisa.', 'diabetes')).toBe(false);
    expect(inside('Unidad de diabetes: horario de 8 a 15.', 'diabetes')).toBe(false);
    expect(inside('Programa de diabetes del colegio', 'diabetes')).toBe(false);
    // A law the page names with a lowercase head, a compact, a ministry programme's component.
    expect(inside('La ampliación de la ley de Diabetes, una norma de 1988.', 'Diabetes')).toBe(true);
    expect(inside('La ley ampara a quien tiene Diabetes tipo 1.', 'Diabetes tipo 1')).toBe(false);
    expect(inside('La OPS lanzó el Pacto Mundial contra la Diabetes, una iniciativa.', 'Diabetes')).toBe(true);
    expect(inside('está a cargo del Componente de Diabetes en la Dirección de Prevención', 'Diabetes')).toBe(true);
    // A book's title after "título".
    const book = 'un libro con un polémico título: «La diabetes no es una enfermedad». Cuando empecé';
    expect(inside(book, 'diabetes')).toBe(true);
    expect(inside('Grupo numero 5: Endocrinología y Metabolismo', 'Endocrinología')).toBe(true);
    // As the page reads it: one block after another.
    const catalogue = 'Compendio Nacional de Insumos - México\u0000Grupo numero 5: Endocrinología y Metabolismo';
    expect(inside(catalogue, 'Metabolismo')).toBe(true);
    expect(inside('Capítulo 3: Diabetes tipo 2', 'Diabetes tipo 2')).toBe(false);
    const slogan = 'La actividad lleva por nombre “Prevenir la diabetes está en tus manos” y comenzará mañana.';
    expect(inside(slogan, 'diabetes')).toBe(true);
    // A quote that opens with a campaign's head is its name, lead or no lead.
    const campaign = 'se realizará la “Campaña de prevención, detección y control de Diabetes” en la calle.';
    expect(inside(campaign, 'control de Diabetes')).toBe(true);
    expect(inside('Dijo: “campaña tras campaña, la diabetes sigue”.', 'diabetes')).toBe(false);
    // Prose: a heading's first word, words between the head and the term, a quote nobody titled.
    expect(inside('Programa de diabetes para el colegio', 'diabetes')).toBe(false);
    expect(inside('La Clínica trata casos de diabetes tipo 2.', 'diabetes tipo 2')).toBe(false);
    expect(inside('Dijo: “tengo diabetes desde niño”.', 'diabetes')).toBe(false);
    // A patient's blog: the quote is the term the lead introduces, not a title holding it.
    expect(inside('se veía aquejado por algo llamado "Fenómeno del Alba". Al parecer', 'Fenómeno del Alba')).toBe(
      false,
    );
  });

  it('finds a lowercase term paired with a capitalised word of a name its head opens', () => {
    // An Argentine news report's byline, its lowercase as written.
    const s = 'señaló Matías Re, Jefe de Servicio de Diabetes y endocrinología del Hospital Policlínico Bancario.';
    expect(inside(s, 'endocrinología')).toBe(true);
    expect(inside('the Department of Endocrinology and diabetes care', 'diabetes')).toBe(true);
    // A head after the pair, or no name at all: prose.
    expect(inside('the American Diabetes Association and insulin makers met.', 'insulin')).toBe(false);
    expect(inside('Living with Diabetes and obesity is hard.', 'obesity')).toBe(false);
    expect(inside('Tiene Diabetes y obesidad desde niño.', 'obesidad')).toBe(false);
    expect(inside('La Asociación de Diabetes y la obesidad infantil', 'obesidad')).toBe(false);
  });

  it('finds terms inside "Institute of …" names, however far from the head', () => {
    const s = 'NIH: National Institute of Diabetes and Digestive and Kidney Diseases';
    expect(inside(s, 'Diabetes')).toBe(true);
    expect(inside(s, 'Kidney Diseases')).toBe(true);
  });

  it('knows journals that have no head word', () => {
    expect(
      inside(
        'Studies published in Diabetes Care show resistance exercise can increase insulin sensitivity',
        'Diabetes',
      ),
    ).toBe(true);
    expect(inside('Real-time CGM Is Superior to Flash Glucose Monitoring - Diabetes Care', 'Diabetes')).toBe(true);
  });

  it("finds a term right before a known name, or before a company's legal suffix", () => {
    const s = 'Dexcom entered a non-exclusive agreement with Tandem Diabetes Care, Inc. in 2015.';
    expect(inside(s, 'Tandem')).toBe(true);
    expect(inside('Insulin pumps are made by Tandem, Inc. and others.', 'Tandem')).toBe(true);
  });

  it('finds a common term of ours capitalised mid-sentence beside another capital: a title or a name', () => {
    // From a type 2 blog, a type 1 parents' forum and a CDC page, as kept in tests/fixtures/real-check.
    expect(
      inside(
        "I flew out of the house and bought the book, Dr. Bernstein's Diabetes Solution, 4th edition.",
        'Diabetes',
      ),
    ).toBe(true);
    expect(
      inside('There are great examples of well written 504 plans on the Children With Diabetes website.', 'Diabetes'),
    ).toBe(true);
    expect(inside('For more information about diabetes, please visit CDC’s Diabetes Basics.', 'Diabetes')).toBe(true);
    expect(inside('I was diagnosed with Type 2 Diabetes last year.', 'Type 2 Diabetes')).toBe(false);
    expect(inside('Managing Diabetes With Insulin And Diet', 'Diabetes')).toBe(false); // a heading
    expect(inside('I went to Dr. Smith. Diabetes runs in my family.', 'Diabetes')).toBe(false);
    // A connector between: a Venezuelan NGO's name in a news report; a sentence's first word proves nothing.
    expect(inside('La ONG Amigos con Diabetes, pacientes y pediatras se pronunciarán.', 'Diabetes')).toBe(true);
    expect(inside('She runs the Living with Diabetes classes on Tuesdays.', 'Diabetes')).toBe(true);
    expect(inside('Pacientes con Diabetes tipo 2 deben revisar sus pies.', 'Diabetes tipo 2')).toBe(false);
    expect(inside('Many people with Diabetes skip the eye exam.', 'Diabetes')).toBe(false);
    expect(inside('The Metformin and Atorvastatin I was prescribed made me ill.', 'Atorvastatin')).toBe(false);
    // From a Chilean regional news report: a prose sentence full of names is not a heading.
    const event =
      'En el marco del Día Mundial de la Diabetes Mellitus, la SEREMI de Salud de Tarapacá, en conjunto con el CESFAM ' +
      'Videla, realizó el conversatorio comunitario “Vivir con Diabetes: Aprender, Compartir y Cuidarse”.';
    expect(finder.isInsideName(event, event.indexOf('Diabetes:'), event.indexOf('Diabetes:') + 8)).toBe(true);
    const brand = 'Novo Nordisk’s Ozempic is in short supply.';
    expect(finder.isInsideName(brand, brand.indexOf('Ozempic'), brand.indexOf('Ozempic') + 7, true)).toBe(false);
  });

  it('leaves terms in ordinary sentences and title-case headings alone', () => {
    expect(
      inside(
        'Studies show resistance exercise can increase insulin sensitivity in people with diabetes.',
        'insulin sensitivity',
      ),
    ).toBe(false);
    expect(inside('How the American Diabetes Association Defines Prediabetes', 'Prediabetes')).toBe(false);
    expect(inside('Diabetes. Association studies link it to obesity.', 'Diabetes')).toBe(false);
    expect(inside('Diabetes care at home', 'Diabetes')).toBe(false);
  });

  it('drops the term in a name but keeps the same term elsewhere on the page', () => {
    const out = marked([
      'Pivotal data for the system were presented at the American Diabetes Association 82nd Scientific Sessions in 2022.',
      'The iLet helps people with type 1 diabetes keep their blood sugar in range.',
    ]);
    expect(out).not.toContain('Diabetes');
    expect(out).toContain('type 1 diabetes');
  });
});

describe('the nouns that complete a term', () => {
  it("are part of the mark: a medicine's therapy, a test's results, a device's system", () => {
    // From the Trulicity label and an NHS page, as kept in tests/fixtures/real-check.
    expect(
      marked(['Not recommended in patients on antidiabetic therapy with type 2 diabetes and a high A1C.']),
    ).toEqual(expect.arrayContaining(['antidiabetic therapy']));
    expect(marked(['Your HbA1c test results and your CGM system readings are checked at the annual review.'])).toEqual(
      expect.arrayContaining(['HbA1c test results', 'CGM system']),
    );
    // Never into the next term, and never for other kinds of term.
    expect(marked(['People with type 2 diabetes and obesity take metformin insulin shots rarely.'])).toEqual(
      expect.arrayContaining(['metformin', 'insulin shots']),
    );
  });
});

describe('addresses, titles and nutrition panels', () => {
  it('leaves a term inside a web address written out in the text bare', () => {
    expect(
      marked([
        'Read more: https://www.sciencetimes.com/articles/29829/20210223/a-study-showed-metformin-anti-aging-benefits.htm',
      ]),
    ).toEqual([]);
    expect(marked(['I take metformin twice a day, see www.example.org for more.'])).toEqual(['metformin']);
  });

  it('leaves a term inside a file’s name or an underscored name left in the text bare', () => {
    // A Chilean clinic's page kept its banner image's name in the text.
    expect(marked(['CSM__0036_banner-diabetes Living with diabetes is hard.'])).toEqual(['diabetes']);
    expect(marked(['Download metformin-guide.pdf to read about metformin.'])).toEqual(['metformin']);
    expect(marked(['Your metformin. Take it daily.'])).toEqual(['metformin']);
    // A children's hospital's image labels, left in the text as paragraphs of their own.
    expect(marked(['glucagon-kit2', 'Use the glucagon kit; glp-1 drugs and metformin differ.'])).toEqual([
      'glucagon kit',
      'glp-1 drugs',
      'metformin',
    ]);
  });

  it('reads a biosimilar’s four-letter suffix as part of the medicine’s name', () => {
    expect(marked(['Semglee (insulin glargine-yfgn) is interchangeable.'])).toContain('insulin glargine-yfgn');
    expect(marked(['She takes metformin-based treatment.'])).toContain('metformin');
  });

  it('leaves a term inside the title of a section the page points to bare', () => {
    const s =
      'Learn how to take care of yourself when youre sick in the section Take Care of Your Diabetes during Special Times or Events.';
    expect(marked([s, 'People with diabetes need to check their blood glucose.'])).toEqual([
      'diabetes',
      'blood glucose',
    ]);
  });

  it('explains general-medicine entries only on a page about diabetes, and does not count them as its topic', () => {
    // Wikipedia's New Zealand article, as kept in ../shared/corpus/pages.
    const nz =
      'The leading cause of premature death was cancer, at 29.8%, followed by ischaemic heart disease, 19.7%, and then cerebrovascular disease, 9.2%.';
    const ctx = context();
    expect(marked([nz, 'People with a stroke or a heart attack and high blood pressure need care.'], ctx)).toEqual([]);
    expect(ctx.topic.onTopic).toBe(false);
    expect(marked(['People with type 2 diabetes and a high A1C are at risk of stroke and heart attack.'])).toEqual(
      expect.arrayContaining(['stroke', 'heart attack']),
    );
  });

  it('explains food and lifestyle words only on a page about diabetes', () => {
    const panel = [
      'Nutrition Facts',
      'Serving Size 1.00 cup',
      'Calories 127',
      'Total Carbohydrate 17 g',
      'Dietary Fiber 6 g',
      'Saturated Fat <1 g',
    ];
    expect(marked(panel)).toEqual([]);
    const onTopic = [
      'People with type 2 diabetes and prediabetes can lower their A1C and insulin resistance.',
      ...panel,
    ];
    expect(marked(onTopic)).toEqual(expect.arrayContaining(['Calories', 'Dietary Fiber', 'Saturated Fat']));
  });
});

describe('abbreviations the page defines', () => {
  it('finds Schwartz & Hearst long forms in both orders', () => {
    expect(bestLongForm('DME', 'Medicare covers different kinds of durable medical equipment')).toBe(
      'durable medical equipment',
    );
    const medicare = 'Medicare covers different kinds of durable medical equipment (DME) in different ways.';
    expect(findAbbreviationDefinitions(medicare)).toEqual([
      {
        short: 'DME',
        long: 'durable medical equipment',
        shortStart: medicare.indexOf('DME'),
        longEnd: medicare.indexOf(' (DME)'),
        spelled: true,
      },
    ]);
    const reversed = findAbbreviationDefinitions('Ask your DME (durable medical equipment) supplier.');
    expect(reversed.map((d) => [d.short, d.long])).toEqual([['DME', 'durable medical equipment']]);
    expect(findAbbreviationDefinitions('Results were published (2019) in a journal (see above).')).toEqual([]);
  });

  it('takes an English short form a Spanish page says is one, whose letters cannot spell the Spanish words', () => {
    // A US health site in Spanish and a translated encyclopedia article, as written.
    const smbg =
      'con dispositivos de autocontrol de glucosa en sangre (SMBG, por sus siglas en inglés) en el hogar mediante';
    expect(findAbbreviationDefinitions(smbg)).toEqual([
      {
        short: 'SMBG',
        long: 'tradicionalmente con dispositivos de autocontrol de glucosa en sangre'.split(' ').slice(-8).join(' '),
        shortStart: smbg.indexOf('SMBG'),
        longEnd: smbg.indexOf(' (SMBG'),
        spelled: false,
      },
    ]);
    const csii = 'la terapia con bomba de insulina ( infusión subcutánea continua de insulina , abreviado CSII ).';
    expect(findAbbreviationDefinitions(csii).map((d) => [d.short, d.long, d.spelled])).toEqual([
      ['CSII', 'infusión subcutánea continua de insulina', false],
    ]);
    expect(
      findAbbreviationDefinitions('el monitoreo (por sus siglas en inglés, CGM) diario').map((d) => d.short),
    ).toEqual(['CGM']);
  });

  it('does not give our meaning to an acronym the page defines otherwise, anywhere on the page', () => {
    const out = marked([
      'Medicare covers different kinds of durable medical equipment (DME) in different ways.',
      'Make sure your doctors and DME suppliers are enrolled in Medicare.',
      'People with diabetic macular edema may need eye injections.',
    ]);
    expect(out).not.toContain('DME');
    expect(out).toContain('diabetic macular edema');
  });

  it('keeps an acronym whose page definition agrees with ours, typos included', () => {
    const ctx = context();
    marked(
      [
        'Working together with a previously cleared integrated continuous glucose monitor (CGM), the entire new system is called the iLet Bionic Pancreas.',
      ],
      ctx,
    );
    expect(ctx.isForeign('CGM')).toBe(false);
    marked(
      [
        'Wegovy® (semaglutide) for major adverse cardiovascular even (MACE) reduction in adults with overweight or obesity',
      ],
      ctx,
    );
    expect(ctx.isForeign('MACE')).toBe(false);
  });
});

describe('abbreviations the page defines by one of our terms', () => {
  // The opening of a PMC abstract (Sensors 2020;20:1705), as kept in tests/fixtures/real.
  const background =
    '(1) Background: nocturnal hypoglycemia (NH) is one of the most challenging side effects of multiple doses of insulin (MDI) therapy in type 1 diabetes (T1D).';

  it("marks the page's own short form as the term it stands for", () => {
    const ctx = context();
    const kept = ctx.refine(background, matcher.findMatches(background));
    const nh = kept.filter((m) => m.text === 'NH');
    expect(nh).toHaveLength(1);
    expect(nh[0]!.entryId).toBe(kept.find((m) => m.text === 'nocturnal hypoglycemia')!.entryId);
    const later = 'We used machine learning to predict NH episodes.';
    expect(ctx.refine(later, matcher.findMatches(later)).map((m) => m.text)).toContain('NH');
  });

  it('keeps our meaning where the definition speaks of diabetes in other words', () => {
    const ctx = context();
    ctx.refine(background, matcher.findMatches(background));
    expect(ctx.isForeign('MDI')).toBe(false);
  });

  it('learns nothing from a short form that could be an ordinary word', () => {
    const ctx = context();
    const text = 'People with insulin resistance (Ir) may also be tired. Ir is rare.';
    expect(ctx.refine(text, matcher.findMatches(text)).map((m) => m.text)).not.toContain('Ir');
  });
});

describe('the topic signal', () => {
  it('needs two different unambiguous terms in a short text', () => {
    const t = new TopicSignal();
    t.addChars(400);
    t.addMention('tirzepatide', { category: 'medicine' });
    expect(t.onTopic).toBe(false);
    t.addMention('tirzepatide', { category: 'medicine' });
    expect(t.onTopic).toBe(false);
    t.addMention('hba1c', { category: 'test' });
    expect(t.onTopic).toBe(true);
  });

  it('takes one device, test, medicine or condition named four times in a short text', () => {
    const meter = new TopicSignal();
    meter.addChars(1200);
    for (let i = 0; i < 3; i++) meter.addMention('blood-glucose-meter', { category: 'device' });
    expect(meter.onTopic).toBe(false);
    meter.addMention('blood-glucose-meter', { category: 'device' });
    expect(meter.onTopic).toBe(true);
    const organ = new TopicSignal();
    organ.addChars(1200);
    for (let i = 0; i < 6; i++) organ.addMention('pancreas', { category: 'body' });
    expect(organ.onTopic).toBe(false);
    const long = new TopicSignal();
    long.addChars(TOPIC_SHORT_CHARS + 1);
    for (let i = 0; i < 6; i++) long.addMention('blood-glucose-meter', { category: 'device' });
    expect(long.onTopic).toBe(false);
  });

  it('needs several different unambiguous terms, densely enough, in a longer one', () => {
    const t = new TopicSignal();
    t.addChars(TOPIC_SHORT_CHARS + 1);
    for (let i = 1; i < TOPIC_MIN_ENTRIES; i++) t.addMention(`entry-${i}`, { category: 'condition' });
    expect(t.onTopic).toBe(false);
    t.addMention('calorie', { category: 'lifestyle' }); // food words fill recipes too
    expect(t.onTopic).toBe(false);
    t.addMention('entry-last', { category: 'medicine' });
    expect(t.onTopic).toBe(true);
    t.addChars(1_000_000);
    expect(t.onTopic).toBe(true); // once on topic, a page stays on topic
    const sparse = new TopicSignal();
    sparse.addChars(200_000);
    for (let i = 0; i < 5; i++) sparse.addMention(`entry-${i}`, { category: 'condition' });
    expect(sparse.onTopic).toBe(false);
  });

  it('counts a food word whose entry waives its category rule ("glycemic index" is about blood sugar anywhere)', () => {
    const t = new TopicSignal();
    t.addChars(400);
    t.addMention('glycemic-index', { category: 'lifestyle', topicOnly: false });
    t.addMention('calorie', { category: 'lifestyle' });
    expect(t.onTopic).toBe(false);
    t.addMention('blood-glucose', { category: 'test' });
    expect(t.onTopic).toBe(true);
  });
});

describe('which entries are marked only on a page about diabetes', () => {
  it('is the topic-only categories, less the entries that waive the rule', () => {
    expect(topicOnlyByEntry({ category: 'lifestyle' })).toBe(true);
    expect(topicOnlyByEntry({ category: 'lifestyle', topicOnly: false })).toBe(false);
    expect(topicOnlyByEntry({ category: 'medicine' })).toBe(false);
    expect(topicOnlyByEntry(undefined)).toBe(false);
  });

  it('marks a waiving entry on a page that is not about diabetes, and still holds back its neighbours', () => {
    const text = 'Watermelon has a high glycemic index but few carbohydrates per slice.';
    expect(marked([text])).toEqual(['high glycemic index']);
  });
});

/** The visible text of a saved page, one block per line (good enough for the topic signal). */
function pageBlocks(file: string): string[] {
  const html = readFileSync(file, 'utf8').replace(/<(script|style|title)[\s\S]*?<\/\1>/gi, '');
  return html
    .split(/<\/?(?:p|li|h[1-6]|td|th|div|figcaption|caption|tr)\b[^>]*>/i)
    .map((b) =>
      b
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&nbsp;/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

const REAL = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'real');
describe.skipIf(!existsSync(REAL))('topic-only words on real pages', () => {
  it.each([
    'offtopic-fuel-pump-bad-signs.html',
    'offtopic-pen-shop-fountain-pen-day.html',
    'offtopic-stats-type-i-ii-errors.html',
    'offtopic-ada-language-then-and-now.html',
  ])('marks nothing on the off-topic page %s', (page) => {
    const ctx = context();
    expect(marked(pageBlocks(join(REAL, page)), ctx)).toEqual([]);
    expect(ctx.topic.onTopic).toBe(false);
  });

  it('marks "pump" and "bolus" on a type 1 forum thread', () => {
    const out = marked(pageBlocks(join(REAL, 'forum-t1-jdrf-pump-questions.html'))).map((s) => s.toLowerCase());
    expect(out).toContain('pump');
    expect(out).toContain('bolus');
  });
});

// No page of the development set starts a sentence with a lowercase case-exact alias; these are supply lists as
// Medicare's and pharmacies' pages write them.
describe('a case-exact alias at the start of a sentence or list item', () => {
  it('matches capitalised there, and only there', () => {
    const texts = (t: string) => matcher.findMatches(t).map((m) => m.text);
    expect(texts('Lancets are small needles.')).toContain('Lancets');
    expect(texts('You will need: • Lancets and strips')).toContain('Lancets');
    expect(texts('Supplies.\u0000Lancets')).toContain('Lancets');
    expect(texts('He read it in The Lancet last week.')).not.toContain('Lancet');
  });
});
