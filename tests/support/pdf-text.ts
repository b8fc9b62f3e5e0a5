import { inflateSync } from 'node:zlib';

/** The text pdf-lib drew: hex strings in the (possibly deflated) content streams, decoded. */
export function drawnText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const streams: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const body = Buffer.from(match[1] ?? '', 'latin1');
    try {
      streams.push(inflateSync(body).toString('latin1'));
    } catch {
      streams.push(body.toString('latin1'));
    }
  }
  return (
    streams
      .join('\n')
      .match(/<([0-9A-Fa-f]+)> Tj/g)
      // WinAnsi: 0x80 is the euro sign; the rest of what we draw is Latin-1.
      ?.map((hex) => Buffer.from(hex.slice(1, -4), 'hex').toString('latin1').replaceAll('\x80', '€'))
      .join('\n') ?? ''
  );
}
