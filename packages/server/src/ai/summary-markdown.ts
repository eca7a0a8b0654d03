import type { SummarySection } from '@rapport/shared'

/** Markdown control characters in data (product names) are escaped so a name cannot restyle or link the text. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1')
}

/** The summary as Markdown: the headline as a heading, a section per heading, bullets as a list. */
export function summaryMarkdown(headline: string, sections: readonly SummarySection[]): string {
  const parts = [`## ${escapeMarkdown(headline)}`]
  for (const section of sections) {
    parts.push(`### ${escapeMarkdown(section.title)}`, section.bullets.map((item) => `- ${escapeMarkdown(item.text)}`).join('\n'))
  }
  return `${parts.join('\n\n')}\n`
}
