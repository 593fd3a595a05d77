package org.cajal.experiments.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.cajal.runfolder.CsvTable;

/**
 * A results table, written as Markdown, LaTeX (booktabs) and CSV. Cells are text, written as given: a table to
 * show is first formatted ({@link MetricFormat#shown}), a CSV table keeps full precision.
 *
 * @param caption what the table shows
 */
record ResultTable(String caption, List<String> header, List<List<String>> rows) {

    /** A GitHub-flavoured Markdown table with the caption above it. */
    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("**").append(caption).append("**\n\n");
        b.append("| ").append(header.stream().map(ResultTable::md).collect(Collectors.joining(" | "))).append(" |\n");
        b.append("|").append(header.stream().map(h -> "---|").collect(Collectors.joining())).append("\n");
        for (List<String> row : rows) {
            b.append("| ").append(row.stream().map(ResultTable::md).collect(Collectors.joining(" | ")))
                    .append(" |\n");
        }
        return b.toString();
    }

    /** A LaTeX table with booktabs rules ({@code \\usepackage{booktabs}}); special characters escaped. */
    String latex() {
        StringBuilder b = new StringBuilder();
        b.append("\\begin{table}[ht]\n\\centering\n");
        b.append("\\caption{").append(escape(caption)).append("}\n");
        b.append("\\begin{tabular}{l").append("r".repeat(Math.max(0, header.size() - 1))).append("}\n");
        b.append("\\toprule\n");
        b.append(header.stream().map(ResultTable::escape).collect(Collectors.joining(" & "))).append(" \\\\\n");
        b.append("\\midrule\n");
        for (List<String> row : rows) {
            b.append(row.stream().map(ResultTable::escape).collect(Collectors.joining(" & "))).append(" \\\\\n");
        }
        b.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n");
        return b.toString();
    }

    /** RFC 4180 CSV with a header row. */
    String csv() {
        return new CsvTable(header, rows).format();
    }

    /** Escapes LaTeX's special characters: \ { } $ & # ^ _ % ~, and ± as a math symbol. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder();
        if (text == null) {
            return "";
        }
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\textbackslash{}");
                case '{', '}', '$', '&', '#', '_', '%' -> b.append('\\').append(c);
                case '^' -> b.append("\\textasciicircum{}");
                case '~' -> b.append("\\textasciitilde{}");
                case '±' -> b.append("$\\pm$");
                case '–' -> b.append("--");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static String md(String text) {
        return text == null ? "" : text.replace("|", "\\|");
    }

    /** A number as CSV text: the shortest text that reads back as the same double. */
    static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    /** A copy of a CSV file as a table. */
    static ResultTable of(String caption, CsvTable csv) {
        List<List<String>> rows = new ArrayList<>(csv.rows());
        return new ResultTable(caption, csv.header(), rows);
    }
}
