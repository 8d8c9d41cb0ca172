package io.centrabff.centra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CentraPathTests {

    static final URI BASE = URI.create("https://shop.example/api/checkout/52");

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '\'',
            value = {
                "TEST+CODE   | TEST%2BCODE",
                "../x        | ..%2Fx",
                "a/b         | a%2Fb",
                "..          | %2E%2E",
                ".           | %2E",
                "...         | %2E%2E%2E",
                "'a b'       | a%20b",
                "a?b=c       | a%3Fb%3Dc",
                "a#b         | a%23b",
                "100%        | 100%25",
                "a;b         | a%3Bb",
                "å€          | %C3%A5%E2%82%AC",
                "'\\'        | %5C",
            })
    void everythingButUnreservedCharactersIsPercentEncoded(String value, String encoded) {
        assertThat(CentraPath.encodeSegment(value)).isEqualTo(encoded);
    }

    @Test
    void unreservedCharactersAndDotsInsideAValueStayReadable() {
        assertThat(CentraPath.encodeSegment("1313-19728_a.b~")).isEqualTo("1313-19728_a.b~");
        assertThat(CentraPath.encodeSegment("..x")).isEqualTo("..x");
    }

    @Test
    void emptyOrMissingValueIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> CentraPath.encodeSegment(""));
        assertThatIllegalArgumentException().isThrownBy(() -> CentraPath.encodeSegment(null));
    }

    @Test
    void expandedValueIsExactlyOneSegmentWithoutQueryOrFragment() {
        URI uri = CentraPath.expand(BASE, CentraOperation.REMOVE_VOUCHER, "../../selection?x=1#top");

        assertThat(uri.getRawPath()).isEqualTo("/api/checkout/52/vouchers/..%2F..%2Fselection%3Fx%3D1%23top");
        assertThat(uri.getRawQuery()).isNull();
        assertThat(uri.getRawFragment()).isNull();
        assertThat(uri.normalize()).isEqualTo(uri);
    }

    @Test
    void valuesFillTheTemplateInOrder() {
        URI uri = CentraPath.expand(BASE, CentraOperation.ADD_ITEM_QUANTITY, "1313-19728", "3");

        assertThat(uri).hasToString("https://shop.example/api/checkout/52/items/1313-19728/quantity/3");
    }

    @Test
    void trailingSlashOfTheBaseUrlIsNotDoubled() {
        URI uri = CentraPath.expand(URI.create("https://shop.example/api/checkout/52/"), CentraOperation.SELECTION);

        assertThat(uri).hasToString("https://shop.example/api/checkout/52/selection");
    }

    @Test
    void wrongNumberOfValuesIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CentraPath.expand(BASE, CentraOperation.REMOVE_VOUCHER))
                .withMessageContaining("REMOVE_VOUCHER");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CentraPath.expand(BASE, CentraOperation.SELECTION, "extra"));
    }
}
