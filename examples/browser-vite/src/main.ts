// The events-only entry: no read API in the bundle (about 6 KB gzipped).
import { createIngestClient } from '@rapport/sdk/ingest'

// A publishable key (rk_pub_…) can only send events, so it is safe to ship in a page.
const apiKey = import.meta.env.VITE_RAPPORT_KEY
const host = import.meta.env.VITE_RAPPORT_HOST ?? 'http://localhost:3000'

const log = (line: string) => {
  const element = document.querySelector('#log')
  if (element) element.textContent += `${new Date().toLocaleTimeString()}  ${line}\n`
}

// Events are queued in localStorage: a reload, a closed tab or a lost connection
// does not lose them; the next page load sends what is left.
const crm = createIngestClient({ apiKey, host, onError: (error) => log(`⚠ ${error.code}: ${error.message}`) })

const status = document.querySelector('#status')
if (status) status.textContent = apiKey ? `Sending to ${host}` : 'Set VITE_RAPPORT_KEY (a publishable key) and rebuild.'

let customerId = localStorage.getItem('shop:customer') ?? undefined

document.querySelector<HTMLFormElement>('#signup')?.addEventListener('submit', (event) => {
  event.preventDefault()
  const form = new FormData(event.currentTarget as HTMLFormElement)
  customerId = String(form.get('customerId'))
  localStorage.setItem('shop:customer', customerId)
  const name = String(form.get('name') ?? '').trim()
  crm.identify(customerId, { email: String(form.get('email')), name: name || undefined })
  log(`identify ${customerId}`)
})

document.querySelector('#buy')?.addEventListener('click', () => {
  if (!customerId) {
    log('Sign up first')
    return
  }
  const orderId = `web-${crypto.randomUUID()}`
  crm.purchase({
    customerId,
    orderId,
    amount: '12.50',
    currency: 'EUR',
    items: [{ productId: 'mug', name: 'Mug', quantity: 1, unitPrice: '12.50' }],
  })
  log(`purchase ${orderId}`)
})
