import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password.ts';
import { generateInitialPassword, generateSessionToken, sessionIdFromToken } from './token.ts';

describe('session tokens', () => {
	it('are 32 base32 characters, unique, and stored only as a sha256 hex digest', () => {
		const a = generateSessionToken();
		const b = generateSessionToken();
		expect(a).toMatch(/^[a-z2-7]{32}$/);
		expect(a).not.toBe(b);
		expect(sessionIdFromToken(a)).toMatch(/^[0-9a-f]{64}$/);
		expect(sessionIdFromToken(a)).toBe(sessionIdFromToken(a));
		expect(sessionIdFromToken(a)).not.toContain(a);
	});

	it('hashes the known sha256 test vector', () => {
		expect(sessionIdFromToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});

	it('makes readable one-time passwords', () => {
		expect(generateInitialPassword()).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
	});
});

describe('password hashing', () => {
	it('uses argon2id and verifies only the right password', async () => {
		const h = await hashPassword('さくら並木の春2025');
		expect(h.startsWith('$argon2id$')).toBe(true);
		expect(await verifyPassword(h, 'さくら並木の春2025')).toBe(true);
		expect(await verifyPassword(h, 'さくら並木の春2026')).toBe(false);
		expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
	});
});
