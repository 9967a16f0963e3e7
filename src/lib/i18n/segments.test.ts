import { describe, expect, it } from 'vitest';
import { segments } from './segments.ts';

describe('segments', () => {
	it('cuts a sentence around its data', () => {
		const render = (p: { name: string; no: string }) => `Signed in as ${p.name} (${p.no})`;
		expect(segments(render, { name: '小野 美咲', no: '000004' }, ['name'])).toEqual([
			{ text: 'Signed in as ', data: false },
			{ text: '小野 美咲', data: true },
			{ text: ' (000004)', data: false }
		]);
	});
	it('keeps the order of the language, whatever it is', () => {
		const render = (p: { name: string; unit: string }) => `${p.unit}の${p.name}さん`;
		expect(segments(render, { name: '小野', unit: '市民課' }, ['name', 'unit']).map((s) => s.data)).toEqual([
			true,
			false,
			true,
			false
		]);
	});
});
