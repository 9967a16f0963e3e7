/**
 * The export worker thread (src/lib/server/export/export-worker.ts) as its own server bundle,
 * build/worker/export-worker.js, next to SvelteKit's: `npm run build` runs this after the app.
 * Packages stay external (they are runtime dependencies); the app's own modules are bundled.
 */
import { defineConfig } from 'vite';

export default defineConfig({
	build: {
		ssr: 'src/lib/server/export/export-worker.ts',
		outDir: 'build/worker',
		emptyOutDir: true,
		target: 'node20',
		sourcemap: true,
		rollupOptions: { output: { format: 'es', entryFileNames: 'export-worker.js' } }
	}
});
