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
 * parsing every one of them and starting JSSE: a quarter of a second of the container's start-up
 * (seen in a class-loading timeline), spent before any HTTPS request, and for nothing when none comes.
 * Only a context that cannot fail for a bad setting is deferred: one that reads the user's files is
 * made with its configuration, so that a bad file refuses the configuration (see {@link Trust}).
 */
final class DeferredSslContext extends SSLContext {

    DeferredSslContext(Callable<SSLContext> make) {
        super(new Deferred(make), null, "TLS");
    }

    private static final class Deferred extends SSLContextSpi {
        private final Callable<SSLContext> make;
        private volatile SSLContext made;

        Deferred(Callable<SSLContext> make) {
            this.make = make;
        }

        private SSLContext made() {
            SSLContext context = made;
            if (context == null) {
                synchronized (this) {
                    context = made;
                    if (context == null) {
                        try {
                            context = make.call();
                        } catch (Exception failed) {
                            throw new IllegalStateException("the TLS context could not be made: " + failed, failed);
                        }
                        made = context;
                    }
                }
            }
            return context;
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
