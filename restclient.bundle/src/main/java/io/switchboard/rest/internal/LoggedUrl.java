package io.switchboard.rest.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * URLs as log lines show them: {@code scheme://host:port/path}. Query strings often carry API keys,
 * fragments and user information other secrets, and logs travel further than the caller's exception,
 * which keeps the whole URL.
 */
final class LoggedUrl {
    /** An http or https URL in a message, up to white space or a quote, as messages set one off. */
    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s'\"<>]*");

    private LoggedUrl() {
    }

    /** @return {@code message} with every http or https URL in it cut to scheme, host, port and path */
    static String scrub(String message) {
        if (message == null) {
            return null;
        }
        Matcher urls = URL.matcher(message);
        StringBuilder scrubbed = new StringBuilder();
        while (urls.find()) {
            urls.appendReplacement(scrubbed, Matcher.quoteReplacement(of(urls.group())));
        }
        return urls.appendTail(scrubbed).toString();
    }

    /** @return {@code url}, an http or https URL, as {@code scheme://host:port/path} */
    static String of(String url) {
        int authorityStart = url.indexOf("://") + 3;
        String scheme = url.substring(0, authorityStart - 3).toLowerCase(Locale.ROOT);
        int pathStart = firstOf(url, "/?#", authorityStart);
        String hostPort = url.substring(authorityStart, pathStart);
        hostPort = hostPort.substring(hostPort.lastIndexOf('@') + 1);
        if (hostPort.lastIndexOf(':') <= hostPort.lastIndexOf(']')) {
            hostPort += "https".equals(scheme) ? ":443" : ":80";
        }
        return scheme + "://" + hostPort + url.substring(pathStart, firstOf(url, "?#", pathStart));
    }

    private static int firstOf(String text, String characters, int from) {
        for (int i = from; i < text.length(); i++) {
            if (characters.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return text.length();
    }
}
