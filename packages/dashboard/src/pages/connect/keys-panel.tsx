import type { ApiKey, ApiKeyKind } from '../../api/types'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { api } from '../../api/client'
import { errorMessage } from '../../api/errors'
import { queries } from '../../api/queries'
import { forgetKey, revealKeys, useRevealedKeys } from '../../api/revealed-keys'
import { CopyButton } from '../../components/copy-button'
import { downloadCsv, toCsv } from '../../components/csv'
import { ErrorState, Loading } from '../../components/states'
import { formatDateTime, formatRelative } from '../../format/format'
import { useI18n } from '../../i18n/i18n'
import { useProject } from '../../layout/project-context'

function RevealedKeys({ projectId }: { projectId: string }) {
  const { t } = useI18n()
  const keys = useRevealedKeys(projectId)
  if (keys.length === 0) return null
  return (
    <section className="revealed" aria-label={t('keys.revealedTitle')}>
      <p>
        <strong>{t('keys.revealedTitle')}</strong> {t('keys.revealedNote')}
      </p>
      <ul>
        {keys.map((key) => (
          <li key={key.id}>
            <span className="key-kind">{t(key.kind === 'secret' ? 'keys.secret' : 'keys.publishable')}</span>
            <code className="key-text" data-testid={`revealed-${key.kind}`}>
              {key.key}
            </code>
            <CopyButton text={key.key} label={t('keys.copyKey', { name: key.name })} />
            <button type="button" className="link-button" onClick={() => forgetKey(key.id)}>
              {t('keys.hide')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}

function CreateKeyForm({ projectId }: { projectId: string }) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const [kind, setKind] = useState<ApiKeyKind>('publishable')
  const [name, setName] = useState('')
  const create = useMutation({
    mutationFn: () => api.keys.create.mutate({ projectId, kind, name: name.trim() || 'default' }),
    onSuccess: (created) => {
      revealKeys([created])
      setName('')
      return queryClient.invalidateQueries({ queryKey: ['keys', 'list', { projectId }] })
    },
  })
  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate()
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <label>
        {t('keys.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as ApiKeyKind)}>
          <option value="publishable">{t('keys.publishable')}</option>
          <option value="secret">{t('keys.secret')}</option>
        </select>
      </label>
      <label>
        {t('keys.name')}
        <input value={name} placeholder="default" maxLength={128} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('keys.create')}
      </button>
      {create.isError && (
        <p className="form-error" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
    </form>
  )
}

function KeyRow({ apiKey }: { apiKey: ApiKey }) {
  const { t, locale } = useI18n()
  const project = useProject()
  const queryClient = useQueryClient()
  const revoke = useMutation({
    mutationFn: () => api.keys.revoke.mutate({ projectId: apiKey.projectId, keyId: apiKey.id }),
    onSuccess: () => {
      forgetKey(apiKey.id)
      return queryClient.invalidateQueries({ queryKey: ['keys', 'list', { projectId: apiKey.projectId }] })
    },
  })
  const confirmRevoke = () => {
    if (window.confirm(t('keys.revokeConfirm', { prefix: apiKey.prefix }))) revoke.mutate()
  }
  return (
    <tr className={apiKey.revokedAt ? 'revoked' : undefined}>
      <td>{t(apiKey.kind === 'secret' ? 'keys.secret' : 'keys.publishable')}</td>
      <td>{apiKey.name}</td>
      <td>
        <code>{apiKey.prefix}…</code>
      </td>
      <td>{formatDateTime(apiKey.createdAt, project.timezone, locale)}</td>
      <td>{apiKey.lastUsedAt ? formatRelative(apiKey.lastUsedAt, Date.now(), locale) : t('keys.never')}</td>
      <td>
        {apiKey.revokedAt ? (
          t('keys.revoked')
        ) : (
          <button type="button" className="danger" onClick={confirmRevoke} disabled={revoke.isPending} aria-label={t('keys.revokeLabel', { prefix: apiKey.prefix })}>
            {t('keys.revoke')}
          </button>
        )}
        {revoke.isError && <span role="alert"> {errorMessage(revoke.error)}</span>}
      </td>
    </tr>
  )
}

/** The key list as CSV: names, prefixes and dates only — a key itself is never kept after it was shown. */
function keysCsv(keys: ApiKey[]): string {
  return toCsv(
    ['id', 'kind', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'revokedAt'],
    keys.map((key) => [key.id, key.kind, key.name, key.prefix, key.createdAt, key.lastUsedAt, key.revokedAt]),
  )
}

/** The project's API keys: create (shown once), list, revoke. */
export function KeysPanel() {
  const { t } = useI18n()
  const project = useProject()
  const keys = useQuery(queries.keys(project.id))
  return (
    <section aria-labelledby="keys-title" className="panel">
      <div className="page-head">
        <h2 id="keys-title">{t('keys.title')}</h2>
        {keys.data && keys.data.length > 0 && (
          <button type="button" className="copy" onClick={() => downloadCsv('api-keys.csv', keysCsv(keys.data))}>
            {t('table.exportCsv')}
          </button>
        )}
      </div>
      <p>{t('keys.lead')}</p>
      <RevealedKeys projectId={project.id} />
      <CreateKeyForm projectId={project.id} />
      {keys.isPending ? (
        <Loading />
      ) : keys.isError ? (
        <ErrorState error={keys.error} onRetry={() => keys.refetch()} />
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('keys.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('keys.kind')}</th>
                <th scope="col">{t('keys.name')}</th>
                <th scope="col">{t('keys.prefix')}</th>
                <th scope="col">{t('keys.created')}</th>
                <th scope="col">{t('keys.lastUsed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('keys.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <KeyRow key={key.id} apiKey={key} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
