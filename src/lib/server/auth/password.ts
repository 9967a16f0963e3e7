import { hash, verify } from '@node-rs/argon2';

// argon2id (the library default) with the OWASP minimum parameters
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password, OPTIONS);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/** Spend the same time as a real check when the account does not exist. */
export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword('dummy-password-for-timing');
	await verifyPassword(await dummyHash, password);
	return false;
}
