package dev.migrations.conformance;

import java.util.List;

import dev.migrations.error.MigrationsException;
import dev.migrations.report.AlembicText;

/** Runs scenario steps on a {@link ScenarioEngine}, printing listings with {@link AlembicText} as the tools do. */
public final class EngineSteps implements StepRunner {

	private final ScenarioEngine engine;

	public EngineSteps(ScenarioEngine engine) {
		this.engine = engine;
	}

	@Override
	public StepOutcome run(ScenarioStep step) {
		List<String> before = this.engine.rows();
		List<String> log = List.of();
		List<String> stdout = null;
		String error = null;
		List<String> args = step.args();
		try {
			switch (step.command()) {
				case "_set_version_rows" -> this.engine.plantRows(args);
				case "upgrade" -> log = this.engine.upgrade(args.isEmpty() ? "head" : args.get(0));
				case "downgrade" -> log = this.engine.downgrade(args.get(0));
				case "stamp" -> log = this.engine.stamp(args.stream().filter((arg) -> !arg.equals("--purge")).toList(),
						args.contains("--purge"));
				case "current" -> stdout = AlembicText.current(this.engine.current());
				case "heads" -> stdout = AlembicText.heads(this.engine.heads(args.contains("--resolve-dependencies")));
				case "branches" -> stdout = AlembicText.branches(this.engine.branches(),
						(id) -> this.engine.show(id).get(0));
				case "history" -> stdout = AlembicText.history(this.engine.history(range(args),
						args.contains("-i") || args.contains("--indicate-current")));
				case "show" -> this.engine.show(args.get(0));
				default -> throw new IllegalArgumentException("Unknown scenario command " + step.command());
			}
		}
		catch (MigrationsException ex) {
			error = ex.getMessage();
		}
		if (args.contains("--verbose")) {
			stdout = null;
		}
		return new StepOutcome(before, this.engine.rows(), log, stdout, error, null);
	}

	@Override
	public void resync(List<String> rows) {
		this.engine.stamp(rows.isEmpty() ? List.of("base") : rows, true);
	}

	private static String range(List<String> args) {
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if ((arg.equals("-r") || arg.equals("--rev-range")) && i + 1 < args.size()) {
				return args.get(i + 1);
			}
			if (arg.startsWith("--rev-range=")) {
				return arg.substring("--rev-range=".length());
			}
		}
		return null;
	}

}
