package io.switchboard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TargetUrlTest {
    @Test
    void charactersBeyondUsAsciiAreSentPercentEncodedAsUtf8() {
        assertThat(TargetUrl.parse("http://127.0.0.1:8080/café?q=€").toString())
                .isEqualTo("http://127.0.0.1:8080/caf%C3%A9?q=%E2%82%AC");
        assertThat(TargetUrl.parse("https://[::1]/a%20b").toString()).isEqualTo("https://[::1]/a%20b");
    }

    @Test
    void aUsAsciiUrlIsTakenAsItIsWithItsEscapes() {
        assertThat(TargetUrl.parse("https://Example.org:8443/a%20b/c?x=%E2%82%AC&y=1#top"))
                .isEqualTo(java.net.URI.create("https://Example.org:8443/a%20b/c?x=%E2%82%AC&y=1#top"));
    }

    @Test
    void whatCannotBeSentIsRefusedSayingWhy() {
        assertThatIllegalArgumentException().isThrownBy(() -> TargetUrl.parse("ftp://127.0.0.1/"))
                .withMessageContaining("http or https");
        assertThatIllegalArgumentException().isThrownBy(() -> TargetUrl.parse("http://a_b.example/"))
                .withMessageContaining("host");
        assertThatIllegalArgumentException().isThrownBy(() -> TargetUrl.parse("http://127.0.0.1:0/"))
                .withMessageContaining("port 0");
        assertThatIllegalArgumentException().isThrownBy(() -> TargetUrl.parse("http://127.0.0.1:70000/"))
                .withMessageContaining("port 70000");
        assertThatIllegalArgumentException().isThrownBy(() -> TargetUrl.parse("http://u:p@127.0.0.1/"))
                .withMessageContaining("user information");
        assertThatIllegalArgumentException().isThrownBy(() -> TargetUrl.parse("http://127.0.0.1/a b"));
    }
}
