/**
 * The browser's copy of skeletons: one IndexedDB store, written by the skeleton workers and
 * cleared from the page ("Clear skeleton cache" in the 3D view). Opened lazily, so importing
 * this module in a test or a page that never loads skeletons touches no database.
 */
import { clear, createStore, type UseStore } from 'idb-keyval';

const SKELETON_DB = 'catmaid-dashboard-skeletons';
const STORE = 'skeletons';

let store: UseStore | undefined;

export function skeletonStore(): UseStore {
  store ??= createStore(SKELETON_DB, STORE);
  return store;
}

/** Removes every cached skeleton of every server and project from this browser. */
export function clearSkeletonCopies(): Promise<void> {
  return clear(skeletonStore());
}
