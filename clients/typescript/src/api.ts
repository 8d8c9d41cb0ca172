/**
 * One typed function per storefront endpoint. Paths, methods, path parameters, bodies and answers are checked
 * against the generated OpenAPI types: a function whose path or method is not in the description does not compile.
 */
import type { paths } from './generated/schema.js';
import { Transport, type ClientOptions, type Method, type Reply, type Request } from './http.js';

type Verb = 'get' | 'put' | 'post' | 'delete';
type Path = keyof paths;
type VerbsOf<P extends Path> = { [V in Verb]-?: [NonNullable<paths[P][V]>] extends [never] ? never : V }[Verb];
type Op<P extends Path, V extends VerbsOf<P>> = NonNullable<paths[P][V]>;

type PathParams<O> = O extends { parameters: { path: infer X } } ? X : undefined;
type QueryParams<O> = O extends { parameters: { query?: infer Q } } ? Exclude<Q, undefined> : never;
type Body<O> = O extends { requestBody: { content: { 'application/json': infer B } } }
  ? B
  : O extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B | undefined
    : undefined;
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : unknown;
type Answer<O> = O extends { responses: infer Rs } ? (200 extends keyof Rs ? Json<Rs[200]> : unknown) : unknown;

/** What the widget protocol needs to know about a call. */
export type CallKind =
  /** Catalog, customer and other reads: passed through. */
  | 'read'
  /** `GET /selection`: its `bff.widgets` is applied. */
  | 'selection'
  /** A cart change (`x-cart-change` in the OpenAPI file): suspend, one Idempotency-Key, apply the answer. */
  | 'change'
  /** `POST /widgets/signal`: its `bff.widgets` is applied. */
  | 'signal';

export interface CallInfo {
  kind: CallKind;
  request: Request;
}

/** Runs around every call; the Checkout installs one to drive the widgets. */
export type Around = <T>(info: CallInfo, send: () => Promise<Reply<T>>) => Promise<Reply<T>>;

/** Per-call options. */
export interface CallOptions {
  /** Cart changes: the key of this user action (a fresh one by default). Reuse it only for the same request. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

function expand(template: string, params: Record<string, string | number> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

export function createApi(transport: Transport | ClientOptions = {}, around?: Around) {
  const http = transport instanceof Transport ? transport : new Transport(transport);
  const run: Around = around ?? ((_, send) => send());

  function call<P extends Path, V extends VerbsOf<P>>(
    kind: CallKind,
    verb: V,
    path: P,
    args: { path?: PathParams<Op<P, V>>; query?: QueryParams<Op<P, V>>; body?: Body<Op<P, V>> },
    options: CallOptions = {},
  ): Promise<Reply<Answer<Op<P, V>>>> {
    const request: Request = {
      method: verb.toUpperCase() as Method,
      path: expand(path, args.path as Record<string, string | number> | undefined),
      query: args.query as Record<string, string | undefined> | undefined,
      body: args.body,
      idempotencyKey: kind === 'change' ? (options.idempotencyKey ?? http.newKey()) : undefined,
      paymentStep: path === '/payment' || path === '/payment-result',
      signal: options.signal,
    };
    return run({ kind, request }, () => http.send<Answer<Op<P, V>>>(request));
  }

  type Opts = CallOptions | undefined;
  return {
    transport: http,

    // selection
    getSelection: (o?: Opts) => call('selection', 'get', '/selection', {}, o),
    addItem: (item: string, body?: Body<Op<'/items/{item}', 'post'>>, o?: Opts) =>
      call('change', 'post', '/items/{item}', { path: { item }, body }, o),
    addItemQuantity: (item: string, quantity: number, body?: Body<Op<'/items/{item}/quantity/{quantity}', 'post'>>, o?: Opts) =>
      call('change', 'post', '/items/{item}/quantity/{quantity}', { path: { item, quantity }, body }, o),
    addGiftCertificate: (
      giftCertificate: string,
      body?: Body<Op<'/items/gift-certificates/{giftCertificate}', 'post'>>,
      o?: Opts,
    ) => call('change', 'post', '/items/gift-certificates/{giftCertificate}', { path: { giftCertificate }, body }, o),
    addGiftCertificateAmount: (giftCertificate: string, amount: string, o?: Opts) =>
      call(
        'change',
        'post',
        '/items/gift-certificates/{giftCertificate}/amount/{amount}',
        { path: { giftCertificate, amount } },
        o,
      ),
    addBundle: (item: string, body: Body<Op<'/items/bundles/{item}', 'post'>>, o?: Opts) =>
      call('change', 'post', '/items/bundles/{item}', { path: { item }, body }, o),
    updateItems: (body: Body<Op<'/items', 'put'>>, o?: Opts) => call('change', 'put', '/items', { body }, o),
    increaseLine: (line: string, o?: Opts) => call('change', 'post', '/lines/{line}', { path: { line } }, o),
    increaseLineBy: (line: string, quantity: number, o?: Opts) =>
      call('change', 'post', '/lines/{line}/quantity/{quantity}', { path: { line, quantity } }, o),
    setLineQuantity: (line: string, quantity: number, o?: Opts) =>
      call('change', 'put', '/lines/{line}/quantity/{quantity}', { path: { line, quantity } }, o),
    decreaseLineBy: (line: string, quantity: number, o?: Opts) =>
      call('change', 'delete', '/lines/{line}/quantity/{quantity}', { path: { line, quantity } }, o),
    removeLine: (line: string, o?: Opts) => call('change', 'delete', '/lines/{line}', { path: { line } }, o),

    // location
    getCountries: (o?: Opts) => call('read', 'get', '/countries', {}, o),
    setCountry: (country: string, body?: Body<Op<'/countries/{country}', 'put'>>, o?: Opts) =>
      call('change', 'put', '/countries/{country}', { path: { country }, body }, o),
    setCountryState: (country: string, state: string, o?: Opts) =>
      call('change', 'put', '/countries/{country}/states/{state}', { path: { country, state } }, o),
    getLanguages: (o?: Opts) => call('read', 'get', '/languages', {}, o),
    setLanguage: (language: string, o?: Opts) =>
      call('change', 'put', '/languages/{language}', { path: { language } }, o),

    // server side: need `X-BFF-Server-Key` (ClientOptions.headers), so only for a storefront server
    setSelectionContext: (body: Body<Op<'/selection', 'put'>>, o?: Opts) =>
      call('change', 'put', '/selection', { body }, o),
    getAllCountries: (o?: Opts) => call('read', 'get', '/countries/all', {}, o),
    getMarkets: (o?: Opts) => call('read', 'get', '/markets', {}, o),
    getPricelists: (o?: Opts) => call('read', 'get', '/pricelists', {}, o),

    // checkout
    setPaymentMethod: (paymentMethod: string, o?: Opts) =>
      call('change', 'put', '/payment-methods/{paymentMethod}', { path: { paymentMethod } }, o),
    setShippingMethod: (shippingMethod: string, o?: Opts) =>
      call('change', 'put', '/shipping-methods/{shippingMethod}', { path: { shippingMethod } }, o),
    addVoucher: (voucher: string, o?: Opts) => call('change', 'post', '/vouchers', { body: { voucher } }, o),
    removeVoucher: (voucher: string, o?: Opts) =>
      call('change', 'delete', '/vouchers/{voucher}', { path: { voucher } }, o),
    updatePaymentFields: (body: Body<Op<'/payment-fields', 'put'>>, o?: Opts) =>
      call('change', 'put', '/payment-fields', { body }, o),
    startPayment: (body: Body<Op<'/payment', 'post'>>, o?: Opts) => call('change', 'post', '/payment', { body }, o),
    paymentResult: (paymentMethodFields: Record<string, unknown>, o?: Opts) =>
      call('change', 'post', '/payment-result', { body: { paymentMethodFields } }, o),
    getReceipt: (o?: Opts) => call('read', 'get', '/receipt', {}, o),
    addressSearch: (body: Body<Op<'/address-search', 'post'>>, o?: Opts) =>
      call('read', 'post', '/address-search', { body }, o),

    // widgets
    widgetSignal: (kind: string, signal: 'payment-started' | 'payment-ended', o?: Opts) =>
      call('signal', 'post', '/widgets/signal', { body: { kind, signal } }, o),

    // catalog
    listProducts: (query?: Body<Op<'/products', 'post'>>, o?: Opts) =>
      call('read', 'post', '/products', { body: query }, o),
    getProduct: (product: string, query?: QueryParams<Op<'/products/{product}', 'get'>>, o?: Opts) =>
      call('read', 'get', '/products/{product}', query ? { path: { product }, query } : { path: { product } }, o),
    getCategories: (query?: QueryParams<Op<'/categories', 'get'>>, o?: Opts) =>
      call('read', 'get', '/categories', query ? { query } : {}, o),
    resolveUri: (body: Body<Op<'/uri', 'post'>>, o?: Opts) => call('read', 'post', '/uri', { body }, o),

    // customer
    register: (body: Body<Op<'/register', 'post'>>, o?: Opts) => call('change', 'post', '/register', { body }, o),
    login: (email: string, password: string, o?: Opts) =>
      call('change', 'post', '/login/{email}', { path: { email }, body: { password } }, o),
    logout: (o?: Opts) => call('change', 'post', '/logout', {}, o),
    getCustomer: (o?: Opts) => call('read', 'get', '/customer', {}, o),
    updateCustomer: (body: Body<Op<'/customer/update', 'put'>>, o?: Opts) =>
      call('change', 'put', '/customer/update', { body }, o),
    updateAddress: (body: Body<Op<'/address', 'put'>>, o?: Opts) => call('change', 'put', '/address', { body }, o),
    updateEmail: (newEmail: string, o?: Opts) => call('change', 'put', '/email', { body: { newEmail } }, o),
    updatePassword: (password: string, newPassword: string, o?: Opts) =>
      call('change', 'put', '/password', { body: { password, newPassword } }, o),
    listOrders: (page?: Body<Op<'/orders', 'post'>>, o?: Opts) => call('read', 'post', '/orders', { body: page }, o),
    passwordResetEmail: (email: string, linkUri: string, o?: Opts) =>
      call('change', 'post', '/password-reset-email/{email}', { path: { email }, body: { linkUri } }, o),
    passwordReset: (body: Body<Op<'/password-reset', 'post'>>, o?: Opts) =>
      call('change', 'post', '/password-reset', { body }, o),
    newsletterSubscription: (body?: Body<Op<'/newsletter-subscription', 'post'>>, o?: Opts) =>
      call('change', 'post', '/newsletter-subscription', { body }, o),
    newsletterSubscriptionFor: (email: string, body?: Body<Op<'/newsletter-subscription/{email}', 'post'>>, o?: Opts) =>
      call('change', 'post', '/newsletter-subscription/{email}', { path: { email }, body }, o),
    backInStockSubscription: (body: Body<Op<'/back-in-stock-subscription', 'post'>>, o?: Opts) =>
      call('read', 'post', '/back-in-stock-subscription', { body }, o),
  };
}

export type Api = ReturnType<typeof createApi>;
