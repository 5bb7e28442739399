package dev.migrations.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a child process and measures it from the outside: wall time from start to exit (or to a line it prints),
 * and optionally its peak resident set size as GNU time's {@code -v} report gives it ("Maximum resident set
 * size"). The child's standard error goes to ours; its standard output is collected.
 */
public final class ChildProcess {

	private static final Path GNU_TIME = Path.of("/usr/bin/time");

	private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

	private ChildProcess() {
	}

	/**
	 * What one run of a child process gave.
	 *
	 * @param nanos wall time from start to exit, or to the awaited line
	 * @param peakRssBytes the peak resident set size, or -1 when not measured
	 * @param output the lines it printed on standard output
	 */
	public record Run(long nanos, long peakRssBytes, List<String> output) {

		public Run {
			output = List.copyOf(output);
		}

	}

	/** Whether GNU time is there to measure peak memory. */
	public static boolean canMeasureRss() {
		return Files.isExecutable(GNU_TIME);
	}

	/**
	 * Runs the command to its end; fails unless it exits with 0.
	 * @param measureRss whether to run it under GNU time for its peak resident set size
	 */
	public static Run run(List<String> command, boolean measureRss) throws IOException, InterruptedException {
		Path report = measureRss ? Files.createTempFile("bench-time", ".txt") : null;
		List<String> full = new ArrayList<>();
		if (measureRss) {
			full.addAll(List.of(GNU_TIME.toString(), "-v", "-o", report.toString()));
		}
		full.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(full).redirectError(ProcessBuilder.Redirect.INHERIT);
		long start = System.nanoTime();
		Process process = builder.start();
		List<String> output = readAll(process);
		int exit = process.waitFor();
		long nanos = System.nanoTime() - start;
		if (exit != 0) {
			throw new IllegalStateException("Exit code " + exit + " from " + String.join(" ", command));
		}
		long rss = -1;
		if (measureRss) {
			Matcher matcher = MAX_RSS.matcher(Files.readString(report));
			Files.delete(report);
			if (!matcher.find()) {
				throw new IllegalStateException("GNU time reported no maximum resident set size");
			}
			rss = Long.parseLong(matcher.group(1)) * 1024;
		}
		return new Run(nanos, rss, output);
	}

	/**
	 * Starts the command, waits until it prints a line that {@code awaited} accepts, then ends it, giving it
	 * {@code stopSeconds} to stop before it is killed.
	 * @return the time from start to that line, and the lines up to it
	 */
	public static Run runUntil(List<String> command, Predicate<String> awaited, long stopSeconds)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		long start = System.nanoTime();
		Process process = builder.start();
		List<String> output = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				output.add(line);
				if (awaited.test(line)) {
					long nanos = System.nanoTime() - start;
					return new Run(nanos, -1, output);
				}
			}
			throw new IllegalStateException("The process ended before printing the awaited line: "
					+ String.join("\n", output.subList(Math.max(0, output.size() - 20), output.size())));
		}
		finally {
			process.destroy();
			if (!process.waitFor(stopSeconds, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	private static List<String> readAll(Process process) throws IOException {
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				lines.add(line);
			}
		}
		return lines;
	}

}
