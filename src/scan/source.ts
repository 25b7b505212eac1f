// What the scanner needs from a repository (the contract is in util/treeSource.ts, shared with the
// git station that provides it), and what the scanner asks of its entries.

import type { TreeEntry } from '../util/index.js';

export type { BlobRead, OpenTree, TreeEntry, TreeSource } from '../util/index.js';

export const isSymlink = (e: TreeEntry): boolean => e.mode === '120000';
export const isSubmodule = (e: TreeEntry): boolean => e.mode === '160000';
