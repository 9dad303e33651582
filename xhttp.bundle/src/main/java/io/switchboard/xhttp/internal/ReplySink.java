package io.switchboard.xhttp.internal;

/** Where a checked reply goes: the httpd response or the microhttpd connection. */
interface ReplySink {
    /** Sends a whole response; called once, from any thread. */
    void send(int code, String contentType, byte[] body);
}
