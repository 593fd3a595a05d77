package org.cajal.workbench.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The views' words for a failure: its own message, never a Java class name. */
class MessagesTest {

    @Test
    void aMessageIsKeptAndAFaultWithoutOneIsNotNamedByItsClass() {
        assertEquals("houses.csv has no data rows", Messages.of(new IllegalStateException("houses.csv has no data rows")));
        assertEquals(Messages.UNEXPECTED, Messages.of(new IllegalStateException()));
        // Java's own text for a null reference names methods and types: not for the user
        assertEquals(Messages.UNEXPECTED, Messages.of(new NullPointerException(
                "Cannot invoke \"com.fasterxml.jackson.databind.JsonNode.fields()\" because \"n\" is null")));
        assertTrue(Messages.of(new OutOfMemoryError("Java heap space")).startsWith("out of memory; "));
    }
}
