package org.cajal.workbench;

import java.awt.Dimension;
import java.awt.Rectangle;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

import javax.swing.JFrame;
import javax.swing.JSplitPane;
import javax.swing.UIManager;
import javax.swing.UnsupportedLookAndFeelException;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;

/**
 * What the window remembers in the workbench's preferences: its bounds, the two dividers, and the light or dark
 * theme. Event-dispatch thread.
 */
final class WindowPreferences {

    private static final String PREF_THEME = "theme";
    private static final String PREF_BOUNDS = "windowBounds";
    private static final String PREF_LEFT = "leftDivider";
    private static final String PREF_RIGHT = "rightDivider";

    private final Preferences prefs;

    WindowPreferences(Preferences prefs) {
        this.prefs = prefs;
    }

    /** {@code light} or {@code dark}. */
    String theme() {
        return prefs.get(PREF_THEME, "light");
    }

    /** Sets the look and feel of the remembered theme (before the window is made). */
    void applyTheme() {
        applyTheme(theme());
    }

    /** Remembers the theme and switches the open windows to it. */
    void switchTheme(String theme) {
        prefs.put(PREF_THEME, theme);
        applyTheme(theme);
        FlatLaf.updateUI();
    }

    private static void applyTheme(String theme) {
        FlatLaf laf = "dark".equals(theme) ? new FlatDarkLaf() : new FlatLightLaf();
        try {
            UIManager.setLookAndFeel(laf);
        } catch (UnsupportedLookAndFeelException e) {
            return;
        }
        // Swing loads UI delegate classes through this loader: inside OSGi it must be the bundle's
        UIManager.getDefaults().put("ClassLoader", FlatLaf.class.getClassLoader());
    }

    /** Restores the window's bounds and dividers (defaults the first time). */
    void restoreLayout(JFrame frame, JSplitPane leftSplit, JSplitPane rightSplit) {
        String[] b = prefs.get(PREF_BOUNDS, "").split(",");
        if (b.length == 4) {
            try {
                Rectangle r = new Rectangle(Integer.parseInt(b[0]), Integer.parseInt(b[1]), Integer.parseInt(b[2]),
                        Integer.parseInt(b[3]));
                frame.setBounds(r);
            } catch (NumberFormatException e) {
                frame.setSize(new Dimension(1400, 900));
            }
        } else {
            frame.setSize(new Dimension(1400, 900));
            frame.setLocationRelativeTo(null);
        }
        leftSplit.setDividerLocation(prefs.getInt(PREF_LEFT, 250));
        int right = prefs.getInt(PREF_RIGHT, -1);
        rightSplit.setDividerLocation(right > 0 ? right : frame.getWidth() - 250 - 360);
    }

    /** Remembers the window's bounds and dividers. */
    void saveLayout(JFrame frame, JSplitPane leftSplit, JSplitPane rightSplit) {
        Rectangle r = frame.getBounds();
        prefs.put(PREF_BOUNDS, r.x + "," + r.y + "," + r.width + "," + r.height);
        prefs.putInt(PREF_LEFT, leftSplit.getDividerLocation());
        prefs.putInt(PREF_RIGHT, rightSplit.getDividerLocation());
        try {
            prefs.flush();
        } catch (BackingStoreException e) {
            // the layout is only a convenience; nothing to tell the user
        }
    }
}
