// Peak resident memory of this process (Linux): VmHWM, which writing 5 to clear_refs resets.
import { readFileSync, writeFileSync } from 'node:fs'

const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) * 1024

/** Current resident set size in bytes. */
export const rss = () => process.memoryUsage().rss

/** Resets the peak so `peakRss()` measures from now; false where the kernel does not allow it. */
export function resetPeakRss() {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
    return true
  } catch {
    return false
  }
}

/** Peak resident set size in bytes since the start or the last reset. */
export const peakRss = () => field('VmHWM')

export const mib = (bytes) => bytes / 1024 / 1024
