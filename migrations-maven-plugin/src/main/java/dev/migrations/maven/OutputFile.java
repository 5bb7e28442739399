package dev.migrations.maven;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.maven.plugin.MojoFailureException;

/**
 * The file of {@code -Dmigrations.output}: a goal's text written there as it is, without the build log's
 * {@code [INFO]} prefixes, so that another tool reads it. The text goes to a file beside it first and then takes its
 * place, so a failure leaves no half-written file and an earlier one as it was.
 */
final class OutputFile {

	private static final String PROPERTY = "-Dmigrations.output";

	private OutputFile() {
	}

	/**
	 * Writes {@code text} to {@code file}, creating its parent directories and replacing what was there.
	 * @param example a file name to suggest when {@code file} is a directory ({@code graph.dot})
	 * @return the file's absolute path
	 * @throws MojoFailureException one line naming the file and why it cannot be written
	 */
	static Path write(Path file, String text, String example) throws MojoFailureException {
		Path target = file.toAbsolutePath().normalize();
		if (Files.isDirectory(target)) {
			throw failure(target, "it is a directory; name a file in it, such as " + target.resolve(example));
		}
		Path temporary = null;
		try {
			Path directory = Files.createDirectories(target.getParent());
			temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
			Files.writeString(temporary, text);
			Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return target;
		}
		catch (IOException ex) {
			deleteIfWritten(temporary);
			throw failure(target, reason(ex));
		}
	}

	private static String reason(IOException ex) {
		if (ex instanceof FileAlreadyExistsException exists) {
			return exists.getFile() + " is a file, not a directory";
		}
		if (ex instanceof AccessDeniedException denied) {
			return "permission denied on " + denied.getFile();
		}
		if (ex instanceof FileSystemException system && system.getReason() != null) {
			return system.getFile() + ": " + system.getReason();
		}
		return ex.getMessage();
	}

	private static void deleteIfWritten(Path temporary) {
		if (temporary == null) {
			return;
		}
		try {
			Files.deleteIfExists(temporary);
		}
		catch (IOException ex) {
			// the write's failure is the one to report
		}
	}

	private static MojoFailureException failure(Path file, String reason) {
		return new MojoFailureException("Cannot write " + PROPERTY + " '" + file + "': " + reason);
	}

}
