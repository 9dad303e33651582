package io.switchboard.httpd.internal;

import java.util.Arrays;

/** What a handler may set on a response: a final status, and header lines that cannot split the head. */
final class ResponseRules {
    private ResponseRules() {
    }

    static void requireFinalStatus(int code) {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("status " + code + " is outside 200-599"
                    + (code >= 100 && code < 200 ? ": a 1xx is not a final status" : ""));
        }
    }

    static void requireSingleLine(String what, String value) {
        if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " must be one line without CR or LF: " + Arrays.asList(value));
        }
    }
}
