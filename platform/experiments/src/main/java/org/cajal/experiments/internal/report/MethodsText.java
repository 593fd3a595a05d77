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

    /**
     * The inputs: the pipeline as written, and of a (representative) run its provenance, schema.json and
     * evaluation.json (each may be empty).
     */
    record Inputs(Map<String, Object> pipeline, Map<String, Object> provenance, Map<String, Object> schema,
                  Map<String, Object> evaluation) {
    }

    /** The paragraph on data, split, model, training, seeds and results (one run) and software. */
    static String paragraph(Inputs in, boolean singleRun) {
        List<String> s = new ArrayList<>();
        s.add(DataText.data(in));
        s.add(DataText.missing(in));
        s.add(DataText.preprocessing(in.pipeline()));
        s.add(split(in));
        s.add(DataText.labelNoise(in));
        s.add(ModelText.architecture(in));
        s.add(training(in));
        s.add(regularisation(in.pipeline()));
        if (singleRun) {
            s.add(seed(in));
            s.add(results(in));
        }
        s.add(SoftwareText.sentence(in.provenance()));
        return String.join(" ", s.stream().filter(x -> !x.isEmpty()).toList());
    }

    /** What the seed determined: the data too only for a dataset generated from it (not for a file). */
    static String seed(Inputs in) {
        Object seed = in.provenance().get("seed");
        if (seed == null) {
            return "";
        }
        return "The random seed was " + seed + "; it determined " + seeded(in) + ".";
    }

    /** "the generated data, the split, ..." or, for a dataset not generated from the seed, without the data. */
    static String seeded(Inputs in) {
        String dataset = String.valueOf(in.provenance().getOrDefault("dataset", ""));
        boolean generated = dataset.contains("seed=");
        return (generated ? "the generated data, " : "") + "the split, the order of the mini-batches and the initial "
                + "weights";
    }

    /** A single run's results: which rows the metrics come from. */
    private static String results(Inputs in) {
        String split = FolderFiles.string(in.evaluation(), "split");
        if (split == null || "k-fold".equals(split)) {
            return "";
        }
        Object examples = in.evaluation().get("examples");
        return "The reported metrics are those of the " + split + " rows" + (examples instanceof Number n ? " ("
                + n + ")" : "") + ", from one training run.";
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
        double[] fractions = {1 - validation - test, validation, test};
        Map<String, Object> rows = splitRows(in);
        String[] names = {"training", "validation", "test"};
        String[] keys = {"train", "validation", "test"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if (fractions[i] > 0 || rows.get(keys[i]) instanceof Number) {
                parts.add(rows.get(keys[i]) instanceof Number n ? n + " " + names[i] + " (" + pct(fractions[i]) + ")"
                        : names[i] + " (" + pct(fractions[i]) + ")");
            }
        }
        return "The examples were split at random" + (strat.isEmpty() ? "" : strat + ",") + " into " + join(parts)
                + (rows.isEmpty() ? " sets." : " rows.");
    }

    /** The rows in each split as the run recorded them (provenance.json's data.split), else empty. */
    private static Map<String, Object> splitRows(Inputs in) {
        Map<String, Object> rows = FolderFiles.object(FolderFiles.object(in.provenance(), "data"), "split");
        return rows.values().stream().allMatch(v -> v instanceof Number) ? rows : Map.of();
    }

    static String training(Inputs in) {
        Map<String, Object> t = FolderFiles.object(in.pipeline(), "training");
        Map<String, Object> opt = FolderFiles.object(t, "optimizer");
        String type = FolderFiles.string(opt, "type");
        Map<String, Object> p = FolderFiles.object(opt, "params");
        String loss = FolderFiles.string(t, "loss");
        // a pipeline.json without them (damaged or edited) still gets a paragraph that says so
        StringBuilder b = new StringBuilder("It was trained to minimise the ")
                .append(loss == null ? "(not recorded in pipeline.json)" : LOSSES.getOrDefault(loss, loss))
                .append(" loss with ");
        String optimizer = type == null ? "an optimizer not recorded in pipeline.json"
                : OPTIMIZERS.getOrDefault(type, type);
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
        b.append(t.get("earlyStopping") instanceof Map<?, ?> ? " for at most " : " for ").append(epochs)
                .append(" epochs");
        if (batch instanceof Number n && n.intValue() == 0) {
            b.append(" with full-batch gradients");
        } else {
            b.append(" in mini-batches of ").append(batch == null ? 32 : batch).append(" examples");
        }
        return b.append(".").append(ModelText.epochs(in)).toString();
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
            parts.add("an L1 weight penalty of " + plain(r.get("l1")));
        }
        if (FolderFiles.number(r, "l2") > 0) {
            parts.add("an L2 weight penalty (weight decay) of " + plain(r.get("l2")));
        }
        if (FolderFiles.number(r, "dropout") > 0) {
            parts.add("dropout with probability " + r.get("dropout") + " on the inputs of hidden layers");
        }
        if (FolderFiles.number(r, "inputNoise") > 0) {
            parts.add("Gaussian input noise with standard deviation " + plain(r.get("inputNoise")));
        }
        return parts.isEmpty() ? "No weight penalty, dropout or input noise was used."
                : "Regularisation consisted of " + join(parts) + ".";
    }

    /** Parameters as "learning rate 0.05, beta1 0.9", camelCase names spelt out, some keys left out. */
    static String params(Map<String, Object> params, List<String> skip) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : params.entrySet()) {
            if (!skip.contains(e.getKey())) {
                parts.add(words(e.getKey()) + " " + plain(e.getValue()));
            }
        }
        return String.join(", ", parts);
    }

    /** A number as written in a sentence (0.0001, not 1.0E-4); other values as they are. */
    static String plain(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return new java.math.BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
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
