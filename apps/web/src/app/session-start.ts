import { createSession } from '../api/session.ts';

// main.tsx imports this module first, so it runs before most of the app's code is evaluated: the
// session's refresh (it first waits for a lock shared by the tabs) is under way before React's first
// render takes the main thread, instead of after it (~0.6 s later on a slow phone, `npm run bench -- web`).

/** One session for the app's life: the access token lives here, in memory only. */
export const session = createSession();
// SessionProvider's own call joins this one.
void session.restore();
