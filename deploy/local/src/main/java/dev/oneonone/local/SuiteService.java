package dev.oneonone.local;

import java.nio.file.Path;

/** The suite's three services: the module each is built in, its database and its port in the one-command run. */
public enum SuiteService {
    MEETINGS("meetings-service", "meetings", 8081),
    AGENDA("agenda-service", "agenda", 8082),
    INSIGHTS("insights-service", "insights", 8083);

    private final String module;
    private final String database;
    private final int defaultHttpPort;

    SuiteService(String module, String database, int defaultHttpPort) {
        this.module = module;
        this.database = database;
        this.defaultHttpPort = defaultHttpPort;
    }

    /** The Maven module (and folder) name, e.g. {@code meetings-service}; also names the service in messages. */
    public String module() {
        return module;
    }

    /** The PostgreSQL database the service owns. */
    public String database() {
        return database;
    }

    /** The HTTP port of the one-command run and of the service's own application.properties. */
    public int defaultHttpPort() {
        return defaultHttpPort;
    }

    /** The runnable jar the Quarkus build writes, e.g. {@code meetings-service/target/quarkus-app/quarkus-run.jar}. */
    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
