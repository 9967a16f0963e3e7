/** `npm run content:check`: validates every module under content/modules and lists each problem. */
import { checkModules, readModuleFiles } from '../src/lib/server/content/files.ts';
import { formatProblem } from '../src/lib/server/content/types.ts';

const files = readModuleFiles(process.argv[2]);
const { modules, problems } = checkModules(files);
if (problems.length > 0) {
	for (const p of problems) console.error(formatProblem(p));
	console.error(`\n教材の検査: ${problems.length} 件の問題があります（${files.length} モジュール中）。`);
	process.exit(1);
}
console.log(
	`教材の検査: ${modules.length} モジュール、${modules.reduce((n, m) => n + m.bank.length, 0)} 問、問題なし。`
);
