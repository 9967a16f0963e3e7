import { fail } from '@sveltejs/kit';
import { hasRole } from '$lib/domain/access';
import { toJstDate } from '$lib/domain/japanese-date';
import { db } from '$lib/server/db';
import { requireSection, requireUser, requireVisiblePerson } from '$lib/server/guards';
import { getProfile } from '$lib/server/people';
import { issueInitialPassword } from '$lib/server/auth/sign-in';
import { failure } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const { person } = await requireVisiblePerson(user, params.personId);
	const profile = await getProfile(db, person.id, toJstDate(new Date()));
	return { profile: profile!, canManageAccount: hasRole(user, 'hr', 'admin') && person.id !== user.id };
};

export const actions: Actions = {
	issuePassword: async (event) => {
		const user = requireSection('hr');
		const { person } = await requireVisiblePerson(user, event.params.personId);
		if (person.id === user.id) return fail(400, failure('自分の初期パスワードは発行できません。パスワード変更を使ってください。'));
		const password = await issueInitialPassword(db, user, person.id, event.getClientAddress());
		return { issued: password };
	}
};
