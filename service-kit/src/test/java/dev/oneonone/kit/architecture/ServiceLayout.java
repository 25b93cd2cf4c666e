package dev.oneonone.kit.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layout every service follows (docs/architecture.md), checked with ArchUnit against a service's
 * main classes: {@code domain} (aggregates, commands, rules) imports no framework; only {@code rest} speaks HTTP; arrows point down only,
 * {@code rest} → {@code application} → {@code domain}, with {@code messaging} (consumers) beside {@code rest}
 * and {@code projection} (read models) used by both. Each service's LayoutTest calls {@link #check}.
 */
public final class ServiceLayout {
    private ServiceLayout() {
    }

    /** Fails with ArchUnit's report when a class of the service breaks the layout. */
    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        String root = servicePackage + ".";

        noClasses().that().resideInAPackage(root + "domain..")
                .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "org.hibernate..",
                        "jakarta.persistence..", "jakarta.ws.rs..", "jakarta.enterprise..", "org.apache.kafka..",
                        "com.fasterxml.jackson..", "io.smallrye..", "io.vertx..", "org.eclipse.microprofile..",
                        "dev.oneonone.kit..")
                .because("the domain is plain Java: aggregates take commands and return events")
                .check(classes);

        noClasses().that().resideInAnyPackage(root + "application..", root + "projection..", root + "messaging..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..")
                .because("HTTP is the rest layer's business; a use case says 'not found' with the kit's NotFoundException")
                .check(classes);

        layeredArchitecture().consideringOnlyDependenciesInAnyPackage(servicePackage + "..")
                .withOptionalLayers(true)
                .layer("rest").definedBy(root + "rest..")
                .layer("messaging").definedBy(root + "messaging..")
                .layer("application").definedBy(root + "application..")
                .layer("projection").definedBy(root + "projection..")
                .layer("domain").definedBy(root + "domain..")
                .layer("config").definedBy(root + "config..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
                .whereLayer("application").mayOnlyBeAccessedByLayers("rest", "messaging", "config")
                .whereLayer("projection").mayOnlyBeAccessedByLayers("rest", "messaging", "application", "config")
                .whereLayer("domain").mayOnlyBeAccessedByLayers("rest", "messaging", "application", "projection", "config")
                .check(classes);
    }
}
