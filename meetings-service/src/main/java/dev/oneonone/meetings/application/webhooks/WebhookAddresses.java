package dev.oneonone.meetings.application.webhooks;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

import dev.oneonone.meetings.config.WebhookSettings;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Which hosts webhooks may be sent to (README "Webhooks", docs/security.md): not the service's own network. A URL
 * whose host is, or resolves to, a loopback ({@code 127.0.0.0/8}, {@code ::1}), link-local ({@code 169.254.0.0/16}
 * with the cloud metadata address, {@code fe80::/10}), private (RFC 1918 {@code 10/8}, {@code 172.16/12},
 * {@code 192.168/16}; RFC 4193 {@code fc00::/7}), unspecified ({@code 0.0.0.0}, {@code ::}) or multicast address is
 * refused, unless {@code meetings.webhooks.allow-private-addresses} (local runs and tests with a receiver on this
 * machine). Checked when an endpoint is registered or its URL changed, and again before every attempt, since what a
 * name resolves to can change. Resolving blocks: never call it on a Vert.x event loop.
 */
@ApplicationScoped
public class WebhookAddresses {
    private final WebhookSettings settings;

    public WebhookAddresses(WebhookSettings settings) {
        this.settings = settings;
    }

    /**
     * The address of the URL's host that may not be sent to, if any. A host that does not resolve (now) is not
     * refused here: the attempt fails as a connection failure instead.
     */
    public Optional<InetAddress> refused(URI url) {
        if (settings.allowPrivateAddresses() || url.getHost() == null) {
            return Optional.empty();
        }
        String host = url.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(host)) {
                if (!isPublic(address)) {
                    return Optional.of(address);
                }
            }
            return Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** False for the loopback, link-local, private, unspecified and multicast addresses of IPv4 and IPv6. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        // RFC 4193 unique local addresses, fc00::/7, which InetAddress does not name
        return !(address instanceof Inet6Address && (address.getAddress()[0] & 0xfe) == 0xfc);
    }
}
