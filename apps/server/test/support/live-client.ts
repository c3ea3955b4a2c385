// A websocket client for end-to-end tests that keeps every message it receives.
import WebSocket from 'ws';
import { waitUntil } from './wait.ts';

/** A websocket that keeps what it receives. */
export class LiveClient {
  readonly messages: Array<Record<string, unknown> & { type: string }> = [];
  readonly socket: WebSocket;
  readonly opened: Promise<void>;
  constructor(url: string, token: string) {
    this.socket = new WebSocket(`${url.replace('http', 'ws')}/ws?token=${encodeURIComponent(token)}`);
    this.socket.on('message', (data) => this.messages.push(JSON.parse(String(data))));
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
  }
  send(message: object): void {
    this.socket.send(JSON.stringify(message));
  }
  /** Waits for a message of this type (matching `where`) that arrived after `since` messages. */
  async next(type: string, where: (m: Record<string, unknown>) => boolean = () => true, since = 0, timeoutMs = 5000): Promise<Record<string, unknown>> {
    let found: Record<string, unknown> | undefined;
    await waitUntil(() => (found = this.messages.slice(since).find((m) => m.type === type && where(m))) !== undefined, timeoutMs, `a ${type} message`);
    return found ?? {};
  }
  of(type: string): Array<Record<string, unknown>> {
    return this.messages.filter((m) => m.type === type);
  }
  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}
