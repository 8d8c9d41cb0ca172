import { Transport } from './http.js';
function expand(template, params) {
    return template.replace(/\{(\w+)\}/g, (_, name) => {
        const value = params?.[name];
        if (value === undefined)
            throw new Error(`Missing path parameter ${name}`);
        return encodeURIComponent(String(value));
    });
}
export function createApi(transport = {}, around) {
    const http = transport instanceof Transport ? transport : new Transport(transport);
    const run = around ?? ((_, send) => send());
    function call(kind, verb, path, args, options = {}) {
        const request = {
            method: verb.toUpperCase(),
            path: expand(path, args.path),
            query: args.query,
            body: args.body,
            idempotencyKey: kind === 'change' ? (options.idempotencyKey ?? http.newKey()) : undefined,
            paymentStep: path === '/payment' || path === '/payment-result',
            signal: options.signal,
        };
        return run({ kind, request }, () => http.send(request));
    }
    return {
        transport: http,
        // selection
        getSelection: (o) => call('selection', 'get', '/selection', {}, o),
        addItem: (item, body, o) => call('change', 'post', '/items/{item}', { path: { item }, body }, o),
        addItemQuantity: (item, quantity, body, o) => call('change', 'post', '/items/{item}/quantity/{quantity}', { path: { item, quantity }, body }, o),
        addGiftCertificate: (giftCertificate, body, o) => call('change', 'post', '/items/gift-certificates/{giftCertificate}', { path: { giftCertificate }, body }, o),
        addGiftCertificateAmount: (giftCertificate, amount, o) => call('change', 'post', '/items/gift-certificates/{giftCertificate}/amount/{amount}', { path: { giftCertificate, amount } }, o),
        addBundle: (item, body, o) => call('change', 'post', '/items/bundles/{item}', { path: { item }, body }, o),
        updateItems: (body, o) => call('change', 'put', '/items', { body }, o),
        increaseLine: (line, o) => call('change', 'post', '/lines/{line}', { path: { line } }, o),
        increaseLineBy: (line, quantity, o) => call('change', 'post', '/lines/{line}/quantity/{quantity}', { path: { line, quantity } }, o),
        setLineQuantity: (line, quantity, o) => call('change', 'put', '/lines/{line}/quantity/{quantity}', { path: { line, quantity } }, o),
        decreaseLineBy: (line, quantity, o) => call('change', 'delete', '/lines/{line}/quantity/{quantity}', { path: { line, quantity } }, o),
        removeLine: (line, o) => call('change', 'delete', '/lines/{line}', { path: { line } }, o),
        // location
        getCountries: (o) => call('read', 'get', '/countries', {}, o),
        setCountry: (country, body, o) => call('change', 'put', '/countries/{country}', { path: { country }, body }, o),
        setCountryState: (country, state, o) => call('change', 'put', '/countries/{country}/states/{state}', { path: { country, state } }, o),
        getLanguages: (o) => call('read', 'get', '/languages', {}, o),
        setLanguage: (language, o) => call('change', 'put', '/languages/{language}', { path: { language } }, o),
        // server side: need `X-BFF-Server-Key` (ClientOptions.headers), so only for a storefront server
        setSelectionContext: (body, o) => call('change', 'put', '/selection', { body }, o),
        getAllCountries: (o) => call('read', 'get', '/countries/all', {}, o),
        getMarkets: (o) => call('read', 'get', '/markets', {}, o),
        getPricelists: (o) => call('read', 'get', '/pricelists', {}, o),
        // checkout
        setPaymentMethod: (paymentMethod, o) => call('change', 'put', '/payment-methods/{paymentMethod}', { path: { paymentMethod } }, o),
        setShippingMethod: (shippingMethod, o) => call('change', 'put', '/shipping-methods/{shippingMethod}', { path: { shippingMethod } }, o),
        addVoucher: (voucher, o) => call('change', 'post', '/vouchers', { body: { voucher } }, o),
        removeVoucher: (voucher, o) => call('change', 'delete', '/vouchers/{voucher}', { path: { voucher } }, o),
        updatePaymentFields: (body, o) => call('change', 'put', '/payment-fields', { body }, o),
        startPayment: (body, o) => call('change', 'post', '/payment', { body }, o),
        paymentResult: (paymentMethodFields, o) => call('change', 'post', '/payment-result', { body: { paymentMethodFields } }, o),
        getReceipt: (o) => call('read', 'get', '/receipt', {}, o),
        addressSearch: (body, o) => call('read', 'post', '/address-search', { body }, o),
        // widgets
        widgetSignal: (kind, signal, o) => call('signal', 'post', '/widgets/signal', { body: { kind, signal } }, o),
        // catalog
        listProducts: (query, o) => call('read', 'post', '/products', { body: query }, o),
        getProduct: (product, query, o) => call('read', 'get', '/products/{product}', query ? { path: { product }, query } : { path: { product } }, o),
        getCategories: (query, o) => call('read', 'get', '/categories', query ? { query } : {}, o),
        resolveUri: (body, o) => call('read', 'post', '/uri', { body }, o),
        // customer
        register: (body, o) => call('change', 'post', '/register', { body }, o),
        login: (email, password, o) => call('change', 'post', '/login/{email}', { path: { email }, body: { password } }, o),
        logout: (o) => call('change', 'post', '/logout', {}, o),
        getCustomer: (o) => call('read', 'get', '/customer', {}, o),
        updateCustomer: (body, o) => call('change', 'put', '/customer/update', { body }, o),
        updateAddress: (body, o) => call('change', 'put', '/address', { body }, o),
        updateEmail: (newEmail, o) => call('change', 'put', '/email', { body: { newEmail } }, o),
        updatePassword: (password, newPassword, o) => call('change', 'put', '/password', { body: { password, newPassword } }, o),
        listOrders: (page, o) => call('read', 'post', '/orders', { body: page }, o),
        passwordResetEmail: (email, linkUri, o) => call('change', 'post', '/password-reset-email/{email}', { path: { email }, body: { linkUri } }, o),
        passwordReset: (body, o) => call('change', 'post', '/password-reset', { body }, o),
        newsletterSubscription: (body, o) => call('change', 'post', '/newsletter-subscription', { body }, o),
        newsletterSubscriptionFor: (email, body, o) => call('change', 'post', '/newsletter-subscription/{email}', { path: { email }, body }, o),
        backInStockSubscription: (body, o) => call('read', 'post', '/back-in-stock-subscription', { body }, o),
    };
}
