import { describe, expect, it } from 'vitest';
import { encodeNotice, renderNotice } from './notice-text.ts';

describe('notice texts', () => {
	it("name each module with its due date, in the reader's language", () => {
		const body = encodeNotice({ t: 'assigned', items: [{ title: '教材a', dueDate: '2027-03-31' }] });
		expect(renderNotice(body, 'ja')).toBe('新しい研修が割り当てられました: 教材a（期限 令和9年3月31日）');
		expect(renderNotice(body, 'en')).toContain('教材a (due 31 March 2027)');
		const esc = encodeNotice({
			t: 'escalation',
			staff: [{ name: '小野 美咲', employeeNo: '000004', items: [{ title: '教材a', dueDate: '2026-11-01' }] }]
		});
		expect(renderNotice(esc, 'ja')).toContain('小野 美咲（000004）: 教材a（期限 令和8年11月1日）');
	});
	it('the digest lists the ten largest 課 and counts the rest', () => {
		const units = Array.from({ length: 12 }, (_, i) => ({
			unitName: `課${String(i).padStart(2, '0')}`,
			people: i + 1
		}));
		const body = renderNotice(encodeNotice({ t: 'digest', week: '2026-11-23', units }), 'ja');
		expect(body).toContain('78人です。課11 12人、課10 11人');
		expect(body).toContain('ほか2課');
		expect(renderNotice(encodeNotice({ t: 'digest', week: '2026-11-23', units: [] }), 'ja')).toContain('いません');
	});
	it('a notice stored before this format is shown as it was written', () => {
		expect(renderNotice('期限を過ぎた研修があります: 教材a', 'en')).toBe('期限を過ぎた研修があります: 教材a');
	});
});
