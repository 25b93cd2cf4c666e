package dev.oneonone.local;

import java.nio.file.Files;
import java.nio.file.Path;

/** The {@code java} binary of the running JVM, used to fork the broker and the services with the same Java. */
final class JavaExecutable {

    private JavaExecutable() {
    }

    static String path() {
        Path besideThisJvm = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(besideThisJvm)) {
            return besideThisJvm.toString();
        }
        return ProcessHandle.current().info().command()
                .orElseThrow(() -> new IllegalStateException("Cannot find the java binary of this JVM"));
    }
}
