import type { Page, Route } from '@playwright/test';

/** Holds every request of the page matching `url` until `release()`. */
export async function holdRequests(page: Page, url: string) {
  const held: Route[] = [];
  let released = false;
  await page.route(url, (route) => {
    if (released) return route.continue();
    held.push(route);
  });
  return {
    count: () => held.length,
    release: async () => {
      released = true;
      await Promise.all(held.splice(0).map((r) => r.continue()));
      await page.unroute(url);
    },
  };
}
