import { useEffect, useState, type ReactNode } from 'react';
import { createUrlStore, UrlStoreContext, type UrlHost } from './url-store.ts';

/**
 * One URL store per dashboard: it reads the page URL when created, follows back/forward while
 * mounted, and writes every change back (see url-store.ts). `host` is the window by default.
 */
export function UrlStateProvider({ host, children }: { host?: UrlHost; children: ReactNode }) {
  const [url] = useState(() => createUrlStore(host ?? window));
  useEffect(() => url.connect(), [url]);
  return <UrlStoreContext.Provider value={url.store}>{children}</UrlStoreContext.Provider>;
}
