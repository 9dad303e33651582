package io.switchboard.itest.mi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;

import io.switchboard.itest.Httpd;
import io.switchboard.itest.Loopback;
import io.switchboard.itest.Mi;

/** The web page over plain HTTP: listing, forms, escaping, tokens and the form method. */
class WebPageTest {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @InjectBundleContext
    BundleContext context;

    @BeforeEach
    void serve() throws Exception {
        Httpd.port();
        Mi.reset();
        TestCommands.echo(context);
        TestCommands.register(context, params -> "ok", "test_html", new String[0], new String[0], false,
                "<b>bold</b> & \"quoted\"");
    }

    @AfterEach
    void back() throws Exception {
        Mi.reset();
    }

    @Test
    void theIndexListsEveryCommandWithAFormAndEscapesText() throws Exception {
        HttpResponse<String> bare = Loopback.get(Httpd.port(), "/mi");
        assertThat(bare.statusCode()).isEqualTo(301);
        assertThat(bare.headers().firstValue("Location")).hasValue("/mi/");
        HttpResponse<String> index = Loopback.get(Httpd.port(), "/mi/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String page = index.body();
        assertThat(page).contains("<form method=\"get\" action=\"/mi/test_echo\">")
                .contains("<input name=\"a\" required>").contains("<input name=\"b\">")
                .contains("&lt;b&gt;bold&lt;/b&gt; &amp; &#34;quoted&#34;").doesNotContain("<b>bold</b>")
                .contains("action=\"/mi/httpd%3Alist_root_path\"").doesNotContain("<script");
        assertThat(TOKEN.matcher(page).find()).isTrue();
    }

    @Test
    void aFormRunsItsCommandAndShowsTheResultEscaped() throws Exception {
        String token = token(Loopback.get(Httpd.port(), "/mi/").body());
        HttpResponse<String> result = Loopback.get(Httpd.port(), "/mi/test_echo?a="
                + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8) + "&b=2&csrf=" + token);
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("<section id=\"result\">")
                .contains("<th>a</th><td>&lt;script&gt;alert(1)&lt;/script&gt;</td>")
                .contains("\"a\" : \"&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .doesNotContain("<script>");
    }

    @Test
    void aFormWithoutAValidTokenDoesNotRun() throws Exception {
        HttpResponse<String> noToken = Loopback.get(Httpd.port(), "/mi/test_echo?a=1");
        assertThat(noToken.statusCode()).isEqualTo(200);
        assertThat(noToken.body()).contains("<form").doesNotContain("id=\"result\"");
        HttpResponse<String> forged = Loopback.get(Httpd.port(), "/mi/test_echo?a=1&csrf=99999999999999.forged");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).doesNotContain("id=\"result\"");
        assertThat(Loopback.get(Httpd.port(), "/mi/no_such_command").statusCode()).isEqualTo(404);
    }

    @Test
    void withPostFormsTheFormsPostAndCarryTheirToken() throws Exception {
        Mi.configure(Map.of("mi_http_root", "mi", "mi_http_method", 1));
        String page = Loopback.get(Httpd.port(), "/mi/").body();
        assertThat(page).contains("<form method=\"post\" action=\"/mi/test_echo\">");
        String token = token(page);
        HttpResponse<String> posted = Loopback.CLIENT.send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + Httpd.port() + "/mi/test_echo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=posted&csrf=" + URLEncoder.encode(token,
                        StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(posted.body()).contains("<th>a</th><td>posted</td>");
        HttpResponse<String> noToken = Loopback.CLIENT.send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + Httpd.port() + "/mi/test_echo"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("a=posted")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.body()).doesNotContain("id=\"result\"");
        assertThat(Loopback.get(Httpd.port(), "/mi/test_echo?a=1&csrf=" + token).statusCode()).isEqualTo(405);
    }

    private static String token(String page) {
        Matcher matcher = TOKEN.matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }
}
