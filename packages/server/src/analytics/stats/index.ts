/**
 * Dependency-free robust statistics for sales analytics: medians and robust spread, Theil–Sen
 * trend lines, the Mann–Kendall trend test, an exact test for changes in event counts,
 * seasonal anomaly detection, and the normal distribution they rest on.
 */
export { type Anomaly, type AnomalyOptions, detectAnomalies } from './anomalies.js'
export { logChoose, logGamma } from './log-gamma.js'
export { type MannKendallResult, mannKendall } from './mann-kendall.js'
export { MAD_TO_SIGMA, mad, median, robustSigma } from './median.js'
export { normalCdf, normalQuantile } from './normal.js'
export { comparePoissonCounts, type PoissonComparison } from './poisson-test.js'
export { seededUniform } from './seeded-uniform.js'
export { THEIL_SEN_MAX_POINTS, type TheilSenFit, theilSen } from './theil-sen.js'
