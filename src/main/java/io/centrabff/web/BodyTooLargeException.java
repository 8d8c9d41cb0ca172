package io.centrabff.web;

import java.io.IOException;

/** Thrown while reading a request body that grows past {@code bff.http.max-body-size}. */
class BodyTooLargeException extends IOException {

    static final String DETAIL = "The request body is larger than this service accepts";

    BodyTooLargeException() {
        super(DETAIL);
    }
}
