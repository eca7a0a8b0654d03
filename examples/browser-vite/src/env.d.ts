/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The project's publishable key (`rk_pub_…`). */
  readonly VITE_RAPPORT_KEY?: string
  /** Where the Rapport server is. @default 'http://localhost:3000' */
  readonly VITE_RAPPORT_HOST?: string
}
