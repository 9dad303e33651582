package io.switchboard.xhttp.internal;

/**
 * An upper bound on the size of the program a regular expression compiles to, read from its text
 * before it is compiled. RE2 matches in time linear in the URL but proportional to the program, and
 * counted repetitions multiply it: {@code ((a{1000}){1000}){1000}} is 24 characters and a billion
 * steps, which exhausts the heap while compiling. Every atom counts one step, a counted repetition
 * multiplies its atom by the larger count; anything this reader does not know counts as one step,
 * which errs on the large side as every atom is at least one.
 */
final class RegexSize {
    /** Larger than any bound in use, so sums and products saturate there instead of overflowing. */
    private static final long SATURATED = 1L << 40;

    private final String regex;
    private int at;

    private RegexSize(String regex) {
        this.regex = regex;
    }

    /** @return the bound, at most 2^40 */
    static long of(String regex) {
        RegexSize reader = new RegexSize(regex);
        long size = 0;
        // A ')' without its '(' is left to the compiler to refuse; the size goes on counting after it.
        while (reader.at < regex.length()) {
            size = add(size, reader.alternation());
            reader.at++;
        }
        return size;
    }

    private long alternation() {
        long size = sequence();
        while (at < regex.length() && regex.charAt(at) == '|') {
            at++;
            size = add(size, add(sequence(), 1));
        }
        return size;
    }

    private long sequence() {
        long size = 0;
        while (at < regex.length() && regex.charAt(at) != '|' && regex.charAt(at) != ')') {
            size = add(size, quantified(atom()));
        }
        return size;
    }

    private long atom() {
        char c = regex.charAt(at++);
        if (c == '(') {
            long inner = alternation();
            at++; // the ')', if there is one
            return add(inner, 1);
        }
        if (c == '[') {
            skipClass();
        } else if (c == '\\' && at < regex.length()) {
            return escape();
        }
        return 1;
    }

    /** Skips {@code \p{..}}, {@code \x{..}} and {@code \Q..\E} whole: their braces are not repetitions. */
    private long escape() {
        char c = regex.charAt(at++);
        if (c == 'Q') {
            int end = regex.indexOf("\\E", at);
            int literal = (end < 0 ? regex.length() : end) - at;
            at = end < 0 ? regex.length() : end + 2;
            return Math.max(1, literal);
        }
        if ((c == 'p' || c == 'P' || c == 'x') && at < regex.length() && regex.charAt(at) == '{') {
            int end = regex.indexOf('}', at);
            at = end < 0 ? regex.length() : end + 1;
        }
        return 1;
    }

    /** Skips a class such as {@code []a]}, {@code [^\]]} or {@code [[:alpha:]x]}. */
    private void skipClass() {
        if (at < regex.length() && regex.charAt(at) == '^') {
            at++;
        }
        if (at < regex.length() && regex.charAt(at) == ']') {
            at++;
        }
        while (at < regex.length() && regex.charAt(at) != ']') {
            if (regex.charAt(at) == '\\') {
                at++;
            } else if (regex.startsWith("[:", at)) {
                int end = regex.indexOf(":]", at + 2);
                at = end < 0 ? at : end + 1;
            }
            at++;
        }
        at++;
    }

    private long quantified(long atom) {
        long size = atom;
        while (at < regex.length()) {
            char c = regex.charAt(at);
            if (c == '*' || c == '+' || c == '?') {
                at++;
                size = add(size, 1);
            } else if (c == '{' && repetition() >= 0) {
                // {n,m} compiles to m copies, {n,} to n and a star: one more copy is never too few.
                size = add(multiply(size, repetition() + 1), 1);
                at = regex.indexOf('}', at) + 1;
            } else {
                return size;
            }
        }
        return size;
    }

    /** @return the larger count of the {@code {n}}, {@code {n,}} or {@code {n,m}} at the cursor, or -1 when it is none */
    private long repetition() {
        int end = regex.indexOf('}', at);
        if (end < 0 || !regex.substring(at + 1, end).matches("\\d{1,9}(,\\d{0,9})?")) {
            return -1;
        }
        long larger = 0;
        for (String count : regex.substring(at + 1, end).split(",")) {
            larger = Math.max(larger, Long.parseLong(count));
        }
        return larger;
    }

    private static long add(long a, long b) {
        return Math.min(SATURATED, a + b);
    }

    private static long multiply(long a, long b) {
        return b != 0 && a > SATURATED / b ? SATURATED : a * b;
    }
}
