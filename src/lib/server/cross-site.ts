import * as m from '../paraglide/messages.js';

/**
 * Writes must come from the app's own pages. SvelteKit refuses a cross-site POST only for the
 * three content types an HTML form can send; this refuses every write of any content type
 * (JSON included) whose Origin is not the app's own. Browsers send Origin with every POST, so
 * a missing one is refused as well.
 */
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** In the reader's locale. */
export const crossSiteMessage = () => m.error_cross_site();

export function isCrossSiteWrite(method: string, origin: string | null, appOrigin: string): boolean {
	return WRITES.has(method.toUpperCase()) && origin !== appOrigin;
}
