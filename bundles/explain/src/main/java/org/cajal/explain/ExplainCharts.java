package org.cajal.explain;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cajal.api.trained.ExplainFiles;
import org.cajal.api.visual.Drawing;
import org.cajal.charts.ChartDrawings;
import org.cajal.explain.method.PartialDependence;
import org.cajal.explain.method.PermutationImportance;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of an explanation: importance as bars with their 95% interval, and per feature its partial dependence
 * (numeric: the mean curve over up to {@link #ICE_LINES} grey ICE curves for one output, or one curve per class;
 * categorical: bars per category).
 */
public final class ExplainCharts {

    /** The most ICE curves drawn (the table holds all of them). */
    static final int ICE_LINES = 50;
    static final int WIDTH = 800;
    static final int HEIGHT = 600;

    private ExplainCharts() {
    }

    /** Writes every chart as PNG and SVG into {@code dir}; returns the files written. */
    static List<Path> write(Explanation e, Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        out.addAll(both(ChartDrawings.of(importance(e.importance())), dir, ExplainFiles.IMPORTANCE_CHART));
        for (PartialDependence.Curves c : e.curves()) {
            String name = ExplainFiles.partialDependence(c.feature().name()).replace(".csv", "");
            out.addAll(both(ChartDrawings.of(partialDependence(c, e.outputs())), dir, name));
        }
        return out;
    }

    private static List<Path> both(Drawing d, Path dir, String name) throws IOException {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        ChartDrawings.writePng(d, WIDTH, HEIGHT, png);
        ChartDrawings.writeSvg(d, WIDTH, HEIGHT, svg);
        return List.of(png, svg);
    }

    public static JFreeChart importance(PermutationImportance.Importance imp) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        imp.results().stream().sorted((a, b) -> Double.compare(b.mean(), a.mean()))
                .forEach(r -> data.add(r.mean(), (r.high() - r.low()) / 2, "importance", r.feature().name()));
        JFreeChart chart = ChartFactory.createBarChart("Permutation importance (" + imp.repeats() + " repeats, 95% "
                + "interval)", "feature", "loss of " + imp.metric().id() + " when shuffled", data,
                PlotOrientation.HORIZONTAL, false, true, false);
        CategoryPlot plot = chart.getCategoryPlot();
        StatisticalBarRenderer renderer = new StatisticalBarRenderer();
        renderer.setErrorIndicatorPaint(Color.DARK_GRAY);
        plot.setRenderer(renderer);
        return ChartDrawings.style(chart);
    }

    public static JFreeChart partialDependence(PartialDependence.Curves c, List<String> outputs) {
        String title = "Partial dependence on " + c.feature().name();
        if (c.feature().categorical()) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (int g = 0; g < c.grid().length; g++) {
                for (int k = 0; k < outputs.size(); k++) {
                    data.addValue(c.average()[g][k], outputs.get(k), c.feature().label(c.grid()[g]));
                }
            }
            JFreeChart bars = ChartDrawings.style(ChartFactory.createBarChart(title, c.feature().name(),
                    "mean prediction", data, PlotOrientation.VERTICAL, outputs.size() > 1, true, false));
            BarRenderer renderer = (BarRenderer) bars.getCategoryPlot().getRenderer();
            renderer.setBarPainter(new StandardBarPainter());
            renderer.setShadowVisible(false);
            return bars;
        }
        XYSeriesCollection data = new XYSeriesCollection();
        boolean ice = outputs.size() == 1;
        for (int k = 0; k < outputs.size(); k++) {
            XYSeries s = new XYSeries("mean: " + outputs.get(k));
            for (int g = 0; g < c.grid().length; g++) {
                s.add(c.grid()[g], c.average()[g][k]);
            }
            data.addSeries(s);
        }
        for (int i = 0; ice && i < Math.min(ICE_LINES, c.ice().length); i++) {
            XYSeries s = new XYSeries("row " + i);
            for (int g = 0; g < c.grid().length; g++) {
                s.add(c.grid()[g], c.ice()[i][g][0]);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(title + (ice ? " with ICE curves (grey)" : ""),
                c.feature().name(), ice ? outputs.get(0) : "mean probability", data, PlotOrientation.VERTICAL,
                !ice, true, false);
        ChartDrawings.style(chart);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            boolean mean = s < outputs.size();
            r.setSeriesPaint(s, mean ? ChartDrawings.SERIES[s % ChartDrawings.SERIES.length] : new Color(0, 0, 0, 40));
            r.setSeriesStroke(s, new BasicStroke(mean ? 3f : 1f));
        }
        plot.setRenderer(r);
        return chart;
    }
}
