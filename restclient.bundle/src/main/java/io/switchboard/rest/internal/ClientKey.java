package io.switchboard.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * A TLS domain's client certificate and key, from a PKCS12 keystore or from PEM files, as an
 * in-memory key store JSSE can present.
 */
record ClientKey(KeyStore store, char[] password) {
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String END = "-----END PRIVATE KEY-----";

    /** @throws GeneralSecurityException or IOException when it cannot be read, or holds no key */
    static ClientKey pkcs12(Path keystore, String password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        char[] secret = password.toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, secret);
        }
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return new ClientKey(store, secret);
            }
        }
        throw new GeneralSecurityException("it holds no private key");
    }

    /**
     * @param certificate the PEM certificate chain, the client's own first
     * @param privateKey an unencrypted PKCS#8 PEM key ({@code BEGIN PRIVATE KEY}); the JDK reads no
     *        other form ({@code openssl pkcs8 -topk8 -nocrypt} converts)
     */
    static ClientKey pem(Path certificate, Path privateKey) throws GeneralSecurityException, IOException {
        List<Certificate> chain = Trust.certificates(certificate);
        if (chain.isEmpty()) {
            throw new GeneralSecurityException(certificate + " holds no certificate");
        }
        String text = Files.readString(privateKey, StandardCharsets.US_ASCII);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new GeneralSecurityException(privateKey + " holds no unencrypted PKCS#8 key (" + BEGIN + ")");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + BEGIN.length(), end));
        String algorithm = chain.get(0).getPublicKey().getAlgorithm();
        PrivateKey key = KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        // The store never leaves memory; PKCS12 wants some password to protect the entry with.
        char[] internal = "switchboard".toCharArray();
        store.setKeyEntry("client", key, internal, chain.toArray(Certificate[]::new));
        return new ClientKey(store, internal);
    }
}
