package dev.migrations.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.migrations.report.Json;

/**
 * Where a command's results go: text lines, or with {@code --json} one JSON document, on standard output.
 * Lines are flushed at once, so {@code Running upgrade ...} appears while a long migration runs.
 */
public final class Output {

	private final PrintWriter out;

	private final boolean json;

	private boolean printed;

	Output(PrintWriter out, boolean json) {
		this.out = out;
		this.json = json;
	}

	/** Whether {@code --json} asked for one JSON document instead of text. */
	public boolean json() {
		return this.json;
	}

	/** Whether anything was printed: a command that printed its document before failing has answered. */
	boolean printed() {
		return this.printed;
	}

	public void line(String line) {
		this.printed = true;
		this.out.println(line);
		this.out.flush();
	}

	public void lines(List<String> lines) {
		this.printed |= !lines.isEmpty();
		lines.forEach(this.out::println);
		this.out.flush();
	}

	/** A message as one line: a failure is reported in one line, and a hint in one more. */
	static String oneLine(String text) {
		return text.strip().replaceAll("\\s*\\R\\s*", " ");
	}

	/** Prints a document made of maps, lists, strings, numbers and booleans (see {@link JsonViews}). */
	public void document(Object document) {
		line(Json.write(document));
	}

}
