package io.centrabff.catalog;

import io.centrabff.coordination.RedisLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With several instances, an operator's rebuild (which reaches one instance through the load balancer) starts a
 * rebuild on every instance, each refilling its own cache.
 */
final class RebuildFanOut {

    private static final Logger log = LoggerFactory.getLogger(RebuildFanOut.class);
    private static final String CHANNEL = "catalog-rebuilds";

    private final RedisLink link;

    RebuildFanOut(RedisLink link, CatalogRebuild rebuild) {
        this.link = link;
        link.subscribe(CHANNEL, origin -> {
            if (!link.instance().equals(origin)) {
                log.info("Catalog rebuild requested through another instance");
                rebuild.start();
            }
        });
    }

    /** Tells the other instances to rebuild; false if Redis could not carry it. */
    boolean publish() {
        boolean sent = link.publish(CHANNEL, link.instance());
        if (!sent) {
            log.warn("Redis unreachable: the catalog rebuild runs on this instance only");
        }
        return sent;
    }
}
