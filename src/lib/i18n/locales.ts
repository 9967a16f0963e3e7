/**
 * The UI languages. Content modules (教材), names and CSV column names stay Japanese in both.
 * Each language is named in itself on the switch (an endonym is not translated).
 */
export const APP_LOCALES = ['ja', 'en'] as const;
export type AppLocale = (typeof APP_LOCALES)[number];

export const LOCALE_NAMES: Record<AppLocale, string> = { ja: '日本語', en: 'English' };

export const isAppLocale = (v: unknown): v is AppLocale =>
	typeof v === 'string' && (APP_LOCALES as readonly string[]).includes(v);

/** The language a switch offers from the current one (two locales: the other one). */
export const otherLocale = (current: AppLocale): AppLocale => (current === 'ja' ? 'en' : 'ja');

/**
 * Where to go back after switching: a path on this site only, never another origin
 * (`//evil`, `/\evil` and absolute URLs fall back to the home page).
 */
export function safeReturnPath(next: string | null | undefined): string {
	if (!next || next.length > 2000 || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\'))
		return '/';
	return /[\u0000-\u001f]/.test(next) ? '/' : next;
}
