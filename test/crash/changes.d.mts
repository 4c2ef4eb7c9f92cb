import type { FileChange } from '../../dist/io/transaction.js';
export function changeFiles(k: number): FileChange[];
