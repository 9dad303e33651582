package io.switchboard.mihttp.internal;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;
import static org.owasp.encoder.Encode.forUriComponent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.switchboard.httpd.HttpdRequest;
import io.switchboard.httpd.HttpdResponse;
import io.switchboard.mi.MiException;
import io.switchboard.mi.MiStream;
import io.switchboard.mihttp.charts.StatisticsHistory;

/**
 * The MI as a web page (OpenSIPS mi_html): {@code GET /mi/} lists every command with a form, and
 * {@code /mi/<command>} runs one and shows its result readably and as raw JSON. No JavaScript;
 * every text escaped; forms carry a CSRF token and submit with {@code mi_http_method}.
 * {@code GET /mi/?view=statistics} shows the charts of the {@link StatisticsHistory}, drawn as inline SVG.
 */
final class WebPage {
    private static final Logger LOG = LoggerFactory.getLogger(WebPage.class);
    static final String CSRF = "csrf";
    /** The index's argument that picks a view other than the commands; a query, as any path may be a command. */
    static final String VIEW = "view";
    static final String STATISTICS = "statistics";
    private static final String STYLE = "body{font-family:sans-serif;margin:1.5em;color:#222}"
            + "table{border-collapse:collapse;margin:.3em 0}th,td{border:1px solid #ccc;padding:.25em .5em;"
            + "text-align:left;vertical-align:top}th{background:#f3f3f3}.error{color:#a00}"
            + "pre{background:#f7f7f7;padding:.5em;overflow:auto}.admin{color:#a60;font-size:smaller}"
            + "form label{margin-right:.6em}small{color:#666}nav{margin:-.5em 0 1em}figure{margin:.5em 0}";

    private final CommandRegistry registry;
    private final Invoker invoker;
    private final MiCounters counters;
    private final CsrfTokens tokens;
    private final MiHttpSettings settings;
    private final JsonMapper mapper;
    private final StatisticsHistory history;

    WebPage(CommandRegistry registry, Invoker invoker, MiCounters counters, CsrfTokens tokens, MiHttpSettings settings,
            JsonMapper mapper, StatisticsHistory history) {
        this.registry = registry;
        this.invoker = invoker;
        this.counters = counters;
        this.tokens = tokens;
        this.settings = settings;
        this.mapper = mapper;
        this.history = history;
    }

    /** {@code GET /mi/}: every command and its form; with {@code ?view=statistics}, the charts. */
    void index(HttpdRequest request, HttpdResponse response, Caller caller) throws IOException {
        Optional<String> view = first(request.args(), VIEW);
        if (view.isPresent() && !view.get().equals(STATISTICS)) {
            message(response, 404, caller, "No view named " + Quoted.text(view.get()) + "; there is " + STATISTICS);
            return;
        }
        if (view.isPresent()) {
            try (Writer page = open(response, 200)) {
                header(page, "Statistics", caller);
                history.write(page);
                footer(page);
            }
            return;
        }
        try (Writer page = open(response, 200)) {
            header(page, "Switchboard MI", caller);
            page.write("<table class=\"commands\"><tr><th>Command</th><th>Description</th><th>Run</th></tr>");
            String token = tokens.issue(caller);
            for (CommandInfo command : registry.commands()) {
                page.write("<tr id=\"" + forHtmlAttribute("cmd-" + command.name()) + "\"><td><a href=\""
                        + forHtmlAttribute(link(command.name())) + "\">" + forHtml(command.name()) + "</a>");
                if (!command.aliases().isEmpty()) {
                    page.write("<br><small>also " + forHtml(String.join(", ", command.aliases())) + "</small>");
                }
                page.write("</td><td>" + forHtml(command.description()));
                if (command.admin()) {
                    page.write(" <span class=\"admin\">(admin)</span>");
                }
                page.write("</td><td>");
                form(page, command, token, Map.of());
                page.write("</td></tr>");
            }
            page.write("</table>");
            footer(page);
        }
    }

    /**
     * {@code /mi/<command>}: runs it when the request uses {@code mi_http_method} and carries a
     * valid token, else shows its form.
     */
    void command(HttpdRequest request, HttpdResponse response, Caller caller, String name) throws IOException {
        CommandInfo command = registry.find(name);
        if (command == null) {
            message(response, 404, caller, "No command named " + name);
            return;
        }
        boolean post = request.method().equals("POST");
        Map<String, List<String>> args = request.args();
        if (post != settings.formsPost()) {
            if (post) {
                response.header("Allow", "GET");
                message(response, 405, caller, "The forms use GET (mi_http_method=0)");
                return;
            }
            if (args.containsKey(CSRF)) {
                response.header("Allow", "POST");
                message(response, 405, caller, "The forms use POST (mi_http_method=1)");
                return;
            }
        }
        Optional<String> token = first(args, CSRF);
        if (token.isPresent() && !tokens.valid(token.get(), caller)) {
            counters.answered(403);
            message(response, 403, caller, "This form has expired or did not come from this page: reload it");
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String param : command.allParams()) {
            first(args, param).filter(value -> !value.isEmpty()).ifPresent(value -> values.put(param, value));
        }
        try (Writer page = open(response, 200)) {
            header(page, command.name(), caller);
            page.write("<p>" + forHtml(command.description()) + "</p>");
            form(page, command, tokens.issue(caller), values);
            if (token.isPresent()) {
                result(page, caller, command, values);
            }
            footer(page);
        }
    }

    private void result(Writer page, Caller caller, CommandInfo command, Map<String, String> values)
            throws IOException {
        Object result;
        try {
            result = invoker.invoke(caller, command.name(), params(values));
        } catch (MiException failed) {
            page.write("<section id=\"error\" class=\"error\"><h2>Error</h2><p>Code <code>" + failed.code()
                    + "</code>: " + forHtml(Quoted.cut(String.valueOf(failed.getMessage()), Quoted.MAX_ERROR_DATA)));
            if (failed.data() != null) {
                page.write(" &mdash; " + forHtml(Quoted.cut(String.valueOf(failed.data()), Quoted.MAX_ERROR_DATA)));
            }
            page.write("</p></section>");
            return;
        }
        page.write("<section id=\"result\"><h2>Result</h2>");
        if (!(result instanceof MiStream)) {
            page.write("<div id=\"readable\">");
            new HtmlTree(page).render(result);
            page.write("</div>");
        }
        page.write("<h3>Raw</h3><pre id=\"raw\">");
        try (JsonGenerator json = mapper.createGenerator(new HtmlEscapingWriter(page))) {
            json.useDefaultPrettyPrinter();
            new JsonResultWriter(json).value(result);
        } catch (IOException failed) {
            LOG.warn("mi_http: the result of {} broke off on the web page", command.name(), failed);
            page.write("</pre><p class=\"error\">The result broke off; the server's log has the details.</p><pre>");
        }
        page.write("</pre></section>");
    }

    /** Form values are text; one that reads as a JSON array or object is passed as one. */
    private Map<String, Object> params(Map<String, String> values) {
        Map<String, Object> params = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            Object parsed = value;
            String trimmed = value.trim();
            if (trimmed.startsWith("[") || trimmed.startsWith("{")) {
                try {
                    parsed = mapper.readValue(trimmed, Object.class);
                } catch (JsonProcessingException | NumberFormatException | ArithmeticException notJson) {
                    // An exponent beyond BigDecimal's comes as the JDK's exceptions, not Jackson's.
                    parsed = value;
                }
            }
            params.put(name, parsed);
        });
        return params;
    }

    private void form(Writer page, CommandInfo command, String token, Map<String, String> values) throws IOException {
        page.write("<form method=\"" + (settings.formsPost() ? "post" : "get") + "\" action=\""
                + forHtmlAttribute(link(command.name())) + "\">");
        for (String param : command.params()) {
            input(page, param, true, values.get(param));
        }
        for (String param : command.optionalParams()) {
            input(page, param, false, values.get(param));
        }
        page.write("<input type=\"hidden\" name=\"" + CSRF + "\" value=\"" + forHtmlAttribute(token) + "\">"
                + "<button type=\"submit\">Run</button></form>");
    }

    private static void input(Writer page, String param, boolean required, String value) throws IOException {
        page.write("<label>" + forHtml(param) + (required ? "*" : "") + " <input name=\"" + forHtmlAttribute(param)
                + "\"" + (value == null ? "" : " value=\"" + forHtmlAttribute(value) + "\"")
                + (required ? " required" : "") + "></label>");
    }

    private void message(HttpdResponse response, int status, Caller caller, String text) throws IOException {
        try (Writer page = open(response, status)) {
            header(page, "Switchboard MI", caller);
            page.write("<p class=\"error\" id=\"message\">" + forHtml(text) + "</p>");
            footer(page);
        }
    }

    private Writer open(HttpdResponse response, int status) throws IOException {
        response.status(status).contentType("text/html;charset=utf-8");
        // Never framed by another site (clickjacking of a filled-in form), never sniffed, never cached.
        response.header("X-Frame-Options", "DENY").header("Content-Security-Policy", "frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff").header("Cache-Control", "no-store");
        return new BufferedWriter(new OutputStreamWriter(response.output(), StandardCharsets.UTF_8), 8192);
    }

    private void header(Writer page, String title, Caller caller) throws IOException {
        page.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + forHtml(title)
                + "</title><style>" + STYLE + "</style></head><body><h1><a href=\"" + forHtmlAttribute(home())
                + "\">Switchboard MI</a>" + (title.equals("Switchboard MI") ? "" : ": " + forHtml(title))
                + "</h1><p><small>as " + forHtml(caller.name()) + (caller.admin() ? " (admin)" : "")
                + "</small></p><nav><a href=\"" + forHtmlAttribute(home()) + "\">Commands</a> | <a href=\""
                + forHtmlAttribute(home() + "?" + VIEW + "=" + STATISTICS) + "\">Statistics</a></nav>");
    }

    private static void footer(Writer page) throws IOException {
        page.write("</body></html>\n");
    }

    private String home() {
        return "/" + settings.root() + "/";
    }

    private String link(String command) {
        return home() + forUriComponent(command);
    }

    private static Optional<String> first(Map<String, List<String>> args, String name) {
        List<String> values = args.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
