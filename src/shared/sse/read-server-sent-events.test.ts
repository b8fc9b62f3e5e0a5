import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './read-server-sent-events';

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('reading server-sent events', () => {
  it('gives each event with its name and data, across chunk borders, skipping comments', async () => {
    const seen: [string, string][] = [];
    await readServerSentEvents(
      streamOf(
        ': verbonden\n\n',
        'event: moved\nda',
        'ta: {}\n\n',
        'data: {"a":1}\r\n\r\n',
        ': \n\n',
        'data: x\ndata: y\n\n',
      ),
      (name, data) => seen.push([name, data]),
    );
    expect(seen).toEqual([
      ['moved', '{}'],
      ['message', '{"a":1}'],
      ['message', 'x\ny'],
    ]);
  });

  it('ignores an unfinished event at the end of the stream', async () => {
    const seen: string[] = [];
    await readServerSentEvents(streamOf('data: heel\n\n', 'data: half'), (_name, data) => seen.push(data));
    expect(seen).toEqual(['heel']);
  });
});
