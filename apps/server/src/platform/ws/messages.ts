// Websocket messages are contracts (packages/contracts: the gateway's own in platform/ws.ts, each
// module's in its ws.ts); the server sees them here.
export { WS_CLOSE } from '@heyblue/contracts/platform';
export { clientMessages, type ClientMessageOf, type ClientMessageType, type ServerMessage } from '@heyblue/contracts/all';
