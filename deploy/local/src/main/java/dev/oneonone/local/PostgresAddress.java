package dev.oneonone.local;

/** Where a PostgreSQL server answers and as whom to log in: the embedded one or an external one alike. */
public record PostgresAddress(String host, int port, String username, String password) {

    /** For example {@code jdbc:postgresql://localhost:15432/meetings}. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** The form Quarkus' reactive client accepts, for example {@code postgresql://localhost:15432/meetings}. */
    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** Without the password: addresses end up in logs and error messages. */
    @Override
    public String toString() {
        return "PostgresAddress[" + host + ":" + port + ", user " + username + "]";
    }
}
