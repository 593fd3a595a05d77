package org.cajal.experiments;

/**
 * A sample summarised: its size, mean, sample standard deviation and 95% confidence interval of the mean.
 */
public record Summary(int n, double mean, double sd, double ciLow, double ciHigh) {

    /** "0.912 ± 0.013 (95% CI 0.897–0.927, n = 5)", with the given number of decimals. */
    public String format(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(java.util.Locale.ROOT, f + " ± " + f + " (95%% CI " + f + "–" + f + ", n = %d)",
                mean, sd, ciLow, ciHigh, n);
    }
}
