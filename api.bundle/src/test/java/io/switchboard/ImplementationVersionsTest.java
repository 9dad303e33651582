package io.switchboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.switchboard.httpd.RequireHttpd;
import io.switchboard.mi.RequireMi;
import io.switchboard.xhttp.RequireXhttp;

/**
 * Each {@code Require*} annotation asks for the implementation version of the API package it belongs
 * to, and each provider declares that version: the two must move together. Read from the manifest bnd
 * wrote before the tests run.
 */
class ImplementationVersionsTest {

    @ParameterizedTest
    @CsvSource({ "io.switchboard.httpd, httpd", "io.switchboard.mi, mi", "io.switchboard.xhttp, xhttp" })
    void anImplementationVersionIsItsApiPackagesVersion(String pkg, String module) throws IOException {
        String required = switch (module) {
        case "httpd" -> RequireHttpd.VERSION;
        case "mi" -> RequireMi.VERSION;
        default -> RequireXhttp.VERSION;
        };
        assertThat(required).as("the implementation version of " + pkg).isEqualTo(exportedVersion(pkg));
    }

    private static String exportedVersion(String pkg) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("target/classes/META-INF/MANIFEST.MF"))) {
            String exports = new Manifest(in).getMainAttributes().getValue("Export-Package");
            Matcher version = Pattern.compile("(?:^|,)" + Pattern.quote(pkg) + ";(?:[^\",]|\"[^\"]*\")*?version=\"([^\"]+)\"")
                    .matcher(exports);
            assertThat(version.find()).as(pkg + " in " + exports).isTrue();
            return version.group(1);
        }
    }
}
