package org.cajal.workbench.help;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The course's formulas for the components Cajal ships, keyed by the ids pipeline files use: activations
 * ({@code relu}, ...), training losses ({@code mse}, ...), optimizers ({@code adam}, ...), layer types
 * ({@code dense}, ...), weight initialisations ({@code he}, ...), learning-rate schedules and the training
 * section's regularisation. Each formula is written in the basic HTML Swing renders (sub, sup, Unicode letters, no
 * CSS) with one plain-language sentence.
 *
 * <p>The formulas follow what the shipped bundles compute (bundles/layers, bundles/optimizers and the runtime's
 * loss and regularisation), not just the textbook: e.g. {@code momentum} is classical heavy-ball momentum and
 * {@code sign} is normalised gradient descent with its {@code normalise} parameter. A component contributed by a
 * plugin has no entry; {@link #html} then gives {@link #fallback}.
 */
public final class Equations {

    /** What a formula is about; each topic has its own id space. */
    public enum Topic {
        ACTIVATION("Activation"),
        LOSS("Loss"),
        OPTIMIZER("Optimizer"),
        LAYER("Layer"),
        WEIGHT_INIT("Weight initialisation"),
        SCHEDULE("Learning-rate schedule"),
        REGULARISATION("Regularisation");

        private final String label;

        Topic(String label) {
            this.label = label;
        }

        /** Heading, e.g. "Activation". */
        public String label() {
            return label;
        }
    }

    /**
     * One formula.
     *
     * @param title   heading, e.g. "Adam"
     * @param lines   the equations, one per line, in HTML
     * @param meaning one or two plain-language sentences (HTML)
     */
    public record Formula(String title, List<String> lines, String meaning) {
        public Formula {
            Objects.requireNonNull(title);
            lines = List.copyOf(lines);
            Objects.requireNonNull(meaning);
        }

        /** This formula as an HTML fragment: bold title, then {@link #body}. */
        public String html() {
            return "<p><b>" + title + "</b></p>\n" + body();
        }

        /** The equations, one per line, and the sentence, as an HTML fragment. */
        public String body() {
            StringBuilder b = new StringBuilder("<table>");
            for (String line : lines) {
                b.append("<tr><td>&nbsp;&nbsp;").append(line).append("</td></tr>");
            }
            return b.append("</table>\n<p>").append(meaning).append("</p>\n").toString();
        }
    }

    // common pieces of notation
    private static final String THETA_T = "θ<sub>t</sub>";
    private static final String THETA_PREV = "θ<sub>t−1</sub>";
    private static final String G_T = "g<sub>t</sub>";
    private static final String GRADIENT_NOTE = "g<sub>t</sub> = ∇<sub>θ</sub>L(θ<sub>t−1</sub>) on the current batch";

    private static final Map<Topic, Map<String, Formula>> TABLE = new LinkedHashMap<>();

    static {
        Map<String, Formula> activations = table(Topic.ACTIVATION);
        activations.put("identity", new Formula("Identity activation", List.of("f(z) = z"),
                "Passes the weighted sum through unchanged: the output of a regression, or a purely linear layer."));
        activations.put("relu", new Formula("ReLU (rectified linear unit)", List.of("f(z) = max(0, z)"),
                "Keeps positive values and zeroes negative ones; cheap, does not saturate for z &gt; 0, and the "
                        + "usual choice for hidden layers (He initialisation suits it)."));
        activations.put("leaky-relu", new Formula("Leaky ReLU",
                List.of("f(z) = z &nbsp;if z &gt; 0, &nbsp;&nbsp;f(z) = α z &nbsp;otherwise, &nbsp;α = 0.01"),
                "Like ReLU, but a small slope for negative inputs keeps a gradient flowing, so no unit can die."));
        activations.put("sigmoid", new Formula("Sigmoid (logistic)", List.of("σ(z) = 1 / (1 + e<sup>−z</sup>)",
                "σ′(z) = σ(z) (1 − σ(z))"),
                "Squashes any number into (0, 1), so it can be read as a probability: the output of a binary "
                        + "classifier trained with binary cross-entropy."));
        activations.put("tanh", new Formula("Hyperbolic tangent",
                List.of("tanh(z) = (e<sup>z</sup> − e<sup>−z</sup>) / (e<sup>z</sup> + e<sup>−z</sup>) = 2σ(2z) − 1"),
                "Squashes into (−1, 1) and is centred on 0; it saturates (gradient near 0) for large |z|."));
        activations.put("softmax", new Formula("Softmax",
                List.of("p<sub>k</sub> = e<sup>z<sub>k</sub></sup> / Σ<sub>j=1</sub><sup>K</sup> e<sup>z<sub>j</sub></sup>"),
                "Turns the K outputs of a layer into probabilities that are positive and sum to 1: the output of a "
                        + "classifier over K classes trained with categorical cross-entropy."));

        Map<String, Formula> losses = table(Topic.LOSS);
        losses.put("mse", new Formula("Mean squared error",
                List.of("L = (1/N) Σ<sub>i=1</sub><sup>N</sup> (y<sub>i</sub> − ŷ<sub>i</sub>)<sup>2</sup>",
                        "y = ŷ + ε, &nbsp;ε ~ N(0, σ<sup>2</sup>) &nbsp;⇒&nbsp; −log p(y | x) = "
                                + "(y − ŷ)<sup>2</sup> / (2σ<sup>2</sup>) + const"),
                "The average squared distance between target and prediction. It is maximum likelihood under "
                        + "Gaussian noise of fixed variance: minimising MSE finds the weights under which the observed "
                        + "targets are most probable."));
        losses.put("mae", new Formula("Mean absolute error",
                List.of("L = (1/N) Σ<sub>i=1</sub><sup>N</sup> |y<sub>i</sub> − ŷ<sub>i</sub>|",
                        "y = ŷ + ε, &nbsp;ε ~ Laplace(0, b) &nbsp;⇒&nbsp; −log p(y | x) = |y − ŷ| / b + const"),
                "The average absolute distance; maximum likelihood under Laplace noise, whose heavier tails make it "
                        + "less sensitive to outliers than MSE (it fits the median rather than the mean)."));
        losses.put("binary-cross-entropy", new Formula("Binary cross-entropy",
                List.of("L = −(1/N) Σ<sub>i=1</sub><sup>N</sup> [ y<sub>i</sub> log p<sub>i</sub> + "
                                + "(1 − y<sub>i</sub>) log(1 − p<sub>i</sub>) ], &nbsp;p<sub>i</sub> = σ(z<sub>i</sub>)",
                        "y ~ Bernoulli(p): &nbsp;P(y) = p<sup>y</sup> (1 − p)<sup>1−y</sup>"),
                "The negative log-likelihood of 0/1 targets when the sigmoid output p is the probability of class 1 "
                        + "(a Bernoulli distribution): confident wrong answers cost the most."));
        losses.put("categorical-cross-entropy", new Formula("Categorical cross-entropy",
                List.of("L = −(1/N) Σ<sub>i=1</sub><sup>N</sup> Σ<sub>k=1</sub><sup>K</sup> y<sub>ik</sub> "
                                + "log p<sub>ik</sub>, &nbsp;p<sub>i</sub> = softmax(z<sub>i</sub>)",
                        "y ~ Categorical(p<sub>1</sub>, …, p<sub>K</sub>): &nbsp;P(y) = Π<sub>k</sub> "
                                + "p<sub>k</sub><sup>y<sub>k</sub></sup>"),
                "With one-hot targets this is −log of the probability given to the true class: the negative "
                        + "log-likelihood of a categorical distribution over the K classes, whose probabilities are "
                        + "the softmax outputs."));

        Map<String, Formula> optimizers = table(Topic.OPTIMIZER);
        optimizers.put("gd", new Formula("Gradient descent (full batch)",
                List.of(THETA_T + " = " + THETA_PREV + " − η ∇<sub>θ</sub>L(" + THETA_PREV + ")",
                        "L averaged over the whole training split; one step per epoch"),
                "Every epoch takes one step of size η against the gradient of the loss over all training data: "
                        + "a smooth, deterministic but expensive path."));
        optimizers.put("sgd", new Formula("Stochastic gradient descent",
                List.of(G_T + " = (1/|B|) Σ<sub>i∈B</sub> ∇<sub>θ</sub>ℓ<sub>i</sub>(" + THETA_PREV + ")",
                        THETA_T + " = " + THETA_PREV + " − η " + G_T),
                "After each mini-batch B every weight moves against the batch's average gradient; smaller batches "
                        + "give noisier but more frequent steps."));
        optimizers.put("momentum", new Formula("Classical (heavy-ball) momentum",
                List.of("v<sub>t</sub> = μ v<sub>t−1</sub> + " + G_T + ", &nbsp;v<sub>0</sub> = 0",
                        THETA_T + " = " + THETA_PREV + " − η v<sub>t</sub>",
                        GRADIENT_NOTE),
                "A velocity accumulates past gradients with decay μ (the momentum parameter): steps grow along a "
                        + "consistent direction, towards η / (1 − μ) times the gradient, while oscillations cancel."));
        optimizers.put("nesterov", new Formula("Nesterov momentum",
                List.of("v<sub>t</sub> = μ v<sub>t−1</sub> − η " + G_T + ", &nbsp;v<sub>0</sub> = 0",
                        THETA_T + " = " + THETA_PREV + " + μ v<sub>t</sub> − η " + G_T,
                        GRADIENT_NOTE),
                "Momentum that in effect looks ahead: the gradient counts as if taken where the velocity is about to "
                        + "carry the weights, which corrects an overshoot one step earlier than classical momentum."));
        optimizers.put("rmsprop", new Formula("RMSProp",
                List.of("s<sub>t</sub> = ρ s<sub>t−1</sub> + (1 − ρ) " + G_T + "<sup>2</sup>, &nbsp;s<sub>0</sub> = 0",
                        THETA_T + " = " + THETA_PREV + " − η " + G_T + " / (√s<sub>t</sub> + ε)"),
                "Each weight divides its step by the root of a running average of its squared gradients, so badly "
                        + "scaled directions get comparable steps; unlike AdaGrad the average forgets old gradients."));
        optimizers.put("adagrad", new Formula("AdaGrad",
                List.of("G<sub>t</sub> = G<sub>t−1</sub> + " + G_T + "<sup>2</sup>, &nbsp;G<sub>0</sub> = ε",
                        THETA_T + " = " + THETA_PREV + " − η " + G_T + " / (√G<sub>t</sub> + ε)"),
                "Each weight sums all its squared gradients: rarely updated weights keep large steps, often updated "
                        + "ones get small steps, and since G only grows every step shrinks over time."));
        optimizers.put("adam", new Formula("Adam", adamLines(false),
                "Running averages of the gradient (first moment, decay β<sub>1</sub>) and of the squared gradient "
                        + "(second moment, decay β<sub>2</sub>), corrected for starting at zero, give every weight its "
                        + "own step size of about η."));
        optimizers.put("adamw", new Formula("AdamW (decoupled weight decay)", adamLines(true),
                "Adam's step computed from the loss gradient alone, plus a decay λ that shrinks every weight (not the "
                        + "biases) towards 0 at a rate Adam's per-weight scaling does not change, unlike an L2 penalty."));
        optimizers.put("sign", new Formula("Normalised gradient descent",
                List.of("normalise = sign: &nbsp;" + THETA_T + " = " + THETA_PREV + " − η sign(" + G_T + ")",
                        "normalise = l2: &nbsp;&nbsp;" + THETA_T + " = " + THETA_PREV + " − η " + G_T + " / ‖"
                                + G_T + "‖<sub>2</sub>"),
                "Only the gradient's direction is used and η sets the step length: per weight with sign (signSGD), "
                        + "for the whole step with l2; neither slows near a minimum, so a schedule should shrink η."));

        Map<String, Formula> layers = table(Topic.LAYER);
        layers.put("dense", new Formula("Dense layer",
                List.of("y = f(W x + b), &nbsp;W ∈ ℝ<sup>units×inputs</sup>, &nbsp;b ∈ ℝ<sup>units</sup>"),
                "Every unit takes a weighted sum of all inputs plus a bias and applies the activation f; stacking "
                        + "such layers with a non-linear f gives a multilayer perceptron."));
        layers.put("output", new Formula("Output layer",
                List.of("ŷ = f(W x + b)", "f and the number of units follow the loss when left on auto"),
                "A dense layer whose outputs are the prediction and whose activation matches the loss: identity for "
                        + "mse/mae, sigmoid for binary and softmax for categorical cross-entropy."));
        layers.put("sequence-output", new Formula("Sequence output layer",
                List.of("ŷ<sub>t</sub> = f(W h<sub>t</sub> + b) &nbsp;for every time step t"),
                "The output layer applied at every step of a sequence, with the same weights at each step."));
        layers.put("dropout", new Formula("Dropout",
                List.of("training: &nbsp;y<sub>i</sub> = m<sub>i</sub> x<sub>i</sub> / (1 − p), &nbsp;m<sub>i</sub> "
                                + "~ Bernoulli(1 − p)",
                        "prediction: &nbsp;y = x"),
                "During training each value is dropped with probability p (the rate) and the survivors are scaled up "
                        + "so the expected activation is unchanged; units cannot rely on each other."));
        layers.put("batch-norm", new Formula("Batch normalisation",
                List.of("μ<sub>B</sub> = (1/m) Σ<sub>i</sub> x<sub>i</sub>, &nbsp;σ<sub>B</sub><sup>2</sup> = (1/m) "
                                + "Σ<sub>i</sub> (x<sub>i</sub> − μ<sub>B</sub>)<sup>2</sup>",
                        "x̂<sub>i</sub> = (x<sub>i</sub> − μ<sub>B</sub>) / √(σ<sub>B</sub><sup>2</sup> + ε), "
                                + "&nbsp;y<sub>i</sub> = γ x̂<sub>i</sub> + β",
                        "running: &nbsp;μ̄ ← decay · μ̄ + (1 − decay) μ<sub>B</sub> &nbsp;(likewise σ̄<sup>2</sup>)"),
                "Each feature is centred and scaled over the mini-batch, then a learned γ and β restore whatever "
                        + "scale suits the next layer; prediction uses the running averages instead of the batch's."));
        layers.put("conv2d", new Formula("2-D convolution",
                List.of("y<sub>c,i,j</sub> = f( b<sub>c</sub> + Σ<sub>c′</sub> Σ<sub>u,v</sub> "
                        + "W<sub>c,c′,u,v</sub> x<sub>c′, s·i+u, s·j+v</sub> )"),
                "Every output channel c slides one small kernel over the image with stride s, so the same weights "
                        + "detect a pattern wherever it appears."));
        layers.put("conv1d", new Formula("1-D convolution",
                List.of("y<sub>c,t</sub> = f( b<sub>c</sub> + Σ<sub>c′</sub> Σ<sub>u</sub> W<sub>c,c′,u</sub> "
                        + "x<sub>c′, s·t+u</sub> )"),
                "A kernel slides along the time axis of a sequence with stride s, detecting the same local pattern "
                        + "at every position."));
        layers.put("lstm", new Formula("LSTM",
                List.of("i<sub>t</sub>, f<sub>t</sub>, o<sub>t</sub> = σ(W x<sub>t</sub> + U h<sub>t−1</sub> + b) "
                                + "&nbsp;(one W, U, b per gate)",
                        "c̃<sub>t</sub> = g(W<sub>c</sub> x<sub>t</sub> + U<sub>c</sub> h<sub>t−1</sub> + "
                                + "b<sub>c</sub>)",
                        "c<sub>t</sub> = f<sub>t</sub> ⊙ c<sub>t−1</sub> + i<sub>t</sub> ⊙ c̃<sub>t</sub>, "
                                + "&nbsp;h<sub>t</sub> = o<sub>t</sub> ⊙ g(c<sub>t</sub>)"),
                "Sigmoid gates decide what the cell state forgets (f), takes in (i) and shows (o) at each step; g is "
                        + "the layer's activation (tanh by default)."));
        layers.put("embedding", new Formula("Embedding",
                List.of("y<sub>t</sub> = E<sub>x<sub>t</sub></sub>, &nbsp;E ∈ ℝ<sup>vocabulary×dimensions</sup>"),
                "Each token id picks its own learned row of the table E: equivalent to a dense layer applied to a "
                        + "one-hot vector, without building the vector."));

        Map<String, Formula> inits = table(Topic.WEIGHT_INIT);
        inits.put("xavier", new Formula("Xavier (Glorot) initialisation",
                List.of("W<sub>ij</sub> ~ N(0, 2 / (n<sub>in</sub> + n<sub>out</sub>))"),
                "The variance of the signal stays about the same forwards and backwards through tanh and sigmoid "
                        + "layers."));
        inits.put("he", new Formula("He initialisation", List.of("W<sub>ij</sub> ~ N(0, 2 / n<sub>in</sub>)"),
                "Twice Xavier's forward variance, because a ReLU zeroes half its inputs; suits relu and leaky-relu."));
        inits.put("normal", new Formula("Normal initialisation",
                List.of("W<sub>ij</sub> ~ N(0, 1 / n<sub>in</sub>) &nbsp;(standard deviation 1/√n<sub>in</sub>)"),
                "Weights drawn from a normal distribution scaled by the number of inputs."));
        inits.put("uniform", new Formula("Uniform initialisation",
                List.of("W<sub>ij</sub> ~ U(−1/√n<sub>in</sub>, 1/√n<sub>in</sub>)"),
                "Weights drawn uniformly from a range that shrinks with the number of inputs."));

        Map<String, Formula> schedules = table(Topic.SCHEDULE);
        schedules.put("none", new Formula("Constant learning rate", List.of("η(e) = η"),
                "The learning rate stays the same in every epoch e."));
        schedules.put("step", new Formula("Step decay",
                List.of("η(e) = η · r<sup>⌊e / k⌋</sup>, &nbsp;r = decayRate, k = decayEvery"),
                "The learning rate is multiplied by r every k epochs (e counts from 0)."));
        schedules.put("exponential", new Formula("Exponential decay",
                List.of("η(e) = η · r<sup>e</sup>, &nbsp;r = decayRate"),
                "The learning rate shrinks by the factor r every epoch."));
        schedules.put("cosine", new Formula("Cosine annealing",
                List.of("η(e) = η<sub>min</sub> + (η − η<sub>min</sub>) (1 + cos(π min(e, T) / T)) / 2, "
                        + "&nbsp;T = cosinePeriod"),
                "The learning rate glides from η down to minLearningRate over T epochs along half a cosine, then "
                        + "stays there."));

        Map<String, Formula> regularisation = table(Topic.REGULARISATION);
        regularisation.put("l1", new Formula("L1 penalty (lasso)",
                List.of("L′ = L + λ<sub>1</sub> Σ<sub>w</sub> |w|"),
                "Adds the weights' absolute values to the loss, which pushes unneeded weights to exactly 0; it is a "
                        + "Laplace prior on the weights."));
        regularisation.put("l2", new Formula("L2 penalty (weight decay)",
                List.of("L′ = L + ½ λ<sub>2</sub> Σ<sub>w</sub> w<sup>2</sup>, &nbsp;∂L′/∂w = ∂L/∂w + λ<sub>2</sub> w"),
                "Adds the squared weights to the loss so large weights cost more; it is a Gaussian prior on the "
                        + "weights (maximum a posteriori instead of maximum likelihood)."));
        regularisation.put("dropout", new Formula("Dropout on hidden layers",
                List.of("y<sub>i</sub> = m<sub>i</sub> x<sub>i</sub> / (1 − p), &nbsp;m<sub>i</sub> ~ Bernoulli(1 − p)"),
                "During training each input of a hidden layer is dropped with probability p; prediction uses all."));
        regularisation.put("input-noise", new Formula("Gaussian input noise",
                List.of("x̃ = x + ε, &nbsp;ε ~ N(0, σ<sup>2</sup>)"),
                "During training every layer's input is blurred with noise of standard deviation σ, so the network "
                        + "cannot depend on exact values."));
    }

    private Equations() {
    }

    private static Map<String, Formula> table(Topic topic) {
        Map<String, Formula> m = new LinkedHashMap<>();
        TABLE.put(topic, m);
        return m;
    }

    private static List<String> adamLines(boolean decoupledDecay) {
        String update = decoupledDecay
                ? THETA_T + " = " + THETA_PREV + " − η ( m̂<sub>t</sub> / (√v̂<sub>t</sub> + ε) + λ " + THETA_PREV + " )"
                : THETA_T + " = " + THETA_PREV + " − η m̂<sub>t</sub> / (√v̂<sub>t</sub> + ε)";
        return List.of(
                "m<sub>t</sub> = β<sub>1</sub> m<sub>t−1</sub> + (1 − β<sub>1</sub>) " + G_T
                        + ", &nbsp;v<sub>t</sub> = β<sub>2</sub> v<sub>t−1</sub> + (1 − β<sub>2</sub>) " + G_T
                        + "<sup>2</sup>, &nbsp;m<sub>0</sub> = v<sub>0</sub> = 0",
                "m̂<sub>t</sub> = m<sub>t</sub> / (1 − β<sub>1</sub><sup>t</sup>), &nbsp;v̂<sub>t</sub> = "
                        + "v<sub>t</sub> / (1 − β<sub>2</sub><sup>t</sup>)",
                update);
    }

    /** The formula for an id, if one is shipped. */
    public static Optional<Formula> find(Topic topic, String id) {
        return Optional.ofNullable(TABLE.get(topic).get(id));
    }

    /** The ids with a formula, in the order they are listed. */
    public static Set<String> ids(Topic topic) {
        return Collections.unmodifiableSet(TABLE.get(topic).keySet());
    }

    /** The formula as HTML, or {@link #fallback} for an id without one (a plugin's component). */
    public static String html(Topic topic, String id) {
        return find(topic, id).map(Formula::html).orElseGet(() -> "<p>" + fallback(id) + "</p>\n");
    }

    /** What is shown for an id without a formula (HTML-escaped). */
    public static String fallback(String id) {
        return "No formula is shipped for '" + escape(id) + "'; see its help above.";
    }

    /** Escapes text for HTML. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
