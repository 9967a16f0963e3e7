/**
 * `npm run bench:compare -- <before.json> <after.json> [out.md]`: two full bench runs side by side
 * (e.g. the same commit range on Node 20 and on Node 24), each figure with the change from
 * before to after. Reference points are shown too: when they moved, the machine's speed moved.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { compareRows, renderComparison, type BenchRun } from './lib/compare.ts';

const [beforeFile, afterFile, outFile] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
	console.error('usage: npm run bench:compare -- <before.json> <after.json> [out.md]');
	process.exit(2);
}
const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as BenchRun;
const before = read(beforeFile);
const after = read(afterFile);
const md = renderComparison(before, after, compareRows(before, after));
if (outFile) writeFileSync(outFile, md);
console.log(md);
