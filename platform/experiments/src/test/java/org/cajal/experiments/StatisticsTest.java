package org.cajal.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The statistics against values computed independently: SciPy 1.17.1 / NumPy ({@code scipy.stats.t.ppf},
 * {@code scipy.stats.t.sf}, {@code numpy.std(ddof=1)}), with the corrected resampled t-test written out from
 * Nadeau and Bengio's formula in Python — the script is in each test's comment.
 */
class StatisticsTest {

    private static final double EXACT = 1e-12;

    @Test
    void meanSdAndTIntervalMatchScipy() {
        // x = [0.91, 0.93, 0.90, 0.94, 0.92]; m = x.mean(); sd = x.std(ddof=1)
        // h = stats.t.ppf(0.975, 4) * sd / sqrt(5)
        Summary s = Statistics.summarise(new double[] {0.91, 0.93, 0.90, 0.94, 0.92});
        assertEquals(5, s.n());
        assertEquals(0.9200000000000002, s.mean(), EXACT);
        assertEquals(0.015811388300841875, s.sd(), EXACT);
        assertEquals(0.9003675683852246, s.ciLow(), 1e-10);
        assertEquals(0.9396324316147757, s.ciHigh(), 1e-10);

        // a skewed small sample: [1.5, 2.5, 2.0, 8.0], t(0.975, 3) = 3.182...
        Summary skewed = Statistics.summarise(new double[] {1.5, 2.5, 2.0, 8.0});
        assertEquals(3.5, skewed.mean(), EXACT);
        assertEquals(3.0276503540974917, skewed.sd(), EXACT);
        assertEquals(-1.3176673415442357, skewed.ciLow(), 1e-9);
        assertEquals(8.317667341544237, skewed.ciHigh(), 1e-9);
        assertEquals("3.50 ± 3.03 (95% CI -1.32–8.32, n = 4)", skewed.format(2));
    }

    @Test
    void oneValueHasNoSpreadAndBadValuesAreRefused() {
        Summary one = Statistics.summarise(new double[] {0.5});
        assertEquals(new Summary(1, 0.5, 0, 0.5, 0.5), one);
        assertThrows(IllegalArgumentException.class, () -> Statistics.summarise(new double[0]));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Statistics.summarise(new double[] {1, Double.NaN}));
        assertTrue(nan.getMessage().contains("value 2 of 2"), nan.getMessage());
    }

    @Test
    void bandSummarisesEachEpochOverTheCurvesThatReachedIt() {
        List<Summary> band = Statistics.band(List.of(new double[] {1.0, 0.5, 0.25}, new double[] {3.0, 1.5},
                new double[] {2.0, 1.0, Double.NaN}));
        assertEquals(3, band.size());
        assertEquals(Statistics.summarise(new double[] {1.0, 3.0, 2.0}), band.get(0));
        assertEquals(Statistics.summarise(new double[] {0.5, 1.5, 1.0}), band.get(1));
        assertEquals(new Summary(1, 0.25, 0, 0.25, 0.25), band.get(2));
    }

    @Test
    void correctedResampledTTestMatchesTheFormulaInScipy() {
        // d = a - b; J = 10; v = d.var(ddof=1); se = sqrt((1/J + 1/9) * v)   (10-fold: n2/n1 = 1/9)
        // t = d.mean() / se; p = 2 * stats.t.sf(|t|, 9); h = stats.t.ppf(0.975, 9) * se
        double[] a = {0.81, 0.84, 0.79, 0.86, 0.83, 0.85, 0.80, 0.82, 0.84, 0.83};
        double[] b = {0.78, 0.80, 0.79, 0.81, 0.80, 0.82, 0.77, 0.80, 0.81, 0.79};
        Comparison c = Statistics.correctedResampledTTest(a, b, 1.0 / 9, "accuracy", true);
        assertEquals(10, c.n());
        assertEquals(9, c.df());
        assertEquals(4.896964688242578, c.t(), 1e-9);
        assertEquals(0.0008512041779619151, c.p(), 1e-12);
        assertEquals(2.25, c.effectSize(), 1e-9);
        assertEquals(0.016141473503599735, c.ciLow(), 1e-10);
        assertEquals(0.04385852649640019, c.ciHigh(), 1e-10);
        assertEquals(0.03, c.meanDifference(), 1e-12);
        assertTrue(c.verdict().startsWith("A is better than B on accuracy"), c.verdict());
        assertTrue(c.verdict().contains("large (d = 2.25)"), c.verdict());
        // the uncorrected paired t-test (scipy.stats.ttest_rel) gives t = 7.115: the correction is what differs
        assertTrue(c.t() < 7.115124735378853);
    }

    @Test
    void noDifferenceIsSaidPlainlyWithItsInterval() {
        // a = [0.70, 0.72, 0.69, 0.71, 0.73], b = [0.71, 0.70, 0.70, 0.72, 0.71], n2/n1 = 0.25 (hold-out 20/80)
        Comparison c = Statistics.correctedResampledTTest(new double[] {0.70, 0.72, 0.69, 0.71, 0.73},
                new double[] {0.71, 0.70, 0.70, 0.72, 0.71}, 0.25, "accuracy", true);
        assertEquals(0.18144368465060579, c.t(), 1e-9);
        assertEquals(0.864842593300092, c.p(), 1e-9);
        assertEquals(0.12171612389003691, c.effectSize(), 1e-9);
        assertEquals(-0.02860393212962153, c.ciLow(), 1e-10);
        assertEquals(0.03260393212962154, c.ciHigh(), 1e-10);
        assertTrue(c.verdict().startsWith("No evidence of a difference between A and B on accuracy"),
                c.verdict());
        assertTrue(!c.verdict().contains("little power"), "5 pairs: no small-sample warning");
    }

    @Test
    void lowerIsBetterForLossesAndFewPairsAreFlagged() {
        // B has the lower loss on all three seeds, by differing amounts
        Comparison c = Statistics.correctedResampledTTest(new double[] {0.50, 0.55, 0.52},
                new double[] {0.30, 0.31, 0.33}, 0.25, "mse", false);
        assertTrue(c.meanDifference() > 0);
        assertTrue(c.verdict().contains("little power"), c.verdict());
        // SciPy: t = 10.392304845413257, p = 2 * stats.t.sf(t, 2) = 0.009132611386275467
        assertEquals(10.392304845413257, c.t(), 1e-9);
        assertEquals(0.009132611386275467, c.p(), 1e-9);
        assertTrue(c.verdict().startsWith("B is better than A on mse"), c.verdict());
        assertThrows(IllegalArgumentException.class, () -> Statistics.correctedResampledTTest(
                new double[] {1, 2}, new double[] {1}, 0.25, "mse", false));
        assertThrows(IllegalArgumentException.class, () -> Statistics.correctedResampledTTest(
                new double[] {1}, new double[] {1}, 0.25, "mse", false));
        assertThrows(IllegalArgumentException.class, () -> Statistics.correctedResampledTTest(
                new double[] {1, 2}, new double[] {1, 1}, 0, "mse", false));
    }

    @Test
    void identicalDifferencesGiveADefiniteAnswerWithoutDividingByZero() {
        Comparison same = Statistics.correctedResampledTTest(new double[] {0.8, 0.9}, new double[] {0.8, 0.9},
                0.25, "accuracy", true);
        assertEquals(0, same.t());
        assertEquals(1, same.p());
        Comparison shifted = Statistics.correctedResampledTTest(new double[] {0.9, 1.0}, new double[] {0.8, 0.9},
                0.25, "accuracy", true);
        assertEquals(0, shifted.p());
        assertTrue(shifted.verdict().startsWith("A is better"), shifted.verdict());
    }
}
