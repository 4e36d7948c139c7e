package dev.jsrun.internal.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.UnicodeSet;
import com.ibm.icu.text.UnicodeSetIterator;
import org.junit.jupiter.api.Test;

/**
 * allocation-guards.js normalizes a long string in pieces, cut before a character of its
 * set: that is safe only when every character of the set has a normalization boundary
 * before it in all four forms, whatever precedes it. ICU4J 77.1, the ICU of jsrun's V8,
 * says so for the set as the script writes it.
 */
class IntlStringGuardsTest {

    @Test
    void everyCharacterANormalizationMayBeCutBeforeHasABoundaryBeforeItInEveryForm() throws IOException {
        UnicodeSet cut = new UnicodeSet(icuPattern(normalizeCutOf(guards())));
        Normalizer2[] forms = { Normalizer2.getNFCInstance(), Normalizer2.getNFDInstance(),
                Normalizer2.getNFKCInstance(), Normalizer2.getNFKDInstance() };
        UnicodeSet unsafe = new UnicodeSet();
        for (UnicodeSetIterator it = new UnicodeSetIterator(cut); it.next();) {
            for (Normalizer2 form : forms) {
                if (!form.hasBoundaryBefore(it.codepoint)) {
                    unsafe.add(it.codepoint);
                }
            }
        }
        assertThat(unsafe.toPattern(true)).isEqualTo("[]");
        assertThat(cut.size()).as("letters, digits and ASCII: a cut is never far").isGreaterThan(140_000);
        assertThat(cut.contains('a') && cut.contains(0x4E00) && cut.contains(0xAC00) && !cut.contains(0x1161)
                && !cut.contains(0xFF9E) && !cut.contains(0x0301))
            .isTrue();
    }

    private static String guards() throws IOException {
        try (InputStream in = IntlStringGuardsTest.class.getResourceAsStream("allocation-guards.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The set's source, the string literals given to {@code new RegExp(..., 'gv')}
     * joined.
     */
    private static String normalizeCutOf(String script) {
        Matcher call = Pattern.compile("normalizeCut = new RegExp\\((.*?), 'gv'\\)", Pattern.DOTALL).matcher(script);
        assertThat(call.find()).as("allocation-guards.js builds normalizeCut with new RegExp").isTrue();
        StringBuilder source = new StringBuilder();
        Matcher literal = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'").matcher(call.group(1));
        while (literal.find()) {
            source.append(literal.group(1).replace("\\\\", "\\"));
        }
        return source.toString();
    }

    /**
     * The v-flag class as ICU's UnicodeSet syntax: {@code --} is its {@code -},
     * {@code \\u{...}} its {@code \\x{...}}.
     */
    private static String icuPattern(String jsClass) {
        return jsClass.replace("--", "-").replaceAll("\\\\u\\{([0-9A-Fa-f]+)\\}", "\\\\x{$1}");
    }

}
