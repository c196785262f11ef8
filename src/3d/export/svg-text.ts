/** Small helpers for writing SVG text by hand. */
export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** One decimal is 0.1 px: far below what any printer resolves at figure size. */
export function fmt(v: number): string {
  return String(Math.round(v * 10) / 10);
}
