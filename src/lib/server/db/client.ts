import { createClient, type Client, type Transaction } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema.ts';

export const DEFAULT_BUSY_TIMEOUT_MS = 3000;

/** Thrown instead of the raw libSQL error when another process held the write lock too long. */
export class DatabaseBusyError extends Error {
	constructor(cause: unknown) {
		super('database is busy (SQLITE_BUSY); the connection was re-created', { cause });
		this.name = 'DatabaseBusyError';
	}
}

export function isBusyError(e: unknown): boolean {
	const err = e as { code?: string; rawCode?: number; message?: string; cause?: unknown } | null;
	if (!err) return false;
	if (err.code === 'SQLITE_BUSY' || err.code === 'SQLITE_LOCKED') return true;
	if (err.rawCode === 5 || err.rawCode === 6) return true;
	if (typeof err.message === 'string' && /SQLITE_BUSY|database is locked/i.test(err.message)) return true;
	return err.cause !== undefined && err.cause !== e && isBusyError(err.cause);
}

type Options = { timeoutMs?: number; onReset?: (reason: unknown) => void };

/**
 * A libSQL client that never keeps using a connection after SQLITE_BUSY.
 *
 * @libsql/client leaves a `file:` connection in a state where later writes resolve but are never
 * persisted once one statement failed with SQLITE_BUSY (libsql-client-ts #352). Every call goes
 * to the current connection; on BUSY the connection is closed and replaced before the error is
 * passed on, so the failing request fails visibly and nothing later is silently lost.
 */
export function createResilientClient(url: string, opts: Options = {}): Client {
	const timeout = opts.timeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
	const open = () => createClient({ url, timeout });
	let current = open();

	function reset(reason: unknown) {
		const old = current;
		current = open();
		opts.onReset?.(reason);
		try {
			old.close();
		} catch {
			// the old connection may already be unusable; it is being discarded anyway
		}
	}

	function guard<T>(p: Promise<T>): Promise<T> {
		return p.catch((e: unknown) => {
			if (isBusyError(e)) {
				reset(e);
				throw new DatabaseBusyError(e);
			}
			throw e;
		});
	}

	function wrapTransaction(tx: Transaction): Transaction {
		return new Proxy(tx, {
			get(target, prop, receiver) {
				const value = Reflect.get(target, prop, receiver);
				if (typeof value !== 'function') return value;
				return (...args: unknown[]) => {
					const out = value.apply(target, args);
					return out instanceof Promise ? guard(out) : out;
				};
			}
		});
	}

	return new Proxy({} as Client, {
		get(_target, prop) {
			const value = Reflect.get(current, prop, current);
			if (typeof value !== 'function') return value;
			return (...args: unknown[]) => {
				const out = value.apply(current, args);
				if (!(out instanceof Promise)) return out;
				const guarded = guard(out);
				return prop === 'transaction' ? guarded.then((tx) => wrapTransaction(tx as Transaction)) : guarded;
			};
		}
	});
}

export function createDb(url: string, opts: Options = {}) {
	const client = url.startsWith('file:') ? createResilientClient(url, opts) : createClient({ url });
	return drizzle(client, { schema });
}

export type Db = ReturnType<typeof createDb>;

/** WAL for concurrent readers; synchronous=FULL so an acknowledged commit survives power loss. */
export async function tuneDb(db: Db) {
	if (!isFileDb(db)) return;
	await db.$client.execute('PRAGMA journal_mode = WAL');
	await db.$client.execute('PRAGMA synchronous = FULL');
	await db.$client.execute('PRAGMA foreign_keys = ON');
}

function isFileDb(db: Db) {
	return db.$client.protocol === 'file';
}

export async function migrateDb(db: Db, migrationsFolder = 'drizzle') {
	await migrate(db, { migrationsFolder });
}

/** Tunes and migrates; a failed migration throws with a clear message naming the folder. */
export async function prepareDatabase(db: Db, migrationsFolder = 'drizzle') {
	await tuneDb(db);
	try {
		await migrateDb(db, migrationsFolder);
	} catch (e) {
		throw new Error(
			`データベースの移行（マイグレーション）に失敗しました（${migrationsFolder}）。` +
				`database migration failed: ${(e as Error).message}`,
			{ cause: e }
		);
	}
	return db;
}

export async function openDatabase(url: string, migrationsFolder = 'drizzle', opts: Options = {}) {
	return prepareDatabase(createDb(url, opts), migrationsFolder);
}
