import { parseArgs } from 'node:util'
import { apiClient, describeError, errorCode } from './api-client.js'

const USAGE = `Usage: rapport setup --email <email> --password <password> --project <name>
                     [--name <your name>] [--currency GBP] [--timezone Europe/London]
                     [--host http://localhost:3000] [--json]

Creates your account (or logs into it if it exists), creates a project with
a publishable and a secret API key, and prints them. Keys are shown only once.`

export interface SetupResult {
  projectId: string
  publishableKey: string
  secretKey: string
}

/** `rapport setup`: account (created or logged into) + project + keys. */
export async function setupCommand(argv: string[], out: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      project: { type: 'string' },
      name: { type: 'string' },
      currency: { type: 'string', default: 'USD' },
      timezone: { type: 'string', default: 'UTC' },
      host: { type: 'string', default: 'http://localhost:3000' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  })
  if (values.help || !values.email || !values.password || !values.project) {
    out(USAGE)
    return values.help ? 0 : 2
  }
  const host = values.host
  try {
    const anonymous = apiClient(host)
    const credentials = { email: values.email, password: values.password }
    let session: { token: string }
    try {
      session = await anonymous.auth.register.mutate({ ...credentials, name: values.name ?? values.email.split('@')[0] ?? 'Owner' })
    } catch (error) {
      if (errorCode(error) !== 'conflict') throw error
      session = await anonymous.auth.login.mutate(credentials)
    }
    const created = await apiClient(host, session.token).projects.create.mutate({
      name: values.project,
      currency: values.currency,
      timezone: values.timezone,
    })
    const result: SetupResult = {
      projectId: created.project.id,
      publishableKey: created.publishableKey.key,
      secretKey: created.secretKey.key,
    }
    if (values.json) out(JSON.stringify(result, null, 2))
    else {
      out(`Project "${created.project.name}" created (${created.project.currency}, ${created.project.timezone}).`)
      out(`  projectId:      ${result.projectId}`)
      out(`  publishable key (browsers, ingest only): ${result.publishableKey}`)
      out(`  secret key      (servers, ingest + read): ${result.secretKey}`)
      out('Keep the secret key out of browsers and version control; it is not shown again.')
    }
    return 0
  } catch (error) {
    process.stderr.write(`rapport setup: ${describeError(error, host)}\n`)
    return 1
  }
}
