/**
 * An organisation unit's path: the ids from the top of the tree down to the unit, each followed by
 * a slash — `/部/課/係/` (org_unit.path; import/units.ts writes it). Every rule about where a unit
 * sits in the tree reads the path through these functions, so the format is known in one place.
 */

/** The unit ids along the path, from the top (部) down to the unit itself. */
export const pathSegments = (path: string): string[] => path.split('/').filter(Boolean);

/** The unit the path ends at ('' for an empty path). */
export const unitIdOfPath = (path: string): string => pathSegments(path).at(-1) ?? '';

/** How deep the unit sits: 0 for a 部 at the top, 1 for a 課 under it, and so on. */
export const depthOf = (path: string): number => pathSegments(path).length - 1;

/** The 部: the top unit of the path (null for an empty path). */
export const departmentIdOf = (path: string): string | null => pathSegments(path)[0] ?? null;

/** The 課: the second level of the path, or the 部 itself for someone placed directly in a 部. */
export const sectionIdOf = (path: string): string | null => {
	const s = pathSegments(path);
	return s[1] ?? s[0] ?? null;
};

/**
 * Whether the unit at `unitPath` is `scopePath`'s unit or below it. A scope without its closing
 * slash matches nothing, so `/a` can never take in `/ab/`.
 */
export const isInSubtree = (unitPath: string, scopePath: string): boolean =>
	scopePath.endsWith('/') && unitPath.startsWith(scopePath);

/** Whether any of the units is inside any of the scopes. */
export const anyInSubtrees = (unitPaths: readonly string[], scopePaths: readonly string[]): boolean =>
	unitPaths.some((u) => scopePaths.some((s) => isInSubtree(u, s)));

/** The path of a unit of the subtree `from` once that subtree has moved to `to` (人事異動 of a 課). */
export const movePath = (path: string, from: string, to: string): string =>
	isInSubtree(path, from) ? to + path.slice(from.length) : path;
