import { describe, expect, it } from 'vitest';
import { planImport, type CurrentStaff, type IncomingStaff } from './staff-import.ts';

const person = (no: string, over: Partial<CurrentStaff> = {}): CurrentStaff => ({
	employeeNo: no,
	name: `職員${no}`,
	kana: 'ショクイン',
	jobGrade: '主事',
	employmentType: 'regular',
	hireDate: '2020-04-01',
	email: null,
	tags: ['窓口'],
	unitCode: '210',
	active: true,
	...over
});
const row = (no: string, over: Partial<IncomingStaff> = {}, n = 2): IncomingStaff => {
	const { active: _a, ...rest } = person(no);
	return { ...rest, row: n, effectiveDate: null, ...over };
};
const opts = { today: '2026-04-01', maxDeactivationShare: 0.1 };

describe('planImport', () => {
	it('finds new staff, changes, transfers with their effective date, and nothing else', () => {
		const current = [person('001'), person('002'), person('003')];
		const plan = planImport(
			current,
			[
				row('001'),
				row('002', { jobGrade: '主任', tags: ['窓口', 'DX推進員'] }, 3),
				row('003', { unitCode: '220', effectiveDate: '2026-04-01' }, 4),
				row('004', {}, 5)
			],
			opts
		);
		expect(plan.added.map((a) => a.employeeNo)).toEqual(['004']);
		expect(plan.changed).toEqual([
			{
				employeeNo: '002',
				row: 3,
				fields: [
					{ field: 'jobGrade', before: '主事', after: '主任' },
					{ field: 'tags', before: '窓口', after: 'DX推進員、窓口' }
				]
			}
		]);
		expect(plan.transfers).toEqual([
			{ employeeNo: '003', row: 4, from: '210', to: '220', effectiveDate: '2026-04-01' }
		]);
		expect(plan.unchanged).toBe(1);
		expect(plan.deactivated).toEqual([]);
		expect(plan.needsConfirmation).toBe(false);
	});

	it('treats tag order as no change and a transfer without a date as effective today', () => {
		const plan = planImport(
			[person('001', { tags: ['a', 'b'] })],
			[row('001', { tags: ['b', 'a'], unitCode: '220' })],
			{ ...opts, today: '2026-10-01' }
		);
		expect(plan.changed).toEqual([]);
		expect(plan.transfers[0].effectiveDate).toBe('2026-10-01');
	});

	it('lists staff missing from the file and asks for confirmation above the threshold', () => {
		const current = Array.from({ length: 10 }, (_, i) => person(String(i).padStart(3, '0')));
		const keepNine = current.slice(0, 9).map((c) => row(c.employeeNo));
		expect(planImport(current, keepNine, opts)).toMatchObject({ deactivationShare: 0.1, needsConfirmation: false });
		const keepEight = current.slice(0, 8).map((c) => row(c.employeeNo));
		const plan = planImport(current, keepEight, opts);
		expect(plan.deactivated.map((d) => d.employeeNo)).toEqual(['008', '009']);
		expect(plan.needsConfirmation).toBe(true);
	});

	it('does not count already inactive staff, and reactivates those who return', () => {
		const plan = planImport([person('001'), person('002', { active: false })], [row('001'), row('002')], opts);
		expect(plan.deactivated).toEqual([]);
		expect(plan.reactivated).toEqual(['002']);
	});

	it('never deactivates someone whose row was skipped for an error', () => {
		const plan = planImport([person('001'), person('002')], [row('001')], { ...opts, alsoInFile: ['001', '002'] });
		expect(plan.deactivated).toEqual([]);
	});

	it('an empty file would deactivate everyone and always needs confirmation', () => {
		const plan = planImport([person('001')], [], opts);
		expect(plan).toMatchObject({ deactivationShare: 1, needsConfirmation: true });
	});
});
