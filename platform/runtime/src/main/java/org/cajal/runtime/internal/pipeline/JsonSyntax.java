package org.cajal.runtime.internal.pipeline;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import org.cajal.api.pipeline.Problem;

/**
 * Checks that a pipeline text is exactly one JSON value, token by token, before it is read into a tree: a syntax
 * error, a NaN or Infinity, or content after the value is reported with its line, column and JSON path.
 */
final class JsonSyntax {

    /** Accepts NaN/Infinity so that they can be reported in Cajal's words rather than the parser's. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private JsonSyntax() {
    }

    /** The first thing wrong with the text as JSON, or null when it holds one well-formed value (or nothing). */
    static Problem check(String text) {
        try (JsonParser p = FACTORY.createParser(text)) {
            try {
                return scan(p, text);
            } catch (JsonProcessingException e) {
                return new Problem(lineColumn(e.getLocation()), "invalid JSON: " + e.getOriginalMessage() + " (in "
                        + path(p.getParsingContext()) + "); check for a missing comma, quote or bracket just before"
                        + " this point");
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string cannot fail", e);
        }
    }

    private static Problem scan(JsonParser p, String text) throws IOException {
        JsonToken token = p.nextToken();
        int depth = 0;
        while (token != null) {
            if (token == JsonToken.VALUE_NUMBER_FLOAT && p.isNaN()) {
                return new Problem(lineColumn(p.getTokenLocation()), path(p.getParsingContext()) + ": " + p.getText()
                        + " is not a number in JSON (JSON has no NaN or Infinity); write a number such as 0.5,"
                        + " or leave the key out to use its default");
            }
            depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
            if (depth == 0) {
                return trailing(p, text);
            }
            token = p.nextToken();
        }
        return null;
    }

    /** Only white space may follow the value; anything else is reported where it starts. */
    private static Problem trailing(JsonParser p, String text) {
        int offset = (int) p.getCurrentLocation().getCharOffset();
        while (offset < text.length() && Character.isWhitespace(text.charAt(offset))) {
            offset++;
        }
        if (offset >= text.length()) {
            return null;
        }
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        long line = text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
        return new Problem("line " + line + ", column " + (offset - lineStart + 1), "unexpected content after the"
                + " pipeline's closing '}'; a pipeline file holds exactly one JSON object: delete everything after"
                + " it (put a second pipeline in a file of its own)");
    }

    private static String lineColumn(JsonLocation at) {
        return at == null ? "$" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
    }

    /** The JSON path ({@code $.training.epochs}, {@code $.model.layers[1]}) of the parser's current position. */
    static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                path.insert(0, c.getCurrentName() == null ? "" : "." + c.getCurrentName());
            } else {
                path.insert(0, "[" + Math.max(0, c.getCurrentIndex()) + "]");
            }
        }
        return "$" + path;
    }
}
