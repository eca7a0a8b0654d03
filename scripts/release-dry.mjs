#!/usr/bin/env node
// `npm run release:dry`: builds the three published packages and packs them into a temporary
// directory, printing each tarball — exactly what `changeset publish` would upload, without uploading.
// With `--install`, also installs the tarballs into an empty project (from the npm cache) and checks
// that `npx rapport --help` and the SDK load from there, as for someone who never cloned the repo.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const PACKAGES = ['packages/shared', 'packages/sdk', 'packages/server']
const root = new URL('..', import.meta.url).pathname
// The parent `npm run`'s settings (workspace, prefix) would redirect the child npm commands.
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')))
const run = (command, args, cwd = root) => execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })

run('npx', ['turbo', 'run', 'build', ...PACKAGES.map((dir) => `--filter=./${dir}`), '--output-logs=errors-only'])

const out = mkdtempSync(join(tmpdir(), 'rapport-release-'))
const tarballs = []
for (const dir of PACKAGES) {
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', out], join(root, dir)))
  tarballs.push(join(out, packed.filename))
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`
  console.log(`${packed.name}@${packed.version}  ${join(out, packed.filename)}  (${kb(packed.size)} packed, ${kb(packed.unpackedSize)} unpacked, ${packed.entryCount} files)`)
}

if (process.argv.includes('--install')) {
  const project = join(out, 'consumer')
  run('mkdir', ['-p', project])
  const dependencies = Object.fromEntries(tarballs.map((file, i) => [`@rapport/${PACKAGES[i].split('/')[1]}`, `file:${file}`]))
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies }))
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], project)
  console.log(run('npx', ['--no-install', 'rapport', '--help'], project).split('\n')[0])
  console.log(run(process.execPath, ['--input-type=module', '-e', "import { createCRM } from '@rapport/sdk'; console.log('sdk loads:', typeof createCRM)"], project).trim())
}
console.log(`\nTarballs in ${out} (nothing was published).`)
