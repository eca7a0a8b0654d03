const Z95 = 1.959963984540054

/** Wilson score interval of a proportion (95 %). */
export function wilsonInterval(successes: number, n: number): { lower: number; upper: number } {
  if (n === 0) return { lower: 0, upper: 1 }
  const p = successes / n
  const z2 = Z95 * Z95
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n)
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n)
  return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) }
}

/**
 * Difference of two proportions p1 − p2 with Newcombe's hybrid score interval (method 10,
 * Newcombe 1998): well behaved for small groups and rates near 0, unlike the Wald interval.
 */
export function proportionDifference(successes1: number, n1: number, successes2: number, n2: number) {
  const p1 = successes1 / n1
  const p2 = successes2 / n2
  const a = wilsonInterval(successes1, n1)
  const b = wilsonInterval(successes2, n2)
  const estimate = p1 - p2
  return {
    estimate,
    lower95: estimate - Math.sqrt((p1 - a.lower) ** 2 + (b.upper - p2) ** 2),
    upper95: estimate + Math.sqrt((a.upper - p1) ** 2 + (p2 - b.lower) ** 2),
  }
}

function meanAndVariance(values: readonly number[]): { mean: number; variance: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  const variance = values.length < 2 ? 0 : values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1)
  return { mean, variance }
}

/**
 * Difference of two means with Welch's unequal-variance standard error and a normal 95 %
 * interval (groups here are tens to thousands of customers). Null with fewer than 2 in a group.
 */
export function meanDifference(values1: readonly number[], values2: readonly number[]) {
  if (values1.length < 2 || values2.length < 2) return null
  const a = meanAndVariance(values1)
  const b = meanAndVariance(values2)
  const estimate = a.mean - b.mean
  const se = Math.sqrt(a.variance / values1.length + b.variance / values2.length)
  return { estimate, lower95: estimate - Z95 * se, upper95: estimate + Z95 * se }
}

/** Picks a random `share` of `count` items (at least one when count ≥ 10) as the control group. */
export function controlIndexes(count: number, share: number, random: () => number = Math.random): Set<number> {
  const size = count >= 10 ? Math.max(1, Math.round(count * share)) : 0
  const order = Array.from({ length: count }, (_, index) => index)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    const swap = order[i] ?? 0
    order[i] = order[j] ?? 0
    order[j] = swap
  }
  return new Set(order.slice(0, size))
}
