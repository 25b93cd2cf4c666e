package dev.oneonone.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The processes of this machine as Linux's {@code /proc} shows them: the one listening on a local port (its socket's
 * inode from {@code /proc/net/tcp[6]}, then the process holding that inode among its {@code fd}s), a process's
 * children, its resident memory ({@code VmRSS}) and the CPU time it used ({@code utime + stime} of its {@code stat},
 * with that of its waited-for children). Empty answers for processes that are not this user's or not here.
 */
final class LocalProcesses {
    /** Clock ticks per second of {@code /proc/<pid>/stat}'s times: {@code USER_HZ}, 100 on Linux. */
    static final int TICKS_PER_SECOND = 100;

    private LocalProcesses() {
    }

    /** The process listening on {@code port} on this machine. */
    static OptionalLong listeningOn(int port) {
        try {
            String inode = listeningInode(port);
            if (inode == null) {
                return OptionalLong.empty();
            }
            String socket = "socket:[" + inode + "]";
            for (Path process : processes()) {
                if (holds(process, socket)) {
                    return OptionalLong.of(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Process listening on " + port + ": " + e);
        }
        return OptionalLong.empty();
    }

    /** The direct children of {@code pid} (a PostgreSQL server's backends). */
    static List<Long> children(long pid) {
        List<Long> children = new ArrayList<>();
        try {
            for (Path process : processes()) {
                String[] stat = stat(process);
                if (stat != null && Long.parseLong(stat[1]) == pid) {
                    children.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Children of " + pid + ": " + e);
        }
        return children;
    }

    /** VmRSS of {@code pid} in MB. */
    static OptionalLong residentMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("\\D+", "")) / 1024);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // ended or not ours
        }
        return OptionalLong.empty();
    }

    /**
     * CPU time {@code pid} used so far, user and system, its own and its ended children's (those it waited for), in
     * clock ticks ({@link #TICKS_PER_SECOND}); 0 when it is gone.
     */
    static long cpuTicks(long pid) {
        String[] stat = stat(Path.of("/proc", String.valueOf(pid)));
        if (stat == null) {
            return 0;
        }
        // after "pid (comm)": state ppid ... utime(14) stime(15) cutime(16) cstime(17), here from index 0 = state
        return Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
    }

    /** The fields of {@code /proc/<pid>/stat} after the command's name (index 0 is the state, 1 the parent). */
    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }

    private static List<Path> processes() throws IOException {
        List<Path> all = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            processes.forEach(all::add);
        }
        return all;
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
