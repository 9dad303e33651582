package io.switchboard.httpd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.switchboard.httpd.RequestRefusedException;

class FormArgumentsTest {
    private static final HttpdSettings.Forms LIMITS = new HttpdSettings.Forms(100, 5);

    @Test
    void queryThenFormInOrderWithEveryValue() {
        Map<String, List<String>> args = FormArguments.parse("b=1&a=%20x", bytes("b=2&c=&d"), StandardCharsets.UTF_8,
                LIMITS);

        assertThat(args).containsExactly(Map.entry("b", List.of("1", "2")), Map.entry("a", List.of(" x")),
                Map.entry("c", List.of("")), Map.entry("d", List.of("")));
    }

    @Test
    void theFormsCharsetDecodesIt() {
        Map<String, List<String>> args = FormArguments.parse("", "n=%E9".getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.ISO_8859_1, LIMITS);

        assertThat(args.get("n")).containsExactly("é");
    }

    @Test
    void aFormLongerThanMaxFormSizeIs413() {
        assertThatThrownBy(() -> FormArguments.parse("", bytes("a=" + "b".repeat(99)), StandardCharsets.UTF_8, LIMITS))
                .isInstanceOfSatisfying(RequestRefusedException.class, refused -> assertThat(refused.status()).isEqualTo(413))
                .hasMessageContaining("max_form_size=100");
    }

    @Test
    void moreArgumentsThanMaxFormKeysAre400() {
        assertThatThrownBy(() -> FormArguments.parse("a&b&c", bytes("d&e&f"), StandardCharsets.UTF_8, LIMITS))
                .isInstanceOfSatisfying(RequestRefusedException.class, refused -> assertThat(refused.status()).isEqualTo(400))
                .hasMessageContaining("max_form_keys=5");
    }

    @Test
    void aBadEscapeIs400() {
        assertThatThrownBy(() -> FormArguments.parse("a=%zz", null, StandardCharsets.UTF_8, LIMITS))
                .isInstanceOfSatisfying(RequestRefusedException.class, refused -> assertThat(refused.status()).isEqualTo(400));
    }

    @Test
    void theResultCannotBeChanged() {
        Map<String, List<String>> args = FormArguments.parse("a=1", null, StandardCharsets.UTF_8, LIMITS);

        assertThatThrownBy(() -> args.get("a").add("2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> args.put("b", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
