package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Sums up the execution samples of Java Flight Recorder files: the frames that were on top of the stack most often
 * (self time), and the frames of one package prefix that were anywhere on the stack most often (total time), each
 * as {@code class.method:line}. Several files add up, e.g. the recordings of several short processes. Record with
 * {@code -Dbench.profile=true}, then run
 * {@code java -cp <class path> dev.migrations.benchmarks.HotSpots [--prefix dev.migrations.] [--rows 25] file.jfr...}.
 */
public final class HotSpots {

	private HotSpots() {
	}

	public static void main(String[] args) throws IOException {
		String prefix = "dev.migrations.";
		int rows = 25;
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--prefix" -> prefix = args[++i];
				case "--rows" -> rows = Integer.parseInt(args[++i]);
				default -> files.add(Path.of(args[i]));
			}
		}
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> total = new HashMap<>();
		int samples = 0;
		for (Path file : files) {
			for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
				RecordedStackTrace stack = event.getStackTrace();
				if (!event.getEventType().getName().equals("jdk.ExecutionSample") || stack == null
						|| stack.getFrames().isEmpty()) {
					continue;
				}
				samples++;
				List<RecordedFrame> frames = stack.getFrames();
				self.merge(describe(frames.get(0)), 1, Integer::sum);
				Set<String> seen = new HashSet<>();
				for (RecordedFrame frame : frames) {
					String name = describe(frame);
					if (name.startsWith(prefix) && seen.add(name)) {
						total.merge(name, 1, Integer::sum);
					}
				}
			}
		}
		System.out.println(samples + " execution samples in " + files.size() + " recording(s)");
		print("Self (top of stack)", self, samples, rows);
		print("Total, frames of " + prefix + "*", total, samples, rows);
	}

	private static String describe(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName() + ":"
				+ frame.getLineNumber();
	}

	private static void print(String title, Map<String, Integer> counts, int samples, int rows) {
		System.out.println();
		System.out.println(title);
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(rows)
			.forEach((entry) -> System.out.printf("%6.1f%%  %s%n", 100.0 * entry.getValue() / samples, entry.getKey()));
	}

}
