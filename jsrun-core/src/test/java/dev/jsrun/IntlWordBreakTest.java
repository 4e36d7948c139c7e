package dev.jsrun;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.jsrun.pool.UnpooledJsRuntimeFactory;

/**
 * Word breaking with the ICU data of jsrun-icu-data, script by script: the dictionary
 * languages break into words as in Node, Chinese and Japanese included (they need
 * {@code brkitr/jaml.res}, which ICU4J's data lacks).
 */
class IntlWordBreakTest {

    private static JsRuntimeFactory factory;

    @BeforeAll
    static void start() {
        factory = new UnpooledJsRuntimeFactory(RuntimeConfig.defaults());
    }

    @AfterAll
    static void stop() {
        factory.close();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';',
            value = { "ja; 今日は良い天気です; 今日|は|良い|天気|です", "ja; カタカナテスト; カタカナ|テスト", "zh; 我们今天很好; 我们|今天|很好",
                    "zh-Hant; 我們今天很好; 我們|今天|很好", "th; ภาษาไทยเป็นภาษาที่สวยงาม; ภาษา|ไทย|เป็น|ภาษา|ที่|สวยงาม",
                    "lo; ພາສາລາວເປັນພາສາທີ່ສວຍງາມ; ພາສາ|ລາວ|ເປັນ|ພາສາ|ທີ່|ສວຍງາມ",
                    "km; ភាសាខ្មែរគឺជាភាសាដ៏ស្រស់ស្អាត; ភាសាខ្មែរ|គឺជា|ភាសា|ដ៏|ស្រស់|ស្អាត",
                    "my; မင်္ဂလာပါ; မင်္ဂလာ|ပါ", "en; Hello, world; Hello|,| |world", })
    void segmentsWordsAsNodeDoes(String locale, String text, String words) {
        try (JsRuntime js = factory.create()) {
            Object got = js.eval("[...new Intl.Segmenter('" + locale + "', { granularity: 'word' }).segment('" + text
                    + "')].map(s => s.segment).join('|')");
            assertThat(got).as(locale).isEqualTo(words);
        }
    }

}
