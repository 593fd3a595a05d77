package org.cajal.workbench.core;

import java.awt.Component;
import java.awt.FlowLayout;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Supplier;

import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JPanel;
import javax.swing.filechooser.FileNameExtensionFilter;

import org.cajal.api.visual.Drawing;
import org.cajal.charts.ChartDrawings;

/**
 * Export of a chart or visualiser drawing to PNG or SVG, shared by the training, results and runs views: a pair
 * of buttons that ask for a file with a {@link JFileChooser} and write the drawing at the size it has on screen
 * (or {@link #DEFAULT_WIDTH}×{@link #DEFAULT_HEIGHT} when it is not shown); a PNG at the resolution chosen in the
 * file dialog ({@link PngExport}, 300 dpi unless the user picked another before). The chosen folder and
 * resolution are remembered in the workbench preferences. Event-dispatch thread.
 */
public final class ChartExport {

    /** The two file formats. */
    public enum Format {
        PNG("png", "PNG image"), SVG("svg", "SVG drawing");

        private final String extension;
        private final String description;

        Format(String extension, String description) {
            this.extension = extension;
            this.description = description;
        }

        public String extension() {
            return extension;
        }

        /** The file with this format's extension appended unless it already ends with it. */
        public Path withExtension(Path file) {
            String name = file.getFileName().toString();
            return name.toLowerCase(Locale.ROOT).endsWith("." + extension)
                    ? file : file.resolveSibling(name + "." + extension);
        }
    }

    /** Size used when the component has no usable size (not laid out yet). */
    public static final int DEFAULT_WIDTH = 1000;
    public static final int DEFAULT_HEIGHT = 700;

    private static final int MIN_SIZE = 200;
    private static final String PREF_DIRECTORY = "exportDirectory";
    private static final String PREF_DPI = "exportDpi";

    private ChartExport() {
    }

    /**
     * A panel with "Export PNG…" and "Export SVG…" buttons.
     *
     * @param workbench for the preferences (last folder) and the notifier (write errors)
     * @param pngName   Swing name of the PNG button
     * @param svgName   Swing name of the SVG button
     * @param shown     the component the drawing is painted in (its size is the export size)
     * @param drawing   what to export now; {@code null} when there is nothing to export yet
     * @param baseName  suggested file name without extension (e.g. the run id and chart name)
     */
    public static JComponent buttons(Workbench workbench, String pngName, String svgName, JComponent shown,
                                     Supplier<Drawing> drawing, Supplier<String> baseName) {
        JPanel bar = new JPanel(new FlowLayout(FlowLayout.RIGHT, 4, 0));
        bar.setOpaque(false);
        bar.add(button("Export PNG…", pngName, Format.PNG, workbench, shown, drawing, baseName));
        bar.add(button("Export SVG…", svgName, Format.SVG, workbench, shown, drawing, baseName));
        return bar;
    }

    private static JButton button(String label, String name, Format format, Workbench workbench, JComponent shown,
                                  Supplier<Drawing> drawing, Supplier<String> baseName) {
        JButton button = new JButton(label);
        button.setName(name);
        button.setToolTipText(format == Format.PNG ? "Save this chart as a PNG image at its size on screen, at a "
                + "resolution you choose (300 dpi for print)" : "Save this chart as an SVG drawing (scales to any size)");
        button.addActionListener(e -> {
            Drawing d = drawing.get();
            if (d == null) {
                workbench.notifier().status("Nothing to export yet.");
                return;
            }
            JComboBox<String> dpi = format == Format.PNG ? resolutions(workbench) : null;
            Path file = choose(workbench, shown, format, baseName.get(), dpi);
            if (file == null) {
                return;
            }
            try {
                if (dpi != null) {
                    int chosen = PngExport.RESOLUTIONS[dpi.getSelectedIndex()];
                    workbench.preferences().putInt(PREF_DPI, chosen);
                    PngExport.write(d, width(shown), height(shown), chosen, file);
                } else {
                    write(d, width(shown), height(shown), file, format);
                }
                workbench.notifier().status("Exported " + file);
            } catch (IOException | RuntimeException ex) {
                workbench.notifier().error("Export failed", "Could not write " + file + ": " + message(ex));
            }
        });
        return button;
    }

    /** Writes the drawing to the file in the format; the file's folder is created if needed. */
    public static void write(Drawing drawing, int width, int height, Path file, Format format) throws IOException {
        if (format == Format.PNG) {
            ChartDrawings.writePng(drawing, width, height, file);
        } else {
            ChartDrawings.writeSvg(drawing, width, height, file);
        }
    }

    /** The PNG resolution choice, set to the last one used (or {@link PngExport#DEFAULT_DPI}). */
    private static JComboBox<String> resolutions(Workbench workbench) {
        JComboBox<String> box = new JComboBox<>();
        box.setName("export.dpi");
        int last = workbench.preferences() == null ? PngExport.DEFAULT_DPI
                : workbench.preferences().getInt(PREF_DPI, PngExport.DEFAULT_DPI);
        for (int dpi : PngExport.RESOLUTIONS) {
            box.addItem(dpi + " dpi" + (dpi == 96 ? " (screen size)" : dpi == 300 ? " (print)" : ""));
            if (dpi == last) {
                box.setSelectedIndex(box.getItemCount() - 1);
            }
        }
        return box;
    }

    private static Path choose(Workbench workbench, Component parent, Format format, String baseName,
                               JComboBox<String> dpi) {
        JFileChooser chooser = new JFileChooser();
        if (dpi != null) {
            JPanel accessory = new JPanel(new java.awt.BorderLayout(0, 4));
            accessory.setBorder(javax.swing.BorderFactory.createEmptyBorder(0, 8, 0, 0));
            accessory.add(new javax.swing.JLabel("Resolution:"), java.awt.BorderLayout.NORTH);
            accessory.add(dpi, java.awt.BorderLayout.CENTER);
            chooser.setAccessory(accessory);
        }
        chooser.setDialogTitle("Export " + format.description);
        chooser.setFileFilter(new FileNameExtensionFilter(format.description + " (*." + format.extension + ")",
                format.extension));
        Path folder = lastFolder(workbench);
        if (folder != null) {
            chooser.setCurrentDirectory(folder.toFile());
        }
        String name = (baseName == null || baseName.isBlank() ? "chart" : baseName) + "." + format.extension;
        chooser.setSelectedFile(new File(chooser.getCurrentDirectory(), name.replaceAll("[\\\\/:*?\"<>|]", "_")));
        if (chooser.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION || chooser.getSelectedFile() == null) {
            return null;
        }
        Path file = format.withExtension(chooser.getSelectedFile().toPath());
        if (workbench.preferences() != null && file.getParent() != null) {
            workbench.preferences().put(PREF_DIRECTORY, file.getParent().toString());
        }
        return file;
    }

    private static Path lastFolder(Workbench workbench) {
        if (workbench.preferences() == null) {
            return null;
        }
        String last = workbench.preferences().get(PREF_DIRECTORY, null);
        if (last == null) {
            return null;
        }
        Path p = Path.of(last);
        return Files.isDirectory(p) ? p : null;
    }

    private static int width(JComponent c) {
        return c != null && c.getWidth() >= MIN_SIZE ? c.getWidth() : DEFAULT_WIDTH;
    }

    private static int height(JComponent c) {
        return c != null && c.getHeight() >= MIN_SIZE ? c.getHeight() : DEFAULT_HEIGHT;
    }

    private static String message(Exception e) {
        return Messages.of(e);
    }
}
