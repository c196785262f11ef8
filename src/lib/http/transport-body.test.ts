import { describe, expect, it } from 'vitest';
import { TruncatedError } from './errors.ts';
import { performRequest, type Attempt } from './transport.ts';

const attempt: Attempt = {
  method: 'GET',
  url: 'http://catmaid.test/1/skeletons/7/compact-detail',
  body: undefined,
  binary: true,
  endpoint: 'skeletons/compact-detail',
  signal: undefined,
  timeoutMs: 5_000,
};

const bytes = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7) % 251);

/** A byte stream (as fetch bodies are) sending `data` in pieces of `piece` bytes. */
function byteStream(data: Uint8Array, piece: number): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    type: 'bytes',
    pull(controller) {
      if (at >= data.length) {
        controller.close();
        controller.byobRequest?.respond(0);
        return;
      }
      const chunk = data.slice(at, at + piece);
      at += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

function answer(body: ReadableStream<Uint8Array>, announced: number) {
  const headers = {
    'content-type': 'application/octet-stream',
    'content-length': String(announced),
  };
  return { fetchImpl: () => Promise.resolve(new Response(body, { headers })), headers: {} };
}

async function read(data: Uint8Array, announced: number, piece = 1000) {
  const out = await performRequest(answer(byteStream(data, piece), announced), attempt);
  return new Uint8Array(out as ArrayBuffer);
}

describe('reading a binary body of announced length', () => {
  it('returns exactly the bytes sent, however they are split', async () => {
    const data = bytes(10_000);
    for (const piece of [1, 999, 10_000]) {
      expect(await read(data, data.length, piece)).toEqual(data);
    }
  });

  it('reports a body shorter than announced as cut off', async () => {
    const data = bytes(5_000);
    await expect(read(data, 8_000)).rejects.toBeInstanceOf(TruncatedError);
  });

  it('keeps every byte of a body longer than announced', async () => {
    const data = bytes(300_000);
    expect(await read(data, 1_000, 4096)).toEqual(data);
  });

  it('reads a body that is not a byte stream chunk by chunk', async () => {
    const data = bytes(3_000);
    const plain = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(data.slice(0, 1_000));
        controller.enqueue(data.slice(1_000));
        controller.close();
      },
    });
    const out = await performRequest(answer(plain, data.length), attempt);
    expect(new Uint8Array(out as ArrayBuffer)).toEqual(data);
  });
});

describe('telling the caller the server has answered', () => {
  it('calls onAnswered on a success status before the body is read, never on an error', async () => {
    const events: string[] = [];
    const data = bytes(2_000);
    // No eager pull (high-water mark 0): the body is read only when the transport asks for it.
    const watched = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          events.push('body read');
          controller.enqueue(data);
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const onAnswered = () => events.push('answered');
    await performRequest(answer(watched, data.length), { ...attempt, onAnswered });
    expect(events[0]).toBe('answered');
    expect(events).toContain('body read');

    const failing = {
      fetchImpl: () => Promise.resolve(new Response('{"error":"busy"}', { status: 503 })),
      headers: {},
    };
    const told: string[] = [];
    await expect(
      performRequest(failing, { ...attempt, onAnswered: () => told.push('answered') }),
    ).rejects.toThrow();
    expect(told).toEqual([]);
  });
});
