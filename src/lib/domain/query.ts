/**
 * A query parameter given exactly once as a plain whole number, else null: absent, repeated
 * (`?s=1&s=2`) or not a number (`?s=1abc`, `?s=１`) is ignored rather than guessed at.
 */
export function singleWholeNumber(values: string[], maxDigits = 6): number | null {
	if (values.length !== 1 || !new RegExp(`^\\d{1,${maxDigits}}$`).test(values[0])) return null;
	return Number(values[0]);
}
