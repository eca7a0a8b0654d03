// The peer reference for reads: DuckDB (in memory) computing the one-year monthly report from the
// raw CSV lines — series (sales, refunds, orders, items, paying / new / returning customers), top
// products by net revenue, quantity and orders, top customers, and monthly cohorts — the figures
// `GET /v1/insights/report?interval=month` answers, from the lines rather than from rollups.
import { writeFileSync } from 'node:fs'
import { DuckDBInstance } from '@duckdb/node-api'

const LOAD = (path) => `create or replace table lines as
  select InvoiceNo::varchar as invoice, StockCode::varchar as product, Description as name, Quantity::integer as quantity,
    strptime(InvoiceDate, '%Y-%m-%d %H:%M') as ts, UnitPrice::decimal(18, 4) as price, CustomerID::varchar as customer, Country as country
  from read_csv('${path}', header = true, all_varchar = true)`

const SALE = `not starts_with(invoice, 'C') and not starts_with(invoice, 'A') and quantity > 0`
const REFUND = `starts_with(invoice, 'C')`
const YEAR = `ts >= timestamp '2011-01-01' and ts < timestamp '2012-01-01'`

const QUERIES = [
  `with firsts as (select customer, min(ts) as first_at from lines where ${SALE} and customer is not null group by customer)
   select date_trunc('month', ts) as month,
     sum(quantity * price) filter (where ${SALE}) as sales,
     -sum(quantity * price) filter (where ${REFUND}) as refunds,
     count(distinct invoice) filter (where ${SALE}) as orders,
     sum(quantity) filter (where ${SALE}) as items_sold,
     -sum(quantity) filter (where ${REFUND}) as items_returned,
     count(distinct l.customer) filter (where ${SALE}) as paying,
     count(distinct l.customer) filter (where ${SALE} and date_trunc('month', f.first_at) = date_trunc('month', ts)) as new_customers
   from lines l left join firsts f using (customer) where ${YEAR} group by 1 order by 1`,
  // One pass over the products, three rankings of it.
  `with products as materialized (select product, any_value(name) as name, sum(quantity * price) as net,
       sum(quantity) filter (where ${SALE}) as qty, count(distinct invoice) filter (where ${SALE}) as orders
     from lines where ${YEAR} and (${SALE} or ${REFUND}) group by product)
   (select 'net' as ranking, * from products order by net desc limit 10) union all
   (select 'quantity', * from products order by qty desc limit 10) union all
   (select 'orders', * from products order by orders desc limit 10)`,
  `select customer, sum(quantity * price) as net, count(distinct invoice) filter (where ${SALE}) as orders
   from lines where ${YEAR} and customer is not null and (${SALE} or ${REFUND}) group by customer order by net desc limit 10`,
  `with firsts as (select customer, date_trunc('month', min(ts)) as cohort from lines where ${SALE} and customer is not null group by customer),
     active as (select distinct customer, date_trunc('month', ts) as month from lines where ${SALE} and ${YEAR} and customer is not null)
   select cohort, datediff('month', cohort, month) as offset, count(*) as active
   from active join firsts using (customer) where cohort >= timestamp '2011-01-01' group by 1, 2 order by 1, 2`,
]

/** An in-memory DuckDB holding the CSV lines (written to `csvPath` first). */
export async function openDuckDB(csv, csvPath) {
  writeFileSync(csvPath, csv)
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  return {
    /** Loads (again) the lines from the CSV; returns seconds. */
    async load() {
      const start = performance.now()
      await connection.run(LOAD(csvPath))
      return (performance.now() - start) / 1000
    },
    /** Computes the report; returns milliseconds and the monthly series' row count. */
    async report() {
      const start = performance.now()
      let months = 0
      for (const [index, query] of QUERIES.entries()) {
        const rows = (await connection.runAndReadAll(query)).getRowObjects()
        if (index === 0) months = rows.length
      }
      return { ms: performance.now() - start, months }
    },
    close() {
      connection.closeSync()
      instance.closeSync()
    },
  }
}

export const duckdbVersion = async () => {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  const [row] = (await connection.runAndReadAll('select version() as version')).getRowObjects()
  connection.closeSync()
  instance.closeSync()
  return String(row?.version)
}
