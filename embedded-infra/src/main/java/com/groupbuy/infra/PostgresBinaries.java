package com.groupbuy.infra;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zonky's PostgreSQL build, unpacked once per version into a directory every JVM and every user on the machine
 * shares. A file lock keeps two JVMs from unpacking at the same time.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final String CACHE_DIRECTORY = "groupbuy-postgres";
    private static final String COMPLETE_MARKER = ".complete";
    private static final Pattern JAR_VERSION = Pattern.compile("-(\\d+(?:\\.\\d+)+)\\.jar!");
    private static final Set<PosixFilePermission> OPEN_DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> EXECUTABLE = OPEN_DIRECTORY;
    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private PostgresBinaries() {
    }

    /** The installation directory, holding bin/, lib/ and share/. */
    static synchronized Path install() throws IOException {
        Path cache = WorkDirectory.temporaryRoot().resolve(CACHE_DIRECTORY);
        Files.createDirectories(cache);
        openUp(cache);
        Path installation = cache.resolve(cacheKey());
        if (Files.exists(installation.resolve(COMPLETE_MARKER))) {
            return installation;
        }
        try (FileChannel lockFile = FileChannel.open(cache.resolve(installation.getFileName() + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var lock = lockFile.lock()) {
            if (!Files.exists(installation.resolve(COMPLETE_MARKER))) {
                long started = System.nanoTime();
                WorkDirectory.deleteRecursively(installation);
                unpack(installation);
                Files.createFile(installation.resolve(COMPLETE_MARKER));
                log.info("Unpacked PostgreSQL into {} in {} ms", installation,
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
        return installation;
    }

    private static void unpack(Path installation) throws IOException {
        Files.createDirectories(installation);
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", architecture());
             var tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = inside(installation, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(target, inside(installation, entry.getLinkName()));
                } else {
                    Files.copy(tar, target);
                    Files.setPosixFilePermissions(target, (entry.getMode() & 0111) != 0 ? EXECUTABLE : READABLE);
                }
            }
        }
        openUpDirectories(installation);
    }

    private static Path inside(Path installation, String name) throws IOException {
        Path target = installation.resolve(name).normalize();
        if (!target.startsWith(installation)) {
            throw new IOException("archive entry outside the installation: " + name);
        }
        return target;
    }

    private static void openUpDirectories(Path installation) throws IOException {
        Files.walkFileTree(installation, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                openUp(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void openUp(Path directory) throws IOException {
        if (!Files.getPosixFilePermissions(directory).containsAll(OPEN_DIRECTORY)) {
            Files.setPosixFilePermissions(directory, OPEN_DIRECTORY);
        }
    }

    private static String architecture() {
        return System.getProperty("os.arch");
    }

    /** The binaries' version, read from the name of the jar they come in. */
    private static String cacheKey() {
        String resource = "postgres-linux-" + ("amd64".equals(architecture()) ? "x86_64" : architecture()) + ".txz";
        URL url = DefaultPostgresBinaryResolver.class.getClassLoader().getResource(resource);
        if (url == null) {
            return "unknown";
        }
        Matcher version = JAR_VERSION.matcher(url.toString());
        return version.find() ? version.group(1) : Integer.toHexString(url.toString().hashCode());
    }
}
