package org.cajal.plugins.transformer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Token ids for text: id {@value #PADDING} pads short sequences, id {@value #UNKNOWN} stands for any token outside
 * the vocabulary, and ids from 2 on are the most frequent tokens of the texts the vocabulary was fitted on (ties
 * broken by first appearance), so the same texts always give the same vocabulary. Immutable.
 */
public final class Vocabulary {

    /** Id of the padding token (positions after the end of a short text). */
    public static final int PADDING = 0;
    /** Id of any token the vocabulary does not hold. */
    public static final int UNKNOWN = 1;
    /** How the padding token is shown. */
    public static final String PADDING_TOKEN = "<pad>";
    /** How the unknown token is shown. */
    public static final String UNKNOWN_TOKEN = "<unk>";

    /** How a text is split into tokens. */
    public enum Tokenizer {
        /** Words: runs of letters and digits (apostrophes inside a word kept); punctuation marks are tokens. */
        WORD,
        /** Single characters, spaces included. */
        CHAR;

        /** The tokenizer named {@code word} or {@code char}. */
        public static Tokenizer of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        /** The text's tokens, in order. */
        public List<String> split(String text) {
            List<String> tokens = new ArrayList<>();
            if (this == CHAR) {
                text.codePoints().forEach(c -> tokens.add(new String(Character.toChars(c))));
                return tokens;
            }
            int i = 0;
            int n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (Character.isLetterOrDigit(c)) {
                    int start = i;
                    while (i < n && (Character.isLetterOrDigit(text.charAt(i))
                            || text.charAt(i) == '\'' && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1)))) {
                        i++;
                    }
                    tokens.add(text.substring(start, i));
                } else {
                    tokens.add(String.valueOf(c));
                    i++;
                }
            }
            return tokens;
        }
    }

    private final Tokenizer tokenizer;
    private final boolean lowercase;
    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(Tokenizer tokenizer, boolean lowercase, List<String> tokens) {
        this.tokenizer = tokenizer;
        this.lowercase = lowercase;
        this.tokens = List.copyOf(tokens);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 2; i < tokens.size(); i++) {
            m.put(tokens.get(i), i);
        }
        this.ids = m;
    }

    /**
     * Fits a vocabulary to texts.
     *
     * @param size the largest vocabulary, padding and unknown included (at least 2)
     */
    public static Vocabulary fit(Iterable<String> texts, Tokenizer tokenizer, boolean lowercase, int size) {
        if (size < 2) {
            throw new IllegalArgumentException("a vocabulary needs room for at least the padding and unknown tokens");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String text : texts) {
            for (String token : tokenizer.split(normalise(text, lowercase))) {
                counts.merge(token, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        // a stable sort keeps first-appearance order among equal counts
        entries.sort(Collections.reverseOrder(Map.Entry.comparingByValue()));
        List<String> tokens = new ArrayList<>(List.of(PADDING_TOKEN, UNKNOWN_TOKEN));
        for (Map.Entry<String, Integer> e : entries) {
            if (tokens.size() >= size) {
                break;
            }
            tokens.add(e.getKey());
        }
        return new Vocabulary(tokenizer, lowercase, tokens);
    }

    /** A vocabulary from its tokens in id order (the first two being the padding and unknown tokens). */
    public static Vocabulary of(List<String> tokens, Tokenizer tokenizer, boolean lowercase) {
        if (tokens.size() < 2) {
            throw new IllegalArgumentException("a vocabulary starts with the padding and unknown tokens");
        }
        return new Vocabulary(tokenizer, lowercase, tokens);
    }

    private static String normalise(String text, boolean lowercase) {
        return lowercase ? text.toLowerCase(Locale.ROOT) : text;
    }

    /** The text's tokens as this vocabulary splits them (lower-cased if it lower-cases). */
    public List<String> tokenize(String text) {
        return tokenizer.split(normalise(text, lowercase));
    }

    /**
     * The text's token ids, truncated or padded to {@code length}: tokens past {@code length} are dropped, missing
     * ones are {@link #PADDING}.
     */
    public int[] encode(String text, int length) {
        int[] out = new int[length];
        List<String> t = tokenize(text);
        for (int i = 0; i < Math.min(length, t.size()); i++) {
            out[i] = ids.getOrDefault(t.get(i), UNKNOWN);
        }
        return out;
    }

    /** Number of ids, padding and unknown included. */
    public int size() {
        return tokens.size();
    }

    /** The tokens in id order. */
    public List<String> tokens() {
        return tokens;
    }

    /** The token with an id (the padding or unknown marker for ids 0 and 1). */
    public String token(int id) {
        return id >= 0 && id < tokens.size() ? tokens.get(id) : UNKNOWN_TOKEN;
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }
}
