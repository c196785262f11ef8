/**
 * The three error shapes a CATMAID server produces (catmaid-api.md §1.5): CATMAID's own
 * `{error, detail, type, meta, info, traceback}` JSON (DEBUG server), DRF's `{detail}` JSON,
 * and Django's HTML pages for routing failures.
 */
export class CatmaidError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

export class DrfError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export class HtmlError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
  ) {
    super(title);
  }
}

export const valueError = (message: string): CatmaidError =>
  new CatmaidError(400, 'ValueError', message);
export const doesNotExist = (model: string): CatmaidError =>
  new CatmaidError(500, 'DoesNotExist', `${model} matching query does not exist.`);

/** Body of a CATMAID error; the traceback is a stand-in (the real one names server files). */
export function catmaidErrorBody(e: CatmaidError): Record<string, unknown> {
  const traceback = `  File "/opt/catmaid/django/applications/catmaid/demo.py", line 1, in view\n    raise ${e.type}(${JSON.stringify(e.message)})\n`;
  return {
    error: e.message,
    detail: `Traceback (most recent call last):\n${traceback}${e.type}: ${e.message}\n`,
    type: e.type,
    meta: null,
    info: e.message,
    traceback,
  };
}

export function htmlPage(status: number, title: string): string {
  return `<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${title}</title></head>\n<body><h1>${title}</h1><p>The requested resource was not found on this server.</p></body>\n</html>\n`;
}
