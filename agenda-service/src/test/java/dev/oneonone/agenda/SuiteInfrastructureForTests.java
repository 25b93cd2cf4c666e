package dev.oneonone.agenda;

import dev.oneonone.local.SuiteInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every Quarkus test of this service runs against a fresh real PostgreSQL and a real Kafka broker. */
@QuarkusTestResource(value = SuiteInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "agenda"))
public class SuiteInfrastructureForTests {
}
