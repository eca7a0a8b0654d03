import { seededUniform } from '../analytics/stats/seeded-uniform.js'

/** A seeded PRNG (mulberry32): the same sequence on every run, so a failure is reproducible. */
export const seededRandom = seededUniform

/** One element of a non-empty list, chosen by `random`. */
export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}
