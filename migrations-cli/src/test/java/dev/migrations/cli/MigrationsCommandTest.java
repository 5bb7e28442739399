package dev.migrations.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** Which commands the command line builds for the arguments it is given. */
class MigrationsCommandTest {

	private static final String[] ALL = { "init", "revision", "upgrade", "downgrade", "current", "history", "heads",
			"branches", "show", "stamp", "repair", "merge", "check", "graph", "lint" };

	@Test
	void buildsOnlyTheCommandTheArgumentsName() {
		assertThat(commands("--url", "jdbc:h2:mem:x", "check")).containsExactly("check");
	}

	@Test
	void buildsEveryCommandTheArgumentsName() {
		// A global option's value may read as a command name: picocli then sees both commands and decides.
		assertThat(commands("--schema", "check", "upgrade", "head")).containsExactly("upgrade", "check");
	}

	@Test
	void buildsAllCommandsWhenTheArgumentsNameNone() {
		assertThat(commands("--help")).containsExactly(ALL);
		assertThat(commands()).containsExactly(ALL);
		assertThat(commands("upgrad")).containsExactly(ALL);
	}

	@Test
	void usageListsAllCommands() {
		StringWriter out = new StringWriter();
		CommandLine commandLine = MigrationsCommand.commandLine(root(), "--help");
		commandLine.setOut(new PrintWriter(out));
		assertThat(commandLine.execute("--help")).isZero();
		assertThat(out.toString()).contains("  init ", "  merge ", "  check ");
	}

	@Test
	void aMisspelledCommandIsAUsageErrorWithSuggestions() {
		StringWriter err = new StringWriter();
		CommandLine commandLine = MigrationsCommand.commandLine(root(), "chek");
		commandLine.setErr(new PrintWriter(err));
		assertThat(commandLine.execute("chek")).isEqualTo(2);
		assertThat(err.toString()).contains("Did you mean: migrations check");
	}

	private static Iterable<String> commands(String... args) {
		return MigrationsCommand.commandLine(root(), args).getSubcommands().keySet();
	}

	private static MigrationsCommand root() {
		return new MigrationsCommand(Map.of(), Path.of(""));
	}

}
