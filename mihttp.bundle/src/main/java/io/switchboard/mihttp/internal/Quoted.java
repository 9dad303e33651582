package io.switchboard.mihttp.internal;

/**
 * Client text said back in errors and written to log lines: its first characters only, so a reply or
 * a line costs little however much the client sent.
 */
final class Quoted {
    static final int MAX = 64;
    /** Longer {@code data} of any command's error is cut too: a command may echo what it was given. */
    static final int MAX_ERROR_DATA = 1024;

    private Quoted() {
    }

    /** @return at most {@link #MAX} characters of the text, with {@code ...} when cut */
    static String text(String text) {
        return cut(text, MAX);
    }

    /** @return the text without control characters and at most {@link #MAX} long, safe for one log line */
    static String printable(String text) {
        return text(text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        // Never half a surrogate pair: the JSON writer refuses one.
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "...";
    }
}
