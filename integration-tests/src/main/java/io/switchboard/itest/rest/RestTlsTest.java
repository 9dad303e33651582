package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Configs;
import io.switchboard.rest.RestClient;
import io.switchboard.rest.RestException;

/** ssl_verifypeer and ssl_capath against self-signed servers; the host name is always verified. */
class RestTlsTest {
    private static final String PID = "switchboard.rest_client";

    @InjectService
    RestClient rest;

    @AfterEach
    void restore() throws Exception {
        Configs.update(PID, Map.of());
    }

    @Test
    void aSelfSignedServerIsRefusedThenAcceptedWithoutVerificationOrWithItsCaInCapath() throws Exception {
        Path certs = Certificates.folder();
        Path keystore = Certificates.selfSigned("loopback", "127.0.0.1", certs);
        try (TestServer server = new TestServer(keystore, Certificates.PASSWORD)) {
            RestException refused = catchThrowableOfType(() -> rest.get(server.url("/echo")), RestException.class);
            assertThat(refused.code()).isEqualTo(RestException.INTERNAL);

            Configs.update(PID, Map.of("ssl_verifypeer", "0"));
            Configs.await("ssl_verifypeer=0 in force", Duration.ofSeconds(10),
                    () -> rest.get(server.url("/echo")).status() == 200);

            Path capath = Files.createDirectory(certs.resolve("capath"));
            Files.copy(certs.resolve("loopback.pem"), capath.resolve("loopback.pem"));
            Configs.update(PID, Map.of("ssl_verifypeer", "1", "ssl_capath", capath.toString()));
            Configs.await("ssl_capath in force", Duration.ofSeconds(10),
                    () -> rest.get(server.url("/echo")).bodyText().startsWith("GET|"));
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedEvenWithItsCaInCapath() throws Exception {
        Path certs = Certificates.folder();
        Path keystore = Certificates.selfSigned("elsewhere", null, certs);
        Path capath = Files.createDirectory(certs.resolve("capath"));
        Files.copy(certs.resolve("elsewhere.pem"), capath.resolve("elsewhere.pem"));
        try (TestServer server = new TestServer(keystore, Certificates.PASSWORD)) {
            Configs.update(PID, Map.of("ssl_capath", capath.toString()));
            Configs.await("a refusal naming the host", Duration.ofSeconds(10), () -> {
                try {
                    rest.get(server.url("/echo"));
                    return false;
                } catch (RestException wrongHost) {
                    return wrongHost.getMessage().contains("127.0.0.1") && wrongHost.code() == RestException.INTERNAL;
                }
            });
        }
    }
}
