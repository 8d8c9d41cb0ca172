package io.centrabff.catalog;

import io.centrabff.web.AdminGuard;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Operator control of the catalog cache, behind the admin secret. */
@RestController
class CatalogAdminController {

    private final AdminGuard guard;
    private final CatalogRebuild rebuild;
    private final RebuildFanOut fanOut;

    CatalogAdminController(AdminGuard guard, CatalogRebuild rebuild, ObjectProvider<RebuildFanOut> fanOut) {
        this.guard = guard;
        this.rebuild = rebuild;
        this.fanOut = fanOut.getIfAvailable();
    }

    /**
     * Refills the whole catalog in the background, on every instance when they coordinate through Redis; 202 at once,
     * progress in logs and bff.catalog.rebuild.* metrics.
     */
    @PostMapping("/api/admin/catalog/rebuild")
    ResponseEntity<JsonNode> rebuild(HttpServletRequest request) {
        guard.require(request);
        boolean started = rebuild.start();
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("rebuild", started ? "started" : "already running");
        if (fanOut != null) {
            body.put("instances", fanOut.publish() ? "all" : "this one only");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(body);
    }
}
