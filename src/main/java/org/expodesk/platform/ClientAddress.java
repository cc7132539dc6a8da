package org.expodesk.platform;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The address of the client of a request. Quarkus' proxy support has already replaced the
 * remote address with the forwarded one when, and only when, the request came through a
 * configured trusted proxy; so this never reads forwarding headers itself.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServerRequest request) {
        if (request == null) {
            return null;
        }
        SocketAddress remote = request.remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }
}
