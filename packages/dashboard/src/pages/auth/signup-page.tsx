import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { api } from '../../api/client'
import { errorMessage, fieldIssues } from '../../api/errors'
import { Field } from '../../components/field'
import { useI18n } from '../../i18n/i18n'
import { navigate, safeNext, useLocation } from '../../router/history'
import { Link } from '../../router/link'
import { AuthLayout } from './auth-layout'

export function SignupPage() {
  const { t } = useI18n()
  const { search } = useLocation()
  const next = safeNext(search.get('next'))
  const queryClient = useQueryClient()
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const register = useMutation({
    mutationFn: () => api.auth.register.mutate({ name, email, password }),
    onSuccess: (result) => {
      queryClient.clear()
      queryClient.setQueryData(['auth', 'me'], result.account)
      navigate(next, { replace: true })
    },
  })
  const issues = register.isError ? fieldIssues(register.error) : {}
  const submit = (event: FormEvent) => {
    event.preventDefault()
    register.mutate()
  }
  return (
    <AuthLayout title={t('auth.signupTitle')}>
      <form onSubmit={submit} noValidate>
        <Field label={t('auth.name')} autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} error={issues.name} />
        <Field
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={issues.email}
        />
        <Field
          label={t('auth.password')}
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={issues.password}
          hint={t('auth.passwordHint')}
        />
        {register.isError && Object.keys(issues).length === 0 && (
          <p className="form-error" role="alert">
            {errorMessage(register.error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={register.isPending}>
          {register.isPending ? t('auth.signingUp') : t('auth.signup')}
        </button>
      </form>
      <p>
        {t('auth.haveAccount')} <Link to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`}>{t('auth.login')}</Link>
      </p>
    </AuthLayout>
  )
}
