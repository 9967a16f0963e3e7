import { defineConfig, devices } from '@playwright/test';

// E2E_PORT lets two checkouts run their suites side by side
const PORT = Number(process.env.E2E_PORT) || 4173;
const baseURL = `http://localhost:${PORT}`;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.test.ts',
	workers: 1,
	forbidOnly: !!process.env.CI,
	reporter: process.env.CI ? [['line']] : [['list']],
	use: {
		baseURL,
		locale: 'ja-JP',
		timezoneId: 'Asia/Tokyo',
		trace: 'retain-on-failure',
		...devices['Desktop Chrome'],
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		// `npm test` builds first; this seeds a fresh demo database (and no export files of an earlier run) and serves the build
		command: 'rm -f e2e.db e2e.db-shm e2e.db-wal && rm -rf exports && tsx scripts/demo.ts',
		url: `${baseURL}/login`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'pipe',
		env: { PORT: String(PORT), ORIGIN: baseURL, DATABASE_URL: 'file:e2e.db' }
	}
});
