import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { api } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { Field } from '../../components/field'
import { useI18n } from '../../i18n/i18n'
import { navigate, safeNext, useLocation } from '../../router/history'
import { Link } from '../../router/link'
import { AuthLayout } from './auth-layout'

export function LoginPage() {
  const { t } = useI18n()
  const { search } = useLocation()
  const next = safeNext(search.get('next'))
  const queryClient = useQueryClient()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const login = useMutation({
    mutationFn: () => api.auth.login.mutate({ email, password }),
    onSuccess: (result) => {
      queryClient.clear()
      queryClient.setQueryData(['auth', 'me'], result.account)
      navigate(next, { replace: true })
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    login.mutate()
  }
  const signup = next === '/' ? '/signup' : `/signup?next=${encodeURIComponent(next)}`
  return (
    <AuthLayout title={t('auth.loginTitle')}>
      {next !== '/' && <p className="notice">{t('auth.sessionEnded')}</p>}
      <form onSubmit={submit} noValidate>
        <Field label={t('auth.email')} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <Field
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {login.isError && (
          <p className="form-error" role="alert">
            {errorMessage(login.error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={login.isPending}>
          {login.isPending ? t('auth.loggingIn') : t('auth.login')}
        </button>
      </form>
      <p>
        {t('auth.noAccount')} <Link to={signup}>{t('auth.signup')}</Link>
      </p>
    </AuthLayout>
  )
}
