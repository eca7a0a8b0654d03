import type { Project } from '../api/types'
import { createContext, useContext } from 'react'

export const ProjectContext = createContext<Project | null>(null)

/** The project whose pages are shown (from the `/p/:projectId` part of the URL). */
export function useProject(): Project {
  const project = useContext(ProjectContext)
  if (!project) throw new Error('useProject outside a project page')
  return project
}

const LAST_PROJECT = 'rapport.lastProject'

export function rememberProject(projectId: string): void {
  try {
    window.localStorage.setItem(LAST_PROJECT, projectId)
  } catch {
    // Only a convenience.
  }
}

export function lastProject(): string | null {
  try {
    return window.localStorage.getItem(LAST_PROJECT)
  } catch {
    return null
  }
}
