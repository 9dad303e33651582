package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoggedUrlTest {
    @Test
    void aUrlKeepsSchemeHostPortAndPathOnly() {
        assertThat(LoggedUrl.of("https://api.example.com:8443/v1/send?api_key=s3cret&x=1#frag"))
                .isEqualTo("https://api.example.com:8443/v1/send");
        assertThat(LoggedUrl.of("HTTP://user:pw@h/p#frag")).isEqualTo("http://h:80/p");
        assertThat(LoggedUrl.of("https://h?key=s3cret")).isEqualTo("https://h:443");
        assertThat(LoggedUrl.of("http://[::1]/p?key=s3cret")).isEqualTo("http://[::1]:80/p");
        assertThat(LoggedUrl.of("http://[::1]:8080?key=s3cret")).isEqualTo("http://[::1]:8080");
    }

    @Test
    void everyUrlInAMessageIsScrubbedAndTheRestKept() {
        assertThat(LoggedUrl.scrub("connection to http://127.0.0.1:9/loop?api_key=s3cret refused (rc -1)"))
                .isEqualTo("connection to http://127.0.0.1:9/loop refused (rc -1)");
        assertThat(LoggedUrl.scrub("redirects from https://h/a?token=s3cret not followed to the end: "
                + "Circular redirect to 'https://h/b?token=s3cret#x' (rc -10)"))
                .isEqualTo("redirects from https://h:443/a not followed to the end: Circular redirect to "
                        + "'https://h:443/b' (rc -10)");
        assertThat(LoggedUrl.scrub("no URL here, $1 and \\ kept")).isEqualTo("no URL here, $1 and \\ kept");
        assertThat(LoggedUrl.scrub(null)).isNull();
    }
}
