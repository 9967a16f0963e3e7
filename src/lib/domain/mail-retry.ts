/** When a failed e-mail is tried again (pure): growing pauses, then it is given up and shown to the admin. */
export const RETRY_MINUTES = [1, 5, 15, 60, 180, 720] as const;
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;

/** After `attempts` failed tries: the next try, or null when it is given up. */
export function nextAttempt(attempts: number, now: Date): Date | null {
	if (attempts >= MAX_ATTEMPTS) return null;
	return new Date(now.getTime() + RETRY_MINUTES[attempts - 1] * 60_000);
}
