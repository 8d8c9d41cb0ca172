package io.centrabff.customer;

/** Where the customer capability's interceptors sit in the relay chain. */
final class CustomerAnswers {

    /**
     * Inside the cart's interceptor (order 0), outside the observers: they shape the answer of operations that change
     * no cart (so nothing is kept for a replay), and the observers still see Centra's answer as it was.
     */
    static final int ORDER = 100;

    private CustomerAnswers() {}
}
