import type { CodeLanguage } from '../../code/language.js';

/** A fix written per language where the idiom differs, with a default for the rest. */
export type LanguageFix = { default: string } & Partial<Record<CodeLanguage, string>>;

/** The fix for `language`, falling back to the JavaScript text for TypeScript and to the default otherwise. */
export function fixFor(fix: LanguageFix, language: CodeLanguage | null): string {
  if (!language) return fix.default;
  if (language === 'typescript') return fix.typescript ?? fix.javascript ?? fix.default;
  if (language === 'kotlin') return fix.kotlin ?? fix.java ?? fix.default;
  return fix[language] ?? fix.default;
}
