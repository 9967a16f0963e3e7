import { DATABASE_URL, DB_BUSY_TIMEOUT_MS, MIGRATIONS_DIR } from '$app/env/private';
import { createDb, DEFAULT_BUSY_TIMEOUT_MS, prepareDatabase, type Db } from './client.ts';

export const databaseUrl = DATABASE_URL;
const timeoutMs = DB_BUSY_TIMEOUT_MS || DEFAULT_BUSY_TIMEOUT_MS;
const onReset = (reason: unknown) =>
	console.error('[db] SQLITE_BUSY: connection re-created:', (reason as Error)?.message);

/** The app's one database handle; `initDatabase` runs the migrations at server start. */
export const db: Db = createDb(databaseUrl, { timeoutMs, onReset });

export const initDatabase = () => prepareDatabase(db, MIGRATIONS_DIR);
