import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** 160 random bits, as in the Lucia guide. Only its sha256 is stored. */
export function generateSessionToken(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export function generateId(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));
}

const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A one-time initial password that is easy to read aloud or copy from paper (no 0/O, 1/l). */
export function generateInitialPassword(length = 12): string {
	// rejection sampling: 248 = 8 × 31, so bytes from 248 up are drawn again (no bias to the first letters)
	const chars: string[] = [];
	while (chars.length < length)
		for (const b of crypto.getRandomValues(new Uint8Array(length)))
			if (b < 248 && chars.length < length) chars.push(READABLE[b % READABLE.length]);
	return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}
