/**
 * Test helper: tanh–sinh (double exponential) quadrature of ∫₀¹ f, accurate to about 1e-12 even
 * with integrable power singularities at the ends. `f` receives both x and 1 − x, so an integrand
 * like x^(a−1)(1 − x)^(b−1) loses no precision next to either end.
 */
export function integrateUnit(f: (x: number, oneMinusX: number) => number, step = 1 / 64): number {
  let sum = 0
  for (let t = -4.5; t <= 4.5; t += step) {
    const u = (Math.PI / 2) * Math.sinh(t)
    const x = 1 / (1 + Math.exp(-2 * u))
    const oneMinusX = 1 / (1 + Math.exp(2 * u))
    if (x === 0 || oneMinusX === 0) continue
    const weight = Math.PI * Math.cosh(t) * x * oneMinusX
    sum += weight * f(x, oneMinusX)
  }
  return sum * step
}
