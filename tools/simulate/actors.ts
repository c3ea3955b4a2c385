// The people of the simulation. Everyone opens the websocket and sends a fix a second (with a little
// jitter) while moving around the city. Officers keep an availability window open and answer requests;
// citizens ask officers who come near, within the server's rules.
import { errorCode, type Answer, type Api } from './api.ts';
import { preciseNow, type SendBoard } from './board.ts';
import { gpsReading, Mover, type Gait, type Polygon } from './city.ts';
import { Credentials } from './credentials.ts';
import type { Session } from './sessions.ts';
import type { Tally } from './stats.ts';
import { WebSocket, type Socket } from './ws.ts';

/** How the people behave (probabilities are 0..1). */
export interface Behaviour {
  /** A citizen told an officer is near asks them to connect. */
  readonly askProbability: number;
  /** An officer accepts a request; declines with `declineProbability`; otherwise lets it expire. */
  readonly acceptProbability: number;
  readonly declineProbability: number;
  /** An officer is also available for virtual connections. */
  readonly virtualProbability: number;
  /** Who drives (~10 m/s) rather than walks (~1.4 m/s); some citizens stay put. */
  readonly officersDriving: number;
  readonly citizensDriving: number;
  readonly citizensStaying: number;
}

/** What every person shares within a worker. */
export interface World {
  readonly api: Api;
  readonly board: SendBoard;
  readonly tally: Tally;
  readonly behaviour: Behaviour;
  readonly area: Polygon;
  readonly random: () => number;
  /** Sockets open right now in this worker. */
  readonly open: { count: number };
}

/** The most requests a citizen may have waiting (the server refuses a fourth). */
const MAX_PENDING = 3;
const FIX_INTERVAL_MS = 1000;
const FIX_JITTER_MS = 60;

/** One simulated person: a socket, a mover, a fix a second, and the role's reactions to pushes. */
export class Person {
  readonly index: number;
  readonly credentials: Credentials;
  readonly #world: World;
  readonly #role: 'citizen' | 'officer';
  readonly #mover: Mover;
  readonly #accuracyM: number;
  #socket: Socket | undefined;
  #fixTimer: NodeJS.Timeout | undefined;
  #windowTimer: NodeJS.Timeout | undefined;
  #stopped = false;
  #windowOpen = false;
  readonly #pending = new Set<string>();
  readonly #asked = new Set<string>();

  constructor(session: Session, index: number, world: World) {
    this.index = index;
    this.#world = world;
    this.#role = session.role;
    this.credentials = new Credentials({ session, api: world.api, caller: index, random: world.random, count: (name) => world.tally.count(name) });
    this.#mover = new Mover({ area: world.area, gait: this.#gait(), random: world.random, nowMs: Date.now() });
    this.#accuracyM = 5 + world.random() * 20;
  }

  /** Tokens fresh, window open (officers), socket open, fixes flowing. */
  async start(): Promise<void> {
    await this.credentials.start();
    if (this.#role === 'officer') await this.#openWindow();
    await this.#connect();
  }

  /** Stops sending, closes the socket, and (officers) closes the window so the server is left tidy. */
  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#fixTimer);
    clearTimeout(this.#windowTimer);
    this.credentials.stop();
    const socket = this.#socket;
    if (socket && socket.readyState === WebSocket.OPEN) {
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.close(1000, 'simulation over');
        setTimeout(() => { socket.terminate(); resolve(); }, 2000).unref();
      });
    }
    if (this.#role === 'officer' && this.#windowOpen) await this.#call('DELETE', '/connections/availability').catch(() => undefined);
  }

  #gait(): Gait {
    const { behaviour, random } = this.#world;
    const r = random();
    if (this.#role === 'officer') return r < behaviour.officersDriving ? 'drive' : 'walk';
    if (r < behaviour.citizensDriving) return 'drive';
    return r < behaviour.citizensDriving + behaviour.citizensStaying ? 'stay' : 'walk';
  }

  /** Calls the API as this person; a 401 (token expired, e.g. after the machine slept) refreshes the token and tries once more. */
  async #call(method: 'GET' | 'POST' | 'DELETE', route: string, body?: object): Promise<Answer> {
    const call = (): Promise<Answer> => this.#world.api.call(method, route, { caller: this.index, token: this.credentials.accessToken, ...(body ? { body } : {}) });
    const answer = await call();
    if (answer.status !== 401 || !(await this.credentials.refreshNow())) return answer;
    return call();
  }

  #connect(): Promise<void> {
    const { tally, open } = this.#world;
    return new Promise((resolve) => {
      const socket = new WebSocket(this.#world.api.socketUrl(this.credentials.accessToken), { perMessageDeflate: false, handshakeTimeout: 30_000 });
      this.#socket = socket;
      let opened = false;
      socket.on('open', () => {
        if (this.#stopped) return socket.close(1000, 'simulation over');
        opened = true;
        open.count++;
        tally.count('sockets.opened');
        this.#scheduleFix(this.#world.random() * FIX_INTERVAL_MS);
        resolve();
      });
      socket.on('message', (data) => this.#receive(String(data)));
      socket.on('error', () => undefined);
      socket.on('close', (code) => {
        clearTimeout(this.#fixTimer);
        if (opened) open.count--;
        if (this.#stopped) return resolve();
        tally.count(opened ? `sockets.dropped.${code}` : 'sockets.failed');
        setTimeout(() => void this.#connect().then(() => tally.count('sockets.reconnected')), 1000 + this.#world.random() * 2000);
        resolve();
      });
    });
  }

  #scheduleFix(delayMs: number): void {
    this.#fixTimer = setTimeout(() => {
      this.#sendFix();
      this.#scheduleFix(FIX_INTERVAL_MS + this.#world.random() * FIX_JITTER_MS);
    }, delayMs);
  }

  #sendFix(): void {
    const socket = this.#socket;
    if (this.#stopped || !socket || socket.readyState !== WebSocket.OPEN) return;
    // An officer without a window would only be refused (CONNECTIONS_NO_OPEN_WINDOW).
    if (this.#role === 'officer' && !this.#windowOpen) return;
    const now = Date.now();
    const p = gpsReading(this.#mover.at(now), this.#accuracyM, this.#world.random);
    socket.send(`{"type":"location","lat":${p.lat},"lon":${p.lon},"accuracy":${this.#accuracyM.toFixed(1)},"at":${now}}`);
    this.#world.board.mark(this.index, preciseNow());
    this.#world.tally.count('fixes.sent');
  }

  #receive(text: string): void {
    const { tally, board } = this.#world;
    const receivedAt = preciseNow();
    let message: Record<string, unknown> & { type?: unknown };
    try {
      message = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return tally.count('ws.unparsable');
    }
    const type = typeof message.type === 'string' ? message.type : 'unknown';
    switch (type) {
      case 'nearby.entered':
      case 'nearby.changed':
      case 'nearby.left': {
        tally.count(type);
        const officer = message.officer as { officerId?: unknown } | undefined;
        const officerId = type === 'nearby.left' ? message.officerId : officer?.officerId;
        if (typeof officerId !== 'string') return;
        const latency = board.sinceCause(this.index, officerId, receivedAt);
        if (latency !== undefined) tally.latency(type, latency);
        if (type === 'nearby.entered') this.#maybeAsk(officerId);
        return;
      }
      case 'location.rejected':
        return tally.count(`rejected.${String(message.code)}`);
      case 'request.received':
        return this.#decide(message.request as { id: string });
      case 'request.updated': {
        const request = message.request as { id: string; status: string };
        if (this.#role !== 'citizen' || request.status === 'pending') return;
        this.#pending.delete(request.id);
        return tally.count(`requests.${request.status}`);
      }
      case 'connection.made':
        if (this.#role === 'citizen') tally.count('connections.made');
        return;
      case 'availability.changed':
        if (message.window === null) this.#windowClosed(String(message.reason ?? 'unknown'));
        return;
      case 'meet.position':
        return tally.count('meet.positions');
      case 'error':
        return tally.count(`ws.error.${String(message.code)}`);
      default:
        return;
    }
  }

  /** Citizen: an officer came near; ask them, sometimes, when the server would allow it. */
  #maybeAsk(officerId: string): void {
    const { behaviour, random, tally } = this.#world;
    if (this.#role !== 'citizen' || this.#stopped || this.#asked.has(officerId) || this.#pending.size >= MAX_PENDING) return;
    if (random() >= behaviour.askProbability) return;
    this.#asked.add(officerId);
    this.#call('POST', '/connections/requests', { officerId, kind: 'proximity' }).then(
      (answer) => {
        const request = answer.body.request as { id?: string; status?: string } | undefined;
        if (answer.status === 201 && request?.id) {
          if (request.status === 'pending') this.#pending.add(request.id);
          return tally.count('requests.sent');
        }
        if (answer.status === 200) return tally.count('requests.repeated');
        tally.count(`requests.refused.${errorCode(answer)}`);
      },
      () => tally.count('requests.refused.NETWORK'),
    );
  }

  /** Officer: a citizen asked; after a moment's thought, accept (mostly), decline, or let it expire. */
  #decide(request: { id: string }): void {
    const { behaviour, random, tally } = this.#world;
    tally.count('requests.received');
    const r = random();
    const verdict = r < behaviour.acceptProbability ? 'accept' : r < behaviour.acceptProbability + behaviour.declineProbability ? 'decline' : undefined;
    if (!verdict) return tally.count('requests.ignored');
    setTimeout(() => {
      if (this.#stopped) return;
      this.#call('POST', `/connections/requests/${request.id}/${verdict}`).then(
        (answer) => tally.count(answer.status === 200 ? `officer.${verdict}ed` : `officer.${verdict}.failed.${errorCode(answer)}`),
        () => tally.count(`officer.${verdict}.failed.NETWORK`),
      );
    }, 500 + random() * 2500);
  }

  /** Officer: open a window (or take over one left open), and extend it a couple of minutes before it closes. */
  async #openWindow(): Promise<void> {
    const { tally, random, behaviour } = this.#world;
    let answer = await this.#call('POST', '/connections/availability', { inPerson: true, virtual: random() < behaviour.virtualProbability });
    if (answer.status === 409 && errorCode(answer) === 'CONNECTIONS_WINDOW_ALREADY_OPEN') answer = await this.#call('POST', '/connections/availability/extend');
    const window = answer.body.window as { closesAt?: string } | undefined;
    if ((answer.status !== 200 && answer.status !== 201) || !window?.closesAt) {
      tally.count(`windows.failed.${errorCode(answer)}`);
      this.#windowTimer = setTimeout(() => void this.#openWindow(), 5000 + random() * 5000);
      return;
    }
    this.#windowOpen = true;
    tally.count('windows.opened');
    if (this.#stopped) return void (await this.#call('DELETE', '/connections/availability').catch(() => undefined));
    this.#scheduleExtend(Date.parse(window.closesAt));
  }

  #scheduleExtend(closesAtMs: number): void {
    clearTimeout(this.#windowTimer);
    const { random, tally } = this.#world;
    this.#windowTimer = setTimeout(async () => {
      if (this.#stopped) return;
      const answer = await this.#call('POST', '/connections/availability/extend').catch(() => undefined);
      const closesAt = (answer?.body.window as { closesAt?: string } | undefined)?.closesAt;
      if (answer?.status === 200 && closesAt) {
        tally.count('windows.extended');
        return this.#scheduleExtend(Date.parse(closesAt));
      }
      tally.count(`windows.extend.failed.${answer ? errorCode(answer) : 'NETWORK'}`);
      this.#scheduleExtend(Date.now() + 2 * 60_000 + 10_000);
    }, Math.max(1000, closesAtMs - Date.now() - 2 * 60_000 - random() * 60_000));
  }

  #windowClosed(reason: string): void {
    this.#windowOpen = false;
    this.#world.tally.count(`windows.closed.${reason}`);
    if (!this.#stopped && reason !== 'stopped') void this.#openWindow();
  }
}
