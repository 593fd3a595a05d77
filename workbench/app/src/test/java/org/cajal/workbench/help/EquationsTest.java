package org.cajal.workbench.help;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.swing.JEditorPane;
import javax.swing.text.BadLocationException;

import org.cajal.api.train.Loss;
import org.cajal.workbench.help.Equations.Topic;
import org.junit.jupiter.api.Test;

class EquationsTest {

    /** The activation ids of bundles/layers (ActivationChoice.IDS; output layers add "auto", resolved by the loss). */
    static final List<String> ACTIVATIONS = List.of("relu", "leaky-relu", "identity", "sigmoid", "tanh", "softmax");
    /** The optimizer ids of bundles/optimizers. */
    static final List<String> OPTIMIZERS = List.of("gd", "sgd", "momentum", "nesterov", "rmsprop", "adagrad", "adam",
            "adamw", "sign");
    /** The losses of the API (org.cajal.api.train.Loss). */
    static final List<String> LOSSES = List.of("mse", "mae", "binary-cross-entropy", "categorical-cross-entropy");
    /** The weightInit choices of bundles/layers (WeightInitChoice), "auto" resolved to he or xavier. */
    static final List<String> INITS = List.of("xavier", "he", "normal", "uniform");
    /** The learning-rate schedules of bundles/optimizers (LearningRateSchedules). */
    static final List<String> SCHEDULES = List.of("none", "step", "exponential", "cosine");

    @Test
    void everyShippedIdHasAFormula() {
        ACTIVATIONS.forEach(id -> assertTrue(Equations.find(Topic.ACTIVATION, id).isPresent(), id));
        OPTIMIZERS.forEach(id -> assertTrue(Equations.find(Topic.OPTIMIZER, id).isPresent(), id));
        LOSSES.forEach(id -> assertTrue(Equations.find(Topic.LOSS, id).isPresent(), id));
        INITS.forEach(id -> assertTrue(Equations.find(Topic.WEIGHT_INIT, id).isPresent(), id));
        SCHEDULES.forEach(id -> assertTrue(Equations.find(Topic.SCHEDULE, id).isPresent(), id));
        List.of("dense", "dropout", "batch-norm", "output")
                .forEach(id -> assertTrue(Equations.find(Topic.LAYER, id).isPresent(), id));
        assertEquals(LOSSES, Loss.ids(), "a loss was added to the API: give it a formula");
    }

    @Test
    void unknownIdGetsTheFallback() {
        String html = Equations.html(Topic.OPTIMIZER, "lion");
        assertTrue(html.contains("No formula is shipped for 'lion'; see its help above."), html);
        assertEquals("No formula is shipped for 'my-layer'; see its help above.", Equations.fallback("my-layer"));
    }

    @Test
    void adamIsWrittenInFull() {
        String html = Equations.html(Topic.OPTIMIZER, "adam");
        assertTrue(html.contains("β<sub>1</sub>"), html);
        assertTrue(html.contains("m̂<sub>t</sub> = m<sub>t</sub> / (1 − β<sub>1</sub><sup>t</sup>)"), html);
        assertTrue(html.contains("√v̂<sub>t</sub> + ε"), html);
    }

    @Test
    void lossesNameTheirLikelihood() {
        assertTrue(Equations.html(Topic.LOSS, "mse").contains("Gaussian"));
        assertTrue(Equations.html(Topic.LOSS, "binary-cross-entropy").contains("Bernoulli"));
        assertTrue(Equations.html(Topic.LOSS, "categorical-cross-entropy").contains("categorical"));
    }

    @Test
    void everyFormulaRendersInSwingHtml() throws BadLocationException {
        JEditorPane pane = new JEditorPane("text/html", "");
        for (Topic topic : Topic.values()) {
            for (String id : Equations.ids(topic)) {
                pane.setText("<html><body>" + Equations.html(topic, id) + "</body></html>");
                String text = pane.getDocument().getText(0, pane.getDocument().getLength());
                String title = Equations.find(topic, id).orElseThrow().title();
                assertTrue(text.contains(title), topic + " " + id + ": " + text);
            }
        }
    }
}
