import { currencyExponent, formatMinorUnits, type Locale, type RecommendationType } from '@rapport/shared'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { ProjectRow } from '../../projects/project.repository.js'
import { normalCdf } from '../stats/index.js'

/** A text in every language the API answers in. */
export type Texts = Record<Locale, string>

/** `{ en, ru }`: the same sentence in English and Russian. */
export function texts(en: string, ru: string): Texts {
  return { en, ru }
}

/** The Russian plural form for `n`: one (1, 21), few (2–4, 22–24) or many (0, 5–20, 25…). */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const tens = Math.abs(n) % 100
  const units = tens % 10
  if (tens >= 11 && tens <= 14) return many
  if (units === 1) return one
  return units >= 2 && units <= 4 ? few : many
}

/** A recommendation before it is ranked, given an id and stored; its words in each language. */
export interface Draft {
  type: RecommendationType
  title: Texts
  why: Texts
  evidence: Array<{ label: Texts; value: string }>
  period: { from: string; to: string }
  /** Customers to act on; for kinds aimed at customers a control share is held out of them when issued. */
  targets: Array<{ customerId: string; name: string | null; productId: string | null }>
  products: Array<{ productId: string; name: string | null }>
  /** Expected extra revenue over the next 30 days, minor units, before the control share is removed. */
  impactMinor: bigint
  impactMethod: Texts
  /** 0–1. */
  confidence: number
}

/** What every builder needs: the project, and the day its data ends (figures are "as of" then). */
export interface RecommendationContext {
  db: Kysely<Database>
  project: ProjectRow
  exponent: number
  /** The last local day with a sale: windows end there, so a shop whose data stopped still gets answers. */
  asOfDay: string
  /** Formats minor units as a decimal with the currency code, e.g. "1234.50 GBP". */
  money(minor: bigint): string
}

export function createContext(db: Kysely<Database>, project: ProjectRow, asOfDay: string): RecommendationContext {
  const exponent = currencyExponent(project.currency)
  return { db, project, exponent, asOfDay, money: (minor) => `${formatMinorUnits(minor, exponent)} ${project.currency}` }
}

/** Kinds aimed at named customers: a random control share of their targets is held out. */
export const CUSTOMER_KINDS: ReadonlySet<RecommendationType> = new Set(['win_back', 'next_best_product', 'cross_sell'])

export function confidenceLevel(confidence: number): 'high' | 'medium' | 'low' {
  return confidence >= 0.9 ? 'high' : confidence >= 0.6 ? 'medium' : 'low'
}

/** One-sided p-value that a count this high arose by chance when `expected` was due (normal approximation to Poisson). */
export function excessPValue(observed: number, expected: number): number {
  if (expected <= 0) return observed > 0 ? 0 : 1
  return 1 - normalCdf((observed - expected - 0.5) / Math.sqrt(expected))
}

export function percent(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)}%`
}
