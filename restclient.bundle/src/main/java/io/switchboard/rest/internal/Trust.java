package io.switchboard.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.apache.hc.core5.ssl.SSLContextBuilder;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.ssl.TrustStrategy;

/**
 * The TLS context of a client: trust as {@code ssl_verifypeer} and {@code ssl_capath} (or a TLS
 * domain's {@code ca_list}) say, the JDK's CAs plus every PEM certificate given, in one trust store
 * (JSSE consults only one trust manager); and a TLS domain's client key, if it has one.
 */
final class Trust {
    /**
     * The JDK's CAs alone: nothing of the user's to check, the same for every configuration, so one
     * context, read when a connection first needs it.
     */
    private static final SSLContext JDK_TRUST = new DeferredSslContext(() -> made(true, null, null));

    private Trust() {
    }

    /**
     * @param cas a PEM file, or a folder of {@code *.pem}, {@code *.crt} and {@code *.cer} files;
     *        {@code null} for the JDK's CAs alone
     * @param clientKey the client certificate and key to present, or {@code null}
     */
    static SSLContext context(boolean verifyPeer, Path cas, ClientKey clientKey)
            throws GeneralSecurityException, IOException {
        if (verifyPeer && cas == null && clientKey == null) {
            return JDK_TRUST;
        }
        return made(verifyPeer, cas, clientKey);
    }

    private static SSLContext made(boolean verifyPeer, Path cas, ClientKey clientKey)
            throws GeneralSecurityException, IOException {
        SSLContextBuilder builder = SSLContexts.custom();
        if (clientKey != null) {
            builder.loadKeyMaterial(clientKey.store(), clientKey.password());
        }
        if (!verifyPeer) {
            TrustStrategy anyChain = (chain, authType) -> true;
            return builder.loadTrustMaterial(anyChain).build();
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        int n = 0;
        for (TrustManager manager : jdk.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                for (X509Certificate ca : x509.getAcceptedIssuers()) {
                    store.setCertificateEntry("jdk-" + n++, ca);
                }
            }
        }
        if (cas != null) {
            for (Certificate ca : certificates(cas)) {
                store.setCertificateEntry("ca-" + n++, ca);
            }
        }
        return builder.loadTrustMaterial(store, null).build();
    }

    /** Every certificate in a PEM file, or in the PEM files of a folder. */
    static List<Certificate> certificates(Path pem) throws GeneralSecurityException, IOException {
        CertificateFactory x509 = CertificateFactory.getInstance("X.509");
        if (!Files.isDirectory(pem)) {
            try (InputStream in = Files.newInputStream(pem)) {
                return List.copyOf(x509.generateCertificates(in));
            }
        }
        List<Certificate> all = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(pem, "*.{pem,crt,cer}")) {
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    all.addAll(x509.generateCertificates(in));
                }
            }
        }
        return all;
    }
}
