package com.groupbuy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;

class PostgresBinariesTest {

    @Test
    void unpacked_binaries_keep_symlinks_and_executable_bits_and_are_open_to_every_user() throws Exception {
        Path installation = PostgresBinaries.install();

        assertThat(installation.resolve("bin/postgres")).isExecutable();
        assertThat(installation.resolve("bin/initdb")).isExecutable();
        assertThat(Files.isSymbolicLink(installation.resolve("lib/libpq.so"))).isTrue();
        assertThat(installation.resolve("lib/libpq.so")).exists();
        assertThat(Files.getPosixFilePermissions(installation.resolve("bin")))
                .contains(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(PostgresBinaries.install()).as("second call reuses the installation").isEqualTo(installation);
    }
}
