package dev.oneonone.benchmark;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Resident memory of the process listening on a local port: its socket's inode from {@code /proc/net/tcp[6]},
 * the process holding that inode from {@code /proc/<pid>/fd}, then {@code VmRSS} from {@code /proc/<pid>/status}.
 * Linux only; empty when the process is not this user's or not on this machine.
 */
final class Memory {
    private Memory() {
    }

    /** VmRSS in MB of the process serving {@code url}. */
    static OptionalLong residentMegabytes(String url) {
        try {
            int port = URI.create(url).getPort();
            String inode = listeningInode(port);
            if (inode == null) {
                return OptionalLong.empty();
            }
            String socket = "socket:[" + inode + "]";
            try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                for (Path process : processes) {
                    if (holds(process, socket)) {
                        for (String line : Files.readAllLines(process.resolve("status"))) {
                            if (line.startsWith("VmRSS:")) {
                                return OptionalLong.of(Long.parseLong(line.replaceAll("\\D+", "")) / 1024);
                            }
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("RSS of " + url + ": " + e);
        }
        return OptionalLong.empty();
    }

    private static String listeningInode(int port) throws IOException {
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            for (String line : Files.readAllLines(Path.of(table))) {
                String[] fields = line.trim().split("\\s+");
                // sl local_address rem_address st ... inode (field 9); st 0A is LISTEN
                if (fields.length > 9 && fields[1].endsWith(hexPort) && fields[3].equals("0A")) {
                    return fields[9];
                }
            }
        }
        return null;
    }

    private static boolean holds(Path process, String socket) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(socket)) {
                        return true;
                    }
                } catch (IOException gone) {
                    // closed meanwhile
                }
            }
        } catch (IOException | SecurityException notOurs) {
            return false;
        }
        return false;
    }
}
