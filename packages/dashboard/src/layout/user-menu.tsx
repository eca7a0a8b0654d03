import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../api/client'
import { queries } from '../api/queries'
import { LOCALES, type Locale, useI18n } from '../i18n/i18n'
import { navigate } from '../router/history'

export function LanguageSelect() {
  const { locale, setLocale, t } = useI18n()
  return (
    <label className="language">
      <span className="visually-hidden">{t('nav.language')}</span>
      <select value={locale} onChange={(event) => setLocale(event.target.value as Locale)}>
        {Object.entries(LOCALES).map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
    </label>
  )
}

/** Who is logged in, and the way out. */
export function UserMenu() {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const me = useQuery(queries.me())
  const logout = useMutation({
    mutationFn: () => api.auth.logout.mutate(),
    onSettled: () => {
      queryClient.clear()
      navigate('/login', { replace: true })
    },
  })
  return (
    <div className="user-menu">
      <LanguageSelect />
      {me.data && (
        <span className="user-name" title={me.data.email}>
          {me.data.name}
        </span>
      )}
      <button type="button" className="link-button" onClick={() => logout.mutate()} disabled={logout.isPending}>
        {t('nav.logout')}
      </button>
    </div>
  )
}
