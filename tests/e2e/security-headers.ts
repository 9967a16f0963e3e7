/**
 * What every HTML page must send: a Content-Security-Policy that allows nothing but the app's
 * own origin (and inline data it needs), no framing, nosniff, a strict referrer policy.
 */
const REQUIRED: Record<string, string> = {
	'default-src': "'self'",
	'frame-ancestors': "'none'",
	'object-src': "'none'",
	'base-uri': "'self'",
	'form-action': "'self'"
};
/** Sources beyond 'self' that some directives need; none names another host. */
const ALSO_ALLOWED: Record<string, string[]> = { 'style-src': ["'unsafe-inline'"], 'img-src': ['data:'] };
const NONCE_OR_HASH = /^'(nonce-[A-Za-z0-9+/=_-]+|sha(256|384|512)-[A-Za-z0-9+/=]+)'$/;

export function cspProblems(csp: string | undefined): string[] {
	if (!csp) return ['no Content-Security-Policy'];
	const directives = new Map(
		csp
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...sources]) => [name.toLowerCase(), sources])
	);
	const problems = Object.entries(REQUIRED)
		.filter(([name, source]) => directives.get(name)?.join(' ') !== source)
		.map(([name, source]) => `${name} is not ${source}`);
	for (const [name, sources] of directives)
		for (const s of sources)
			if (
				!["'self'", "'none'", ...(ALSO_ALLOWED[name] ?? [])].includes(s) &&
				!(name === 'script-src' && NONCE_OR_HASH.test(s))
			)
				problems.push(`${name} allows ${s}`);
	return problems;
}

export function headerProblems(headers: Record<string, string>, signedIn: boolean): string[] {
	const problems = cspProblems(headers['content-security-policy']);
	if (headers['x-content-type-options'] !== 'nosniff')
		problems.push(`X-Content-Type-Options: ${headers['x-content-type-options']}`);
	if (!['same-origin', 'no-referrer'].includes(headers['referrer-policy']))
		problems.push(`Referrer-Policy: ${headers['referrer-policy']}`);
	if (headers['x-frame-options'] !== 'DENY') problems.push(`X-Frame-Options: ${headers['x-frame-options']}`);
	// a page with someone's data must not stay in a shared browser's cache
	if (signedIn && !/no-store/.test(headers['cache-control'] ?? ''))
		problems.push(`Cache-Control: ${headers['cache-control']}`);
	return problems;
}
