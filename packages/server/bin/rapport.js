#!/usr/bin/env node
// A committed launcher, so npm can link the `rapport` command at install time,
// before the first build has produced dist/.
import('../dist/cli.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    process.stderr.write('rapport: the server package is not built yet; run `npm run build` (or `npm start`) first\n')
    process.exit(1)
  }
  throw error
})
