package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Self-signed server and client certificates the tests make with the JDK's keytool. */
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

    /** Writes the key of {@code name.p12} as unencrypted PKCS#8 PEM to {@code name-key.pem}. */
    static Path privateKeyPem(String name, Path folder) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(folder.resolve(name + ".p12"))) {
            store.load(in, PASSWORD.toCharArray());
        }
        byte[] pkcs8 = store.getKey(name, PASSWORD.toCharArray()).getEncoded();
        Path pem = folder.resolve(name + "-key.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        return pem;
    }

    /** @return a trust store holding the certificate {@code name.pem} */
    static KeyStore trusting(String name, Path folder) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (InputStream in = Files.newInputStream(folder.resolve(name + ".pem"))) {
            store.setCertificateEntry(name, CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        return store;
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
    }

    /** @return a new folder {@code capath} in {@code folder} holding only the certificate {@code name.pem} */
    static Path capath(Path folder, String name) throws Exception {
        Path capath = Files.createDirectory(folder.resolve("capath"));
        Files.copy(folder.resolve(name + ".pem"), capath.resolve(name + ".pem"));
        return capath;
    }

    static Path folder() throws Exception {
        return Files.createTempDirectory("certs");
    }
}
