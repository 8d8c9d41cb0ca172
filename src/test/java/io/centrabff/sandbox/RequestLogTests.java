package io.centrabff.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

class RequestLogTests {

    @Test
    void logKeepsTheLatestEntriesOnlySoALongLoadRunDoesNotGrowIt() {
        RequestLog log = new RequestLog();
        for (int i = 0; i <= RequestLog.MAX_ENTRIES; i++) {
            log.add(JsonNodeFactory.instance.objectNode().put("n", i));
        }

        ArrayNode entries = log.toJson();

        assertThat(entries).hasSize(RequestLog.MAX_ENTRIES);
        assertThat(entries.get(0).path("n").asInt()).isEqualTo(1);
        assertThat(entries.get(entries.size() - 1).path("n").asInt()).isEqualTo(RequestLog.MAX_ENTRIES);
    }
}
