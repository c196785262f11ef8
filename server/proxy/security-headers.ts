/**
 * Security headers for every response of the dashboard server. The app's CSP allows exactly what
 * the built app uses: its own module scripts and workers (Vite emits `new Worker(new URL(…))` on
 * /assets/), blob: for exports and workers, inline styles (React style props, plotly's injected
 * rules), data:/blob: images (plotly, canvas exports) and same-origin fetches. No 'unsafe-eval':
 * plotly.js-cartesian-dist-min contains no eval / new Function. API answers (JSON) get a CSP that
 * allows nothing at all.
 */
import type { ServerResponse } from 'node:http';

const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export function setSecurityHeaders(res: ServerResponse, csp: string = APP_CSP): void {
  if (res.headersSent) return;
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('content-security-policy', csp);
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
}
