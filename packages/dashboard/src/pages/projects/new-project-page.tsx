import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useId, useMemo, useState } from 'react'
import { api } from '../../api/client'
import { errorMessage, fieldIssues } from '../../api/errors'
import { revealKeys } from '../../api/revealed-keys'
import { Field } from '../../components/field'
import { useI18n } from '../../i18n/i18n'
import { navigate } from '../../router/history'

function supported(kind: 'currency' | 'timeZone', fallback: string[]): string[] {
  try {
    return Intl.supportedValuesOf(kind)
  } catch {
    return fallback
  }
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** Name, reporting currency and time zone; the project comes with its two keys, revealed on the Connect page. */
export function NewProjectPage() {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const currencyList = useId()
  const zoneList = useId()
  const currencies = useMemo(() => supported('currency', ['USD', 'EUR', 'GBP']), [])
  const zones = useMemo(() => supported('timeZone', ['UTC']), [])
  const [name, setName] = useState('')
  const [currency, setCurrency] = useState('USD')
  const [timezone, setTimezone] = useState(browserTimeZone)
  const create = useMutation({
    mutationFn: () => api.projects.create.mutate({ name, currency: currency.trim().toUpperCase(), timezone: timezone.trim() }),
    onSuccess: async (created) => {
      revealKeys([created.publishableKey, created.secretKey])
      await queryClient.invalidateQueries({ queryKey: ['projects'] })
      navigate(`/p/${created.project.id}/connect`)
    },
  })
  const issues = create.isError ? fieldIssues(create.error) : {}
  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate()
  }
  return (
    <section className="narrow">
      <h1>{t('project.createTitle')}</h1>
      <p className="lead">{t('project.createLead')}</p>
      <form onSubmit={submit} noValidate>
        <Field label={t('project.name')} required value={name} onChange={(e) => setName(e.target.value)} error={issues.name} />
        <Field
          label={t('project.currency')}
          list={currencyList}
          required
          maxLength={3}
          value={currency}
          onChange={(e) => setCurrency(e.target.value)}
          error={issues.currency}
          hint={t('project.currencyHint')}
        />
        <datalist id={currencyList}>
          {currencies.map((code) => (
            <option key={code} value={code} />
          ))}
        </datalist>
        <Field
          label={t('project.timezone')}
          list={zoneList}
          required
          value={timezone}
          onChange={(e) => setTimezone(e.target.value)}
          error={issues.timezone}
          hint={t('project.timezoneHint')}
        />
        <datalist id={zoneList}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        {create.isError && Object.keys(issues).length === 0 && (
          <p className="form-error" role="alert">
            {errorMessage(create.error)}
          </p>
        )}
        <button type="submit" className="primary" disabled={create.isPending}>
          {create.isPending ? t('project.creating') : t('project.create')}
        </button>
      </form>
    </section>
  )
}
