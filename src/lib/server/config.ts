import { env } from '$env/dynamic/private';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../domain/session-policy';

const minutes = (v: string | undefined, fallback: number) => (Number(v) > 0 ? Number(v) * 60_000 : fallback);

export const sessionPolicy: SessionPolicy = {
	idleMs: minutes(env.SESSION_IDLE_MINUTES, DEFAULT_SESSION_POLICY.idleMs),
	absoluteMs: minutes(env.SESSION_ABSOLUTE_MINUTES, DEFAULT_SESSION_POLICY.absoluteMs),
	touchEveryMs: DEFAULT_SESSION_POLICY.touchEveryMs
};

/** The organisation code this installation serves (optional when there is only one). */
export const homeOrgCode = env.MANABI_ORG || undefined;
