package org.cajal.experiments.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cajal.experiments.internal.store.FolderFiles;

/**
 * The methods paragraph of a report, in plain academic English, from a run's pipeline.json and provenance.json
 * (and experiment.json for experiments). States only what the files say: a number that is not recorded (the
 * number of examples in older runs, the parameter count) is left out rather than guessed.
 */
final class MethodsText {

    private static final Map<String, String> OPTIMIZERS = Map.of(
            "adam", "Adam (Kingma & Ba, 2015)", "adamw", "AdamW (Loshchilov & Hutter, 2019)",
            "sgd", "stochastic gradient descent", "gd", "gradient descent", "momentum", "gradient descent with momentum",
            "nesterov", "gradient descent with Nesterov momentum", "rmsprop", "RMSProp", "adagrad", "AdaGrad",
            "sign", "sign gradient descent");
    private static final Map<String, String> LOSSES = Map.of(
            "categorical-cross-entropy", "categorical cross-entropy", "binary-cross-entropy", "binary cross-entropy",
            "mse", "mean squared error", "mae", "mean absolute error");
    private static final List<String> SCHEDULE_KEYS = List.of("schedule", "decayRate", "decayEvery", "cosinePeriod",
            "minLearningRate");

    private MethodsText() {
    }

    /** The inputs: the pipeline as written, the provenance of a (representative) run, its schema.json (may be empty). */
    record Inputs(Map<String, Object> pipeline, Map<String, Object> provenance, Map<String, Object> schema) {
    }

    /** The paragraph on data, split, model, training, seeds (one run) and software. */
    static String paragraph(Inputs in, boolean singleSeed) {
        List<String> s = new ArrayList<>();
        s.add(data(in));
        s.add(preprocessing(in.pipeline()));
        s.add(split(in));
        s.add(architecture(in));
        s.add(training(in));
        s.add(regularisation(in.pipeline()));
        if (singleSeed && in.provenance().get("seed") != null) {
            s.add("The random seed, which governs data generation, the split, shuffling and weight initialisation, was "
                    + in.provenance().get("seed") + ".");
        }
        s.add(software(in.provenance()));
        return String.join(" ", s.stream().filter(x -> !x.isEmpty()).toList());
    }

    static String data(Inputs in) {
        Map<String, Object> dataset = FolderFiles.object(in.pipeline(), "dataset");
        String type = FolderFiles.string(dataset, "type");
        StringBuilder b = new StringBuilder("The data were the ").append(type).append(" dataset");
        String params = params(FolderFiles.object(dataset, "params"), List.of());
        Object examples = FolderFiles.object(in.provenance(), "data").get("examples");
        List<String> details = new ArrayList<>();
        if (!params.isEmpty()) {
            details.add(params);
        }
        if (examples instanceof Number n) {
            details.add(n + " examples");
        }
        if (!details.isEmpty()) {
            b.append(" (").append(String.join("; ", details)).append(")");
        }
        String sha = FolderFiles.string(FolderFiles.object(in.provenance(), "data"), "sha256");
        if (sha != null) {
            b.append("; the examples as loaded have the SHA-256 fingerprint ").append(sha, 0, Math.min(16, sha.length()))
                    .append("…");
        }
        return b.append(".").toString();
    }

    static String preprocessing(Map<String, Object> pipeline) {
        List<String> steps = new ArrayList<>();
        for (Object o : FolderFiles.array(pipeline, "preprocessing")) {
            if (o instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> step = (Map<String, Object>) m;
                String params = params(FolderFiles.object(step, "params"), List.of());
                steps.add(FolderFiles.string(step, "type") + (params.isEmpty() ? "" : " (" + params + ")"));
            }
        }
        if (steps.isEmpty()) {
            return "No preprocessing was applied.";
        }
        return "The inputs were preprocessed with " + join(steps) + ", fitted on the training data only.";
    }

    static String split(Inputs in) {
        Map<String, Object> split = FolderFiles.object(in.pipeline(), "split");
        double validation = split.get("validation") instanceof Number n ? n.doubleValue() : 0.2;
        double test = split.get("test") instanceof Number n ? n.doubleValue() : 0.2;
        int folds = split.get("folds") instanceof Number n ? n.intValue() : 0;
        boolean stratify = !(split.get("stratify") instanceof Boolean b) || b;
        String kind = FolderFiles.string(in.schema(), "targetKind");
        boolean classification = kind == null || !kind.toLowerCase(Locale.ROOT).contains("regression");
        String strat = stratify && classification ? ", stratified by class" : "";
        if (folds >= 2) {
            String head = test > 0 ? "A test set of " + pct(test) + " of the examples was set aside" + strat
                    + "; the remaining examples were used for " : "The examples were used for ";
            return head + folds + "-fold cross-validation" + (test > 0 ? "" : strat) + ", each of the " + folds
                    + " models being trained on the other folds and evaluated on its held-out fold; the reported "
                    + "metrics are the mean and standard deviation over the folds.";
        }
        double train = 1 - validation - test;
        List<String> parts = new ArrayList<>();
        parts.add("training (" + pct(train) + ")");
        if (validation > 0) {
            parts.add("validation (" + pct(validation) + ")");
        }
        if (test > 0) {
            parts.add("test (" + pct(test) + ")");
        }
        String where = test > 0 ? "the test set" : validation > 0 ? "the validation set" : "the training data";
        return "The examples were split at random into " + join(parts) + " sets" + strat
                + "; the final evaluation used " + where + ".";
    }

    static String architecture(Inputs in) {
        Map<String, Object> model = FolderFiles.object(in.pipeline(), "model");
        String architecture = FolderFiles.string(model, "architecture");
        Object count = in.provenance().get("parameters");
        String params = count instanceof Number n ? " (" + String.format(Locale.ROOT, "%,d", n.longValue())
                + " trainable parameters)" : "";
        if (architecture != null && !"layer-stack".equals(architecture)) {
            String p = params(FolderFiles.object(model, "params"), List.of());
            return "The model was the " + architecture + " architecture" + (p.isEmpty() ? "" : " with " + p) + params
                    + ".";
        }
        List<String> layers = new ArrayList<>();
        for (Object o : FolderFiles.array(model, "layers")) {
            if (o instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> layer = (Map<String, Object>) m;
                layers.add(layer(layer));
            }
        }
        return "The network" + params + " consisted of " + layers.size() + (layers.size() == 1 ? " layer" : " layers")
                + ", from input to output: " + join(layers) + ".";
    }

    private static String layer(Map<String, Object> layer) {
        String type = FolderFiles.string(layer, "type");
        Map<String, Object> p = FolderFiles.object(layer, "params");
        String activation = FolderFiles.string(p, "activation");
        String rest = params(p, List.of("units", "activation"));
        StringBuilder b = new StringBuilder();
        if ("dense".equals(type) && p.get("units") != null) {
            b.append("dense layer of ").append(p.get("units")).append(" units");
        } else if ("output".equals(type)) {
            b.append("output layer");
            if (p.get("units") != null) {
                b.append(" of ").append(p.get("units")).append(" units");
            }
        } else {
            b.append(type).append(" layer");
            if (p.get("units") != null) {
                b.append(" of ").append(p.get("units")).append(" units");
            }
        }
        if (activation != null) {
            b.append(" with ").append(activation).append(" activation");
        }
        if (!rest.isEmpty()) {
            b.append(" (").append(rest).append(")");
        }
        return ("aeiou".indexOf(b.charAt(0)) >= 0 ? "an " : "a ") + b;
    }

    static String training(Inputs in) {
        Map<String, Object> t = FolderFiles.object(in.pipeline(), "training");
        Map<String, Object> opt = FolderFiles.object(t, "optimizer");
        String type = FolderFiles.string(opt, "type");
        Map<String, Object> p = FolderFiles.object(opt, "params");
        String loss = FolderFiles.string(t, "loss");
        StringBuilder b = new StringBuilder("The network was trained to minimise the ")
                .append(LOSSES.getOrDefault(loss, loss)).append(" loss with ");
        String optimizer = OPTIMIZERS.getOrDefault(type, type);
        String own = params(p, SCHEDULE_KEYS);
        if (own.isEmpty()) {
            b.append(optimizer);
        } else if (optimizer.endsWith(")")) {
            b.append(optimizer, 0, optimizer.length() - 1).append("; ").append(own).append(")");
        } else {
            b.append(optimizer).append(" (").append(own).append(")");
        }
        b.append(schedule(p));
        Object epochs = t.get("epochs");
        Object batch = t.get("batchSize");
        b.append(" for ").append(epochs).append(" epochs");
        if (batch instanceof Number n && n.intValue() == 0) {
            b.append(" with full-batch gradients");
        } else {
            b.append(" in mini-batches of ").append(batch == null ? 32 : batch).append(" examples");
        }
        b.append(".");
        Object completed = in.provenance().get("epochs");
        if (completed instanceof Number c && epochs instanceof Number e && c.intValue() < e.intValue()) {
            b.append(" Training ended after ").append(c).append(" epochs.");
        }
        return b.toString();
    }

    private static String schedule(Map<String, Object> p) {
        String kind = FolderFiles.string(p, "schedule");
        Object rate = p.getOrDefault("decayRate", 0.5);
        if (kind == null || "none".equals(kind)) {
            return p.containsKey("learningRate") ? ", with a constant learning rate," : "";
        }
        return switch (kind) {
            case "step" -> ", the learning rate being multiplied by " + rate + " every " + p.getOrDefault("decayEvery", 10)
                    + " epochs,";
            case "exponential" -> ", the learning rate being multiplied by " + rate + " every epoch,";
            case "cosine" -> ", the learning rate being annealed on a cosine schedule to "
                    + p.getOrDefault("minLearningRate", 0.0) + " over " + p.getOrDefault("cosinePeriod", 50) + " epochs,";
            default -> ", with the " + kind + " learning-rate schedule,";
        };
    }

    static String regularisation(Map<String, Object> pipeline) {
        Map<String, Object> t = FolderFiles.object(pipeline, "training");
        Map<String, Object> r = FolderFiles.object(t, "regularisation");
        List<String> parts = new ArrayList<>();
        if (FolderFiles.number(r, "l1") > 0) {
            parts.add("an L1 weight penalty of " + r.get("l1"));
        }
        if (FolderFiles.number(r, "l2") > 0) {
            parts.add("an L2 weight penalty (weight decay) of " + r.get("l2"));
        }
        if (FolderFiles.number(r, "dropout") > 0) {
            parts.add("dropout with probability " + r.get("dropout") + " on the inputs of hidden layers");
        }
        if (FolderFiles.number(r, "inputNoise") > 0) {
            parts.add("Gaussian input noise with standard deviation " + r.get("inputNoise"));
        }
        StringBuilder b = new StringBuilder(parts.isEmpty() ? "" : "Regularisation consisted of " + join(parts) + ".");
        if (t.get("earlyStopping") instanceof Map<?, ?> m) {
            Object patience = m.get("patience") == null ? 10 : m.get("patience");
            Object minDelta = m.get("minDelta") == null ? 0 : m.get("minDelta");
            boolean restore = !(m.get("restoreBest") instanceof Boolean x) || x;
            boolean delta = minDelta instanceof Number d && d.doubleValue() > 0;
            b.append(b.length() > 0 ? " " : "").append("Training was stopped early when the validation loss had not "
                    + "improved").append(delta ? " by more than " + minDelta : "").append(" for ").append(patience)
                    .append(" epochs")
                    .append(restore ? ", and the weights of the epoch with the lowest validation loss were restored."
                            : ".");
        }
        return b.length() == 0 ? "No regularisation or early stopping was used." : b.toString();
    }

    static String software(Map<String, Object> provenance) {
        List<String> versions = new ArrayList<>();
        String cajal = null;
        for (Object o : FolderFiles.array(provenance, "bundles")) {
            if (o instanceof Map<?, ?> m && m.get("symbolicName") != null) {
                String name = m.get("symbolicName").toString();
                if (name.startsWith("org.cajal.")) {
                    versions.add(name + " " + m.get("version"));
                    if ("org.cajal.runtime".equals(name)) {
                        cajal = String.valueOf(m.get("version"));
                    }
                }
            }
        }
        StringBuilder b = new StringBuilder("The computations were run with Cajal");
        if (cajal != null) {
            b.append(" ").append(cajal);
        }
        if (!versions.isEmpty()) {
            b.append(" (bundles ").append(String.join(", ", versions)).append(")");
        }
        String dl4j = dl4jVersion(provenance);
        if (dl4j != null) {
            b.append(", Deeplearning4j ").append(dl4j);
        }
        Map<String, Object> jvm = FolderFiles.object(provenance, "jvm");
        if (jvm.get("version") != null) {
            b.append(", Java ").append(jvm.get("version"));
            if (jvm.get("vm") != null) {
                b.append(" (").append(jvm.get("vm")).append(")");
            }
        }
        Map<String, Object> backend = FolderFiles.object(provenance, "backend");
        if (backend.get("kind") != null) {
            b.append(", on the ").append(backend.get("kind")).append(" backend of ND4J");
            if (backend.get("nativeVariant") != null) {
                b.append(" (").append(backend.get("nativeVariant")).append(")");
            }
        }
        List<Object> devices = FolderFiles.array(FolderFiles.object(provenance, "cpu"), "devices");
        if (!devices.isEmpty()) {
            b.append(", on ").append(devices.stream().map(d -> d.toString().replaceFirst("^CPU: ", ""))
                    .reduce((x, y) -> x + "; " + y).orElse("")).append(",");
        }
        Map<String, Object> os = FolderFiles.object(provenance, "os");
        if (os.get("name") != null) {
            b.append(" under ").append(os.get("name")).append(" ").append(os.getOrDefault("version", "")).append(" (")
                    .append(os.getOrDefault("arch", "")).append(")");
        }
        return b.append(".").toString();
    }

    /** A DL4J version when the provenance records one (a key naming dl4j or deeplearning4j with "version"). */
    private static String dl4jVersion(Map<String, Object> provenance) {
        for (Map.Entry<String, Object> e : provenance.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if ((k.contains("dl4j") || k.contains("deeplearning4j")) && e.getValue() != null) {
                return e.getValue().toString();
            }
        }
        Map<String, Object> details = FolderFiles.object(FolderFiles.object(provenance, "backend"), "details");
        for (Map.Entry<String, Object> e : details.entrySet()) {
            String k = e.getKey().toLowerCase(Locale.ROOT);
            if ((k.contains("dl4j") || k.contains("deeplearning4j") || k.contains("nd4j")) && k.contains("version")) {
                return String.valueOf(e.getValue());
            }
        }
        return null;
    }

    /** Parameters as "learning rate 0.05, beta1 0.9", camelCase names spelt out, some keys left out. */
    static String params(Map<String, Object> params, List<String> skip) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (!skip.contains(e.getKey())) {
                parts.add(words(e.getKey()) + " " + e.getValue());
            }
        }
        return String.join(", ", parts);
    }

    /** learningRate → learning rate; beta1 stays beta1. */
    static String words(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    static String pct(double fraction) {
        double p = Math.round(fraction * 1000) / 10.0;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }

    /** "a", "a and b", "a, b and c". */
    static String join(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
