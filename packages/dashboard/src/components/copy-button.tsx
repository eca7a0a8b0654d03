import { useEffect, useState } from 'react'
import { useI18n } from '../i18n/i18n'

/** Copies `text`; says so for a moment, to screen readers too. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const { t } = useI18n()
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(null), 2000)
    return () => clearTimeout(timer)
  }, [copied])
  const copy = () => {
    navigator.clipboard.writeText(text).then(
      () => setCopied('yes'),
      () => setCopied('failed'),
    )
  }
  return (
    <button type="button" className="copy" onClick={copy} aria-label={label ?? t('copy.copy')}>
      <span aria-live="polite">{copied === 'yes' ? t('copy.copied') : copied === 'failed' ? t('copy.failed') : t('copy.copy')}</span>
    </button>
  )
}

/** A block of code with a copy button. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <figure className="code">
      <figcaption>
        <span>{label}</span>
        <CopyButton text={code} label={label} />
      </figcaption>
      <pre>
        <code>{code}</code>
      </pre>
    </figure>
  )
}
