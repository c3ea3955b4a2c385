import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode } from '../errors/app-error.ts';

// Room for the multipart boundaries and part headers around the file itself.
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** The error codes a use answers a bad upload with (each module has its own). */
export interface UploadRefusals {
  /** No multipart body, or a form without a file. */
  readonly missing: ErrorCode;
  /** More than one part, a field beside the file, or a form that does not parse. */
  readonly formInvalid: ErrorCode;
  /** A file over the limit, whether declared so or found out while streaming. */
  readonly tooLarge: ErrorCode;
}

/**
 * Makes the routes of this (encapsulated) plugin take multipart bodies of one file of at most
 * `maxBytes` and nothing else. Register it inside the plugin of the upload routes only.
 */
export async function acceptSingleFileUploads(app: FastifyInstance, maxBytes: number): Promise<void> {
  await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } });
}

/**
 * The uploaded file's bytes; its name and declared type are ignored (the bytes say what it is). A
 * body declared too large is refused before it is read, and the connection closed so it is not
 * drained either; one that only turns out too large while streaming is cut at the limit.
 */
export async function readSingleFile(request: FastifyRequest, reply: FastifyReply, maxBytes: number, refusals: UploadRefusals): Promise<Buffer> {
  try {
    return await readFile(request, maxBytes, refusals);
  } catch (error) {
    if (error instanceof AppError && error.code === refusals.tooLarge) reply.header('connection', 'close');
    throw error;
  }
}

async function readFile(request: FastifyRequest, maxBytes: number, refusals: UploadRefusals): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes + FORM_OVERHEAD_BYTES) throw new AppError(refusals.tooLarge);
  if (!request.isMultipart()) throw new AppError(refusals.missing);
  try {
    let file: Buffer | undefined;
    // Every part is read to the end of the form, so a second one is refused rather than ignored.
    for await (const part of request.parts()) {
      if (part.type !== 'file' || file) throw new AppError(refusals.formInvalid);
      file = await part.toBuffer();
      // toBuffer() returns a file cut at the limit without an error when the limit falls on a chunk
      // boundary (https://github.com/fastify/fastify-multipart/issues/542); busboy still marks it truncated.
      if (part.file.truncated) throw new AppError(refusals.tooLarge);
    }
    if (!file) throw new AppError(refusals.missing);
    return file;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError(refusals.tooLarge);
    // The part limits, and whatever else the form parser throws (no boundary, a part cut short): a malformed form, not a fault of ours.
    throw new AppError(refusals.formInvalid);
  }
}
