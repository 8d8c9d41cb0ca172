export const CALLBACK_EVENT = 'centra_checkout_callback';
/** The host for a real page. */
export function browserHost(options = {}) {
    const win = options.window ?? globalThis.window;
    const doc = options.document ?? globalThis.document;
    if (!win || !doc)
        throw new Error('browserHost needs a window and a document');
    const container = options.container ?? ((kind) => doc.querySelector(`[data-centra-widget="${kind}"]`));
    return {
        centraCheckout: () => win.CentraCheckout,
        setTotalPrice: (value) => {
            win.totalPrice = value;
        },
        injectScript: (html) => {
            const holder = doc.createElement('div');
            (doc.body ?? holder).appendChild(holder);
            insertHtml(holder, html, doc);
        },
        replaceSnippet: (kind, html) => {
            const target = container(kind);
            if (target)
                insertHtml(target, html, doc);
        },
        reload: () => win.location.reload(),
        onCallback: (listener) => {
            const handler = (event) => listener(event.detail);
            doc.addEventListener(CALLBACK_EVENT, handler);
            return () => doc.removeEventListener(CALLBACK_EVENT, handler);
        },
    };
}
/**
 * Puts `html` into `container` so that its scripts run: scripts inserted through innerHTML never do, so each is
 * re-created with the same attributes and text.
 */
export function insertHtml(container, html, doc = globalThis.document) {
    container.innerHTML = html;
    container.querySelectorAll('script').forEach((old) => {
        const script = doc.createElement('script');
        for (const attribute of Array.from(old.attributes))
            script.setAttribute(attribute.name, attribute.value);
        script.textContent = old.textContent;
        old.replaceWith(script);
    });
}
