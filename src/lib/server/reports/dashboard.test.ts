import { describe, expect, it } from 'vitest';
import { metricLabels, scopeLabel, scopeLabels } from './target-labels.ts';

const modules = [
	{ slug: 'security-policy', title: '情報セキュリティ', category: '情報セキュリティ', stems: new Map() }
];
const curricula = new Map([['c1', { name: '新任職員研修', slugs: ['security-policy'] }]]);

describe('target labels', () => {
	it('are Japanese by default and English for an English reader; names of data stay as they are', () => {
		expect(metricLabels().completion_rate).toBe('修了率（対象者のうち合格した割合）');
		expect(metricLabels('en').completion_rate).toBe('Completion rate (share of assigned staff who passed)');
		expect(scopeLabels('en').all).toBe('All training');
		expect(scopeLabel({ scopeKind: 'module', scopeValue: 'security-policy' }, modules, curricula)).toBe(
			'教材: 情報セキュリティ'
		);
		expect(scopeLabel({ scopeKind: 'module', scopeValue: 'security-policy' }, modules, curricula, 'en')).toBe(
			'Module: 情報セキュリティ'
		);
		expect(scopeLabel({ scopeKind: 'curriculum', scopeValue: 'gone' }, modules, curricula)).toBe(
			'研修計画: （削除された研修計画）'
		);
		expect(scopeLabel({ scopeKind: 'curriculum', scopeValue: 'gone' }, modules, curricula, 'en')).toBe(
			'Curriculum: (deleted curriculum)'
		);
	});
});
