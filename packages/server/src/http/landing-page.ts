import type { RequestHandler } from 'express'

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Rapport</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;color:#1f2328}code,pre{background:#f6f8fa;border-radius:4px;padding:.1rem .3rem}pre{padding:1rem;overflow:auto}</style></head>
<body><h1>Rapport is running</h1>
<p>Create your account, a project and its API keys:</p>
<pre>npx rapport setup --email you@example.com --password 'a long password' --project "My shop" --currency EUR --timezone Europe/Berlin</pre>
<p>Then send events with the SDK (<code>@rapport/sdk</code>) or over HTTP: see the <a href="/v1/openapi.json">OpenAPI document</a>.</p>
<p>Health: <a href="/health">/health</a> · <a href="/ready">/ready</a></p>
</body></html>`

/** Until the dashboard lands, the root explains how to get started. */
export const landingPage: RequestHandler = (_req, res) => {
  res.type('html').send(PAGE)
}
