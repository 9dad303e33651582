package io.switchboard.itest.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.log.LogReaderService;
import org.osgi.test.common.annotation.InjectService;

import io.switchboard.itest.Configs;
import io.switchboard.itest.LogCapture;
import io.switchboard.rest.RestClient;
import io.switchboard.rest.RestException;

/**
 * TLS client domains (factory PID switchboard.rest_client.tls, rest_init_client_tls) against a server
 * that requires a client certificate its own CA list holds.
 */
class RestTlsDomainTest {
    private static final String FACTORY_PID = "switchboard.rest_client.tls";

    @InjectService
    RestClient rest;
    @InjectService
    LogReaderService logs;
    final List<Configuration> domains = new ArrayList<>();
    Path certs;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        certs = Certificates.folder();
        Path serverKeys = Certificates.selfSigned("loopback", "127.0.0.1", certs);
        Certificates.selfSigned("client", null, certs);
        server = new TestServer(serverKeys, Certificates.PASSWORD, true, Certificates.trusting("client", certs));
        // The service's own client trusts the server but has no certificate to show it.
        RestConfig.apply(Map.of("ssl_capath", Certificates.capath(certs, "loopback").toString()));
    }

    @AfterEach
    void stop() throws Exception {
        for (Configuration domain : domains) {
            domain.delete();
        }
        server.close();
        RestConfig.reset();
    }

    @Test
    void aDomainsKeystoreCertificateIsAcceptedWhereNoneIsRefused() throws Exception {
        RestException anonymous = catchThrowableOfType(() -> rest.get(server.url("/whoami")), RestException.class);
        assertThat(anonymous.code()).isEqualTo(RestException.INTERNAL);

        domain("p12", Map.of("name", "p12", "keystore", certs.resolve("client.p12").toString(), "keystore_password",
                Certificates.PASSWORD, "ca_list", certs.resolve("loopback.pem").toString()));
        assertThat(whoami("p12")).isEqualTo("CN=client");
    }

    @Test
    void aDomainsPemCertificateAndKeyAreAccepted() throws Exception {
        domain("pem", Map.of("name", "pem", "certificate", certs.resolve("client.pem").toString(), "private_key",
                Certificates.privateKeyPem("client", certs).toString(), "ca_list",
                certs.resolve("loopback.pem").toString()));
        assertThat(whoami("pem")).isEqualTo("CN=client");
    }

    @Test
    void aDomainsOwnVerificationFlagsApplyToItsRequestsOnly() throws Exception {
        RestConfig.apply(Map.of());
        domain("lax", Map.of("name", "lax", "keystore", certs.resolve("client.p12").toString(), "keystore_password",
                Certificates.PASSWORD, "ssl_verifypeer", "0"));
        assertThat(whoami("lax")).isEqualTo("CN=client");
        RestException untrusted = catchThrowableOfType(() -> rest.get(server.url("/whoami")), RestException.class);
        assertThat(untrusted.code()).isEqualTo(RestException.INTERNAL);
    }

    @Test
    void anUnknownDomainFailsTheRequestWithMinusTen() {
        RestException unknown = catchThrowableOfType(
                () -> rest.request("GET", server.url("/whoami")).tlsDomain("nope").send(), RestException.class);
        assertThat(unknown.code()).isEqualTo(RestException.INTERNAL);
        assertThat(unknown.getMessage()).contains("no valid TLS client domain named nope");
    }

    @Test
    void aBadDomainConfigurationIsRefusedByNameAndThePreviousOneKept() throws Exception {
        Map<String, String> good = Map.of("name", "kept", "keystore", certs.resolve("client.p12").toString(),
                "keystore_password", Certificates.PASSWORD, "ca_list", certs.resolve("loopback.pem").toString());
        Configuration kept = domain("kept", good);
        assertThat(whoami("kept")).isEqualTo("CN=client");
        try (LogCapture capture = new LogCapture(logs)) {
            Hashtable<String, Object> bad = new Hashtable<>(good);
            bad.put("keystore_password", "wrong");
            kept.update(bad);
            capture.await(Duration.ofSeconds(10), FACTORY_PID, "keystore=" + certs.resolve("client.p12"),
                    "readable with keystore_password", "previous configuration of domain kept");
        }
        assertThat(whoami("kept")).isEqualTo("CN=client");

        try (LogCapture capture = new LogCapture(logs)) {
            domain("nameless", Map.of("keystore", certs.resolve("client.p12").toString()));
            capture.await(Duration.ofSeconds(10), FACTORY_PID, "name=", "must be letters", "unusable");
        }
    }

    private Configuration domain(String name, Map<String, String> properties) throws Exception {
        Configuration domain = Configs.factory(FACTORY_PID, name, properties);
        domains.add(domain);
        return domain;
    }

    /** Waits until the domain serves, then asks the server who the client certificate names. */
    private String whoami(String domain) throws Exception {
        Configs.await("domain " + domain + " in use", Duration.ofSeconds(10),
                () -> rest.request("GET", server.url("/whoami")).tlsDomain(domain).send().status() == 200);
        return rest.request("GET", server.url("/whoami")).tlsDomain(domain).send().bodyText();
    }
}
