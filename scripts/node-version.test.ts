import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MINIMUM_NODE, nodeVersionProblem } from './node-version.js';

describe('the Node.js version Manabi needs', () => {
	it('accepts 24 LTS from its minimum, and newer', () => {
		expect(nodeVersionProblem('24.11.0')).toBeNull();
		expect(nodeVersionProblem('24.21.0')).toBeNull();
		expect(nodeVersionProblem('26.1.0')).toBeNull();
	});

	it('refuses an older Node with what to do, in Japanese and English', () => {
		expect(nodeVersionProblem('20.20.2')).toMatch(
			/Node\.js 20\.20\.2 では動きません。Node\.js 24\.11 以上.*docs\/install\.md/s
		);
		expect(nodeVersionProblem('20.20.2')).toMatch(/is too old: Manabi needs Node\.js 24\.11 or newer/);
		expect(nodeVersionProblem('24.10.0')).not.toBeNull();
		expect(nodeVersionProblem('22.22.0')).not.toBeNull();
	});

	it('says what package.json engines says', () => {
		const { engines } = JSON.parse(readFileSync('package.json', 'utf8'));
		expect(engines.node).toBe(`>=${MINIMUM_NODE.major}.${MINIMUM_NODE.minor}`);
	});

	it('is the Node these tests run on (npm puts the pinned Node 24 first on PATH)', () => {
		expect(nodeVersionProblem()).toBeNull();
		expect(process.versions.node.split('.')[0]).toBe('24');
	});
});
