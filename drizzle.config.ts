import { defineConfig } from 'drizzle-kit';

// `generate` works offline from the schema; the URL is only used by push/migrate/studio.
export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	dialect: 'sqlite',
	dbCredentials: { url: process.env.DATABASE_URL ?? 'file:local.db' },
	verbose: true,
	strict: true
});
