/**
 * Every recorded real-CATMAID request (../shared/catmaid-recordings) is replayed against the demo
 * server with IDs mapped to demo IDs; status and the structural shape of the answer must match.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode } from '@msgpack/msgpack';
import {
  hasShared,
  recordingBytes,
  recordingIndex,
  recordingText,
  sharedMissingMessage,
  type RecordedRequest,
} from '../../test-support/shared-fixtures.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordingsDir } from '../../test-support/shared-fixtures.ts';
import type { DemoServer } from './server.ts';
import { request, startTestServer } from './testing/demo-client.ts';
import { buildIdMap, type IdMap } from './testing/id-map.ts';
import { shapeDiff, shapeOf } from './testing/shape-of.ts';

/** Recordings the demo cannot reproduce by design (no private projects; per-project skeleton IDs). */
const NOT_APPLICABLE: Record<string, string> = {
  'error-anonymous-private-project.json': 'the demo has no private projects',
  'error-anonymous-private-compact-detail.json': 'the demo has no private projects',
  'error-wrong-project-skeleton.json': 'demo skeleton lookups are per project',
  'projects.json':
    'real server lists upstream demo projects with other stacks; covered by projects-anonymous.json',
};

const NAME_MAPS = { nameMaps: ['$[2]', '$.skeletons.*[2]'] };

function fileName(rec: RecordedRequest): string {
  return rec.file.split('/').pop() ?? rec.file;
}

describe.skipIf(!hasShared)('demo answers have the shapes of real CATMAID answers', () => {
  let server: DemoServer;
  let tokenServer: DemoServer;
  let ids: IdMap;
  beforeAll(async () => {
    server = await startTestServer();
    tokenServer = await startTestServer('f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed');
    const index = JSON.parse(readFileSync(join(recordingsDir, 'index.json'), 'utf8')) as {
      ids: Parameters<typeof buildIdMap>[1];
    };
    ids = buildIdMap(server.store, index.ids);
  });
  afterAll(async () => {
    await server?.close();
    await tokenServer?.close();
  });

  const recordings = hasShared ? recordingIndex() : [];
  for (const rec of recordings) {
    const name = fileName(rec);
    const skip = NOT_APPLICABLE[name];
    it.skipIf(skip !== undefined)(`${name} (${rec.method} ${rec.path})`, async () => {
      const mapped = ids.map(rec);
      const headers: Record<string, string> =
        rec.auth === 'bad-token'
          ? { 'X-Authorization': 'Token 0123456789abcdef0123456789abcdef01234567' }
          : {};
      const answer = await request(
        rec.auth === 'bad-token' ? tokenServer : server,
        mapped.method,
        mapped.path,
        mapped.params,
        headers,
      );
      expect(answer.status, answer.text.slice(0, 300)).toBe(rec.status);
      const isMsgpack = name.endsWith('.msgpack');
      const demo = isMsgpack ? decode(answer.bytes) : answer.json();
      const recorded = isMsgpack
        ? decode(recordingBytes(name))
        : (JSON.parse(recordingText(name)) as unknown);
      const diff = shapeDiff(shapeOf(demo, NAME_MAPS), shapeOf(recorded, NAME_MAPS));
      expect(diff).toEqual([]);
    });
  }
});

if (!hasShared) describe('recording shapes', () => it.skip(sharedMissingMessage, () => undefined));
