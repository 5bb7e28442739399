package dev.migrations.benchmarks.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The orchestrating JVM's handle on a child JVM that answers one request per line (see
 * {@code ContenderWorker}): it writes a request and waits for the answer line, skipping whatever else the child
 * prints.
 */
public final class Worker implements AutoCloseable {

	private final Process process;

	private final Writer requests;

	private final BufferedReader answers;

	private final String replyPrefix;

	/** Starts the child JVM; its standard error goes to ours. */
	public Worker(List<String> command, String replyPrefix) throws IOException {
		this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		this.requests = new OutputStreamWriter(this.process.getOutputStream(), StandardCharsets.UTF_8);
		this.answers = new BufferedReader(new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
		this.replyPrefix = replyPrefix;
	}

	/** Sends a request of tab-separated fields and returns the answer's fields. */
	public String[] request(String... fields) throws IOException {
		this.requests.write(String.join("\t", fields) + "\n");
		this.requests.flush();
		String line;
		while ((line = this.answers.readLine()) != null) {
			if (line.startsWith(this.replyPrefix)) {
				return line.substring(this.replyPrefix.length()).split("\t");
			}
		}
		throw new IllegalStateException("The worker ended without answering " + String.join(" ", fields));
	}

	/** Asks the child to quit and waits for it; ends it if it does not. */
	@Override
	public void close() throws IOException, InterruptedException {
		if (this.process.isAlive()) {
			this.requests.write("quit\n");
			this.requests.flush();
			this.requests.close();
		}
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor();
		}
	}

}
