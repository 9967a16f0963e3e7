import { requireSection } from '#lib/server/guards.ts';
import { editorChoices, saveFromForm } from '#lib/server/curriculum-editor.ts';
import type { CurriculumDraft } from '#lib/domain/curriculum-form.ts';
import type { Actions, PageServerLoad } from './$types';

const EMPTY: CurriculumDraft = {
	name: '',
	active: true,
	jobGrades: [],
	tags: '',
	unitIds: [],
	employmentTypes: [],
	hiredWithinDays: '',
	items: []
};

export const load: PageServerLoad = async () => {
	const user = requireSection('hr');
	return { draft: EMPTY, choices: await editorChoices(user.orgId) };
};

export const actions: Actions = {
	default: async (event) => saveFromForm(event, requireSection('hr'), null)
};
