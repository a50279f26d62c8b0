// Reads a stream of bytes up to a limit, so an enormous input is refused without being held in memory.
import { InputError } from '../doc/errors.ts';

/** The `ingest:too-large` error for `origin`. */
export function tooLargeError(origin: string, maxBytes: number, detail: string): InputError {
  return new InputError('ingest:too-large', origin, `larger than the limit of ${maxBytes} bytes (${detail})`);
}

/** All bytes of `chunks`; throws `ingest:too-large` (after calling `onOverflow`) as soon as they pass `maxBytes`. */
export async function readBounded(
  chunks: AsyncIterable<Uint8Array | string>,
  maxBytes: number,
  origin: string,
  onOverflow: () => void = () => {},
): Promise<Buffer> {
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    const part = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += part.byteLength;
    if (total > maxBytes) {
      onOverflow();
      throw tooLargeError(origin, maxBytes, 'more bytes than that were sent');
    }
    parts.push(part);
  }
  return Buffer.concat(parts, total);
}
