import { redirect } from '@sveltejs/kit';
import { db } from '#lib/server/db/index.ts';
import { invalidateSession } from '#lib/server/auth/session.ts';
import { deleteSessionCookie } from '#lib/server/auth/cookie.ts';
import { recordAudit } from '#lib/server/audit.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async (event) => {
		const { locals } = event;
		const who = locals.user ?? locals.pendingUser;
		if (locals.session && who) {
			await invalidateSession(db, locals.session.id);
			await recordAudit(db, {
				orgId: who.orgId,
				actorId: who.id,
				action: 'auth.sign_out',
				ip: event.getClientAddress()
			});
		}
		deleteSessionCookie(event);
		redirect(303, '/login');
	}
};
