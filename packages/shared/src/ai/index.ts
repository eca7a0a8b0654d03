export * from './assistant.js'
export * from './summary.js'
export * from './ask.js'
