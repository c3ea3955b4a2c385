/** A part of a language's translation (build/translation-parts.ts): its top-level groups of sentences. */
declare module 'virtual:translations/*' {
  export const sentences: Record<string, unknown>;
}
