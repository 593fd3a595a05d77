package org.cajal.experiments.internal.store;

import java.nio.file.Path;
import java.util.List;

import org.cajal.launcher.spi.CommandArguments;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The arguments of the commands that take one thing and an optional {@code --out}: {@code cajal bundle FOLDER},
 * {@code cajal report FOLDER}, {@code cajal rerun BUNDLE}.
 *
 * @param one the thing, as given
 * @param out the {@code --out} value, or null
 */
public record OneAndOut(String one, Path out) {

    /** The command line as picocli reads it. */
    static final class Options {
        @Parameters(index = "0", arity = "0..1") String one;
        @Option(names = "--out") Path out;
    }

    /**
     * @param missing the message when the one thing is not given
     * @throws IllegalArgumentException with the usage problem, to print above the usage text
     */
    public static OneAndOut parse(List<String> args, String missing) {
        Options o = CommandArguments.parse(new Options(), args);
        if (o.one == null) {
            throw new IllegalArgumentException(missing);
        }
        return new OneAndOut(o.one, o.out);
    }
}
