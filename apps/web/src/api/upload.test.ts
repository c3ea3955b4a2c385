import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from './api-error.ts';
import { authedUpload, uploadWithProgress } from './upload.ts';
import type { XhrLike } from './upload.ts';

type Handler = ((event: ProgressEvent) => void) | null;

interface Answer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** A fake XMLHttpRequest: reports progress in two steps, then answers. */
function fakeXhr(answers: Answer[]) {
  const sent: Array<{ method: string; url: string; headers: Record<string, string>; body: unknown }> = [];
  function create(): XhrLike {
    const headers: Record<string, string> = {};
    let method = '';
    let url = '';
    const progress = (loaded: number) => ({ loaded, total: 10, lengthComputable: true }) as ProgressEvent;
    const xhr = {
      status: 0,
      responseText: '',
      timeout: 0,
      upload: { onprogress: null as Handler, onload: null as Handler },
      onload: null as Handler,
      onerror: null as Handler,
      ontimeout: null as Handler,
      onabort: null as Handler,
      open(m: string, u: string) {
        method = m;
        url = u;
      },
      setRequestHeader(name: string, value: string) {
        headers[name.toLowerCase()] = value;
      },
      getResponseHeader(name: string) {
        return answers[0]?.headers?.[name.toLowerCase()] ?? null;
      },
      send(body: unknown) {
        sent.push({ method, url, headers, body });
        const answer = answers.shift();
        queueMicrotask(() => {
          xhr.upload.onprogress?.(progress(4));
          xhr.upload.onprogress?.(progress(10));
          xhr.upload.onload?.(progress(10));
          if (!answer) {
            xhr.onerror?.(progress(0));
            return;
          }
          xhr.status = answer.status;
          xhr.responseText = answer.body;
          xhr.onload?.(progress(10));
        });
      },
      abort() {
        xhr.onabort?.(progress(0));
      },
    };
    return xhr as unknown as XhrLike;
  }
  return { create, sent };
}

test('an upload reports progress, then that it is uploaded, then resolves with the answer', async () => {
  const { create, sent } = fakeXhr([{ status: 200, body: '{"rows":1}' }]);
  const progress: string[] = [];
  const result = await uploadWithProgress<{ rows: number }>('/api/v1/x', 'name,email\n', {
    headers: { 'Content-Type': 'text/csv' },
    onProgress: (loaded, total) => progress.push(`${loaded}/${total}`),
    onUploaded: () => progress.push('uploaded'),
    createXhr: create,
  });
  assert.deepEqual(result, { rows: 1 });
  assert.deepEqual(progress, ['4/10', '10/10', 'uploaded']);
  assert.equal(sent[0]?.method, 'POST');
  assert.equal(sent[0]?.headers['content-type'], 'text/csv');
  assert.equal(sent[0]?.headers['accept'], 'application/json');
});

test('an error answer becomes an ApiError with the server’s code', async () => {
  const { create } = fakeXhr([{ status: 400, body: JSON.stringify({ error: { code: 'IDENTITY_ROSTER_NOT_CSV', message: 'missing: email.', requestId: 'r1' } }) }]);
  await assert.rejects(uploadWithProgress('/x', 'a', { createXhr: create }), (error: unknown) => {
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'IDENTITY_ROSTER_NOT_CSV');
    assert.equal(error.requestId, 'r1');
    return true;
  });
});

test('no answer at all is a NETWORK_ERROR', async () => {
  const { create } = fakeXhr([]);
  await assert.rejects(uploadWithProgress('/x', 'a', { createXhr: create }), (error: unknown) => error instanceof ApiError && error.code === 'NETWORK_ERROR');
});

test('an authed upload refreshes the token once after a 401 and sends again', async () => {
  const { create, sent } = fakeXhr([
    { status: 401, body: JSON.stringify({ error: { code: 'PLATFORM_UNAUTHENTICATED', message: 'no' } }) },
    { status: 200, body: '{"ok":true}' },
  ]);
  let refreshes = 0;
  const tokens = { accessToken: () => 'old', refresh: async () => `new${++refreshes}` };
  assert.deepEqual(await authedUpload(tokens, '/x', 'a', { createXhr: create }), { ok: true });
  assert.deepEqual(sent.map((s) => s.headers['authorization']), ['Bearer old', 'Bearer new1']);
});

test('aborting rejects with the signal’s reason', async () => {
  const { create } = fakeXhr([{ status: 200, body: '{}' }]);
  const controller = new AbortController();
  controller.abort(new Error('stop'));
  await assert.rejects(uploadWithProgress('/x', 'a', { createXhr: create, signal: controller.signal }), /stop/);
});
