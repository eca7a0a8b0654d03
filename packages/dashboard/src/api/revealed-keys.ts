import type { CreatedApiKey } from './types'
import { useSyncExternalStore } from 'react'

/**
 * Keys just created, with their full text: the only moment it exists outside
 * the user's hands. Kept in memory only — a reload forgets them, as promised
 * by "shown once".
 */
let revealed: readonly CreatedApiKey[] = []
const listeners = new Set<() => void>()

export function revealKeys(keys: CreatedApiKey[]): void {
  revealed = [...keys, ...revealed.filter((key) => !keys.some((added) => added.id === key.id))]
  for (const listener of listeners) listener()
}

export function forgetKey(keyId: string): void {
  revealed = revealed.filter((key) => key.id !== keyId)
  for (const listener of listeners) listener()
}

export function useRevealedKeys(projectId: string): CreatedApiKey[] {
  const all = useSyncExternalStore(
    (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    () => revealed,
  )
  return all.filter((key) => key.projectId === projectId)
}
