package org.cajal.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * docs/components.md is generated from the installed components' parameter specs by {@code cajal docs}; this
 * test regenerates it and fails when the committed file is out of date.
 */
@ExtendWith(CajalRuntime.class)
class ComponentReferenceTest {

    @Test
    void theCommittedReferenceMatchesTheInstalledComponents(CajalRuntime cajal) throws Exception {
        Path dir = cajal.newFolder("docs");
        CajalRuntime.Outcome o = cajal.command("docs", dir.toString());
        assertEquals(0, o.status(), o::toString);
        String generated = Files.readString(dir.resolve("components.md"));
        for (String id : new String[] {"`dense`", "`conv2d`", "`lstm`", "`gru`", "`adam`", "`momentum`",
                "`fashion-mnist`", "`spirals`", "`standardise`", "`one-hot`", "`categorical-cross-entropy`"}) {
            assertTrue(generated.contains("### " + id) || generated.contains("| " + id), id + " documented");
        }
        Path committed = Path.of(System.getProperty("cajal.docs", "../docs")).resolve("components.md");
        assertEquals(generated, Files.readString(committed),
                "docs/components.md is out of date: regenerate it with ./cajal docs docs");
    }
}
