import type { Db } from './client.ts';

/**
 * A value built once per database handle: for the hottest queries, a drizzle prepared statement
 * (its SQL text is built once instead of on every request; tests open their own databases, so
 * the cache is keyed by handle). Measured in `npm run bench` (#7).
 */
export function perDb<T>(build: (db: Db) => T): (db: Db) => T {
	const built = new WeakMap<Db, T>();
	return (db) => {
		let value = built.get(db);
		if (value === undefined) {
			value = build(db);
			built.set(db, value);
		}
		return value;
	};
}
