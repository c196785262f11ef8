/**
 * Recognising an HTML page where JSON was expected, and what kind of page it is. A login form
 * (an expired token redirected to CATMAID's or an SSO's login, a VPN portal) needs a different
 * remedy than a proxy's error page, so the two are told apart.
 */

/** True when the body is an HTML page: it starts with `<`, or is declared HTML and is not JSON. */
export function looksLikeHtml(text: string, contentType: string): boolean {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return true;
  return /text\/html/i.test(contentType) && !/^[[{"\d-]|^(true|false|null)\b/.test(start);
}

export function htmlTitle(text: string): string {
  const m = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text);
  return (m?.[1] ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
}

const LOGIN_WORDS = /\b(log\s?in|sign\s?in|login|signin|authenticat\w*)\b/i;
const PASSWORD_FIELD = /<input[^>]+type\s*=\s*["']?password/i;

/** A login form: a password field, or "login"/"sign in" in the title. */
export function looksLikeLoginPage(text: string): boolean {
  return PASSWORD_FIELD.test(text) || LOGIN_WORDS.test(htmlTitle(text));
}

/**
 * True when a body that failed to parse is a prefix of JSON: it ends inside a string or with
 * brackets still open. A complete but broken body (`{"a": nope}`) is malformed, not cut off.
 */
export function looksCutOff(text: string): boolean {
  const t = text.trim();
  if (!t || !/^[[{]/.test(t)) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < t.length; i++) {
    const c = t[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return inString || depth > 0;
}
