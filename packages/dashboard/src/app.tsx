import { QueryClientProvider, useQuery } from '@tanstack/react-query'
import { type ReactNode, Suspense, useEffect, useRef } from 'react'
import { isUnauthorized } from './api/errors'
import { createQueryClient } from './api/query-client'
import { queries } from './api/queries'
import { ErrorState, Loading } from './components/states'
import { I18nProvider } from './i18n/i18n'
import { lastProject } from './layout/project-context'
import { PlainShell, ProjectShell } from './layout/project-shell'
import { navigate, useLocation } from './router/history'
import { lazyPage } from './router/lazy-page'
import { matchPath } from './router/match'

// One chunk per page: the first load carries only the shell; all pages are fetched while the session is checked.
const LoginPage = lazyPage(() => import('./pages/auth/login-page').then((m) => m.LoginPage))
const SignupPage = lazyPage(() => import('./pages/auth/signup-page').then((m) => m.SignupPage))
const NewProjectPage = lazyPage(() => import('./pages/projects/new-project-page').then((m) => m.NewProjectPage))
const OverviewPage = lazyPage(() => import('./pages/overview/overview-page').then((m) => m.OverviewPage))
const ConnectPage = lazyPage(() => import('./pages/connect/connect-page').then((m) => m.ConnectPage))
const CustomersPage = lazyPage(() => import('./pages/customers/customers-page').then((m) => m.CustomersPage))
const CustomerPage = lazyPage(() => import('./pages/customers/customer-page').then((m) => m.CustomerPage))
const ReportsPage = lazyPage(() => import('./pages/reports/reports-page').then((m) => m.ReportsPage))
const ImportPage = lazyPage(() => import('./pages/import/import-page').then((m) => m.ImportPage))
const RecommendationsPage = lazyPage(() => import('./pages/recommendations/recommendations-page').then((m) => m.RecommendationsPage))
const AskPage = lazyPage(() => import('./pages/ask/ask-page').then((m) => m.AskPage))
const PlaceholderPage = lazyPage(() => import('./pages/placeholder-page').then((m) => m.PlaceholderPage))
const PAGES = [LoginPage, SignupPage, NewProjectPage, OverviewPage, ConnectPage, CustomersPage, CustomerPage, ReportsPage, ImportPage, RecommendationsPage, AskPage, PlaceholderPage]

const queryClient = createQueryClient()

/** Project pages: pattern under `/p/:projectId`, and what renders there. */
const PROJECT_ROUTES: Array<{ path: string; render: (params: Record<string, string>) => ReactNode }> = [
  { path: '', render: () => <OverviewPage /> },
  { path: '/connect', render: () => <ConnectPage /> },
  { path: '/customers', render: () => <CustomersPage /> },
  { path: '/customers/:customerId', render: (params) => <CustomerPage customerId={params.customerId ?? ''} /> },
  { path: '/reports', render: () => <ReportsPage /> },
  { path: '/recommendations', render: () => <RecommendationsPage /> },
  { path: '/ask', render: () => <AskPage /> },
  { path: '/import', render: () => <ImportPage /> },
]

function Home() {
  const projects = useQuery(queries.projects())
  useEffect(() => {
    if (!projects.data) return
    const remembered = lastProject()
    const target = projects.data.find((project) => project.id === remembered) ?? projects.data[0]
    navigate(target ? `/p/${target.id}` : '/projects/new', { replace: true })
  }, [projects.data])
  if (projects.isError) return <ErrorState error={projects.error} onRetry={() => projects.refetch()} />
  return <Loading />
}

/** Pages behind the session: a 401 sends the user to log in (see query-client.ts). */
function SignedIn({ pathname }: { pathname: string }) {
  const me = useQuery(queries.me())
  // Asked for together with the session (one batched request), not after it.
  useQuery(queries.projects())
  if (me.isPending || (me.isError && isUnauthorized(me.error))) return <Loading />
  if (me.isError) return <ErrorState error={me.error} onRetry={() => me.refetch()} />

  if (pathname === '/') return <Home />
  if (pathname === '/projects/new')
    return (
      <PlainShell>
        <NewProjectPage />
      </PlainShell>
    )
  const project = /^\/p\/([^/]+)(\/.*)?$/.exec(pathname)
  if (project) {
    const projectId = project[1] ?? ''
    const rest = project[2] ?? ''
    for (const route of PROJECT_ROUTES) {
      const params = matchPath(`/x${route.path}`, `/x${rest}`)
      if (params) {
        const section = route.path.split('/').slice(0, 2).join('/')
        return (
          <ProjectShell projectId={projectId} section={section}>
            {route.render(params)}
          </ProjectShell>
        )
      }
    }
  }
  return (
    <PlainShell>
      <PlaceholderPage page="notFound" />
    </PlainShell>
  )
}

/** After an in-app navigation, focus moves to the new page's content, as a page load would put it. */
function useFocusOnNavigation(pathname: string): void {
  const first = useRef(true)
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of page
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    document.getElementById('main')?.focus({ preventScroll: true })
  }, [pathname])
}

function Routes() {
  const { pathname } = useLocation()
  useFocusOnNavigation(pathname)
  if (pathname === '/login') return <LoginPage />
  if (pathname === '/signup') return <SignupPage />
  return <SignedIn pathname={pathname} />
}

export function App() {
  useEffect(() => {
    // A few KB each: fetched in parallel with the session check, so no page waits on its chunk.
    for (const page of PAGES) void page.preload()
  }, [])
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Suspense fallback={<Loading />}>
          <Routes />
        </Suspense>
      </I18nProvider>
    </QueryClientProvider>
  )
}
