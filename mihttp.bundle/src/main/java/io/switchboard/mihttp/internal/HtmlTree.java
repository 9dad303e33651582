package io.switchboard.mihttp.internal;

import static org.owasp.encoder.Encode.forHtml;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Renders a command result for people: objects as two-column tables, arrays of like objects as
 * tables with a column per key, other arrays as numbered lists, and every text escaped.
 */
final class HtmlTree {
    private final Writer out;

    HtmlTree(Writer out) {
        this.out = out;
    }

    void render(Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            out.write("<table class=\"object\">");
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.write("<tr><th>" + forHtml(String.valueOf(entry.getKey())) + "</th><td>");
                render(entry.getValue());
                out.write("</td></tr>");
            }
            out.write("</table>");
        } else if (value instanceof Collection<?> || value != null && value.getClass().isArray()) {
            List<Object> items = items(value);
            if (!items.isEmpty() && items.stream().allMatch(item -> item instanceof Map<?, ?> map
                    && Objects.equals(map.keySet(), ((Map<?, ?>) items.get(0)).keySet()))) {
                table(items);
            } else {
                out.write("<ol>");
                for (Object item : items) {
                    out.write("<li>");
                    render(item);
                    out.write("</li>");
                }
                out.write("</ol>");
            }
        } else if (value == null) {
            out.write("<span class=\"null\">null</span>");
        } else {
            out.write(forHtml(String.valueOf(value)));
        }
    }

    private void table(List<Object> rows) throws IOException {
        out.write("<table class=\"rows\"><tr>");
        for (Object key : ((Map<?, ?>) rows.get(0)).keySet()) {
            out.write("<th>" + forHtml(String.valueOf(key)) + "</th>");
        }
        out.write("</tr>");
        for (Object row : rows) {
            out.write("<tr>");
            for (Object cell : ((Map<?, ?>) row).values()) {
                out.write("<td>");
                render(cell);
                out.write("</td>");
            }
            out.write("</tr>");
        }
        out.write("</table>");
    }

    private static List<Object> items(Object value) {
        if (value instanceof Collection<?> collection) {
            return new ArrayList<>(collection);
        }
        List<Object> items = new ArrayList<>();
        for (int i = 0, n = Array.getLength(value); i < n; i++) {
            items.add(Array.get(value, i));
        }
        return items;
    }
}
