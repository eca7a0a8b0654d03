import { useQuery } from '@tanstack/react-query'
import { type ReactNode, Suspense, useEffect } from 'react'
import { queries } from '../api/queries'
import { Empty, ErrorState, Loading } from '../components/states'
import type { MessageKey } from '../i18n/en'
import { useI18n } from '../i18n/i18n'
import { Link } from '../router/link'
import { ProjectContext, rememberProject } from './project-context'
import { ProjectSwitcher } from './project-switcher'
import { UserMenu } from './user-menu'

const SECTIONS: Array<{ path: string; label: MessageKey }> = [
  { path: '', label: 'nav.overview' },
  { path: '/customers', label: 'nav.customers' },
  { path: '/reports', label: 'nav.reports' },
  { path: '/recommendations', label: 'nav.recommendations' },
  { path: '/ask', label: 'nav.ask' },
  { path: '/import', label: 'nav.import' },
  { path: '/connect', label: 'nav.connect' },
]

/** Header, navigation and the chosen project around a project's pages. */
export function ProjectShell({ projectId, section, children }: { projectId: string; section: string; children: ReactNode }) {
  const { t } = useI18n()
  const projects = useQuery(queries.projects())
  const project = projects.data?.find((candidate) => candidate.id === projectId)
  useEffect(() => {
    if (project) rememberProject(project.id)
  }, [project])

  let content: ReactNode
  if (projects.isPending) content = <Loading />
  else if (projects.isError) content = <ErrorState error={projects.error} onRetry={() => projects.refetch()} />
  else if (!project)
    content = (
      <Empty title={t('project.notFound')}>
        <Link to="/">{t('project.backHome')}</Link>
      </Empty>
    )
  else
    content = (
      <ProjectContext.Provider value={project}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </ProjectContext.Provider>
    )

  const base = `/p/${projectId}`
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Rapport
        </Link>
        {projects.data && <ProjectSwitcher projectId={projectId} section={section} />}
        <UserMenu />
      </header>
      <nav className="sidenav" aria-label={t('nav.sections')}>
        <ul>
          {SECTIONS.map((item) => (
            <li key={item.path}>
              <Link to={base + item.path} nav={item.path !== ''} aria-current={item.path === '' && section === '' ? 'page' : undefined}>
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        {content}
      </main>
    </div>
  )
}

/** The frame of pages outside a project (creating the first one). */
export function PlainShell({ children }: { children: ReactNode }) {
  return (
    <div className="shell shell-plain">
      <header className="topbar">
        <Link to="/" className="brand">
          Rapport
        </Link>
        <UserMenu />
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </main>
    </div>
  )
}
