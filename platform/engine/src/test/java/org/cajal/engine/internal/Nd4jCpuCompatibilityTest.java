package org.cajal.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;

/**
 * The compatibility class has exactly the shape DL4J M2.1's {@code BaseMKLDNNHelper.mklDnnEnabled()} looks up by
 * reflection, and without a CPU backend it fails the way DL4J treats as "no oneDNN".
 * (With the backend, the bench and the engine's {@code dl4j.onednnHelpers} detail show it answering true.)
 */
class Nd4jCpuCompatibilityTest {

    /** The names DL4J's check uses, as in its bytecode. */
    private static final String OLD_CLASS = "org.nd4j.nativeblas.Nd4jCpu$Environment";

    @Test
    void hasTheMembersDl4jsCheckCallsByName() throws Exception {
        Class<?> environment = Class.forName(OLD_CLASS);
        Method getInstance = environment.getMethod("getInstance");
        Method isUseMkldnn = environment.getMethod("isUseMKLDNN");

        assertEquals(boolean.class, isUseMkldnn.getReturnType());
        assertEquals(true, java.lang.reflect.Modifier.isStatic(getInstance.getModifiers()));
    }

    @Test
    void withoutTheCpuBackendGetInstanceFailsSoDl4jRecordsAFailedCheck() throws Exception {
        Method getInstance = Class.forName(OLD_CLASS).getMethod("getInstance");

        InvocationTargetException thrown = assertThrows(InvocationTargetException.class, () -> getInstance.invoke(null));
        assertEquals(IllegalStateException.class, thrown.getCause().getClass());
    }
}
