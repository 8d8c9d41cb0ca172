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
    SELECTION(HttpMethod.GET, "/selection", CART, Kind.READ, Cart.READS),
    ADD_ITEM(HttpMethod.POST, "/items/{item}", CART, Kind.WRITE, Cart.CHANGES),
    ADD_ITEM_QUANTITY(HttpMethod.POST, "/items/{item}/quantity/{quantity}", CART, Kind.WRITE, Cart.CHANGES),
    // A gift certificate replaces whatever the selection held (fe-development/07.gift-certs).
    ADD_GIFT_CERTIFICATE(HttpMethod.POST, "/items/gift-certificates/{giftCertificate}", CART, Kind.WRITE, Cart.CHANGES),
    ADD_GIFT_CERTIFICATE_AMOUNT(
            HttpMethod.POST,
            "/items/gift-certificates/{giftCertificate}/amount/{amount}",
            CART,
            Kind.WRITE,
            Cart.CHANGES),
    // A flexible bundle with the shopper's choice per section (fe-development/01.fe-elements "Basket / selection").
    ADD_BUNDLE(HttpMethod.POST, "/items/bundles/{item}", CART, Kind.WRITE, Cart.CHANGES),
    UPDATE_ITEMS(HttpMethod.PUT, "/items", CART, Kind.WRITE, Cart.CHANGES),
    INCREASE_LINE(HttpMethod.POST, "/lines/{line}", CART, Kind.WRITE, Cart.CHANGES),
    INCREASE_LINE_BY(HttpMethod.POST, "/lines/{line}/quantity/{quantity}", CART, Kind.WRITE, Cart.CHANGES),
    SET_LINE_QUANTITY(HttpMethod.PUT, "/lines/{line}/quantity/{quantity}", CART, Kind.WRITE, Cart.CHANGES),
    DECREASE_LINE_BY(HttpMethod.DELETE, "/lines/{line}/quantity/{quantity}", CART, Kind.WRITE, Cart.CHANGES),
    REMOVE_LINE(HttpMethod.DELETE, "/lines/{line}", CART, Kind.WRITE, Cart.CHANGES),
    SET_COUNTRY(HttpMethod.PUT, "/countries/{country}", CART, Kind.WRITE, Cart.CHANGES),
    SET_COUNTRY_STATE(HttpMethod.PUT, "/countries/{country}/states/{state}", CART, Kind.WRITE, Cart.CHANGES),
    SET_LANGUAGE(HttpMethod.PUT, "/languages/{language}", CART, Kind.WRITE, Cart.CHANGES),
    SET_PAYMENT_METHOD(HttpMethod.PUT, "/payment-methods/{paymentMethod}", CART, Kind.WRITE, Cart.CHANGES),
    SET_SHIPPING_METHOD(HttpMethod.PUT, "/shipping-methods/{shippingMethod}", CART, Kind.WRITE, Cart.CHANGES),
    ADD_VOUCHER(HttpMethod.POST, "/vouchers", CART, Kind.WRITE, Cart.CHANGES),
    REMOVE_VOUCHER(HttpMethod.DELETE, "/vouchers/{voucher}", CART, Kind.WRITE, Cart.CHANGES),
    PAYMENT_FIELDS(HttpMethod.PUT, "/payment-fields", CART, Kind.WRITE, Cart.CHANGES),
    COUNTRIES(HttpMethod.GET, "/countries", CATALOG, Kind.READ, Cart.NONE),
    LANGUAGES(HttpMethod.GET, "/languages", CATALOG, Kind.READ, Cart.NONE),
    PAYMENT(HttpMethod.POST, "/payment", OperationClass.PAYMENT, Kind.WRITE, Cart.CHANGES),
    PAYMENT_RESULT(HttpMethod.POST, "/payment-result", OperationClass.PAYMENT, Kind.WRITE, Cart.CHANGES),
    RECEIPT(HttpMethod.GET, "/receipt", OperationClass.PAYMENT, Kind.READ, Cart.NONE),
    ADDRESS_SEARCH(HttpMethod.POST, "/address-search", OperationClass.PAYMENT, Kind.READ, Cart.NONE),
    PRODUCTS(HttpMethod.POST, "/products", CATALOG, Kind.READ, Cart.NONE),
    PRODUCT(HttpMethod.GET, "/products/{product}", CATALOG, Kind.READ, Cart.NONE),
    CATEGORIES(HttpMethod.GET, "/categories", CATALOG, Kind.READ, Cart.NONE),
    URI(HttpMethod.POST, "/uri", CATALOG, Kind.READ, Cart.NONE),
    // Customer accounts (§3.5): bound to the session token like the cart, so they share the cart's time limit.
    REGISTER(HttpMethod.POST, "/register", CART, Kind.WRITE, Cart.NONE),
    LOGIN(HttpMethod.POST, "/login/{email}", CART, Kind.WRITE, Cart.NONE),
    LOGOUT(HttpMethod.POST, "/logout", CART, Kind.WRITE, Cart.NONE),
    CUSTOMER(HttpMethod.GET, "/customer", CART, Kind.READ, Cart.NONE),
    UPDATE_CUSTOMER(HttpMethod.PUT, "/customer/update", CART, Kind.WRITE, Cart.NONE),
    UPDATE_ADDRESS(HttpMethod.PUT, "/address", CART, Kind.WRITE, Cart.NONE),
    UPDATE_EMAIL(HttpMethod.PUT, "/email", CART, Kind.WRITE, Cart.NONE),
    UPDATE_PASSWORD(HttpMethod.PUT, "/password", CART, Kind.WRITE, Cart.NONE),
    ORDERS(HttpMethod.POST, "/orders", CART, Kind.READ, Cart.NONE),
    PASSWORD_RESET_EMAIL(HttpMethod.POST, "/password-reset-email/{email}", CART, Kind.WRITE, Cart.NONE),
    PASSWORD_RESET(HttpMethod.POST, "/password-reset", CART, Kind.WRITE, Cart.NONE),
    NEWSLETTER(HttpMethod.POST, "/newsletter-subscription", CART, Kind.WRITE, Cart.NONE),
    NEWSLETTER_EMAIL(HttpMethod.POST, "/newsletter-subscription/{email}", CART, Kind.WRITE, Cart.NONE),
    // Back-in-stock notification for an item, bound to the session like the newsletter (fe-development/12.backinstock).
    BACK_IN_STOCK(HttpMethod.POST, "/back-in-stock-subscription", CART, Kind.WRITE, Cart.NONE),
    // Server-side operations: they carry the shared secret and are relayed only for callers with the server key.
    // Market, pricelist, country and language of a shopper's selection, chosen by the storefront's server.
    SET_SELECTION_CONTEXT(HttpMethod.PUT, "/selection", CART, Kind.SERVER_WRITE, Cart.CHANGES),
    ALL_COUNTRIES(HttpMethod.GET, "/countries/all", CATALOG, Kind.SERVER_READ, Cart.NONE),
    MARKETS(HttpMethod.GET, "/markets", CATALOG, Kind.SERVER_READ, Cart.NONE),
    PRICELISTS(HttpMethod.GET, "/pricelists", CATALOG, Kind.SERVER_READ, Cart.NONE),
    SERVER_PRODUCTS(HttpMethod.POST, "/products", CATALOG, Kind.SERVER_READ, Cart.NONE),
    SERVER_CATEGORIES(HttpMethod.POST, "/categories", CATALOG, Kind.SERVER_READ, Cart.NONE),
    SERVER_URI(HttpMethod.POST, "/uri", CATALOG, Kind.SERVER_READ, Cart.NONE);

    private final HttpMethod method;
    private final String template;
    private final OperationClass operationClass;
    private final Kind kind;
    private final Cart cart;
    private final int variables;

    CentraOperation(HttpMethod method, String template, OperationClass operationClass, Kind kind, Cart cart) {
        this.cart = cart;
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

    /** What the operation does to the shopper's cart, said for each operation where it is declared. */
    public Cart cart() {
        return cart;
    }

    /** Whether the operation changes the cart (and so runs in the cart's lane, answering with widget instructions). */
    public boolean changesCart() {
        return cart == Cart.CHANGES;
    }

    int variables() {
        return variables;
    }

    /**
     * What an operation does to the shopper's cart. Customer operations (register, login, logout, password, account)
     * are {@code NONE}: they neither wait for the cart nor carry widget instructions.
     */
    public enum Cart {
        /** Not about the cart (catalog, customer account, receipt, server-side reads). */
        NONE,
        /** Reads the cart: its answer carries the cart's current instructions. */
        READS,
        /** Changes the cart: runs in the cart's lane, may be replayed under an Idempotency-Key. */
        CHANGES
    }

    private enum Kind {
        READ,
        WRITE,
        SERVER_READ,
        SERVER_WRITE
    }
}
