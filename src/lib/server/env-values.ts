/**
 * How the app reads its environment variables (src/env.ts declares them): an unset or empty
 * variable takes its default; a value that cannot be right stops the server at start with a
 * message naming the variable, instead of being silently replaced by the default.
 */

const invalid = (name: string, value: string, ja: string, en: string) =>
	new Error(`${name}=${JSON.stringify(value)} は使えません。${ja}を指定してください。 / ${name} must be ${en}.`);

const blank = (value: string | undefined): value is undefined => value === undefined || value.trim() === '';

/** A text setting; unset or empty gives the fallback (or undefined). */
export function text(fallback: string): (value: string | undefined) => string;
export function text(): (value: string | undefined) => string | undefined;
export function text(fallback?: string) {
	return (value: string | undefined) => (blank(value) ? fallback : value);
}

/** A whole number from `min` to `max`; unset or empty gives the fallback. */
export function wholeNumber(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) {
	return (value: string | undefined): number => {
		if (blank(value)) return fallback;
		const n = Number(value);
		if (!Number.isInteger(n) || n < min || n > max) {
			const unbounded = max === Number.MAX_SAFE_INTEGER;
			throw invalid(
				name,
				value,
				unbounded ? `${min} 以上の整数` : `${min}〜${max} の整数`,
				unbounded ? `a whole number from ${min}` : `a whole number from ${min} to ${max}`
			);
		}
		return n;
	};
}

/** An http(s) URL such as the app's public origin; unset or empty gives undefined. */
export function httpUrl(name: string) {
	return (value: string | undefined): string | undefined => {
		if (blank(value)) return undefined;
		const url = URL.parse(value);
		if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
			throw invalid(name, value, 'http:// か https:// で始まる URL', 'a URL starting with http:// or https://');
		}
		return value;
	};
}
