package io.centrabff.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTests {

    static MockHttpServletRequest request(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        ClientAddress address = new ClientAddress(List.of());

        assertThat(address.resolve(request("203.0.113.7", "1.2.3.4"))).isEqualTo("203.0.113.7");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        ClientAddress address = new ClientAddress(List.of("10.0.0.0/8"));

        assertThat(address.resolve(request("203.0.113.7", "1.2.3.4"))).isEqualTo("203.0.113.7");
    }

    @Test
    void trustedPeerWithoutForwardedForIsTheClient() {
        ClientAddress address = new ClientAddress(List.of("10.0.0.0/8"));

        assertThat(address.resolve(request("10.0.0.5", null))).isEqualTo("10.0.0.5");
    }

    @Test
    void spoofedEntriesLeftOfTheLastUntrustedHopAreIgnored() {
        ClientAddress address = new ClientAddress(List.of("10.0.0.0/8", "192.168.0.0/16"));

        // The shopper sent "6.6.6.6"; our two proxies appended the real client and the first proxy.
        String chain = "6.6.6.6, 1.2.3.4, 192.168.1.1";

        assertThat(address.resolve(request("10.0.0.5", chain))).isEqualTo("1.2.3.4");
    }

    @Test
    void chainOfOnlyTrustedProxiesResolvesToTheFirstHop() {
        ClientAddress address = new ClientAddress(List.of("10.0.0.0/8"));

        assertThat(address.resolve(request("10.0.0.5", "10.1.1.1, 10.2.2.2"))).isEqualTo("10.1.1.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "1.2.3.4:80", "<script>", "evil.example", "1.2.3.4 , "})
    void garbageHopFallsBackToThePeer(String hop) {
        ClientAddress address = new ClientAddress(List.of("10.0.0.0/8"));

        assertThat(address.resolve(request("10.0.0.5", hop))).isEqualTo("10.0.0.5");
    }

    @Test
    void cidrPrefixesThatAreNotWholeBytesAreHonoured() {
        ClientAddress address = new ClientAddress(List.of("192.168.0.0/23"));

        assertThat(address.resolve(request("192.168.1.200", "1.2.3.4"))).isEqualTo("1.2.3.4");
        assertThat(address.resolve(request("192.168.2.1", "1.2.3.4"))).isEqualTo("192.168.2.1");
    }

    @Test
    void ipv6RangesMatchIpv6PeersOnly() {
        ClientAddress address = new ClientAddress(List.of("2001:db8::/32"));

        assertThat(address.resolve(request("2001:db8:0:1::7", "2001:db8:ffff::1, 2a00:1450::5")))
                .isEqualTo("2a00:1450::5");
        assertThat(address.resolve(request("2001:db9::1", "1.2.3.4"))).isEqualTo("2001:db9::1");
        assertThat(address.resolve(request("32.1.13.184", "1.2.3.4")))
                .as("an IPv4 peer whose bytes equal the IPv6 prefix")
                .isEqualTo("32.1.13.184");
    }

    @Test
    void singleAddressWithoutPrefixTrustsOnlyThatAddress() {
        ClientAddress address = new ClientAddress(List.of("127.0.0.1"));

        assertThat(address.resolve(request("127.0.0.1", "1.2.3.4"))).isEqualTo("1.2.3.4");
        assertThat(address.resolve(request("127.0.0.2", "1.2.3.4"))).isEqualTo("127.0.0.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "1", "127.1", "cafe", "dead.beef", "1.2.3.256"})
    void onlyCanonicalAddressLiteralsAreAddresses(String value) {
        // Short IPv4 forms would alias trusted proxies ("127.1" is 127.0.0.1 to InetAddress), and anything else that
        // InetAddress does not take as a literal would be looked up in DNS: neither may come from a forwarded header.
        assertThat(ClientAddress.literal(value)).isNull();
    }

    @Test
    void shortIpv4FormIsNotATrustedProxyHop() {
        ClientAddress address = new ClientAddress(List.of("127.0.0.1/32"));

        assertThat(address.resolve(request("127.0.0.1", "1.2.3.4, 127.1"))).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "10.0.0.0/-1", "::1/129", ""})
    void invalidTrustedProxyFailsNamingTheProperty(String entry) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ClientAddress(List.of(entry)))
                .withMessageContaining("bff.session.trusted-proxies");
    }
}
