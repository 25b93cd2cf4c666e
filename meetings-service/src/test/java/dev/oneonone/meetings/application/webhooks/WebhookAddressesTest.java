package dev.oneonone.meetings.application.webhooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which address literals webhooks may be sent to ({@link WebhookAddresses}): no DNS involved. */
class WebhookAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = { "127.0.0.1", "127.1.2.3", "10.0.0.7", "172.16.0.1", "172.31.255.254", "192.168.1.10",
            "169.254.169.254", "0.0.0.0", "224.0.0.1", "::1", "::", "fe80::1", "fc00::1", "fd12:3456:789a::1",
            "::ffff:10.0.0.7", "::ffff:127.0.0.1", "ff02::1" })
    void the_services_own_networks_are_not_public(String literal) throws Exception {
        assertFalse(WebhookAddresses.isPublic(InetAddress.getByName(literal)), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = { "8.8.8.8", "203.0.113.7", "172.32.0.1", "172.15.255.255", "192.169.0.1", "11.0.0.1",
            "2001:4860:4860::8888", "fe00::1", "fb00::1" })
    void other_addresses_are_public(String literal) throws Exception {
        assertTrue(WebhookAddresses.isPublic(InetAddress.getByName(literal)), literal);
    }
}
