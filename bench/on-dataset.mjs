// Import, reads and predictions on the online-retail dataset, in one process per database kind:
// the import's last run is the database the reads and predictions use, so the dataset is loaded
// three times, not five.
// Run: node --expose-gc bench/on-dataset.mjs [--quick] [--pglite-only] [--kind=postgres|pglite]
import { benchImport } from './import.mjs'
import { benchArgs } from './lib/args.mjs'
import { loadDataset } from './lib/dataset.mjs'
import { benchPredictions } from './predictions.mjs'
import { benchDuckDB, benchReads } from './reports.mjs'

const { quick, kinds, clusterUrl } = benchArgs()
const dataset = loadDataset({ quick })
for (const kind of kinds) {
  const duck = await benchDuckDB(dataset, quick ? 5 : 15)
  const bench = await benchImport(kind, clusterUrl, dataset, { quick })
  try {
    await benchReads(bench, duck, { quick })
    await benchPredictions(bench)
  } finally {
    await bench.stop()
  }
}
