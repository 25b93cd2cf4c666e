package dev.oneonone.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Creates PostgreSQL databases through JDBC, for the embedded and for an external server alike. */
final class PostgresDatabases {

    /** Names are spliced into CREATE DATABASE, so only plain identifiers are accepted. */
    private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private PostgresDatabases() {
    }

    /**
     * Creates {@code name} unless it exists.
     *
     * @param maintenanceJdbcUrl a JDBC URL of a database that always exists, normally "postgres"
     */
    static void createIfMissing(String maintenanceJdbcUrl, String username, String password, String name)
            throws SQLException {
        if (!PLAIN_IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(maintenanceJdbcUrl, username, password)) {
            if (exists(connection, name)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE \"" + name + "\"");
            }
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }
}
