package io.centrabff.session;

import tools.jackson.databind.node.ObjectNode;

/**
 * Sees every successful Centra answer relayed for a shopper, e.g. to remember the shopper's country and language
 * without asking Centra again. Must be quick and must not modify the body.
 */
@FunctionalInterface
public interface SessionObserver {

    /** Called with the shopper's current token and Centra's body before it is sent to the storefront. */
    void answered(String token, ObjectNode body);
}
