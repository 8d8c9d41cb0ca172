package io.centrabff.session;

import io.centrabff.centra.CentraOperation;
import tools.jackson.databind.JsonNode;

/**
 * One relayed call as the interceptors see it: who calls (read eagerly from the servlet request), what and with
 * which body.
 *
 * @param session the caller's session
 * @param operation the Centra operation
 * @param body the request body, or null
 */
public record RelayCall(ShopperSession session, CentraOperation operation, JsonNode body) {}
