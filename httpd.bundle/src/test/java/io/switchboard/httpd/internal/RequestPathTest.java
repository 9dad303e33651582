package io.switchboard.httpd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/mi       | mi    | ''",
            "/mi/      | mi    | /",
            "/mi/x     | mi    | /x",
            "/mix      | mix   | ''",
            "/         | ''    | ''",
            "//mi//x   | mi    | /x",
            "/mi/./x   | mi    | /x",
            "/mi/a/../b| mi    | /b",
            "/m%69/x   | mi    | /x",
            "/mi/a%20b | mi    | /a b",
            "/h%C3%A9/ | hé    | /" })
    void splitsTheRootFromThePathBelowIt(String raw, String root, String below) throws Exception {
        RequestPath path = RequestPath.parse(raw.trim());
        assertThat(path.root()).isEqualTo(root.trim());
        assertThat(path.below()).isEqualTo(below.trim());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/mi/..", "/mi/../hello", "/..", "/mi/%2e%2e/hello", "/mi/%2E%2E", "/mi%2fhello",
            "/mi/a%2Fb", "/mi/a%5cb", "/mi\\x", "/mi/%00", "/mi/%zz", "mi", "" })
    void rejectsPathsThatEscapeTheirRootOrAreMalformed(String raw) {
        assertThatThrownBy(() -> RequestPath.parse(raw)).isInstanceOf(RequestPath.RejectedPathException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/mi/x/", "/mi/" })
    void keepsATrailingSlash(String raw) throws Exception {
        assertThat(RequestPath.parse(raw).full()).isEqualTo(raw);
    }
}
