package io.switchboard.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingFolderTest {
    @TempDir
    Path home;
    @TempDir
    Path carrier;

    @Test
    void aFirstStartCreatesTheFoldersAndWritesEveryDefault() throws IOException {
        Path defaults = Files.createDirectories(carrier.resolve(WorkingFolder.DEFAULTS));
        Files.writeString(defaults.resolve("a.cfg"), "a = 1\n");
        Files.writeString(defaults.resolve(WorkingFolder.LOGGING_CFG), "log4j2.appender.file.fileName = log/x.log\n");
        Files.writeString(defaults.resolve("notes.txt"), "not a configuration\n");

        WorkingFolder folder = WorkingFolder.layOut(home, "etc", carrier);

        assertThat(home.resolve("deploy")).isDirectory();
        assertThat(home.resolve("log")).isDirectory();
        assertThat(home.resolve("etc/a.cfg")).hasContent("a = 1");
        assertThat(home.resolve("etc/notes.txt")).doesNotExist();
        assertThat(folder.written()).containsExactly(home.resolve("etc/a.cfg"), home.resolve("etc/" + WorkingFolder.LOGGING_CFG));
        assertThat(folder.logFiles()).containsExactly(home.resolve("log/x.log"));
    }

    @Test
    void aFileTheUserHasIsNeverOverwritten() throws IOException {
        Path defaults = Files.createDirectories(carrier.resolve(WorkingFolder.DEFAULTS));
        Files.writeString(defaults.resolve("a.cfg"), "a = 1\n");
        Files.writeString(Files.createDirectories(home.resolve("conf")).resolve("a.cfg"), "a = 2\n");

        WorkingFolder folder = WorkingFolder.layOut(home, "conf", carrier);

        assertThat(home.resolve("conf/a.cfg")).hasContent("a = 2");
        assertThat(folder.written()).isEmpty();
        assertThat(folder.logFiles()).as("no logging configuration: the console only").isEmpty();
    }

    @Test
    void theDefaultsAreReadFromTheRunnableJar() throws IOException {
        Path jar = carrier.resolve("switchboard.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(WorkingFolder.DEFAULTS + "/"));
            out.putNextEntry(new JarEntry(WorkingFolder.DEFAULTS + "/b.cfg"));
            out.write("b = 1\n".getBytes());
            out.closeEntry();
        }

        WorkingFolder.layOut(home, "etc", jar);

        assertThat(home.resolve("etc/b.cfg")).hasContent("b = 1");
    }

    @Test
    void aJarWithoutDefaultsIsRefusedByName() {
        assertThatThrownBy(() -> WorkingFolder.layOut(home, "etc", carrier)).isInstanceOf(IOException.class)
                .hasMessageContaining(WorkingFolder.DEFAULTS);
    }
}
