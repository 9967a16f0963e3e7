import type { AuthUser } from '$lib/server/auth/session';

declare global {
	namespace App {
		interface Locals {
			user: AuthUser | null;
			session: { id: string; expiresAt: Date } | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
