package dev.migrations.cli.command;

import java.nio.file.Path;

import dev.migrations.cli.JsonViews;
import dev.migrations.cli.Output;

/** What {@code revision} and {@code merge} print for the file they wrote: Alembic's {@code Generating <path> ...  done}. */
final class Generated {

	private Generated() {
	}

	static void print(Output output, Path written) {
		Path path = written.toAbsolutePath().normalize();
		if (output.json()) {
			output.document(JsonViews.path(path));
		}
		else {
			output.line("Generating " + path + " ...  done");
		}
	}

}
