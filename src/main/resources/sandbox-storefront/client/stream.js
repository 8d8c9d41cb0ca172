export const DEFAULT_BACK_OFF = { initialMs: 1_000, maxMs: 30_000 };
export const SELECTION_EVENTS = [
    'snapshot',
    'suspend',
    'resume',
    'replace',
    'reload',
    'payment-lock',
    'payment-unlock',
];
export class CartStream {
    options;
    backOff;
    timers;
    random;
    source;
    timer;
    failures = 0;
    closed = true;
    constructor(options) {
        this.options = options;
        this.backOff = { ...DEFAULT_BACK_OFF, ...options.backOff };
        this.timers = options.timers ?? {
            setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
            clearTimeout: (handle) => globalThis.clearTimeout(handle),
        };
        this.random = options.random ?? Math.random;
    }
    get open() {
        return !this.closed;
    }
    start() {
        if (!this.closed)
            return;
        this.closed = false;
        this.connect();
    }
    stop() {
        this.closed = true;
        if (this.timer !== undefined)
            this.timers.clearTimeout(this.timer);
        this.timer = undefined;
        this.source?.close();
        this.source = undefined;
    }
    /** The wait before reconnection attempt `failures` (1, 2, …): doubling, capped, with 50–100 % jitter. */
    delay(failures) {
        const ceiling = Math.min(this.backOff.maxMs, this.backOff.initialMs * 2 ** (failures - 1));
        return Math.round(ceiling * (0.5 + this.random() / 2));
    }
    connect() {
        this.timer = undefined;
        const { url, open, withCredentials, headers } = this.options;
        const source = open(url, { withCredentials, headers: headers() });
        this.source = source;
        for (const name of SELECTION_EVENTS) {
            source.addEventListener(name, (event) => {
                if (this.source !== source)
                    return;
                if (name === 'snapshot')
                    this.failures = 0;
                let data;
                try {
                    data = JSON.parse(String(event.data));
                }
                catch (error) {
                    this.options.onError?.(error, 0);
                    return;
                }
                this.options.onEvent(name, data);
            });
        }
        source.addEventListener('error', (error) => {
            if (this.source !== source || this.closed)
                return;
            source.close();
            this.source = undefined;
            this.failures++;
            const wait = this.delay(this.failures);
            this.options.onError?.(error, wait);
            this.timer = this.timers.setTimeout(() => this.connect(), wait);
        });
    }
}
