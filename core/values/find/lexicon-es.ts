/**
 * How Spanish writes values, for the finder's Spanish blocks: the same kinds of tables as the English lexicon
 * (`lexicon.ts`), so the walk and the reader are the same code in both languages.
 *
 * Numbers: Spanish writes a decimal comma ("7,2 %"), Mexico and the US a decimal point ("6.5%"), and both groups of
 * thousands with the other sign ("1.000" in Spain is one thousand, "1,000" in Mexico too). A sign followed by one or
 * two digits is a decimal in every one of these ways of writing; a sign followed by three is a thousands group in one
 * of them, so it is not read at all. Lab values never need three decimals.
 *
 * Words are looked up without accents (`key`), because pages drop them ("despues", "pagina"): the tables are written
 * without them.
 */

import type { Comparator } from '../types';
import { DASH_CLASS } from '../../text/chars';
import {
  NOT_A_VALUE_WORDS,
  SP,
  UNIT_FORMS,
  notAValue,
  unitPattern,
  type Lexicon,
  type LinkKind,
  type UnitForm,
} from './lexicon';

/** Lower case without accents; "ñ" stays ("año" is not "ano"). */
function key(word: string): string {
  return word
    .toLowerCase()
    .replace(/[áàä]/g, 'a')
    .replace(/[éèë]/g, 'e')
    .replace(/[íìï]/g, 'i')
    .replace(/[óòö]/g, 'o')
    .replace(/[úùü]/g, 'u');
}

const words = (list: string): string[] => list.trim().split(/\s+/);

/** "bajó", "subió": a number right after one is a change, not a level ("bajó 1,2 %"); "bajó a 6,9" is a level. */
const CHANGES = words(`
  bajo bajaron subio subieron cayo aumento aumentaron disminuyo disminuyeron mejoro empeoro paso cambio redujo
  redujeron reduce reducir bajar subir descendio ascendio vario
`);

// A word table reads best as the paragraph it was written as.
const LINKS = new Map<string, LinkKind>([
  ...words(`
    es era fue son eran fueron sea ser sido esta estaba estuvo estan estar de del a al la el los las lo mi mis su sus
    tu nuestra nuestro ahora actualmente todavia aun ya solo apenas justo unos unas alrededor aproximadamente aprox
    cerca casi nivel niveles resultado resultados lectura lecturas valor valores cifra cifras prueba pruebas analisis
    examen medicion medida numero ultimo ultima ultimos ultimas reciente nuevo nueva primer primera hoy entonces luego
    y desde hasta entre meta metas objetivo objetivos limite punto corte umbral rango normalmente generalmente
    habitualmente suele siempre tengo tenia tuve tiene tienen tenemos salio salieron dio dieron marco marca llego
    alcanzo mostro muestra indica indico senala significa considera considerado considerada define definida definido
    como igual equivale queda quedo mantiene mantengo mantuvo deberia debe ronda rondaba anda andaba criterio criterios
    diagnostico diagnostica que se me le actual
  `).map((w): [string, LinkKind] => [w, true]),
  ...CHANGES.map((w): [string, LinkKind] => [w, false]),
  // An article or "en" after a change keeps it a change: "bajó un 1,2 %", "se redujo en 1,2 %".
  ...words('un una en').map((w): [string, LinkKind] => [w, 'keep']),
]);

/** A number right after one of these names something: "tipo 2", "tabla 3", "día 14", "a las 7.30", "por 1,2 %". */
const LABELS = new Set(
  words(`
    tipo tipos seccion secciones tabla tablas cuadro figura figuras fig capitulo parte paso pasos etapa etapas estadio
    clase grado fase pagina paginas pag pags p pp no nº n num version ver v vol volumen dia dias semana semanas mes
    meses ano anos visita item pregunta fila columna apendice estudio ensayo cohorte brazo grupo categoria nota
    referencia ref linea unidad unidades habitacion sala cama lote modelo generacion edad edades paciente sujeto
    participante sesion episodio temporada dosis toma tomar tomo tome tomaba inyectar inyecta inyecte inyeccion
    inyecciones tableta tabletas pastilla pastillas comprimido comprimidos g u x enero febrero marzo abril mayo junio
    julio agosto septiembre setiembre octubre noviembre diciembre ene feb mar abr may jun jul ago sep sept oct nov dic
    por cada top leccion modulo regla reglas libre dexcom omnipod las hora horas articulo art ley norma
  `),
);

/** After a number with no unit, the next word must be one of these (else "3 pruebas", "2 días", "7 de cada 10"). */
const FOLLOW_OK = new Set(
  words(`
    y e o u pero asi entonces en este esta ese esa eso esto ultimo ultima hoy ayer ahora despues antes cuando cual
    que con a al para mientras como es era fue son estaba estuvo mi su otra vez tambien aunque porque pues si segun
    durante hasta todavia aun solo no ni vs frente comparado lo me le se la el los las sin tras yo nos desde
  `),
);

const DE = `de(?:l)?`;
const COMP_WORD = new RegExp(
  `(igual${SP}+o${SP}+(?:mayor|superior|menor|inferior)${SP}+(?:a|al|que|${DE})|` +
    `(?:mayor|menor)${SP}+o${SP}+igual${SP}+(?:a|al|que|${DE})|al${SP}+menos|como${SP}+m[ií]nimo|` +
    `como${SP}+m[aá]ximo|no${SP}+menos${SP}+${DE}|no${SP}+m[aá]s${SP}+${DE}|menos${SP}+${DE}|` +
    `(?:menor|mayor)${SP}+(?:${DE}|que|al|a)|(?:inferior|superior)(?:es)?${SP}+al?|` +
    `(?:por${SP}+)?(?:debajo|encima)${SP}+${DE}|m[aá]s${SP}+${DE})${SP}+`,
  'iuy',
);

function wordComparator(phrase: string): Comparator {
  const w = key(phrase).replace(/[\s\u00a0]+/g, ' ');
  if (/^(?:igual o (?:mayor|superior)|mayor o igual|al menos|como minimo|no menos)/.test(w)) return '≥';
  if (/^(?:igual o (?:menor|inferior)|menor o igual|como maximo|no mas)/.test(w)) return '≤';
  if (/^(?:mas|mayor|superior|por encima|encima)/.test(w)) return '>';
  return '<';
}

/** "por ciento" and the units spelt out, besides every way English pages write them (Spanish pages use those too). */
const SPANISH_UNIT_FORMS: readonly UnitForm[] = [
  { re: `por${SP}?ciento`, after: '(?![\\p{L}])', token: '%' },
  { re: `miligramos${SP}+por${SP}+decilitro`, after: '(?![\\p{L}])', token: 'mg/dL' },
  { re: `milimoles${SP}+por${SP}+litro`, after: '(?![\\p{L}])', token: 'mmol/L' },
  { re: `milimoles${SP}+por${SP}+mol`, after: '(?![\\p{L}])', token: 'mmol/mol' },
];
const UNITS = unitPattern([...SPANISH_UNIT_FORMS, ...UNIT_FORMS]);

/**
 * English's doses, counts and times (Spanish pages write "mg", "kg", "h" alike) but "y" (years), which is Spanish
 * "and", and "yo", Spanish "I"; then the Spanish ones, and money.
 */
const NOT_A_VALUE = notAValue(
  [
    ...NOT_A_VALUE_WORDS.split('|').filter((w) => w !== 'y' && w !== 'yo'),
    ...words(`
      gr gramos? kilos? kilogramos? libras? mililitros? litros? unidades ui horas? minutos? segundos? d[ií]as?
      semanas? mes(?:es)? a[nñ]os? veces vez personas? pacientes? adultos? ni[nñ][oa]s? hombres mujeres participantes
      sujetos individuos casos muertes mill[oó]n millones mil cientos? pulgadas pies calor[ií]as pasos puntos?
      percentil(?:es)? lpm latidos comprimidos? tabletas? pastillas? cucharadas? raciones porciones gotas euros?
      d[oó]lares pesos
    `),
  ].join('|'),
  `\\u00b0|${SP}*[\\u20ac$]`,
);

export const SPANISH: Lexicon = {
  key,
  links: LINKS,
  from: 'desde',
  fromAfterChange: new Set(['de', 'del']),
  labels: LABELS,
  followOk: FOLLOW_OK,
  number: /\d{1,4}(?:[.,]\d{1,2})?/y,
  compWord: COMP_WORD,
  wordComparator,
  postComp: new RegExp(`,?${SP}+o${SP}+(m[aá]s|mayor|superior|menos|menor|inferior)(?![\\p{L}])`, 'iuy'),
  lowerWords: new Set(['menos', 'menor', 'inferior']),
  rangeSep: new RegExp(`${SP}*(?:([${DASH_CLASS}])|(a|al|hasta|y))${SP}*(?=\\d)`, 'iy'),
  // "de 5,7 a 6,4 %" and "del 5,7 al 6,4 %" are ranges; "desde 8,1 hasta 6,9" two values, as "from 8.1 to 6.9".
  rangeJoins: (sep, prevWord) => (sep === 'y' ? prevWord === 'entre' : prevWord !== 'desde'),
  unit: UNITS.re,
  unitTokens: UNITS.tokens,
  notAValue: NOT_A_VALUE,
  percentOf: new RegExp(
    `${SP}+del?(?![\\p{L}])(?:${SP}+(?:(?:el|la|las|los)${SP}+)?(tiempo|d[ií]a|lecturas|cada${SP}+d[ií]a)(?![\\p{L}]))?`,
    'iuy',
  ),
  // "7,2 % (HbA1c)": Spanish hardly writes a value before its name otherwise.
  leftGap: new RegExp(`^${SP}*\\(?${SP}*$`),
  // "Luego fue de 5,8", "Ahora está en 6,1 %", "Después bajó a 5,8": Spanish leaves the pronoun out.
  continuation: new RegExp(
    `(?<![\\p{L}\\p{N}])(?:(?:y|pero)${SP}+)?(?:luego|despu[eé]s|ahora|hoy|entonces)${SP}*,?` +
      `(?:${SP}+(?:me|le|ya))?${SP}+(?:(?:fue|es|est[aá]|estaba|sali[oó]|dio|qued[oó])(?:${SP}+(?:de|del|en|a|al))?|` +
      `(?:baj[oó]|subi[oó]|lleg[oó])${SP}+(?:a|al|hasta))${SP}+(?=\\d)`,
    'giu',
  ),
  timedGlucoseWins: true,
};
