package dev.oneonone.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SuiteInfrastructureTest {

    @Test
    void givesTheServiceItsDatabaseAndABroker() throws Exception {
        SuiteInfrastructure infrastructure = new SuiteInfrastructure();
        infrastructure.init(Map.of(SuiteInfrastructure.DATABASE_ARG, "meetings"));
        Map<String, String> config = infrastructure.start();
        try {
            int postgresPort = SuiteInfrastructure.postgres().port();
            assertEquals("postgresql://localhost:" + postgresPort + "/meetings", config.get("quarkus.datasource.reactive.url"));
            assertEquals("jdbc:postgresql://localhost:" + postgresPort + "/meetings", config.get("quarkus.datasource.jdbc.url"));
            assertEquals(SuiteInfrastructure.kafka().bootstrapServers(), config.get("kafka.bootstrap.servers"));
            try (Connection connection = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                    config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                 Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT current_database()")) {
                assertTrue(result.next());
                assertEquals("meetings", result.getString(1));
            }
            assertTrue(SuiteInfrastructure.kafka().isRunning());
        } finally {
            infrastructure.stop();
        }
        assertThrows(IllegalStateException.class, SuiteInfrastructure::kafka);
    }

    @Test
    void refusesToStartWithoutADatabaseName() {
        SuiteInfrastructure infrastructure = new SuiteInfrastructure();
        infrastructure.init(Map.of());
        assertThrows(IllegalArgumentException.class, infrastructure::start);
    }
}
