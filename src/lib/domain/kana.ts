/** フリガナ helpers: normalise input, check it, and sort people in 五十音順. */

const HIRAGANA = /[\u3041-\u3096]/g;

/** NFKC (half-width ｶﾅ → カナ, full-width spaces → spaces), hiragana → katakana, one space. */
export function normaliseKana(input: string): string {
	return input
		.normalize('NFKC')
		.replace(HIRAGANA, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))
		.replace(/\s+/g, ' ')
		.trim();
}

/** Katakana (with ー・ and spaces) only, after normalisation. */
export function isKatakanaName(input: string): boolean {
	const s = normaliseKana(input);
	return s.length > 0 && /^[\u30A1-\u30FAー・ ]+$/.test(s);
}

const collator = new Intl.Collator('ja', { sensitivity: 'base' });

/** 五十音順 by フリガナ, then by the name itself so the order is stable. */
export function compareByKana(a: { kana: string; name?: string }, b: { kana: string; name?: string }): number {
	return (
		collator.compare(normaliseKana(a.kana), normaliseKana(b.kana)) || (a.name ?? '').localeCompare(b.name ?? '', 'ja')
	);
}
