package org.expodesk.platform.db;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;

/**
 * Tells {@link ServerPrepared} when the default data source's pool destroys a connection (idle too long, broken,
 * flushed), so that the statements it kept there, closed with it, are not held in the heap until another
 * connection comes (ADR 0036). Quarkus applies an unqualified interceptor to the default data source.
 */
@ApplicationScoped
public class ForgetKeptStatements implements AgroalPoolInterceptor {

    @Override
    public void onConnectionDestroy(Connection connection) {
        ServerPrepared.forget(connection);
    }
}
