package io.centrabff.web;

import java.time.Duration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the OpenAPI description of the storefront contract at {@code <base-path>/openapi.yaml}, so generators and
 * storefront teams read the description of the running version. It is public and the same for everyone: any origin
 * may read it without credentials (see {@link CrossOrigin}), and caches may keep it for a while.
 */
@RestController
class OpenApiController {

    static final String FILE = "openapi.yaml";
    static final MediaType YAML = MediaType.parseMediaType("application/yaml");
    private static final Resource DESCRIPTION = new ClassPathResource("openapi/centra-bff.yaml");

    @GetMapping("${bff.api.base-path:/api/checkout}/" + FILE)
    ResponseEntity<Resource> description() {
        return ResponseEntity.ok()
                .contentType(YAML)
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
                .body(DESCRIPTION);
    }
}
