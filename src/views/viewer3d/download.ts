/** A timestamp for export file names, e.g. 2026-11-22-09-30-00. */
export function stamp(): string {
  return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
}
