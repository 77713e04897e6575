/**
 * Proper names that carry term words: organisations, journals, companies, programmes and trials ("American Diabetes
 * Association", "National Institute of Diabetes and Digestive and Kidney Diseases", "Diabetes Care"). A reader of
 * "Kidney Diseases" inside an institute's name does not want the kidney-disease card; a term inside a name is left bare.
 *
 * The rules, all on the text of one block:
 * - a known name (`glossary/names.json`, case-exact) covers what it spans, and a capitalised term right before one is
 *   part of a longer name ("Tandem" in "Tandem Diabetes Care, Inc.");
 * - a capitalised term followed by ", Inc." or the like is a company's name;
 * - a capitalised term followed by a name's head word ("… Association", "… Foundation", "… UK") within a few
 *   capitalised words, or preceded by a head word and "of"/"for"/"on" ("Institute of … Kidney Diseases"), is inside
 *   a name. Only capitalised words and the connectors of names may stand between: a sentence breaks the chain;
 * - a capitalised term in a run of title-case words right after "section", "chapter", "titled"… is inside the title
 *   of a document ("see the section Take Care of Your Diabetes during Special Times");
 * - a common noun of ours (not a brand) capitalised in the middle of an ordinary sentence, next to another capitalised
 *   word, is part of a title or a name: "the book Dr. Bernstein's Diabetes Solution", "the Children With Diabetes
 *   website", "visit CDC's Diabetes Basics". A sentence mostly in capitals is a heading and is left alone.
 *   A term joined by "with"/"con" to such a word is in a name too ("la ONG Amigos con Diabetes"), and so is one in
 *   a title-case run right after a colon ("el Compendio: El Desafío de la Diabetes en Chile");
 * - a name may list what it covers, commas included, on the way back to its head ("Estrategia … del Sobrepeso, la
 *   Obesidad y la Diabetes");
 * - a lowercase term joined by "y"/"and" to a capitalised word of a name opened by its head is in that name too
 *   ("Servicio de Diabetes y endocrinología"), and so is one right after a head inside a sentence ("del Atlas de la
 *   diabetes");
 * - heads and connectors written in capitals count ("DÍA MUNDIAL DE LA DIABETES"); Spanish heads only open a name;
 * - every word of a quoted title that "lleva por nombre", "titled", "called"… opens is in that title.
 */

/** Words that end (or, with "of"/"for", open) the name of an organisation, publication, company or study. */
const CLOSING_HEADS = new Set([
  'Association',
  'Associations',
  'Society',
  'Institute',
  'Institutes',
  'Foundation',
  'Federation',
  'Alliance',
  'Council',
  'Coalition',
  'Center',
  'Centre',
  'Centers',
  'Centres',
  'Hospital',
  'Hospitals',
  'Clinic',
  'University',
  'College',
  'School',
  'Academy',
  'Agency',
  'Department',
  'Ministry',
  'Administration',
  'Organization',
  'Organisation',
  'Network',
  'Consortium',
  'Trust',
  'Board',
  'Commission',
  'Committee',
  'Inc',
  'Ltd',
  'LLC',
  'Corp',
  'Corporation',
  'Company',
  'Pharmaceuticals',
  'Laboratories',
  'Journal',
  'Reports',
  'Letters',
  'Review',
  'Reviews',
  'Magazine',
  'Forum',
  'Trial',
  'Trials',
  'Study',
  'Project',
  'Initiative',
  'Registry',
  'Summit',
  'Conference',
  'Congress',
  'Day',
  'Week',
  'Month',
  'Research',
  'UK',
  'Canada',
  'Australia',
  'Ireland',
  'Scotland',
  'Wales',
  'International',
  'Division',
  'Office',
  'Bureau',
  'Branch',
  'Service',
  'Services',
  'Program',
  'Programme',
  // Titles of documents a page points to ("see the Daily Diabetes Record Page").
  'Page',
  'Handbook',
  'Toolkit',
  'Booklet',
  'Worksheet',
  // Reports and surveys ("National Diabetes Statistics Report", "IDF Diabetes Atlas").
  'Report',
  'Atlas',
  'Survey',
]);
/**
 * Spanish heads only open a name ("Asociación Americana de la Diabetes", "Día Mundial de la Diabetes"): after a term they
 * are prose ("la diabetes en el día a día").
 */
const OPENING_HEADS = new Set([
  'Asociación',
  'Sociedad',
  'Instituto',
  'Institutos',
  'Fundación',
  'Federación',
  'Alianza',
  'Consejo',
  'Centro',
  'Centros',
  'Clínica',
  'Universidad',
  'Colegio',
  'Escuela',
  'Escuelas',
  'Academia',
  'Agencia',
  'Departamento',
  'Ministerio',
  'Secretaría',
  'Administración',
  'Organización',
  'Red',
  'Consorcio',
  'Comisión',
  'Comité',
  'Revista',
  'Estudio',
  'Proyecto',
  'Iniciativa',
  'Registro',
  'Congreso',
  'Conferencia',
  'Día',
  'Semana',
  'Mes',
  'Programa',
  'Servicio',
  'Servicios',
  'Oficina',
  'División',
  'Biblioteca',
  // Laws and rules name the condition they cover ("la Ley de Diabetes", "el Reglamento de la Ley de Diabetes").
  'Ley',
  'Leyes',
  'Reglamento',
  'Norma',
  'Estrategia',
  // A compact and a programme's component ("el Pacto Mundial contra la Diabetes", "a cargo del Componente de
  // Diabetes en la Dirección de Prevención").
  'Pacto',
  'Alianza',
  'Componente',
  // Reports and surveys ("Informe Mundial sobre la Diabetes"; "Atlas Internacional de Diabetes" is above).
  'Informe',
  'Encuesta',
  // A hospital's unit and a campaign ("su Unidad de Diabetes", "la Campaña Latinoamericana de Prevención del Pie
  // Diabético").
  'Unidad',
  'Campaña',
  // A clinic's outpatient service ("el Policlínico de Diabetes Infantil del Consultorio de Especialidades"), a course
  // or a group.
  'Policlínico',
  'Policlínica',
  'Consultorio',
  'Jornada',
  'Jornadas',
  'Curso',
  'Taller',
  'Grupo',
  'Equipo',
  'Cátedra',
  // A committee's working table ("la Mesa Técnica de Disponibilidad de Insulinas y otros Hipoglicemiantes").
  'Mesa',
  // An agreed statement ("el Consenso Internacional sobre Pie Diabético").
  'Consenso',
  'Declaración',
  // A plan or a protocol ("las estrategias del Plan Integral de Diabetes de Andalucía").
  'Plan',
  'Planes',
  'Protocolo',
  // A tool's name ("Evaluador de Riesgo de Hipoglucemia por Medicamentos").
  'Evaluador',
  'Herramienta',
]);
const HEADS = new Set([...CLOSING_HEADS, ...OPENING_HEADS]);
/**
 * Heads that open a name when "of", "for" or "on" follows them ("Institute of", "Society for", "Committee on"), or
 * in Spanish "de", "para", "contra", "en", after the adjectives that follow the head ("Asociación Americana de la",
 * "Clínica Especializada en el Manejo de la Diabetes").
 */
const OPENING_CONNECTORS = new Set(['of', 'for', 'on', 'de', 'del', 'para', 'contra', 'sobre', 'en']);
/** Lowercase words allowed inside a name. */
const CONNECTORS = new Set([
  'of',
  'and',
  'for',
  'on',
  'the',
  '&',
  'in',
  'de',
  'del',
  'la',
  'las',
  'el',
  'los',
  'y',
  'e',
  'para',
  'contra',
  'sobre',
  'en',
  'con',
  'with',
  // "la Red Integral de Atención a la Diabetes", "el Centro de Atención al Diabético".
  'a',
  'al',
  // "… de Insulinas y otros Hipoglicemiantes": a name's list goes on past "other".
  'otros',
  'otras',
  'other',
]);
/** Articles that may follow a comma inside a listing name, and the words that close its list. */
const ARTICLES = new Set(['the', 'la', 'el', 'las', 'los']);
const LIST_CLOSERS = new Set(['y', 'e', 'and']);
/** The words that join a group's name to its condition ("Children with Diabetes", "Amigos con Diabetes"). */
const GROUP_CONNECTORS = new Set(['with', 'con']);
/** A company's legal suffix after a comma: "Tandem Diabetes Care, Inc.", "Abbott Diabetes Care, LLC". */
const COMPANY_SUFFIX = /^,?[\s\u00a0]*(?:Inc|LLC|Ltd|Corp|Co|GmbH|AG|plc|S\.A|N\.V)\b/;
/** A brand followed by a country or a region is the company's branch there ("la empresa Medtronic Iberia"). */
const BRANCH_AFTER =
  /^[\s\u00a0]+(?:Iberia|Ibérica|España|México|Mexico|Argentina|Chile|Colombia|Perú|Uruguay|Venezuela|Ecuador|Latinoamérica|Latam|Spain|Europa|Europe)(?![\p{L}\p{N}])/u;
/** Words after which a run of title-case words is the title of a document. */
const TITLE_LEADS = new Set([
  'section',
  'chapter',
  'titled',
  'entitled',
  'booklet',
  'handout',
  'factsheet',
  'brochure',
  'leaflet',
]);
/**
 * How many words a head may stand after the term, or before it. Spanish names run long: "Estrategia Nacional y Estatal
 * para la Prevención y el Control del Sobrepeso".
 */
const AFTER_WORDS = 4;
const BEFORE_WORDS = 16;

/** A full stop or comma between two words is not a space: it ends the chain of a name. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*|&/gu;

interface Token {
  text: string;
  start: number;
  end: number;
}

/** A word in capitals throughout ("DÍA", "DE"): a heading's or a logo's way of writing a name. */
function isAllCaps(word: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}'’-]*$/u.test(word);
}

/** Whether `word` is one of `heads`, also written in capitals, with or without their accents ("DÍA", "DIA"). */
function isHead(word: string, heads: ReadonlySet<string>): boolean {
  if (heads.has(word)) return true;
  if (!isAllCaps(word)) return false;
  const title = word.charAt(0) + word.slice(1).toLowerCase();
  return heads.has(title) || foldedHeads(heads).has(withoutAccents(title));
}

const FOLDED = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '');
}

function foldedHeads(heads: ReadonlySet<string>): ReadonlySet<string> {
  let folded = FOLDED.get(heads);
  if (!folded) {
    folded = new Set([...heads].map(withoutAccents));
    FOLDED.set(heads, folded);
  }
  return folded;
}

/** Whether `word` is one of `connectors`, also written in capitals ("DE", "LA"). */
function isConnector(word: string, connectors: ReadonlySet<string>): boolean {
  return connectors.has(word) || (isAllCaps(word) && connectors.has(word.toLowerCase()));
}

function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() || /\p{N}/u.test(first);
}

/** Words of the text, and between two neighbours whether anything but spaces stands (a comma, a full stop). */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  // A possessive still ends in its head ("the Foundation's grant").
  for (const m of text.matchAll(WORD))
    out.push({ text: m[0].replace(/['’]s?$/u, ''), start: m.index, end: m.index + m[0].length });
  return out;
}

function joinedBySpace(text: string, a: Token, b: Token): boolean {
  return /^[\s\u00a0]*$/u.test(text.slice(a.end, b.start));
}

/**
 * A comma inside a name that lists what it covers: "la Estrategia Nacional para la Prevención y el Control del
 * Sobrepeso, la Obesidad y la Diabetes". The comma joins capitalised words (or comes before an article), and the list
 * closes with "y"/"and" before the capitalised run ends: "la Asociación Americana de la Diabetes, la Diabetes tipo 2 es
 * común" has no such close, so its second "Diabetes" is prose.
 */
function listInsideName(text: string, words: readonly Token[], comma: number): boolean {
  const a = words[comma] as Token;
  const b = words[comma + 1] as Token;
  if (!/^,[\s\u00a0]+$/u.test(text.slice(a.end, b.start))) return false;
  if (!isTitleCaseWord(a.text) || !(isTitleCaseWord(b.text) || ARTICLES.has(b.text))) return false;
  for (let i = comma + 1; i + 1 < words.length; i++) {
    const w = words[i] as Token;
    const next = words[i + 1] as Token;
    if (!joinedBySpace(text, w, next)) return false;
    if (LIST_CLOSERS.has(w.text) && (isTitleCaseWord(next.text) || ARTICLES.has(next.text))) return true;
    if (!isCapitalised(w.text) && !CONNECTORS.has(w.text)) return false;
  }
  return false;
}

export interface NameFinder {
  /** True when [start, end) of `text` lies inside a proper name; `proper`: the match is a brand or name itself. */
  isInsideName(text: string, start: number, end: number, proper?: boolean): boolean;
}

const SENTENCE_BREAK = /[.!?:;\u0000\n|•]/u;
/**
 * A heading or a title line: at least this share of its longer words are capitalised. Not half: a Spanish news sentence
 * full of names ("la SEREMI de Salud de Tarapacá, con el CESFAM Videla, realizó el conversatorio “Vivir con Diabetes")
 * is half capitals and still prose.
 */
const TITLE_LINE_SHARE = 0.6;

function isTitleCaseWord(word: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(word);
}

/** Abbreviations whose full stop does not end a sentence ("Dr. Bernstein's Diabetes Solution"). */
const ABBREVIATIONS = new Set([
  'Dr',
  'Mr',
  'Mrs',
  'Ms',
  'Prof',
  'St',
  'Jr',
  'Sr',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'No',
  'Vol',
  'Inc',
  'Ltd',
  'Co',
]);

/** Whether a sentence ends between tokens i and i + 1. */
function breaksAfter(text: string, words: readonly Token[], i: number): boolean {
  const gap = text.slice((words[i] as Token).end, (words[i + 1] as Token).start);
  if (!SENTENCE_BREAK.test(gap)) return false;
  return !(/^\.\s+$/u.test(gap) && ABBREVIATIONS.has((words[i] as Token).text));
}

/** Index range of the tokens of the sentence holding token `at`. */
function sentenceOf(text: string, words: readonly Token[], at: number): [number, number] {
  let from = at;
  while (from > 0 && !breaksAfter(text, words, from - 1)) from--;
  let to = at;
  while (to + 1 < words.length && !breaksAfter(text, words, to)) to++;
  return [from, to];
}

/**
 * A drug catalogue's numbered group before a colon: "Grupo numero 5: Endocrinología y Metabolismo" is a class's label.
 * Not a chapter's: "Capítulo 3: Diabetes tipo 2" names what the reader is about to learn.
 */
const NUMBERED_LABEL =
  /(?<![\p{L}\p{N}])(?:Grupo|Group)(?:[\s\u00a0]+(?:n[uú]mero|n[oº°]\.?))?[\s\u00a0]+\d+[\s\u00a0]*:[\s\u00a0]+$/u;

/**
 * A title quoted after a colon, in title case up to the term: "según el Compendio: El Desafío de la Diabetes en Chile".
 * Its words run from the colon to the term, capitalised or connectors, with a capitalised word after the first.
 */
function isTitleAfterColon(text: string, words: readonly Token[], from: number, first: number): boolean {
  if (from === 0 || !/^:[\s\u00a0]+$/u.test(text.slice((words[from - 1] as Token).end, (words[from] as Token).start)))
    return false;
  // After a numbered label the title may be a single word or two: "Grupo numero 5: Endocrinología y Metabolismo".
  const label = NUMBERED_LABEL.test(
    text.slice(Math.max(0, (words[from] as Token).start - 40), (words[from] as Token).start),
  );
  let capitals = label ? 1 : 0;
  for (let i = from; i < first; i++) {
    const w = (words[i] as Token).text;
    if (isTitleCaseWord(w)) {
      if (i > from) capitals++;
    } else if (!CONNECTORS.has(w)) return false;
  }
  return capitals > 0;
}

/** The title rule above, for the match spanning tokens first..last. */
function isInTitle(text: string, words: readonly Token[], first: number, last: number): boolean {
  if (!isTitleCaseWord((words[first] as Token).text)) return false;
  const [from, to] = sentenceOf(text, words, first);
  if (isTitleAfterColon(text, words, from, first)) return true;
  if (first === from) return false; // a capital at a sentence start says nothing
  let long = 0;
  let capitals = 0;
  for (let i = from; i <= to; i++) {
    if (i >= first && i <= last) continue;
    const w = (words[i] as Token).text;
    if (w.length < 4) continue;
    long++;
    if (isTitleCaseWord(w)) capitals++;
  }
  if (long === 0 || capitals / long >= TITLE_LINE_SHARE) return false;
  const before = words[first - 1] as Token;
  const after = words[last + 1];
  // Joined by a space, or by an abbreviation's full stop ("Dr. Bernstein's" is one name).
  const capitalBefore =
    first - 1 > from &&
    /^[.\s\u00a0]*$/u.test(text.slice(before.end, (words[first] as Token).start)) &&
    /^\p{Lu}/u.test(before.text);
  const capitalAfter =
    after !== undefined &&
    last + 1 <= to &&
    joinedBySpace(text, words[last] as Token, after) &&
    isTitleCaseWord(after.text);
  // Or by "with"/"con" from a capitalised word that does not open the sentence: the names of groups of people ("la
  // ONG Amigos con Diabetes", "the Living with Diabetes classes"). Not "and"/"of": "The Metformin and Atorvastatin I
  // was prescribed", "Tabletas de Metformina" are a writer's capitals, not a name.
  const beforeConnector = words[first - 2];
  const capitalBeforeConnector =
    first - 2 > from &&
    beforeConnector !== undefined &&
    GROUP_CONNECTORS.has(before.text) &&
    joinedBySpace(text, beforeConnector, before) &&
    joinedBySpace(text, before, words[first] as Token) &&
    isTitleCaseWord(beforeConnector.text);
  return capitalBefore || capitalAfter || capitalBeforeConnector;
}

/**
 * Before token `first`: a head, capitalised words, then "of"/"for"/"on" ("de", "para"), then capitalised words and
 * connectors down to it; or a word that introduces a document's title.
 */
function opensBefore(text: string, words: readonly Token[], first: number): boolean {
  let opened = false;
  for (let i = first - 1, seen = 0; i >= 0 && seen < BEFORE_WORDS; i--, seen++) {
    const w = words[i] as Token;
    if (!joinedBySpace(text, w, words[i + 1] as Token) && !listInsideName(text, words, i)) break;
    // A Spanish head right before the capitalised term, with no connector: Spanish joins two nouns so only in a name
    // ("la Fundación Diabetes Uruguay", "Asociación Diabetes Madrid").
    if (i === first - 1 && OPENING_HEADS.has(w.text)) return true;
    // A name's capitals may raise its connector too ("el Día Mundial Contra la Diabetes").
    if (isConnector(w.text, OPENING_CONNECTORS) || (i < first - 1 && OPENING_CONNECTORS.has(w.text.toLowerCase())))
      opened = true;
    else if (opened && isHead(w.text, HEADS)) return true;
    // A head the page writes in lower case before the name's capitals: "conmemoró el día Mundial de la Diabetes".
    else if (opened && i < first - 1 && isLowercaseHead(w.text) && isTitleCaseWord((words[i + 1] as Token).text))
      return true;
    // A head's lowercase adjective, as a page may write it: "la responsable del Programa provincial de Diabetes".
    else if (opened && i > 0 && HEAD_ADJECTIVE.test(w.text) && !isCapitalised(w.text)) {
      const head = words[i - 1] as Token;
      return isTitleCaseWord(head.text) && HEADS.has(head.text) && joinedBySpace(text, head, w);
    }
    if (TITLE_LEADS.has(w.text.toLowerCase()) && i < first - 1) return true;
    if (!isCapitalised(w.text) && !CONNECTORS.has(w.text)) break;
  }
  return false;
}

function isLowercaseHead(word: string): boolean {
  return /^\p{Ll}/u.test(word) && OPENING_HEADS.has(word.charAt(0).toUpperCase() + word.slice(1));
}

/**
 * A lowercase term paired by "y"/"and" with a capitalised word of a name its head opens: a page's own lowercase in
 * "Jefe de Servicio de Diabetes y endocrinología del Hospital". Only a head before: in "the American Diabetes
 * Association and insulin makers" the pair is prose.
 */
const PAIR_BEFORE = /(\p{Lu}[\p{L}\p{N}'’-]*)[\s\u00a0]+(?:y|e|and|&)[\s\u00a0]+$/u;

/**
 * A page's lowercase term right after a head and its connector: "la novena edición del Atlas de la diabetes de la FID",
 * "el Día mundial de la diabetes". The head stands inside its sentence (a heading's first word says nothing), with at
 * most one adjective ("mundial", "nacional") before the connector and an article after it; with the adjective, the
 * name may open a heading.
 */
const LOWER_AFTER_HEAD =
  /(?:^|[\s\u00a0])(?:de|del|of|for|para|contra|sobre)[\s\u00a0]+(?:(?:la|el|los|las|the)[\s\u00a0]+)?$/iu;
/** An adjective after the head, in the name's capitals or not ("mundial", "Mundial"). */
const HEAD_ADJECTIVE = /^\p{L}\p{Ll}*(?:al|ales|ano|ana|anos|anas|ico|ica|icos|icas)$/u;

/**
 * After the term, at most one lowercase adjective and a connector, then the head of another name: "Unidad de diabetes
 * pediátrica Hospital Universitario Ramón y Cajal", a byline's unit and its hospital.
 */
const INTO_ANOTHER_NAME =
  /^[\s\u00a0]+(?:\p{Ll}+[\s\u00a0]+)?(?:(?:de|del)[\s\u00a0]+(?:(?:la|el)[\s\u00a0]+)?)?(\p{Lu}\p{Ll}+)/u;

function runsIntoAnotherName(text: string, end: number): boolean {
  const m = INTO_ANOTHER_NAME.exec(text.slice(end, end + 60));
  return m !== null && HEADS.has(m[1] as string);
}

function lowercaseAfterHead(text: string, words: readonly Token[], start: number, end: number): boolean {
  let i = words.findIndex((t) => t.start >= start) - 1;
  if (i < 0) return false;
  // The name's own capitals may raise its connector and article: "el Día Mundial Contra la diabetes".
  if (ARTICLES.has((words[i] as Token).text.toLowerCase())) i--;
  if (i < 1 || !OPENING_CONNECTORS.has((words[i] as Token).text.toLowerCase())) return false;
  i--;
  const adjective = HEAD_ADJECTIVE.test((words[i] as Token).text);
  if (adjective) i--;
  const head = words[i];
  // A title-case head: a heading in capitals is left to the rules for capitalised terms.
  if (head === undefined || !isTitleCaseWord(head.text) || !HEADS.has(head.text)) return false;
  // Every gap from the head to the term is plain space: a comma or a full stop ends the name.
  for (let k = i; k < words.length - 1 && (words[k + 1] as Token).start < start; k++)
    if (!joinedBySpace(text, words[k] as Token, words[k + 1] as Token)) return false;
  // A heading may open with the name when its adjective makes it one: "Día mundial de la diabetes: 1.5 millones…",
  // or when the name runs into another's head.
  const [from] = sentenceOf(text, words, i);
  return from < i || adjective || runsIntoAnotherName(text, end);
}

/**
 * A capitalised term after a lowercase head, with or without its connector, and the name's capitalised words before
 * it: "Los equipos de Diabetes y Embarazo y del Hospital de Día", "su unidad de Diabetes", "se emprendió el programa
 * Diabetes sin límites", "la última encuesta de Factores de Riesgo Cardiovascular". The
 * page's capital says it writes the name of a unit or a programme; the head is one that names a body of people, a
 * place, a programme or a law ("la ampliación de la ley de Diabetes"), not an act ("la administración de Insulina" is
 * a writer's capital). A day hospital is one unit ("su hospital de día de Diabetes"), and a course may be said to be
 * online first ("el curso virtual Diabetes y Escuelas").
 */
const LOWER_HEAD_BEFORE =
  /(?:^|[\s\u00a0(])(\p{Ll}+)(?:[\s\u00a0]+(?:virtual|online|nacional|regional|provincial|municipal|gratuit[oa]))?(?:[\s\u00a0]+de[\s\u00a0]+día)?[\s\u00a0]+(?:(?:de|del|para|contra|sobre|en)[\s\u00a0]+(?:(?:la|el|los|las)[\s\u00a0]+)?)?(?:\p{Lu}\p{Ll}*[\s\u00a0]+(?:(?:de|del|y|e|la|el|los|las|en|para|a|al)[\s\u00a0]+)*)*$/u;
const LOWER_HEADS = new Set(
  (
    'unidad unidades servicio servicios equipo equipos departamento departamentos clínica clínicas centro centros ' +
    'instituto asociación fundación federación sociedad programa policlínico policlínica consultorio consultorios ' +
    'campaña jornada jornadas sección encuesta informe hospital hospitales ley curso cursos taller talleres foro foros ' +
    'simposio congreso'
  ).split(' '),
);

/**
 * A unit named after its specialty names the specialty itself, which the reader may want explained: "la jefa del
 * servicio de Endocrinología", "el equipo de Endocrinología explica…" (two annotators listed it as a term).
 */
const SPECIALTY = /^\p{L}+log[ií]a$/u;
/** A name that goes on after the specialty: "el consultorio de Podología y Prevención del Pie Diabético". */
const NAME_GOES_ON = /^[\s\u00a0]+(?:y|e|de|del)[\s\u00a0]+(?:(?:la|el|los|las)[\s\u00a0]+)?\p{Lu}\p{Ll}/u;

function isSpecialtyAlone(text: string, start: number, end: number): boolean {
  return SPECIALTY.test(text.slice(start, end)) && !NAME_GOES_ON.test(text.slice(end, end + 30));
}

function capitalAfterLowerHead(text: string, start: number): boolean {
  const m = LOWER_HEAD_BEFORE.exec(text.slice(Math.max(0, start - 80), start));
  return m !== null && LOWER_HEADS.has(m[1] as string);
}

/**
 * A job title in capitals and what it is specialised in: "a cargo de la Podóloga especializada en Pie Diabético",
 * a byline's "Rosa Yelmo Enfermera Educadora Terapéutica en diabetes". The page's capitals make both a credential,
 * not prose.
 */
const CREDENTIAL_AFTER = /^[\s\u00a0]+(?:especialista|especializad[oa]s?)[\s\u00a0]+en[\s\u00a0]+\p{Lu}\p{Ll}/u;
const CREDENTIAL_BEFORE = /\p{Lu}\p{Ll}+[\s\u00a0]+(?:especialista|especializad[oa]s?)[\s\u00a0]+en[\s\u00a0]+$/u;
const JOB =
  'Enfermer[oa]s?|Educador(?:a|es|as)?|Médic[oa]s?|Doctor(?:a|es|as)?|Licenciad[oa]s?|Especialistas?|' +
  'Nutricionistas?|Dietistas?|Psicólog[oa]s?|Podólog[oa]s?|Endocrinólog[oa]s?|Expert[oa]s?|Máster|Magíster';
/**
 * A capitalised job and its capitalised adjectives, then "en": what follows is the field of the credential. At least
 * one adjective, so a sentence's first word is not a title ("Expertos en diabetes recomiendan…").
 */
const JOB_TITLE_BEFORE = new RegExp(
  `(?:^|[\\s\\u00a0])(?:${JOB})(?:[\\s\\u00a0]+\\p{Lu}\\p{Ll}+){1,3}[\\s\\u00a0]+en[\\s\\u00a0]+$`,
  'u',
);
/** A term that is itself the job, followed by the title's other capitalised words and "en". */
const JOB_TERM = new RegExp(`^(?:${JOB})(?![\\p{L}])`, 'u');
const JOB_TITLE_AFTER = /^(?:[\s\u00a0]+\p{Lu}\p{Ll}+){1,3}[\s\u00a0]+en[\s\u00a0]+\p{L}/u;

function isInCredential(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 60);
  const before = text.slice(Math.max(0, start - 60), start);
  return (
    CREDENTIAL_AFTER.test(after) ||
    CREDENTIAL_BEFORE.test(before) ||
    JOB_TITLE_BEFORE.test(before) ||
    (JOB_TERM.test(text.slice(start, end)) && JOB_TITLE_AFTER.test(after))
  );
}

/**
 * A place or a body named after the people it serves, in lower case: "el centro del diabético", "los clubs de
 * diabéticos", "la asociación de diabéticos de la provincia". The people are its name here, not a term to explain.
 */
const FOR_PEOPLE_BEFORE =
  /(?:^|[\s\u00a0])(?:centros?|clubs?|clubes|asociación|asociaciones|fundación|federación|liga|hogar|unidad|campamentos?|colonias?)[\s\u00a0]+(?:del|de|para)[\s\u00a0]+(?:(?:los|las|el|la)[\s\u00a0]+)?$/iu;
const PEOPLE_WITH_DIABETES = /^diab[eé]tic[oa]s?$/iu;

/**
 * A byline's credentials after a person's name, in capitals and commas: "Nina Ghamrawi, MS, RD, CDE". The short form
 * is part of how the writer signs, not a term of the article. Not after a place ("En Estados Unidos, CDE es…").
 */
const CREDENTIALS_BEFORE =
  /(?<!(?:^|[^\p{L}])(?:[Ee]n|[Dd]esde|[Pp]ara|[Dd]el?|[Aa]|[Ii]n|[Ff]rom|[Ff]or|[Oo]f|[Aa]t)[\s\u00a0]+)(?<!\p{L})\p{Lu}\p{Ll}+(?:[\s\u00a0]+\p{Lu}\.)?[\s\u00a0]+\p{Lu}[\p{Ll}'’-]+,[\s\u00a0]*(?:\p{Lu}{2,6},[\s\u00a0]*){0,4}$/u;
const CREDENTIAL = /^\p{Lu}{2,6}$/u;

/** A publication's head right before a lowercase term: "Fuente: Revista diabetes." names a magazine. */
const PUBLICATION_BEFORE = /(?:^|[^\p{L}\p{N}])(?:Revista|Boletín|Journal|Magazine|Portal|Blog)[\s\u00a0]+$/u;

/** Quotation marks that open and close a title ("lleva por nombre “Prevenir la diabetes está en tus manos”"). */
const OPEN_QUOTES = '“«"';
const CLOSE_QUOTES = '”»"';
const ANY_OPEN_QUOTE = new RegExp(`[${OPEN_QUOTES}]`, 'u');
const ANY_CLOSE_QUOTE = new RegExp(`[${CLOSE_QUOTES}]`, 'u');
/** Words that introduce the quoted title of a campaign, an event or a document ("El lema de la campaña fue “…”"). */
const QUOTE_LEADS =
  /(?:por nombre|nombre de|(?:lema|eslogan|consigna|tema)(?:[\s\u00a0]+del?[\s\u00a0]+(?:(?:la|el|esta|este|su)[\s\u00a0]+)?\p{L}+)?(?:[\s\u00a0]+(?:fue|es|era|será))?|titulad[oa]s?|denominad[oa]s?|llamad[oa]s?|título|titled|entitled|called|named|slogan|motto|eslogan|consigna|grito de|(?:^|[\s\u00a0])(?:esta|este|estas|estos|esa|ese))[\s\u00a0]*[:,]?[\s\u00a0]*$/iu;

/** Words after a quote that say it was a title: "“Vida saludable y diabetes” es el lema elegido". */
const QUOTE_TRAILS =
  /^[\s\u00a0]*[,.]?[\s\u00a0]*(?:(?:es|fue|será|era|son|fueron)[\s\u00a0]+(?:el|la|los|las)[\s\u00a0]+|(?:is|was|will[\s\u00a0]+be)[\s\u00a0]+(?:the|this[\s\u00a0]+year's)[\s\u00a0]+)(?:lema|eslogan|consigna|tema|título|nombre|slogan|motto|theme|title)s?(?![\p{L}])/iu;

/**
 * A quote right after the head of an event, a campaign or a document, with its number or "de": "realizará la jornada
 * número 29 de “En Antioquia no más ciegos por diabetes”", "la campaña “Conoce tu azúcar”", "del manual: “…”".
 */
const EVENT_HEADS =
  'jornadas?|campañas?|programas?|iniciativas?|proyectos?|concursos?|foros?|congresos?|talleres|taller|charlas?|' +
  'conferencias?|ciclos?|libros?|documentales?|películas?|escuelas?|cursos?';
/** Heads of a document whose quoted title follows: "ha sido extraída del manual: “Uso adecuado de las tiras…”". */
const DOCUMENT_HEADS =
  'manual(?:es)?|guías?|informes?|folletos?|documentos?|protocolos?|artículos?|publicación|publicaciones|' +
  'handbooks?|guides?|reports?|leaflets?|booklets?|brochures?';
const QUOTE_HEAD_LEADS = new RegExp(
  `(?:^|[\\s\\u00a0])(?:${EVENT_HEADS}|${DOCUMENT_HEADS})(?:[\\s\\u00a0]+(?:número|n[º°o]\\.?|\\d+|nacional|mundial|global|anual))*` +
    `(?:[\\s\\u00a0]+(?:de|del))?[\\s\\u00a0]*[:,]?[\\s\\u00a0]*$`,
  'iu',
);
/**
 * A quote that opens with the head of an event or a campaign: "se realizará la “Campaña de prevención, detección y
 * control de Diabetes”".
 */
const QUOTE_OPENS_WITH_HEAD = new RegExp(`^[\\s\\u00a0]*(?:${EVENT_HEADS})[\\s\\u00a0]`, 'iu');

/** Nothing but spaces and punctuation between a quotation mark and the term. */
const QUOTE_ONLY_TERM = /^[\s\u00a0.,;:!?¡¿]*$/u;
/** Or the term's other name first: "el denominado “lápiz o pluma de insulina”". */
const QUOTE_OTHER_NAME_FIRST = /^[\s\u00a0]*\p{L}+[\s\u00a0]+(?:o|u|or)[\s\u00a0]+$/u;

/** Whether [start, end) lies inside quotes that a title lead opens. */
function isInQuotedTitle(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 200);
  let open = -1;
  for (let i = start - 1; i >= from; i--) {
    const ch = text.charAt(i);
    if (CLOSE_QUOTES.includes(ch) && ch !== '"') return false;
    if (OPEN_QUOTES.includes(ch)) {
      open = i;
      break;
    }
  }
  if (open < 0) return false;
  const close = text.slice(end, end + 200).search(ANY_CLOSE_QUOTE);
  if (close < 0) return false;
  // The quote is the term itself, which the lead introduces: "algo llamado “Fenómeno del Alba”", "el denominado
  // “lápiz o pluma de insulina”".
  const first = text.slice(open + 1, start);
  if (
    (QUOTE_ONLY_TERM.test(first) || QUOTE_OTHER_NAME_FIRST.test(first)) &&
    QUOTE_ONLY_TERM.test(text.slice(end, end + close))
  )
    return false;
  const lead = text.slice(Math.max(0, open - 40), open);
  if (QUOTE_LEADS.test(lead) || QUOTE_HEAD_LEADS.test(lead)) return true;
  if (QUOTE_TRAILS.test(text.slice(end + close + 1, end + close + 40))) return true;
  if (isCapitalised(text.charAt(open + 1)) && QUOTE_OPENS_WITH_HEAD.test(text.slice(open + 1, start))) return true;
  return isForeignQuote(text.slice(open + 1, end + close), lead);
}

/**
 * A quote set in English inside Spanish prose is a campaign's or a report's own title ("La campaña global de la IDF
 * destaca “Diabetes and well-being”"): its function words are English, the words before it Spanish.
 */
const ENGLISH_FUNCTION_WORD = /(?:^|[\s\u00a0])(?:and|of|the|with|for|your|in|to|at)(?=[\s\u00a0])/iu;
const SPANISH_FUNCTION_WORD = /(?:^|[\s\u00a0])(?:de|la|el|los|las|del|que|y|en|con)(?=[\s\u00a0])/iu;

function isForeignQuote(quote: string, lead: string): boolean {
  return (
    ENGLISH_FUNCTION_WORD.test(quote) && !SPANISH_FUNCTION_WORD.test(` ${quote} `) && SPANISH_FUNCTION_WORD.test(lead)
  );
}

/**
 * A trademark sign a few words before: a common term capitalised there is a product's name ("las tiras GlucoMen® areo
 * Sensor", "GlucoMen® areo β-Ketone Sensor"), whatever the case of the words between.
 */
const AFTER_TRADEMARK = /[®™][\s\u00a0]*(?:[^\s\u00a0.!?:;,()]+[\s\u00a0]+){0,3}$/u;

/** `knownNames`: names written out in full (journals and charities without a head word: "Diabetes Care"). */
export function createNameFinder(knownNames: readonly string[]): NameFinder {
  let lastText = '';
  let lastTokens: Token[] = [];
  let lastKnown: [number, number][] = [];
  const prepare = (text: string) => {
    if (text === lastText) return;
    lastText = text;
    lastTokens = tokens(text);
    lastKnown = [];
    for (const name of knownNames) {
      for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + 1)) lastKnown.push([i, i + name.length]);
    }
  };
  let quotedText = '';
  let quoted = false;
  // Most blocks hold no quotation mark: one look per block spares every match the walk back for one.
  const hasQuotes = (text: string) => {
    if (text !== quotedText) {
      quotedText = text;
      quoted = ANY_OPEN_QUOTE.test(text);
    }
    return quoted;
  };
  return {
    isInsideName(text, start, end, proper = false) {
      if (hasQuotes(text) && isInQuotedTitle(text, start, end)) return true;
      // Names are capitalised; most terms on a page are not, and need no more than a look at the words before.
      if (!isCapitalised(text.charAt(start))) {
        const before = text.slice(Math.max(0, start - 60), start);
        if (PEOPLE_WITH_DIABETES.test(text.slice(start, end)) && FOR_PEOPLE_BEFORE.test(before)) return true;
        if (PUBLICATION_BEFORE.test(before)) return true;
        if (JOB_TITLE_BEFORE.test(before)) return true;
        if (LOWER_AFTER_HEAD.test(before)) {
          prepare(text);
          if (lowercaseAfterHead(text, lastTokens, start, end)) return true;
        }
        const pair = PAIR_BEFORE.exec(before);
        if (!pair || HEADS.has(pair[1] as string)) return false;
        prepare(text);
        const partner = lastTokens.findIndex((t) => t.end === start - (pair[0].length - (pair[1] as string).length));
        return partner > 0 && opensBefore(text, lastTokens, partner);
      }
      if (proper && BRANCH_AFTER.test(text.slice(end, end + 16))) return true;
      if (
        CREDENTIAL.test(text.slice(start, end)) &&
        CREDENTIALS_BEFORE.test(text.slice(Math.max(0, start - 60), start))
      )
        return true;
      if (!proper && AFTER_TRADEMARK.test(text.slice(Math.max(0, start - 60), start))) return true;
      // A common term the page capitalises: a unit's name after its lowercase head, or a credential.
      if (!proper && isTitleCaseWord(text.slice(start, end))) {
        if (!isSpecialtyAlone(text, start, end) && capitalAfterLowerHead(text, start)) return true;
        if (isInCredential(text, start, end)) return true;
      }
      prepare(text);
      if (
        lastKnown.some(([a, b]) => (a <= start && end <= b) || (a >= end && /^[\s\u00a0]+$/u.test(text.slice(end, a))))
      )
        return true;
      const words = lastTokens;
      const first = words.findIndex((t) => t.end > start);
      let last = first;
      while (last + 1 < words.length && (words[last + 1] as Token).start < end) last++;
      if (first === -1) return false;
      // After the term: capitalised words (and "and", "&", "of") up to a head, or up to a company's legal suffix.
      for (let i = last + 1, seen = 0; i < words.length && seen < AFTER_WORDS; i++, seen++) {
        const w = words[i] as Token;
        if (COMPANY_SUFFIX.test(text.slice((words[i - 1] as Token).end, (words[i - 1] as Token).end + 12))) return true;
        if (!joinedBySpace(text, words[i - 1] as Token, w)) break;
        if (isHead(w.text, CLOSING_HEADS)) return true;
        if (!isCapitalised(w.text) && !CONNECTORS.has(w.text)) break;
      }
      if (opensBefore(text, words, first)) return true;
      return !proper && isInTitle(text, words, first, last);
    },
  };
}
