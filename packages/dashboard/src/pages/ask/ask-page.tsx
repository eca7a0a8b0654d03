import { useMutation } from '@tanstack/react-query'
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react'
import { api } from '../../api/client'
import type { AskResult } from '../../api/types'
import { ErrorState, Loading } from '../../components/states'
import { useI18n } from '../../i18n/i18n'
import { useProject } from '../../layout/project-context'
import { AnswerChart } from './answer-chart'
import { answerChartOf } from './answer-chart-data'
import { DataTable } from './data-table'

/** Longest question the server takes (MAX_QUESTION_LENGTH in @rapport/shared). */
const MAX_QUESTION = 1000
const EXAMPLES = ['ask.example1', 'ask.example2', 'ask.example3'] as const

function Answer({ result, onAsk }: { result: AskResult; onAsk: (question: string) => void }) {
  const { t } = useI18n()
  const heading = useRef<HTMLHeadingElement>(null)
  // A new answer takes the focus, so a screen reader reads it next.
  useEffect(() => heading.current?.focus(), [])
  const chart = useMemo(() => answerChartOf(result.toolCalls), [result.toolCalls])
  const chartData = chart && result.toolCalls.find((call) => call.tool === chart.tool)?.data
  const revenue = typeof chartData === 'object' && chartData !== null && 'metric' in chartData && chartData.metric === 'revenue'
  return (
    <section className="panel" aria-labelledby="answer-title" data-testid="answer">
      <h2 id="answer-title" ref={heading} tabIndex={-1}>
        {t('ask.answer')}
      </h2>
      <p className="answer-text">{result.answer}</p>
      <p className="sub" data-testid="engine">
        {t(result.engine === 'openai' ? 'ask.engine.openai' : 'ask.engine.deterministic')}
      </p>
      {result.insufficientData && <p className="notice">{t('ask.insufficient')}</p>}
      {result.followUp && (
        <p>
          {t('ask.followUp')}{' '}
          <button type="button" className="link-button" onClick={() => result.followUp && onAsk(result.followUp)}>
            {result.followUp}
          </button>
        </p>
      )}
      {chart && <AnswerChart chart={chart.chart} tool={chart.tool} money={revenue} />}
      <h3>{t('ask.data')}</h3>
      {result.toolCalls.length === 0 ? (
        <p className="sub">{t('ask.noData')}</p>
      ) : (
        result.toolCalls.map((call, index) => (
          // The same tool may be called twice with other arguments; the order is the answer's.
          // biome-ignore lint/suspicious/noArrayIndexKey: static data
          <details key={index} className="tool-call" open={index === 0}>
            <summary>
              <code>{call.tool}</code> <span className="sub">{JSON.stringify(call.input)}</span>
            </summary>
            <DataTable data={call.data} label={t('ask.dataOf', { tool: call.tool })} filename={`ask-${call.tool}`} />
          </details>
        ))
      )}
      {result.notes.length > 0 && (
        <ul className="notes" aria-label={t('reports.notes')}>
          {result.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** A question box over `insights.ask`: the answer, who wrote it, the data it used and a question to ask next. */
export function AskPage() {
  const { t, locale } = useI18n()
  const project = useProject()
  const [question, setQuestion] = useState('')
  const [asked, setAsked] = useState(0)
  const inputId = useId()
  const ask = useMutation({ mutationFn: (text: string) => api.insights.ask.mutate({ projectId: project.id, question: text, locale }) })
  const submit = (text: string) => {
    const trimmed = text.trim()
    if (!trimmed) return
    setQuestion(trimmed)
    setAsked((n) => n + 1)
    ask.mutate(trimmed)
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    submit(question)
  }
  return (
    <div className="page narrow-wide">
      <h1>{t('nav.ask')}</h1>
      <p className="lead">{t('ask.lead')}</p>
      <form className="ask-form" onSubmit={onSubmit}>
        <label htmlFor={inputId}>{t('ask.question')}</label>
        <textarea id={inputId} value={question} maxLength={MAX_QUESTION} rows={3} placeholder={t('ask.placeholder')} onChange={(e) => setQuestion(e.target.value)} onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault()
            submit(question)
          }
        }} />
        <div className="toolbar">
          <button type="submit" disabled={ask.isPending || !question.trim()}>
            {ask.isPending ? t('ask.asking') : t('ask.submit')}
          </button>
          <span className="sub">{t('ask.try')}</span>
          {EXAMPLES.map((key) => (
            <button key={key} type="button" className="link-button" onClick={() => submit(t(key))}>
              {t(key)}
            </button>
          ))}
        </div>
      </form>
      {ask.isPending ? (
        <Loading label={t('ask.asking')} />
      ) : ask.isError ? (
        <ErrorState error={ask.error} onRetry={() => submit(question)} />
      ) : ask.data ? (
        <Answer key={asked} result={ask.data} onAsk={submit} />
      ) : (
        <p className="sub">{t('ask.empty')}</p>
      )}
    </div>
  )
}
