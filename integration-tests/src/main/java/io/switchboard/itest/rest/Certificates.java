package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Self-signed server certificates the tests make with the JDK's keytool. */
final class Certificates {
    static final String PASSWORD = "changeit";

    private Certificates() {
    }

    /**
     * @param name the certificate's CN
     * @param ipSan the IP address the certificate names, or {@code null} for none
     * @param folder where the keystore {@code name.p12} and the certificate {@code name.pem} go
     * @return the keystore
     */
    static Path selfSigned(String name, String ipSan, Path folder) throws Exception {
        Path keystore = folder.resolve(name + ".p12");
        List<String> generate = new ArrayList<>(List.of(keytool(), "-genkeypair", "-alias", name, "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + name, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (ipSan != null) {
            generate.addAll(List.of("-ext", "SAN=ip:" + ipSan));
        }
        run(generate);
        run(List.of(keytool(), "-exportcert", "-rfc", "-alias", name, "-keystore", keystore.toString(), "-storepass",
                PASSWORD, "-file", folder.resolve(name + ".pem").toString()));
        return keystore;
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
    }

    static Path folder() throws Exception {
        return Files.createTempDirectory("certs");
    }
}
