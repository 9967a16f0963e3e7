import { describe, expect, it } from 'vitest';
import {
	anyInSubtrees,
	departmentIdOf,
	depthOf,
	isInSubtree,
	movePath,
	pathSegments,
	sectionIdOf,
	unitIdOfPath
} from './unit-path.ts';

describe('unit paths (/部/課/係/)', () => {
	it('read the ids from the top down, the unit itself and its depth', () => {
		expect(pathSegments('/soumu/jinji/kyuyo/')).toEqual(['soumu', 'jinji', 'kyuyo']);
		expect(unitIdOfPath('/soumu/jinji/kyuyo/')).toBe('kyuyo');
		expect(unitIdOfPath('')).toBe('');
		expect(depthOf('/soumu/')).toBe(0);
		expect(depthOf('/soumu/jinji/kyuyo/')).toBe(2);
	});

	it('name the 部 and the 課; someone placed directly in a 部 has the 部 as their 課', () => {
		expect(departmentIdOf('/soumu/jinji/kyuyo/')).toBe('soumu');
		expect(sectionIdOf('/soumu/jinji/kyuyo/')).toBe('jinji');
		expect(sectionIdOf('/soumu/')).toBe('soumu');
		expect(departmentIdOf('')).toBeNull();
		expect(sectionIdOf('')).toBeNull();
	});

	it('take in the scope unit and everything below it, never a sibling whose id starts the same', () => {
		expect(isInSubtree('/soumu/jinji/', '/soumu/jinji/')).toBe(true);
		expect(isInSubtree('/soumu/jinji/kyuyo/', '/soumu/jinji/')).toBe(true);
		expect(isInSubtree('/soumu/jinji2/', '/soumu/jinji/')).toBe(false);
		expect(isInSubtree('/soumu/', '/soumu/jinji/')).toBe(false);
		// a scope written without its closing slash is refused rather than read as a prefix
		expect(isInSubtree('/soumu/jinji2/', '/soumu/jinji')).toBe(false);
	});

	it('answer for several units and scopes at once (a person in two units, a 課長 of two 課)', () => {
		expect(anyInSubtrees(['/a/x/', '/b/y/'], ['/c/', '/b/'])).toBe(true);
		expect(anyInSubtrees(['/a/x/'], ['/b/', '/c/'])).toBe(false);
		expect(anyInSubtrees([], ['/a/'])).toBe(false);
	});

	it('follow a moved subtree and leave the rest where it was', () => {
		expect(movePath('/a/x/y/', '/a/x/', '/b/x/')).toBe('/b/x/y/');
		expect(movePath('/a/x/', '/a/x/', '/b/x/')).toBe('/b/x/');
		expect(movePath('/a/x2/', '/a/x/', '/b/x/')).toBe('/a/x2/');
	});
});
