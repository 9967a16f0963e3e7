import * as m from '../paraglide/messages.js';

/**
 * Words (in the reader's locale) for the errors SvelteKit raises by itself before any of our code
 * runs: a URL that does not decode, a method or content type a route does not take. Its own English
 * messages ("Malformed URI", "Unsupported Media Type") would otherwise reach the user.
 */
const MESSAGES: Record<number, () => string> = {
	400: m.error_bad_request,
	404: m.error_not_found,
	405: m.error_method_not_allowed,
	413: m.error_too_large,
	415: m.form_err_bad_form
};

/** In the reader's locale. */
export const serverErrorMessage = () => m.error_server();
/** @deprecated always Japanese: use `serverErrorMessage()`. */
export const SERVER_ERROR_MESSAGE = m.error_server({}, { locale: 'ja' });

export function frameworkErrorMessage(status: number): string {
	if (status >= 500) return serverErrorMessage();
	return (MESSAGES[status] ?? m.error_unknown)();
}
