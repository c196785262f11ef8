/**
 * The browser's skeleton copies as the tests see them: files in the origin private file system
 * (the workers' store in Chromium), and the IndexedDB store (the fallback, and where copies
 * lived before). Read from the page, which may list and remove OPFS files but not open them.
 */
import type { Page } from '@playwright/test';

/** OPFS_SKELETON_DIR of src/workers/skeleton-store.ts (the node project does not compile src). */
const OPFS_SKELETON_DIR = 'skeleton-copies';

/** Files in the copies' OPFS folder (0 when it does not exist). */
export function opfsCopies(page: Page): Promise<number> {
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
      if (name.endsWith('.skel')) n++;
    }
    return n;
  }, OPFS_SKELETON_DIR);
}

/** Values in the IndexedDB store of copies (0 when it does not exist). */
export function idbCopies(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('catmaid-dashboard-skeletons');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('skeletons')) {
            db.close();
            return resolve(0);
          }
          const count = db.transaction('skeletons').objectStore('skeletons').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(new Error(String(count.error)));
        };
      }),
  );
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
