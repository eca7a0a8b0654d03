import { createContext, type ReactNode, useContext, useMemo, useState } from 'react'
import { en, type MessageKey } from './en'
import { ru } from './ru'

export type Locale = 'en' | 'ru'
export const LOCALES: Record<Locale, string> = { en: 'English', ru: 'Русский' }
const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { en, ru }
const STORAGE_KEY = 'rapport.locale'

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string

interface I18n {
  locale: Locale
  setLocale(locale: Locale): void
  t: Translate
}

function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY)
    if (stored === 'en' || stored === 'ru') return stored
  } catch {
    // Storage can be blocked; the browser's language decides then.
  }
  return navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en'
}

/** `{name}` placeholders are replaced by `values.name`. */
export function translate(locale: Locale, key: MessageKey, values?: Record<string, string | number>): string {
  const text = DICTIONARIES[locale][key]
  if (!values) return text
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match))
}

const I18nContext = createContext<I18n | null>(null)

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale)
  const value = useMemo<I18n>(() => {
    document.documentElement.lang = locale
    return {
      locale,
      setLocale(next) {
        try {
          window.localStorage.setItem(STORAGE_KEY, next)
        } catch {
          // Not remembered across reloads, still switched.
        }
        setLocaleState(next)
      },
      t: (key, values) => translate(locale, key, values),
    }
  }, [locale])
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('useI18n outside I18nProvider')
  return i18n
}
