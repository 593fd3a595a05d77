package org.cajal.preprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.Map;

import org.cajal.api.Describable;
import org.cajal.api.Parameters;
import org.cajal.api.data.Examples;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small hand-made examples and helpers shared by the step tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Examples examples(double[][] features) {
        return new Examples(Nd4j.createFromArray(features), null);
    }

    static Examples examples(double[][] features, double[][] targets) {
        return new Examples(Nd4j.createFromArray(features), Nd4j.createFromArray(targets));
    }

    static Parameters parameters(Describable step, Map<String, ?> raw) {
        return Parameters.resolve(step.descriptor(), raw, Path.of("."));
    }

    static Parameters defaults(Describable step) {
        return Parameters.defaults(step.descriptor());
    }

    static void assertMatrix(double[][] expected, INDArray actual, double tolerance) {
        assertEquals(expected.length, actual.size(0), "rows");
        double[][] got = actual.toDoubleMatrix();
        for (int r = 0; r < expected.length; r++) {
            assertEquals(expected[r].length, got[r].length, "columns");
            for (int c = 0; c < expected[r].length; c++) {
                assertEquals(expected[r][c], got[r][c], tolerance, "row " + r + ", column " + c);
            }
        }
    }

    /** Writes and reads back an object with Java serialisation, as saving and loading a model does. */
    @SuppressWarnings("unchecked")
    static <T> T roundTrip(T object) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
