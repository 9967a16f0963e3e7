/** Sign-in throttling: too many recent failures for a key (account or address) block it. */

export type ThrottleRule = { limit: number; windowMs: number };

export const ACCOUNT_RULE: ThrottleRule = { limit: 5, windowMs: 15 * 60 * 1000 };
// generous per address: a whole office may reach the server through one NAT address
export const ADDRESS_RULE: ThrottleRule = { limit: 100, windowMs: 15 * 60 * 1000 };

export type ThrottleVerdict = { blocked: false } | { blocked: true; retryAfterMs: number };

/** `failures` are the times of failures for one key, any order, possibly older than the window. */
export function judgeThrottle(failures: Date[], now: Date, rule: ThrottleRule): ThrottleVerdict {
	const since = now.getTime() - rule.windowMs;
	const recent = failures
		.map((d) => d.getTime())
		.filter((t) => t > since)
		.sort((a, b) => a - b);
	if (recent.length < rule.limit) return { blocked: false };
	// blocked until enough of the failures have aged out of the window
	const freeAt = recent[recent.length - rule.limit] + rule.windowMs;
	return { blocked: true, retryAfterMs: Math.max(0, freeAt - now.getTime()) };
}

export function retryMinutes(ms: number): number {
	return Math.max(1, Math.ceil(ms / 60_000));
}
