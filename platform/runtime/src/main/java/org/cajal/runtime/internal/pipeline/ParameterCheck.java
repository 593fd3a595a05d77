package org.cajal.runtime.internal.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cajal.api.ComponentDescriptor;
import org.cajal.api.ParameterSpec;
import org.cajal.api.Parameters;
import org.cajal.api.pipeline.Problem;

/** Checks a component's raw parameters against its specs, with a JSON path per problem, then resolves them. */
public final class ParameterCheck {

    private ParameterCheck() {
    }

    /**
     * @param path JSON path of the {@code params} object
     * @return the resolved parameters, or null if there were problems (added to {@code problems})
     */
    public static Parameters resolve(ComponentDescriptor d, Map<String, Object> raw, String path, Path base,
                              List<Problem> problems) {
        int before = problems.size();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            var spec = d.parameter(e.getKey());
            if (spec.isEmpty()) {
                List<String> keys = d.parameters().stream().map(ParameterSpec::key).toList();
                problems.add(new Problem(path + "." + e.getKey(), "'" + d.id() + "' has no parameter '" + e.getKey()
                        + "'" + Suggestions.didYouMean(e.getKey(), keys) + "; its parameters are: "
                        + (keys.isEmpty() ? "none" : String.join(", ", keys))));
                continue;
            }
            String help = spec.get().help().isEmpty() ? "" : " (" + e.getKey() + ": " + spec.get().help() + ")";
            spec.get().problem(e.getValue()).ifPresent(msg ->
                    problems.add(new Problem(path + "." + e.getKey(), msg + help)));
        }
        for (ParameterSpec spec : d.parameters()) {
            if (spec.required() && !raw.containsKey(spec.key())) {
                problems.add(new Problem(path + "." + spec.key(), "is missing; '" + d.id() + "' needs it: "
                        + spec.help()));
            }
        }
        return problems.size() == before ? Parameters.resolve(d, raw, base) : null;
    }
}
