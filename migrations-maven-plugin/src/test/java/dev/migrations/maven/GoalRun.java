package dev.migrations.maven;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;

/**
 * A goal run as Maven runs it, without Maven: its parameters set on its fields as Maven injects them (the project's
 * directory, an empty class path, the given {@code -D} properties by field name), and the lines it logs kept with
 * their level, as the build log shows them.
 */
final class GoalRun {

	private final List<String> lines = new ArrayList<>();

	private MojoFailureException failure;

	private GoalRun() {
	}

	/**
	 * Runs the goal on the project in {@code basedir}.
	 * @param parameters the goal's fields by name, such as {@code format} for {@code -Dmigrations.format}
	 */
	static GoalRun of(MigrationsMojo goal, Path basedir, Map<String, Object> parameters) {
		GoalRun run = new GoalRun();
		set(goal, "basedir", basedir.toFile());
		set(goal, "classpathElements", List.of());
		parameters.forEach((name, value) -> set(goal, name, value));
		goal.setLog(run.new RecordingLog());
		try {
			goal.execute();
		}
		catch (MojoFailureException ex) {
			run.failure = ex;
		}
		return run;
	}

	/** How the build failed, or {@code null} when it succeeded. */
	MojoFailureException failure() {
		return this.failure;
	}

	/** The lines logged, each as {@code [INFO] text}. */
	List<String> lines() {
		return this.lines;
	}

	/** The text of the lines logged at INFO, one per line. */
	String info() {
		return String.join("\n", this.lines.stream()
			.filter((line) -> line.startsWith("[INFO] "))
			.map((line) -> line.substring("[INFO] ".length()))
			.toList());
	}

	private static void set(Object goal, String name, Object value) {
		for (Class<?> type = goal.getClass(); type != null; type = type.getSuperclass()) {
			try {
				Field field = type.getDeclaredField(name);
				field.setAccessible(true);
				field.set(goal, value);
				return;
			}
			catch (NoSuchFieldException ex) {
				// declared further up
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalArgumentException(goal.getClass().getSimpleName() + " has no parameter '" + name + "'");
	}

	private final class RecordingLog extends SystemStreamLog {

		@Override
		public void info(CharSequence content) {
			GoalRun.this.lines.add("[INFO] " + content);
		}

		@Override
		public void warn(CharSequence content) {
			GoalRun.this.lines.add("[WARNING] " + content);
		}

		@Override
		public void error(CharSequence content) {
			GoalRun.this.lines.add("[ERROR] " + content);
		}

	}

}
