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

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.ssl.TrustStrategy;

/**
 * The TLS trust of {@code ssl_verifypeer} and {@code ssl_capath}: the JDK's CAs plus every PEM
 * certificate in the folder, in one trust store (JSSE consults only one trust manager).
 */
final class Trust {
    private Trust() {
    }

    static SSLContext context(boolean verifyPeer, Path caPath) throws GeneralSecurityException, IOException {
        if (!verifyPeer) {
            TrustStrategy anyChain = (chain, authType) -> true;
            return SSLContexts.custom().loadTrustMaterial(anyChain).build();
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
        if (caPath != null) {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            try (DirectoryStream<Path> files = Files.newDirectoryStream(caPath, "*.{pem,crt,cer}")) {
                for (Path file : files) {
                    try (InputStream in = Files.newInputStream(file)) {
                        for (Certificate ca : x509.generateCertificates(in)) {
                            store.setCertificateEntry("capath-" + n++, ca);
                        }
                    }
                }
            }
        }
        return SSLContexts.custom().loadTrustMaterial(store, null).build();
    }
}
