import { requireSection } from '#lib/server/guards.ts';
import { editorChoices, loadForEdit, saveFromForm } from '#lib/server/curriculum-editor.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireSection('hr');
	const [draft, choices] = await Promise.all([loadForEdit(user.orgId, params.curriculumId), editorChoices(user.orgId)]);
	return { draft, choices };
};

export const actions: Actions = {
	default: async (event) => saveFromForm(event, requireSection('hr'), event.params.curriculumId)
};
