import type { AuthUser } from '#lib/server/auth/session.ts';

declare global {
	namespace App {
		interface Locals {
			/** Null until sign-in is complete (password, and the second factor when one is registered). */
			user: AuthUser | null;
			session: { id: string; expiresAt: Date; twoFactorVerified: boolean } | null;
			/** A password-checked person who still has to enter a code from their authenticator app. */
			pendingUser: AuthUser | null;
			/** The person's role requires a second factor and none is registered yet. */
			mustEnrollTwoFactor: boolean;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
