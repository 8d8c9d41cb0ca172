export { createApi, type Api, type Around, type CallInfo, type CallKind, type CallOptions } from './api.js';
export { Checkout, type CheckoutOptions, type KeyValueStore } from './checkout.js';
export {
  browserHost,
  insertHtml,
  CALLBACK_EVENT,
  type BrowserDocument,
  type BrowserHostOptions,
  type BrowserWindow,
  type CentraCheckoutGlobal,
  type WidgetHost,
} from './host.js';
export {
  Transport,
  memoryTokenStore,
  retryAfterMs,
  DEFAULT_RETRY,
  type ClientOptions,
  type Method,
  type Reply,
  type Request,
  type RetryPolicy,
  type TokenStore,
} from './http.js';
export {
  CartStream,
  DEFAULT_BACK_OFF,
  SELECTION_EVENTS,
  type BackOff,
  type CartStreamOptions,
  type EventSourceFactory,
  type EventSourceLike,
  type SelectionEventHandler,
  type Timers,
} from './stream.js';
export * from './types.js';
export type { components, operations, paths } from './generated/schema.js';
