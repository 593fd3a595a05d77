package org.cajal.plugins.transformer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class VocabularyTest {

    private final Vocabulary words = Vocabulary.fit(List.of("The film was good.", "the film was not good",
            "not bad"), Vocabulary.Tokenizer.WORD, true, 100);

    @Test
    void mostFrequentTokensFirstTiesByFirstAppearance() {
        // the, film, was, good, not: twice each, in first-appearance order; then ".", bad once
        assertEquals(List.of("<pad>", "<unk>", "the", "film", "was", "good", "not", ".", "bad"), words.tokens());
    }

    @Test
    void paddingIsZeroAndUnknownIsOne() {
        assertArrayEquals(new int[] {2, 3, 4, 1, 0, 0}, words.encode("the film was awful", 6));
        assertEquals(Vocabulary.PADDING, 0);
        assertEquals(Vocabulary.UNKNOWN, 1);
    }

    @Test
    void longTextsAreTruncatedNotRejected() {
        assertArrayEquals(new int[] {2, 3}, words.encode("the film was not good at all, really", 2));
    }

    @Test
    void sizeLimitsTheVocabularyAndRareTokensBecomeUnknown() {
        Vocabulary small = Vocabulary.fit(List.of("a a a b b c"), Vocabulary.Tokenizer.WORD, true, 4);
        assertEquals(List.of("<pad>", "<unk>", "a", "b"), small.tokens());
        assertArrayEquals(new int[] {2, 3, 1}, small.encode("a b c", 3));
    }

    @Test
    void charTokenizerSplitsEveryCharacterAndCaseIsKeptWhenAsked() {
        Vocabulary chars = Vocabulary.fit(List.of("aB a"), Vocabulary.Tokenizer.CHAR, false, 10);
        assertEquals(List.of("<pad>", "<unk>", "a", "B", " "), chars.tokens());
        assertArrayEquals(new int[] {3, 2, 1, 0}, chars.encode("Bab", 4));
        assertEquals(List.of("don't", "stop", "!"), Vocabulary.Tokenizer.WORD.split("don't stop!"));
    }
}
