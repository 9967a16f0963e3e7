import { env } from '$env/dynamic/private';
import { createDb, DEFAULT_BUSY_TIMEOUT_MS, prepareDatabase, type Db } from './client';

export const databaseUrl = env.DATABASE_URL || 'file:manabi.db';
const timeoutMs = Number(env.DB_BUSY_TIMEOUT_MS) || DEFAULT_BUSY_TIMEOUT_MS;
const onReset = (reason: unknown) =>
	console.error('[db] SQLITE_BUSY: connection re-created:', (reason as Error)?.message);

/** The app's one database handle; `initDatabase` runs the migrations at server start. */
export const db: Db = createDb(databaseUrl, { timeoutMs, onReset });

export const initDatabase = () => prepareDatabase(db, env.MIGRATIONS_DIR || 'drizzle');
