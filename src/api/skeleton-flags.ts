/** compact-detail request flags and wire parameters, shared by single and batch fetches. */
import type { FormParams } from '../lib/http/encode-form.ts';

type SkeletonFormat = 'json' | 'msgpack';

export interface SkeletonFlags {
  withConnectors?: boolean;
  withTags?: boolean;
  withReviews?: boolean;
  withAnnotations?: boolean;
  withUserInfo?: boolean;
  withHistory?: boolean;
  /** msgpack is ~10 % smaller and faster to parse; ignored with history (server 500). */
  format?: SkeletonFormat;
}

export type NormalizedSkeletonFlags = Required<SkeletonFlags>;

/** Every flag explicit, so equal requests get equal query keys. */
export function normalizeSkeletonFlags(f: SkeletonFlags = {}): NormalizedSkeletonFlags {
  const withHistory = f.withHistory ?? false;
  return {
    withConnectors: f.withConnectors ?? false,
    withTags: f.withTags ?? false,
    withReviews: f.withReviews ?? false,
    withAnnotations: f.withAnnotations ?? false,
    withUserInfo: f.withUserInfo ?? false,
    withHistory,
    // msgpack cannot serialise the history timestamps: the server answers 500 (verified).
    format: withHistory ? 'json' : (f.format ?? 'json'),
  };
}

/** Wire parameters: only the flags that are on (off = absent = false), plus `format`. */
export function compactDetailParams(flags: SkeletonFlags): FormParams {
  const f = normalizeSkeletonFlags(flags);
  const params: FormParams = {};
  if (f.withConnectors) params.with_connectors = true;
  if (f.withTags) params.with_tags = true;
  if (f.withHistory) params.with_history = true;
  if (f.withReviews) params.with_reviews = true;
  if (f.withAnnotations) params.with_annotations = true;
  if (f.withUserInfo) params.with_user_info = true;
  if (f.format === 'msgpack') params.format = 'msgpack';
  return params;
}
