package io.switchboard.rest.internal;

import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A TLS context made the first time a connection needs it. Trusting the JDK's CAs means reading and
 * parsing every one of them and starting JSSE, at every start and for nothing when no HTTPS request
 * comes. Only a context that reads nothing of the user's settings is deferred: one that reads their
 * files is made with its configuration, so that a bad file refuses the configuration (see {@link Trust}).
 * The first connection makes it on HttpClient's I/O thread, once per JVM as {@link Trust} shares it.
 */
final class DeferredSslContext extends SSLContext {

    DeferredSslContext(Callable<SSLContext> make) {
        super(new Deferred(make), null, "TLS");
    }

    private static final class Deferred extends SSLContextSpi {
        private final Callable<SSLContext> make;
        private volatile SSLContext made;
        /** Kept: what failed (the JVM's own trust store settings) fails the same way for every connection. */
        private IllegalStateException failed;

        Deferred(Callable<SSLContext> make) {
            this.make = make;
        }

        private SSLContext made() {
            SSLContext context = made;
            if (context != null) {
                return context;
            }
            synchronized (this) {
                if (made == null && failed == null) {
                    try {
                        made = make.call();
                    } catch (Exception failure) {
                        failed = new IllegalStateException("the TLS context could not be made: " + failure, failure);
                    }
                }
                if (failed != null) {
                    throw failed;
                }
                return made;
            }
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
                throws KeyManagementException {
            throw new KeyManagementException("a deferred TLS context is made by its own recipe, not initialised");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return made().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return made().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return made().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return made().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return made().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return made().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return made().getDefaultSSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return made().getSupportedSSLParameters();
        }
    }
}
