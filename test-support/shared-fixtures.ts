/**
 * Access to the read-only reference material in `../shared` (real CATMAID recordings and real
 * neuron data). It is read in place, never copied into the repository. When it is absent (a
 * clone without it), contract tests skip with a message instead of failing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const sharedDir = resolve(process.env.CATMAID_SHARED_DIR ?? join(repoRoot, '..', 'shared'));
export const recordingsDir = join(sharedDir, 'catmaid-recordings');
export const hasShared = existsSync(join(recordingsDir, 'index.json'));
export const sharedMissingMessage = `../shared not found at ${sharedDir}: contract tests against real CATMAID recordings are skipped (set CATMAID_SHARED_DIR to run them)`;

if (!hasShared) console.warn(sharedMissingMessage);

export interface RecordedRequest {
  file: string;
  method: 'GET' | 'POST';
  path: string;
  params: [string, string][];
  auth: string;
  status: number;
}

interface RecordingIndex {
  requests: RecordedRequest[];
}

export function recordingIndex(): RecordedRequest[] {
  const raw = JSON.parse(readFileSync(join(recordingsDir, 'index.json'), 'utf8')) as RecordingIndex;
  return raw.requests;
}

/** Find a recording by its file name (e.g. `p6-neuronnames.json`). */
export function recording(fileName: string): RecordedRequest {
  const found = recordingIndex().find(
    (r) => r.file.endsWith(`/${fileName}`) || r.file === fileName,
  );
  if (!found) throw new Error(`no recording named ${fileName}`);
  return found;
}

export function recordingText(fileName: string): string {
  return readFileSync(join(recordingsDir, recording(fileName).file), 'utf8');
}

export function recordingJson(fileName: string): unknown {
  return JSON.parse(recordingText(fileName));
}

export function recordingBytes(fileName: string): Uint8Array {
  return new Uint8Array(readFileSync(join(recordingsDir, recording(fileName).file)));
}

/** A file below `../shared/data`, e.g. `fafb-catmaid-api-recordings/api/1/annotations.json`. */
export function dataPath(relative: string): string {
  return join(sharedDir, 'data', relative);
}

export function dataJson(relative: string): unknown {
  return JSON.parse(readFileSync(dataPath(relative), 'utf8'));
}
