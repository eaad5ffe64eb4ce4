import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { ImportInputError } from './readers.js';

/**
 * Where an import's bytes come from: a file on the server's disk (npm run import) or an upload
 * (the importData mutation). Readers see a stream either way, read once: the encoding check, the
 * progress count and the SHA-256 that names the file's SOURCE node all happen while it passes.
 */
export interface ImportSource {
  /** How the file is named in messages, reports and its SOURCE node; its extension tells the format. */
  readonly name: string;
  /** Its size in bytes (for progress). Throws (ENOENT) when a path does not exist. */
  size(): number;
  /** The bytes, from the start. */
  open(): Readable;
}

/** A file on disk, named by its base name unless `name` is given. */
export function pathSource(path: string, name = basename(path)): ImportSource {
  return { name, size: () => statSync(path).size, open: () => createReadStream(path) };
}

/** Text or bytes sent with a request; text is encoded as UTF-8 (a lone surrogate becomes U+FFFD, which the check refuses). */
export function uploadSource(name: string, content: string | Uint8Array): ImportSource {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return { name, size: () => bytes.length, open: () => Readable.from(pieces(bytes)) };
}

/** Upload pieces: small enough that parsing one (CSV: about 350 rows) holds the event loop a few milliseconds. */
const PIECE = 16 * 1024;

/** A buffer in pieces, so that a reader parses it a piece at a time and other requests run between pieces. */
function* pieces(bytes: Buffer): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += PIECE) yield bytes.subarray(i, i + PIECE);
}

const NOT_UTF8 = 'the file is not valid UTF-8 text (a broken or non-UTF-8 character on this line). Save it as UTF-8 and try again.';

/**
 * The bytes of a source as they are read: refused at the first line that is not UTF-8 text, or
 * that holds U+FFFD (the mark a failed decoding left: a Latin-1 file sent through a JSON request
 * arrives so), with the same message whichever way the file came; hashed and counted on the way.
 */
export class CheckedBytes extends Transform {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly hash = createHash('sha256');
  private digest: string | undefined;
  private line = 1;
  private bytes = 0;

  private constructor(
    private readonly file: string,
    private readonly onBytes?: (read: number) => void,
  ) {
    super();
  }

  /** Opens `source` through the check; `onBytes` gets the bytes read so far and the total. */
  static of(source: ImportSource, onBytes?: (read: number, total: number) => void): CheckedBytes {
    const total = source.size();
    const checked = new CheckedBytes(source.name, (read) => onBytes?.(read, total));
    const raw = source.open();
    raw.on('error', (e) => checked.destroy(e));
    return raw.pipe(checked);
  }

  /** The SHA-256 (hex) of every byte read; call once the stream has ended. */
  sha256(): string {
    this.digest ??= this.hash.digest('hex');
    return this.digest;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    // Lines are checked one by one: a newline byte never occurs inside a multi-byte character.
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(0x0a, start);
      const end = newline < 0 ? chunk.length : newline + 1;
      let text: string;
      try {
        text = this.decoder.decode(chunk.subarray(start, end), { stream: true });
      } catch {
        text = '\uFFFD';
      }
      if (text.includes('\uFFFD')) {
        callback(new ImportInputError(this.file, `${this.line}`, NOT_UTF8));
        return;
      }
      if (newline >= 0) this.line += 1;
      start = end;
    }
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.onBytes?.(this.bytes);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.decoder.decode();
      callback();
    } catch {
      callback(
        new ImportInputError(
          this.file,
          `${this.line}`,
          'the file ends in the middle of a UTF-8 character. Save it as UTF-8 and try again.',
        ),
      );
    }
  }
}
