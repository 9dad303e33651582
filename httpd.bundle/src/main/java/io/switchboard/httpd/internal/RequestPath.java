package io.switchboard.httpd.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * A request path split into its root (the first segment) and the path below it, after decoding and
 * normalisation.
 *
 * @param root the first segment, {@code ""} for {@code /}
 * @param below the path under the root: {@code ""} for {@code /mi}, {@code "/"} for {@code /mi/}
 * @param full the whole decoded, normalised path
 */
record RequestPath(String root, String below, String full) {

    /** The path cannot be dispatched: it escapes its root or is not a valid path. */
    static final class RejectedPathException extends Exception {
        private static final long serialVersionUID = 1L;

        RejectedPathException(String message) {
            super(message);
        }
    }

    /**
     * @param rawPath the path as the client sent it, percent-encoded, without the query
     * @return the split path
     * @throws RejectedPathException for encoded separators, {@code ..} above the root, NUL or a
     *         malformed encoding
     */
    static RequestPath parse(String rawPath) throws RejectedPathException {
        if (rawPath == null || !rawPath.startsWith("/")) {
            throw new RejectedPathException("path must start with /");
        }
        if (rawPath.indexOf('\\') >= 0 || rawPath.indexOf('#') >= 0) {
            throw new RejectedPathException("backslash or fragment in path");
        }
        if (rawPath.indexOf('%') < 0) {
            return normalise(rawPath);
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        // Decoded, these would be separators inside a segment: a way round the root check.
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
            throw new RejectedPathException("encoded separator or NUL in path");
        }
        String decoded;
        try {
            // Leading "//" would make URI read the first segment as an authority.
            int first = 0;
            while (first + 1 < rawPath.length() && rawPath.charAt(first + 1) == '/') {
                first++;
            }
            decoded = new URI(rawPath.substring(first)).getPath();
        } catch (URISyntaxException malformed) {
            throw new RejectedPathException("malformed path: " + malformed.getReason());
        }
        return normalise(decoded);
    }

    private static RequestPath normalise(String decoded) throws RejectedPathException {
        if (decoded.length() > 1 && !decoded.contains("//") && !decoded.contains("/.")) {
            // Already normal, as nearly every request is: split without building segments.
            int end = decoded.indexOf('/', 1);
            return end < 0 ? new RequestPath(decoded.substring(1), "", decoded)
                    : new RequestPath(decoded.substring(1, end), decoded.substring(end), decoded);
        }
        boolean trailingSlash = decoded.endsWith("/") && decoded.length() > 1;
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : decoded.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.size() <= 1) {
                    throw new RejectedPathException("path escapes its root");
                }
                segments.removeLast();
                continue;
            }
            segments.addLast(segment);
        }
        if (segments.isEmpty()) {
            return new RequestPath("", "", "/");
        }
        String full = "/" + String.join("/", segments) + (trailingSlash ? "/" : "");
        String root = segments.getFirst();
        return new RequestPath(root, full.substring(root.length() + 1), full);
    }
}
