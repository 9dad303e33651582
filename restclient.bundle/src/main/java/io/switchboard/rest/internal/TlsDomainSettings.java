package io.switchboard.rest.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Map;

import javax.net.ssl.SSLContext;

import io.switchboard.support.settings.SettingRefusedException;
import io.switchboard.support.settings.SettingsReader;

/**
 * A validated TLS client domain, its TLS context built; the configuration's own TLS settings are an
 * unnamed one ({@code name} null). Each valid configuration makes a new one, and
 * clients are kept per instance: a changed domain gets a new client, an unchanged one keeps its own.
 */
record TlsDomainSettings(String name, SSLContext tls, boolean verifyHost) {

    /**
     * @param pid the factory configuration's PID, for the refusal
     * @param properties the raw properties, to quote the value a user wrote in a refusal
     * @throws SettingRefusedException naming the PID, key, value and rule of the first bad value
     */
    static TlsDomainSettings from(TlsDomainConfiguration config, String pid, Map<String, ?> properties)
            throws SettingRefusedException {
        SettingsReader rules = new SettingsReader(pid, properties);
        String name = config.name() == null ? "" : config.name().trim();
        rules.require(name.matches("[A-Za-z0-9_.-]+"), "name", name, "must be letters, digits, '.', '_' or '-'");
        boolean verifyPeer = RestSettings.zeroOrOne(rules, "ssl_verifypeer", config.ssl__verifypeer());
        boolean verifyHost = RestSettings.zeroOrOne(rules, "ssl_verifyhost", config.ssl__verifyhost());
        String keystore = config.keystore().trim();
        String certificate = config.certificate().trim();
        String privateKey = config.private__key().trim();
        String cas = config.ca__list().trim();
        rules.require(keystore.isEmpty() || certificate.isEmpty() && privateKey.isEmpty(), "keystore", keystore,
                "and certificate/private_key exclude each other");
        rules.require(certificate.isEmpty() == privateKey.isEmpty(), certificate.isEmpty() ? "private_key"
                : "certificate", certificate.isEmpty() ? privateKey : certificate, "needs its companion "
                        + (certificate.isEmpty() ? "certificate" : "private_key"));
        requireFile(rules, "keystore", keystore);
        requireFile(rules, "certificate", certificate);
        requireFile(rules, "private_key", privateKey);
        rules.require(cas.isEmpty() || Files.exists(Path.of(cas)), "ca_list", cas,
                "must be empty, a PEM file or a folder of PEM files");
        ClientKey key = null;
        try {
            if (!keystore.isEmpty()) {
                key = ClientKey.pkcs12(Path.of(keystore), config.keystore__password());
            } else if (!certificate.isEmpty()) {
                key = ClientKey.pem(Path.of(certificate), Path.of(privateKey));
            }
        } catch (GeneralSecurityException | IOException unreadable) {
            throw keystore.isEmpty()
                    ? rules.refused("certificate", certificate, "must be readable with private_key (" + unreadable + ")")
                    : rules.refused("keystore", keystore, "must be readable with keystore_password (" + unreadable + ")");
        }
        try {
            return new TlsDomainSettings(name, Trust.context(verifyPeer, cas.isEmpty() ? null : Path.of(cas), key),
                    verifyHost);
        } catch (GeneralSecurityException | IOException unusable) {
            throw rules.refused("ca_list", cas, "must hold readable PEM certificates (" + unusable + ")");
        }
    }

    private static void requireFile(SettingsReader rules, String key, String path) throws SettingRefusedException {
        rules.require(path.isEmpty() || Files.isRegularFile(Path.of(path)), key, path, "must be empty or a readable file");
    }
}
