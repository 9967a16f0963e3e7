/**
 * The worker threads (src/lib/server/workers.ts) as their own server bundles in build/worker/,
 * next to SvelteKit's: `npm run build` runs this after the app. Packages stay external (they
 * are runtime dependencies); the app's own modules are bundled.
 */
import { defineConfig } from 'vite';

export default defineConfig({
	build: {
		ssr: true,
		outDir: 'build/worker',
		emptyOutDir: true,
		target: 'node24',
		sourcemap: true,
		rollupOptions: {
			input: {
				'export-worker': 'src/lib/server/export/export-worker.ts',
				'dashboard-worker': 'src/lib/server/reports/dashboard-worker.ts'
			},
			output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' }
		}
	}
});
