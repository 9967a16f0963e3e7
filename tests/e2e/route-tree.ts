import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * Every page, form action and endpoint of the app, read from src/routes: the matrix, the
 * malformed-input sweep and the page sweep are generated from this list, so a new route is
 * tested (or fails for want of a rule) without anyone remembering to add it.
 */
export type RouteEntry = {
	/** `GET /(app)/hr`, `POST /(app)/hr/import?/preview`, `POST /login` (a default action) */
	key: string;
	routeId: string;
	method: string;
	kind: 'page' | 'action' | 'endpoint';
	action?: string;
	params: string[];
};

const ROUTES = 'src/routes';
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

function routeDirs(dir: string): string[] {
	const subdirs = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory());
	return [dir, ...subdirs.flatMap((d) => routeDirs(join(dir, d.name)))];
}

function exportedNames(file: string): { names: string[]; source: ts.SourceFile } {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
	const names: string[] = [];
	const exported = (n: ts.Node) =>
		ts.canHaveModifiers(n) && !!ts.getModifiers(n)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
	for (const st of source.statements) {
		if (ts.isVariableStatement(st) && exported(st))
			for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
		if (ts.isFunctionDeclaration(st) && exported(st) && st.name) names.push(st.name.text);
		if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause))
			for (const el of st.exportClause.elements) names.push(el.name.text);
	}
	return { names, source };
}

/** The keys of `export const actions = { a: …, b() {…} }` (through `satisfies`/`as`). */
export function actionNames(file: string): string[] {
	const { source } = exportedNames(file);
	for (const st of source.statements) {
		if (!ts.isVariableStatement(st)) continue;
		for (const d of st.declarationList.declarations) {
			if (!ts.isIdentifier(d.name) || d.name.text !== 'actions' || !d.initializer) continue;
			let init: ts.Expression = d.initializer;
			while (ts.isSatisfiesExpression(init) || ts.isAsExpression(init) || ts.isParenthesizedExpression(init))
				init = init.expression;
			if (!ts.isObjectLiteralExpression(init)) throw new Error(`${file}: actions is not an object literal`);
			return init.properties.map((p) => {
				if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
					throw new Error(`${file}: unreadable action name`);
				return p.name.text;
			});
		}
	}
	return [];
}

export const paramsOf = (routeId: string) =>
	[...routeId.matchAll(/\[\[?(?:\.\.\.)?(\w+)(?:=\w+)?\]\]?/g)].map((m) => m[1]);

export function discoverRoutes(root = ROUTES): RouteEntry[] {
	const entries: RouteEntry[] = [];
	for (const dir of routeDirs(root)) {
		const routeId = '/' + relative(root, dir).split(sep).filter(Boolean).join('/');
		const params = paramsOf(routeId);
		const has = (f: string) => existsSync(join(dir, f));
		if (has('+page.svelte') || has('+page.server.ts'))
			entries.push({ key: `GET ${routeId}`, routeId, method: 'GET', kind: 'page', params });
		if (has('+page.server.ts'))
			for (const action of actionNames(join(dir, '+page.server.ts')))
				entries.push({
					key: `POST ${routeId}${action === 'default' ? '' : `?/${action}`}`,
					routeId,
					method: 'POST',
					kind: 'action',
					action,
					params
				});
		if (has('+server.ts'))
			for (const method of exportedNames(join(dir, '+server.ts')).names.filter((n) => METHODS.includes(n)))
				entries.push({ key: `${method} ${routeId}`, routeId, method, kind: 'endpoint', params });
	}
	return entries.sort((a, b) => a.key.localeCompare(b.key));
}

/** The URL path of a route id: groups dropped, parameters filled in (encoded, unless told otherwise). */
export function pathOf(
	routeId: string,
	values: Record<string, string>,
	encode: (s: string) => string = encodeURIComponent
): string {
	const path = routeId
		.split('/')
		.filter((s) => !/^\(.+\)$/.test(s))
		.map((s) =>
			s.replace(/\[\[?(?:\.\.\.)?(\w+)(?:=\w+)?\]\]?/g, (_, name: string) => {
				if (!(name in values)) throw new Error(`no value for [${name}] in ${routeId}`);
				return encode(values[name]);
			})
		)
		.join('/');
	return path === '' ? '/' : path;
}
