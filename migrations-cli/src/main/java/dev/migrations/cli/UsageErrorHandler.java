package dev.migrations.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A usage error (unknown option, missing argument): the error, a suggestion where picocli has one, and where to find
 * the command's help, with exit code 2, as Alembic's argument parser does.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

	@Override
	public int handleParseException(ParameterException failure, String[] args) {
		CommandLine commandLine = failure.getCommandLine();
		PrintWriter err = commandLine.getErr();
		err.println("Error: " + failure.getMessage());
		UnmatchedArgumentException.printSuggestions(failure, err);
		err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
		err.flush();
		return commandLine.getCommandSpec().exitCodeOnInvalidInput();
	}

}
