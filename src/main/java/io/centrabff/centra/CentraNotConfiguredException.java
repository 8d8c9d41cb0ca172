package io.centrabff.centra;

/** Neither a Centra to talk to nor the embedded sandbox: the service must not start and pretend to be ready. */
class CentraNotConfiguredException extends IllegalStateException {

    static final String MESSAGE = "No Centra configured: set CENTRA_BASE_URL (centra.base-url) to the Checkout API,"
            + " or run with the 'sandbox' profile (--spring.profiles.active=sandbox) to use the embedded sandbox.";

    CentraNotConfiguredException() {
        super(MESSAGE);
    }
}
