package io.centrabff.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.centrabff.web.BffException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionTokensTests {

    @ParameterizedTest
    @ValueSource(strings = {"a3f9c1d2e4b5a6f7c8d9e0f1a2b3c4d5", "1C7UEQ5JRTGH2KD0ONX6BS4MVA", "tok-1_~.!#$%&'*+"})
    void opaqueVisibleAsciiTokensAreWellFormed(String token) {
        assertThat(SessionTokens.isWellFormed(token)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "none", "NONE", "a b", "a\"b", "a,b", "a\tb", "å", "a\r\nb"})
    void tokensThatCouldChangeTheUpstreamCallAreRejected(String token) {
        assertThat(SessionTokens.isWellFormed(token)).isFalse();
    }

    @Test
    void tokensLongerThan256CharactersAreRejected() {
        assertThat(SessionTokens.isWellFormed("a".repeat(256))).isTrue();
        assertThat(SessionTokens.isWellFormed("a".repeat(257))).isFalse();
        assertThat(SessionTokens.isWellFormed(null)).isFalse();
    }

    @Test
    void missingTokenMeansNoSession() {
        assertThat(SessionTokens.requireWellFormed(null, "The API-Token header"))
                .isNull();
        assertThat(SessionTokens.requireWellFormed("", "The API-Token header")).isNull();
        assertThat(SessionTokens.requireWellFormed("tok-1", "The API-Token header"))
                .isEqualTo("tok-1");
    }

    @Test
    void malformedTokenIsA400NamingWhereItCameFrom() {
        assertThatThrownBy(() -> SessionTokens.requireWellFormed("none", "The API-Token header"))
                .isInstanceOfSatisfying(BffException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getDetail()).startsWith("The API-Token header");
                    assertThat(e.getBody().getDetail()).doesNotContain("none");
                });
    }

    @Test
    void acceptParameterCarriesTheToken() {
        assertThat(SessionTokens.fromAccept("*/*; api-token=abc")).isEqualTo("abc");
        assertThat(SessionTokens.fromAccept("*/*;API-Token=abc")).isEqualTo("abc");
        assertThat(SessionTokens.fromAccept("application/json;api-token=abc, text/plain"))
                .isEqualTo("abc");
        assertThat(SessionTokens.fromAccept("*/*; q=0.9; api-token=abc;x=y")).isEqualTo("abc");
    }

    @Test
    void acceptWithoutTheParameterCarriesNoToken() {
        assertThat(SessionTokens.fromAccept(null)).isNull();
        assertThat(SessionTokens.fromAccept("application/json")).isNull();
        assertThat(SessionTokens.fromAccept("*/*; xapi-token=abc")).isNull();
        assertThat(SessionTokens.fromAccept("*/*; api-token: abc")).isNull();
    }
}
