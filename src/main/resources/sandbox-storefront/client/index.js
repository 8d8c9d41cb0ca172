export { createApi } from './api.js';
export { Checkout } from './checkout.js';
export { browserHost, insertHtml, CALLBACK_EVENT, } from './host.js';
export { Transport, memoryTokenStore, retryAfterMs, DEFAULT_RETRY, } from './http.js';
export { CartStream, DEFAULT_BACK_OFF, SELECTION_EVENTS, } from './stream.js';
export * from './types.js';
