/**
 * The Spanish text of what `data.ts` says to the reader, keyed as there: the same facts and cut-offs, written in plain
 * Spanish (decimal commas, "6,5 %", "mg/dl", as the Spanish glossary writes them; see glossary/WRITING.md). The types
 * make every measure, band, caveat and goal of `data.ts` need its Spanish text here.
 *
 * Sources: the ranges' own sources (ADA, CDC, the time-in-range consensus, IFCC, ADAG) are in English only, and a
 * Spanish card still cites them. Beside them, where `data.ts` points the reader to a page, a Spanish page on the same
 * subject that the Spanish glossary already cites (MedlinePlus en español, NIDDK en español).
 */

import type { CaveatId, GOALS, GoalId, SCHEMES, SchemeId } from './data';
import type { MeasureId, Source } from './types';

export const SOURCES_ES = {
  diagnosis: {
    title: 'Pruebas y diagnóstico de la diabetes (NIDDK en español)',
    url: 'https://www.niddk.nih.gov/health-information/informacion-de-la-salud/diabetes/informacion-general/pruebas-diagnostico',
  },
  levels: {
    title: 'Conozca sus niveles de azúcar en la sangre (NIDDK en español)',
    url: 'https://www.niddk.nih.gov/health-information/informacion-de-la-salud/diabetes/informacion-general/control/4-pasos-controlar-vida/conozca-niveles-azucar-sangre',
  },
  a1c: {
    title: 'Prueba de hemoglobina glicosilada (HbA1c) (MedlinePlus en español)',
    url: 'https://medlineplus.gov/spanish/a1c.html',
  },
  bloodGlucose: {
    title: 'Glucosa en la sangre (MedlinePlus en español)',
    url: 'https://medlineplus.gov/spanish/bloodglucose.html',
  },
  hypoglycemia: {
    title: 'Hipoglucemia (MedlinePlus en español)',
    url: 'https://medlineplus.gov/spanish/hypoglycemia.html',
  },
  obesity: {
    title: 'Obesidad (MedlinePlus en español)',
    url: 'https://medlineplus.gov/spanish/obesity.html',
  },
} as const satisfies Record<string, Source>;

export interface MeasureText {
  name: string;
  longName: string;
  about: string;
  /** A Spanish page for `about`, in place of the English one. */
  source?: Source;
}

interface BandText {
  label: string;
  /**
   * The verdict's predicate, verb included ("está en el rango de diabetes", "no es bajo según esta medida"): Spanish
   * needs "está" or "es" as the sense asks, where English has "is" for all.
   */
  phrase: string;
}

type BandId<K extends SchemeId> = (typeof SCHEMES)[K]['bands'][number]['id'];

export interface SchemeText<K extends SchemeId> {
  title: string;
  /** With its article, as it follows "de": "la Asociación Americana de la Diabetes (ADA)". */
  owner: string;
  /** A Spanish page on the same ranges, cited beside the scheme's own source. */
  source?: Source;
  bands: Record<BandId<K>, BandText>;
}

const ADA = 'la Asociación Americana de la Diabetes (ADA)';
const CONSENSUS = 'el Consenso Internacional sobre el Tiempo en Rango';

export const SCHEMES_ES: { [K in SchemeId]: SchemeText<K> } = {
  'ada-a1c': {
    title: 'Rangos de la ADA para diagnosticar la diabetes con la HbA1c',
    owner: ADA,
    source: SOURCES_ES.diagnosis,
    bands: {
      normal: { label: 'Normal', phrase: 'está en el rango normal' },
      prediabetes: { label: 'Prediabetes', phrase: 'está en el rango de prediabetes' },
      diabetes: { label: 'Diabetes', phrase: 'está en el rango de diabetes' },
    },
  },
  'ada-fasting': {
    title: 'Rangos de la ADA para diagnosticar la diabetes con la glucosa en ayunas',
    owner: ADA,
    source: SOURCES_ES.diagnosis,
    bands: {
      normal: { label: 'Normal', phrase: 'está en el rango normal' },
      prediabetes: { label: 'Prediabetes (glucosa alterada en ayunas)', phrase: 'está en el rango de prediabetes' },
      diabetes: { label: 'Diabetes', phrase: 'está en el rango de diabetes' },
    },
  },
  'ada-ogtt': {
    title: 'Rangos de la ADA para la glucosa a las 2 horas en una prueba de tolerancia con 75 gramos de glucosa',
    owner: ADA,
    source: SOURCES_ES.diagnosis,
    bands: {
      normal: { label: 'Normal', phrase: 'está en el rango normal' },
      prediabetes: { label: 'Prediabetes (intolerancia a la glucosa)', phrase: 'está en el rango de prediabetes' },
      diabetes: { label: 'Diabetes', phrase: 'está en el rango de diabetes' },
    },
  },
  'ada-random': {
    title: 'Nivel de la ADA para diagnosticar la diabetes con una glucosa al azar',
    owner: ADA,
    source: SOURCES_ES.diagnosis,
    bands: {
      under: {
        label: 'Por debajo del nivel de la prueba al azar',
        phrase: 'está por debajo del nivel que la ADA usa para una prueba al azar',
      },
      'diabetes-with-symptoms': {
        label: 'Diabetes, si además hay síntomas',
        phrase: 'alcanza el nivel que la ADA usa para una prueba al azar, que solo cuenta si también hay síntomas',
      },
    },
  },
  'ada-hypoglycemia': {
    title: 'Niveles de la ADA de azúcar bajo en la sangre (hipoglucemia)',
    owner: ADA,
    source: SOURCES_ES.hypoglycemia,
    bands: {
      'level-2': { label: 'Bajo de nivel 2 (grave)', phrase: 'está en el rango bajo de nivel 2 (grave)' },
      'level-1': { label: 'Bajo de nivel 1', phrase: 'está en el rango bajo de nivel 1' },
      'not-low': { label: 'No es bajo según esta medida', phrase: 'no es bajo según esta medida' },
    },
  },
  'consensus-tir': {
    title: 'Meta del consenso para el tiempo en rango (70 a 180 mg/dl)',
    owner: CONSENSUS,
    source: SOURCES_ES.bloodGlucose,
    bands: {
      'under-target': { label: 'No supera la meta', phrase: 'no supera la meta de más del 70 %' },
      'meets-target': { label: 'Cumple la meta', phrase: 'supera el 70 %, así que cumple la meta' },
    },
  },
  'consensus-tbr': {
    title: 'Meta del consenso para el tiempo por debajo de 70 mg/dl',
    owner: CONSENSUS,
    source: SOURCES_ES.bloodGlucose,
    bands: {
      'within-target': { label: 'Dentro de la meta', phrase: 'está por debajo del 4 %, dentro de la meta' },
      'over-target': { label: 'Por encima de la meta', phrase: 'no cumple la meta de menos del 4 %' },
    },
  },
  'cdc-bmi': {
    title: 'Grupos de IMC de los CDC para adultos',
    owner: 'los Centros para el Control y la Prevención de Enfermedades (CDC)',
    source: SOURCES_ES.obesity,
    bands: {
      underweight: { label: 'Bajo peso', phrase: 'está en el grupo de bajo peso' },
      healthy: { label: 'Peso saludable', phrase: 'está en el grupo de peso saludable' },
      overweight: { label: 'Sobrepeso', phrase: 'está en el grupo de sobrepeso' },
      'obesity-1': { label: 'Obesidad, clase 1', phrase: 'está en el grupo de obesidad (clase 1)' },
      'obesity-2': { label: 'Obesidad, clase 2', phrase: 'está en el grupo de obesidad (clase 2)' },
      'obesity-3': {
        label: 'Obesidad, clase 3 (obesidad grave)',
        phrase: 'está en el grupo de obesidad (clase 3, obesidad grave)',
      },
    },
  },
};

export const CAVEATS_ES: Record<CaveatId, string> = {
  oneResult:
    'Un solo resultado no basta para diagnosticar la diabetes. El médico la confirma con otra prueba, salvo que las señales de azúcar alto sean muy claras.',
  adults: 'Estos rangos son para adultos, fuera del embarazo. El embarazo y los niños tienen sus propias cifras.',
  goals: 'Las metas cambian de una persona a otra. Cada persona fija las suyas con su equipo de salud.',
  riskSteps:
    'El riesgo sube poco a poco a lo largo de estas cifras. Un punto de corte es una línea para las pruebas, no una línea entre lo seguro y lo peligroso.',
  a1cAccuracy:
    'Algunos problemas de salud pueden falsear el resultado de la HbA1c. Por ejemplo, la anemia, una pérdida de sangre reciente o una transfusión.',
  eag: 'La glucosa promedio estimada sale de un gran estudio. El promedio real de cada persona puede ser más alto o más bajo.',
  randomSymptoms:
    'Un resultado al azar de 200 mg/dl (11,1 mmol/l) o más apunta a diabetes solo si también hay señales claras de azúcar alto. Por ejemplo, mucha sed y orinar mucho.',
  timing:
    'El rango que vale depende de cuándo se sacó la sangre: en ayunas, en una prueba con bebida de glucosa o a cualquier hora. El texto no lo dice, así que no se muestra ningún rango de diagnóstico.',
  afterMeal:
    'No hay un rango para diagnosticar la diabetes con el azúcar después de una comida normal. Los rangos de 2 horas son solo para la prueba con bebida de glucosa (PTOG).',
  hypoLevels:
    'Estos niveles bajos son para personas con diabetes. El nivel 3 es una baja de azúcar grave, en la que la persona necesita la ayuda de otra; no tiene una cifra de corte.',
  bmiScreening:
    'El IMC es una revisión rápida, no un diagnóstico. No distingue la grasa del músculo. La ADA usa un IMC más bajo, 23, para decir a qué adultos asiático-americanos hacer la prueba de diabetes.',
  bmiAdults:
    'Estos grupos son para adultos de 20 años o más. A los niños y adolescentes se les compara con otros de la misma edad y sexo.',
  tirOther:
    'Para adultos mayores o personas con alto riesgo de bajas de azúcar, la meta del consenso es más del 50 %. El embarazo tiene sus propias metas.',
  tbrOther:
    'El mismo consenso busca menos del 1 % del tiempo por debajo de 54 mg/dl (3,0 mmol/l). Estas metas son para la mayoría de los adultos con diabetes tipo 1 o tipo 2.',
  crossing:
    'Las conversiones se redondean como en los informes de laboratorio. Por eso, un valor justo en un punto de corte puede caer del otro lado en la otra unidad. El rango de arriba usa la cifra tal como está escrita.',
};

export interface GoalText<K extends GoalId> {
  owner: string;
  /** A Spanish page that states the goal, cited beside the goal's own source. */
  source?: Source;
  text: Record<keyof (typeof GOALS)[K]['text'], string>;
}

export const GOALS_ES: { [K in GoalId]: GoalText<K> } = {
  'ada-a1c': {
    owner: ADA,
    source: SOURCES_ES.levels,
    text: {
      '%': 'Para muchos adultos con diabetes, fuera del embarazo, la ADA sugiere una meta de HbA1c por debajo del 7 % (53 mmol/mol). Cada persona fija su meta con su equipo de salud.',
      'mmol/mol':
        'Para muchos adultos con diabetes, fuera del embarazo, la ADA sugiere una meta de HbA1c por debajo de 53 mmol/mol (7 %). Cada persona fija su meta con su equipo de salud.',
    },
  },
};

const CGM = 'Se lee en un monitor continuo de glucosa (MCG).';

export const MEASURES_ES: Record<MeasureId, MeasureText> = {
  a1c: {
    name: 'HbA1c',
    longName: 'Hemoglobina glicosilada (HbA1c)',
    about:
      'La HbA1c es un análisis de sangre que muestra el promedio de azúcar en la sangre de los últimos 2 a 3 meses. Los laboratorios de Estados Unidos la dan en porcentaje; muchos otros países usan mmol/mol.',
    source: SOURCES_ES.a1c,
  },
  'glucose-fasting': {
    name: 'Glucosa en ayunas',
    longName: 'Glucosa en sangre en ayunas',
    about:
      'La glucosa en ayunas es el nivel de azúcar en la sangre después de al menos 8 horas sin comer ni beber nada, salvo agua.',
  },
  'glucose-ogtt-2h': {
    name: 'Glucosa a las 2 horas (PTOG)',
    longName: 'Glucosa a las 2 horas en una prueba de tolerancia a la glucosa (PTOG)',
    about:
      'En una prueba oral de tolerancia a la glucosa, la persona bebe un líquido dulce con 75 gramos de glucosa. El azúcar en la sangre 2 horas después muestra lo bien que el cuerpo lo saca de la sangre.',
  },
  'glucose-random': {
    name: 'Glucosa al azar',
    longName: 'Glucosa en sangre al azar',
    about:
      'Una prueba de glucosa al azar mide el azúcar en la sangre a cualquier hora del día, sin importar cuándo comió la persona por última vez.',
  },
  'glucose-after-meal': {
    name: 'Glucosa después de comer',
    longName: 'Glucosa en sangre después de una comida',
    about:
      'Es el azúcar en la sangre medido un tiempo después de comer, a menudo 1 a 2 horas después de empezar la comida.',
  },
  glucose: {
    name: 'Glucosa en sangre',
    longName: 'Glucosa en sangre (azúcar en la sangre)',
    about:
      'La glucosa en sangre, o azúcar en la sangre, es la cantidad de azúcar que hay en la sangre al medirla. Sube y baja durante el día.',
  },
  bmi: {
    name: 'IMC',
    longName: 'Índice de masa corporal (IMC)',
    about:
      'El índice de masa corporal (IMC) es el peso en kilos dividido por la estatura en metros al cuadrado. Es una forma rápida de revisar el peso.',
    source: SOURCES_ES.obesity,
  },
  'time-in-range': {
    name: 'Tiempo en rango',
    longName: 'Tiempo en rango (TIR)',
    about: `El tiempo en rango es la parte del día en que el azúcar en la sangre se queda entre 70 y 180 mg/dl (3,9 a 10,0 mmol/l). ${CGM}`,
    source: SOURCES_ES.bloodGlucose,
  },
  'time-below-range': {
    name: 'Tiempo por debajo del rango',
    longName: 'Tiempo por debajo del rango (TBR)',
    about: `El tiempo por debajo del rango es la parte del día en que el azúcar en la sangre está por debajo de 70 mg/dl (3,9 mmol/l). ${CGM}`,
    source: SOURCES_ES.bloodGlucose,
  },
};
