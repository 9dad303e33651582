package io.switchboard.httpd.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jetty.util.UrlEncoded;

import io.switchboard.httpd.RequestRefusedException;

/**
 * The arguments of a request ({@code lookup_arg}): its query, then its form, decoded by Jetty's
 * {@link UrlEncoded} into lists that only grow, so that parsing takes time in proportion to the
 * input. (Jetty's own form fields copy a name's value list on every value: a body repeating one
 * name took minutes.) The limits are checked here, so the client learns which one it passed.
 */
final class FormArguments {
    private final HttpdSettings.Forms limits;
    private final Map<String, List<String>> arguments = new LinkedHashMap<>();
    private int count;

    private FormArguments(HttpdSettings.Forms limits) {
        this.limits = limits;
    }

    /**
     * @param query the raw query string, {@code ""} for none
     * @param form the form body, or {@code null} when the request has none
     * @param charset the form's charset
     * @return every argument with its values, query first, in order; unmodifiable
     * @throws RequestRefusedException 413 past {@code max_form_size}, 400 past {@code max_form_keys} or for
     *         a malformed escape
     */
    static Map<String, List<String>> parse(String query, byte[] form, Charset charset, HttpdSettings.Forms limits) {
        FormArguments parsed = new FormArguments(limits);
        try {
            if (!query.isEmpty()) {
                UrlEncoded.decodeTo(query, parsed::add, StandardCharsets.UTF_8);
            }
            if (form != null) {
                if (form.length > limits.maxSize()) {
                    throw tooLarge(limits);
                }
                UrlEncoded.decodeTo(new ByteArrayInputStream(form), parsed::add, charset, -1, -1);
            }
        } catch (IllegalArgumentException malformed) {
            throw new RequestRefusedException(400, "Bad Request: the arguments cannot be decoded: "
                    + malformed.getMessage());
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen);
        }
        parsed.arguments.replaceAll((name, values) -> Collections.unmodifiableList(values));
        return Collections.unmodifiableMap(parsed.arguments);
    }

    static RequestRefusedException tooLarge(HttpdSettings.Forms limits) {
        return new RequestRefusedException(413, "Payload Too Large: the form is longer than max_form_size="
                + limits.maxSize() + " bytes");
    }

    private void add(String name, String value) {
        if (++count > limits.maxKeys()) {
            throw new RequestRefusedException(400, "Bad Request: more than max_form_keys=" + limits.maxKeys()
                    + " arguments");
        }
        arguments.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
}
