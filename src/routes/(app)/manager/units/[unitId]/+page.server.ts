import { toJstDate } from '$lib/domain/japanese-date';
import { db } from '$lib/server/db';
import { requireUser, requireVisibleUnit } from '$lib/server/guards';
import { listUnitStaff } from '$lib/server/people';
import { listAssignmentStatuses } from '$lib/server/assignments';
import { moduleVersions } from '$lib/server/assignment-runner';
import { getModule } from '$lib/server/content/catalog';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const user = requireUser();
	const unit = await requireVisibleUnit(user, params.unitId);
	const today = toJstDate(new Date());
	const staff = await listUnitStaff(db, unit.orgId, unit.path, today);
	const statuses = await listAssignmentStatuses(db, staff.map((s) => s.id), today, moduleVersions());
	const progress = staff
		.map((s) => {
			const items = (statuses.get(s.id) ?? []).map((a) => ({ ...a, title: getModule(a.moduleSlug)?.title ?? a.moduleSlug }));
			return { ...s, items, overdue: items.filter((i) => i.status === 'overdue').length, open: items.filter((i) => i.status !== 'passed' && i.status !== 'exempt').length };
		})
		// who is behind comes first
		.sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.kana.localeCompare(b.kana, 'ja'));
	return { unit: { id: unit.id, name: unit.name }, staff, progress };
};
