package org.cajal.experiments.internal.store;

import java.nio.file.Path;
import java.util.List;

/**
 * The arguments of the commands that take one thing and an optional {@code --out}: {@code cajal bundle FOLDER},
 * {@code cajal report FOLDER}, {@code cajal rerun BUNDLE}.
 *
 * @param one the thing, as given
 * @param out the {@code --out} value, or null
 */
public record OneAndOut(String one, Path out) {

    /**
     * @param noun what the one thing is, for messages ("folder", "bundle")
     * @param missing the message when it is not given
     * @param outNoun what {@code --out} names ("a file", "a folder")
     * @throws IllegalArgumentException with the usage problem, to print above the usage text
     */
    public static OneAndOut parse(List<String> args, String noun, String missing, String outNoun) {
        String one = null;
        Path out = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if ("--out".equals(a)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--out needs " + outNoun);
                }
                out = Path.of(args.get(++i));
            } else if (a.startsWith("-")) {
                throw new IllegalArgumentException("unknown option " + a);
            } else if (one != null) {
                throw new IllegalArgumentException("one " + noun + " at a time (got " + one + " and " + a + ")");
            } else {
                one = a;
            }
        }
        if (one == null) {
            throw new IllegalArgumentException(missing);
        }
        return new OneAndOut(one, out);
    }
}
