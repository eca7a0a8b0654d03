/** The code shown on the Connect page, pre-filled with the project's key and this server's address. */

export function sdkSnippet(key: string, host: string, currency: string): string {
  return [
    `import { createCRM } from '@rapport/sdk'`,
    `const crm = createCRM({ apiKey: '${key}', host: '${host}' })`,
    '',
    `crm.identify('user-42', { email: 'ann@example.com', name: 'Ann' })`,
    `crm.purchase({ customerId: 'user-42', orderId: 'A-1001', amount: '49.90', currency: '${currency}' })`,
  ].join('\n')
}

/** A POSIX-shell single-quoted string. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`
}

export function curlSnippet(key: string, host: string): string {
  const body = JSON.stringify({ customerId: 'user-42', email: 'ann@example.com', name: 'Ann' })
  return [
    `curl -X POST ${shellQuote(`${host}/v1/identify`)} \\`,
    `  -H ${shellQuote(`Authorization: Bearer ${key}`)} \\`,
    `  -H 'content-type: application/json' \\`,
    `  -d ${shellQuote(body)}`,
  ].join('\n')
}
