/** The questions the deterministic assistant answers without a model. */
export type QuestionKind = 'revenue_change' | 'top_products' | 'best_customers' | 'bundles' | 'forecast' | 'segments' | 'recommendations'

/** What a question asks and the details it names. */
export interface QuestionIntent {
  kind: QuestionKind
  /** Country in English as the data stores it, e.g. `Germany`. */
  country: string | null
  /** 1–12 when a month is named. */
  month: number | null
  year: number | null
}

const KINDS: ReadonlyArray<[QuestionKind, RegExp]> = [
  ['recommendations', /what should i do|what (can|could) i do|recommend|advice|advise|next steps|что (мне )?(делать|сделать)|рекоменд|посовет|совет/],
  ['bundles', /bundl|together|cross-sell|go with|комплект|набор|вместе|бандл/],
  ['forecast', /forecast|predict|projection|next (week|month|quarter)|expect|прогноз|ожида|предсказ|следующ/],
  ['best_customers', /(best|top|biggest|largest|most valuable|loyal|vip)\b.*\b(customers?|clients?|buyers?)|customers?.*\bspen[dt]\b.*\bmost|(лучш|топ|крупн|ценн|постоянн|vip)\S*.*(клиент|покупател)/],
  ['top_products', /(top|best|most popular|best-selling|bestselling|sell(s|ing)? (the )?most)\b.*\b(products?|items?|sellers?|goods)|bestseller|(лучш|топ|популярн|продаваем|ходов)\S*.*(товар|продукт|позици)|(товар|продукт|позици)\S*.*(лучш|топ|популярн|продаваем|ходов)| хит/],
  ['segments', /segment|at risk|churn|lost customers|sleeping|сегмент|отток|уход|потерян|риск/],
  ['revenue_change', /revenue|sales|income|turnover|earn|sold|выручк|продаж|доход|оборот|заработ/],
]

/** Russian country names by stem (any case ending) → the English names the data uses. */
const RUSSIAN_COUNTRIES: ReadonlyArray<[RegExp, string]> = [
  [/германи/, 'Germany'],
  [/франци/, 'France'],
  [/испани/, 'Spain'],
  [/итали/, 'Italy'],
  [/нидерланд|голланди/, 'Netherlands'],
  [/бельги/, 'Belgium'],
  [/швейцари/, 'Switzerland'],
  [/португали/, 'Portugal'],
  [/австрали/, 'Australia'],
  [/австри/, 'Austria'],
  [/норвеги/, 'Norway'],
  [/швеци/, 'Sweden'],
  [/финлянди/, 'Finland'],
  [/дани[июя]/, 'Denmark'],
  [/япони/, 'Japan'],
  [/польш/, 'Poland'],
  [/кипр/, 'Cyprus'],
  [/ирланди/, 'EIRE'],
  [/великобритани|британи|англи|соединённом королевстве|соединенном королевстве/, 'United Kingdom'],
  [/сша|америк/, 'USA'],
  [/канад/, 'Canada'],
  [/греци/, 'Greece'],
  [/израил/, 'Israel'],
  [/исланди/, 'Iceland'],
  [/литв/, 'Lithuania'],
  [/мальт/, 'Malta'],
  [/чехи/, 'Czech Republic'],
  [/бразили/, 'Brazil'],
  [/сингапур/, 'Singapore'],
]

const ENGLISH_ALIASES: ReadonlyArray<[RegExp, string]> = [
  [/\b(uk|britain|england|united kingdom)\b/, 'United Kingdom'],
  [/\b(ireland|eire)\b/, 'EIRE'],
  [/\b(us|usa|united states|america)\b/, 'USA'],
  [/\bholland\b/, 'Netherlands'],
]

const MONTHS: ReadonlyArray<RegExp> = [
  /\bjan(uary)?\b|январ/,
  /\bfeb(ruary)?\b|феврал/,
  /\bmar(ch)?\b| март/,
  /\bapr(il)?\b|апрел/,
  /\bmay\b| ма[йяею] /,
  /\bjune?\b| июн/,
  /\bjuly?\b| июл/,
  /\baug(ust)?\b|август/,
  /\bsep(t|tember)?\b|сентябр/,
  /\boct(ober)?\b|октябр/,
  /\bnov(ember)?\b|ноябр/,
  /\bdec(ember)?\b|декабр/,
]

/** Lower case, `ё` as `е`, words between single spaces: `\b` knows Latin letters only, so Cyrillic words are bounded by spaces. */
function normalize(question: string): string {
  return ` ${question.toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}]+/gu, ' ')} `
}

/**
 * The kind of a question and the country, month and year it names, or null when
 * it is none of the kinds the deterministic assistant can answer. `countries`
 * are the project's own (matched by name in the question).
 */
export function classifyQuestion(question: string, countries: readonly string[] = []): QuestionIntent | null {
  const text = normalize(question)
  const kind = KINDS.find(([, pattern]) => pattern.test(text))?.[0]
  if (!kind) return null
  const names = [...new Set([...countries, ...RUSSIAN_COUNTRIES.map(([, name]) => name)])]
  const known = names.sort((a, b) => b.length - a.length).find((country) => text.includes(` ${normalize(country).trim()} `))
  const country =
    known ??
    ENGLISH_ALIASES.find(([pattern]) => pattern.test(text))?.[1] ??
    RUSSIAN_COUNTRIES.find(([pattern]) => pattern.test(text))?.[1] ??
    null
  const monthIndex = MONTHS.findIndex((pattern) => pattern.test(text))
  const year = /\b(19[7-9]\d|2[01]\d\d)\b/.exec(text)?.[1]
  return { kind, country, month: monthIndex === -1 ? null : monthIndex + 1, year: year === undefined ? null : Number(year) }
}
