// Reads the input `-`: all of standard input (or the stream given in the options), bounded in size.
import { readBounded } from './byte-limit.ts';

/** Every byte of `stream`, refusing more than `maxBytes`. */
export async function readStreamBytes(stream: NodeJS.ReadableStream, maxBytes: number, origin: string): Promise<Buffer> {
  return readBounded(stream as AsyncIterable<Uint8Array | string>, maxBytes, origin);
}
