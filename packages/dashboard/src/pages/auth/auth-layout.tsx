import type { ReactNode } from 'react'
import { LanguageSelect } from '../../layout/user-menu'

/** The centred card of the log-in and sign-up pages. */
export function AuthLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="auth">
      <div className="auth-card">
        <div className="auth-head">
          <span className="brand">Rapport</span>
          <LanguageSelect />
        </div>
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  )
}
