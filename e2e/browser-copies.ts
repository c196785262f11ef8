/**
 * The browser's skeleton copies as the tests see them: segment files in the origin private file
 * system (the workers' store in Chromium) with their index in IndexedDB, and packed copies in
 * IndexedDB itself (the fallback). Read from the page, which may list and remove OPFS files but
 * not open them.
 */
import type { Page } from '@playwright/test';

/** OPFS_SKELETON_DIR of src/workers/skeleton-store.ts (the node project does not compile src). */
const OPFS_SKELETON_DIR = 'skeleton-copies';

/** Every value, or every key, of the copies' IndexedDB store (none when it does not exist). */
function readStore(page: Page, what: 'getAll' | 'getAllKeys'): Promise<unknown[]> {
  return page.evaluate(
    (method) =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('catmaid-dashboard-skeletons');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('skeletons')) {
            db.close();
            return resolve([]);
          }
          const all = db.transaction('skeletons').objectStore('skeletons')[method]();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as unknown[]);
          };
          all.onerror = () => reject(new Error(String(all.error)));
        };
      }),
    what,
  );
}

/** The IndexedDB store's values: where OPFS copies lie, or packed copies (the fallback). */
async function storeValues(page: Page): Promise<{ refs: number; other: number }> {
  const values = await readStore(page, 'getAll');
  const refs = values.filter((v) => typeof v === 'object' && v !== null && 'segment' in v).length;
  return { refs, other: values.length - refs };
}

/** Copies in OPFS segments (their index entries). */
export async function opfsCopies(page: Page): Promise<number> {
  return (await storeValues(page)).refs;
}

/** Copies held in IndexedDB itself (the fallback's packed copies, or older ones). */
export async function idbCopies(page: Page): Promise<number> {
  return (await storeValues(page)).other;
}

/** A copy as an older version stored it (key v1, a structured-cloned object). */
export function putOldCopy(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('catmaid-dashboard-skeletons');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('skeletons', 'readwrite');
          tx.objectStore('skeletons').put(
            { detail: { skeletonId: 1 }, savedAt: 0 },
            'skeleton3d:v1|old|1|1|{}',
          );
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
  );
}

/** Segment files in the copies' OPFS folder (0 when it does not exist). */
export function opfsSegments(page: Page): Promise<number> {
  return page.evaluate(async (dirName) => {
    const root = await navigator.storage.getDirectory();
    let dir: FileSystemDirectoryHandle;
    try {
      dir = await root.getDirectoryHandle(dirName);
    } catch {
      return 0;
    }
    let n = 0;
    // keys() is in lib.dom.asynciterable, which the e2e config does not load.
    for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) {
      if (name.endsWith('.skels')) n++;
    }
    return n;
  }, OPFS_SKELETON_DIR);
}

/**
 * Removes every copy, from a page where no skeleton worker runs. A worker of the page just left
 * may still hold a file for a moment (NoModificationAllowedError): tried again until it is gone.
 */
export async function removeCopies(page: Page): Promise<void> {
  await page.evaluate(async (dirName) => {
    const root = await navigator.storage.getDirectory();
    for (let attempt = 0; ; attempt++) {
      try {
        await root.removeEntry(dirName, { recursive: true });
        break;
      } catch (e) {
        if (e instanceof DOMException && e.name === 'NotFoundError') break;
        if (attempt >= 50) throw e;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    await new Promise((resolve, reject) => {
      const r = indexedDB.deleteDatabase('catmaid-dashboard-skeletons');
      r.onsuccess = resolve;
      r.onerror = reject;
    });
  }, OPFS_SKELETON_DIR);
}

/** Copies whose key (in the IndexedDB index) starts with `prefix`, e.g. `display3d:v1|`. */
export async function copyKeys(page: Page, prefix: string): Promise<number> {
  const keys = await readStore(page, 'getAllKeys');
  return keys.filter((k) => typeof k === 'string' && k.startsWith(prefix)).length;
}
