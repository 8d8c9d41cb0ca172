package io.centrabff.customer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Should a Centra instance say "no such customer" to a reset request, the storefront still cannot tell. */
class ResetEmailAnswerTests {

    static final ObjectMapper MAPPER = new ObjectMapper();

    static ResponseEntity<JsonNode> centra(int status, String body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setCacheControl(CacheControl.noStore());
        return ResponseEntity.status(status).headers(headers).body(MAPPER.readTree(body));
    }

    @Test
    void anUnknownAddressAnswersLikeARegisteredOne() throws Exception {
        ResponseEntity<JsonNode> registered = centra(200, "{\"selection\":{}}");
        ResponseEntity<JsonNode> unknown = centra(404, "{\"errors\":{\"email\":\"not found\"},\"selection\":{}}");

        ResponseEntity<JsonNode> answer = ResetEmailAnswer.uniform(unknown);

        assertThat(answer.getStatusCode()).isEqualTo(registered.getStatusCode());
        assertThat(answer.getBody()).isEqualTo(registered.getBody());
        assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
    }

    @Test
    void errorsAboutOtherFieldsPassThrough() throws Exception {
        ResponseEntity<JsonNode> missingLink = centra(406, "{\"errors\":{\"linkUri\":\"not valid\"}}");

        ResponseEntity<JsonNode> answer = ResetEmailAnswer.uniform(missingLink);

        assertThat(answer.getStatusCode().value()).isEqualTo(406);
        assertThat(answer.getBody().at("/errors/linkUri").asText()).isEqualTo("not valid");
    }
}
