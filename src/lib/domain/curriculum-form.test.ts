import { describe, expect, it } from 'vitest';

import {
	describeCriteria,
	describeDue,
	draftOf,
	draftFromFields,
	splitTags,
	validateDraft
} from './curriculum-form.ts';
import { choices, fields } from './curriculum-form-fixtures.ts';

describe('curriculum form', () => {
	it('reads a complete form into criteria and items', () => {
		const f = fields([
			['name', ' 管理職研修 '],
			['active', 'on'],
			['jobGrades', '課長'],
			['tags', '個人情報取扱者、 窓口,窓口'],
			['unitIds', 'u2'],
			['employmentTypes', 'regular'],
			['hiredWithinDays', '３０'],
			['include:security-policy', 'on'],
			['mandatory:security-policy', 'yes'],
			['dueKind:security-policy', 'after_hire'],
			['dueDays:security-policy', '30'],
			['recurrence:security-policy', 'once'],
			['include:onboarding', 'on'],
			['mandatory:onboarding', 'no'],
			['dueKind:onboarding', 'fixed'],
			['dueDate:onboarding', '2027-03-01'],
			['recurrence:onboarding', 'on_new_version']
		]);
		const r = validateDraft(draftFromFields(f, choices), choices);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value).toEqual({
			name: '管理職研修',
			active: true,
			criteria: {
				jobGrades: ['課長'],
				tagsAny: ['個人情報取扱者', '窓口'],
				unitIds: ['u2'],
				employmentTypes: ['regular'],
				hiredWithinDays: 30
			},
			items: [
				{ moduleSlug: 'security-policy', mandatory: true, due: { kind: 'after_hire', days: 30 }, recurrence: 'once' },
				{
					moduleSlug: 'onboarding',
					mandatory: false,
					due: { kind: 'fixed', date: '2027-03-01' },
					recurrence: 'on_new_version'
				}
			]
		});
	});

	it('no criteria means every member of staff; an unticked module is not included', () => {
		const r = validateDraft(
			draftFromFields(
				fields([
					['name', '全職員'],
					['include:onboarding', 'on'],
					['mandatory:security-policy', 'yes']
				]),
				choices
			),
			choices
		);
		expect(r.ok && r.value.criteria).toEqual({});
		expect(r.ok && r.value.items.map((i) => i.moduleSlug)).toEqual(['onboarding']);
		expect(r.ok && r.value.active).toBe(false);
	});

	it('names each wrong field and keeps the draft as typed', () => {
		const f = fields([
			['name', ''],
			['jobGrades', '社長'],
			['unitIds', 'other-org-unit'],
			['hiredWithinDays', '-5'],
			['tags', 'a'.repeat(31)],
			['include:security-policy', 'on'],
			['dueKind:security-policy', 'fixed'],
			['dueDate:security-policy', '2027-02-30'],
			['include:onboarding', 'on'],
			['dueKind:onboarding', 'after_transfer'],
			['dueDays:onboarding', '0']
		]);
		const r = validateDraft(draftFromFields(f, choices), choices);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.fieldErrors).toEqual({
			name: '名前を入力してください。',
			jobGrades: expect.stringContaining('職階'),
			unitIds: expect.stringContaining('所属'),
			hiredWithinDays: '採用後の日数は1〜3650の整数で入力してください。',
			tags: 'タグは1つ30文字以内で入力してください。',
			'dueDate:security-policy': '期限の日付を正しく入力してください。',
			'dueDays:onboarding': '日数は1〜730の整数で入力してください。'
		});
		expect(r.draft.items.map((i) => [i.dueDate, i.dueDays])).toEqual([
			['2027-02-30', ''],
			['', '0']
		]);
		expect(r.draft.hiredWithinDays).toBe('-5');
	});

	it('refuses a curriculum without modules and names that are too long or contain control characters', () => {
		const r1 = validateDraft(draftFromFields(fields([['name', 'x']]), choices), choices);
		expect(!r1.ok && r1.fieldErrors.items).toBe('研修を1つ以上選んでください。');
		const r2 = validateDraft(
			draftFromFields(
				fields([
					['name', 'x'.repeat(101)],
					['include:onboarding', 'on']
				]),
				choices
			),
			choices
		);
		expect(!r2.ok && r2.fieldErrors.name).toContain('100文字');
		const r3 = validateDraft(
			draftFromFields(
				fields([
					['name', 'a\u0007b'],
					['include:onboarding', 'on']
				]),
				choices
			),
			choices
		);
		expect(!r3.ok && r3.fieldErrors.name).toContain('制御文字');
	});

	it('refuses a fixed due date in the past, which would make everyone overdue at once', () => {
		const f = fields([
			['name', 'x'],
			['include:onboarding', 'on'],
			['dueKind:onboarding', 'fixed'],
			['dueDate:onboarding', '2026-11-22']
		]);
		const r = validateDraft(draftFromFields(f, choices), choices, '2026-11-23');
		expect(!r.ok && r.fieldErrors['dueDate:onboarding']).toContain('今日以降');
		const ok = fields([
			['name', 'x'],
			['include:onboarding', 'on'],
			['dueKind:onboarding', 'fixed'],
			['dueDate:onboarding', '2026-11-23']
		]);
		expect(validateDraft(draftFromFields(ok, choices), choices, '2026-11-23').ok).toBe(true);
	});

	it('falls back to safe kinds when a select was tampered with', () => {
		const d = draftFromFields(
			fields([
				['name', 'x'],
				['include:onboarding', 'on'],
				['dueKind:onboarding', 'drop table'],
				['recurrence:onboarding', 'weekly']
			]),
			choices
		);
		expect(d.items[0]).toMatchObject({ dueKind: 'fiscal_year_end', recurrence: 'every_fiscal_year' });
	});

	it('round-trips a stored curriculum through the form', () => {
		const stored = {
			name: '初任者',
			active: true,
			criteria: { tagsAny: ['初任者'], hiredWithinDays: 90 },
			unitIds: ['u1'],
			items: [
				{
					moduleSlug: 'onboarding',
					mandatory: true,
					due: { kind: 'after_hire' as const, days: 30 },
					recurrence: 'once' as const
				}
			]
		};
		const d = draftOf(stored);
		const entries: [string, string][] = [
			['name', d.name],
			['active', 'on'],
			['tags', d.tags],
			['hiredWithinDays', d.hiredWithinDays],
			...d.unitIds.map((u) => ['unitIds', u] as [string, string])
		];
		for (const i of d.items)
			entries.push(
				[`include:${i.moduleSlug}`, 'on'],
				[`mandatory:${i.moduleSlug}`, 'yes'],
				[`dueKind:${i.moduleSlug}`, i.dueKind],
				[`dueDays:${i.moduleSlug}`, i.dueDays],
				[`recurrence:${i.moduleSlug}`, i.recurrence]
			);
		const r = validateDraft(draftFromFields(fields(entries), choices), choices);
		expect(r.ok && r.value).toEqual({
			name: '初任者',
			active: true,
			criteria: { tagsAny: ['初任者'], unitIds: ['u1'], hiredWithinDays: 90 },
			items: stored.items
		});
	});

	it('describes criteria and due rules in words', () => {
		expect(describeCriteria({}, (c) => c)).toBe('全職員');
		expect(
			describeCriteria({ jobGrades: ['部長', '課長'], hiredWithinDays: 30, unitNames: ['市民課'] }, (c) => c)
		).toBe('所属: 市民課 ／ 職階: 部長・課長 ／ 採用後30日以内');
		expect(describeDue({ kind: 'after_transfer', days: 14 })).toBe('着任日から14日後');
		expect(describeDue({ kind: 'fixed', date: '2027-03-01' })).toBe('令和9年3月1日');
		expect(splitTags(' a、b，c  a ')).toEqual(['a', 'b', 'c']);
	});
});
