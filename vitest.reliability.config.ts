import { defineConfig } from 'vitest/config';

/**
 * `npm run test:reliability`: the heavy reliability tests of issue #8 against the built server
 * (`node build`), one file at a time. Kept apart from the unit tests (vite.config.ts only
 * includes src/ and scripts/).
 */
export default defineConfig({
	test: {
		include: ['tests/reliability/**/*.test.ts'],
		globalSetup: ['tests/reliability/global-setup.ts'],
		environment: 'node',
		pool: 'forks',
		fileParallelism: false,
		testTimeout: 180_000,
		hookTimeout: 120_000,
		expect: { requireAssertions: true }
	}
});
