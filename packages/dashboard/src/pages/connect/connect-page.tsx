import { useRevealedKeys } from '../../api/revealed-keys'
import { CodeBlock } from '../../components/copy-button'
import { useI18n } from '../../i18n/i18n'
import { useProject } from '../../layout/project-context'
import { FirstEventIndicator } from './first-event'
import { KeysPanel } from './keys-panel'
import { curlSnippet, sdkSnippet } from './snippets'

/** Everything needed to start sending events: keys, the SDK snippet, curl, and a live "received". */
export function ConnectPage() {
  const { t } = useI18n()
  const project = useProject()
  const revealed = useRevealedKeys(project.id)
  const publishable = revealed.find((key) => key.kind === 'publishable')?.key ?? 'rk_pub_…'
  const anyKey = revealed.find((key) => key.kind === 'secret')?.key ?? publishable
  const host = window.location.origin
  return (
    <div className="page">
      <h1>{t('connect.title')}</h1>
      <p className="lead">{t('connect.lead', { project: project.name })}</p>
      <FirstEventIndicator projectId={project.id} />
      <KeysPanel />
      <section aria-labelledby="sdk-title" className="panel">
        <h2 id="sdk-title">{t('connect.sdkTitle')}</h2>
        <p>{t('connect.sdkLead')}</p>
        <CodeBlock label={t('connect.install')} code="npm install @rapport/sdk" />
        <CodeBlock label={t('connect.sdkCode')} code={sdkSnippet(publishable, host, project.currency)} />
      </section>
      <section aria-labelledby="curl-title" className="panel">
        <h2 id="curl-title">{t('connect.curlTitle')}</h2>
        <p>
          {t('connect.curlLead')} <a href="/v1/openapi.json">{t('connect.openapi')}</a>
        </p>
        <CodeBlock label="curl" code={curlSnippet(anyKey, host)} />
      </section>
    </div>
  )
}
