package io.switchboard.mihttp.internal;

import java.io.IOException;
import java.io.Writer;

import org.owasp.encoder.Encode;

/** Passes text on HTML-escaped, so JSON can be streamed into a {@code <pre>} as it is written. */
final class HtmlEscapingWriter extends Writer {
    private final Writer out;

    HtmlEscapingWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        Encode.forHtmlContent(out, new String(text, offset, length));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() {
        // The page goes on after the escaped part: the underlying writer stays open.
    }
}
