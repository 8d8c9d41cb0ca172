package io.centrabff.centra;

import static io.centrabff.centra.OperationClass.CART;
import static io.centrabff.centra.OperationClass.CATALOG;

import org.springframework.http.HttpMethod;

/**
 * Every Centra Checkout API operation the service performs. The path templates are Centra's; each {@code {name}} is a
 * dynamic segment that {@link CentraPath} encodes as exactly one segment. The enum name is the bounded
 * {@code operation} tag of upstream metrics.
 */
public enum CentraOperation {
    SELECTION(HttpMethod.GET, "/selection", CART, Kind.READ),
    ADD_ITEM(HttpMethod.POST, "/items/{item}", CART, Kind.WRITE),
    ADD_ITEM_QUANTITY(HttpMethod.POST, "/items/{item}/quantity/{quantity}", CART, Kind.WRITE),
    // A gift certificate replaces whatever the selection held (fe-development/07.gift-certs).
    ADD_GIFT_CERTIFICATE(HttpMethod.POST, "/items/gift-certificates/{giftCertificate}", CART, Kind.WRITE),
    ADD_GIFT_CERTIFICATE_AMOUNT(
            HttpMethod.POST, "/items/gift-certificates/{giftCertificate}/amount/{amount}", CART, Kind.WRITE),
    // A flexible bundle with the shopper's choice per section (fe-development/01.fe-elements "Basket / selection").
    ADD_BUNDLE(HttpMethod.POST, "/items/bundles/{item}", CART, Kind.WRITE),
    UPDATE_ITEMS(HttpMethod.PUT, "/items", CART, Kind.WRITE),
    INCREASE_LINE(HttpMethod.POST, "/lines/{line}", CART, Kind.WRITE),
    INCREASE_LINE_BY(HttpMethod.POST, "/lines/{line}/quantity/{quantity}", CART, Kind.WRITE),
    SET_LINE_QUANTITY(HttpMethod.PUT, "/lines/{line}/quantity/{quantity}", CART, Kind.WRITE),
    DECREASE_LINE_BY(HttpMethod.DELETE, "/lines/{line}/quantity/{quantity}", CART, Kind.WRITE),
    REMOVE_LINE(HttpMethod.DELETE, "/lines/{line}", CART, Kind.WRITE),
    SET_COUNTRY(HttpMethod.PUT, "/countries/{country}", CART, Kind.WRITE),
    SET_COUNTRY_STATE(HttpMethod.PUT, "/countries/{country}/states/{state}", CART, Kind.WRITE),
    SET_LANGUAGE(HttpMethod.PUT, "/languages/{language}", CART, Kind.WRITE),
    SET_PAYMENT_METHOD(HttpMethod.PUT, "/payment-methods/{paymentMethod}", CART, Kind.WRITE),
    SET_SHIPPING_METHOD(HttpMethod.PUT, "/shipping-methods/{shippingMethod}", CART, Kind.WRITE),
    ADD_VOUCHER(HttpMethod.POST, "/vouchers", CART, Kind.WRITE),
    REMOVE_VOUCHER(HttpMethod.DELETE, "/vouchers/{voucher}", CART, Kind.WRITE),
    PAYMENT_FIELDS(HttpMethod.PUT, "/payment-fields", CART, Kind.WRITE),
    COUNTRIES(HttpMethod.GET, "/countries", CATALOG, Kind.READ),
    LANGUAGES(HttpMethod.GET, "/languages", CATALOG, Kind.READ),
    PAYMENT(HttpMethod.POST, "/payment", OperationClass.PAYMENT, Kind.WRITE),
    PAYMENT_RESULT(HttpMethod.POST, "/payment-result", OperationClass.PAYMENT, Kind.WRITE),
    RECEIPT(HttpMethod.GET, "/receipt", OperationClass.PAYMENT, Kind.READ),
    ADDRESS_SEARCH(HttpMethod.POST, "/address-search", OperationClass.PAYMENT, Kind.READ),
    PRODUCTS(HttpMethod.POST, "/products", CATALOG, Kind.READ),
    PRODUCT(HttpMethod.GET, "/products/{product}", CATALOG, Kind.READ),
    CATEGORIES(HttpMethod.GET, "/categories", CATALOG, Kind.READ),
    URI(HttpMethod.POST, "/uri", CATALOG, Kind.READ),
    // Customer accounts (§3.5): bound to the session token like the cart, so they share the cart's time limit.
    REGISTER(HttpMethod.POST, "/register", CART, Kind.WRITE),
    LOGIN(HttpMethod.POST, "/login/{email}", CART, Kind.WRITE),
    LOGOUT(HttpMethod.POST, "/logout", CART, Kind.WRITE),
    CUSTOMER(HttpMethod.GET, "/customer", CART, Kind.READ),
    UPDATE_CUSTOMER(HttpMethod.PUT, "/customer/update", CART, Kind.WRITE),
    UPDATE_ADDRESS(HttpMethod.PUT, "/address", CART, Kind.WRITE),
    UPDATE_EMAIL(HttpMethod.PUT, "/email", CART, Kind.WRITE),
    UPDATE_PASSWORD(HttpMethod.PUT, "/password", CART, Kind.WRITE),
    ORDERS(HttpMethod.POST, "/orders", CART, Kind.READ),
    PASSWORD_RESET_EMAIL(HttpMethod.POST, "/password-reset-email/{email}", CART, Kind.WRITE),
    PASSWORD_RESET(HttpMethod.POST, "/password-reset", CART, Kind.WRITE),
    NEWSLETTER(HttpMethod.POST, "/newsletter-subscription", CART, Kind.WRITE),
    NEWSLETTER_EMAIL(HttpMethod.POST, "/newsletter-subscription/{email}", CART, Kind.WRITE),
    // Back-in-stock notification for an item, bound to the session like the newsletter (fe-development/12.backinstock).
    BACK_IN_STOCK(HttpMethod.POST, "/back-in-stock-subscription", CART, Kind.WRITE),
    // Server-side operations: they carry the shared secret and are relayed only for callers with the server key.
    // Market, pricelist, country and language of a shopper's selection, chosen by the storefront's server.
    SET_SELECTION_CONTEXT(HttpMethod.PUT, "/selection", CART, Kind.SERVER_WRITE),
    ALL_COUNTRIES(HttpMethod.GET, "/countries/all", CATALOG, Kind.SERVER_READ),
    MARKETS(HttpMethod.GET, "/markets", CATALOG, Kind.SERVER_READ),
    PRICELISTS(HttpMethod.GET, "/pricelists", CATALOG, Kind.SERVER_READ),
    SERVER_PRODUCTS(HttpMethod.POST, "/products", CATALOG, Kind.SERVER_READ),
    SERVER_CATEGORIES(HttpMethod.POST, "/categories", CATALOG, Kind.SERVER_READ),
    SERVER_URI(HttpMethod.POST, "/uri", CATALOG, Kind.SERVER_READ);

    private final HttpMethod method;
    private final String template;
    private final OperationClass operationClass;
    private final Kind kind;
    private final int variables;

    CentraOperation(HttpMethod method, String template, OperationClass operationClass, Kind kind) {
        this.method = method;
        this.template = template;
        this.operationClass = operationClass;
        this.kind = kind;
        this.variables = (int) template.chars().filter(c -> c == '{').count();
    }

    public HttpMethod method() {
        return method;
    }

    /** Centra's path template, e.g. {@code /vouchers/{voucher}}. */
    public String template() {
        return template;
    }

    public OperationClass operationClass() {
        return operationClass;
    }

    /**
     * Whether the call carries the shared secret; such calls are made by the BFF itself or for a storefront server
     * holding the BFF's server key, never for a browser.
     */
    public boolean serverSide() {
        return kind == Kind.SERVER_READ || kind == Kind.SERVER_WRITE;
    }

    /** Whether the call only reads, so repeating it is safe (the retry predicate of later resilience rules). */
    public boolean read() {
        return kind == Kind.READ || kind == Kind.SERVER_READ;
    }

    int variables() {
        return variables;
    }

    private enum Kind {
        READ,
        WRITE,
        SERVER_READ,
        SERVER_WRITE
    }
}
