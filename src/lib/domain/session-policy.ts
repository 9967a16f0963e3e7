/** Session lifetime rules: an absolute limit from sign-in and an idle limit from last use. */

export type SessionPolicy = { idleMs: number; absoluteMs: number; touchEveryMs: number };

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
	idleMs: 60 * 60 * 1000,
	absoluteMs: 12 * 60 * 60 * 1000,
	touchEveryMs: 60 * 1000
};

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; expiresAt: Date };

export type SessionVerdict = 'valid' | 'touch' | 'expired' | 'idle';

/** 'touch' means valid, and lastSeenAt is old enough to be worth writing again. */
export function judgeSession(s: SessionTimes, now: Date, policy: SessionPolicy): SessionVerdict {
	const t = now.getTime();
	if (t >= s.expiresAt.getTime()) return 'expired';
	if (t - s.lastSeenAt.getTime() >= policy.idleMs) return 'idle';
	return t - s.lastSeenAt.getTime() >= policy.touchEveryMs ? 'touch' : 'valid';
}

export function newSessionTimes(now: Date, policy: SessionPolicy): SessionTimes {
	return { createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + policy.absoluteMs) };
}
