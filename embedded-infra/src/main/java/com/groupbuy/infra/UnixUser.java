package com.groupbuy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL refuses to run as root. When this JVM is root, its tools run as user and group nobody through
 * util-linux's setpriv, in directories handed over to nobody.
 */
final class UnixUser {

    static final int NOBODY = 65534;

    private static final List<Path> SETPRIV_LOCATIONS = List.of(Path.of("/usr/bin/setpriv"), Path.of("/bin/setpriv"));
    private static final boolean ROOT = currentUserIsRoot();

    private UnixUser() {
    }

    static boolean isRoot() {
        return ROOT;
    }

    /** The command as it must be started to run without root privileges. */
    static List<String> unprivileged(List<String> command) {
        if (!ROOT) {
            return command;
        }
        List<String> dropped = new ArrayList<>(List.of(setpriv().toString(),
                "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--"));
        dropped.addAll(command);
        return dropped;
    }

    /** Makes the directory nobody's when we are root, and checks that nobody can reach it. */
    static void handOver(Path directory) {
        if (!ROOT) {
            return;
        }
        try {
            Files.setAttribute(directory, "unix:uid", NOBODY);
            Files.setAttribute(directory, "unix:gid", NOBODY);
            for (Path parent = directory.toAbsolutePath().getParent(); parent != null; parent = parent.getParent()) {
                if (!Files.getPosixFilePermissions(parent).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new IllegalStateException("PostgreSQL runs as nobody because this JVM runs as root, but "
                            + parent + " is closed to other users: point java.io.tmpdir to a directory they can pass");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + directory + " over to nobody", e);
        }
    }

    private static Path setpriv() {
        return SETPRIV_LOCATIONS.stream().filter(Files::isExecutable).findFirst().orElseThrow(() ->
                new IllegalStateException("PostgreSQL refuses to run as root and setpriv (util-linux) is missing"));
    }

    private static boolean currentUserIsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
