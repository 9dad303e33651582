package io.switchboard.launcher.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteDefaultsTest {
    /** As bnd writes it: the metatype namespace on the root, none on OCD and AD. */
    private static final String SAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.2.0" localization="OSGI-INF/l10n/x">
              <OCD id="sample.server" name="Sample server" description="The server a test describes (seed sample).">
                <AD id="ip" type="String" name="ip" description="Address to listen on; empty for all addresses." default=""/>
                <AD id="port" type="Integer" name="port" description="TCP port, 1024-65535." default="8888"/>
                <AD id="https" type="Boolean" name="https" description="Serve HTTPS." default="false"/>
                <AD id="users" type="Password" cardinality="1000" required="false" name="users" description="Users as name:role:hash, separated by commas." default=""/>
                <AD id="local" type="String" cardinality="100" name="local" description="Addresses, separated by commas." default="127.0.0.0/8,::1"/>
                <AD id="skip" type="String" name="skip" description="A regular expression." default="^/a\\\\.b"/>
                <AD id="mode" type="String" name="mode" description="off: a long description that goes on and on, so that it must be wrapped at a hundred columns, once or even twice, word by word." default="off">
                  <Option label="off" value="off"/>
                  <Option label="any" value="any"/>
                </AD>
              </OCD>
              <Designate pid="sample.server">
                <Object ocdref="sample.server"/>
              </Designate>
            </metatype:MetaData>
            """;
    private static final String FACTORY = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.2.0">
              <OCD id="sample.server.tls" name="Sample TLS domain" description="A named TLS domain.">
                <AD id="name" type="String" name="name" description="The name requests select it by."/>
                <AD id="password" type="Password" required="false" name="password" description="Its password." default=""/>
                <AD id="verify" type="Integer" name="verify" description="1: verify; 0: do not." default="1"/>
              </OCD>
              <Designate factoryPid="sample.server.tls">
                <Object ocdref="sample.server.tls"/>
              </Designate>
            </metatype:MetaData>
            """;

    @TempDir
    Path folder;
    @TempDir
    Path bundles;

    @Test
    void theFileSaysWhatTheMetatypeSays() throws IOException {
        Path bundle = bundle("sample.jar", "sample.server.xml", SAMPLE, "sample.server.tls.xml", FACTORY);

        assertThat(WriteDefaults.write(folder, List.of(bundle))).containsExactly(folder.resolve("sample.server.cfg"));

        assertThat(Files.readString(folder.resolve("sample.server.cfg"))).isEqualTo("""
                # Sample server (PID sample.server): the server a test describes (seed sample).
                # Changes apply live. A refused value is logged with its PID, key, value and rule, and the previous
                # configuration stays in force. Every key below is commented out at its default.
                #
                # Address to listen on; empty for all addresses.
                #ip =
                # TCP port, 1024-65535.
                #port = 8888
                # Serve HTTPS.
                #https = false
                # Users as name:role:hash, separated by commas.
                #users =
                # Addresses, separated by commas.
                #local = 127.0.0.0/8, ::1
                # A regular expression.
                #skip = ^/a\\\\.b
                # off: a long description that goes on and on, so that it must be wrapped at a hundred columns, once
                # or even twice, word by word.
                #mode = off
                #
                # Sample TLS domain (factory PID sample.server.tls): a named TLS domain. One file per instance,
                # named sample.server.tls-NAME.cfg, with these keys:
                #   # The name requests select it by.
                #   name =
                #   # Its password.
                #   password =
                #   # 1: verify; 0: do not.
                #   verify = 1
                """);
    }

    @Test
    void aPasswordWithADefaultIsRefused() throws IOException {
        Path bundle = bundle("secret.jar", "sample.server.xml", SAMPLE.replace(
                "description=\"Users as name:role:hash, separated by commas.\" default=\"\"",
                "description=\"Users.\" default=\"admin:admin:x\""));

        assertThatThrownBy(() -> WriteDefaults.write(folder, List.of(bundle))).isInstanceOf(IOException.class)
                .hasMessageContaining("sample.server: the password users has a default");
    }

    @Test
    void aHandWrittenFileIsNeverOverwrittenButRefused() throws IOException {
        Path bundle = bundle("sample.jar", "sample.server.xml", SAMPLE);
        Files.writeString(folder.resolve("sample.server.cfg"), "port = 1\n");

        assertThatThrownBy(() -> WriteDefaults.write(folder, List.of(bundle))).isInstanceOf(IOException.class)
                .hasMessageContaining("sample.server.cfg exists already");
        assertThat(folder.resolve("sample.server.cfg")).hasContent("port = 1");
    }

    @Test
    void aFactoryConfigurationNamedAfterNoConfigurationIsRefused() throws IOException {
        Path bundle = bundle("factory.jar", "sample.server.tls.xml", FACTORY);

        assertThatThrownBy(() -> WriteDefaults.write(folder, List.of(bundle))).isInstanceOf(IOException.class)
                .hasMessageContaining("sample.server.tls is named after no configuration");
    }

    @Test
    void aLocalizedTextIsRefused() {
        Metatype metatype = new Metatype();
        assertThatThrownBy(() -> metatype.read("x.xml", xml(SAMPLE.replace("description=\"TCP port, 1024-65535.\"",
                "description=\"%port.description\"")))).isInstanceOf(IOException.class)
                .hasMessageContaining("x.xml: AD port has a localized description (%port.description)");
    }

    @Test
    void severalDefaultsAreSplitAsTheMetatypeSpecificationWritesThem() {
        assertThat(Metatype.values("a, b ,c")).containsExactly("a", "b", "c");
        assertThat(Metatype.values("a\\,b,c\\\\")).containsExactly("a,b", "c\\");
        assertThat(Metatype.values("")).containsExactly("");
    }

    @Test
    void noWrappedLineIsWiderThanAHundredColumnsButALongWord() {
        List<String> lines = new java.util.ArrayList<>();
        DefaultsFile.wrap(lines, "# ", "word ".repeat(60) + "x".repeat(120) + " end");
        assertThat(lines).allMatch(line -> line.length() <= DefaultsFile.WIDTH || !line.substring(2).contains(" "))
                .contains("# " + "x".repeat(120)).last().isEqualTo("# end");
    }

    private Path bundle(String name, String... resources) throws IOException {
        Path jar = bundles.resolve(name);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("OSGI-INF/metatype/"));
            for (int i = 0; i < resources.length; i += 2) {
                out.putNextEntry(new JarEntry("OSGI-INF/metatype/" + resources[i]));
                out.write(resources[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static ByteArrayInputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
