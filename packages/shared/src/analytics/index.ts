export * from './period.js'
export * from './report.js'
export * from './segments.js'
export * from './trends.js'
