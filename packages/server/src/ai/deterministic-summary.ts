import type { SummaryBullet, SummarySection } from '@rapport/shared'
import type { FactSheet } from './fact-sheet.js'
import { isWholeMonth } from './summary-facts.js'
import type { SummaryData } from './summary-data.js'
import { SUMMARY_MESSAGES } from './summary-messages.js'

/** The summary's words without the bookkeeping: what either engine produces. */
export interface SummaryText {
  headline: string
  sections: SummarySection[]
}

/** The fact ids a template uses: whatever `${show('…')}` it read. */
function bullet(sheet: FactSheet, write: (show: (id: string) => string) => string): SummaryBullet {
  const used: string[] = []
  const text = write((id) => {
    used.push(id)
    return sheet.show(id)
  })
  return { text, factIds: [...new Set(used)] }
}

/**
 * The summary from templates over the facts, in the sheet's locale: no model,
 * and every figure is a fact by construction.
 */
export function deterministicSummary(data: SummaryData, sheet: FactSheet): SummaryText {
  const m = SUMMARY_MESSAGES[sheet.locale]
  const has = (id: string) => sheet.get(id) !== undefined
  const period = m.period(sheet.show, isWholeMonth(data))
  const change = sheet.get('revenue.net.change')
  const direction = !change ? 'none' : Number(change.value) > 0.005 ? 'up' : Number(change.value) < -0.005 ? 'down' : 'flat'
  const headline = bullet(sheet, (show) => m.headline(show, period, direction))

  const changes = [
    bullet(sheet, (show) => m.revenue(show, has('revenue.net.previous'))),
    bullet(sheet, (show) => m.orders(show, has('orders.change'))),
    bullet(sheet, (show) => m.customers(show, has('customers.paying.change'))),
  ]
  if (Number(sheet.get('revenue.refunds')?.value ?? 0) !== 0) changes.push(bullet(sheet, m.refunds))

  const drivers: SummaryBullet[] = []
  const direction1 = direction === 'up' ? (['rising', 'falling'] as const) : (['falling', 'rising'] as const)
  for (const kind of ['product', 'country'] as const) {
    for (const way of direction1) {
      for (const rank of [1, 2]) {
        const id = `${kind === 'product' ? 'products' : 'countries'}.${way}.${rank}`
        if (has(`${id}.name`) && (kind === 'product' || rank === 1)) drivers.push(bullet(sheet, (show) => m.mover(show, id, way, kind)))
      }
    }
  }
  if (drivers.length === 0) drivers.push({ text: m.noMovers, factIds: [] })
  if (has('countries.top.1.share')) drivers.push(bullet(sheet, (show) => m.topCountry(show, 'countries.top.1')))

  const forecast = has('forecast.value') ? [bullet(sheet, m.forecast)] : [{ text: m.noForecast, factIds: [] }]

  // The project's recommendations first; the facts' own signals fill the rest.
  const actions: SummaryBullet[] = [1, 2, 3].filter((rank) => has(`actions.${rank}.title`)).map((rank) => bullet(sheet, (show) => m.recommended(show, `actions.${rank}`)))
  if (has('segments.slipping.customers')) actions.push(bullet(sheet, m.winBack))
  if (has('products.falling.1.name')) actions.push(bullet(sheet, m.investigate))
  if (has('products.rising.1.name')) actions.push(bullet(sheet, m.promote))
  if (Number(sheet.get('customers.new.change')?.value ?? 0) < 0) actions.push(bullet(sheet, m.acquire))
  if (actions.length === 0) actions.push({ text: m.noActions, factIds: [] })

  return {
    headline: headline.text,
    sections: [
      { kind: 'changes', title: m.titles.changes, bullets: changes },
      { kind: 'drivers', title: m.titles.drivers, bullets: drivers },
      { kind: 'forecast', title: m.titles.forecast, bullets: forecast },
      { kind: 'actions', title: m.titles.actions, bullets: actions.slice(0, 3) },
    ],
  }
}
