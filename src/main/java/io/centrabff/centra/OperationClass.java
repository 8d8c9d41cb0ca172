package io.centrabff.centra;

/** Classes of Centra operations that share a time limit (and, later, a circuit breaker). */
public enum OperationClass {
    /** Catalog and settings reads: products, categories, uri, countries, languages. */
    CATALOG,
    /** Reads and changes of the shopper's selection. */
    CART,
    /** Payment and its neighbours: slower because Centra calls payment providers. */
    PAYMENT
}
