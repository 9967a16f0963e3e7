/** The id of a field's error message, for aria-describedby; undefined while the field has none. */
export const fieldErrorId = (errors: Record<string, string>, key: string) =>
	errors[key] ? `err-${key.replace(':', '-')}` : undefined;
