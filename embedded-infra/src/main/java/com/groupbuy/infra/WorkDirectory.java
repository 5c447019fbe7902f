package com.groupbuy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The one directory an infrastructure keeps everything in. It names the JVM that owns it and every server process
 * started for it, so that a later run can stop and delete what a dead JVM left behind.
 */
final class WorkDirectory {

    static final String PREFIX = "groupbuy-infra-";
    static final String OWNER_FILE = "owner.pid";
    static final String PID_SUFFIX = ".pid";

    private final Path root;

    private WorkDirectory(Path root) {
        this.root = root;
    }

    static Path temporaryRoot() {
        return Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    }

    static WorkDirectory create(Path parent) {
        try {
            Path root = Files.createTempDirectory(parent, PREFIX);
            ProcessRecord.of(ProcessHandle.current()).write(root.resolve(OWNER_FILE));
            // servers that drop root privileges must still be able to pass through
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
            return new WorkDirectory(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory in " + parent, e);
        }
    }

    Path root() {
        return root;
    }

    /** An empty subdirectory, emptied first when an earlier attempt left something in it. */
    Path freshDirectory(String name) throws IOException {
        Path directory = root.resolve(name);
        deleteRecursively(directory);
        Files.createDirectories(directory);
        return directory;
    }

    void recordServer(String name, ProcessHandle process) throws IOException {
        ProcessRecord.of(process).write(root.resolve(name + PID_SUFFIX));
    }

    void delete() {
        deleteRecursively(root);
    }

    static List<ProcessRecord> recordedServers(Path root) throws IOException {
        List<ProcessRecord> servers = new ArrayList<>();
        try (var files = Files.newDirectoryStream(root, "*" + PID_SUFFIX)) {
            for (Path file : files) {
                if (!file.getFileName().toString().equals(OWNER_FILE)) {
                    ProcessRecord.read(file).ifPresent(servers::add);
                }
            }
        }
        return servers;
    }

    static void deleteRecursively(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
                    if (failure instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw failure;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}
